#include "layers/ImageDiff.h"

#include "layers/LayerStack.h"
#include "layers/MergeState.h"

#include <QHash>

#include <algorithm>

namespace wharf {

namespace {

qint64 fileBytes(const LayerEntry &entry)
{
    return entry.type == LayerEntry::Type::File ? entry.size : 0;
}

Digest layerOf(const MergeState &state, const MergeState::Node &node)
{
    return node.entry >= 0 ? state.layers().at(node.layer).layer : Digest();
}

QList<ImageDiff::Layer> layersOf(const LayerStack &stack)
{
    QList<ImageDiff::Layer> layers;
    for (const LayerListing &listing : stack.layers())
        layers.append({listing.layer, listing.compressedSize, -1, -1});
    return layers;
}

} // namespace

qint64 ImageDiff::File::fromSize() const
{
    return from ? fileBytes(*from) : 0;
}

qint64 ImageDiff::File::toSize() const
{
    return to ? fileBytes(*to) : 0;
}

ImageDiff::Differences ImageDiff::differences(const LayerEntry &a, const Digest &aLayer, const LayerEntry &b,
                                              const Digest &bLayer)
{
    Differences d;
    if (a.type != b.type)
        d |= Difference::Type;
    const bool directory = a.type == LayerEntry::Type::Directory && b.type == LayerEntry::Type::Directory;
    // An implied directory (no entry, no layer) has no metadata to compare.
    if (directory && (!aLayer.isValid() || !bLayer.isValid()))
        return d;
    if (fileBytes(a) != fileBytes(b))
        d |= Difference::Size;
    if (a.mode != b.mode)
        d |= Difference::Mode;
    if (a.uid != b.uid || a.gid != b.gid)
        d |= Difference::Owner;
    if (a.linkTarget != b.linkTarget)
        d |= Difference::LinkTarget;
    if (!directory) {
        if (a.mtime != b.mtime)
            d |= Difference::MTime;
        if (aLayer != bLayer)
            d |= Difference::Layer;
    }
    return d;
}

ImageDiff ImageDiff::compare(const LayerStack &from, const LayerStack &to)
{
    ImageDiff diff;
    diff.complete = from.isComplete() && to.isComplete();

    // Layers.
    const QList<Layer> a = layersOf(from);
    const QList<Layer> b = layersOf(to);
    while (diff.sharedPrefix < a.size() && diff.sharedPrefix < b.size()
           && a.at(diff.sharedPrefix).digest == b.at(diff.sharedPrefix).digest)
        ++diff.sharedPrefix;
    QHash<QString, int> firstInA;
    QHash<QString, int> firstInB;
    for (int i = 0; i < a.size(); ++i)
        if (!firstInA.contains(a.at(i).digest.toString()))
            firstInA.insert(a.at(i).digest.toString(), i);
    for (int i = 0; i < b.size(); ++i)
        if (!firstInB.contains(b.at(i).digest.toString()))
            firstInB.insert(b.at(i).digest.toString(), i);
    for (int i = 0; i < a.size(); ++i) {
        Layer layer = a.at(i);
        layer.fromIndex = i;
        layer.toIndex = firstInB.value(layer.digest.toString(), -1);
        if (layer.toIndex >= 0) {
            if (firstInA.value(layer.digest.toString()) == i) // a blob used twice is one common layer
                diff.commonLayers.append(layer);
        } else {
            diff.onlyInFrom.append(layer);
        }
    }
    for (int i = 0; i < b.size(); ++i) {
        if (!firstInA.contains(b.at(i).digest.toString())) {
            Layer layer = b.at(i);
            layer.toIndex = i;
            diff.onlyInTo.append(layer);
        }
    }

    // Files.
    MergeState before(from.layers());
    before.applyUpTo(from.size() - 1);
    MergeState after(to.layers());
    after.applyUpTo(to.size() - 1);
    before.forEachLive([&](int, const MergeState::Node &node) {
        const LayerEntry entry = before.entryOf(node);
        diff.fromTotalBytes += fileBytes(entry);
        const int other = after.find(node.path);
        if (other < 0) {
            File file{node.path, Change::Removed, entry, std::nullopt, layerOf(before, node), Digest(), {}};
            ++diff.removed;
            diff.removedBytes += fileBytes(entry);
            diff.files.append(std::move(file));
            return;
        }
        const MergeState::Node &otherNode = after.node(other);
        const LayerEntry otherEntry = after.entryOf(otherNode);
        const Digest fromLayer = layerOf(before, node);
        const Digest toLayer = layerOf(after, otherNode);
        const Differences d = differences(entry, fromLayer, otherEntry, toLayer);
        if (!d)
            return;
        File file{node.path, Change::Changed, entry, otherEntry, fromLayer, toLayer, d};
        ++diff.changed;
        diff.changedDelta += file.sizeDelta();
        diff.files.append(std::move(file));
    });
    after.forEachLive([&](int, const MergeState::Node &node) {
        const LayerEntry entry = after.entryOf(node);
        diff.toTotalBytes += fileBytes(entry);
        if (before.find(node.path) >= 0)
            return;
        ++diff.added;
        diff.addedBytes += fileBytes(entry);
        diff.files.append(File{node.path, Change::Added, std::nullopt, entry, Digest(), layerOf(after, node), {}});
    });
    std::sort(diff.files.begin(), diff.files.end(), [](const File &x, const File &y) { return x.path < y.path; });
    return diff;
}

} // namespace wharf
