// Docker and Podman as pull targets, against real engines the test starts (EngineBed: dockerd and
// `podman system service` on private sockets, vfs storage): `wharf pull --to`, `wharf load`,
// `wharf images --engine`, with the engines' own answers (GET /images/{name}/json) checked against
// the test bed's images.json; cancel mid-load leaves no image; no engine, a socket the user may
// not open, an engine refusing an archive, each one line. Runs as root (dockerd needs it; CI is root).

#include "DockerHubBed.h"
#include "EngineBed.h"
#include "TestbedStore.h"
#include "TestSupport.h"
#include "TestbedImages.h"

#include "archive/TarWriter.h"
#include "itemmodels/ItemRoles.h"
#include "engines/EngineApi.h"
#include "engines/EngineImageReader.h"
#include "engines/EngineLoader.h"
#include "itemmodels/EngineImagesModel.h"
#include "pull/PullEngine.h"
#include "pull/PullHandle.h"
#include "services/EngineJobs.h"
#include "store/BlobArrivals.h"
#include "store/ImageStore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QAbstractItemModelTester>
#include <QLocalServer>
#include <QLocalSocket>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrentRun>

#include <grp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

ProgramRun runWharf(const QStringList &arguments, const QProcessEnvironment &env)
{
    return runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments, env, {}, 180'000);
}

QString kindName(EngineKind kind)
{
    return EngineLocator::kindName(kind).toLower();
}

// One ustar entry, by hand: TarWriter refuses unsafe names, and this one must carry them.
QByteArray tarEntry(const QByteArray &name, const QByteArray &data)
{
    QByteArray header(512, '\0');
    const auto put = [&header](int offset, const QByteArray &field) { header.replace(offset, field.size(), field); };
    put(0, name);
    put(100, "0000644");
    put(108, "0000000");
    put(116, "0000000");
    put(124, QByteArray::number(data.size(), 8).rightJustified(11, '0'));
    put(136, "00000000000");
    put(148, "        ");
    put(156, "0");
    put(257, QByteArray("ustar\0", 6) + "00");
    int sum = 0;
    for (const char c : header)
        sum += static_cast<unsigned char>(c);
    put(148, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    QByteArray entry = header + data;
    entry.append(QByteArray((512 - data.size() % 512) % 512, '\0'));
    return entry;
}

QByteArray tarEnd()
{
    return QByteArray(1024, '\0');
}

} // namespace

class TestEngines final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void dockerContextIsFollowed();
    void podmanFallsBackToItsCli();
    void pullIntoEngine_data();
    void pullIntoEngine();
    void pullByDigestLoadsUntagged_data();
    void pullByDigestLoadsUntagged();
    void loadFromStore_data();
    void loadFromStore();
    void listsEngineImages();
    void inspectsEngineImages_data();
    void inspectsEngineImages();
    void cancelMidLoadLeavesNoImage_data();
    void cancelMidLoadLeavesNoImage();
    void loadJobContract();
    void loadFollowsThePull_data();
    void loadFollowsThePull();
    void cancelDuringTheFollowedPullLeavesNoImage();
    void cancelBetweenStagesLeavesNoImage();
    void podmanOnTheDockerSocketGetsOneArchive();
    void failedPullLeavesNoImage_data();
    void failedPullLeavesNoImage();
    void imagesJobListsPlatforms();
    void podmanWithoutItsService();
    void engineRefusesAnArchive_data();
    void engineRefusesAnArchive();
    void noEngine_data();
    void noEngine();
    void permissionDeniedNamesSocketAndGroup();
    void engineImagesModel();
    void hostileExportIsRefused();

private:
    [[nodiscard]] QProcessEnvironment environment();
    // layers:base through the test bed's proxy (its 1 MB base layer first, a 66 KB one on top),
    // pulled in this process into a fresh store.
    struct FollowedPull
    {
        QTemporaryDir dir;
        std::optional<ImageStore> store;
        std::unique_ptr<PullEngine> engine;
        PullHandle *handle = nullptr;
    };
    void startPull(FollowedPull &pull);
    // The load that follows `pull` (started here) into `kind`, for the caller to start; not auto-deleted.
    [[nodiscard]] std::unique_ptr<EngineLoadJob> followedLoad(FollowedPull &pull, EngineKind kind);
    // The IDs of the images a load in stages left in the engine (labelled wharf.load-stage).
    [[nodiscard]] static QStringList stageImages(EngineApi &api);
    [[nodiscard]] QJsonObject layersBase() const { return m_hub.images().image(u"layers"_s, u"base"_s); }
    // A 48 MiB image (one uncompressed layer of random bytes) stored as 127.0.0.1:1/big:1.
    bool addBigImage(QString *error);

    DockerHubBed m_hub;
    EngineBed m_engines;
    QTemporaryDir m_store;
    StoredImage m_big;
    QList<qint64> m_pids;
    QStringList m_runDirs; // each engine's /tmp/wharf-[dp]-XXXXXX: what its processes' command lines name
};

void TestEngines::initTestCase()
{
    QString error;
    QVERIFY2(m_hub.start(&error), qPrintable(error));
    // The engines are part of what is tested: one that cannot start fails the suite, never skips it.
    for (const EngineKind kind : {EngineKind::Docker, EngineKind::Podman}) {
        QVERIFY2(m_engines.start(kind, &error), qPrintable(error));
        m_pids.append(m_engines.processId(kind));
        m_runDirs.append(QFileInfo(m_engines.socketPath(kind)).path());
    }
    QVERIFY(m_store.isValid());
    QVERIFY2(addBigImage(&error), qPrintable(error));
}

void TestEngines::cleanupTestCase()
{
    m_engines.stopAll();
    // Stopped by pid, and nothing left behind: neither engine nor dockerd's containerd.
    for (const qint64 pid : std::as_const(m_pids))
        QVERIFY2(::kill(pid_t(pid), 0) != 0, qPrintable(u"engine process %1 still runs"_s.arg(pid)));
    // Ours only: another suite's test bed may be running beside this one.
    for (const QString &dir : std::as_const(m_runDirs)) {
        const ProgramRun left = runProgram(u"pgrep"_s, {u"-af"_s, dir});
        QVERIFY2(left.out.trimmed().isEmpty(), left.out.constData());
    }
}

QProcessEnvironment TestEngines::environment()
{
    QProcessEnvironment env = testEnvironment();
    env.insert(u"WHARF_DOCKERHUB_REGISTRY_URL"_s, m_hub.proxy().baseUrl().toString());
    env.insert(u"WHARF_STORE"_s, m_store.path());
    env.insert(u"DOCKER_HOST"_s, u"unix://"_s + m_engines.socketPath(EngineKind::Docker));
    env.insert(u"CONTAINER_HOST"_s, u"unix://"_s + m_engines.socketPath(EngineKind::Podman));
    return env;
}

bool TestEngines::addBigImage(QString *error)
{
    auto store = ImageStore::open(m_store.path());
    if (!store) {
        *error = store.error().message();
        return false;
    }
    // One layer: a tar of a 48 MiB file of random bytes, written by Wharf's own TarWriter.
    const auto big = TestbedStore::addRandomImage(*store, u"127.0.0.1:1/big:1"_s, 48);
    if (!big) {
        *error = u"cannot store the 48 MiB image"_s;
        return false;
    }
    m_big = *big;
    return true;
}

void TestEngines::dockerContextIsFollowed()
{
    // ~/.docker/config.json names the context; its meta.json (under the sha256 of its name) the socket.
    QTemporaryDir home;
    QDir().mkpath(home.filePath(u".docker"_s));
    QFile config(home.filePath(u".docker/config.json"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"currentContext":"remote-box"})");
    config.close();
    const QString hash = QString::fromLatin1(QCryptographicHash::hash("remote-box", QCryptographicHash::Sha256).toHex());
    const QString metaDir = home.filePath(u".docker/contexts/meta/"_s + hash);
    QDir().mkpath(metaDir);
    QFile meta(metaDir + u"/meta.json"_s);
    QVERIFY(meta.open(QIODevice::WriteOnly));
    meta.write(R"({"Name":"remote-box","Endpoints":{"docker":{"Host":"unix:///run/user/1000/docker.sock"}}})");
    meta.close();

    EngineLocator::Environment env;
    env.variables = QProcessEnvironment();
    env.home = home.path();
    auto endpoint = EngineLocator::locate(EngineKind::Docker, env);
    QVERIFY2(endpoint, qPrintable(endpoint ? QString() : endpoint.error().message()));
    QCOMPARE(endpoint->socketPath, u"/run/user/1000/docker.sock"_s);
    QVERIFY(endpoint->origin.contains(u"remote-box"_s));

    // DOCKER_CONTEXT wins over config.json, DOCKER_HOST over both; "default" is the default socket.
    env.variables.insert(u"DOCKER_CONTEXT"_s, u"default"_s);
    QCOMPARE(EngineLocator::locate(EngineKind::Docker, env)->socketPath, u"/var/run/docker.sock"_s);
    env.variables.insert(u"DOCKER_HOST"_s, u"unix:///srv/d.sock"_s);
    QCOMPARE(EngineLocator::locate(EngineKind::Docker, env)->socketPath, u"/srv/d.sock"_s);
    // tcp:// is said to be out of reach, in one line.
    env.variables.insert(u"DOCKER_HOST"_s, u"tcp://10.0.0.1:2376"_s);
    auto tcp = EngineLocator::locate(EngineKind::Docker, env);
    QVERIFY(!tcp);
    QCOMPARE(tcp.error().code(), Error::Code::Unsupported);
    // A context that is not there is an error naming it, not a silent fallback.
    env.variables.remove(u"DOCKER_HOST"_s);
    env.variables.insert(u"DOCKER_CONTEXT"_s, u"gone"_s);
    auto gone = EngineLocator::locate(EngineKind::Docker, env);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code(), Error::Code::EngineUnavailable);
    QVERIFY(gone.error().message().contains(u"gone"_s));
}

void TestEngines::podmanFallsBackToItsCli()
{
    QTemporaryDir runtime;
    EngineLocator::Environment env;
    env.variables = QProcessEnvironment();
    env.variables.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
    env.variables.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    // The rootless socket when it exists…
    QDir().mkpath(runtime.filePath(u"podman"_s));
    QLocalServer server;
    QVERIFY(server.listen(runtime.filePath(u"podman/podman.sock"_s)));
    auto rootless = EngineLocator::locate(EngineKind::Podman, env);
    QVERIFY(rootless);
    QCOMPARE(rootless->socketPath, runtime.filePath(u"podman/podman.sock"_s));
    server.close();
    // …else (no rootful socket: one this test names, so the machine's own never counts) the
    // podman program.
    env.podmanRootfulSocket = runtime.filePath(u"rootful/podman.sock"_s);
    auto cli = EngineLocator::locate(EngineKind::Podman, env);
    QVERIFY(cli);
    QCOMPARE(cli->transport, EngineEndpoint::Transport::Cli);
    QVERIFY(cli->program.endsWith(u"/podman"_s));
    // CONTAINER_HOST wins.
    env.variables.insert(u"CONTAINER_HOST"_s, u"unix:///srv/p.sock"_s);
    QCOMPARE(EngineLocator::locate(EngineKind::Podman, env)->socketPath, u"/srv/p.sock"_s);
}

void TestEngines::pullIntoEngine_data()
{
    QTest::addColumn<EngineKind>("kind");
    QTest::addColumn<QString>("platform");
    for (const EngineKind kind : {EngineKind::Docker, EngineKind::Podman})
        for (const QString &platform : m_hub.images().platforms(u"multi"_s, u"latest"_s))
            QTest::addRow("%s %s", qPrintable(kindName(kind)), qPrintable(platform)) << kind << platform;
}

void TestEngines::pullIntoEngine()
{
    QFETCH(EngineKind, kind);
    QFETCH(QString, platform);
    const ProgramRun r = runWharf({u"pull"_s, u"multi:latest"_s, u"--platform"_s, platform, u"--to"_s, kindName(kind)}, environment());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject expected = m_hub.images().image(u"multi"_s, u"latest"_s, platform);
    const QString configDigest = expected[u"config"_s][u"digest"_s].toString();
    const QString engine = EngineLocator::kindName(kind);
    // The name the engine's own pull gives: docker pull's familiar one, podman pull's qualified one.
    const QString name = kind == EngineKind::Docker ? u"multi:latest"_s : u"docker.io/library/multi:latest"_s;
    QVERIFY2(r.out.contains(u"Loaded into %1 as %2 (%3), image ID %4"_s.arg(engine, name, platform, configDigest).toUtf8()),
             r.out.constData());
    QVERIFY2(r.err.contains(u"Loading docker.io/library/multi:latest (%1) into %2"_s.arg(platform, engine).toUtf8()), r.err.constData());

    // What `docker image inspect multi:latest` says, through the API.
    EngineApi api(m_engines.endpoint(kind));
    auto facts = api.inspect(u"multi:latest"_s);
    QVERIFY2(facts, qPrintable(facts ? QString() : facts.error().message()));
    QCOMPARE(facts->id, configDigest);
    const Platform wanted = *Platform::parse(platform);
    QCOMPARE(facts->platform.os, wanted.os);
    QCOMPARE(facts->platform.architecture, wanted.architecture);
    if (facts->variantRecorded) // neither Docker 20.10 nor Podman 4.3 shows one
        QCOMPARE(facts->platform.variant, wanted.variant);
    QCOMPARE(facts->repoTags, QStringList{name});
    // The layers the engine unpacked are the image's diff_ids.
    QCOMPARE(facts->diffIds.size(), expected[u"layers"_s].toArray().size());
    // Not this machine's platform: loaded anyway, with a note.
    if (wanted.architecture != u"amd64"_s)
        QVERIFY2(r.err.contains("emulation"), r.err.constData());
}

void TestEngines::pullByDigestLoadsUntagged_data()
{
    loadFromStore_data();
}

void TestEngines::pullByDigestLoadsUntagged()
{
    // No tag, no name: the engine keeps the image untagged and Wharf finds it by its ID.
    QFETCH(EngineKind, kind);
    const QJsonObject image = m_hub.images().image(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s);
    const QString configDigest = image[u"config"_s][u"digest"_s].toString();
    EngineApi api(m_engines.endpoint(kind));
    (void)api.remove(configDigest, true);
    const ProgramRun r = runWharf({u"pull"_s, u"multi@"_s + image[u"digest"_s].toString(), u"--to"_s, kindName(kind)}, environment());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // (The store records a pull by digest with the platform its config gives: linux/arm64, with or without v8.)
    QVERIFY2(r.out.contains(u"Loaded into %1 untagged (linux/arm64"_s.arg(EngineLocator::kindName(kind)).toUtf8()), r.out.constData());
    QVERIFY2(r.out.contains(u"image ID %1"_s.arg(configDigest).toUtf8()), r.out.constData());
    auto facts = api.inspect(configDigest);
    QVERIFY(facts);
    QCOMPARE(facts->platform.architecture, u"arm64"_s);
}

void TestEngines::loadFromStore_data()
{
    QTest::addColumn<EngineKind>("kind");
    QTest::addRow("docker") << EngineKind::Docker;
    QTest::addRow("podman") << EngineKind::Podman;
}

void TestEngines::loadFromStore()
{
    QFETCH(EngineKind, kind);
    // Into the store only (no engine asked)…
    const QString platform = u"linux/arm/v7"_s;
    QProcessEnvironment env = environment();
    const ProgramRun pulled = runWharf({u"pull"_s, u"multi:latest"_s, u"--platform"_s, platform}, env);
    QVERIFY2(pulled.exitCode == 0, pulled.err.constData());
    EngineApi api(m_engines.endpoint(kind));
    const QString configDigest = m_hub.images().image(u"multi"_s, u"latest"_s, platform)[u"config"_s][u"digest"_s].toString();
    (void)api.remove(configDigest, true);
    QCOMPARE(api.inspect(configDigest).error().code(), Error::Code::NotFound);

    // …then from the store into the engine. Several platforms of multi:latest are stored by now.
    const ProgramRun ambiguous = runWharf({u"load"_s, u"multi:latest"_s, u"--to"_s, kindName(kind)}, env);
    QCOMPARE(ambiguous.exitCode, 2);
    const ProgramRun loaded = runWharf({u"load"_s, u"multi:latest"_s, u"--platform"_s, platform, u"--to"_s, kindName(kind)}, env);
    QVERIFY2(loaded.exitCode == 0, loaded.err.constData());
    QVERIFY2(loaded.out.contains(u"multi:latest (linux/arm/v7), image ID %1"_s.arg(configDigest).toUtf8()), loaded.out.constData());
    auto facts = api.inspect(u"multi:latest"_s);
    QVERIFY(facts);
    QCOMPARE(facts->id, configDigest);
    QCOMPARE(facts->platform.architecture, u"arm"_s);
}

void TestEngines::listsEngineImages()
{
    for (const EngineKind kind : {EngineKind::Docker, EngineKind::Podman}) {
        const ProgramRun r = runWharf({u"images"_s, u"--engine"_s, kindName(kind), u"--json"_s}, environment());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray images = QJsonDocument::fromJson(r.out).array();
        QVERIFY2(!images.isEmpty(), r.out.constData());
        bool found = false;
        for (const QJsonValue &image : images) {
            const QStringList tags = image[u"repoTags"_s].toVariant().toStringList();
            if (tags.contains(u"multi:latest"_s) || tags.contains(u"docker.io/library/multi:latest"_s)) {
                found = true;
                QCOMPARE(image[u"platform"_s].toString().section(u'/', 0, 1), u"linux/arm"_s);
                QVERIFY(image[u"id"_s].toString().startsWith(u"sha256:"_s));
            }
        }
        QVERIFY2(found, r.out.constData());
        // The table docker image ls prints.
        const ProgramRun table = runWharf({u"images"_s, u"--engine"_s, kindName(kind)}, environment());
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.startsWith("REPOSITORY"), table.out.constData());
        QVERIFY2(table.out.contains("multi"), table.out.constData());
    }
}

void TestEngines::inspectsEngineImages_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("engine");
    QTest::addRow("docker-daemon") << u"docker-daemon:multi:latest"_s << u"Docker"_s;
    QTest::addRow("containers-storage") << u"containers-storage:docker.io/library/multi:latest"_s << u"Podman"_s;
}

void TestEngines::inspectsEngineImages()
{
    QFETCH(QString, source);
    QFETCH(QString, engine);
    // multi:latest is linux/arm/v7 in both engines by now (loadFromStore).
    const QJsonObject expected = m_hub.images().image(u"multi"_s, u"latest"_s, u"linux/arm/v7"_s);
    const ProgramRun r = runWharf({u"inspect"_s, source, u"--json"_s}, environment());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject json = r.json();
    QCOMPARE(json[u"engine"_s].toString(), engine);
    QCOMPARE(json[u"id"_s].toString(), expected[u"config"_s][u"digest"_s].toString());
    QCOMPARE(json[u"platform"_s].toString().section(u'/', 0, 1), u"linux/arm"_s);
    QCOMPARE(json[u"layers"_s].toArray().size(), expected[u"layers"_s].toArray().size());
    QVERIFY(!json[u"history"_s].toArray().isEmpty());
    QVERIFY(json[u"history"_s].toArray().first()[u"createdBy"_s].toString().contains(u"CMD"_s));
    QVERIFY(json[u"config"_s].toObject().contains(u"Cmd"_s));
    // The text form, and one line for an image the engine does not have.
    const ProgramRun text = runWharf({u"inspect"_s, source}, environment());
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("History (newest first):"), text.out.constData());
    const ProgramRun missing = runWharf({u"inspect"_s, source.section(u':', 0, 0) + u":nothing/here:1"_s}, environment());
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.errLines().size(), 1);

    // wharf layers over the engine's export: the same layers, files and waste as over the registry.
    const ProgramRun fromEngine = runWharf({u"layers"_s, source, u"--json"_s}, environment());
    QVERIFY2(fromEngine.exitCode == 0, fromEngine.err.constData());
    const ProgramRun fromRegistry = runWharf({u"layers"_s, u"multi:latest"_s, u"--platform"_s, u"linux/arm/v7"_s, u"--json"_s}, environment());
    QVERIFY2(fromRegistry.exitCode == 0, fromRegistry.err.constData());
    const QJsonArray engineLayers = fromEngine.json()[u"layers"_s].toArray();
    const QJsonArray registryLayers = fromRegistry.json()[u"layers"_s].toArray();
    QCOMPARE(engineLayers.size(), registryLayers.size());
    for (qsizetype i = 0; i < engineLayers.size(); ++i) {
        QCOMPARE(engineLayers[i][u"digest"_s].toString(), registryLayers[i][u"diffId"_s].toString());
        QCOMPARE(engineLayers[i][u"entries"_s].toInt(), registryLayers[i][u"entries"_s].toInt());
        QCOMPARE(engineLayers[i][u"fileBytes"_s].toInteger(), registryLayers[i][u"fileBytes"_s].toInteger());
        QCOMPARE(engineLayers[i][u"uncompressedSize"_s].toInteger(), registryLayers[i][u"uncompressedSize"_s].toInteger());
    }
    QCOMPARE(fromEngine.json()[u"efficiency"_s], fromRegistry.json()[u"efficiency"_s]);
    QCOMPARE(fromEngine.json()[u"history"_s].toArray().size(), fromRegistry.json()[u"history"_s].toArray().size());
    // One layer's files, named by a prefix of its diff ID, as over the registry.
    const QString diffId = engineLayers.last()[u"digest"_s].toString();
    const ProgramRun files = runWharf({u"layers"_s, source, u"--files"_s, diffId.mid(7, 12), u"--json"_s}, environment());
    QVERIFY2(files.exitCode == 0, files.err.constData());
    const ProgramRun registryFiles = runWharf({u"layers"_s, u"multi:latest"_s, u"--platform"_s, u"linux/arm/v7"_s, u"--files"_s,
                                               registryLayers.last()[u"digest"_s].toString(), u"--json"_s},
                                              environment());
    QCOMPARE(files.json()[u"tree"_s], registryFiles.json()[u"tree"_s]);

    // "My local image against the registry's tag": the same image has every layer in common and
    // no file apart; another platform shares the common layer and differs in files.
    const ProgramRun same = runWharf({u"layers"_s, source, u"--diff"_s, u"multi:latest"_s, u"--platform"_s, u"linux/arm/v7"_s, u"--json"_s},
                                     environment());
    QVERIFY2(same.exitCode == 0, same.err.constData());
    QCOMPARE(same.json()[u"layers"_s][u"common"_s].toArray().size(), engineLayers.size());
    QVERIFY(same.json()[u"layers"_s][u"onlyInFrom"_s].toArray().isEmpty());
    QVERIFY(same.json()[u"files"_s].toArray().isEmpty());
    const ProgramRun other = runWharf({u"layers"_s, u"multi:latest"_s, u"--platform"_s, u"linux/amd64"_s, u"--diff"_s, source, u"--json"_s},
                                      environment());
    QVERIFY2(other.exitCode == 0, other.err.constData());
    QVERIFY(!other.json()[u"layers"_s][u"onlyInFrom"_s].toArray().isEmpty()); // each platform's own base layer
    QVERIFY(!other.json()[u"layers"_s][u"onlyInTo"_s].toArray().isEmpty());
}

void TestEngines::cancelMidLoadLeavesNoImage_data()
{
    loadFromStore_data();
}

void TestEngines::cancelMidLoadLeavesNoImage()
{
    QFETCH(EngineKind, kind);
    auto store = ImageStore::open(m_store.path());
    QVERIFY(store);
    std::atomic_bool cancel{false};
    std::atomic<qint64> sent{0};
    EngineLoader::Options options;
    options.cancel = &cancel;
    options.sent = &sent;
    const EngineEndpoint endpoint = m_engines.endpoint(kind);
    const StoredImage image = m_big;
    // Mid-archive for certain, however fast the socket: the 48 MiB layer "has not arrived yet" (as
    // while a pull runs), so the archive stays open after the config until the cancel.
    BlobArrivals arrivals;
    options.arrivals = &arrivals;
    QFutureWatcher<Result<EngineLoadReport>> watcher;
    QSignalSpy done(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(QtConcurrent::run([&store, image, endpoint, options] { return EngineLoader::load(*store, image, endpoint, options); }));
    QTRY_VERIFY_WITH_TIMEOUT(sent.load() > 0 || watcher.isFinished(), 60'000);
    QVERIFY(!watcher.isFinished());
    cancel.store(true);
    QVERIFY(watcher.isFinished() || done.wait(30'000));
    const Result<EngineLoadReport> result = watcher.result();
    QVERIFY(!result);
    QCOMPARE(result.error().code(), Error::Code::Cancelled);
    QVERIFY(sent.load() < (48 << 20));

    // The engine has no image of that config, tagged or not, once it has noticed the dropped connection.
    EngineApi api(endpoint);
    const QString id = store->readImageManifest(image.manifest)->config.digest.toString();
    QTest::qWait(1000);
    auto images = api.images();
    QVERIFY(images);
    for (const EngineImage &listed : std::as_const(*images)) {
        QVERIFY2(listed.id != id, qPrintable(listed.id));
        QVERIFY2(!listed.repoTags.join(u' ').contains(u"big"_s), qPrintable(listed.repoTags.join(u' ')));
    }
    QCOMPARE(api.inspect(id).error().code(), Error::Code::NotFound);

    // The same image loads completely when nobody cancels: the cancel, not the image, stopped it.
    const ProgramRun full = runWharf({u"load"_s, m_big.reference, u"--to"_s, kindName(kind)}, environment());
    QVERIFY2(full.exitCode == 0, full.err.constData());
    QVERIFY(api.inspect(id));
    QVERIFY(api.remove(id, true));
}

void TestEngines::loadJobContract()
{
    // What the window runs: progress while the archive streams, exactly one finished(), the report.
    auto store = ImageStore::open(m_store.path());
    QVERIFY(store);
    const EngineEndpoint endpoint = m_engines.endpoint(EngineKind::Docker);
    auto *job = new EngineLoadJob(*store, m_big, endpoint);
    QSignalSpy progress(job, &EngineLoadJob::progress);
    QSignalSpy unpacking(job, &EngineLoadJob::unpacking);
    QSignalSpy finished(job, &Job::finished);
    const auto owned = runJob(job, 120'000);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(unpacking.size(), 1); // all sent, before finished()
    QVERIFY(owned->isUnpacking());
    QVERIFY2(owned->succeeded(), qPrintable(owned->error() ? owned->error()->message() : QString()));
    const EngineLoadReport &report = owned->report();
    QCOMPARE(report.name, m_big.reference);
    QCOMPARE(report.id, store->readImageManifest(m_big.manifest)->config.digest);
    QCOMPARE(report.platform.toString(), u"linux/amd64"_s);
    QVERIFY(report.bytesSent > (48 << 20));
    QVERIFY(progress.size() >= 1);
    QCOMPARE(progress.last().first().toLongLong(), report.bytesSent);
    // The estimate a progress bar is drawn against: the stored layer, config and tar headers.
    QCOMPARE(progress.last().at(1).toLongLong(), owned->expectedBytes());
    QVERIFY(owned->expectedBytes() >= report.bytesSent);
    QVERIFY(owned->expectedBytes() < report.bytesSent + 64 * 1024);
    QCOMPARE(EngineLoader::summary(report),
             u"Loaded into Docker as 127.0.0.1:1/big:1 (linux/amd64), image ID %1"_s.arg(report.id.toString()));
    QVERIFY(EngineApi(endpoint).remove(report.id.toString(), true));
}

void TestEngines::startPull(FollowedPull &pull)
{
    QVERIFY(pull.dir.isValid());
    auto store = ImageStore::open(pull.dir.path());
    QVERIFY(store);
    pull.store = *store;
    PullEngine::Options options;
    options.client.retry.maxAttempts = 2;
    options.client.retry.baseDelayMs = 20;
    options.client.transferTimeoutMs = 20'000; // a stalled layer stays stalled for the whole test
    pull.engine = std::make_unique<PullEngine>(*pull.store, options);
    PullRequest request;
    request.reference = *ImageReference::parseDockerRef(QString(m_hub.proxy().hostPort() + u"/layers:base"_s));
    pull.handle = pull.engine->pull(request);
}

void TestEngines::loadFollowsThePull_data()
{
    loadFromStore_data();
}

std::unique_ptr<EngineLoadJob> TestEngines::followedLoad(FollowedPull &pull, EngineKind kind)
{
    startPull(pull);
    auto job = std::make_unique<EngineLoadJob>(*pull.store, pull.handle, m_engines.endpoint(kind));
    job->setAutoDelete(false);
    return job;
}

QStringList TestEngines::stageImages(EngineApi &api)
{
    QStringList stages;
    auto images = api.images();
    if (!images)
        return {u"(the list failed: "_s + images.error().message() + u')'};
    for (const EngineImage &image : std::as_const(*images)) {
        auto facts = api.inspect(image.id);
        if (facts && facts->config.value(u"Labels"_s).toObject().contains(u"wharf.load-stage"_s))
            stages.append(image.id);
    }
    return stages;
}

void TestEngines::loadFollowsThePull()
{
    // What "Pull to: Docker" runs: the load starts with the pull and ends after it, one result.
    // The top layer comes late: Docker gets the base one as a stage of its own first (unpacking it
    // while the pull goes on), then the image; Podman gets one archive.
    QFETCH(EngineKind, kind);
    const QString configDigest = layersBase()[u"config"_s][u"digest"_s].toString();
    const QString top = layersBase()[u"layers"_s].toArray().at(1)[u"digest"_s].toString();
    const int rule = m_hub.proxy().addRule({"GET", FaultRule::blobPath(top), fault::DelayMs{1500}, 1});
    const auto removeRule = qScopeGuard([this, rule] { m_hub.proxy().removeRule(rule); });
    EngineApi api(m_engines.endpoint(kind));
    (void)api.remove(configDigest, true);
    FollowedPull pull;
    startPull(pull);
    auto *job = new EngineLoadJob(*pull.store, pull.handle, m_engines.endpoint(kind));
    QSignalSpy progress(job, &EngineLoadJob::progress);
    QSignalSpy unpacking(job, &EngineLoadJob::unpacking);
    QSignalSpy pulled(pull.handle, &PullHandle::finished);
    QCOMPARE(job->expectedBytes(), -1); // known once the pull is planned
    const auto owned = runJob(job, 120'000);
    QVERIFY2(owned->succeeded(), qPrintable(owned->error() ? owned->error()->message() : QString()));
    QCOMPARE(pulled.size(), 1); // the pull finished first: the archive waits for it to complete
    QVERIFY(!pull.handle->outcome().error);
    QCOMPARE(unpacking.size(), 1);
    QCOMPARE(owned->image().manifest, pull.handle->plan()->manifest);
    QCOMPARE(owned->image().reference, pull.handle->outcome().result.image.reference);
    QCOMPARE(owned->report().id.toString(), configDigest);
    QVERIFY(owned->expectedBytes() > 1'000'000);
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.first().first().toLongLong(), 0); // planned: the bar can be drawn before a byte moves
    QCOMPARE(progress.first().at(1).toLongLong(), owned->expectedBytes());
    QCOMPARE(progress.last().first().toLongLong(), owned->report().bytesSent);
    QVERIFY(owned->expectedBytes() >= owned->report().bytesSent);
    auto facts = api.inspect(configDigest);
    QVERIFY2(facts, qPrintable(facts ? QString() : facts.error().message()));
    QCOMPARE(facts->diffIds.size(), 2);
    QCOMPARE(m_hub.proxy().applied(rule), 1);
    QCOMPARE(owned->report().stages, kind == EngineKind::Docker ? 2 : 1);
    QCOMPARE(stageImages(api), QStringList()); // the stage's image went once the image held its layer
    QCOMPARE(facts->repoTags.size(), 1); // the stage was untagged; the image has its one name
    QVERIFY(api.remove(configDigest, true));
}

void TestEngines::cancelDuringTheFollowedPullLeavesNoImage()
{
    // Podman (one archive): the base layer stalls part-way; the small layer above it is stored and
    // sent meanwhile (the load follows arrivals, not the manifest's order); then the user cancels.
    const EngineKind kind = EngineKind::Podman;
    const QJsonArray layers = layersBase()[u"layers"_s].toArray();
    const QString base = layers.at(0)[u"digest"_s].toString();
    const qint64 top = layers.at(1)[u"size"_s].toInteger();
    const QString configDigest = layersBase()[u"config"_s][u"digest"_s].toString();
    const int rule = m_hub.proxy().addRule({"GET", FaultRule::blobPath(base), fault::StallAt{300'000}, 1});
    const auto removeRule = qScopeGuard([this, rule] { m_hub.proxy().removeRule(rule); });
    FollowedPull pull;
    const std::unique_ptr<EngineLoadJob> owned = followedLoad(pull, kind);
    EngineLoadJob *job = owned.get();
    QSignalSpy finished(job, &Job::finished);
    QSignalSpy pulled(pull.handle, &PullHandle::finished);
    QSignalSpy unpacking(job, &EngineLoadJob::unpacking);
    qint64 sent = 0;
    connect(job, &EngineLoadJob::progress, this, [&sent](qint64 bytes, qint64) { sent = bytes; });
    job->start();
    // The top layer reaches the engine while the base one is still on its way.
    QTRY_VERIFY_WITH_TIMEOUT(sent >= top, 15'000);
    QVERIFY(!pull.handle->isFinished());
    QVERIFY(!job->isFinished());
    QVERIFY(m_hub.proxy().applied(rule) == 1);

    job->cancel(); // the window's Cancel: the load, and the pull it follows
    QCOMPARE(finished.size(), 1);
    QCOMPARE(codeOf(*job), Error::Code::Cancelled);
    QVERIFY(pulled.wait(10'000));
    QCOMPARE(pull.handle->outcome().error->code(), Error::Code::Cancelled);
    QTest::qWait(1000); // the worker drops the connection within 100 ms; the engine then discards it
    QCOMPARE(finished.size(), 1);
    QCOMPARE(unpacking.size(), 0); // the archive never ended
    EngineApi api(m_engines.endpoint(kind));
    QCOMPARE(api.inspect(configDigest).error().code(), Error::Code::NotFound);
    auto images = api.images();
    QVERIFY(images);
    for (const EngineImage &listed : std::as_const(*images))
        QVERIFY2(!listed.repoTags.join(u' ').contains(u"layers:base"_s), qPrintable(listed.repoTags.join(u' ')));
}

void TestEngines::podmanOnTheDockerSocketGetsOneArchive()
{
    // DOCKER_HOST naming Podman's socket (a common set-up): the endpoint says Docker, the engine
    // says Podman Engine, and gets the image as one archive (its load wants every layer's file).
    EngineEndpoint endpoint = m_engines.endpoint(EngineKind::Podman);
    endpoint.kind = EngineKind::Docker;
    const QString configDigest = layersBase()[u"config"_s][u"digest"_s].toString();
    const QString top = layersBase()[u"layers"_s].toArray().at(1)[u"digest"_s].toString();
    const int rule = m_hub.proxy().addRule({"GET", FaultRule::blobPath(top), fault::DelayMs{1000}, 1});
    const auto removeRule = qScopeGuard([this, rule] { m_hub.proxy().removeRule(rule); });
    EngineApi api(endpoint);
    QVERIFY(api.version()->name.startsWith(u"Podman"_s));
    (void)api.remove(configDigest, true);
    FollowedPull pull;
    startPull(pull);
    const auto owned = runJob(new EngineLoadJob(*pull.store, pull.handle, endpoint), 120'000);
    QVERIFY2(owned->succeeded(), qPrintable(owned->error() ? owned->error()->message() : QString()));
    QCOMPARE(m_hub.proxy().applied(rule), 1);
    QCOMPARE(owned->report().stages, 1);
    QCOMPARE(owned->report().id.toString(), configDigest);
    QVERIFY(api.remove(configDigest, true));
}

void TestEngines::cancelBetweenStagesLeavesNoImage()
{
    // Docker (in stages): the top layer stalls part-way; the base layer has gone in as a stage of
    // its own (an untagged image Docker has unpacked); then the user cancels. The stage's image is
    // removed: Docker is left with nothing.
    const EngineKind kind = EngineKind::Docker;
    const QJsonArray layers = layersBase()[u"layers"_s].toArray();
    const QString top = layers.at(1)[u"digest"_s].toString();
    const QString configDigest = layersBase()[u"config"_s][u"digest"_s].toString();
    const int rule = m_hub.proxy().addRule({"GET", FaultRule::blobPath(top), fault::StallAt{30'000}, 1});
    const auto removeRule = qScopeGuard([this, rule] { m_hub.proxy().removeRule(rule); });
    EngineApi api(m_engines.endpoint(kind));
    (void)api.remove(configDigest, true);
    QCOMPARE(stageImages(api), QStringList());
    FollowedPull pull;
    const std::unique_ptr<EngineLoadJob> owned = followedLoad(pull, kind);
    EngineLoadJob *job = owned.get();
    QSignalSpy finished(job, &Job::finished);
    QSignalSpy pulled(pull.handle, &PullHandle::finished);
    QSignalSpy unpacking(job, &EngineLoadJob::unpacking);
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(stageImages(api).size(), 1, 15'000);
    QVERIFY(!pull.handle->isFinished());
    QVERIFY(!job->isFinished());
    QCOMPARE(m_hub.proxy().applied(rule), 1);

    job->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(codeOf(*job), Error::Code::Cancelled);
    QVERIFY(pulled.wait(10'000));
    QCOMPARE(pull.handle->outcome().error->code(), Error::Code::Cancelled);
    // The worker removes the stage's image once every stage has answered (within a second here).
    QTRY_COMPARE_WITH_TIMEOUT(stageImages(api), QStringList(), 10'000);
    QCOMPARE(unpacking.size(), 0); // the last stage never began
    QCOMPARE(api.inspect(configDigest).error().code(), Error::Code::NotFound);
    auto images = api.images();
    QVERIFY(images);
    for (const EngineImage &listed : std::as_const(*images))
        QVERIFY2(!listed.repoTags.join(u' ').contains(u"layers:base"_s), qPrintable(listed.repoTags.join(u' ')));
}

void TestEngines::failedPullLeavesNoImage_data()
{
    loadFromStore_data();
}

void TestEngines::failedPullLeavesNoImage()
{
    // The registry refuses the base layer after the top one was sent: the load ends with the pull's
    // error and the engine keeps nothing.
    QFETCH(EngineKind, kind);
    const QJsonArray layers = layersBase()[u"layers"_s].toArray();
    const QString base = layers.at(0)[u"digest"_s].toString();
    const QString configDigest = layersBase()[u"config"_s][u"digest"_s].toString();
    const int rule = m_hub.proxy().addRule({"GET", FaultRule::blobPath(base), fault::Status{404, {}, "{}"}, -1});
    const auto removeRule = qScopeGuard([this, rule] { m_hub.proxy().removeRule(rule); });
    FollowedPull pull;
    startPull(pull);
    auto *job = new EngineLoadJob(*pull.store, pull.handle, m_engines.endpoint(kind));
    const auto owned = runJob(job, 60'000);
    QVERIFY(pull.handle->isFinished());
    QVERIFY(pull.handle->outcome().error);
    QVERIFY(owned->error());
    QCOMPARE(owned->error()->code(), pull.handle->outcome().error->code());
    QCOMPARE(owned->error()->code(), Error::Code::NotFound);
    QTest::qWait(1000);
    QCOMPARE(EngineApi(m_engines.endpoint(kind)).inspect(configDigest).error().code(), Error::Code::NotFound);
}

void TestEngines::imagesJobListsPlatforms()
{
    for (const EngineKind kind : {EngineKind::Docker, EngineKind::Podman}) {
        const auto job = runJob(new EngineImagesJob(m_engines.endpoint(kind)));
        QVERIFY(job->succeeded());
        QVERIFY(!job->images().isEmpty());
        for (const EngineImage &image : job->images()) {
            QVERIFY(image.id.startsWith(u"sha256:"_s));
            QCOMPARE(image.platform.os, u"linux"_s);
            QVERIFY(!image.diffIds.isEmpty());
        }
    }
    // Who answers, for the window's pull targets.
    const auto docker = runJob(new EngineVersionJob(m_engines.endpoint(EngineKind::Docker)));
    QVERIFY(docker->succeeded());
    QVERIFY2(docker->version().name.contains(u"Docker"_s) || docker->version().name.contains(u"Engine"_s), qPrintable(docker->version().name));
    QCOMPARE(docker->version().os, u"linux"_s);
    const auto podman = runJob(new EngineVersionJob(m_engines.endpoint(EngineKind::Podman)));
    QVERIFY(podman->succeeded());
    QVERIFY2(podman->version().name.contains(u"Podman"_s), qPrintable(podman->version().name));
    // An engine that is not there: the job ends in the one error, no images.
    EngineEndpoint missing;
    missing.socketPath = u"/nonexistent/docker.sock"_s;
    missing.origin = u"test"_s;
    const auto none = runJob(new EngineImagesJob(missing));
    QCOMPARE(codeOf(*none), Error::Code::EngineUnavailable);
    QCOMPARE(codeOf(*runJob(new EngineVersionJob(missing))), Error::Code::EngineUnavailable);
}

void TestEngines::podmanWithoutItsService()
{
    // No socket: `podman load` reads the archive on its standard input as it is produced.
    auto store = ImageStore::open(m_store.path());
    QVERIFY(store);
    auto stored = store->findImages(u"docker.io/library/multi:latest"_s, *Platform::parse(u"linux/arm64/v8"_s));
    QVERIFY(stored && stored->size() == 1);
    const EngineEndpoint cli = m_engines.podmanCliEndpoint();
    const EngineEndpoint service = m_engines.endpoint(EngineKind::Podman);
    const QString configDigest = m_hub.images().image(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s)[u"config"_s][u"digest"_s].toString();
    (void)EngineApi(service).remove(configDigest, true);

    auto report = EngineLoader::load(*store, stored->first(), cli, {});
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message()));
    QCOMPARE(report->name, u"docker.io/library/multi:latest"_s);
    QCOMPARE(report->id.toString(), configDigest);
    QCOMPARE(report->platform.toString(), u"linux/arm64/v8"_s);
    // The program and the service share the storage: the service sees the image too.
    auto facts = EngineApi(service).inspect(u"docker.io/library/multi:latest"_s);
    QVERIFY(facts);
    QCOMPARE(facts->id, configDigest);
    // Listing and inspecting through the program.
    auto listed = EngineApi(cli).images();
    QVERIFY(listed);
    QVERIFY(std::ranges::any_of(*listed, [&](const EngineImage &image) { return image.id == configDigest; }));
    QCOMPARE(EngineApi(cli).inspect(u"nothing/here:1"_s).error().code(), Error::Code::NotFound);

    // Cancelled mid-archive: the program is killed and stores nothing.
    std::atomic_bool cancel{false};
    std::atomic<qint64> sent{0};
    EngineLoader::Options options;
    options.cancel = &cancel;
    options.sent = &sent;
    const StoredImage big = m_big;
    BlobArrivals arrivals; // the layer "not here yet": the archive stays open after the config
    options.arrivals = &arrivals;
    QFutureWatcher<Result<EngineLoadReport>> watcher;
    QSignalSpy done(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(QtConcurrent::run([&store, big, cli, options] { return EngineLoader::load(*store, big, cli, options); }));
    QTRY_VERIFY_WITH_TIMEOUT(sent.load() > 0 || watcher.isFinished(), 60'000);
    QVERIFY(!watcher.isFinished());
    cancel.store(true);
    QVERIFY(watcher.isFinished() || done.wait(30'000));
    QCOMPARE(watcher.result().error().code(), Error::Code::Cancelled);
    const QString bigId = store->readImageManifest(big.manifest)->config.digest.toString();
    QCOMPARE(EngineApi(cli).inspect(bigId).error().code(), Error::Code::NotFound);
}

void TestEngines::engineRefusesAnArchive_data()
{
    loadFromStore_data();
}

void TestEngines::engineRefusesAnArchive()
{
    QFETCH(EngineKind, kind);
    EngineApi api(m_engines.endpoint(kind));
    // A tar without manifest.json: each engine answers with its own words, one line, EngineRefused.
    auto loaded = api.load([](QIODevice &body) -> Result<void> {
        auto writer = TarWriter::createOnDevice(body, u"engine"_s);
        if (!writer)
            return wharf::unexpected(writer.error());
        if (auto added = writer->addFile(u"hello.txt"_s, "not an image\n"); !added)
            return added;
        return writer->finish();
    });
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code(), Error::Code::EngineRefused);
    QVERIFY(!loaded.error().message().contains(u'\n'));
    QVERIFY2(loaded.error().message().startsWith(EngineLocator::kindName(kind) + u" refused the image: "_s),
             qPrintable(loaded.error().message()));
}

void TestEngines::noEngine_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("engine");
    QTest::addColumn<bool>("socketFile");
    QTest::addColumn<QString>("expected");
    QTest::addRow("docker, no socket") << u"DOCKER_HOST"_s << u"docker"_s << false << u"no Docker engine: "_s;
    QTest::addRow("docker, nobody listening") << u"DOCKER_HOST"_s << u"docker"_s << true << u"no Docker engine answers on "_s;
    QTest::addRow("podman, no socket") << u"CONTAINER_HOST"_s << u"podman"_s << false << u"no Podman engine: "_s;
    QTest::addRow("docker over tcp") << u"DOCKER_HOST"_s << u"docker"_s << false << u"over a unix socket only"_s;
}

void TestEngines::noEngine()
{
    QFETCH(QString, variable);
    QFETCH(QString, engine);
    QFETCH(bool, socketFile);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString socket = dir.filePath(u"engine.sock"_s);
    int fd = -1;
    if (socketFile) {
        // Bound, never listening: connect() is refused.
        fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        qstrncpy(address.sun_path, QFile::encodeName(socket).constData(), sizeof address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    }
    QProcessEnvironment env = environment();
    env.insert(variable, expected.contains(u"unix socket"_s) ? u"tcp://127.0.0.1:1"_s : u"unix://"_s + socket);
    // Said before anything is pulled, and by load and images alike.
    for (const QStringList &arguments : {QStringList{u"pull"_s, u"multi:latest"_s, u"--to"_s, engine},
                                         QStringList{u"load"_s, u"multi:latest"_s, u"--platform"_s, u"linux/arm/v7"_s, u"--to"_s, engine},
                                         QStringList{u"images"_s, u"--engine"_s, engine}}) {
        const ProgramRun r = runWharf(arguments, env);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.errLines().size(), 1);
        QVERIFY2(r.err.startsWith("wharf: error: ") && r.err.contains(expected.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
    if (fd >= 0)
        ::close(fd);
}

void TestEngines::permissionDeniedNamesSocketAndGroup()
{
    // As root every socket opens; so the CLI runs as nobody against a socket root:docker 0660 (as
    // Debian's docker.socket makes it), in a folder nobody may enter.
    const group *docker = ::getgrnam("docker");
    QVERIFY2(docker, "the docker group is missing (docker.io creates it)");
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                  | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    QLocalServer server;
    server.setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    const QString socket = dir.filePath(u"docker.sock"_s);
    QVERIFY(server.listen(socket));
    QCOMPARE(::chown(QFile::encodeName(socket).constData(), 0, docker->gr_gid), 0);

    QTemporaryDir home;
    QVERIFY(QFile::setPermissions(home.path(), QFile::Permissions(0x7777)));
    QProcessEnvironment env = environment();
    env.insert(u"DOCKER_HOST"_s, u"unix://"_s + socket);
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CACHE_HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.path());
    env.insert(u"XDG_DATA_HOME"_s, home.path());
    env.insert(u"WHARF_STORE"_s, home.filePath(u"store"_s));
    const ProgramRun r = runProgram(u"setpriv"_s, {u"--reuid=nobody"_s, u"--regid=nogroup"_s, u"--clear-groups"_s,
                                                   QStringLiteral(WHARF_EXECUTABLE), u"images"_s, u"--engine"_s, u"docker"_s},
                                    env);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains(u"permission denied on Docker's socket %1"_s.arg(socket).toUtf8()), r.err.constData());
    QVERIFY2(r.err.contains("group “docker”"), r.err.constData());
}

void TestEngines::engineImagesModel()
{
    // What Local images shows for Docker: docker image ls's rows, removable one name at a time.
    EngineImagesModel model(m_engines.endpoint(EngineKind::Docker));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&model, &EngineImagesModel::refreshed);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    model.refresh(); // asked again while the first runs: one more listing after it, one signal each time the loading ends
    QVERIFY(refreshed.wait(30'000));
    QVERIFY(!refreshed.last().first().value<std::optional<Error>>());
    QVERIFY(!model.isLoading());
    QCOMPARE(reset.size(), 2);
    int multi = -1;
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, 0).data(EngineImagesModel::NameRole).toString() == u"multi:latest"_s)
            multi = row;
    QVERIFY2(multi >= 0, "multi:latest is not listed");
    QCOMPARE(model.index(multi, EngineImagesModel::RepositoryColumn).data().toString(), u"multi"_s);
    QCOMPARE(model.index(multi, EngineImagesModel::TagColumn).data().toString(), u"latest"_s);
    const QString id = model.index(multi, 0).data(EngineImagesModel::ImageIdRole).toString();
    QCOMPARE(model.index(multi, EngineImagesModel::ImageIdColumn).data().toString(), id.mid(7, 12));
    QVERIFY(model.index(multi, 0).data(EngineImagesModel::PlatformRole).toString().startsWith(u"linux/"_s));
    QCOMPARE(model.index(multi, 0).data(ItemRole::CopyText).toString(), u"multi:latest"_s);
    QVERIFY(model.index(multi, 0).data(EngineImagesModel::LayerCountRole).toInt() >= 1);

    QSignalSpy removed(&model, &EngineImagesModel::removeFinished);
    QVERIFY(model.remove(multi));
    QVERIFY(removed.wait(30'000));
    QVERIFY(!removed.first().first().value<EngineImageRemoval>().error);
    QVERIFY(refreshed.wait(30'000));
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.index(row, 0).data(EngineImagesModel::NameRole).toString() != u"multi:latest"_s);
    QCOMPARE(EngineApi(m_engines.endpoint(EngineKind::Docker)).inspect(u"multi:latest"_s).error().code(), Error::Code::NotFound);

    // No engine: the one error, no rows.
    EngineEndpoint missing;
    missing.socketPath = u"/nonexistent/docker.sock"_s;
    missing.origin = u"test"_s;
    EngineImagesModel none(missing);
    QSignalSpy failed(&none, &EngineImagesModel::refreshed);
    none.refresh();
    QVERIFY(failed.wait(10'000));
    QCOMPARE(failed.first().first().value<std::optional<Error>>()->code(), Error::Code::EngineUnavailable);
    QCOMPARE(none.rowCount(), 0);
}

void TestEngines::hostileExportIsRefused()
{
    // An "engine" whose export holds a layer naming ../escape: the layer reader's caps and checks
    // apply to an engine's export as to a registry's layer, and the read ends in one typed error.
    const QByteArray layer = tarEntry("../escape", "gotcha\n") + tarEnd();
    const QString diffId = Digest::sha256Of(layer).toString();
    const QByteArray config = QJsonDocument(QJsonObject{
        {u"architecture"_s, u"amd64"_s}, {u"os"_s, u"linux"_s},
        {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, QJsonArray{diffId}}}}}).toJson(QJsonDocument::Compact);
    const Digest id = Digest::sha256Of(config);
    const QByteArray archive = tarEntry(id.encoded().toLatin1() + ".json", config) + tarEntry("v1id/layer.tar", layer) + tarEnd();
    const QByteArray inspect = QJsonDocument(QJsonObject{
        {u"Id"_s, id.toString()}, {u"RepoTags"_s, QJsonArray{u"evil:1"_s}}, {u"Os"_s, u"linux"_s}, {u"Architecture"_s, u"amd64"_s},
        {u"RootFS"_s, QJsonObject{{u"Layers"_s, QJsonArray{diffId}}}}}).toJson(QJsonDocument::Compact);

    QTemporaryDir dir;
    QLocalServer server;
    QVERIFY(server.listen(dir.filePath(u"engine.sock"_s)));
    connect(&server, &QLocalServer::newConnection, this, [&] {
        QLocalSocket *socket = server.nextPendingConnection();
        connect(socket, &QLocalSocket::readyRead, socket, [socket, &inspect, &archive, &id] {
            const QByteArray request = socket->readAll();
            const QByteArray path = request.split(' ').value(1);
            const QByteArray body = path == "/images/evil:1/json" ? inspect
                : path == "/images/" + id.toString().toLatin1() + "/get" ? archive
                                                                          : QByteArray();
            socket->write("HTTP/1.1 " + QByteArray(body.isEmpty() ? "404 Not Found" : "200 OK") + "\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromServer();
        });
    });
    EngineEndpoint endpoint;
    endpoint.socketPath = dir.filePath(u"engine.sock"_s);
    endpoint.origin = u"test"_s;
    QFutureWatcher<Result<EngineImageContents>> watcher;
    QSignalSpy done(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(QtConcurrent::run([endpoint] { return EngineImageReader::read(endpoint, u"evil:1"_s, {}); }));
    QVERIFY(done.wait(20'000));
    const Result<EngineImageContents> read = watcher.result();
    QVERIFY(!read);
    QCOMPARE(read.error().code(), Error::Code::MalformedDocument);
    QVERIFY2(read.error().message().contains(u"layer "_s + diffId), qPrintable(read.error().message()));
    QVERIFY2(!read.error().message().contains(u"lacks"_s), qPrintable(read.error().message()));
}

QTEST_GUILESS_MAIN(TestEngines)
#include "tst_engines.moc"
