#pragma once
// The layers of one image, base first, as their listings say, and the file systems they make:
// what one layer holds ("this layer only") and the merge of the layers up to it, each marked with
// what that layer did relative to the merge of the layers below it (Added, Modified, Deleted), by
// the OCI rules MergeState.h spells out. Trees are built on demand; building one applies the
// layers up to it once (hash maps by path, linear in the number of entries), so it is fine on a
// worker thread for images of a few hundred thousand entries. Listings that were cut short are
// used as far as they go; isComplete() says whether every one was whole.

#include "layers/FileTree.h"
#include "layers/LayerEntry.h"

#include <QList>

namespace wharf {

class LayerStack
{
public:
    LayerStack() = default;
    explicit LayerStack(QList<LayerListing> layers);

    [[nodiscard]] int size() const { return int(m_layers.size()); }
    [[nodiscard]] bool isEmpty() const { return m_layers.isEmpty(); }
    [[nodiscard]] const QList<LayerListing> &layers() const { return m_layers; }
    [[nodiscard]] const LayerListing &layer(int index) const { return m_layers.at(index); }
    // The first layer with this digest; -1 when there is none.
    [[nodiscard]] int indexOf(const Digest &digest) const;
    // Every listing up to `last` (all when -1) was read to its end.
    [[nodiscard]] bool isComplete(int last = -1) const;
    // The first error of a listing up to `last` (all when -1).
    [[nodiscard]] std::optional<Error> firstError(int last = -1) const;

    // Layer `index`'s own entries. A whiteout shows as the Deleted path with what it deleted
    // (and, for a directory, everything below it, Deleted too); a whiteout of a path that was not
    // there shows as a Deleted node of type Whiteout. An opaque directory is flagged opaque, the
    // lower contents it hides are its Deleted children. Parents the layer has no entry for are
    // there for structure, marked None (from the layers below when they exist there, else implied).
    [[nodiscard]] FileTree layerTree(int index) const;
    // The merge of layers 0…index, marked relative to the merge of 0…index-1, with what layer
    // `index` removed still in the tree as Deleted nodes.
    [[nodiscard]] FileTree mergedTree(int index) const;
    // The image's file system: every layer merged, nothing marked, nothing deleted.
    [[nodiscard]] FileTree finalTree() const;

private:
    QList<LayerListing> m_layers;
};

} // namespace wharf
