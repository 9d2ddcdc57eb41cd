#include "LayerMapScene.h"

#include <QApplication>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsSceneHoverEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace wharf {

namespace {

constexpr double kLabelGap = 5;        // between a disc and its label
constexpr double kElbowInset = 14;     // an edge turns this far left of the child's column edge
constexpr double kCorner = 6;          // rounded corners of edges and leaders
constexpr double kImageBarWidth = 120; // the widest image's bytes bar
constexpr int kImagesInTooltip = 12;

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

QString shortDigest(const Digest &digest)
{
    return digest.encoded().left(12);
}

double levelOfDetail(const QPainter *painter)
{
    return QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
}

LayerMapScene *mapOf(const QGraphicsItem *item)
{
    return static_cast<LayerMapScene *>(item->scene());
}

// One layer: its disc, and beside it the short digest and size above the outgoing line and the
// build step below it.
class NodeItem final : public QGraphicsItem
{
public:
    NodeItem(const LayerMapScene &scene, int index)
        : m_index(index)
    {
        const LayerGraph &graph = scene.graph();
        const LayerGraph::Node &node = graph.node(index);
        const LayerGraph::LayoutOptions &layout = graph.layoutOptions();
        m_radius = node.radius;
        setPos(node.position);
        setZValue(2);
        setAcceptHoverEvents(true);
        setCursor(Qt::PointingHandCursor);

        m_digest = shortDigest(node.layer.digest);
        m_size = formatSize(node.layer.size);
        const double available = layout.columnWidth - m_radius - kLabelGap - (layout.maxRadius + kElbowInset + 4);
        const QFontMetricsF digestMetrics(scene.digestFont());
        const QFontMetricsF labelMetrics(scene.labelFont());
        m_digestWidth = digestMetrics.horizontalAdvance(m_digest + QLatin1Char(' '));
        m_size = labelMetrics.elidedText(m_size, Qt::ElideRight, std::max(0.0, available - m_digestWidth));
        m_step = labelMetrics.elidedText(node.layer.createdBy.simplified(), Qt::ElideRight, available);
        const double left = m_radius + kLabelGap;
        m_textAbove = QPointF(left, -4 - digestMetrics.descent());
        m_textBelow = QPointF(left, 3 + labelMetrics.ascent());
        const double textWidth = std::max(m_digestWidth + labelMetrics.horizontalAdvance(m_size),
                                          labelMetrics.horizontalAdvance(m_step));
        const double halo = m_radius + 5; // the selection ring
        m_labelRect = QRectF(left, -4 - digestMetrics.height(), textWidth, 7 + digestMetrics.height() + labelMetrics.height());
        m_bounds = QRectF(-halo, -halo, 2 * halo, 2 * halo).united(m_labelRect);
        setToolTip(tooltip(graph, index));
    }

    [[nodiscard]] int index() const { return m_index; }
    [[nodiscard]] QRectF boundingRect() const override { return m_bounds; }
    [[nodiscard]] QPainterPath shape() const override
    {
        QPainterPath path;
        path.addEllipse(QPointF(0, 0), m_radius + 3, m_radius + 3);
        path.addRect(m_labelRect);
        return path;
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const LayerMapScene *map = mapOf(this);
        painter->setRenderHint(QPainter::Antialiasing);
        if (map->isNodeDimmed(m_index))
            painter->setOpacity(0.22);
        const QColor fill = map->nodeColor(m_index);
        if (map->isSelected(m_index)) {
            painter->setPen(QPen(LayerMapScene::selectionColor(), 3));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(QPointF(0, 0), m_radius + 3.5, m_radius + 3.5);
        } else if (map->isSameBlobAsHovered(m_index)) {
            painter->setPen(QPen(LayerMapScene::selectionColor(), 1.5, Qt::DashLine));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(QPointF(0, 0), m_radius + 3.5, m_radius + 3.5);
        }
        painter->setPen(QPen(fill.darker(m_hovered ? 190 : 140), m_hovered ? 2 : 1));
        painter->setBrush(fill);
        painter->drawEllipse(QPointF(0, 0), m_radius, m_radius);

        if (levelOfDetail(painter) < LayerMapScene::kTextLevelOfDetail)
            return;
        painter->setPen(LayerMapScene::textColor());
        painter->setFont(map->digestFont());
        painter->drawText(m_textAbove, m_digest);
        painter->setPen(LayerMapScene::secondaryTextColor());
        painter->setFont(map->labelFont());
        painter->drawText(m_textAbove + QPointF(m_digestWidth, 0), m_size);
        painter->drawText(m_textBelow, m_step);
    }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *) override
    {
        m_hovered = true;
        mapOf(this)->setHoveredNode(m_index);
        update();
    }
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *) override
    {
        m_hovered = false;
        mapOf(this)->setHoveredNode(-1);
        update();
    }

private:
    static QString imageList(const LayerGraph &graph, const QList<int> &images)
    {
        QStringList names;
        for (qsizetype i = 0; i < images.size() && i < kImagesInTooltip; ++i)
            names.append(graph.images().at(images.at(i)).label.toHtmlEscaped());
        QString list = names.join(QStringLiteral("<br>"));
        if (images.size() > kImagesInTooltip)
            list += QStringLiteral("<br>") + LayerMapScene::tr("and %n more", nullptr, int(images.size() - kImagesInTooltip));
        return list;
    }

    static QString tooltip(const LayerGraph &graph, int index)
    {
        const LayerGraph::Node &node = graph.node(index);
        const QList<int> users = graph.imagesWithDigest(node.layer.digest);
        QString html = QStringLiteral("<p style='white-space:pre'><b>") + node.layer.digest.toString() + QStringLiteral("</b></p>");
        html += QStringLiteral("<p>") + LayerMapScene::tr("Layer %1 from the base, %2 (%3 bytes) compressed")
                                           .arg(node.depth + 1)
                                           .arg(formatSize(node.layer.size), QLocale().toString(node.layer.size));
        if (!node.layer.createdBy.isEmpty())
            html += QStringLiteral("<br>") + LayerMapScene::tr("Created by: %1").arg(node.layer.createdBy.toHtmlEscaped());
        html += QStringLiteral("</p><p>");
        if (users.size() == graph.images().size() && users.size() > 1)
            html += LayerMapScene::tr("Used by every image (%n):", nullptr, int(users.size()));
        else
            html += LayerMapScene::tr("Used by %n image(s):", nullptr, int(users.size()));
        html += QStringLiteral("<br>") + imageList(graph, users) + QStringLiteral("</p>");
        const int elsewhere = int(graph.nodesWithDigest(node.layer.digest).size()) - 1;
        if (elsewhere > 0)
            html += QStringLiteral("<p><i>")
                    + LayerMapScene::tr("This blob also appears in %n other place(s) of the map, on top of different layers.", nullptr, elsewhere)
                    + QStringLiteral("</i></p>");
        return html;
    }

    int m_index;
    double m_radius = 0;
    QString m_digest;
    QString m_size;
    QString m_step;
    double m_digestWidth = 0;
    QPointF m_textAbove;
    QPointF m_textBelow;
    QRectF m_labelRect;
    QRectF m_bounds;
    bool m_hovered = false;
};

// The line from a parent into a child: straight when they share a row, otherwise along the
// parent's row, down (or up) just left of the child's column, and into the child.
class EdgeItem final : public QGraphicsPathItem
{
public:
    EdgeItem(const LayerGraph &graph, int child)
        : m_child(child)
    {
        const LayerGraph::Node &to = graph.node(child);
        const LayerGraph::Node &from = graph.node(to.parent);
        const QPointF a = from.position + QPointF(from.radius, 0);
        const QPointF b = to.position - QPointF(to.radius, 0);
        QPainterPath path(a);
        const double dy = b.y() - a.y();
        if (std::abs(dy) < 0.5) {
            path.lineTo(b);
        } else {
            const double elbow = to.position.x() - graph.layoutOptions().maxRadius - kElbowInset;
            const double sign = dy > 0 ? 1 : -1;
            const double corner = std::min(kCorner, std::abs(dy) / 2);
            path.lineTo(elbow - corner, a.y());
            path.quadTo(elbow, a.y(), elbow, a.y() + sign * corner);
            path.lineTo(elbow, b.y() - sign * corner);
            path.quadTo(elbow, b.y(), elbow + corner, b.y());
            path.lineTo(b);
        }
        setPath(path);
        // Thicker the more images run through it: the trunk stands out.
        const double share = graph.images().size() > 1
                                 ? double(to.images.size() - 1) / double(graph.images().size() - 1)
                                 : 0.0;
        QPen pen(LayerMapScene::edgeColor(), 1.5 + 3.5 * share);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        setPen(pen);
        setZValue(1);
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        if (mapOf(this)->isNodeDimmed(m_child))
            painter->setOpacity(0.22);
        QGraphicsPathItem::paint(painter, option, widget);
    }

private:
    int m_child;
};

// One image at the right: a dotted leader from its top layer, a swatch of its colour, its name,
// and a bar of its bytes: the part no other image has, in its colour, then the shared part.
class ImageLabelItem final : public QGraphicsItem
{
public:
    ImageLabelItem(const LayerMapScene &scene, int image, qint64 widestImage)
        : m_image(image)
    {
        const LayerGraph &graph = scene.graph();
        const LayerGraph::ImageStats &stats = graph.stats(image);
        setPos(stats.labelPosition);
        setZValue(2);
        if (stats.endNode >= 0) {
            const LayerGraph::Node &end = graph.node(stats.endNode);
            const QPointF node = end.position - stats.labelPosition;
            m_leader = QPainterPath();
            if (std::abs(node.y()) < 0.5) {
                m_leader.moveTo(node.x() + end.radius + 2, 0);
            } else {
                // The image ends below other images' layers: up (or down) from the disc to its row.
                const double sign = node.y() > 0 ? -1 : 1;
                m_leader.moveTo(node.x(), node.y() + sign * end.radius);
                m_leader.lineTo(node.x(), -sign * kCorner);
                m_leader.quadTo(node.x(), 0, node.x() + kCorner, 0);
            }
            m_leader.lineTo(-6, 0);
        }
        const QFontMetricsF nameMetrics(scene.imageFont());
        const QFontMetricsF labelMetrics(scene.labelFont());
        m_name = nameMetrics.elidedText(graph.images().at(image).label, Qt::ElideMiddle, 300);
        m_figures = LayerMapScene::tr("%1 own · %2 shared").arg(formatSize(stats.uniqueBytes), formatSize(stats.sharedBytes));
        const double scale = widestImage > 0 ? kImageBarWidth / double(widestImage) : 0;
        m_uniqueWidth = stats.uniqueBytes * scale;
        m_sharedWidth = stats.sharedBytes * scale;
        m_nameBaseline = -3 - nameMetrics.descent();
        m_figuresBaseline = 3 + labelMetrics.ascent();
        const double width = 16 + std::max(nameMetrics.horizontalAdvance(m_name),
                                           kImageBarWidth + 8 + labelMetrics.horizontalAdvance(m_figures));
        m_textRect = QRectF(0, -3 - nameMetrics.height(), width, 6 + nameMetrics.height() + labelMetrics.height());
        m_bounds = m_textRect.united(m_leader.boundingRect().adjusted(-2, -2, 2, 2));

        QString html = QStringLiteral("<p><b>") + graph.images().at(image).label.toHtmlEscaped() + QStringLiteral("</b><br>")
                       + graph.images().at(image).manifestDigest.toString() + QStringLiteral("</p><p>");
        html += LayerMapScene::tr("%n layer(s), %1 in all", nullptr, int(graph.images().at(image).layers.size()))
                    .arg(formatSize(stats.totalBytes))
                + QStringLiteral("<br>")
                + LayerMapScene::tr("Only in this image: %1 (%n layer(s))", nullptr, stats.uniqueLayers).arg(formatSize(stats.uniqueBytes))
                + QStringLiteral("<br>")
                + LayerMapScene::tr("Shared with other images: %1 (%n layer(s))", nullptr, stats.sharedLayers).arg(formatSize(stats.sharedBytes))
                + QStringLiteral("</p>");
        if (graph.images().at(image).tags.size() > 1)
            html += QStringLiteral("<p>") + LayerMapScene::tr("Tags: %1").arg(graph.images().at(image).tags.join(QStringLiteral(", ")).toHtmlEscaped())
                    + QStringLiteral("</p>");
        setToolTip(html);
    }

    [[nodiscard]] QRectF boundingRect() const override { return m_bounds; }
    [[nodiscard]] QPainterPath shape() const override
    {
        QPainterPath path;
        path.addRect(m_textRect);
        return path;
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const LayerMapScene *map = mapOf(this);
        painter->setRenderHint(QPainter::Antialiasing);
        if (map->isImageDimmed(m_image))
            painter->setOpacity(0.3);
        const QColor color = map->imageColor(m_image);
        if (!m_leader.isEmpty()) {
            QPen leader(LayerMapScene::edgeColor(), 1.2, Qt::DotLine);
            painter->setPen(leader);
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(m_leader);
        }
        painter->setPen(color.darker(140));
        painter->setBrush(color);
        painter->drawEllipse(QPointF(6, 0), 5, 5);

        const bool text = levelOfDetail(painter) >= LayerMapScene::kTextLevelOfDetail;
        // The bar stays visible zoomed out: it is the image's row.
        const QRectF bar(16, 3, std::max(2.0, m_uniqueWidth + m_sharedWidth), 7);
        painter->setPen(Qt::NoPen);
        painter->setBrush(LayerMapScene::trunkColor().lighter(190));
        painter->drawRect(bar);
        painter->setBrush(color);
        painter->drawRect(QRectF(bar.left(), bar.top(), m_uniqueWidth, bar.height()));
        if (!text)
            return;
        painter->setPen(LayerMapScene::textColor());
        painter->setFont(map->imageFont());
        painter->drawText(QPointF(16, m_nameBaseline), m_name);
        painter->setPen(LayerMapScene::secondaryTextColor());
        painter->setFont(map->labelFont());
        painter->drawText(QPointF(16 + kImageBarWidth + 8, m_figuresBaseline), m_figures);
    }

private:
    int m_image;
    QPainterPath m_leader;
    QString m_name;
    QString m_figures;
    double m_uniqueWidth = 0;
    double m_sharedWidth = 0;
    double m_nameBaseline = 0;
    double m_figuresBaseline = 0;
    QRectF m_textRect;
    QRectF m_bounds;
};

// Above the map, in three rows: the title and totals; what the colours mean; what disc sizes and
// line widths mean.
class LegendItem final : public QGraphicsItem
{
public:
    explicit LegendItem(const LayerMapScene &scene)
        : m_options(scene.graph().layoutOptions()),
          m_titleFont(scene.titleFont()),
          m_labelFont(scene.labelFont())
    {
        const LayerGraph &graph = scene.graph();
        m_title = scene.title();
        m_summary = LayerMapScene::tr("%n image(s)", nullptr, int(graph.images().size())) + QStringLiteral(" · ")
                    + LayerMapScene::tr("%n layer blob(s), %1 shared", nullptr, graph.blobCount()).arg(graph.sharedBlobCount())
                    + QStringLiteral(" · ")
                    + LayerMapScene::tr("%1 in all, %2 of it shared").arg(formatSize(graph.totalBytes()), formatSize(graph.sharedBytes()));
        m_colourHeading = LayerMapScene::tr("Used by:");
        m_keys = {
            {LayerMapScene::trunkColor(), LayerMapScene::tr("every image")},
            {QColor::fromHslF(0.58f, 0.45f, 0.74f), LayerMapScene::tr("some images (one colour per set)")},
            {scene.imageColor(0), LayerMapScene::tr("one image (its label’s colour)")},
        };
        m_sizeHeading = LayerMapScene::tr("Size:");
        for (const qint64 size : {qint64(1024), qint64(1024) * 1024, qint64(100) * 1024 * 1024})
            m_sizes.append({size, formatSize(size)});
        m_lineKey = LayerMapScene::tr("thicker: more images");
        m_lineHeading = LayerMapScene::tr("Line:");

        const QFontMetricsF title(m_titleFont);
        const QFontMetricsF label(m_labelFont);
        m_headingWidth = std::max({label.horizontalAdvance(m_colourHeading), label.horizontalAdvance(m_sizeHeading)}) + 8;
        double keys = m_headingWidth;
        for (const auto &[color, text] : std::as_const(m_keys))
            keys += 16 + label.horizontalAdvance(text) + 18;
        double sizes = m_headingWidth;
        for (const auto &[size, text] : std::as_const(m_sizes))
            sizes += 2 * LayerGraph::radiusFor(size, m_options) + 6 + label.horizontalAdvance(text) + 14;
        sizes += 12 + label.horizontalAdvance(m_lineHeading) + 8 + 40 + label.horizontalAdvance(m_lineKey);
        const double heading = (m_title.isEmpty() ? 0 : title.horizontalAdvance(m_title) + 16) + label.horizontalAdvance(m_summary);
        m_titleBaseline = title.ascent();
        m_keysBaseline = m_titleBaseline + 24;
        m_sizesBaseline = m_keysBaseline + 26;
        m_bounds = QRectF(0, 0, std::max({heading, keys, sizes}), m_sizesBaseline + label.descent() + 4);
    }

    [[nodiscard]] QRectF boundingRect() const override { return m_bounds; }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        if (levelOfDetail(painter) < LayerMapScene::kTextLevelOfDetail / 2)
            return;
        painter->setRenderHint(QPainter::Antialiasing);
        const QFontMetricsF title(m_titleFont);
        const QFontMetricsF label(m_labelFont);
        const double discY = -label.ascent() / 3; // discs centred on the text's middle
        painter->setPen(LayerMapScene::textColor());
        painter->setFont(m_titleFont);
        painter->drawText(QPointF(0, m_titleBaseline), m_title);
        painter->setFont(m_labelFont);
        painter->setPen(LayerMapScene::secondaryTextColor());
        painter->drawText(QPointF(m_title.isEmpty() ? 0 : title.horizontalAdvance(m_title) + 16, m_titleBaseline), m_summary);

        double x = 0;
        double y = m_keysBaseline;
        painter->drawText(QPointF(x, y), m_colourHeading);
        x = m_headingWidth;
        for (const auto &[color, text] : std::as_const(m_keys)) {
            painter->setPen(color.darker(140));
            painter->setBrush(color);
            painter->drawEllipse(QPointF(x + 6, y + discY), 6, 6);
            painter->setPen(LayerMapScene::secondaryTextColor());
            painter->drawText(QPointF(x + 16, y), text);
            x += 16 + label.horizontalAdvance(text) + 18;
        }

        y = m_sizesBaseline;
        painter->drawText(QPointF(0, y), m_sizeHeading);
        x = m_headingWidth;
        painter->setBrush(Qt::NoBrush);
        for (const auto &[size, text] : std::as_const(m_sizes)) {
            const double r = LayerGraph::radiusFor(size, m_options);
            painter->setPen(QPen(LayerMapScene::secondaryTextColor(), 1));
            painter->drawEllipse(QPointF(x + r, y + discY), r, r);
            painter->drawText(QPointF(x + 2 * r + 6, y), text);
            x += 2 * r + 6 + label.horizontalAdvance(text) + 14;
        }
        x += 12;
        painter->drawText(QPointF(x, y), m_lineHeading);
        x += label.horizontalAdvance(m_lineHeading) + 8;
        QPen thin(LayerMapScene::edgeColor(), 1.5);
        QPen thick(LayerMapScene::edgeColor(), 5);
        thick.setCapStyle(Qt::RoundCap);
        painter->setPen(thin);
        painter->drawLine(QPointF(x, y + discY - 3), QPointF(x + 12, y + discY - 3));
        painter->setPen(thick);
        painter->drawLine(QPointF(x + 18, y + discY + 1), QPointF(x + 30, y + discY + 1));
        painter->setPen(LayerMapScene::secondaryTextColor());
        painter->drawText(QPointF(x + 40, y), m_lineKey);
    }

private:
    LayerGraph::LayoutOptions m_options;
    QFont m_titleFont;
    QFont m_labelFont;
    QString m_title;
    QString m_summary;
    QString m_colourHeading;
    QList<std::pair<QColor, QString>> m_keys;
    QString m_sizeHeading;
    QList<std::pair<qint64, QString>> m_sizes;
    QString m_lineHeading;
    QString m_lineKey;
    double m_headingWidth = 0;
    double m_titleBaseline = 0;
    double m_keysBaseline = 0;
    double m_sizesBaseline = 0;
    QRectF m_bounds;
};

} // namespace

LayerMapScene::LayerMapScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setBackgroundBrush(paperColor());
    // Pixel sizes: the layout's column and row metrics are in scene pixels, whatever the screen.
    m_labelFont = QApplication::font();
    m_labelFont.setPixelSize(11);
    m_digestFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_digestFont.setPixelSize(11);
    m_imageFont = QApplication::font();
    m_imageFont.setPixelSize(12);
    m_imageFont.setBold(true);
    m_titleFont = QApplication::font();
    m_titleFont.setPixelSize(15);
    m_titleFont.setBold(true);
}

LayerMapScene::~LayerMapScene() = default;

QColor LayerMapScene::paperColor() { return QColor(0xfb, 0xfb, 0xf8); }
QColor LayerMapScene::trunkColor() { return QColor(0x5d, 0x61, 0x66); } // neutral: no image's hue
QColor LayerMapScene::edgeColor() { return QColor(0x9a, 0xa3, 0xab); }
QColor LayerMapScene::textColor() { return QColor(0x1f, 0x23, 0x28); }
QColor LayerMapScene::secondaryTextColor() { return QColor(0x5c, 0x63, 0x6a); }
QColor LayerMapScene::selectionColor() { return QColor(0xff, 0x8a, 0x00); }

QColor LayerMapScene::imageColor(int image) const
{
    // Golden-ratio hues: neighbours in the list differ most, and 30 images stay tellable apart.
    const double hue = std::fmod(0.03 + image * 0.618033988749895, 1.0);
    const double lightness = image % 2 == 0 ? 0.45 : 0.38;
    return QColor::fromHslF(float(hue), 0.72f, float(lightness));
}

QColor LayerMapScene::groupColor(int group) const
{
    if (group < 0 || group >= m_graph.groups().size())
        return trunkColor();
    const QList<int> &members = m_graph.groups().at(group);
    const auto imageCount = m_graph.images().size();
    if (members.size() == 1)
        return imageColor(members.constFirst());
    if (members.size() == imageCount)
        return trunkColor();
    // Pale, so "some images" never reads as one image's own colour.
    const double hue = std::fmod(0.58 + group * 0.618033988749895, 1.0);
    return QColor::fromHslF(float(hue), 0.45f, 0.72f);
}

void LayerMapScene::setGraph(const LayerGraph &graph, const QString &title)
{
    m_graph = graph;
    m_title = title;
    rebuild();
    if (!m_selected.isEmpty() && !setSelectedDigest(m_selected))
        setSelectedDigest(QString());
}

void LayerMapScene::clearGraph()
{
    setGraph(LayerGraph());
}

void LayerMapScene::rebuild()
{
    m_hoveredNode = -1;
    clear();
    m_nodeItems.clear();
    m_imageItems.clear();
    m_edgeItems.clear();
    const qsizetype nodeCount = m_graph.nodes().size();
    m_nodeSelected = QList<bool>(nodeCount, false);
    m_nodeDimmed = QList<bool>(nodeCount, false);
    m_imageDimmed = QList<bool>(m_graph.images().size(), false);
    if (m_graph.images().isEmpty()) {
        setSceneRect(QRectF());
        return;
    }
    m_nodeItems.reserve(nodeCount);
    m_edgeItems.reserve(nodeCount);
    for (int i = 0; i < nodeCount; ++i) {
        auto *node = new NodeItem(*this, i);
        addItem(node);
        m_nodeItems.append(node);
        QGraphicsItem *edge = nullptr;
        if (m_graph.node(i).parent >= 0) {
            edge = new EdgeItem(m_graph, i);
            addItem(edge);
        }
        m_edgeItems.append(edge);
    }
    qint64 widest = 0;
    for (int i = 0; i < m_graph.images().size(); ++i)
        widest = std::max(widest, m_graph.stats(i).totalBytes);
    for (int i = 0; i < m_graph.images().size(); ++i) {
        auto *label = new ImageLabelItem(*this, i, widest);
        addItem(label);
        m_imageItems.append(label);
    }
    auto *legend = new LegendItem(*this);
    const double margin = m_graph.layoutOptions().margin;
    legend->setPos(margin, -legend->boundingRect().height() - margin / 2);
    addItem(legend);
    setSceneRect(itemsBoundingRect().adjusted(-margin, -margin / 2, margin, margin));
}

bool LayerMapScene::setSelectedDigest(const QString &digest)
{
    m_selected = digest;
    bool found = false;
    for (int i = 0; i < m_nodeSelected.size(); ++i) {
        m_nodeSelected[i] = !digest.isEmpty() && m_graph.node(i).layer.digest.toString() == digest;
        found = found || m_nodeSelected[i];
    }
    if (!found)
        m_selected.clear();
    updateDimming();
    update();
    return found;
}

void LayerMapScene::setHoveredNode(int node)
{
    if (node == m_hoveredNode)
        return;
    auto refreshSameBlob = [this](int of) {
        if (of < 0 || of >= m_nodeItems.size())
            return;
        for (const int same : m_graph.nodesWithDigest(m_graph.node(of).layer.digest))
            m_nodeItems.at(same)->update();
    };
    const int previous = std::exchange(m_hoveredNode, node);
    refreshSameBlob(previous);
    refreshSameBlob(node);
}

bool LayerMapScene::isSameBlobAsHovered(int node) const
{
    return m_hoveredNode >= 0 && node != m_hoveredNode && m_hoveredNode < m_graph.nodes().size()
           && m_graph.node(node).layer.digest == m_graph.node(m_hoveredNode).layer.digest;
}

bool LayerMapScene::isSelected(int node) const
{
    return m_nodeSelected.value(node, false);
}

bool LayerMapScene::isNodeDimmed(int node) const
{
    return m_nodeDimmed.value(node, false);
}

bool LayerMapScene::isImageDimmed(int image) const
{
    return m_imageDimmed.value(image, false);
}

void LayerMapScene::updateDimming()
{
    std::fill(m_nodeDimmed.begin(), m_nodeDimmed.end(), false);
    std::fill(m_imageDimmed.begin(), m_imageDimmed.end(), false);
    if (m_selected.isEmpty())
        return;
    auto digest = Digest::parse(m_selected);
    if (!digest)
        return;
    QList<bool> using_(m_graph.images().size(), false);
    for (const int image : m_graph.imagesWithDigest(*digest))
        using_[image] = true;
    for (int i = 0; i < m_imageDimmed.size(); ++i)
        m_imageDimmed[i] = !using_.at(i);
    for (int i = 0; i < m_nodeDimmed.size(); ++i) {
        const QList<int> &images = m_graph.node(i).images;
        m_nodeDimmed[i] = std::none_of(images.cbegin(), images.cend(), [&](int image) { return using_.at(image); });
    }
}

int LayerMapScene::nodeAt(const QPointF &scenePos) const
{
    // Discs first: a disc wins over a neighbour's label.
    int labelHit = -1;
    for (QGraphicsItem *item : items(scenePos)) {
        if (auto *node = dynamic_cast<NodeItem *>(item)) {
            const QPointF local = node->mapFromScene(scenePos);
            const double r = m_graph.node(node->index()).radius + 3;
            if (local.x() * local.x() + local.y() * local.y() <= r * r)
                return node->index();
            if (labelHit < 0 && node->shape().contains(local))
                labelHit = node->index();
        }
    }
    return labelHit;
}

} // namespace wharf
