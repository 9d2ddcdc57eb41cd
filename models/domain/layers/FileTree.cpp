#include "layers/FileTree.h"

#include <algorithm>

namespace wharf {

FileTree::FileTree()
{
    FileNode root;
    root.entry.type = LayerEntry::Type::Directory;
    root.implied = true;
    m_nodes.append(root);
}

int FileTree::addNode(const QString &path, int parent)
{
    FileNode node;
    const qsizetype slash = path.lastIndexOf(u'/');
    node.name = slash < 0 ? path : path.mid(slash + 1);
    node.parent = parent;
    node.entry.path = path;
    node.entry.type = LayerEntry::Type::Directory;
    node.implied = true;
    const int index = int(m_nodes.size());
    m_nodes.append(std::move(node));
    m_nodes[parent].children.append(index);
    m_index.insert(path, index);
    return index;
}

int FileTree::ensureParent(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    if (slash < 0)
        return 0;
    const QString parentPath = path.left(slash);
    if (const auto it = m_index.constFind(parentPath); it != m_index.cend())
        return *it;
    return addNode(parentPath, ensureParent(parentPath));
}

int FileTree::insert(const LayerEntry &entry, int layer, FileMark mark, bool implied)
{
    int index = find(entry.path);
    if (index < 0)
        index = addNode(entry.path, ensureParent(entry.path));
    FileNode &node = m_nodes[index];
    node.entry = entry;
    node.layer = layer;
    node.mark = mark;
    node.implied = implied;
    return index;
}

void FileTree::setOpaque(int index)
{
    m_nodes[index].opaque = true;
}

void FileTree::finish()
{
    for (FileNode &node : m_nodes) {
        std::sort(node.children.begin(), node.children.end(),
                  [this](int a, int b) { return m_nodes.at(a).name < m_nodes.at(b).name; });
    }
    // Children always come after their parent in m_nodes? Not when an implied parent was created
    // first and filled in later, so sum over an explicit post-order instead of by index.
    const QList<int> order = depthFirst();
    for (auto it = order.crbegin(); it != order.crend(); ++it) {
        FileNode &node = m_nodes[*it];
        qint64 total = node.entry.type == LayerEntry::Type::File ? node.entry.size : 0;
        int descendants = 0;
        for (const int child : std::as_const(node.children)) {
            const FileNode &c = m_nodes.at(child);
            descendants += 1 + c.descendants;
            if (c.isDeleted() == node.isDeleted())
                total += c.totalSize;
        }
        node.totalSize = total;
        node.descendants = descendants;
    }
    FileNode &root = m_nodes.front();
    qint64 total = 0;
    int descendants = 0;
    for (const int child : std::as_const(root.children)) {
        const FileNode &c = m_nodes.at(child);
        descendants += 1 + c.descendants;
        if (!c.isDeleted())
            total += c.totalSize;
    }
    root.totalSize = total;
    root.descendants = descendants;
}

QList<int> FileTree::depthFirst() const
{
    QList<int> order;
    order.reserve(m_nodes.size() - 1);
    QList<int> stack;
    const QList<int> &top = m_nodes.front().children;
    for (auto it = top.crbegin(); it != top.crend(); ++it)
        stack.append(*it);
    while (!stack.isEmpty()) {
        const int index = stack.takeLast();
        order.append(index);
        const QList<int> &children = m_nodes.at(index).children;
        for (auto it = children.crbegin(); it != children.crend(); ++it)
            stack.append(*it);
    }
    return order;
}

int FileTree::count(FileMark mark) const
{
    return int(std::count_if(m_nodes.cbegin() + 1, m_nodes.cend(), [mark](const FileNode &n) { return n.mark == mark; }));
}

} // namespace wharf
