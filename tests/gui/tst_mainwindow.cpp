// The main window driven as a person would, offscreen, against the real docker-registry test bed
// (as docker.io, through WHARF_DOCKERHUB_REGISTRY_URL) and the Hub emulator: search "multi", pick
// the repository, its `latest` tag and linux/arm64, pull it, find it under Local images, delete it.
// Also the honest states (nothing matches, a failed search) and the keyboard shortcuts. Each main
// state is saved as a screenshot under <build>/screenshots/ for review (not compared).
#include "ImagePane.h"
#include "LocalImagesPane.h"
#include "MainWindow.h"
#include "PlatformsPane.h"
#include "PullsPane.h"
#include "RepositoryPane.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "hub/HubClient.h"
#include "items/ConfigModel.h"
#include "items/HistoryModel.h"
#include "items/LocalImagesModel.h"
#include "items/PlatformModel.h"
#include "items/PullListModel.h"
#include "items/SearchModel.h"
#include "items/TagFilterProxyModel.h"
#include "items/TagListModel.h"
#include "pull/PullEngine.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include "HubEmulator.h"
#include "RegistryProcess.h"
#include "TestbedImages.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = 20'000;

void screenshot(QWidget *window, const QString &name)
{
    const QString dir = QStringLiteral(WHARF_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(window->grab().save(dir + u'/' + name + u".png"));
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void searchPickPullDelete();
    void noMatchSaysSo();
    void searchErrorSaysSo();
    void keyboardShortcuts();
    void settingsRestoreLastSelections();

private:
    [[nodiscard]] MainWindow::Services services() const;
    void pickMultiLatest(MainWindow &window);

    TestbedImages m_images;
    std::unique_ptr<QTemporaryDir> m_root;
    RegistryProcess m_registry;
    std::unique_ptr<HubEmulator> m_hub;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RegistryClient> m_client;
    std::unique_ptr<HubClient> m_hubClient;
    std::optional<ImageStore> m_store;
    std::unique_ptr<PullEngine> m_engine;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    // Docker Hub names official images library/NAME, the test bed stores them as NAME: a storage
    // root whose repositories are symlinks serves both (blobs shared, nothing copied).
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    const QString v2 = u"/docker/registry/v2"_s;
    const QDir source(m_images.storageRoot() + v2);
    QVERIFY(QDir().mkpath(m_root->path() + v2 + u"/repositories/library"_s));
    QVERIFY(QFile::link(source.filePath(u"blobs"_s), m_root->path() + v2 + u"/blobs"_s));
    const QDir repositories(source.filePath(u"repositories"_s));
    for (const QString &name : repositories.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QVERIFY(QFile::link(repositories.filePath(name), m_root->path() + v2 + u"/repositories/"_s + name)
                || name == u"library"_s);
        if (name != u"library"_s)
            QVERIFY(QFile::link(repositories.filePath(name), m_root->path() + v2 + u"/repositories/library/"_s + name));
    }
    RegistryOptions anonymous;
    anonymous.storageRoot = m_root->path();
    QVERIFY2(m_registry.start(anonymous, &error), qPrintable(error));
    m_hub = std::make_unique<HubEmulator>();
    m_hub->setStorageRoot(m_images.storageRoot());
    m_hub->setRepositoryInfo(u"library/multi"_s, u"A multi-platform sample"_s,
                             u"# multi\n\nA **multi-platform** image with *attestations*.\n\n- linux/amd64\n- linux/arm64\n"_s,
                             4321, 12'345'678);
    QVERIFY2(m_hub->listen(&error), qPrintable(error));
    // docker.io's registry is the test registry, for the window's client and the pull engine's.
    qputenv("WHARF_DOCKERHUB_REGISTRY_URL", QByteArray("http://" + m_registry.hostPort().toUtf8()));
}

void TestMainWindow::init()
{
    QSettings(u"Wharf"_s, u"wharf"_s).clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = ImageStore::open(m_dir->filePath(u"store"_s));
    QVERIFY(store);
    m_store = *store;
    m_client = std::make_unique<RegistryClient>();
    m_hubClient = std::make_unique<HubClient>(m_client->network());
    m_hubClient->setBaseUrl(m_hub->baseUrl());
    PullEngine::Options options;
    options.workers = 4;
    m_engine = std::make_unique<PullEngine>(*m_store, options);
}

void TestMainWindow::cleanup()
{
    m_engine.reset();
    m_hubClient.reset();
    m_client.reset();
    m_store.reset();
    m_dir.reset();
}

MainWindow::Services TestMainWindow::services() const
{
    MainWindow::Services s;
    s.registry = m_client.get();
    s.hub = m_hubClient.get();
    s.store = m_store;
    s.engine = m_engine.get();
    return s;
}

void TestMainWindow::pickMultiLatest(MainWindow &window)
{
    QTest::keyClicks(window.searchPane()->queryEdit(), u"multi"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Ready, kTimeout);
    QCOMPARE(window.searchPane()->statePanel()->kind(), StatePanel::Kind::Content);
    QModelIndex multi;
    for (int row = 0; row < window.searchModel()->rowCount(); ++row) {
        const QModelIndex index = window.searchModel()->index(row);
        if (index.data(SearchModel::NameRole).toString() == u"multi")
            multi = index;
    }
    QVERIFY(multi.isValid());
    QVERIFY(multi.data(SearchModel::OfficialRole).toBool());
    window.searchPane()->resultsView()->setCurrentIndex(multi);

    QTRY_VERIFY_WITH_TIMEOUT(window.tagModel()->rowCount() > 0, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QVERIFY(window.tagsPane()->selectTag(u"latest"_s));
    QTRY_VERIFY2_WITH_TIMEOUT(window.platformModel()->platformCount() == 3, qPrintable(window.platformsPane()->statePanel()->message()),
                              kTimeout);
}

void TestMainWindow::searchPickPullDelete()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.searchPane()->statePanel()->kind(), StatePanel::Kind::Message);
    QCOMPARE(window.localImagesPane()->statePanel()->kind(), StatePanel::Kind::Message);
    screenshot(&window, u"01-start"_s);
    // The Tags pane's column proxy keeps the model contract while rows arrive, sort and filter.
    QAbstractItemModelTester tagTable(window.tagsPane()->view()->model(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);

    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;

    // Repository details from the Hub, rendered from markdown, and the pull line.
    QTRY_COMPARE_WITH_TIMEOUT(window.repositoryPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.repositoryPane()->descriptionView()->toPlainText().contains(u"multi-platform"_s), kTimeout);
    QCOMPARE(window.repositoryPane()->pullCommand(), u"docker pull multi:latest"_s);

    // Tags table: the latest row names its platforms.
    QTableView *tags = window.tagsPane()->view();
    QVERIFY(tags->model()->columnCount() >= 5);
    const QModelIndex latestPlatforms = tags->currentIndex().siblingAtColumn(1);
    QVERIFY2(latestPlatforms.data().toString().contains(u"linux/arm64"_s), qPrintable(latestPlatforms.data().toString()));

    // Platforms: three, attestations apart and collapsed.
    PlatformModel *platforms = window.platformModel();
    QVERIFY(platforms->attestationCount() > 0);
    QTreeView *platformView = window.platformsPane()->view();
    QTRY_COMPARE_WITH_TIMEOUT(window.platformsPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QVERIFY(platformView->isExpanded(platforms->sectionIndex(PlatformModel::PlatformsSection)));
    QVERIFY(!platformView->isExpanded(platforms->sectionIndex(PlatformModel::AttestationsSection)));
    screenshot(&window, u"02-platforms"_s);

    QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
    QVERIFY(window.platformsPane()->pullButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(window.platformsPane()->costLabel()->text().contains(u"0 of"_s), kTimeout);
    // The Image pane follows the selected platform.
    QTRY_COMPARE_WITH_TIMEOUT(window.configModel()->index(0, ConfigModel::ValueColumn).data().toString(),
                              u"linux/arm64/v8"_s, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QVERIFY(window.historyModel()->rowCount() > 0);
    screenshot(&window, u"03-image"_s);

    // Pull it.
    QTest::mouseClick(window.platformsPane()->pullButton(), Qt::LeftButton);
    QCOMPARE(window.pullModel()->rowCount(), 1);
    QCOMPARE(window.pullsPane()->statePanel()->kind(), StatePanel::Kind::Content);
    const QModelIndex pull = window.pullModel()->pullIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Done,
                              60'000);
    QVERIFY(pull.data(PullListModel::PlatformRole).toString().startsWith(u"linux/arm64"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesModel()->rowCount(), 1, kTimeout);
    const QModelIndex local = window.localImagesModel()->index(0, 0);
    QVERIFY(local.data(LocalImagesModel::ReferenceRole).toString().contains(u"multi:latest"_s));
    QVERIFY(local.data(LocalImagesModel::PlatformRole).toString().startsWith(u"linux/arm64"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    // Nothing left to fetch for that platform now.
    QTRY_VERIFY_WITH_TIMEOUT(window.platformsPane()->costLabel()->text().contains(u"Nothing to fetch"_s), kTimeout);
    screenshot(&window, u"04-pulled"_s);

    // Delete it.
    window.localImagesPane()->view()->setCurrentIndex(local);
    QVERIFY(window.localImagesPane()->deleteButton()->isEnabled());
    QTest::mouseClick(window.localImagesPane()->deleteButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesModel()->rowCount(), 0, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesPane()->statePanel()->kind(), StatePanel::Kind::Message, kTimeout);
    QVERIFY(m_store->images().value().isEmpty());
    screenshot(&window, u"05-deleted"_s);

    // The tag filter, as a substring and as a regular expression, says when nothing matches.
    QLineEdit *filter = window.tagsPane()->filterEdit();
    QTest::keyClicks(filter, u"^lat"_s);
    QTRY_COMPARE(window.tagsPane()->view()->model()->rowCount(), 0);
    QCOMPARE(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Message);
    window.tagsPane()->findChild<QCheckBox *>()->setChecked(true);
    QTRY_COMPARE(window.tagsPane()->view()->model()->rowCount(), 1);
    QCOMPARE(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Content);
    // Sorting by a header goes through the filter proxy's keys.
    window.tagsPane()->view()->sortByColumn(2, Qt::AscendingOrder);
    QCOMPARE(window.tagsPane()->filterProxy()->sortKey(), TagFilterProxyModel::SortKey::Size);
}

void TestMainWindow::noMatchSaysSo()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClicks(window.searchPane()->queryEdit(), u"zzz-nothing-like-this"_s);
    QTest::keyClick(window.searchPane()->queryEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Empty, kTimeout);
    QCOMPARE(window.searchPane()->statePanel()->kind(), StatePanel::Kind::Message);
    QVERIFY(window.searchPane()->statePanel()->message().contains(u"zzz-nothing-like-this"_s));
    screenshot(&window, u"06-no-match"_s);
}

void TestMainWindow::searchErrorSaysSo()
{
    m_hub->setRateLimited(true);
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClicks(window.searchPane()->queryEdit(), u"multi"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Error, 30'000);
    m_hub->setRateLimited(false);
    QCOMPARE(window.searchPane()->statePanel()->kind(), StatePanel::Kind::Error);
    QVERIFY(!window.searchPane()->statePanel()->message().isEmpty());
    screenshot(&window, u"07-search-error"_s);
}

void TestMainWindow::keyboardShortcuts()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;

    // Ctrl+F focuses the search box.
    window.platformsPane()->view()->setFocus();
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_F));
    QTRY_VERIFY(window.searchPane()->queryEdit()->hasFocus());

    // Ctrl+C on a platform copies its digest.
    QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
    QTreeView *view = window.platformsPane()->view();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QApplication::clipboard()->clear();
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_C));
    const QString digest = view->currentIndex().data(PlatformModel::DigestRole).toString();
    QVERIFY(digest.startsWith(u"sha256:"_s));
    QCOMPARE(QApplication::clipboard()->text(), digest);

    // Enter on a platform pulls it.
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Done, 60'000);
}

void TestMainWindow::settingsRestoreLastSelections()
{
    {
        MainWindow window(services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        pickMultiLatest(window);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
        window.resize(1240, 760);
        window.close();
    }
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.searchPane()->queryEdit()->text(), u"multi"_s);
    QCOMPARE(window.size(), QSize(1240, 760));
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->currentTag(), u"latest"_s, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.platformsPane()->currentPlatform() >= 0, kTimeout);
    QCOMPARE(window.platformModel()->platformIndex(window.platformsPane()->currentPlatform())
                 .data(PlatformModel::PlatformRole).toString(),
             u"linux/arm64/v8"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
