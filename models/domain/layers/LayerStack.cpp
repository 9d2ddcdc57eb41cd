#include "layers/LayerStack.h"

#include "layers/MergeState.h"

namespace wharf {

namespace {

enum class View { LayerOnly, Merged };

FileMark markOf(const MergeState::Node &node, int layer, const MergeState::Changes &changes)
{
    if (node.layer != layer)
        return FileMark::None;
    return changes.before.contains(node.path) ? FileMark::Modified : FileMark::Added;
}

FileTree buildTree(const QList<LayerListing> &layers, int index, View view)
{
    MergeState state(layers);
    state.applyUpTo(index - 1);
    MergeState::Changes changes;
    state.apply(index, &changes);

    FileTree tree;
    const auto insertLive = [&](const MergeState::Node &node, FileMark mark) {
        tree.insert(state.entryOf(node), node.entry >= 0 ? node.layer : -1, mark, node.entry < 0);
    };
    if (state.node(0).layer == index)
        insertLive(state.node(0), markOf(state.node(0), index, changes));
    state.forEachLive([&](int, const MergeState::Node &node) {
        const FileMark mark = markOf(node, index, changes);
        if (view == View::Merged || mark != FileMark::None)
            insertLive(node, mark);
    });
    for (auto it = changes.before.cbegin(); it != changes.before.cend(); ++it) {
        if (state.find(it.key()) >= 0)
            continue;
        const MergeState::Before &before = it.value();
        tree.insert(state.entryOf(it.key(), before), before.entry >= 0 ? before.layer : -1, FileMark::Deleted, before.entry < 0);
    }
    if (view == View::LayerOnly) {
        const QList<LayerEntry> &entries = layers.at(index).entries;
        for (const int e : std::as_const(changes.whiteoutsOfNothing)) {
            if (tree.find(entries.at(e).path) < 0)
                tree.insert(entries.at(e), index, FileMark::Deleted);
        }
    }
    for (const QString &path : std::as_const(changes.opaque)) {
        int node = tree.find(path);
        if (node < 0) {
            // The layer has no entry for the directory itself (and hid nothing): give it one.
            const int live = state.find(path);
            if (live < 0)
                continue;
            node = tree.insert(state.entryOf(state.node(live)), -1, FileMark::None, state.node(live).entry < 0);
        }
        tree.setOpaque(node);
    }
    if (view == View::LayerOnly) {
        // Parents created only for structure: fill them in from the merge when they are there.
        for (int i = 1; i < tree.size(); ++i) {
            const FileNode &n = tree.node(i);
            if (!n.implied || n.mark != FileMark::None || n.layer >= 0)
                continue;
            const int live = state.find(n.entry.path);
            if (live >= 0 && state.node(live).entry >= 0)
                tree.insert(state.entryOf(state.node(live)), state.node(live).layer, FileMark::None);
        }
    }
    tree.finish();
    return tree;
}

} // namespace

LayerStack::LayerStack(QList<LayerListing> layers)
    : m_layers(std::move(layers))
{
}

int LayerStack::indexOf(const Digest &digest) const
{
    for (int i = 0; i < m_layers.size(); ++i)
        if (m_layers.at(i).layer == digest)
            return i;
    return -1;
}

bool LayerStack::isComplete(int last) const
{
    const int end = last < 0 ? size() - 1 : std::min(last, size() - 1);
    for (int i = 0; i <= end; ++i)
        if (!m_layers.at(i).complete)
            return false;
    return true;
}

std::optional<Error> LayerStack::firstError(int last) const
{
    const int end = last < 0 ? size() - 1 : std::min(last, size() - 1);
    for (int i = 0; i <= end; ++i)
        if (m_layers.at(i).error)
            return m_layers.at(i).error;
    return std::nullopt;
}

FileTree LayerStack::layerTree(int index) const
{
    if (index < 0 || index >= size())
        return {};
    return buildTree(m_layers, index, View::LayerOnly);
}

FileTree LayerStack::mergedTree(int index) const
{
    if (index < 0 || index >= size())
        return {};
    return buildTree(m_layers, index, View::Merged);
}

FileTree LayerStack::finalTree() const
{
    FileTree tree;
    if (isEmpty())
        return tree;
    MergeState state(m_layers);
    state.applyUpTo(size() - 1);
    state.forEachLive([&](int, const MergeState::Node &node) {
        tree.insert(state.entryOf(node), node.entry >= 0 ? node.layer : -1, FileMark::None, node.entry < 0);
    });
    tree.finish();
    return tree;
}

} // namespace wharf
