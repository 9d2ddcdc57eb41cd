// The layer map, offscreen, over what LayerMapJob fetches from the registry test bed (layers:base
// and layers:app, multi:latest) and over 30 synthetic images: clicking a layer selects it and says
// so, setSelectedLayer() does not echo, a drag does not pick, zoom (keys, wheel), fit and the arrow
// keys; PNG and SVG exports read back; the pane's chooser, states and platform filter. Screenshots
// go to <build>/screenshots/ (layermap-*.png) for review, as tst_mainwindow's do.
#include "LayerMapPane.h"
#include "LayerMapScene.h"
#include "LayerMapView.h"
#include "StatePanel.h"
#include "layers/LayerGraph.h"
#include "layers/LayerMapJob.h"
#include "layers/LayerMapLoader.h"
#include "registry/RegistryClient.h"

#include "RegistryProcess.h"
#include "SyntheticLayerImages.h"
#include "TestSupport.h"
#include "TestbedImages.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = 20'000;

void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(WHARF_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name + u".png"));
}

void click(LayerMapView &view, int node, QPoint offset = {})
{
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.nodeViewportPosition(node) + offset);
}

} // namespace

class TestLayerMap final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void clickSelectsALayer();
    void dragDoesNotPick();
    void zoomKeysWheelAndFit();
    void arrowKeysWalkTheMap();
    void exportPngAndSvg();
    void thirtyImagesScreenshot();
    void paneMapsTheChosenTags();

private:
    [[nodiscard]] LayerGraph fetch(const QString &repository, const QList<LayerMapSelection> &selections);

    TestbedImages m_images;
    RegistryProcess m_registry;
    RegistryClient m_client;
};

void TestLayerMap::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    options.readOnly = true;
    QVERIFY2(m_registry.start(options, &error), qPrintable(error));
}

LayerGraph TestLayerMap::fetch(const QString &repository, const QList<LayerMapSelection> &selections)
{
    auto job = runJob(new LayerMapJob(&m_client, m_registry.hostPort(), repository, selections));
    if (!job->succeeded())
        return {};
    return LayerGraph::build(job->images());
}

void TestLayerMap::clickSelectsALayer()
{
    const LayerGraph graph = fetch(u"layers"_s, {{u"base"_s, {}}, {u"app"_s, {}}});
    QCOMPARE(graph.images().size(), 2);
    LayerMapView view;
    view.resize(1000, 500);
    view.setGraph(graph, u"layers"_s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(1.0);
    view.centerOn(graph.nodeBounds().center());
    QSignalSpy selected(&view, &LayerMapView::layerSelected);

    // The app's third layer, on its disc.
    const int appLayer = graph.nodesWithDigest(graph.images()[1].layers[2].digest).constFirst();
    click(view, appLayer);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.at(0).at(0).toString(), graph.images()[1].layers[2].digest.toString());
    QCOMPARE(view.selectedLayer(), selected.at(0).at(0).toString());
    QCOMPARE(view.currentNode(), appLayer);
    QVERIFY(view.mapScene()->isSelected(appLayer));
    // Base does not use it: its label is dimmed, the trunk is not.
    QVERIFY(view.mapScene()->isImageDimmed(0));
    QVERIFY(!view.mapScene()->isImageDimmed(1));
    QVERIFY(!view.mapScene()->isNodeDimmed(graph.roots().constFirst()));

    // On its label (the short digest right of the disc), the base layer.
    const int root = graph.roots().constFirst();
    click(view, root, QPoint(int(graph.node(root).radius) + 30, -8));
    QCOMPARE(selected.size(), 2);
    QCOMPARE(selected.at(1).at(0).toString(), graph.node(root).layer.digest.toString());
    QVERIFY(!view.mapScene()->isImageDimmed(0));

    // From outside: no echo; an unknown digest clears.
    const QString top = graph.images()[1].layers[3].digest.toString();
    view.setSelectedLayer(top);
    QCOMPARE(view.selectedLayer(), top);
    QCOMPARE(selected.size(), 2);
    view.setSelectedLayer(u"sha256:0000000000000000000000000000000000000000000000000000000000000000"_s);
    QCOMPARE(view.selectedLayer(), QString());
    QCOMPARE(view.currentNode(), -1);
    QCOMPARE(selected.size(), 2);

    // Empty paper picks nothing.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(graph.nodeBounds().bottomLeft() + QPointF(0, 200)));
    QCOMPARE(selected.size(), 2);
    view.setSelectedLayer(top);
    screenshot(&view, u"layermap-layers-base-app"_s);
}

void TestLayerMap::dragDoesNotPick()
{
    const LayerGraph graph = LayerGraph::build(syntheticLayerImages(30, 30));
    LayerMapView view;
    view.resize(900, 600);
    view.setGraph(graph);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setZoom(1.0);
    view.centerOn(graph.node(graph.roots().constFirst()).position);
    QSignalSpy selected(&view, &LayerMapView::layerSelected);
    const QPoint start = view.nodeViewportPosition(graph.roots().constFirst());
    const int scrollBefore = view.horizontalScrollBar()->value();
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(view.viewport(), start + QPoint(-60, 0));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, start + QPoint(-120, 0));
    QCOMPARE(selected.size(), 0);
    QVERIFY(view.horizontalScrollBar()->value() != scrollBefore || view.horizontalScrollBar()->maximum() == 0);
}

void TestLayerMap::zoomKeysWheelAndFit()
{
    const LayerGraph graph = LayerGraph::build(syntheticLayerImages(30, 30));
    LayerMapView view;
    view.resize(1000, 600);
    view.setGraph(graph);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // A 30 × 30 map opens readable, at 100 %, from its top left, and scrolls (issue 12: fitted, its
    // text was 4 px high).
    QCOMPARE(view.zoom(), 1.0);
    QVERIFY(view.horizontalScrollBar()->maximum() > 0);
    QCOMPARE(view.horizontalScrollBar()->value(), view.horizontalScrollBar()->minimum());
    QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->minimum());
    // Fitting is asked for: far below 100 %, and all of it is in view.
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(view.zoom() < 0.3);
    QVERIFY(view.zoom() >= LayerMapView::kMinZoom);
    const QRect shown = view.mapFromScene(view.mapScene()->sceneRect()).boundingRect();
    QVERIFY2(view.viewport()->rect().adjusted(-2, -2, 2, 2).contains(shown), qPrintable(u"%1,%2 %3x%4"_s.arg(shown.x()).arg(shown.y()).arg(shown.width()).arg(shown.height())));

    QSignalSpy zoomed(&view, &LayerMapView::zoomChanged);
    view.setZoom(1.0);
    QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(view.zoom(), 1.25);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(view.zoom(), 0.8);
    QCOMPARE(zoomed.size(), 4);
    const QPointF centre = view.viewport()->rect().center();
    QWheelEvent up(centre, view.viewport()->mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                   Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &up);
    QVERIFY(view.zoom() > 0.9);
    for (int i = 0; i < 40; ++i)
        view.zoomIn();
    QCOMPARE(view.zoom(), LayerMapView::kMaxZoom);
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier); // fit again
    QVERIFY(view.zoom() < 0.3);
    QTest::keyClick(&view, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(view.zoom(), 1.0);

    // A small map is never blown up past 100 %.
    view.resize(1800, 1000);
    view.setGraph(LayerGraph::build(syntheticLayerImages(1, 4)));
    QCOMPARE(view.zoom(), 1.0);
}

void TestLayerMap::arrowKeysWalkTheMap()
{
    const LayerGraph graph = fetch(u"layers"_s, {{u"base"_s, {}}, {u"app"_s, {}}});
    QVERIFY(!graph.isEmpty());
    LayerMapView view;
    view.resize(900, 400);
    view.setGraph(graph);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFocus();
    QSignalSpy selected(&view, &LayerMapView::layerSelected);
    QTest::keyClick(&view, Qt::Key_Right); // nothing selected: the first base layer
    QCOMPARE(view.currentNode(), graph.roots().constFirst());
    QTest::keyClick(&view, Qt::Key_Right);
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.selectedLayer(), graph.images()[1].layers[2].digest.toString());
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.selectedLayer(), graph.images()[1].layers[1].digest.toString());
    QTest::keyClick(&view, Qt::Key_Up); // no other layer at that depth
    QCOMPARE(view.selectedLayer(), graph.images()[1].layers[1].digest.toString());
    QCOMPARE(selected.size(), 4);
}

void TestLayerMap::exportPngAndSvg()
{
    const LayerGraph graph = fetch(u"multi"_s, {{u"latest"_s, {}}});
    QCOMPARE(graph.images().size(), 3);
    LayerMapView view;
    view.resize(1000, 500);
    view.setGraph(graph, u"multi"_s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    screenshot(&view, u"layermap-multi-latest"_s);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(u"multi.png"_s);
    const QString svg = dir.filePath(u"multi.svg"_s);
    const Result<void> pngWritten = view.exportPng(png);
    QVERIFY2(pngWritten, pngWritten ? "" : qPrintable(pngWritten.error().message()));
    QVERIFY(view.exportSvg(svg));

    QImage image(png);
    QVERIFY(!image.isNull());
    const QSizeF scene = view.mapScene()->sceneRect().size();
    QCOMPARE(image.width(), int(std::ceil(scene.width())));
    QCOMPARE(image.height(), int(std::ceil(scene.height())));
    QVERIFY(image.width() > 600 && image.height() > 150);
    // Not blank: the trunk colour of the shared layer's disc is there.
    const QPointF shared = graph.node(graph.nodesWithDigest(graph.images()[0].layers[1].digest).constFirst()).position
                           - view.mapScene()->sceneRect().topLeft();
    QCOMPARE(image.pixelColor(shared.toPoint()), LayerMapScene::trunkColor());

    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("</svg>"));
    for (const auto &image : graph.images()) {
        QVERIFY2(text.contains(image.label.toUtf8()), qPrintable(image.label));
        QVERIFY(text.contains(image.layers[0].digest.encoded().left(12).toLatin1()));
    }
    QVERIFY(text.contains("COPY dir:shared in")); // the build step, elided to its column

    // Where nothing can be written, one clear Io error.
    const Result<void> nowhere = view.exportPng(dir.filePath(u"missing/folder/map.png"_s));
    QVERIFY(!nowhere);
    QCOMPARE(nowhere.error().code(), Error::Code::Io);
    LayerMapView empty;
    QVERIFY(!empty.exportSvg(dir.filePath(u"empty.svg"_s)));
}

void TestLayerMap::thirtyImagesScreenshot()
{
    const LayerGraph graph = LayerGraph::build(syntheticLayerImages(30, 30));
    LayerMapView view;
    view.resize(1400, 860);
    view.setGraph(graph, u"synthetic: 30 images × 30 layers"_s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    screenshot(&view, u"layermap-30x30-fitted"_s);
    // 100 % around where the three families' builds branch off.
    view.setZoom(1.0);
    const auto empty = *Digest::parse(u"sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4");
    view.setSelectedLayer(empty.toString());
    view.centerOn(graph.node(view.currentNode()).position + QPointF(300, 0));
    screenshot(&view, u"layermap-30x30-zoomed"_s);
    const QString dir = QStringLiteral(WHARF_BINARY_DIR "/screenshots");
    view.setSelectedLayer({});
    QVERIFY(view.exportPng(dir + u"/layermap-30x30-export.png"_s));
}

void TestLayerMap::paneMapsTheChosenTags()
{
    LayerMapLoader loader(&m_client);
    LayerMapPane pane(&loader);
    QStringListModel tags({u"app"_s, u"base"_s});
    pane.setTagModel(&tags);
    pane.resize(1200, 640);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QCOMPARE(pane.statePanel()->kind(), StatePanel::Kind::Message); // no repository yet

    loader.setRepository(m_registry.hostPort(), u"layers"_s);
    QCOMPARE(pane.statePanel()->kind(), StatePanel::Kind::Message);
    QVERIFY(!pane.exportButton()->isEnabled());
    // Ticking in the list (as a user would) loads after the pause.
    QAbstractItemModel *list = pane.tagView()->model();
    QVERIFY(list->setData(list->index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(list->setData(list->index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(pane.checkedTags(), (QStringList{u"app"_s, u"base"_s}));
    QTRY_COMPARE_WITH_TIMEOUT(loader.state(), LayerMapLoader::State::Ready, kTimeout);
    QCOMPARE(pane.statePanel()->kind(), StatePanel::Kind::Content);
    QCOMPARE(pane.view()->graph().images().size(), 2);
    QCOMPARE(pane.view()->graph().images()[0].label, u"app linux/amd64"_s);
    QVERIFY(pane.exportButton()->isEnabled());
    QVERIFY(!pane.summaryLabel()->text().isEmpty());
    QVERIFY(pane.problemsLabel()->isHidden());
    QVERIFY(pane.platformBox()->findData(u"linux/amd64"_s) > 0);

    // The view's picks come out of the pane; the pane's selection goes into the view.
    QSignalSpy selected(&pane, &LayerMapPane::layerSelected);
    pane.view()->setZoom(1.0);
    const int root = pane.view()->graph().roots().constFirst();
    pane.view()->centerOn(pane.view()->graph().node(root).position);
    click(*pane.view(), root);
    QCOMPARE(selected.size(), 1);
    const QString top = pane.view()->graph().images()[0].layers[3].digest.toString();
    pane.setSelectedLayer(top);
    QCOMPARE(pane.view()->selectedLayer(), top);
    QCOMPARE(selected.size(), 1);

    // A tag that does not exist beside one that does: mapped, and said.
    tags.setStringList({u"app"_s, u"base"_s, u"nope"_s});
    pane.setCheckedTags({u"base"_s, u"nope"_s});
    auto chosen = [&loader] {
        QStringList names;
        for (const LayerMapSelection &s : loader.selections())
            names.append(s.tag);
        return names;
    };
    QTRY_VERIFY_WITH_TIMEOUT(loader.state() == LayerMapLoader::State::Ready && chosen() == QStringList({u"base"_s, u"nope"_s}), kTimeout);
    QCOMPARE(pane.view()->graph().images().size(), 1);
    QVERIFY(pane.problemsLabel()->isVisible());
    QVERIFY(pane.problemsLabel()->text().contains(u"layers:nope"_s));
    // Only the missing one: the map fails, and says why.
    pane.setCheckedTags({u"nope"_s});
    QTRY_COMPARE_WITH_TIMEOUT(loader.state(), LayerMapLoader::State::Failed, kTimeout);
    QCOMPARE(pane.statePanel()->kind(), StatePanel::Kind::Error);
    QVERIFY(!pane.statePanel()->message().isEmpty());

    // Another repository: the choice goes; every platform of multi:latest, then one.
    tags.setStringList({u"latest"_s});
    loader.setRepository(m_registry.hostPort(), u"multi"_s);
    QVERIFY(pane.checkedTags().isEmpty());
    QCOMPARE(pane.statePanel()->kind(), StatePanel::Kind::Message);
    pane.setCheckedTags({u"latest"_s});
    pane.reload();
    QTRY_COMPARE_WITH_TIMEOUT(loader.state(), LayerMapLoader::State::Ready, kTimeout);
    QCOMPARE(pane.view()->graph().images().size(), 3);
    QCOMPARE(pane.platformBox()->count(), 4); // All platforms + 3
    screenshot(&pane, u"layermap-pane-multi"_s);
    pane.setPlatform(u"linux/arm/v7"_s);
    QTRY_VERIFY_WITH_TIMEOUT(loader.state() == LayerMapLoader::State::Ready && pane.view()->graph().images().size() == 1, kTimeout);
    QCOMPARE(pane.view()->graph().images()[0].platform, u"linux/arm/v7"_s);
    QCOMPARE(pane.platformBox()->count(), 4);
}

QTEST_MAIN(TestLayerMap)
#include "tst_layermap.moc"
