#pragma once
// The layer map drawn: a QGraphicsScene built from a LayerGraph's layout. One item per layer node
// (a disc sized by the layer's compressed size, with the short digest, size and build step beside
// it), one per trie edge (thicker the more images run through it), one label per image at the
// right (its name and a bar of the bytes it has alone against the bytes it shares) and a legend
// above. Colour says which images use a layer blob: every image (the trunk colour), one image (that
// image's own colour, also its label's), or some (a pale colour per distinct set of images).
//
// The scene draws on its own light "paper", so what is seen and what is exported look the same.
// Selecting a layer rings every node of that blob and dims whatever is not in an image that uses it.

#include "layers/LayerGraph.h"

#include <QColor>
#include <QFont>
#include <QGraphicsScene>
#include <QList>

class QGraphicsItem;

namespace wharf {

class LayerMapScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerMapScene)
public:
    explicit LayerMapScene(QObject *parent = nullptr);
    ~LayerMapScene() override;

    // Replaces everything; `title` heads the legend (e.g. the repository). Keeps the selection
    // when the new graph has that layer.
    void setGraph(const LayerGraph &graph, const QString &title = {});
    void clearGraph();
    [[nodiscard]] const LayerGraph &graph() const { return m_graph; }
    [[nodiscard]] const QString &title() const { return m_title; }

    // "sha256:…"; empty clears the selection. Returns whether the graph has that layer.
    bool setSelectedDigest(const QString &digest);
    [[nodiscard]] const QString &selectedDigest() const { return m_selected; }
    [[nodiscard]] bool isSelected(int node) const;
    // The node under the pointer; the other nodes of its blob get a dashed ring meanwhile.
    void setHoveredNode(int node);
    [[nodiscard]] bool isSameBlobAsHovered(int node) const;
    // Dimmed while a layer is selected: nodes, edges and labels of images that do not use it.
    [[nodiscard]] bool isNodeDimmed(int node) const;
    [[nodiscard]] bool isImageDimmed(int image) const;

    // The node under a scene position (its disc or its label), or -1.
    [[nodiscard]] int nodeAt(const QPointF &scenePos) const;
    [[nodiscard]] QGraphicsItem *nodeItem(int node) const { return m_nodeItems.value(node); }
    [[nodiscard]] QGraphicsItem *imageItem(int image) const { return m_imageItems.value(image); }

    // The colours, for the items and for anyone drawing a key.
    [[nodiscard]] QColor imageColor(int image) const;
    [[nodiscard]] QColor groupColor(int group) const;
    [[nodiscard]] QColor nodeColor(int node) const { return groupColor(m_graph.node(node).group); }
    [[nodiscard]] static QColor paperColor();
    [[nodiscard]] static QColor trunkColor();
    [[nodiscard]] static QColor edgeColor();
    [[nodiscard]] static QColor textColor();
    [[nodiscard]] static QColor secondaryTextColor();
    [[nodiscard]] static QColor selectionColor();

    [[nodiscard]] const QFont &labelFont() const { return m_labelFont; }
    [[nodiscard]] const QFont &digestFont() const { return m_digestFont; }
    [[nodiscard]] const QFont &imageFont() const { return m_imageFont; }
    [[nodiscard]] const QFont &titleFont() const { return m_titleFont; }

    // Text is left out below this zoom: it would be a grey smear.
    static constexpr double kTextLevelOfDetail = 0.45;

private:
    void rebuild();
    void updateDimming();

    LayerGraph m_graph;
    QString m_title;
    QString m_selected;
    int m_hoveredNode = -1;
    QList<bool> m_nodeSelected;
    QList<bool> m_nodeDimmed;
    QList<bool> m_imageDimmed;
    QList<QGraphicsItem *> m_nodeItems;
    QList<QGraphicsItem *> m_imageItems;
    QList<QGraphicsItem *> m_edgeItems; // by child node
    QFont m_labelFont;
    QFont m_digestFont;
    QFont m_imageFont;
    QFont m_titleFont;
};

} // namespace wharf
