// "Pull to: Wharf store · Docker · Podman" driven as a person would, offscreen, against real
// engines the suite starts (EngineBed: dockerd on vfs and `podman system service`, private sockets)
// and the Docker Hub test bed (WindowBed). The window finds the engines as their own clients do —
// DOCKER_HOST and CONTAINER_HOST name the test bed's sockets — and offers them beside the store:
// a platform picked, the engine chosen with the keyboard and one click on Pull, and the engine
// holds the image under the name its own pull gives, with the platform picked and the config
// digest as its image ID (asked through the Engine API, as `docker image inspect` would). The
// Pulls row goes through both phases; Cancel while it loads leaves the engine without the image
// and the store with it, and Retry loads it. The choice is remembered; an engine that does not
// answer is offered marked, with the reason, and Pull waits for another choice.
// Screenshots: enginepull-docker, enginepull-unavailable.
#include "LocalImagesPane.h"
#include "MainWindow.h"
#include "PlatformsPane.h"
#include "PullsPane.h"
#include "engines/EngineApi.h"
#include "itemmodels/LocalImagesModel.h"
#include "itemmodels/PullListModel.h"
#include "services/EngineTargets.h"

#include "EngineBed.h"
#include "FaultProxy.h"
#include "WindowBed.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTreeView>
#include <QTest>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

class TestEnginePull final : public QObject, protected WindowBed
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void pullIntoEngine_data();
    void pullIntoEngine();
    void storedImageGoesStraightIn();
    void cancelMidwayLeavesNoImage();
    void choiceIsRemembered();
    void engineThatDoesNotAnswer();
    void engineStartedLaterIsFound();

private:
    // What the window reads to find the engines: the test bed's sockets, as DOCKER_HOST and
    // CONTAINER_HOST name them for the engines' own clients.
    [[nodiscard]] EngineLocator::Environment environment(bool dockerAnswers = true) const;
    [[nodiscard]] MainWindow::Services servicesWithEngines(EngineTargets &targets) const;
    // Picks `name` in the "Pull to" box with the arrow keys, as a person would with the box focused.
    static void chooseTarget(MainWindow &window, const QString &name);
    static void waitForEngines(EngineTargets &targets);
    // A window over `targets` (measuring nothing unasked), shown, the engines answered (or not),
    // multi:latest picked.
    [[nodiscard]] std::unique_ptr<MainWindow> openMultiLatest(EngineTargets &targets);
    void removeFromEngines();

    EngineBed m_engines;
};

EngineLocator::Environment TestEnginePull::environment(bool dockerAnswers) const
{
    EngineLocator::Environment env;
    env.variables = QProcessEnvironment();
    env.home = m_dir->path();
    env.podmanRootfulSocket = m_dir->filePath(u"no-rootful-podman.sock"_s);
    env.variables.insert(u"DOCKER_HOST"_s, u"unix://"_s + (dockerAnswers ? m_engines.socketPath(EngineKind::Docker)
                                                                          : m_dir->filePath(u"nobody-listens.sock"_s)));
    env.variables.insert(u"CONTAINER_HOST"_s, u"unix://"_s + m_engines.socketPath(EngineKind::Podman));
    return env;
}

MainWindow::Services TestEnginePull::servicesWithEngines(EngineTargets &targets) const
{
    MainWindow::Services s = services();
    s.engines = &targets;
    return s;
}

void TestEnginePull::chooseTarget(MainWindow &window, const QString &name)
{
    QComboBox *box = window.platformsPane()->pullTargetBox();
    QVERIFY(box->isVisible());
    box->setFocus();
    for (int i = 0; i < box->count() && !box->currentText().startsWith(name); ++i)
        QTest::keyClick(box, Qt::Key_Down);
    for (int i = 0; i < box->count() && !box->currentText().startsWith(name); ++i)
        QTest::keyClick(box, Qt::Key_Up);
    QVERIFY2(box->currentText().startsWith(name), qPrintable(box->currentText()));
}

void TestEnginePull::waitForEngines(EngineTargets &targets)
{
    for (const EngineKind kind : EngineTargets::kinds)
        QTRY_VERIFY_WITH_TIMEOUT(targets.state(kind) == EngineTargets::State::Ready
                                     || targets.state(kind) == EngineTargets::State::Unavailable,
                                 kTimeout);
}

std::unique_ptr<MainWindow> TestEnginePull::openMultiLatest(EngineTargets &targets)
{
    auto window = std::make_unique<MainWindow>(servicesWithEngines(targets));
    // Nothing measured unasked: the layers' GETs are the pull's alone (one test stalls one).
    window->setAutoAnalyseLimit(0);
    window->show();
    waitForEngines(targets);
    pickMultiLatest(*window);
    return window;
}

void TestEnginePull::removeFromEngines()
{
    for (const EngineKind kind : EngineTargets::kinds) {
        EngineApi api(m_engines.endpoint(kind));
        auto listed = api.images();
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().message()));
        for (const EngineImage &image : std::as_const(*listed))
            QVERIFY(api.remove(image.id, true));
    }
}

void TestEnginePull::initTestCase()
{
    startBed();
    QString error;
    // The engines are part of what is tested: one that cannot start fails the suite.
    for (const EngineKind kind : EngineTargets::kinds)
        QVERIFY2(m_engines.start(kind, &error), qPrintable(error));
}

void TestEnginePull::init()
{
    resetForTest();
    removeFromEngines();
}

void TestEnginePull::cleanup()
{
    tearDownTest();
}

void TestEnginePull::cleanupTestCase()
{
    m_engines.stopAll();
    QVERIFY(!m_engines.isRunning(EngineKind::Docker));
    QVERIFY(!m_engines.isRunning(EngineKind::Podman));
}

void TestEnginePull::pullIntoEngine_data()
{
    QTest::addColumn<EngineKind>("kind");
    QTest::addColumn<QString>("platform");
    // Every test-bed platform goes into one engine or the other, this machine's into both.
    QTest::addRow("Docker linux/arm64/v8") << EngineKind::Docker << u"linux/arm64/v8"_s;
    QTest::addRow("Docker linux/amd64") << EngineKind::Docker << u"linux/amd64"_s;
    QTest::addRow("Podman linux/arm/v7") << EngineKind::Podman << u"linux/arm/v7"_s;
    QTest::addRow("Podman linux/amd64") << EngineKind::Podman << u"linux/amd64"_s;
}

void TestEnginePull::pullIntoEngine()
{
    QFETCH(EngineKind, kind);
    QFETCH(QString, platform);
    const QString engine = EngineLocator::kindName(kind);
    EngineTargets targets(environment());
    MainWindow window(servicesWithEngines(targets));
    QAbstractItemModelTester tester(window.pullModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.setAutoAnalyseLimit(0);
    window.show();
    waitForEngines(targets);
    QVERIFY2(targets.isReady(kind), qPrintable(targets.description(kind)));
    pickMultiLatest(window);

    PlatformsPane *pane = window.platformsPane();
    QVERIFY(pane->selectPlatform(platform));
    // Chosen with the mouse here (the other tests use the keyboard).
    pickFromList(pane->pullTargetBox(), engine);
    QCOMPARE(pane->pullButton()->text(), u"Pull into %1"_s.arg(engine));
    QVERIFY(pane->pullButton()->isEnabled());

    PullListModel *pulls = window.pullModel();
    QList<PullListModel::State> states;
    bool cancellableWhileUnpacking = false;
    connect(pulls, &QAbstractItemModel::dataChanged, this, [&] {
        const QModelIndex at = pulls->pullIndex(0);
        const auto state = at.data(PullListModel::StateRole).value<PullListModel::State>();
        if (states.isEmpty() || states.last() != state)
            states.append(state);
        // Once the engine has the whole archive, nothing can call it back: Cancel is off.
        if (state == PullListModel::State::Loading && pulls->pullIndex(0, PullListModel::ProgressColumn).data().toString().endsWith(u"unpacking the layers"_s))
            cancellableWhileUnpacking = cancellableWhileUnpacking || at.data(PullListModel::CanCancelRole).toBool();
    });
    QSignalSpy loaded(pulls, &PullListModel::loadFinished);
    QTest::mouseClick(pane->pullButton(), Qt::LeftButton);
    QVERIFY(loaded.wait(60'000));
    const QModelIndex row = pulls->pullIndex(0);
    QCOMPARE(row.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Done);
    QVERIFY2(!loaded.at(0).at(3).value<std::optional<Error>>(), qPrintable(row.data(PullListModel::ErrorRole).toString()));
    // Both phases, in order: the pull into the store, then the load.
    QVERIFY(states.contains(PullListModel::State::Loading));
    QVERIFY(states.indexOf(PullListModel::State::Loading) < states.indexOf(PullListModel::State::Done));
    QVERIFY(!cancellableWhileUnpacking);
    QCOMPARE(pulls->pullIndex(0, PullListModel::StateColumn).data().toString(), u"In %1"_s.arg(engine));

    // What the engine holds: the name its own pull gives, the platform picked, the config as ID.
    const QJsonObject expected = m_images.image(u"multi"_s, u"latest"_s, platform);
    const QString configDigest = expected[u"config"_s][u"digest"_s].toString();
    const QString name = kind == EngineKind::Docker ? u"multi:latest"_s : u"docker.io/library/multi:latest"_s;
    EngineApi api(m_engines.endpoint(kind));
    auto facts = api.inspect(u"multi:latest"_s);
    QVERIFY2(facts, qPrintable(facts ? QString() : facts.error().message()));
    QCOMPARE(facts->id, configDigest);
    QCOMPARE(facts->repoTags, QStringList{name});
    const Platform wanted = *Platform::parse(platform);
    QCOMPARE(facts->platform.os, wanted.os);
    QCOMPARE(facts->platform.architecture, wanted.architecture);
    if (facts->variantRecorded)
        QCOMPARE(facts->platform.variant, wanted.variant);

    // Said where a person looks: the row's tooltip and the status bar.
    const QString summary = u"Loaded into %1 as %2 (%3), image ID %4"_s.arg(engine, name, platform, configDigest);
    QCOMPARE(row.data(PullListModel::LoadSummaryRole).toString(), summary);
    QVERIFY2(window.statusBar()->currentMessage().startsWith(summary), qPrintable(window.statusBar()->currentMessage()));
    // Not this machine's platform: loaded anyway, with a note about emulation.
    const bool foreign = wanted.architecture != u"amd64"_s;
    QCOMPARE(row.data(PullListModel::LoadNoteRole).toString().contains(u"emulation"_s), foreign);
    QCOMPARE(window.statusBar()->currentMessage().contains(u"emulation"_s), foreign);
    // The image went through the store, which keeps it.
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesModel()->rowCount(), 1, kTimeout);
    if (kind == EngineKind::Docker && platform.startsWith(u"linux/arm64"_s))
        screenshot(&window, u"enginepull-docker"_s);
}

void TestEnginePull::storedImageGoesStraightIn()
{
    EngineTargets targets(environment());
    MainWindow window(servicesWithEngines(targets));
    window.show();
    waitForEngines(targets);
    pullArm64(window); // into the store: "Pulled ✓" for that platform
    PlatformsPane *pane = window.platformsPane();
    QTRY_COMPARE_WITH_TIMEOUT(pane->pullButton()->text(), u"Pulled ✓"_s, kTimeout);
    QVERIFY(!pane->pullButton()->isEnabled());

    // Into Docker it can still go, and nothing is downloaded again.
    chooseTarget(window, u"Docker"_s);
    QVERIFY(pane->pullButton()->isEnabled());
    QSignalSpy loaded(window.pullModel(), &PullListModel::loadFinished);
    QTest::keyClick(pane->view(), Qt::Key_Return); // Enter on the platform pulls it
    QVERIFY(loaded.wait(60'000));
    const QModelIndex row = window.pullModel()->pullIndex(1);
    QCOMPARE(row.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Done);
    QCOMPARE(row.data(PullListModel::BytesFetchedRole).toLongLong(), 0);
    QCOMPARE(row.data(PullListModel::TargetRole).toString(), u"Docker"_s);
    EngineApi api(m_engines.endpoint(EngineKind::Docker));
    QVERIFY(api.inspect(u"multi:latest"_s));
}

void TestEnginePull::cancelMidwayLeavesNoImage()
{
    EngineTargets targets(environment());
    const auto opened = openMultiLatest(targets);
    MainWindow &window = *opened;
    PlatformsPane *pane = window.platformsPane();
    const QString platform = u"linux/amd64"_s;
    QVERIFY(pane->selectPlatform(platform));
    chooseTarget(window, u"Podman"_s);

    // The base layer stalls half-way: the layer above it is in the store and already sent to the
    // engine (the load follows the pull), the archive is not complete when the person cancels.
    const QStringList layers = m_images.layerDigests(u"multi"_s, u"latest"_s, platform);
    const int stall = m_proxy->addRule({"GET", FaultRule::blobPath(layers.first()), fault::StallAt{200'000}, -1});
    PullListModel *pulls = window.pullModel();
    QSignalSpy loaded(pulls, &PullListModel::loadFinished);
    QSignalSpy pulled(pulls, &PullListModel::pullFinished);
    QTest::mouseClick(pane->pullButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_proxy->applied(stall) >= 1, kTimeout);
    const QModelIndex row = pulls->pullIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(row.data(PullListModel::BytesDoneRole).toLongLong() >= 200'000, kTimeout);
    QCOMPARE(row.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Downloading);
    QPushButton *cancel = window.pullsPane()->cancelButton();
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(loaded.size() == 1 || loaded.wait(kTimeout));
    QCOMPARE(loaded.first().at(3).value<std::optional<Error>>()->code(), Error::Code::Cancelled);
    QCOMPARE(pulled.size(), 1); // the pull's part, once, cancelled with it
    QCOMPARE(pulled.first().at(2).value<std::optional<Error>>()->code(), Error::Code::Cancelled);
    QCOMPARE(row.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Cancelled);
    QVERIFY(row.data(PullListModel::CanRetryRole).toBool());
    QVERIFY2(window.statusBar()->currentMessage().startsWith(u"Stopped loading"_s), qPrintable(window.statusBar()->currentMessage()));
    // No half image in the engine.
    EngineApi api(m_engines.endpoint(EngineKind::Podman));
    QTest::qWait(500); // what the engine might still do with a cut archive, it does now
    auto listed = api.images();
    QVERIFY(listed);
    QVERIFY2(listed->isEmpty(), qPrintable(listed->isEmpty() ? QString() : listed->first().id));

    // Retry, the registry well again: both phases run again, the layer kept is not fetched again.
    m_proxy->clearRules();
    QPushButton *retry = window.pullsPane()->retryButton();
    QVERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(loaded.wait(60'000));
    QCOMPARE(pulls->pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Done);
    QVERIFY(pulls->pullIndex(0).data(PullListModel::BytesFetchedRole).toLongLong()
            < pulls->pullIndex(0).data(PullListModel::BytesTotalRole).toLongLong());
    auto facts = api.inspect(u"multi:latest"_s);
    QVERIFY(facts);
    QCOMPARE(facts->platform.architecture, u"amd64"_s);
}

void TestEnginePull::choiceIsRemembered()
{
    EngineTargets targets(environment());
    {
        const auto opened = openMultiLatest(targets);
        MainWindow &window = *opened;
        // Offered beside the store, in that order.
        QComboBox *box = window.platformsPane()->pullTargetBox();
        QCOMPARE(box->count(), 3);
        QCOMPARE(box->itemText(0), u"Wharf store"_s);
        QCOMPARE(box->itemText(1), u"Docker"_s);
        QCOMPARE(box->itemText(2), u"Podman"_s);
        QCOMPARE(box->currentText(), u"Wharf store"_s); // the first time
        chooseTarget(window, u"Podman"_s);
        window.close();
    }
    MainWindow again(servicesWithEngines(targets));
    again.show();
    QCOMPARE(again.platformsPane()->pullTargetBox()->currentText(), u"Podman"_s);
    QCOMPARE(again.platformsPane()->pullTarget(), std::optional<EngineKind>(EngineKind::Podman));
    pickMultiLatest(again);
    QTRY_COMPARE_WITH_TIMEOUT(again.platformsPane()->pullButton()->text(), u"Pull into Podman"_s, kTimeout);
}

void TestEnginePull::engineThatDoesNotAnswer()
{
    EngineTargets targets(environment(false));
    const auto opened = openMultiLatest(targets);
    MainWindow &window = *opened;
    QCOMPARE(targets.state(EngineKind::Docker), EngineTargets::State::Unavailable);
    QComboBox *box = window.platformsPane()->pullTargetBox();
    // Offered, marked, with the reason: the socket it looked at.
    QCOMPARE(box->itemText(1), u"Docker (not available)"_s);
    chooseTarget(window, u"Docker"_s);
    // Chosen, it is asked again (it may have started since) and still does not answer.
    QLabel *cost = window.platformsPane()->costLabel();
    QTRY_VERIFY_WITH_TIMEOUT(cost->text().startsWith(u"Docker cannot be used: "_s), kTimeout);
    QVERIFY2(cost->text().contains(u"nobody-listens.sock"_s), qPrintable(cost->text()));
    QCOMPARE(box->currentText(), u"Docker (not available)"_s);
    QVERIFY(!window.platformsPane()->pullButton()->isEnabled());
    // Enter on a platform pulls nothing either.
    QTest::keyClick(window.platformsPane()->view(), Qt::Key_Return);
    QCOMPARE(window.pullModel()->rowCount(), 0);
    screenshot(&window, u"enginepull-unavailable"_s);
    // Back to the store: Pull works again.
    chooseTarget(window, u"Wharf store"_s);
    QVERIFY(window.platformsPane()->pullButton()->isEnabled());
}

void TestEnginePull::engineStartedLaterIsFound()
{
    // Docker is not running when the window opens (DOCKER_HOST names a socket that is not there
    // yet); once it is, choosing Docker again asks again and finds it.
    m_engines.stop(EngineKind::Docker);
    const QString socket = m_dir->filePath(u"docker.sock"_s);
    EngineLocator::Environment env = environment();
    env.variables.insert(u"DOCKER_HOST"_s, u"unix://"_s + socket);
    EngineTargets targets(env);
    const auto opened = openMultiLatest(targets);
    MainWindow &window = *opened;
    QCOMPARE(targets.state(EngineKind::Docker), EngineTargets::State::Unavailable);
    chooseTarget(window, u"Docker"_s);
    QVERIFY(!window.platformsPane()->pullButton()->isEnabled());
    chooseTarget(window, u"Wharf store"_s);

    QString error;
    QVERIFY2(m_engines.start(EngineKind::Docker, &error), qPrintable(error));
    QVERIFY(QFile::link(m_engines.socketPath(EngineKind::Docker), socket));
    chooseTarget(window, u"Docker"_s);
    QTRY_VERIFY_WITH_TIMEOUT(targets.isReady(EngineKind::Docker), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.platformsPane()->pullTargetBox()->currentText(), u"Docker"_s, kTimeout);
    QVERIFY(window.platformsPane()->pullButton()->isEnabled());
    QCOMPARE(window.platformsPane()->pullButton()->text(), u"Pull into Docker"_s);
}

QTEST_MAIN(TestEnginePull)
#include "tst_enginepull.moc"
