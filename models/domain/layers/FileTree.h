#pragma once
// A finished, read-only picture of a file system for display: one layer's own entries, or the
// merge of layers up to one, with what that layer did to each path (LayerStack builds them). Node
// 0 is the root; every node knows its parent and its children, sorted by name (code point order),
// so an item model or a printer walks it without any lookup. Deleted nodes stay in the tree under
// their old parent, marked, so a view can show what a layer removed; they never count towards the
// sizes of the live directories above them.

#include "layers/LayerEntry.h"

#include <QHash>
#include <QList>
#include <QString>

namespace wharf {

// What a layer did to a path, relative to the merge of the layers below it.
enum class FileMark : quint8 {
    None,     // untouched by this layer (shown for context: a parent, or the rest of the merge)
    Added,    // not there below
    Modified, // there below, written again by this layer (tar has no content hashes: any rewrite counts)
    Deleted,  // there below, gone now (a whiteout, an opaque directory, or replaced by a non-directory)
};

struct FileNode
{
    QString name;       // the last path component; empty for the root
    int parent = -1;    // -1 for the root
    QList<int> children;
    // For a live node the entry that put it there; for a Deleted node the entry that was deleted
    // (a Whiteout entry only when the layer deleted something that was not there). A directory no
    // tar entry names (implied by deeper paths) has type Directory and otherwise zeros.
    LayerEntry entry;
    int layer = -1;     // the layer `entry` comes from; -1 for the root and implied directories
    FileMark mark = FileMark::None;
    bool implied = false;   // a directory no layer has an entry for
    bool opaque = false;    // the layer this tree shows made this directory opaque
    // A file's size; for a directory the bytes of the live files below it; for a Deleted node the
    // bytes it (and, for a directory, everything below it) held. Hard links count zero: their bytes
    // are counted at the path they link to.
    qint64 totalSize = 0;
    int descendants = 0;    // nodes below this one (live and deleted)

    [[nodiscard]] bool isDirectory() const { return entry.type == LayerEntry::Type::Directory; }
    [[nodiscard]] bool isDeleted() const { return mark == FileMark::Deleted; }
};

class FileTree
{
public:
    FileTree();

    [[nodiscard]] int size() const { return int(m_nodes.size()); }
    [[nodiscard]] const FileNode &node(int index) const { return m_nodes.at(index); }
    [[nodiscard]] const FileNode &root() const { return m_nodes.front(); }
    [[nodiscard]] QString path(int index) const { return m_nodes.at(index).entry.path; }
    // The node at a relative, normalised path ("" is the root); -1 when there is none.
    [[nodiscard]] int find(const QString &path) const { return path.isEmpty() ? 0 : m_index.value(path, -1); }
    // Every node below the root in depth-first order, children by name (the order `ls -R` reads).
    [[nodiscard]] QList<int> depthFirst() const;
    // Counts over the tree, for summaries.
    [[nodiscard]] int count(FileMark mark) const;

    // Building (LayerStack). insert() creates missing parents as implied directories and replaces
    // an implied node when its real entry arrives; finish() sorts children and sums sizes.
    int insert(const LayerEntry &entry, int layer, FileMark mark, bool implied = false);
    void setOpaque(int index);
    void finish();

private:
    int ensureParent(const QString &path);
    int addNode(const QString &path, int parent);

    QList<FileNode> m_nodes;
    QHash<QString, int> m_index;
};

} // namespace wharf
