// Local images with Docker and Podman as sources, driven as a person would, offscreen, against real
// engines the suite starts once (EngineBed: dockerd and `podman system service` on private sockets)
// and the Docker Hub test bed (WindowBed). multi:latest for linux/arm64 is pulled into the store and
// loaded into both engines in initTestCase; then: the engine's tab lists it (name, platform, image
// ID), Enter or a double-click opens it — history, a layer's files, efficiency and the layer map
// from the engine's export alone (no blob asked of the registry), Compare with the registry's
// multi:latest with every layer in common (matched by diff ID); an image gone before it opens is
// one error; a 128 MiB image says how far its read is in the status bar; Remove… asks first,
// naming the image and the engine, cancelled keeps it, accepted removes it (the engine then says
// NotFound); an engine's refusal (a container uses the image) is one line; a pull into Podman and
// F5 read the list again; a list that cannot be read says why; an engine that does not answer is a
// disabled tab saying why. Screenshots: engine-images-docker, engine-images-podman,
// engine-image-open, engine-compare, engine-image-missing, engine-untagged-open, engine-remove-confirm,
// engine-unavailable.
#include "ComparePane.h"
#include "EngineImagesPage.h"
#include "ImagePane.h"
#include "LayerFilesPane.h"
#include "LocalImagesPane.h"
#include "PlatformsPane.h"
#include "MainWindow.h"
#include "RepositoryPane.h"
#include "StatePanel.h"
#include "engines/EngineApi.h"
#include "engines/EngineClient.h"
#include "engines/EngineLoader.h"
#include "itemmodels/EngineImagesModel.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/ImageEfficiencyModel.h"
#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/LocalImagesModel.h"
#include "itemmodels/PullListModel.h"
#include "itemmodels/TagListModel.h"
#include "layers/LayerMapLoader.h"
#include "services/EngineTargets.h"

#include "EngineBed.h"
#include "TestbedStore.h"
#include "FaultProxy.h"
#include "WindowBed.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(wharf::EngineKind)

namespace {

constexpr int kEngineTimeout = 120'000; // vfs copies every layer: a first listing or open may take a while

int sourceTab(EngineKind kind)
{
    return kind == EngineKind::Docker ? LocalImagesPane::DockerSource : LocalImagesPane::PodmanSource;
}

// The row of the engine's list naming `name` (as the engine writes it); -1 when there is none.
int rowOfName(const EngineImagesModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(EngineImagesModel::NameRole).toString() == name)
            return row;
    return -1;
}

// Clicks the row of the page's table showing the model's `row` (the table may be sorted).
QModelIndex clickModelRow(EngineImagesPage *page, int row)
{
    QTableView *view = page->view();
    const auto *proxy = static_cast<const QAbstractProxyModel *>(view->model());
    const QModelIndex index = proxy->mapFromSource(page->model()->index(row, 0));
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    return index;
}


} // namespace

class TestEngineImages final : public QObject, protected WindowBed
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void listsAndOpensEngineImage_data();
    void listsAndOpensEngineImage();
    void missingImageIsOneError();
    void bigImageShowsHowFarTheReadIs();
    void untaggedImageOpens();
    void removeAsksFirst();
    void removeFromTheRowMenu();
    void refusalIsOneLine();
    void loadIntoEngineRefreshesItsList();
    void engineThatDoesNotAnswer();
    void listingThatFailsSaysWhy();
    void pullIntoEngineRefreshesItsList();

private:
    // The engines of the bed as the window finds them (DOCKER_HOST, CONTAINER_HOST), or sockets
    // where nothing answers.
    std::unique_ptr<EngineTargets> makeTargets(bool reachable);
    // A window over the bed's engines (m_targets) with the fake desktop, shown at 1280×800.
    [[nodiscard]] std::unique_ptr<MainWindow> openWindow();
    // A window over the bed, its Local images showing `kind`'s images (the tab clicked).
    void showEngine(MainWindow &window, EngineKind kind);
    // Another name for multi's image in the engine: something to remove.
    bool tagInEngine(EngineKind kind, const QString &repository, const QString &tag);
    [[nodiscard]] static QString engineName(EngineKind kind, const QString &name);

    EngineBed m_engines;
    QTemporaryDir m_home;
    QString m_imageId; // multi:latest linux/arm64's config digest: the engines' image ID
    QStringList m_diffIds;
    std::unique_ptr<EngineTargets> m_targets;
};

std::unique_ptr<MainWindow> TestEngineImages::openWindow()
{
    MainWindow::Services s = services();
    s.engines = m_targets.get();
    auto window = std::make_unique<MainWindow>(s);
    useFakeDesktop(*window);
    window->resize(1280, 800);
    window->show();
    return window;
}

QString TestEngineImages::engineName(EngineKind kind, const QString &name)
{
    // Docker names an image as `docker pull` would; Podman keeps the registry.
    if (kind == EngineKind::Docker || name.contains(u'/'))
        return name;
    return u"docker.io/library/"_s + name;
}

void TestEngineImages::initTestCase()
{
    qRegisterMetaType<wharf::EngineKind>();
    startBed();
    QVERIFY(m_home.isValid());
    QString error;
    // The engines are part of what is tested: one that cannot start fails the suite, never skips it.
    for (const EngineKind kind : EngineTargets::kinds)
        QVERIFY2(m_engines.start(kind, &error), qPrintable(error));

    // multi:latest for linux/arm64 into the store by the window's Pull button, then into each engine.
    resetForTest();
    {
        MainWindow window(services());
        useFakeDesktop(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        pullArm64(window);
        if (QTest::currentTestFailed())
            return;
    }
    auto stored = m_store->images();
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    const QJsonObject image = m_images.image(u"multi"_s, u"latest"_s, stored->constFirst().platform.toString());
    m_imageId = image[u"config"_s][u"digest"_s].toString();
    QVERIFY2(m_imageId.startsWith(u"sha256:"), qPrintable(stored->constFirst().platform.toString()));
    for (const EngineKind kind : EngineTargets::kinds) {
        auto loaded = EngineLoader::load(*m_store, stored->constFirst(), m_engines.endpoint(kind), {});
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message()));
        QCOMPARE(loaded->id.toString(), m_imageId);
        QCOMPARE(loaded->name, engineName(kind, u"multi:latest"_s));
    }
    auto facts = EngineApi(m_engines.endpoint(EngineKind::Docker)).inspect(m_imageId);
    QVERIFY(facts);
    m_diffIds = facts->diffIds;
    QCOMPARE(m_diffIds.size(), m_images.layerDigests(u"multi"_s, u"latest"_s, stored->constFirst().platform.toString()).size());
    tearDownTest();
}

void TestEngineImages::init()
{
    resetForTest();
    m_targets = makeTargets(true);
}

void TestEngineImages::cleanup()
{
    m_targets.reset();
    tearDownTest();
}

void TestEngineImages::cleanupTestCase()
{
    m_engines.stopAll();
}

std::unique_ptr<EngineTargets> TestEngineImages::makeTargets(bool reachable)
{
    EngineLocator::Environment environment;
    environment.home = m_home.path(); // no ~/.docker of the machine's
    environment.podmanRootfulSocket = m_home.filePath(u"no-podman.sock"_s);
    environment.variables.remove(u"XDG_RUNTIME_DIR"_s);
    const QString docker = reachable ? m_engines.socketPath(EngineKind::Docker) : m_home.filePath(u"no-docker.sock"_s);
    const QString podman = reachable ? m_engines.socketPath(EngineKind::Podman) : m_home.filePath(u"no-podman.sock"_s);
    environment.variables.insert(u"DOCKER_HOST"_s, u"unix://"_s + docker);
    environment.variables.insert(u"CONTAINER_HOST"_s, u"unix://"_s + podman);
    return std::make_unique<EngineTargets>(environment);
}

void TestEngineImages::showEngine(MainWindow &window, EngineKind kind)
{
    LocalImagesPane *pane = window.localImagesPane();
    QTabBar *sources = pane->sourceBar();
    const int tab = sourceTab(kind);
    QTRY_VERIFY_WITH_TIMEOUT(sources->isTabEnabled(tab), kTimeout);
    QVERIFY(sources->tabToolTip(tab).contains(m_engines.socketPath(kind)));
    QTest::mouseClick(sources, Qt::LeftButton, {}, sources->tabRect(tab).center());
    QCOMPARE(sources->currentIndex(), tab);
    EngineImagesPage *page = pane->enginePage(kind);
    QVERIFY(page->isVisible());
    QVERIFY(page->model());
    QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && page->model()->rowCount() > 0, kEngineTimeout);
}

bool TestEngineImages::tagInEngine(EngineKind kind, const QString &repository, const QString &tag)
{
    EngineClient client(m_engines.endpoint(kind));
    const auto response =
        client.request("POST", u"/images/%1/tag?repo=%2&tag=%3"_s.arg(m_imageId, repository, tag), EngineApi::kMaxJson);
    return response && response->status / 100 == 2;
}

void TestEngineImages::listsAndOpensEngineImage_data()
{
    QTest::addColumn<EngineKind>("kind");
    QTest::addColumn<bool>("byDoubleClick");
    QTest::addRow("docker, Enter") << EngineKind::Docker << false;
    QTest::addRow("podman, double-click") << EngineKind::Podman << true;
}

void TestEngineImages::listsAndOpensEngineImage()
{
    QFETCH(EngineKind, kind);
    QFETCH(bool, byDoubleClick);
    const auto opened = openWindow();
    MainWindow &window = *opened;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showEngine(window, kind);
    if (QTest::currentTestFailed())
        return;
    EngineImagesPage *page = window.localImagesPane()->enginePage(kind);
    EngineImagesModel *model = page->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // The row as `docker image ls` shows it.
    const QString name = engineName(kind, u"multi:latest"_s);
    const int row = rowOfName(model, name);
    QVERIFY2(row >= 0, qPrintable(name));
    QCOMPARE(model->index(row, EngineImagesModel::TagColumn).data().toString(), u"latest"_s);
    QVERIFY(model->index(row, 0).data(EngineImagesModel::PlatformRole).toString().startsWith(u"linux/arm64"));
    QCOMPARE(model->index(row, 0).data(EngineImagesModel::ImageIdRole).toString(), m_imageId);
    screenshot(&window, kind == EngineKind::Docker ? u"engine-images-docker"_s : u"engine-images-podman"_s);

    // Opened as a person opens it; nothing of its layers is asked of the registry.
    m_proxy->clearRequests();
    const QModelIndex index = clickModelRow(page, row);
    if (byDoubleClick)
        QTest::mouseDClick(page->view()->viewport(), Qt::LeftButton, {}, page->view()->visualRect(index).center());
    else
        QTest::keyClick(page->view(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kEngineTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.historyModel()->rowCount() > 0, kTimeout);
    QCOMPARE(window.imageLayers().size(), m_diffIds.size());
    for (qsizetype i = 0; i < m_diffIds.size(); ++i)
        QCOMPARE(window.imageLayers().at(i).digest.toString(), m_diffIds.at(i));
    const QString source = window.repositoryPane()->source();
    QVERIFY2(source.contains(EngineLocator::kindName(kind)) && source.contains(name) && source.contains(m_imageId.left(19)),
             qPrintable(source));
    QVERIFY(window.statusBar()->currentMessage().isEmpty()
            || !window.statusBar()->currentMessage().contains(u"could not"_s, Qt::CaseInsensitive));

    // A layer's files, from the engine's export.
    clickHistoryLayer(window, 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.layerFilesModel()->state(), LayerFilesModel::State::Ready, kTimeout);
    QVERIFY(window.layerFilesModel()->rowCount() > 0);
    // Efficiency, measured at once (the listings are here).
    QTRY_COMPARE_WITH_TIMEOUT(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Ready, kTimeout);
    QVERIFY(window.efficiencyModel()->efficiency().totalBytes > 0);
    // The layer map: the engine's image, its layers by diff ID.
    QTRY_COMPARE_WITH_TIMEOUT(window.layerMapLoader()->state(), LayerMapLoader::State::Ready, kTimeout);
    QVERIFY(!window.layerMapLoader()->graph().isEmpty());
    QVERIFY(!window.layerMapLoader()->graph().nodesWithDigest(*Digest::parse(m_diffIds.constFirst())).isEmpty());
    for (const HttpRequest &request : m_proxy->requests())
        QVERIFY2(!request.target.contains("/blobs/"), request.target.constData());
    screenshot(&window, u"engine-image-open"_s);
    checkFitsSmallScreen(window, "engine-image-open");

    // Compare with the registry's multi:latest: the image it was loaded from, every layer in common.
    QTabWidget *tabs = window.findChild<QTabWidget *>(u"imageTabs"_s);
    QVERIFY(tabs);
    const int compareTab = tabs->indexOf(window.comparePane());
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(compareTab).center());
    ComparePane *compare = window.comparePane();
    // The registry's tags of the repository, offered in the "with" box.
    QTRY_VERIFY_WITH_TIMEOUT(window.tagModel()->rowCount() > 0, kTimeout);
    pickFromList(compare->tagBox(), u"latest"_s);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY(compare->compareButton()->isEnabled());
    QTest::mouseClick(compare->compareButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.diffModel()->state(), ImageDiffModel::State::Ready, kEngineTimeout);
    QVERIFY2(!window.diffModel()->error(), qPrintable(window.diffModel()->errorMessage()));
    QCOMPARE(window.diffModel()->diff().commonLayers.size(), m_diffIds.size());
    QCOMPARE(window.diffModel()->diff().sharedPrefix, int(m_diffIds.size()));
    QCOMPARE(window.diffModel()->rowCount(), 0); // the same files
    screenshot(&window, u"engine-compare"_s);
}

void TestEngineImages::missingImageIsOneError()
{
    // Listed, then gone from the engine before it is opened (from the row's menu).
    QVERIFY(tagInEngine(EngineKind::Docker, u"wharf-gone"_s, u"1"_s));
    const auto opened = openWindow();
    MainWindow &window = *opened;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showEngine(window, EngineKind::Docker);
    if (QTest::currentTestFailed())
        return;
    EngineImagesPage *page = window.localImagesPane()->enginePage(EngineKind::Docker);
    const QString name = u"wharf-gone:1"_s;
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(page->model(), name) >= 0, kTimeout);
    QVERIFY(EngineApi(m_engines.endpoint(EngineKind::Docker)).remove(name));
    QTableView *view = page->view();
    const auto *proxy = static_cast<const QAbstractProxyModel *>(view->model());
    const QModelIndex index = proxy->mapFromSource(page->model()->index(rowOfName(page->model(), name), 0));
    QVERIFY(pickFromContextMenu(view->viewport(), view->visualRect(index).center(), u"openEngineImageAction"_s));
    // One error, where the image would be, and the layer panes say they have no image.
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Error, kEngineTimeout);
    QVERIFY2(window.imagePane()->statePanel()->message().contains(name), qPrintable(window.imagePane()->statePanel()->message()));
    QVERIFY(!window.imagePane()->statePanel()->message().contains(u'\n'));
    QCOMPARE(window.layerFilesPane()->statePanel()->kind(), StatePanel::Kind::Error);
    QVERIFY(window.imageLayers().isEmpty());
    QCOMPARE(window.historyModel()->rowCount(), 0);
    screenshot(&window, u"engine-image-missing"_s);
}

void TestEngineImages::bigImageShowsHowFarTheReadIs()
{
    // 128 MiB in Docker: its export takes long enough to be counted (a line every 100 ms).
    const QString name = u"127.0.0.1:1/big:1"_s;
    const auto big = TestbedStore::addRandomImage(*m_store, name, 128);
    QVERIFY(big);
    auto loaded = EngineLoader::load(*m_store, *big, m_engines.endpoint(EngineKind::Docker), {});
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message()));
    const auto removeBig = qScopeGuard([this, id = loaded->id] {
        (void)EngineApi(m_engines.endpoint(EngineKind::Docker)).remove(id.toString(), true);
    });
    const auto opened = openWindow();
    MainWindow &window = *opened;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showEngine(window, EngineKind::Docker);
    if (QTest::currentTestFailed())
        return;
    EngineImagesPage *page = window.localImagesPane()->enginePage(EngineKind::Docker);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(page->model(), name) >= 0, kTimeout);
    QStringList messages;
    connect(window.statusBar(), &QStatusBar::messageChanged, this, [&messages](const QString &message) { messages << message; });
    clickModelRow(page, rowOfName(page->model(), name));
    QElapsedTimer opening;
    opening.start();
    QTest::keyClick(page->view(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kEngineTimeout);
    const QString prefix = u"Reading %1 from Docker: "_s.arg(name);
    const auto progressLines = std::count_if(messages.cbegin(), messages.cend(), [&prefix](const QString &m) { return m.startsWith(prefix); });
    qInfo("a 128 MiB engine image opened (export read and listed) in %lld ms, %lld progress lines", qint64(opening.elapsed()),
          qint64(progressLines));
    QVERIFY2(progressLines > 0, qPrintable(messages.join(u" | ")));
    // The file it holds, listed from that one read.
    QCOMPARE(window.imageLayers().size(), 1);
    QVERIFY(window.imageLayers().constFirst().size > (qint64(128) << 20)); // the tar's own size
    clickHistoryLayer(window, 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.layerFilesModel()->state(), LayerFilesModel::State::Ready, kTimeout);
    QVERIFY(window.layerFilesModel()->indexOfPath(u"big.bin"_s).isValid());
    // Its bytes were read for the listing, not kept: Extract says so instead of asking for a folder.
    QVERIFY(window.layerFilesPane()->selectPath(u"big.bin"_s));
    QVERIFY(window.layerFilesPane()->extractAction()->isEnabled());
    window.layerFilesPane()->extractAction()->trigger();
    QVERIFY(m_extractAsked.isEmpty());
    QVERIFY2(window.statusBar()->currentMessage().startsWith(u"big.bin cannot be extracted from an image in a container engine"_s),
             qPrintable(window.statusBar()->currentMessage()));
}

void TestEngineImages::untaggedImageOpens()
{
    // Pulled by digest, so loaded with no name: a <none> row, opened by its ID.
    const auto image = TestbedStore::addRandomImage(*m_store, u"127.0.0.1:1/untagged"_s, 1, true);
    QVERIFY(image);
    auto loaded = EngineLoader::load(*m_store, *image, m_engines.endpoint(EngineKind::Docker), {});
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message()));
    QVERIFY(loaded->name.isEmpty());
    const QString id = loaded->id.toString();
    const auto removeIt = qScopeGuard([this, id] { (void)EngineApi(m_engines.endpoint(EngineKind::Docker)).remove(id, true); });
    const auto opened = openWindow();
    MainWindow &window = *opened;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showEngine(window, EngineKind::Docker);
    if (QTest::currentTestFailed())
        return;
    EngineImagesPage *page = window.localImagesPane()->enginePage(EngineKind::Docker);
    EngineImagesModel *model = page->model();
    int row = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->index(r, 0).data(EngineImagesModel::ImageIdRole).toString() == id)
                    row = r;
            return row >= 0;
        }(),
        kTimeout);
    QCOMPARE(model->index(row, 0).data(EngineImagesModel::NameRole).toString(), QString());
    QCOMPARE(model->index(row, EngineImagesModel::RepositoryColumn).data().toString(), u"<none>"_s);
    clickModelRow(page, row);
    QTest::keyClick(page->view(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kEngineTimeout);
    QVERIFY(window.historyModel()->rowCount() > 0);
    QCOMPARE(window.imageLayers().size(), 1);
    QCOMPARE(window.repositoryPane()->source(), u"Docker · untagged image %1"_s.arg(loaded->id.shortForm()));
    checkFitsSmallScreen(window, "engine-untagged-open");
    QCOMPARE(window.repositoryPane()->statePanel()->kind(), StatePanel::Kind::Content); // where it is from, in view
    clickHistoryLayer(window, 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.layerFilesModel()->state(), LayerFilesModel::State::Ready, kTimeout);
    QVERIFY(window.layerFilesModel()->indexOfPath(u"big.bin"_s).isValid());
    screenshot(&window, u"engine-untagged-open"_s);
}

void TestEngineImages::removeAsksFirst()
{
    QVERIFY(tagInEngine(EngineKind::Docker, u"wharf-remove-me"_s, u"1"_s));
    const auto opened = openWindow();
    MainWindow &window = *opened;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showEngine(window, EngineKind::Docker);
    if (QTest::currentTestFailed())
        return;
    EngineImagesPage *page = window.localImagesPane()->enginePage(EngineKind::Docker);
    const QString name = u"wharf-remove-me:1"_s;
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(page->model(), name) >= 0, kTimeout);
    QVERIFY(!page->removeButton()->isEnabled()); // nothing selected yet

    // The Delete key asks, naming the image and the engine; Cancel keeps it.
    clickModelRow(page, rowOfName(page->model(), name));
    QVERIFY(page->removeButton()->isEnabled());
    QTest::keyClick(page->view(), Qt::Key_Delete);
    QTRY_VERIFY(page->removeConfirmation());
    QMessageBox *box = page->removeConfirmation();
    QVERIFY(box->text().contains(name));
    QVERIFY(box->text().contains(u"Docker"_s));
    screenshot(&window, u"engine-remove-confirm"_s);
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!page->removeConfirmation());
    QTest::qWait(200);
    QVERIFY(EngineApi(m_engines.endpoint(EngineKind::Docker)).inspect(name));
    QVERIFY(rowOfName(page->model(), name) >= 0);

    // The button, then Remove: gone from the engine and the list, said in the status bar.
    clickModelRow(page, rowOfName(page->model(), name));
    QTest::mouseClick(page->removeButton(), Qt::LeftButton);
    QTRY_VERIFY(page->removeConfirmation());
    auto *remove = page->removeConfirmation()->findChild<QPushButton *>(u"confirmRemove"_s);
    QVERIFY(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.statusBar()->currentMessage(), u"Removed wharf-remove-me:1 from Docker"_s, kTimeout);
    QCOMPARE(EngineApi(m_engines.endpoint(EngineKind::Docker)).inspect(name).error().code(), Error::Code::NotFound);
    QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && rowOfName(page->model(), name) < 0, kTimeout);
    // multi:latest itself stays.
    QVERIFY(rowOfName(page->model(), u"multi:latest"_s) >= 0);
    QVERIFY(!page->removeButton()->isEnabled());
}

void TestEngineImages::removeFromTheRowMenu()
{
    QVERIFY(tagInEngine(EngineKind::Podman, u"wharf-remove-me"_s, u"2"_s));
    const auto opened = openWindow();
    MainWindow &window = *opened;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showEngine(window, EngineKind::Podman);
    if (QTest::currentTestFailed())
        return;
    EngineImagesPage *page = window.localImagesPane()->enginePage(EngineKind::Podman);
    const QString name = engineName(EngineKind::Podman, u"wharf-remove-me:2"_s);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(page->model(), name) >= 0, kTimeout);
    QTableView *view = page->view();
    const auto *proxy = static_cast<const QAbstractProxyModel *>(view->model());
    const QModelIndex index = proxy->mapFromSource(page->model()->index(rowOfName(page->model(), name), 0));
    QVERIFY(pickFromContextMenu(view->viewport(), view->visualRect(index).center(), u"removeEngineImageAction"_s));
    QTRY_VERIFY(page->removeConfirmation());
    QVERIFY(page->removeConfirmation()->text().contains(u"Podman"_s));
    QTest::mouseClick(page->removeConfirmation()->findChild<QPushButton *>(u"confirmRemove"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(u"Removed "_s + name), kTimeout);
    QCOMPARE(EngineApi(m_engines.endpoint(EngineKind::Podman)).inspect(name).error().code(), Error::Code::NotFound);
    QTRY_VERIFY_WITH_TIMEOUT(!page->model()->isLoading() && rowOfName(page->model(), name) < 0, kTimeout);
}

void TestEngineImages::refusalIsOneLine()
{
    // A container made from the image's only name: Docker refuses to remove that name.
    QVERIFY(tagInEngine(EngineKind::Docker, u"wharf-busy"_s, u"1"_s));
    EngineClient client(m_engines.endpoint(EngineKind::Docker));
    const QByteArray body = QJsonDocument(QJsonObject{{u"Image"_s, u"wharf-busy:1"_s}}).toJson(QJsonDocument::Compact);
    auto created = client.postStreaming(u"/containers/create?name=wharf-busy"_s, "application/json",
                                        [&body](QIODevice &device) -> Result<void> {
                                            device.write(body);
                                            return {};
                                        },
                                        EngineApi::kMaxJson);
    QVERIFY2(created && created->status == 201, created ? created->body.constData() : qPrintable(created.error().message()));
    const QString container = QJsonDocument::fromJson(created->body).object().value(u"Id"_s).toString();
    const auto removeContainer = qScopeGuard([&client, container] {
        (void)client.request("DELETE", u"/containers/%1?force=1"_s.arg(container), EngineApi::kMaxJson);
    });
    // The image's other name goes first: the busy name is then its last.
    QVERIFY(EngineApi(m_engines.endpoint(EngineKind::Docker)).remove(u"multi:latest"_s));
    const auto restore = qScopeGuard([this] { QVERIFY(tagInEngine(EngineKind::Docker, u"multi"_s, u"latest"_s)); });

    const auto opened = openWindow();
    MainWindow &window = *opened;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showEngine(window, EngineKind::Docker);
    if (QTest::currentTestFailed())
        return;
    EngineImagesPage *page = window.localImagesPane()->enginePage(EngineKind::Docker);
    const QString name = u"wharf-busy:1"_s;
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(page->model(), name) >= 0, kTimeout);
    clickModelRow(page, rowOfName(page->model(), name));
    QTest::keyClick(page->view(), Qt::Key_Delete);
    QTRY_VERIFY(page->removeConfirmation());
    QTest::mouseClick(page->removeConfirmation()->findChild<QPushButton *>(u"confirmRemove"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(u"Could not remove wharf-busy:1 from Docker: "_s),
                             kTimeout);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    QVERIFY2(message.contains(u"container"_s), qPrintable(message));
    QVERIFY(EngineApi(m_engines.endpoint(EngineKind::Docker)).inspect(name));
}

void TestEngineImages::loadIntoEngineRefreshesItsList()
{
    const auto opened = openWindow();
    MainWindow &window = *opened;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showEngine(window, EngineKind::Docker);
    if (QTest::currentTestFailed())
        return;
    EngineImagesPage *page = window.localImagesPane()->enginePage(EngineKind::Docker);
    const QString name = u"wharf-loaded:1"_s;
    QCOMPARE(rowOfName(page->model(), name), -1);
    // What the window calls after a load into Docker.
    QVERIFY(tagInEngine(EngineKind::Docker, u"wharf-loaded"_s, u"1"_s));
    const auto untag = qScopeGuard([this, name] { (void)EngineApi(m_engines.endpoint(EngineKind::Docker)).remove(name); });
    window.localImagesPane()->engineImagesChanged(EngineKind::Docker);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(page->model(), name) >= 0, kTimeout);

    // F5 lists the engine shown again too.
    QVERIFY(EngineApi(m_engines.endpoint(EngineKind::Docker)).remove(name));
    page->view()->setFocus();
    QTest::keyClick(page->view(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(page->model(), name) < 0, kTimeout);
}

void TestEngineImages::engineThatDoesNotAnswer()
{
    auto targets = makeTargets(false);
    MainWindow::Services s = services();
    s.engines = targets.get();
    MainWindow window(s);
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTabBar *sources = window.localImagesPane()->sourceBar();
    for (const EngineKind kind : EngineTargets::kinds) {
        QTRY_COMPARE_WITH_TIMEOUT(targets->state(kind), EngineTargets::State::Unavailable, kTimeout);
        QVERIFY(!sources->isTabEnabled(sourceTab(kind)));
        const QString why = sources->tabToolTip(sourceTab(kind));
        QCOMPARE(why, targets->description(kind));
        QVERIFY2(why.contains(u"no-"_s + EngineLocator::kindName(kind).toLower() + u".sock"), qPrintable(why));
        QVERIFY(!why.contains(u'\n'));
        // A click on it does nothing: the store's list stays.
        QTest::mouseClick(sources, Qt::LeftButton, {}, sources->tabRect(sourceTab(kind)).center());
        QCOMPARE(sources->currentIndex(), int(LocalImagesPane::StoreSource));
    }
    screenshot(&window, u"engine-unavailable"_s);
}

void TestEngineImages::listingThatFailsSaysWhy()
{
    // An engine that answered when the window asked, gone by the time its list is refreshed.
    EngineEndpoint gone;
    gone.kind = EngineKind::Docker;
    gone.socketPath = m_home.filePath(u"gone.sock"_s);
    EngineImagesModel model(gone);
    EngineImagesPage page(EngineKind::Docker);
    page.setModel(&model);
    page.resize(700, 300);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.refreshButton()->isEnabled());
    QTest::mouseClick(page.refreshButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && page.statePanel()->kind() != StatePanel::Kind::Message, kTimeout);
    QVERIFY(page.statePanel()->kind() != StatePanel::Kind::Content);
    const QString message = page.statePanel()->message();
    QVERIFY2(message.startsWith(u"Docker’s images could not be listed"_s), qPrintable(message));
    QVERIFY(!message.contains(u'\n'));
    QVERIFY(page.refreshButton()->isEnabled()); // to ask again
}

void TestEngineImages::pullIntoEngineRefreshesItsList()
{
    // Last: Podman's multi:latest then names another platform's image (put back at the end).
    const auto restore = qScopeGuard([this] { (void)tagInEngine(EngineKind::Podman, u"docker.io/library/multi"_s, u"latest"_s); });
    const auto opened = openWindow();
    MainWindow &window = *opened;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    showEngine(window, EngineKind::Podman);
    if (QTest::currentTestFailed())
        return;
    EngineImagesPage *page = window.localImagesPane()->enginePage(EngineKind::Podman);
    const QString name = engineName(EngineKind::Podman, u"multi:latest"_s);
    QCOMPARE(page->model()->index(rowOfName(page->model(), name), 0).data(EngineImagesModel::ImageIdRole).toString(), m_imageId);

    // Pull to: Podman, linux/arm/v7, by the Platforms pane.
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    PlatformsPane *platforms = window.platformsPane();
    QVERIFY(platforms->selectPlatform(u"linux/arm/v7"_s));
    QComboBox *target = platforms->pullTargetBox();
    target->setFocus();
    for (int i = 0; i < target->count() && !target->currentText().startsWith(u"Podman"); ++i)
        QTest::keyClick(target, Qt::Key_Down);
    QVERIFY2(target->currentText().startsWith(u"Podman"), qPrintable(target->currentText()));
    QTRY_VERIFY_WITH_TIMEOUT(platforms->pullButton()->isEnabled(), kTimeout);
    QTest::mouseClick(platforms->pullButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Done, kEngineTimeout);

    // Podman's list follows by itself: multi:latest is the arm/v7 image now.
    const QString armId = m_images.image(u"multi"_s, u"latest"_s, u"linux/arm/v7"_s)[u"config"_s][u"digest"_s].toString();
    QVERIFY(armId.startsWith(u"sha256:"));
    QTRY_COMPARE_WITH_TIMEOUT(
        page->model()->index(rowOfName(page->model(), name), 0).data(EngineImagesModel::ImageIdRole).toString(), armId, kTimeout);
}

QTEST_MAIN(TestEngineImages)
#include "tst_engineimages.moc"
