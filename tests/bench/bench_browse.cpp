// Browsing over a slow link (issue 10): the test bed's registry behind the fault proxy in latency
// mode (every request waits BENCH_LATENCY_MS, default 40 ms, as Docker Hub does from afar), and
//   - the window: a tag clicked until the Platforms pane has painted its rows, with no document
//     cache (what Wharf did before), with a cold cache, and with a warm one (a new window over the
//     cache the last one filled, as on the next start);
//   - the command line: `wharf inspect` cold and warm against `skopeo inspect` of the same image,
//     in the same run, alternating which goes first.
// Prints medians, the manifest GETs each way cost, and the ratios. Not a ctest test.
//   cmake --build build -t bench_browse        (BENCH_ROUNDS=9 BENCH_LATENCY_MS=80 … in the environment)

#include "BenchSupport.h"
#include "MainWindow.h"
#include "PlatformsPane.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "hub/HubClient.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/SearchModel.h"
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

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace wharf;
using namespace wharf::bench;
using namespace wharf::testbed;

namespace {

constexpr int kTimeout = 30'000;

struct Bed
{
    DockerHubBed servers;
    FaultProxy *proxy = nullptr;
    HubEmulator *hub = nullptr;
    qsizetype seen = 0;

    int takeManifestGets()
    {
        const QList<HttpRequest> requests = proxy->requests();
        int gets = 0;
        for (qsizetype i = seen; i < requests.size(); ++i) {
            const QString path = requests.at(i).path();
            gets += requests.at(i).method == "GET" && path.contains(u"/manifests/"_s) && !path.startsWith(u"/v2/ratelimitpreview/"_s);
        }
        seen = requests.size();
        return gets;
    }
};

enum class Cache { None, Cold, Warm };

// One tag click in a new window: ms from the click to the Platforms pane's painted rows.
std::optional<double> clickToPlatforms(Bed &bed, Cache cache, const QString &cacheFolder, const QString &storeFolder)
{
    auto store = ImageStore::open(storeFolder);
    if (!store)
        return std::nullopt;
    RegistryClient client;
    if (cache != Cache::None)
        client.setDocumentCache(std::make_shared<DocumentCache>(cacheFolder));
    HubClient hub(client.network());
    hub.setBaseUrl(bed.hub->baseUrl());
    PullEngine::Options options;
    options.client = client.settings();
    PullEngine engine(*store, options);
    MainWindow::Services services;
    services.registry = &client;
    services.hub = &hub;
    services.store = *store;
    services.engine = &engine;
    MainWindow window(services);
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return std::nullopt;
    QTest::keyClicks(window.searchPane()->queryEdit(), u"multi"_s);
    if (!waitUntil([&] { return window.searchModel()->state() == SearchModel::State::Ready; }, kTimeout))
        return std::nullopt;
    for (int row = 0; row < window.searchModel()->rowCount(); ++row) {
        if (window.searchModel()->index(row).data(SearchModel::NameRole).toString() == u"multi"_s)
            window.searchPane()->resultsView()->setCurrentIndex(window.searchModel()->index(row));
    }
    if (!waitUntil([&] { return window.tagsPane()->statePanel()->kind() == StatePanel::Kind::Content; }, kTimeout))
        return std::nullopt;
    waitUntil([&] { return bed.proxy->activeExchanges() == 0; }, kTimeout);
    FrameWatcher frame(window.platformsPane()->view()->viewport());
    frame.arm([&] { return window.platformModel()->platformCount() == 3; });
    const Clock::time_point clicked = Clock::now();
    if (!window.tagsPane()->selectTag(u"latest"_s) || !frame.waitForFrame(kTimeout))
        return std::nullopt;
    const double ms = msBetween(clicked, frame.frameDone());
    waitUntil([&] { return bed.proxy->activeExchanges() == 0; }, kTimeout);
    QTest::qWait(200);
    return ms;
}

double timedRun(const QStringList &command, const QProcessEnvironment &env, bool *ok)
{
    QElapsedTimer clock;
    clock.start();
    const ProgramRun run = runProgram(command.first(), command.mid(1), env, {}, kTimeout);
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    if (run.exitCode != 0) {
        std::fprintf(stderr, "bench_browse: %s failed: %s\n", qPrintable(command.join(u' ')), run.err.constData());
        *ok = false;
    }
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const int rounds = std::max(1, qEnvironmentVariableIntValue("BENCH_ROUNDS") ? qEnvironmentVariableIntValue("BENCH_ROUNDS") : 5);
    const int latency = qEnvironmentVariableIsSet("BENCH_LATENCY_MS") ? qEnvironmentVariableIntValue("BENCH_LATENCY_MS") : 40;
    const QString wharf = qEnvironmentVariable("WHARF");
    QTemporaryDir work;
    usePrivateHome(work.filePath(u"home"_s));
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Wharf"_s);
    QCoreApplication::setApplicationName(u"wharf-bench"_s);

    Bed bed;
    QString error;
    if (!bed.servers.start(&error)) {
        std::fprintf(stderr, "bench_browse: %s (build the test bed: ctest -R testbed_images)\n", qPrintable(error));
        return 1;
    }
    bed.proxy = &bed.servers.proxy();
    bed.hub = &bed.servers.hub();
    bed.proxy->setLatencyMs(latency);
    std::printf("bench_browse: %d rounds, %d ms per request at the proxy, load %s\n", rounds, latency, loadAverage().constData());

    // The window.
    QList<double> window[3];
    int windowGets[3] = {0, 0, 0};
    for (int round = 0; round < rounds; ++round) {
        const QString cache = work.filePath(u"cache-%1"_s.arg(round));
        for (const Cache mode : {Cache::None, Cache::Cold, Cache::Warm}) {
            const auto ms = clickToPlatforms(bed, mode, cache, work.filePath(u"store-%1-%2"_s.arg(round).arg(int(mode))));
            if (!ms) {
                std::fprintf(stderr, "bench_browse: the window did not show multi:latest's platforms\n");
                return 1;
            }
            window[int(mode)].append(*ms);
            windowGets[int(mode)] += bed.takeManifestGets();
        }
    }
    std::printf("\ntag click → Platforms pane painted (multi:latest, 3 platforms), median of %d:\n", rounds);
    const char *names[] = {"no document cache (before)", "cold cache", "warm cache (next start)"};
    for (int i = 0; i < 3; ++i)
        std::printf("  %-28s %8.1f ms   %.1f manifest GETs a click\n", names[i], median(window[i]), double(windowGets[i]) / rounds);
    std::printf("  warm / before: %.2f×\n", median(window[2]) / median(window[0]));

    // The command line, against skopeo.
    if (wharf.isEmpty() || QStandardPaths::findExecutable(u"skopeo"_s).isEmpty()) {
        std::printf("\n(wharf inspect vs skopeo inspect skipped: set WHARF and install skopeo)\n");
        return 0;
    }
    QProcessEnvironment env = testEnvironment();
    env.insert(u"WHARF_DOCKERHUB_REGISTRY_URL"_s, bed.proxy->baseUrl().toString());
    const QString image = bed.proxy->hostPort() + u"/library/multi:latest"_s;
    const QStringList skopeo{u"skopeo"_s, u"inspect"_s, u"--tls-verify=false"_s, u"docker://"_s + image};
    const QStringList inspect{wharf, u"inspect"_s, u"multi:latest"_s, u"--json"_s};
    QList<double> skopeoMs, coldMs, warmMs;
    int gets[3] = {0, 0, 0};
    bool ok = true;
    for (int round = 0; round < rounds && ok; ++round) {
        QProcessEnvironment cold = env;
        cold.insert(u"WHARF_CACHE"_s, work.filePath(u"cli-cache-%1"_s.arg(round)));
        const auto runSkopeo = [&] {
            skopeoMs.append(timedRun(skopeo, env, &ok));
            gets[0] += bed.takeManifestGets();
        };
        if (round % 2 == 0)
            runSkopeo();
        coldMs.append(timedRun(inspect, cold, &ok));
        gets[1] += bed.takeManifestGets();
        warmMs.append(timedRun(inspect, cold, &ok));
        gets[2] += bed.takeManifestGets();
        if (round % 2 == 1)
            runSkopeo();
    }
    if (!ok)
        return 1;
    std::printf("\ninspect multi:latest, median of %d:\n", rounds);
    std::printf("  %-28s %8.1f ms   %.1f manifest GETs\n", "skopeo inspect", median(skopeoMs), double(gets[0]) / rounds);
    std::printf("  %-28s %8.1f ms   %.1f manifest GETs   %.2f× skopeo\n", "wharf inspect, cold", median(coldMs),
                double(gets[1]) / rounds, median(coldMs) / median(skopeoMs));
    std::printf("  %-28s %8.1f ms   %.1f manifest GETs   %.2f× skopeo\n", "wharf inspect, warm", median(warmMs),
                double(gets[2]) / rounds, median(warmMs) / median(skopeoMs));
    return 0;
}
