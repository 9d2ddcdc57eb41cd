#pragma once
// What changed from one image to another, from their layers (digests and listings, base first).
//
// Layers: how many of the first layers are the same blobs in the same order (the shared base, the
// part a pull or a registry never moves twice), which blobs both images have anywhere, and which
// only one of them has.
//
// Files: the final file systems of both images (every layer merged, LayerStack rules), path by
// path. A path only in `to` is added, only in `from` removed. A path in both is changed when any
// of these differ (tar listings carry no content hashes, so content is judged by what the headers
// and the blob say):
//   Type        file, directory, symlink, hard link, device, fifo;
//   Size        file bytes;
//   Mode        permission and set-id bits;
//   Owner       uid or gid;
//   LinkTarget  a symlink's or hard link's target;
//   MTime       the modification time (not for directories);
//   Layer       the entry comes from another layer blob (not for directories): the bytes may be
//               the same, but nothing proves it, so a rebuilt layer shows its files as changed
//               with only this reason — a view can treat those as "possibly unchanged".
// Directories are compared by type, mode and owner only: their time and the layer that last wrote
// them change whenever anything inside them does, which the diff already shows at that path.
// Sizes are uncompressed file bytes; directories count zero here.

#include "layers/LayerEntry.h"

#include <QFlags>
#include <QList>
#include <QString>

#include <optional>

namespace wharf {

class LayerStack;

struct ImageDiff
{
    enum class Difference : quint8 {
        Type = 0x01,
        Size = 0x02,
        Mode = 0x04,
        Owner = 0x08,
        LinkTarget = 0x10,
        MTime = 0x20,
        Layer = 0x40,
    };
    Q_DECLARE_FLAGS(Differences, Difference)

    enum class Change : quint8 { Added, Removed, Changed };

    struct Layer
    {
        Digest digest;
        qint64 size = 0; // compressed bytes read (LayerListing::compressedSize)
        int fromIndex = -1;
        int toIndex = -1;
    };

    struct File
    {
        QString path;
        Change change = Change::Changed;
        std::optional<LayerEntry> from; // absent when added
        std::optional<LayerEntry> to;   // absent when removed
        Digest fromLayer;               // the blob each side's entry comes from (invalid: an implied directory)
        Digest toLayer;
        Differences differences;
        [[nodiscard]] qint64 fromSize() const;
        [[nodiscard]] qint64 toSize() const;
        [[nodiscard]] qint64 sizeDelta() const { return toSize() - fromSize(); }
    };

    int sharedPrefix = 0;        // the first N layers are the same blobs in both
    QList<Layer> commonLayers;   // in both (anywhere), in `from`'s order
    QList<Layer> onlyInFrom;
    QList<Layer> onlyInTo;

    QList<File> files;           // every added, removed and changed path, by path
    int added = 0;
    int removed = 0;
    int changed = 0;
    qint64 addedBytes = 0;       // file bytes of added paths
    qint64 removedBytes = 0;     // file bytes of removed paths
    qint64 changedDelta = 0;     // the size change of changed paths
    qint64 fromTotalBytes = 0;   // file bytes of each final file system
    qint64 toTotalBytes = 0;
    bool complete = true;        // both images' listings were whole

    [[nodiscard]] qint64 totalDelta() const { return toTotalBytes - fromTotalBytes; }

    [[nodiscard]] static ImageDiff compare(const LayerStack &from, const LayerStack &to);
    // Which of `a` and `b` differ, by the rules above (both entries at the same path).
    [[nodiscard]] static Differences differences(const LayerEntry &a, const Digest &aLayer, const LayerEntry &b,
                                                 const Digest &bLayer);
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ImageDiff::Differences)

} // namespace wharf
