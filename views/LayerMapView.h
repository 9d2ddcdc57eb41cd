#pragma once
// The layer map (issue 5): a zoomable, pannable drawing of a LayerGraph (LayerMapScene). Wheel,
// Ctrl+= / Ctrl+- zoom around the pointer, dragging pans, Ctrl+0 fits the map to the view, Ctrl+1
// shows it at 100 %. Clicking a layer (its disc or its label) selects it and emits
// layerSelected(digest); setSelectedLayer() selects it from outside (the history table, the file
// tree) without echoing the signal. With a layer selected, the arrow keys walk the map: Left to the
// layer below, Right to the first layer above, Up/Down to the neighbouring layer of the same depth.
// A double-click or Enter on a layer emits layerActivated (the window opens its files). A new map
// opens at 100 % (readable) from its top left; fitting is only on request.
//
// Export writes exactly what is drawn, at 100 %, as PNG or SVG: the only file I/O here, and only
// when the user asks for it.

#include "core/Error.h"
#include "layers/LayerGraph.h"

#include <QGraphicsView>
#include <QImage>

class QAction;

namespace wharf {

class LayerMapScene;

class LayerMapView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerMapView)
public:
    static constexpr double kMinZoom = 0.05;
    static constexpr double kMaxZoom = 4.0;

    explicit LayerMapView(QWidget *parent = nullptr);
    ~LayerMapView() override;

    // Replaces the map, shown at 100 % from its top left (scroll for the rest; Ctrl+0 fits it).
    // `title` heads the legend.
    void setGraph(const LayerGraph &graph, const QString &title = {});
    void clear();
    [[nodiscard]] const LayerGraph &graph() const;
    [[nodiscard]] LayerMapScene *mapScene() const { return m_scene; }

    [[nodiscard]] QString selectedLayer() const;
    // The node the user last clicked or walked to (a blob may be drawn in several places); -1 if none.
    [[nodiscard]] int currentNode() const { return m_currentNode; }
    [[nodiscard]] double zoom() const { return m_zoom; }
    // Where a node's disc is in viewport coordinates (for tests and automation).
    [[nodiscard]] QPoint nodeViewportPosition(int node) const;

    // The whole map at `scale` on its paper, as exported.
    [[nodiscard]] QImage renderImage(double scale = 1.0) const;
    // Errors: Error::Code::Io when the file cannot be written.
    [[nodiscard]] Result<void> exportPng(const QString &path) const;
    [[nodiscard]] Result<void> exportSvg(const QString &path) const;

    [[nodiscard]] QAction *zoomInAction() const { return m_zoomIn; }
    [[nodiscard]] QAction *zoomOutAction() const { return m_zoomOut; }
    [[nodiscard]] QAction *fitAction() const { return m_fit; }
    [[nodiscard]] QAction *actualSizeAction() const { return m_actualSize; }

public Q_SLOTS:
    // Selects (and scrolls to) the layer with this digest; empty or unknown clears the selection.
    // Does not emit layerSelected().
    void setSelectedLayer(const QString &digest);
    void zoomIn();
    void zoomOut();
    void fitToView();
    // 100 %, scrolled to the map's top left.
    void showReadable();
    void setZoom(double zoom);

Q_SIGNALS:
    // The user picked a layer (click or keys): its "sha256:…" digest.
    void layerSelected(const QString &digest);
    // A layer double-clicked, or Enter on the selected one: show its files.
    void layerActivated(const QString &digest);
    // The context menu was asked for on a layer (right click, the menu key).
    void layerMenuRequested(const QString &digest, const QPoint &globalPos);
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void selectNode(int node, bool scrollTo);
    void applyZoom(double zoom);
    [[nodiscard]] int neighbour(int node, int key) const;
    [[nodiscard]] QRectF exportRect() const;

    LayerMapScene *m_scene;
    double m_zoom = 1.0;
    bool m_fitted = true; // follow the view's size until the user zooms
    int m_currentNode = -1;
    QPoint m_pressPos;
    QAction *m_zoomIn;
    QAction *m_zoomOut;
    QAction *m_fit;
    QAction *m_actualSize;
};

} // namespace wharf
