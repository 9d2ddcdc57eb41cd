#include "layers/ImageEfficiency.h"

#include "layers/LayerStack.h"
#include "layers/MergeState.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace wharf {

ImageEfficiency ImageEfficiency::measure(const LayerStack &stack)
{
    ImageEfficiency result;
    const QList<LayerListing> &layers = stack.layers();
    result.complete = stack.isComplete();
    MergeState state(layers);
    state.applyUpTo(int(layers.size()) - 1);

    // The bytes the final image still holds: one File entry per surviving file or hard link.
    QSet<qint64> kept;
    state.forEachLive([&kept](int, const MergeState::Node &node) {
        if (node.content >= 0)
            kept.insert(node.content);
    });

    QHash<QString, Offender> wasted; // only the paths with waste, so it stays small
    result.layerBytes.fill(0, layers.size());
    result.layerWastedBytes.fill(0, layers.size());
    for (int l = 0; l < layers.size(); ++l) {
        const QList<LayerEntry> &entries = layers.at(l).entries;
        for (int e = 0; e < entries.size(); ++e) {
            const LayerEntry &entry = entries.at(e);
            if (entry.type != LayerEntry::Type::File)
                continue;
            result.totalBytes += entry.size;
            result.layerBytes[l] += entry.size;
            if (kept.contains(MergeState::contentKey(l, e)))
                continue;
            result.wastedBytes += entry.size;
            result.layerWastedBytes[l] += entry.size;
            Offender &offender = wasted[entry.path];
            offender.wastedBytes += entry.size;
        }
    }
    // Copies are counted in a second pass, for the wasteful paths only.
    for (const LayerListing &listing : layers) {
        for (const LayerEntry &entry : listing.entries) {
            if (entry.type != LayerEntry::Type::File)
                continue;
            if (const auto it = wasted.find(entry.path); it != wasted.end())
                ++it->copies;
        }
    }
    result.offenders.reserve(wasted.size());
    for (auto it = wasted.begin(); it != wasted.end(); ++it) {
        Offender offender = it.value();
        offender.path = it.key();
        offender.removed = state.find(offender.path) < 0;
        result.offenders.append(std::move(offender));
    }
    std::sort(result.offenders.begin(), result.offenders.end(), [](const Offender &a, const Offender &b) {
        return a.wastedBytes != b.wastedBytes ? a.wastedBytes > b.wastedBytes : a.path < b.path;
    });
    result.keptBytes = result.totalBytes - result.wastedBytes;
    result.score = result.totalBytes > 0 ? double(result.keptBytes) / double(result.totalBytes) : 1.0;
    return result;
}

} // namespace wharf
