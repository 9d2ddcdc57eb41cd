// How a person gets around the window (issue 12): the image's tabs with room for the layer map,
// Files, Efficiency and Compare; the keyboard between panes; Compare with the mouse; panes that
// always show the current image or say why not; measuring waste only when it is cheap or asked;
// the last session coming back. Driven with mouse and key events, offscreen, on the test bed.
#include "ComparePane.h"
#include "EfficiencyPanel.h"
#include "ImagePane.h"
#include "LayerFilesPane.h"
#include "LayerMapPane.h"
#include "LayerMapView.h"
#include "MainWindow.h"
#include "PlatformsPane.h"
#include "SearchPane.h"
#include "StartView.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "core/Digest.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/ImageEfficiencyModel.h"
#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/SearchModel.h"
#include "itemmodels/TagListModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "layers/LayerBlobCache.h"
#include "LocalImagesPane.h"
#include "PullsPane.h"
#include "RepositoryPane.h"

#include "WindowBed.h"

#include <QAbstractItemView>
#include <QToolButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {


QTabWidget *imageTabs(MainWindow &window)
{
    return window.findChild<QTabWidget *>(u"imageTabs"_s);
}

} // namespace

class TestWindowFlow final : public QObject, protected WindowBed
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startBed(); }
    void init() { resetForTest(); }
    void cleanup() { tearDownTest(); }

    void compareWithTheMouse();
    void keyboardBetweenPanes();
    void measuringAsksFirstAndPullReuses();
    void panesNeverShowTheLastImage();
    void sessionRestoresARepositoryTheSearchDoesNotList();
    void firstRunShowsAStartPage();
    void aManagedWindowFitsTheScreen();
    void theFirstWindowFitsTheScreen();
    void layerAndFileMenus();
};

// Defect 1: the "with" box kept nothing a person picked with the mouse, so Compare did nothing.
void TestWindowFlow::compareWithTheMouse()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickImage(window, u"layers"_s, u"base"_s);
    if (QTest::currentTestFailed())
        return;

    // To the Compare tab by its tab, with the mouse.
    QTabWidget *tabs = imageTabs(window);
    QVERIFY(tabs);
    QTabBar *bar = tabs->tabBar();
    const int compareTab = tabs->indexOf(window.comparePane());
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(compareTab).center());
    QCOMPARE(tabs->currentWidget(), window.comparePane());

    ComparePane *pane = window.comparePane();
    pickFromList(pane->tagBox(), u"app"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(pane->tagBox()->currentText(), u"app"_s);
    // Focus moves on (a click elsewhere): the choice stays.
    QTest::mouseClick(pane->platformBox()->lineEdit(), Qt::LeftButton);
    QCOMPARE(pane->otherTag(), u"app"_s);
    QVERIFY(pane->compareButton()->isEnabled());
    QSignalSpy states(window.diffModel(), &ImageDiffModel::stateChanged);
    QTest::mouseClick(pane->compareButton(), Qt::LeftButton);
    QVERIFY(states.wait(kTimeout));
    QTRY_COMPARE_WITH_TIMEOUT(window.diffModel()->state(), ImageDiffModel::State::Ready, kTimeout);
    QCOMPARE(window.diffModel()->diff().onlyInTo.size(), 2);

    // Typed and Enter: the same.
    pane->tagBox()->lineEdit()->selectAll();
    QTest::keyClicks(pane->tagBox()->lineEdit(), u"base"_s);
    QTest::keyClick(pane->tagBox()->lineEdit(), Qt::Key_Return);
    QCOMPARE(pane->otherTag(), u"base"_s);
    screenshot(&window, u"compare-by-mouse"_s);
}

namespace {

// Whether `pane` (or what it is in) holds the keyboard.
bool holdsFocus(const QWidget *pane)
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && (focus == pane || pane->isAncestorOf(focus));
}

} // namespace

// Defect 3: Tab walked the Tags table's cells for ever and nothing reached Platforms, Image or the
// docks. Now Tab leaves a table, F6 / Ctrl+Tab visit every pane in reading order, and the pane
// that has the keyboard says so in its heading.
void TestWindowFlow::keyboardBetweenPanes()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;

    QTableView *tags = window.tagsPane()->view();
    tags->setFocus(Qt::MouseFocusReason);
    QVERIFY(tags->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY2(!tags->hasFocus(), "Tab stayed in the Tags table");

    // F6 from the search box: Tags, Repository, Platforms, the Image tab, Pulls, Local images, Search.
    window.searchPane()->queryEdit()->setFocus(Qt::MouseFocusReason);
    QVERIFY(holdsFocus(window.searchPane()));
    const QList<QWidget *> order{window.tagsPane(),     window.repositoryPane(), window.platformsPane(),
                                 window.imagePane(),    window.pullsPane(),      window.localImagesPane(),
                                 window.searchPane()};
    for (QWidget *pane : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        QVERIFY2(holdsFocus(pane), qPrintable(u"F6 should reach %1, focus is on %2"_s.arg(
                                        QString::fromLatin1(pane->metaObject()->className()),
                                        QApplication::focusWidget() ? QString::fromLatin1(QApplication::focusWidget()->metaObject()->className())
                                                                    : u"nothing"_s)));
    }
    // The Tags heading shows it has the keyboard, and only it.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QVERIFY(holdsFocus(window.tagsPane()));
    QVERIFY(window.tagsPane()->parentWidget()->property("paneActive").toBool());
    QVERIFY(!window.searchPane()->parentWidget()->property("paneActive").toBool());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
    QVERIFY(holdsFocus(window.searchPane()));
    // In the platform list, the keys choose (Down: the next platform).
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QVERIFY(holdsFocus(window.platformsPane()));
    screenshot(&window, u"keyboard-platforms-focused"_s);
}

namespace {

// GETs of these blobs that reached the registry.
int blobGets(const FaultProxy &proxy, const QStringList &digests)
{
    int gets = 0;
    for (const HttpRequest &request : proxy.requests())
        for (const QString &digest : digests)
            if (request.method == "GET" && request.path().endsWith(u"/blobs/"_s + digest))
                ++gets;
    return gets;
}

} // namespace

// Defect 9: picking a tag measured wasted space by downloading up to 50 MB unasked, and a pull
// then downloaded the same layers again. Now only a small download (or none: layers at hand) is
// made unasked, bigger ones wait for "Analyse Layers", and a pull reuses what the measure read.
void TestWindowFlow::measuringAsksFirstAndPullReuses()
{
    // As the application sets them up: layers a listing read are kept for a pull.
    auto blobs = std::make_shared<LayerBlobCache>(m_dir->filePath(u"layer-cache"_s));
    m_client->setLayerBlobCache(blobs);
    PullEngine::Options options;
    options.client = m_client->settings();
    m_engine = std::make_unique<PullEngine>(*m_store, options);
    QVERIFY(MainWindow::kAutoAnalyseBytes <= 10 * 1024 * 1024);

    MainWindow window(services());
    useFakeDesktop(window);
    window.setAutoAnalyseLimit(1000); // layers:app's 1.6 MB is "big" here
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList appLayers = m_images.layerDigests(u"layers"_s, u"app"_s);
    pickImage(window, u"layers"_s, u"app"_s);
    if (QTest::currentTestFailed())
        return;
    QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier); // Efficiency
    QTRY_VERIFY(window.efficiencyPanel()->isPending());
    QCOMPARE(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Idle);
    QCOMPARE(blobGets(*m_proxy, appLayers), 0); // nothing downloaded unasked
    screenshot(&window, u"efficiency-asks-first"_s);

    QTest::mouseClick(window.efficiencyPanel()->analyseButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Ready, kTimeout);
    QCOMPARE(blobGets(*m_proxy, appLayers), int(appLayers.size()));

    // The pull fetches none of them again.
    QVERIFY(window.platformsPane()->selectPlatform(u"linux/amd64"_s));
    QTest::mouseClick(window.platformsPane()->pullButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Done, 60'000);
    QCOMPARE(blobGets(*m_proxy, appLayers), int(appLayers.size()));

    // layers:base shares its two layers with app, now in the store: measured at once, though
    // "big", since it downloads nothing.
    m_proxy->clearRecords();
    QVERIFY(window.tagsPane()->selectTag(u"base"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.imageLayers().size(), 2, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Ready, kTimeout);
    QCOMPARE(window.efficiencyModel()->stack().size(), 2);
    QCOMPARE(blobGets(*m_proxy, m_images.layerDigests(u"layers"_s, u"base"_s)), 0);
}

// Defect 10: offline, Files kept the previous image's layer, Compare the previous tag, Efficiency
// said "Pick an image". Each pane about the image says it could not be looked up, with Retry.
void TestWindowFlow::panesNeverShowTheLastImage()
{
    std::optional<ScopedEnv> offline;
    MainWindow window(services());
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickImage(window, u"layers"_s, u"app"_s);
    if (QTest::currentTestFailed())
        return;
    // A layer's files, the waste measured, a comparison made.
    clickHistoryLayer(window, 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.layerFilesModel()->state(), LayerFilesModel::State::Ready, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Ready, kTimeout);
    window.comparePane()->setOther(u"base"_s, {});
    QTest::keyClick(&window, Qt::Key_5, Qt::AltModifier);
    QTest::mouseClick(window.comparePane()->compareButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.diffModel()->state(), ImageDiffModel::State::Ready, kTimeout);

    // Offline, the other tag of multi (never looked at, so nothing cached to show).
    offline.emplace("WHARF_DOCKERHUB_REGISTRY_URL", "http://127.0.0.1:" + QByteArray::number(closedPort()));
    window.searchPane()->queryEdit()->clear();
    pickMulti(window);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.tagsPane()->selectTag(u"latest"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Offline, kTimeout);
    QCOMPARE(window.layerFilesModel()->state(), LayerFilesModel::State::Idle);
    QCOMPARE(window.layerFilesModel()->rowCount(), 0);
    QCOMPARE(window.layerFilesPane()->statePanel()->kind(), StatePanel::Kind::Offline);
    QCOMPARE(window.layerFilesPane()->layerBox()->count(), 0);
    QCOMPARE(window.efficiencyPanel()->statePanel()->kind(), StatePanel::Kind::Offline);
    QVERIFY(!window.efficiencyPanel()->isPending());
    QCOMPARE(window.diffModel()->state(), ImageDiffModel::State::Idle);
    QCOMPARE(window.comparePane()->statePanel()->kind(), StatePanel::Kind::Offline);
    QVERIFY(!window.comparePane()->compareButton()->isEnabled());
    QVERIFY(window.imageLayers().isEmpty());
    QTest::keyClick(&window, Qt::Key_3, Qt::AltModifier);
    screenshot(&window, u"offline-files-says-why"_s);

    // Back online, Retry in the Files pane brings the image.
    offline.reset();
    QVERIFY(window.layerFilesPane()->statePanel()->retryButton()->isVisible());
    QTest::mouseClick(window.layerFilesPane()->statePanel()->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!window.imageLayers().isEmpty(), kTimeout);
    QVERIFY(window.layerFilesPane()->layerBox()->count() > 0);
}

// Defect 12: the last repository came back only when the last search listed it again.
void TestWindowFlow::sessionRestoresARepositoryTheSearchDoesNotList()
{
    {
        MainWindow window(services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        pickMultiLatest(window);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
        // Another search, which does not list multi, is the last one.
        QLineEdit *query = window.searchPane()->queryEdit();
        query->selectAll();
        QTest::keyClicks(query, u"layers"_s);
        QTRY_VERIFY_WITH_TIMEOUT(window.searchModel()->query() == u"layers" && window.searchModel()->state() == SearchModel::State::Ready,
                                 kTimeout);
        QVERIFY(window.searchModel()->rowCount() > 0);
        for (int row = 0; row < window.searchModel()->rowCount(); ++row)
            QVERIFY(window.searchModel()->index(row).data(SearchModel::NameRole).toString() != u"multi");
        window.close();
    }
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.searchPane()->queryEdit()->text(), u"layers"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->currentTag(), u"latest"_s, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.platformsPane()->currentPlatform() >= 0, kTimeout);
    QCOMPARE(window.platformModel()->platformIndex(window.platformsPane()->currentPlatform()).data(PlatformModel::PlatformRole).toString(),
             u"linux/arm64/v8"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.historyModel()->rowCount() > 0, true, kTimeout);
    screenshot(&window, u"session-restored"_s);
    // The search list came back too, and picking from it still works.
    QTRY_VERIFY_WITH_TIMEOUT(window.searchModel()->rowCount() > 0, kTimeout);
}

// First run: not eleven empty panes but a start page — Docker Hub's most pulled official images
// and the repositories looked at lately — from which a click opens a repository.
void TestWindowFlow::firstRunShowsAStartPage()
{
    {
        MainWindow window(services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        StartView *start = window.startView();
        QVERIFY(start->isVisible());
        QVERIFY(!window.imagePane()->isVisible());
        QCOMPARE(start->recentState()->kind(), StatePanel::Kind::Message);
        QListView *popular = start->popularView();
        QTRY_VERIFY_WITH_TIMEOUT(popular->model()->rowCount() > 1, kTimeout);
        QCOMPARE(start->popularState()->kind(), StatePanel::Kind::Content);
        // Most pulled first, official only.
        QAbstractItemModel *rows = popular->model();
        for (int row = 0; row < rows->rowCount(); ++row) {
            QVERIFY(rows->index(row, 0).data(SearchModel::OfficialRole).toBool());
            if (row > 0)
                QVERIFY(rows->index(row - 1, 0).data(SearchModel::PullsRole).toLongLong()
                        >= rows->index(row, 0).data(SearchModel::PullsRole).toLongLong());
        }
        screenshot(&window, u"start-page"_s);
        QModelIndex multi;
        for (int row = 0; row < rows->rowCount(); ++row)
            if (rows->index(row, 0).data(SearchModel::NameRole).toString() == u"multi")
                multi = rows->index(row, 0);
        QVERIFY(multi.isValid());
        popular->scrollTo(multi);
        QTest::mouseClick(popular->viewport(), Qt::LeftButton, {}, popular->visualRect(multi).center());
        QTRY_VERIFY_WITH_TIMEOUT(window.tagsPane()->selectTag(u"latest"_s), kTimeout);
        QVERIFY(!start->isVisible());
        QVERIFY(window.imagePane()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(window.platformModel()->platformCount(), 3, kTimeout);
        window.close();
    }
    // Next time: the last repository comes back; the start page, by View, lists it as recent.
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.startView()->isVisible());
    QTest::keyClick(&window, Qt::Key_Home, Qt::AltModifier);
    StartView *start = window.startView();
    QVERIFY(start->isVisible());
    QListView *recent = start->recentView();
    QCOMPARE(recent->model()->rowCount(), 1);
    QCOMPARE(recent->model()->index(0, 0).data().toString(), u"multi"_s);
    QTest::mouseClick(recent->viewport(), Qt::LeftButton, {}, recent->visualRect(recent->model()->index(0, 0)).center());
    QVERIFY(!start->isVisible());
    QVERIFY(window.platformsPane()->isVisible());
}

// The window as a window manager shows it (tests/run-under-xvfb.sh: openbox on a 1280×800 Xvfb):
// decorated, maximised within the screen, nothing forcing it wider. Offscreen (no window manager)
// the same minimum-size check runs without the frame.
void TestWindowFlow::aManagedWindowFitsTheScreen()
{
    MainWindow window(services());
    window.showMaximized();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    checkFitsSmallScreen(window, "maximised", 1280);
    if (qEnvironmentVariableIsEmpty("WHARF_TEST_WINDOW_MANAGER"))
        return;
    const QRect screen = window.screen()->availableGeometry();
    QCOMPARE(screen.size(), QSize(1280, 800));
    // Decorated by the window manager, and all of it on the screen.
    QTRY_VERIFY(window.frameGeometry() != window.geometry());
    QTRY_VERIFY2(screen.contains(window.frameGeometry()),
                 qPrintable(u"frame %1,%2 %3x%4"_s.arg(window.frameGeometry().x()).arg(window.frameGeometry().y())
                                .arg(window.frameGeometry().width()).arg(window.frameGeometry().height())));
    QVERIFY(window.isActiveWindow());
    // What the screen shows, decorations and all.
    const QString dir = QStringLiteral(WHARF_BINARY_DIR "/screenshots");
    QVERIFY(window.screen()->grabWindow(0).save(dir + u"/x11-openbox-maximised.png"_s));
}

// The first time the window opens (no size of the person's yet) on a 1280×800 screen, its frame
// comes on top of its 1280×800: it shrinks to the screen's free area, so the status bar is seen.
// Offscreen there is no frame and no screen to fit; the offscreen run checks the size it keeps.
void TestWindowFlow::theFirstWindowFitsTheScreen()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (qEnvironmentVariableIsEmpty("WHARF_TEST_WINDOW_MANAGER")) {
        QCOMPARE(window.size(), QSize(1280, 800));
        return;
    }
    const QRect screen = window.screen()->availableGeometry();
    QTRY_VERIFY(window.frameGeometry() != window.geometry());
    QTRY_VERIFY2_WITH_TIMEOUT(screen.contains(window.frameGeometry()),
                              qPrintable(u"frame %1,%2 %3x%4"_s.arg(window.frameGeometry().x()).arg(window.frameGeometry().y())
                                             .arg(window.frameGeometry().width()).arg(window.frameGeometry().height())),
                              kTimeout);
    QVERIFY(window.statusBar()->isVisible());
    const QRect bar(window.statusBar()->mapToGlobal(QPoint(0, 0)), window.statusBar()->size());
    QVERIFY(screen.contains(bar));
    QVERIFY(!window.isMaximized());
}

// Context menus on a layer (history row, map node) and on a file.
void TestWindowFlow::layerAndFileMenus()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickImage(window, u"layers"_s, u"app"_s);
    if (QTest::currentTestFailed())
        return;
    const QStringList layers = m_images.layerDigests(u"layers"_s, u"app"_s);
    QTableView *history = window.imagePane()->historyView();
    QModelIndex second;
    for (int row = 0; row < window.historyModel()->rowCount(); ++row) {
        const QModelIndex index = window.historyModel()->index(row, HistoryModel::InstructionColumn);
        if (index.data(HistoryModel::LayerIndexRole).toInt() == 1)
            second = index;
    }
    QVERIFY(second.isValid());
    const QPoint at = history->visualRect(second).center();
    QVERIFY(pickFromContextMenu(history->viewport(), at, u"layerCopyDigestAction"_s));
    QCOMPARE(QApplication::clipboard()->text(), layers.at(1));
    QTRY_COMPARE_WITH_TIMEOUT(window.layerFilesModel()->state(), LayerFilesModel::State::Ready, kTimeout);
    QVERIFY(pickFromContextMenu(history->viewport(), at, u"layerShowFilesAction"_s));
    QCOMPARE(imageTabs(window)->currentWidget(), window.layerFilesPane());
    QCOMPARE(window.layerFilesPane()->layerBox()->currentIndex(), 1);

    // A file: Copy Path.
    QTreeView *files = window.layerFilesPane()->view();
    QVERIFY(window.layerFilesPane()->selectPath(u"opt/app/server.bin"_s) || window.layerFilesPane()->selectPath(u"etc/app.conf"_s)
            || files->model()->rowCount() > 0);
    const QModelIndex current = files->currentIndex().isValid() ? files->currentIndex() : files->model()->index(0, 0);
    files->setCurrentIndex(current);
    const QString path = current.data(LayerFilesModel::PathRole).toString();
    QVERIFY(!path.isEmpty());
    QVERIFY(pickFromContextMenu(files->viewport(), files->visualRect(current).center(), u"layerFilesCopyPath"_s));
    QCOMPARE(QApplication::clipboard()->text(), u'/' + path);

    // The layer box switches layers in the Files tab itself.
    QComboBox *box = window.layerFilesPane()->layerBox();
    QCOMPARE(box->count(), int(layers.size()));
    pickFromList(box, box->itemText(3));
    QTRY_COMPARE_WITH_TIMEOUT(window.layerFilesModel()->layerIndex(), 3, kTimeout);

    // On the map, a layer's menu copies its digest.
    QTest::keyClick(&window, Qt::Key_2, Qt::AltModifier);
    LayerMapView *map = window.layerMapPane()->view();
    QTRY_VERIFY_WITH_TIMEOUT(!map->graph().isEmpty(), kTimeout);
    const auto digest = Digest::parse(layers.at(0));
    QVERIFY(digest);
    const QList<int> nodes = map->graph().nodesWithDigest(*digest);
    QVERIFY(!nodes.isEmpty());
    map->centerOn(map->graph().node(nodes.constFirst()).position);
    const QPoint node = map->nodeViewportPosition(nodes.constFirst());
    QVERIFY(pickFromContextMenu(map->viewport(), node, u"layerCopyDigestAction"_s));
    QCOMPARE(QApplication::clipboard()->text(), layers.at(0));
}

QTEST_MAIN(TestWindowFlow)
#include "tst_windowflow.moc"
