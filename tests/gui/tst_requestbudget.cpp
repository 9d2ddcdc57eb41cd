// What browsing costs a person on Docker Hub, where every manifest GET counts against the pull
// limit (a HEAD does not): the window and the command line are driven as a person would, through
// a proxy in front of the real registry, and the manifest GETs and HEADs it forwards are counted.
//
// The budget (issue 10): a multi-platform tag shown for the first time costs at most one GET of
// its index and one of the shown platform's manifest; showing it again, or another tag with the
// same digest, costs none; another platform costs one the first time and none after; the layer
// map, the cost preview and compare add none for documents already fetched; a pull after the
// image was shown adds none; `wharf inspect` run twice costs nothing the second time.
//
// The same walk without the document cache is measured too, and printed beside it (the README's
// before/after table): it must cost more, or the cache is not what keeps the budget.

#include "ComparePane.h"
#include "ImagePane.h"
#include "MainWindow.h"
#include "PlatformsPane.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "hub/HubClient.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "itemmodels/SearchModel.h"
#include "itemmodels/TagListModel.h"
#include "layers/LayerMapLoader.h"
#include "pull/PullEngine.h"
#include "registry/DocumentCache.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"
#include "DockerHubBed.h"
#include "FaultProxy.h"
#include "HubEmulator.h"
#include "RegistryProcess.h"
#include "TestSupport.h"
#include "TestbedImages.h"

#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wharf;
using namespace wharf::testbed;

namespace {

constexpr int kTimeout = 20'000;

struct Count
{
    int gets = 0;
    int heads = 0;
};

// One step of a walk and what it cost.
struct Step
{
    QString what;
    Count cost;
};

} // namespace

class TestRequestBudget final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void browsingAMultiPlatformTag();
    void anotherTagWithTheSameDigest();
    void inspectTwice();

private:
    [[nodiscard]] MainWindow::Services services(bool documentCache);
    // Manifest requests the proxy forwarded since the last call (the rate-limit probe aside).
    [[nodiscard]] Count takeManifestRequests();
    // Waits until nothing is in flight at the proxy and the window has had time to ask for more.
    void settle();
    void openRepository(MainWindow &window, const QString &name);
    void showTag(MainWindow &window, const QString &tag, int platforms);
    void showPlatform(MainWindow &window, const QString &platform, const QString &layersOf);
    void walk(bool documentCache, QList<Step> &steps);

    DockerHubBed m_bed; // counts at its proxy
    const TestbedImages &m_images = m_bed.images();
    FaultProxy *m_proxy = nullptr;
    HubEmulator *m_hub = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RegistryClient> m_client;
    std::unique_ptr<HubClient> m_hubClient;
    std::optional<ImageStore> m_store;
    std::unique_ptr<PullEngine> m_engine;
    qsizetype m_seen = 0; // proxy records already counted
};

void TestRequestBudget::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"Wharf"_s);
    QCoreApplication::setApplicationName(u"wharf-requestbudget"_s);
    QString error;
    QVERIFY2(m_bed.start(&error), qPrintable(error));
    m_proxy = &m_bed.proxy();
    m_hub = &m_bed.hub();
}

void TestRequestBudget::init()
{
    QSettings(u"Wharf"_s, u"wharf-requestbudget"_s).clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = ImageStore::open(m_dir->filePath(u"store"_s));
    QVERIFY(store);
    m_store = *store;
}

void TestRequestBudget::cleanup()
{
    m_engine.reset();
    m_hubClient.reset();
    m_client.reset();
    m_store.reset();
    m_dir.reset();
}

MainWindow::Services TestRequestBudget::services(bool documentCache)
{
    m_client = std::make_unique<RegistryClient>();
    if (documentCache)
        m_client->setDocumentCache(std::make_shared<DocumentCache>(m_dir->filePath(u"cache"_s)));
    m_hubClient = std::make_unique<HubClient>(m_client->network());
    m_hubClient->setBaseUrl(m_hub->baseUrl());
    PullEngine::Options options;
    options.client = m_client->settings(); // as AppServices::pullEngine() does
    m_engine = std::make_unique<PullEngine>(*m_store, options);
    MainWindow::Services s;
    s.registry = m_client.get();
    s.hub = m_hubClient.get();
    s.store = m_store;
    s.engine = m_engine.get();
    return s;
}

Count TestRequestBudget::takeManifestRequests()
{
    const QList<HttpRequest> requests = m_proxy->requests();
    Count count;
    for (qsizetype i = m_seen; i < requests.size(); ++i) {
        const HttpRequest &request = requests.at(i);
        const QString path = request.path();
        if (!path.contains(u"/manifests/"_s) || path.startsWith(u"/v2/ratelimitpreview/"_s))
            continue;
        if (request.method == "GET")
            ++count.gets;
        else if (request.method == "HEAD")
            ++count.heads;
    }
    m_seen = requests.size();
    return count;
}

void TestRequestBudget::settle()
{
    // Quiet means no exchange in flight and no new request for a while: the layer map reloads
    // after a pause, and a late request must not be counted against the next step.
    QElapsedTimer clock;
    clock.start();
    qsizetype seen = -1;
    while (clock.elapsed() < kTimeout) {
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->activeExchanges(), 0, kTimeout);
        const qsizetype now = m_proxy->requestCount();
        if (now == seen)
            return;
        seen = now;
        QTest::qWait(600);
    }
    QFAIL("the window never went quiet");
}

void TestRequestBudget::openRepository(MainWindow &window, const QString &name)
{
    QTest::keyClicks(window.searchPane()->queryEdit(), name);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Ready, kTimeout);
    QModelIndex found;
    for (int row = 0; row < window.searchModel()->rowCount(); ++row) {
        if (window.searchModel()->index(row).data(SearchModel::NameRole).toString() == name)
            found = window.searchModel()->index(row);
    }
    QVERIFY(found.isValid());
    window.searchPane()->resultsView()->setCurrentIndex(found);
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
}

void TestRequestBudget::showTag(MainWindow &window, const QString &tag, int platforms)
{
    QTRY_VERIFY_WITH_TIMEOUT(window.tagsPane()->selectTag(tag), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.platformModel()->platformCount(), platforms, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.layerMapLoader()->state(), LayerMapLoader::State::Ready, kTimeout);
    settle();
}

void TestRequestBudget::showPlatform(MainWindow &window, const QString &platform, const QString &layersOf)
{
    QVERIFY(window.platformsPane()->selectPlatform(platform));
    QStringList expected = m_images.layerDigests(u"multi"_s, u"latest"_s, layersOf);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QStringList shown;
            for (const Descriptor &d : window.imageLayers())
                shown.append(d.digest.toString());
            return shown == expected;
        }(),
        kTimeout);
    settle();
}

void TestRequestBudget::walk(bool documentCache, QList<Step> &steps)
{
    MainWindow window(services(documentCache));
    window.resize(1600, 1050);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openRepository(window, u"multi"_s);
    settle();
    (void)takeManifestRequests(); // the repository's tags come from the Hub; nothing counted yet

    const QStringList platforms = m_images.platforms(u"multi"_s, u"latest"_s);
    const QString amd64 = platforms.value(0);
    const QString arm64 = platforms.value(1);

    showTag(window, u"latest"_s, 3);
    // The platform shown is the platform selected, and its pull cost is there at once.
    const int shown = window.platformModel()->shownPlatformRow();
    QVERIFY(shown >= 0);
    QCOMPARE(window.platformsPane()->currentPlatform(), shown);
    QTRY_COMPARE_WITH_TIMEOUT(window.platformModel()->platformIndex(shown).data(PlatformModel::PullCostStateRole)
                                  .value<PlatformModel::PullCostState>(),
                              PlatformModel::PullCostState::Known, kTimeout);
    settle();
    steps.append({u"first selection of multi:latest (index, its platform, layer map, cost preview)"_s, takeManifestRequests()});

    showPlatform(window, u"linux/arm64"_s, arm64);
    steps.append({u"another platform, first time"_s, takeManifestRequests()});
    showPlatform(window, amd64, amd64);
    showPlatform(window, u"linux/arm64"_s, arm64);
    steps.append({u"back and forth between the two platforms"_s, takeManifestRequests()});

    window.comparePane()->setOther(u"latest"_s, amd64);
    QTest::mouseClick(window.comparePane()->compareButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.diffModel()->state(), ImageDiffModel::State::Ready, kTimeout);
    settle();
    steps.append({u"compare with the other platform"_s, takeManifestRequests()});

    QTest::mouseClick(window.platformsPane()->pullButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Done, 60'000);
    settle();
    steps.append({u"pull the platform shown"_s, takeManifestRequests()});
}

void TestRequestBudget::browsingAMultiPlatformTag()
{
    QList<Step> before;
    walk(false, before);
    QVERIFY(!QTest::currentTestFailed());
    cleanup();
    init();
    QList<Step> after;
    walk(true, after);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(before.size(), 5);
    QCOMPARE(after.size(), 5);

    qInfo("%-78s %13s %13s", "manifest requests (GET / HEAD)", "no cache", "cache");
    int gets[2] = {0, 0};
    for (qsizetype i = 0; i < after.size(); ++i) {
        qInfo("%-78s %6d / %-4d %6d / %-4d", qPrintable(after.at(i).what), before.at(i).cost.gets, before.at(i).cost.heads,
              after.at(i).cost.gets, after.at(i).cost.heads);
        gets[0] += before.at(i).cost.gets;
        gets[1] += after.at(i).cost.gets;
    }
    qInfo("%-78s %6d        %6d", "GETs in all", gets[0], gets[1]);

    QVERIFY2(after.at(0).cost.gets <= 2, "first selection: one GET of the index, one of the platform shown");
    QCOMPARE(after.at(1).cost.gets, 1); // the other platform's manifest, once
    QCOMPARE(after.at(2).cost.gets, 0);
    QCOMPARE(after.at(3).cost.gets, 0);
    QCOMPARE(after.at(4).cost.gets, 0); // the pull takes the digest it was shown
    // and does not ask the tag again: the one HEAD is the pull meter's, which reads the limit from
    // the image on show once a pull from Docker Hub ended (a HEAD is not counted by Docker Hub).
    QCOMPARE(after.at(4).cost.heads, 1);
    QVERIFY2(gets[0] > gets[1], "without the cache the same walk must cost more");
}

void TestRequestBudget::anotherTagWithTheSameDigest()
{
    // manytags: one image under 260 tags.
    const QStringList tags = m_images.tags(u"manytags"_s);
    QVERIFY(tags.size() > 2);
    QCOMPARE(m_images.digest(u"manytags"_s, tags.at(0)), m_images.digest(u"manytags"_s, tags.at(1)));
    MainWindow window(services(true));
    window.resize(1600, 1050);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openRepository(window, u"manytags"_s);
    settle();
    (void)takeManifestRequests();
    showTag(window, tags.at(0), 1);
    QCOMPARE(takeManifestRequests().gets, 1); // a single-platform image: its manifest
    showTag(window, tags.at(1), 1);
    const Count again = takeManifestRequests();
    QCOMPARE(again.gets, 0);
    QVERIFY(again.heads >= 1); // the tag was asked where it points
}

void TestRequestBudget::inspectTwice()
{
    QTemporaryDir cache;
    QVERIFY(cache.isValid());
    QProcessEnvironment env = testEnvironment();
    env.insert(u"WHARF_CACHE"_s, cache.path());
    env.insert(u"WHARF_DOCKERHUB_REGISTRY_URL"_s, m_proxy->baseUrl().toString());
    (void)takeManifestRequests();
    const ProgramRun first = runProgram(QStringLiteral(WHARF_EXECUTABLE), {u"inspect"_s, u"multi:latest"_s, u"--json"_s}, env);
    QCOMPARE(first.exitCode, 0);
    settle();
    const Count cold = takeManifestRequests();
    QCOMPARE(cold.gets, 2); // the index and this machine's manifest
    const ProgramRun second = runProgram(QStringLiteral(WHARF_EXECUTABLE), {u"inspect"_s, u"multi:latest"_s, u"--json"_s}, env);
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out, first.out);
    settle();
    const Count warm = takeManifestRequests();
    QCOMPARE(warm.gets, 0);
    QCOMPARE(warm.heads, 1); // the tag, revalidated
    qInfo("wharf inspect multi:latest: cold %d GET / %d HEAD, warm %d GET / %d HEAD", cold.gets, cold.heads, warm.gets,
          warm.heads);

    // --verbose says what was asked and what the cache answered.
    const ProgramRun verbose =
        runProgram(QStringLiteral(WHARF_EXECUTABLE), {u"--verbose"_s, u"inspect"_s, u"multi:latest"_s}, env);
    QCOMPARE(verbose.exitCode, 0);
    const QString log = QString::fromUtf8(verbose.err);
    QVERIFY2(log.contains(QRegularExpression(u"wharf: wharf.http: HEAD http://\\S+/v2/library/multi/manifests/latest -> 200"_s)),
             qPrintable(log));
    QVERIFY2(log.contains(u"wharf: wharf.cache: hit (disk) sha256:"_s), qPrintable(log));
    QVERIFY(!log.contains(u"Authorization"_s));
}

QTEST_MAIN(TestRequestBudget)
#include "tst_requestbudget.moc"
