#pragma once
// The "layers and build history" view of one image, rebuilt from the registry the way Docker Hub's
// layer page shows it (hub-and-registry-api.md §1.9): config.history walked with a layer cursor, so
// each step that produced a layer carries that layer's descriptor and diff_id, and metadata steps
// (ENV, CMD, …) carry none. When the counts disagree the instructions cannot be placed, so the
// result lists the layers alone and says so.

#include "core/Digest.h"
#include "documents/Descriptor.h"
#include "documents/ImageConfig.h"
#include "documents/ImageManifest.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace wharf {

struct HistoryRow
{
    QDateTime created;
    QString createdBy;
    QString comment;
    bool emptyLayer = false;
    std::optional<Descriptor> layer;
    std::optional<Digest> diffId;

    // created_by without the classic builder's "/bin/sh -c #(nop) " prefix (as the Hub shows it), trimmed.
    [[nodiscard]] QString instruction() const;
};

struct ImageHistory
{
    QList<HistoryRow> rows;
    // False when the history's non-empty steps do not match manifest.layers one to one: rows are
    // then one per layer, without instructions.
    bool instructionsMatchLayers = true;
    // False when rootfs.diff_ids does not have one entry per layer: rows then carry no diffId, and
    // the image cannot be checked or exported (B27).
    bool diffIdsMatchLayers = true;
};

[[nodiscard]] ImageHistory mergeHistory(const ImageManifest &manifest, const ImageConfig &config);

} // namespace wharf
