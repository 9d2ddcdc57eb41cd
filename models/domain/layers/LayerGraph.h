#pragma once
// The layer map's data: several images of one repository (tags × platforms) as a trie of their
// layer digests, base layer first. Images built on the same base follow one path from the root
// for as long as their layers agree and branch off where they diverge, so shared base layers form
// a common trunk. Pure data: no widgets, no I/O, so it can be built and laid out in a benchmark.
//
// A trie, not a DAG: a node is "this layer on top of exactly these layers below it". The same
// digest under two different parents is two nodes (the 32-byte empty gzip layer Docker writes for
// metadata-only steps, or one COPY on two bases), because what a layer means depends on the
// filesystem beneath it; nodesWithDigest() finds every node of one blob. Bytes, on the other hand,
// are counted per blob: an image's shared bytes are those of its layer blobs that some other image
// also uses, wherever they sit, because that is what a pull or a store shares. A blob an image
// uses twice counts once.
//
// layout() places the nodes for drawing, deterministically (the same images in the same order
// give the same coordinates): x by depth, one row per image end ("leaf"), the rows of a subtree
// contiguous, every node centred between its first and last row, except that a node where an
// image ends (a base image, with images built on it) sits on that image's row, the first of its
// span, and its children branch off below; trees on different base layers are
// half a row further apart. Two nodes of one depth are at least one row apart, so nodes never
// overlap when rowHeight ≥ 2 · maxRadius; images without layers get the last rows.

#include "core/Digest.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace wharf {

class LayerGraph
{
public:
    struct Layer
    {
        Digest digest;
        qint64 size = 0;   // compressed, as the manifest says
        QString mediaType;
        QString createdBy; // the history step that made it (HistoryRow::instruction()); may be empty
    };

    struct Image
    {
        QString label;          // "latest linux/arm64", what the map shows
        QStringList tags;       // the tags naming this manifest (aliases share one image)
        QString platform;       // "os/arch[/variant]"; empty when unknown
        Digest manifestDigest;
        QList<Layer> layers;    // base first
    };

    struct Node
    {
        Layer layer;             // as the first image through the node has it
        int parent = -1;         // -1 for a base layer
        int depth = 0;           // 0 for a base layer
        QList<int> children;     // in the order of the first image through each
        QList<int> images;       // the images through this node, ascending
        QList<int> endingImages; // the images whose top layer this is, ascending
        QList<int> blobImages;   // the images using this node's blob anywhere (⊇ images), ascending
        int group = -1;          // nodes whose blob the same images use share a group
        // Set by layout():
        QPointF position;        // centre
        double radius = 0;
    };

    struct ImageStats
    {
        int endNode = -1;        // the node of its top layer; -1 for an image without layers
        qint64 totalBytes = 0;   // its distinct layer blobs
        qint64 uniqueBytes = 0;  // blobs no other image in the graph uses
        qint64 sharedBytes = 0;  // blobs some other image uses too
        int uniqueLayers = 0;
        int sharedLayers = 0;
        // Set by layout(): the left end of the image's label row, on the row's centre line.
        QPointF labelPosition;
    };

    struct LayoutOptions
    {
        double columnWidth = 200; // one layer of depth
        double rowHeight = 46;    // one image end
        double minRadius = 4;     // a layer of ≤ 100 bytes
        double maxRadius = 15;    // a layer of ≥ 1 GB
        double margin = 24;
    };

    LayerGraph() = default;

    // Builds the trie from `images` in their order (which decides node and row order) and lays it
    // out with the default options.
    [[nodiscard]] static LayerGraph build(QList<Image> images);
    [[nodiscard]] static LayerGraph build(QList<Image> images, const LayoutOptions &options);
    // Places nodes and label rows again, e.g. with other metrics.
    void layout(const LayoutOptions &options);

    [[nodiscard]] bool isEmpty() const { return m_nodes.isEmpty(); }
    [[nodiscard]] const QList<Image> &images() const { return m_images; }
    [[nodiscard]] const QList<Node> &nodes() const { return m_nodes; }
    [[nodiscard]] const Node &node(int index) const { return m_nodes.at(index); }
    [[nodiscard]] const ImageStats &stats(int image) const { return m_stats.at(image); }
    [[nodiscard]] const QList<int> &roots() const { return m_roots; }
    // Each group's images (ascending): a node's `group` indexes this, by the images using its blob
    // anywhere, so a blob shared off the common path (a layer two platforms add on different
    // bases) is recognisable as shared.
    [[nodiscard]] const QList<QList<int>> &groups() const { return m_groups; }
    // Every node of one layer blob (more than one when it sits on different layers below).
    [[nodiscard]] QList<int> nodesWithDigest(const Digest &digest) const;
    // The images that use this blob anywhere (ascending).
    [[nodiscard]] QList<int> imagesWithDigest(const Digest &digest) const;
    [[nodiscard]] int maxDepth() const { return m_maxDepth; }
    // The distinct layer blobs of all images, and how many of them more than one image uses.
    [[nodiscard]] int blobCount() const { return m_blobCount; }
    [[nodiscard]] int sharedBlobCount() const { return m_sharedBlobCount; }
    [[nodiscard]] qint64 totalBytes() const { return m_totalBytes; }   // every distinct blob once
    [[nodiscard]] qint64 sharedBytes() const { return m_sharedBytes; } // blobs used by more than one image

    [[nodiscard]] const LayoutOptions &layoutOptions() const { return m_options; }
    // Where image labels start (left of the label column), after the deepest nodes and their labels.
    [[nodiscard]] double labelColumnX() const { return m_labelColumnX; }
    // The nodes' extent, radius included (without the labels, which the view measures).
    [[nodiscard]] QRectF nodeBounds() const { return m_nodeBounds; }
    // The radius for a layer size: logarithmic between minRadius (≤ 100 B) and maxRadius (≥ 1 GB).
    [[nodiscard]] static double radiusFor(qint64 size, const LayoutOptions &options);

private:
    QList<Image> m_images;
    QList<Node> m_nodes;
    QList<ImageStats> m_stats;
    QList<int> m_roots;
    QList<QList<int>> m_groups;
    QHash<QString, QList<int>> m_nodesByDigest;
    int m_maxDepth = -1;
    int m_blobCount = 0;
    int m_sharedBlobCount = 0;
    qint64 m_totalBytes = 0;
    qint64 m_sharedBytes = 0;
    LayoutOptions m_options;
    double m_labelColumnX = 0;
    QRectF m_nodeBounds;
};

} // namespace wharf
