#include "LayerMapView.h"

#include "Icons.h"
#include "LayerMapScene.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWheelEvent>

#include <cmath>

namespace wharf {

namespace {

// Exports beyond this many pixels a side are drawn smaller (a 30 × 30 map is ~6500 px wide at 100 %).
constexpr double kMaxExportSide = 16384;
constexpr double kZoomStep = 1.25;

Error exportError(const QString &path, const QString &reason)
{
    return Error(Error::Code::Io, LayerMapView::tr("The layer map could not be saved as %1: %2").arg(path, reason));
}

} // namespace

LayerMapView::LayerMapView(QWidget *parent)
    : QGraphicsView(parent),
      m_scene(new LayerMapScene(this)),
      m_zoomIn(new QAction(tr("Zoom In"), this)),
      m_zoomOut(new QAction(tr("Zoom Out"), this)),
      m_fit(new QAction(tr("Fit to View"), this)),
      m_actualSize(new QAction(tr("Actual Size"), this))
{
    setObjectName(QStringLiteral("layerMapView"));
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(LayerMapScene::paperColor());

    // The platform's zoom keys, and Ctrl+= / Ctrl+- wherever they are not already those.
    auto withPlatformKeys = [](QKeySequence::StandardKey standard, const QKeySequence &extra) {
        QList<QKeySequence> keys = QKeySequence::keyBindings(standard);
        if (!keys.contains(extra))
            keys.append(extra);
        return keys;
    };
    m_zoomIn->setShortcuts(withPlatformKeys(QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)));
    m_zoomOut->setShortcuts(withPlatformKeys(QKeySequence::ZoomOut, QKeySequence(Qt::CTRL | Qt::Key_Minus)));
    m_fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_actualSize->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_zoomIn->setIcon(Icons::icon(Icons::Name::ZoomIn));
    m_zoomOut->setIcon(Icons::icon(Icons::Name::ZoomOut));
    m_fit->setIcon(Icons::icon(Icons::Name::ZoomFit));
    m_actualSize->setIcon(Icons::icon(Icons::Name::ZoomOriginal));
    for (QAction *action : {m_zoomIn, m_zoomOut, m_fit, m_actualSize}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(m_zoomIn, &QAction::triggered, this, &LayerMapView::zoomIn);
    connect(m_zoomOut, &QAction::triggered, this, &LayerMapView::zoomOut);
    connect(m_fit, &QAction::triggered, this, &LayerMapView::fitToView);
    connect(m_actualSize, &QAction::triggered, this, [this] { setZoom(1.0); });
}

LayerMapView::~LayerMapView() = default;

void LayerMapView::setGraph(const LayerGraph &graph, const QString &title)
{
    const QString selected = selectedLayer();
    m_currentNode = -1;
    m_scene->setGraph(graph, title);
    if (!selected.isEmpty() && m_scene->selectedDigest() == selected) {
        const auto digest = Digest::parse(selected);
        const QList<int> nodes = digest ? graph.nodesWithDigest(*digest) : QList<int>();
        m_currentNode = nodes.isEmpty() ? -1 : nodes.constFirst();
    }
    showReadable();
}

void LayerMapView::showReadable()
{
    // Text stays legible at 100 %; a map bigger than the view scrolls (base layers, on the left,
    // first). Fitting a big map shrinks its labels to a few pixels: that is for Ctrl+0 to ask.
    m_fitted = false;
    applyZoom(1.0);
    const QRectF rect = m_scene->itemsBoundingRect();
    if (!rect.isEmpty())
        centerOn(rect.left() + viewport()->width() / 2.0, rect.top() + viewport()->height() / 2.0);
}

void LayerMapView::clear()
{
    setGraph(LayerGraph());
}

const LayerGraph &LayerMapView::graph() const
{
    return m_scene->graph();
}

QString LayerMapView::selectedLayer() const
{
    return m_scene->selectedDigest();
}

QPoint LayerMapView::nodeViewportPosition(int node) const
{
    return mapFromScene(graph().node(node).position);
}

void LayerMapView::setSelectedLayer(const QString &digest)
{
    if (digest == selectedLayer())
        return;
    if (!m_scene->setSelectedDigest(digest)) {
        m_currentNode = -1;
        return;
    }
    const QList<int> nodes = graph().nodesWithDigest(*Digest::parse(digest));
    m_currentNode = nodes.constFirst();
    ensureVisible(m_scene->nodeItem(m_currentNode), 80, 60);
}

void LayerMapView::selectNode(int node, bool scrollTo)
{
    m_currentNode = node;
    m_scene->setSelectedDigest(graph().node(node).layer.digest.toString());
    if (scrollTo)
        ensureVisible(m_scene->nodeItem(node), 80, 60);
}

void LayerMapView::zoomIn()
{
    setZoom(m_zoom * kZoomStep);
}

void LayerMapView::zoomOut()
{
    setZoom(m_zoom / kZoomStep);
}

void LayerMapView::setZoom(double zoom)
{
    m_fitted = false;
    applyZoom(zoom);
}

void LayerMapView::applyZoom(double zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, m_zoom) && qFuzzyCompare(transform().m11(), zoom))
        return;
    setTransform(QTransform::fromScale(zoom, zoom));
    m_zoom = zoom;
    Q_EMIT zoomChanged(m_zoom);
}

void LayerMapView::fitToView()
{
    m_fitted = true;
    const QRectF rect = m_scene->sceneRect();
    if (rect.isEmpty() || viewport()->width() <= 0 || viewport()->height() <= 0)
        return;
    // Never above 100 %: a map of two images should not be drawn in giant letters.
    const double fit = std::min(viewport()->width() / rect.width(), viewport()->height() / rect.height());
    applyZoom(std::min(1.0, fit * 0.98));
    centerOn(rect.center());
}

void LayerMapView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    if (delta == 0) {
        event->ignore();
        return;
    }
    // 120 (one notch) is about 20 %; touchpads send many small deltas.
    setZoom(m_zoom * std::pow(1.0015, delta));
    event->accept();
}

void LayerMapView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    QGraphicsView::mousePressEvent(event);
}

void LayerMapView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton
        || (event->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        return; // a drag pans, it does not pick
    const int node = m_scene->nodeAt(mapToScene(event->position().toPoint()));
    if (node < 0)
        return;
    selectNode(node, false);
    Q_EMIT layerSelected(selectedLayer());
}

void LayerMapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int node = event->button() == Qt::LeftButton ? m_scene->nodeAt(mapToScene(event->position().toPoint())) : -1;
    if (node < 0) {
        QGraphicsView::mouseDoubleClickEvent(event);
        return;
    }
    selectNode(node, false);
    Q_EMIT layerActivated(selectedLayer());
    event->accept();
}

void LayerMapView::contextMenuEvent(QContextMenuEvent *event)
{
    // By mouse, the layer under the pointer; by keyboard, the selected one.
    int node = event->reason() == QContextMenuEvent::Mouse ? m_scene->nodeAt(mapToScene(event->pos())) : m_currentNode;
    if (node < 0) {
        event->ignore();
        return;
    }
    selectNode(node, false);
    const QPoint at = event->reason() == QContextMenuEvent::Mouse ? event->globalPos()
                                                                  : viewport()->mapToGlobal(mapFromScene(graph().node(node).position));
    Q_EMIT layerMenuRequested(selectedLayer(), at);
    event->accept();
}

int LayerMapView::neighbour(int node, int key) const
{
    const LayerGraph &g = graph();
    if (node < 0)
        return g.roots().isEmpty() ? -1 : g.roots().constFirst();
    const LayerGraph::Node &from = g.node(node);
    switch (key) {
    case Qt::Key_Left:
        return from.parent;
    case Qt::Key_Right:
        return from.children.isEmpty() ? -1 : from.children.constFirst();
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const bool up = key == Qt::Key_Up;
        int best = -1;
        for (int i = 0; i < g.nodes().size(); ++i) {
            const LayerGraph::Node &n = g.node(i);
            if (i == node || n.depth != from.depth)
                continue;
            const double dy = n.position.y() - from.position.y();
            if ((up && dy >= 0) || (!up && dy <= 0))
                continue;
            if (best < 0 || std::abs(dy) < std::abs(g.node(best).position.y() - from.position.y()))
                best = i;
        }
        return best;
    }
    default:
        return -1;
    }
}

void LayerMapView::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_currentNode >= 0) {
        Q_EMIT layerActivated(selectedLayer());
        event->accept();
        return;
    }
    const bool arrow = key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down;
    if (arrow && event->modifiers() == Qt::NoModifier && !graph().isEmpty()) {
        const int next = neighbour(m_currentNode, key);
        if (next >= 0) {
            selectNode(next, true);
            Q_EMIT layerSelected(selectedLayer());
        }
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void LayerMapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitToView();
}

void LayerMapView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_fitted)
        fitToView();
}

QRectF LayerMapView::exportRect() const
{
    return m_scene->sceneRect();
}

QImage LayerMapView::renderImage(double scale) const
{
    const QRectF source = exportRect();
    if (source.isEmpty())
        return {};
    scale = std::min(scale, kMaxExportSide / std::max(source.width(), source.height()));
    QImage image(QSize(int(std::ceil(source.width() * scale)), int(std::ceil(source.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(LayerMapScene::paperColor());
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    return image;
}

Result<void> LayerMapView::exportPng(const QString &path) const
{
    const QImage image = renderImage(1.0);
    if (image.isNull())
        return wharf::unexpected(exportError(path, tr("the map is empty")));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return wharf::unexpected(exportError(path, file.errorString()));
    if (!image.save(&file, "PNG"))
        return wharf::unexpected(exportError(path, file.errorString()));
    if (!file.commit())
        return wharf::unexpected(exportError(path, file.errorString()));
    return {};
}

Result<void> LayerMapView::exportSvg(const QString &path) const
{
    const QRectF source = exportRect();
    if (source.isEmpty())
        return wharf::unexpected(exportError(path, tr("the map is empty")));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return wharf::unexpected(exportError(path, file.errorString()));
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(m_scene->title().isEmpty() ? tr("Layer map") : tr("Layer map of %1").arg(m_scene->title()));
    svg.setDescription(tr("Drawn by Wharf"));
    QPainter painter;
    if (!painter.begin(&svg))
        return wharf::unexpected(exportError(path, tr("the SVG could not be started")));
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    if (!file.commit())
        return wharf::unexpected(exportError(path, file.errorString()));
    return {};
}

} // namespace wharf
