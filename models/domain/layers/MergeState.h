#pragma once
// The merged file system of an image while its layers are applied one by one, base first, by the
// rules of the OCI image-spec (layer.md, "Applying Changesets" and "Whiteouts"):
//   * a layer's whiteouts and opaque markers apply to the layers below it only, never to its own
//     entries, so they are applied first, whatever their place in the tar;
//   * a whiteout `.wh.NAME` removes NAME and, for a directory, everything below it;
//   * an opaque marker removes everything below its directory from the layers below, keeping the
//     directory itself (and whatever this layer puts into it);
//   * any other entry replaces what was at its path; a non-directory replacing a directory removes
//     the directory's contents; a directory over a directory merges (only the metadata changes);
//   * a path whose parent is missing gets an implied directory; a non-directory in the way of a
//     deeper path is replaced by an implied directory;
//   * a hard link shares the bytes of the file it links to, as resolved when it is applied: the
//     bytes stay alive while any path holds them.
// Paths live in a hash map (lookup by QStringView, no allocation), children in vectors with each
// node's slot in its parent, so removing a subtree costs its size and nothing is ever O(n²).
// Internal to models/layers/ (LayerStack, ImageEfficiency, ImageDiff).

#include "layers/LayerEntry.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <unordered_map>
#include <vector>

namespace wharf {

class MergeState
{
public:
    struct Node
    {
        QString path;            // "" for the root
        int parent = -1;
        int slot = -1;           // position in the parent's `children`
        std::vector<int> children;
        int layer = -1;          // the layer that wrote it (for an implied directory: created it); -1 the base root
        int entry = -1;          // its entry in that layer; -1 for the root and implied directories
        LayerEntry::Type type = LayerEntry::Type::Directory;
        qint64 content = -1;     // files and hard links: contentKey() of the File entry holding the bytes
        bool alive = false;
    };

    // A path's state below the layer being applied.
    struct Before
    {
        int layer = -1;
        int entry = -1;          // -1: an implied directory (or the root)
        LayerEntry::Type type = LayerEntry::Type::Directory;
    };

    // What one layer did, recorded when apply() is given somewhere to put it.
    struct Changes
    {
        // Every path the layer wrote again or removed, as it was below; a path not in here and
        // written by the layer is new.
        QHash<QString, Before> before;
        QList<int> whiteoutsOfNothing; // entries (of this layer) whose whiteout found nothing below
        QList<QString> opaque;         // directories this layer made opaque
    };

    explicit MergeState(const QList<LayerListing> &layers);

    void apply(int layer, Changes *changes = nullptr);
    // Applies layers 0…last.
    void applyUpTo(int last);

    [[nodiscard]] int find(QStringView path) const;
    [[nodiscard]] const Node &node(int index) const { return m_nodes[size_t(index)]; }
    [[nodiscard]] int nodeCount() const { return int(m_nodes.size()); }
    // The entry a live node (or a Before) comes from; an implied directory gets a synthesised one.
    [[nodiscard]] LayerEntry entryOf(const Node &node) const;
    [[nodiscard]] LayerEntry entryOf(const QString &path, const Before &before) const;
    [[nodiscard]] const QList<LayerListing> &layers() const { return m_layers; }

    [[nodiscard]] static qint64 contentKey(int layer, int entry) { return (qint64(layer) << 32) | quint32(entry); }
    [[nodiscard]] static int contentLayer(qint64 key) { return int(key >> 32); }
    [[nodiscard]] static int contentEntry(qint64 key) { return int(quint32(key)); }

    // Calls f(index, node) for every live node but the root.
    template <typename F>
    void forEachLive(F &&f) const
    {
        for (size_t i = 1; i < m_nodes.size(); ++i)
            if (m_nodes[i].alive)
                f(int(i), m_nodes[i]);
    }

private:
    struct PathHash
    {
        using is_transparent = void;
        size_t operator()(QStringView s) const noexcept { return qHash(s); }
    };
    struct PathEqual
    {
        using is_transparent = void;
        bool operator()(QStringView a, QStringView b) const noexcept { return a == b; }
    };

    void write(int layer, int entry, Changes *changes);
    int ensureDirectory(QStringView path, int layer, Changes *changes);
    int ensureDirectoryUncached(QStringView path, int layer, Changes *changes);
    int createNode(const QString &path, int parent);
    void removeSubtree(int index, int layer, Changes *changes);
    void removeChildren(int index, int layer, Changes *changes);
    void remember(const Node &node, int layer, Changes *changes) const;
    [[nodiscard]] qint64 contentFor(int layer, int entry) const;

    QList<LayerListing> m_layers;
    std::vector<Node> m_nodes; // 0 is the root
    std::vector<int> m_free;   // dead nodes to reuse
    std::unordered_map<QString, int, PathHash, PathEqual> m_index;
    // The folder the last entry went into: tar entries come folder by folder, so most parent
    // lookups end here. Forgotten whenever a node is removed or changes type.
    QString m_lastFolderPath;
    int m_lastFolder = -1;
    int m_applied = -1;
};

} // namespace wharf
