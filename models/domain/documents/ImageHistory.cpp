#include "documents/ImageHistory.h"

namespace wharf {

using namespace Qt::StringLiterals;

QString HistoryRow::instruction() const
{
    constexpr auto classicPrefix = "/bin/sh -c #(nop) "_L1;
    const QStringView text = createdBy.startsWith(classicPrefix) ? QStringView(createdBy).mid(classicPrefix.size())
                                                                 : QStringView(createdBy);
    return text.trimmed().toString();
}

ImageHistory mergeHistory(const ImageManifest &manifest, const ImageConfig &config)
{
    ImageHistory result;
    const qsizetype layerCount = manifest.layers.size();
    result.diffIdsMatchLayers = config.diffIds.size() == layerCount;
    // Also false for a missing history (0 steps) over real layers.
    result.instructionsMatchLayers = config.nonEmptyHistoryCount() == layerCount;

    auto diffIdAt = [&](qsizetype i) -> std::optional<Digest> {
        if (result.diffIdsMatchLayers)
            return config.diffIds.at(i);
        return std::nullopt;
    };

    if (!result.instructionsMatchLayers) {
        result.rows.reserve(layerCount);
        for (qsizetype i = 0; i < layerCount; ++i) {
            HistoryRow row;
            row.layer = manifest.layers.at(i);
            row.diffId = diffIdAt(i);
            result.rows.append(row);
        }
        return result;
    }

    result.rows.reserve(config.history.size());
    qsizetype cursor = 0;
    for (const ImageConfig::HistoryEntry &entry : config.history) {
        HistoryRow row;
        row.created = entry.created;
        row.createdBy = entry.createdBy;
        row.comment = entry.comment;
        row.emptyLayer = entry.emptyLayer;
        if (!entry.emptyLayer) {
            row.layer = manifest.layers.at(cursor);
            row.diffId = diffIdAt(cursor);
            ++cursor;
        }
        result.rows.append(row);
    }
    return result;
}

} // namespace wharf
