#include "layers/MergeState.h"

namespace wharf {

namespace {

QStringView parentOf(QStringView path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? QStringView() : path.left(slash);
}

} // namespace

MergeState::MergeState(const QList<LayerListing> &layers)
    : m_layers(layers)
{
    Node root;
    root.alive = true;
    m_nodes.push_back(std::move(root));
    qsizetype entries = 0;
    for (const LayerListing &listing : layers)
        entries += listing.entries.size();
    // Most paths appear once; reserving for all of them avoids rehashing a million-entry map.
    m_index.reserve(size_t(entries));
}

void MergeState::applyUpTo(int last)
{
    for (int layer = m_applied + 1; layer <= last && layer < m_layers.size(); ++layer)
        apply(layer);
}

void MergeState::apply(int layer, Changes *changes)
{
    Q_ASSERT(layer == m_applied + 1);
    m_applied = layer;
    const QList<LayerEntry> &entries = m_layers.at(layer).entries;
    // Deletions first: they only ever reach the layers below (layer.md, "Whiteouts").
    for (int e = 0; e < entries.size(); ++e) {
        const LayerEntry &entry = entries.at(e);
        if (entry.type == LayerEntry::Type::Whiteout) {
            const int index = entry.path.isEmpty() ? -1 : find(entry.path);
            if (index > 0)
                removeSubtree(index, layer, changes);
            else if (changes)
                changes->whiteoutsOfNothing.append(e);
        } else if (entry.type == LayerEntry::Type::OpaqueDirectory) {
            const int index = find(entry.path);
            if (index >= 0 && m_nodes[size_t(index)].type == LayerEntry::Type::Directory)
                removeChildren(index, layer, changes);
            if (changes)
                changes->opaque.append(entry.path);
        }
    }
    for (int e = 0; e < entries.size(); ++e) {
        if (!entries.at(e).isDeletion())
            write(layer, e, changes);
    }
}

int MergeState::find(QStringView path) const
{
    if (path.isEmpty())
        return 0;
    const auto it = m_index.find(path);
    return it == m_index.end() ? -1 : it->second;
}

LayerEntry MergeState::entryOf(const Node &node) const
{
    if (node.entry >= 0)
        return m_layers.at(node.layer).entries.at(node.entry);
    LayerEntry implied;
    implied.path = node.path;
    implied.type = LayerEntry::Type::Directory;
    return implied;
}

LayerEntry MergeState::entryOf(const QString &path, const Before &before) const
{
    if (before.entry >= 0)
        return m_layers.at(before.layer).entries.at(before.entry);
    LayerEntry implied;
    implied.path = path;
    implied.type = LayerEntry::Type::Directory;
    return implied;
}

void MergeState::remember(const Node &node, int layer, Changes *changes) const
{
    // Only the state below this layer is worth keeping: a node this layer wrote (or created) is
    // either already remembered or was never there below.
    if (changes && node.layer < layer && !changes->before.contains(node.path))
        changes->before.insert(node.path, Before{node.layer, node.entry, node.type});
}

qint64 MergeState::contentFor(int layer, int entry) const
{
    const LayerEntry &e = m_layers.at(layer).entries.at(entry);
    if (e.type == LayerEntry::Type::File)
        return contentKey(layer, entry);
    if (e.type == LayerEntry::Type::Hardlink) {
        const int target = find(e.linkTarget);
        return target > 0 ? m_nodes[size_t(target)].content : -1;
    }
    return -1;
}

int MergeState::createNode(const QString &path, int parent)
{
    int index;
    if (!m_free.empty()) {
        index = m_free.back();
        m_free.pop_back();
    } else {
        index = int(m_nodes.size());
        m_nodes.emplace_back();
    }
    Node &node = m_nodes[size_t(index)];
    node.path = path;
    node.parent = parent;
    node.children.clear();
    node.alive = true;
    Node &p = m_nodes[size_t(parent)];
    node.slot = int(p.children.size());
    p.children.push_back(index);
    m_index.emplace(path, index);
    return index;
}

int MergeState::ensureDirectory(QStringView path, int layer, Changes *changes)
{
    if (m_lastFolder >= 0 && path == m_lastFolderPath)
        return m_lastFolder;
    const int folder = ensureDirectoryUncached(path, layer, changes);
    m_lastFolderPath = path.toString();
    m_lastFolder = folder;
    return folder;
}

int MergeState::ensureDirectoryUncached(QStringView path, int layer, Changes *changes)
{
    const int existing = find(path);
    if (existing >= 0) {
        Node &node = m_nodes[size_t(existing)];
        if (node.type != LayerEntry::Type::Directory) {
            // A file (or link) where a directory is needed: extraction replaces it.
            remember(node, layer, changes);
            node.layer = layer;
            node.entry = -1;
            node.type = LayerEntry::Type::Directory;
            node.content = -1;
        }
        return existing;
    }
    const int parent = ensureDirectory(parentOf(path), layer, changes);
    const int index = createNode(path.toString(), parent);
    Node &node = m_nodes[size_t(index)];
    node.layer = layer;
    node.entry = -1;
    node.type = LayerEntry::Type::Directory;
    node.content = -1;
    return index;
}

void MergeState::write(int layer, int entryIndex, Changes *changes)
{
    const LayerEntry &entry = m_layers.at(layer).entries.at(entryIndex);
    if (entry.path.isEmpty()) {
        // "./": the root's own metadata. Anything but a directory cannot replace the root.
        if (entry.type == LayerEntry::Type::Directory) {
            Node &root = m_nodes.front();
            remember(root, layer, changes);
            root.layer = layer;
            root.entry = entryIndex;
        }
        return;
    }
    int index = find(entry.path);
    if (index >= 0) {
        if (index == m_lastFolder && entry.type != LayerEntry::Type::Directory)
            m_lastFolder = -1;
        remember(m_nodes[size_t(index)], layer, changes);
        if (m_nodes[size_t(index)].type == LayerEntry::Type::Directory && entry.type != LayerEntry::Type::Directory)
            removeChildren(index, layer, changes);
    } else {
        const int parent = ensureDirectory(parentOf(entry.path), layer, changes);
        index = createNode(entry.path, parent);
    }
    // contentFor() may look the path itself up (a hard link to itself): resolve before writing.
    const qint64 content = contentFor(layer, entryIndex);
    Node &node = m_nodes[size_t(index)];
    node.layer = layer;
    node.entry = entryIndex;
    node.type = entry.type;
    node.content = content;
}

void MergeState::removeChildren(int index, int layer, Changes *changes)
{
    while (!m_nodes[size_t(index)].children.empty())
        removeSubtree(m_nodes[size_t(index)].children.back(), layer, changes);
}

void MergeState::removeSubtree(int index, int layer, Changes *changes)
{
    m_lastFolder = -1;
    // Detach from the parent in O(1): the last child takes the removed one's slot.
    {
        const Node &node = m_nodes[size_t(index)];
        Node &parent = m_nodes[size_t(node.parent)];
        const int last = parent.children.back();
        parent.children[size_t(node.slot)] = last;
        m_nodes[size_t(last)].slot = node.slot;
        parent.children.pop_back();
    }
    std::vector<int> stack{index};
    while (!stack.empty()) {
        const int current = stack.back();
        stack.pop_back();
        Node &node = m_nodes[size_t(current)];
        remember(node, layer, changes);
        stack.insert(stack.end(), node.children.begin(), node.children.end());
        node.children.clear();
        node.alive = false;
        node.content = -1;
        m_index.erase(node.path);
        node.path.clear();
        m_free.push_back(current);
    }
}

} // namespace wharf
