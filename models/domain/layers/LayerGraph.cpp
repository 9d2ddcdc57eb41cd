#include "layers/LayerGraph.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace wharf {

namespace {

// A child is found by its parent and its digest; -1 stands for "no parent" (a base layer).
using ChildKey = std::pair<int, QString>;

} // namespace

LayerGraph LayerGraph::build(QList<Image> images)
{
    return build(std::move(images), LayoutOptions());
}

LayerGraph LayerGraph::build(QList<Image> images, const LayoutOptions &options)
{
    LayerGraph graph;
    graph.m_images = std::move(images);
    graph.m_stats.resize(graph.m_images.size());

    QHash<ChildKey, int> childOf;
    QHash<QString, QList<int>> blobImages; // digest → the images using it, ascending, each once
    QHash<QString, qint64> blobSizes;
    for (int i = 0; i < graph.m_images.size(); ++i) {
        const Image &image = graph.m_images.at(i);
        int parent = -1;
        for (const Layer &layer : image.layers) {
            const QString digest = layer.digest.toString();
            const ChildKey key{parent, digest};
            int node = childOf.value(key, -1);
            if (node < 0) {
                node = int(graph.m_nodes.size());
                Node created;
                created.layer = layer;
                created.parent = parent;
                created.depth = parent < 0 ? 0 : graph.m_nodes.at(parent).depth + 1;
                graph.m_nodes.append(std::move(created));
                childOf.insert(key, node);
                graph.m_nodesByDigest[digest].append(node);
                if (parent < 0)
                    graph.m_roots.append(node);
                else
                    graph.m_nodes[parent].children.append(node);
                graph.m_maxDepth = std::max(graph.m_maxDepth, graph.m_nodes.at(node).depth);
            }
            // An image passes a node once: a trie path never revisits a node.
            graph.m_nodes[node].images.append(i);
            QList<int> &users = blobImages[digest];
            if (users.isEmpty() || users.constLast() != i)
                users.append(i);
            blobSizes.insert(digest, layer.size);
            parent = node;
        }
        graph.m_stats[i].endNode = parent;
        if (parent >= 0)
            graph.m_nodes[parent].endingImages.append(i);
    }

    // Groups: one per distinct set of images using a blob, numbered in node order (deterministic).
    QHash<QList<int>, int> groupOf;
    for (Node &node : graph.m_nodes) {
        node.blobImages = blobImages.value(node.layer.digest.toString());
        auto it = groupOf.constFind(node.blobImages);
        if (it == groupOf.constEnd()) {
            it = groupOf.insert(node.blobImages, int(graph.m_groups.size()));
            graph.m_groups.append(node.blobImages);
        }
        node.group = *it;
    }

    for (auto it = blobImages.cbegin(); it != blobImages.cend(); ++it) {
        const qint64 size = blobSizes.value(it.key());
        const bool shared = it.value().size() > 1;
        ++graph.m_blobCount;
        graph.m_totalBytes += size;
        if (shared) {
            ++graph.m_sharedBlobCount;
            graph.m_sharedBytes += size;
        }
        for (const int image : it.value()) {
            ImageStats &s = graph.m_stats[image];
            s.totalBytes += size;
            if (shared) {
                s.sharedBytes += size;
                ++s.sharedLayers;
            } else {
                s.uniqueBytes += size;
                ++s.uniqueLayers;
            }
        }
    }

    graph.layout(options);
    return graph;
}

double LayerGraph::radiusFor(qint64 size, const LayoutOptions &options)
{
    // log10: 100 B → 2, 1 GB → 9.
    constexpr double low = 2.0;
    constexpr double high = 9.0;
    const double magnitude = std::log10(double(std::max<qint64>(size, 1)));
    const double t = std::clamp((magnitude - low) / (high - low), 0.0, 1.0);
    return options.minRadius + t * (options.maxRadius - options.minRadius);
}

void LayerGraph::layout(const LayoutOptions &options)
{
    m_options = options;
    const double top = options.margin + options.maxRadius;
    const double left = options.margin + options.maxRadius;
    double nextRow = 0; // in rows; trees on different base layers are half a row further apart
    auto rowY = [&](double row) { return top + row * options.rowHeight; };

    // Depth-first: a node's own image ends take the first rows of its span, then its children's
    // subtrees in order.
    // Recursion is as deep as the tallest image (Docker caps images at 127 layers).
    auto place = [&](auto &&self, int index) -> void {
        Node &node = m_nodes[index];
        double first = 0;
        double last = 0;
        bool any = false;
        auto take = [&](double y) {
            if (!any)
                first = y;
            last = y;
            any = true;
        };
        for (const int image : std::as_const(node.endingImages)) {
            const double y = rowY(nextRow++);
            m_stats[image].labelPosition.setY(y);
            take(y);
        }
        for (const int child : std::as_const(node.children)) {
            self(self, child);
            take(m_nodes.at(child).position.y());
        }
        // A node where an image ends sits on that image's row, so the image's label leads straight
        // out of it; the layers built on it branch off below.
        const double y = node.endingImages.isEmpty() ? (first + last) / 2 : first;
        m_nodes[index].position = QPointF(left + node.depth * options.columnWidth, y);
        m_nodes[index].radius = radiusFor(node.layer.size, options);
    };
    for (const int root : std::as_const(m_roots)) {
        if (root != m_roots.constFirst())
            nextRow += 0.5;
        place(place, root);
    }

    // Labels go one column after the deepest nodes, whose own labels fill the column before.
    m_labelColumnX = left + (m_maxDepth + 1) * options.columnWidth;
    for (ImageStats &s : m_stats) {
        s.labelPosition.setX(m_labelColumnX);
        if (s.endNode < 0)
            s.labelPosition.setY(rowY(nextRow++)); // an image without layers still gets its row, last
    }

    m_nodeBounds = QRectF();
    for (const Node &node : std::as_const(m_nodes)) {
        const QRectF r(node.position - QPointF(node.radius, node.radius), QSizeF(2 * node.radius, 2 * node.radius));
        m_nodeBounds = m_nodeBounds.isNull() ? r : m_nodeBounds.united(r);
    }
}

QList<int> LayerGraph::nodesWithDigest(const Digest &digest) const
{
    return m_nodesByDigest.value(digest.toString());
}

QList<int> LayerGraph::imagesWithDigest(const Digest &digest) const
{
    const QList<int> nodes = nodesWithDigest(digest);
    return nodes.isEmpty() ? QList<int>() : m_nodes.at(nodes.constFirst()).blobImages;
}

} // namespace wharf
