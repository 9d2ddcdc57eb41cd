// The pull engine against the real docker-registry, directly and through the fault-injecting
// proxy: every fault ends exactly as it should (success after resume or retry, or one clean typed
// failure), and afterwards the store verifies clean and skopeo reads it. Cancel, SIGKILL and two
// processes pulling into one store leave it consistent, and the next pull resumes with Range.
#include "pull/PullEngine.h"
#include "pull/PullHandle.h"
#include "store/ImageStore.h"

#include "BlobCdn.h"
#include "FaultProxy.h"
#include "RegistryProcess.h"
#include "Schema1Image.h"
#include "TestSupport.h"
#include "TestbedImages.h"
#include "TokenServer.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cctype>
#include <csignal>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

struct Pulled
{
    PullOutcome outcome;
    std::optional<PullPlan> plan;
    int progressSignals = 0;
};

PullEngine::Options fastOptions()
{
    PullEngine::Options o;
    o.workers = 4;
    o.client.retry.maxAttempts = 3;
    o.client.retry.baseDelayMs = 20;
    o.client.transferTimeoutMs = 1500;
    return o;
}

Pulled pullInto(const ImageStore &store, const QString &reference, const QString &platform = QString(),
                PullEngine::Options options = fastOptions())
{
    PullEngine engine(store, options);
    PullRequest request;
    request.reference = *ImageReference::parseDockerRef(reference);
    if (!platform.isEmpty())
        request.platform = *Platform::parse(platform);
    PullHandle *handle = engine.pull(request);
    Pulled pulled;
    QObject::connect(handle, &PullHandle::planned, handle, [&pulled](const PullPlan &plan) { pulled.plan = plan; });
    QObject::connect(handle, &PullHandle::progress, handle, [&pulled](const PullProgress &) { ++pulled.progressSignals; });
    QSignalSpy finished(handle, &PullHandle::finished);
    if (!finished.wait(60'000))
        qWarning("pull of %s did not finish", qPrintable(reference));
    pulled.outcome = handle->outcome();
    return pulled;
}

QString errorText(const Pulled &p)
{
    return p.outcome.error ? p.outcome.error->message() : QString();
}

Error::Code codeOf(const Pulled &p)
{
    return p.outcome.error ? p.outcome.error->code() : Error::Code::Cancelled;
}

int blobGets(const QList<HttpRequest> &requests, const QString &digest = QString())
{
    int n = 0;
    for (const HttpRequest &r : requests)
        n += r.method == "GET" && r.path().contains(u"/blobs/"_s) && (digest.isEmpty() || r.path().endsWith(digest)) ? 1 : 0;
    return n;
}

} // namespace

class TestPull final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void pullsOnePlatformIntoAStoreSkopeoReads();
    void rePullFetchesNoBlob();
    void layersAlreadyPresentAreSkippedWhicheverRegistry();
    void singlePlatformImages_data();
    void singlePlatformImages();
    void truncatedBlobResumesWithRange();
    void resumeAnsweredWholeSkipsWhatIsThere();
    void flippedByteFailsNamingTheLayer();
    void rateLimitedThenServed();
    void rateLimitedUntilAUnixTime();
    void rateLimitedBeyondTheBound();
    void twentyThousandLayers();
    void serviceUnavailableTwice();
    void stalledBodyResumes();
    void redirectToCdnKeepsTokenHome();
    void expiredTokenMidPull();
    void oversizedManifestFailsCleanly();
    void traversalDigestIsRefused();
    void cancelKeepsStoreConsistentAndResumes();
    void sigkillThenResume();
    void twoProcessesOneStore();
    void cliReportsAndExitCodes();
    void schema1IsRefusedLeavingNothing();
    void cliOnATerminal();

private:
    [[nodiscard]] ProgramRun runWharf(const QStringList &arguments, int killAfterBytesThroughProxy = -1);
    void checkStoreClean(const ImageStore &store);
    [[nodiscard]] QString layerDigest(const QString &repository, const QString &tag, const QString &platform, int largest = 0) const;

    TestbedImages m_images;
    RegistryProcess m_registry;
    std::unique_ptr<FaultProxy> m_proxy;
    TokenServer m_tokens;
    RegistryProcess m_tokenRegistry;
    std::unique_ptr<FaultProxy> m_tokenProxy;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<ImageStore> m_store;
};

void TestPull::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions anonymous;
    anonymous.storageRoot = m_images.storageRoot();
    QVERIFY2(m_registry.start(anonymous, &error), qPrintable(error));
    m_proxy = std::make_unique<FaultProxy>(m_registry.hostPort());
    QVERIFY2(m_proxy->listen(&error), qPrintable(error));

    QVERIFY2(m_tokens.listen(&error), qPrintable(error));
    const RegistryOptions token = m_tokens.registryOptions(anonymous);
    QVERIFY2(m_tokenRegistry.start(token, &error), qPrintable(error));
    m_tokenProxy = std::make_unique<FaultProxy>(m_tokenRegistry.hostPort());
    QVERIFY2(m_tokenProxy->listen(&error), qPrintable(error));
}

void TestPull::init()
{
    m_proxy->clearRules();
    m_proxy->clearRecords();
    m_tokenProxy->clearRules();
    m_tokenProxy->clearRecords();
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = ImageStore::open(m_dir->filePath(u"store"_s));
    QVERIFY(store);
    m_store = *store;
}

QString TestPull::layerDigest(const QString &repository, const QString &tag, const QString &platform, int largest) const
{
    QList<std::pair<qint64, QString>> layers;
    for (const QJsonValue &v : m_images.image(repository, tag, platform).value(u"layers"_s).toArray())
        layers.append({v[u"size"_s].toInteger(), v[u"digest"_s].toString()});
    std::sort(layers.begin(), layers.end(), std::greater<>());
    return layers.value(largest).second;
}

void TestPull::checkStoreClean(const ImageStore &store)
{
    auto report = store.verify();
    QVERIFY(report);
    QVERIFY2(report->isClean(), qPrintable(report->problems.isEmpty() ? QString() : report->problems.first().detail));
    // Nothing partial or unverified under blobs/: every file there hashes to its name.
    QDirIterator it(store.root() + u"/blobs"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QVERIFY2(!path.contains(u".tmp"_s) && !path.contains(u"partial"_s), qPrintable(path));
    }
    // And a peer reads every stored OCI image (skopeo 1.9 cannot address Docker schema 2 entries).
    auto images = store.images();
    QVERIFY(images);
    for (const StoredImage &image : *images) {
        if (!image.manifest.mediaType.contains(u"oci"_s))
            continue;
        QProcess skopeo;
        skopeo.start(u"skopeo"_s, {u"inspect"_s, u"--raw"_s, u"oci:"_s + store.root() + u':' + image.refName});
        QVERIFY(skopeo.waitForFinished(30'000));
        QCOMPARE(skopeo.exitCode(), 0);
        QCOMPARE(Digest::sha256Of(skopeo.readAllStandardOutput()), image.manifest.digest);
    }
}

void TestPull::pullsOnePlatformIntoAStoreSkopeoReads()
{
    const QString ref = m_registry.hostPort() + u"/multi:latest"_s;
    const Pulled p = pullInto(*m_store, ref, u"linux/arm64"_s);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    QVERIFY(p.plan);
    qint64 layerBytes = 0;
    for (const QJsonValue &v : m_images.image(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s).value(u"layers"_s).toArray())
        layerBytes += v[u"size"_s].toInteger();
    QCOMPARE(p.plan->bytesToFetch, layerBytes); // known before any layer moved
    QCOMPARE(p.outcome.result.bytesFetched, layerBytes);
    QCOMPARE(p.outcome.result.image.manifest.digest.toString(), m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s));
    QCOMPARE(p.outcome.result.image.indexDigest, m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(p.outcome.result.image.platform.toString(), u"linux/arm64/v8"_s);

    auto images = m_store->images();
    QVERIFY(images);
    QCOMPARE(images->size(), 1);
    checkStoreClean(*m_store);

    QProcess skopeo;
    skopeo.start(u"skopeo"_s, {u"inspect"_s, u"--raw"_s, u"oci:"_s + m_store->root() + u':' + images->first().refName});
    QVERIFY(skopeo.waitForFinished(30'000));
    QCOMPARE(skopeo.exitCode(), 0);
    QCOMPARE(Digest::sha256Of(skopeo.readAllStandardOutput()).toString(), p.outcome.result.image.manifest.digest.toString());
}

void TestPull::rePullFetchesNoBlob()
{
    const QString ref = m_proxy->hostPort() + u"/multi:latest"_s;
    QVERIFY(!pullInto(*m_store, ref, u"linux/amd64"_s).outcome.error);
    m_proxy->clearRecords();
    QElapsedTimer clock;
    clock.start();
    const Pulled again = pullInto(*m_store, ref, u"linux/amd64"_s);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(!again.outcome.error);
    QCOMPARE(again.plan->bytesToFetch, 0);
    QCOMPARE(again.outcome.result.blobsFetched, 0);
    QCOMPARE(blobGets(m_proxy->requests()), 0); // not even the config: the store has it
    QCOMPARE(m_store->images()->size(), 1); // no duplicate entry
    qInfo("re-pull took %lld ms", elapsed);
}

void TestPull::layersAlreadyPresentAreSkippedWhicheverRegistry()
{
    // layers:base comes from the registry directly; layers:app through the proxy, another origin.
    QVERIFY(!pullInto(*m_store, m_registry.hostPort() + u"/layers:base"_s).outcome.error);
    const QStringList base = m_images.layerDigests(u"layers"_s, u"base"_s);
    const Pulled app = pullInto(*m_store, m_proxy->hostPort() + u"/layers:app"_s);
    QVERIFY2(!app.outcome.error, qPrintable(errorText(app)));
    QCOMPARE(app.plan->blobsPresent, base.size());
    for (const QString &digest : base)
        QCOMPARE(blobGets(m_proxy->requests(), digest), 0);
    checkStoreClean(*m_store);
}

void TestPull::singlePlatformImages_data()
{
    QTest::addColumn<QString>("image");
    QTest::addRow("docker v2s2") << u"docker-v2s2:latest"_s;
    QTest::addRow("zstd") << u"zstd:latest"_s;
    QTest::addRow("oci") << u"single:1.0"_s;
}

void TestPull::singlePlatformImages()
{
    QFETCH(QString, image);
    const Pulled p = pullInto(*m_store, m_registry.hostPort() + u'/' + image);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    QCOMPARE(p.outcome.result.image.manifest.digest.toString(), m_images.digest(image.section(u':', 0, 0), image.section(u':', 1)));
    checkStoreClean(*m_store);
}

void TestPull::truncatedBlobResumesWithRange()
{
    const QString digest = layerDigest(u"layers"_s, u"base"_s, QString());
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::TruncateAt{100'000}, 1});
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/layers:base"_s);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    QList<QByteArray> ranges;
    for (const HttpRequest &r : m_proxy->requests())
        if (r.path().endsWith(digest))
            ranges.append(r.header("Range"));
    QCOMPARE(ranges.size(), 2);
    QVERIFY(ranges[0].isEmpty());
    QVERIFY2(ranges[1].startsWith("bytes=") && ranges[1] != "bytes=0-", ranges[1].constData()); // resumed, not restarted
    checkStoreClean(*m_store);
}

// A server that ignores Range answers the resume with the whole blob (200): the bytes the ingest
// already has are skipped, not fetched a third time, and the digest still covers the whole blob.
void TestPull::resumeAnsweredWholeSkipsWhatIsThere()
{
    const QString digest = layerDigest(u"layers"_s, u"base"_s, QString());
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::TruncateAt{100'000}, 1});
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::IgnoreRange{}, 1}); // the resume gets a 200
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/layers:base"_s);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    QList<QByteArray> ranges;
    for (const HttpRequest &r : m_proxy->requests())
        if (r.path().endsWith(digest))
            ranges.append(r.header("Range"));
    QCOMPARE(ranges.size(), 2); // whole, then the resume answered whole
    QVERIFY(ranges[0].isEmpty());
    QCOMPARE(ranges[1], "bytes=100000-");
    QCOMPARE(m_proxy->upstreamResponses().last().status, 200);
    checkStoreClean(*m_store);
}

void TestPull::flippedByteFailsNamingTheLayer()
{
    const QString digest = layerDigest(u"layers"_s, u"base"_s, QString());
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::FlipByte{5000}, -1});
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/layers:base"_s);
    QCOMPARE(codeOf(p), Error::Code::DigestMismatch);
    QVERIFY(p.outcome.error->message().contains(digest)); // names the layer
    QVERIFY(m_store->images()->isEmpty()); // nothing half-pulled in the index
    QVERIFY(!m_store->hasBlob(*Digest::parse(digest)));
    checkStoreClean(*m_store);
}

void TestPull::rateLimitedThenServed()
{
    const QString digest = layerDigest(u"single"_s, u"1.0"_s, QString());
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::Status{429, {{"Retry-After", "1"}}, {}}, 1});
    QElapsedTimer clock;
    clock.start();
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/single:1.0"_s);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    QVERIFY(clock.elapsed() >= 950);
    QCOMPARE(blobGets(m_proxy->requests(), digest), 2);
}

// Docker Hub has been seen sending Retry-After as a Unix time: a number above 10^9 is a moment.
// It used to be read as ~1.7 billion seconds, and the pull ended at once.
void TestPull::rateLimitedUntilAUnixTime()
{
    const QString digest = layerDigest(u"single"_s, u"1.0"_s, QString());
    const QByteArray inTwoSeconds = QByteArray::number(QDateTime::currentSecsSinceEpoch() + 2);
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::Status{429, {{"Retry-After", inTwoSeconds}}, {}}, 1});
    QElapsedTimer clock;
    clock.start();
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/single:1.0"_s);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    QVERIFY(clock.elapsed() >= 900);
    QVERIFY(clock.elapsed() < 20'000);
    QCOMPARE(blobGets(m_proxy->requests(), digest), 2);
    checkStoreClean(*m_store);
}

// A wait longer than the documented bound (60 s) is not waited: one line saying when to try again,
// and no hammering in the meantime.
void TestPull::rateLimitedBeyondTheBound()
{
    const QString digest = layerDigest(u"single"_s, u"1.0"_s, QString());
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::Status{429, {{"Retry-After", "7200"}}, {}}, -1});
    QElapsedTimer clock;
    clock.start();
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/single:1.0"_s);
    QCOMPARE(codeOf(p), Error::Code::RateLimited);
    QVERIFY2(errorText(p).contains(u"try again in 2 hour"_s) && errorText(p).contains(u"UTC)"_s), qPrintable(errorText(p)));
    QVERIFY(clock.elapsed() < 10'000);
    QCOMPARE(blobGets(m_proxy->requests(), digest), 1);
    QVERIFY(m_store->images()->isEmpty());
    checkStoreClean(*m_store);
}

// A registry may serve a manifest of 20,000 layers (2.4 MB, under the 4 MiB cap). The pull holds a
// file, lock or lease only for the layers it is transferring, ends at the first layer the registry
// does not have with one line, and leaves nothing `wharf gc` would not remove; inspecting it stays
// quick and small.
void TestPull::twentyThousandLayers()
{
    QFile file(m_images.layoutPath() + u"/blobs/sha256/"_s + m_images.digest(u"single"_s, u"1.0"_s).mid(7));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject real = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray layers;
    for (int i = 0; i < 20'000; ++i) {
        layers.append(QJsonObject{{u"mediaType"_s, u"application/vnd.oci.image.layer.v1.tar+gzip"_s},
                                  {u"digest"_s, Digest::sha256Of(QByteArray::number(i)).toString()},
                                  {u"size"_s, 1000 + i}});
    }
    const QJsonObject manifest{{u"schemaVersion"_s, 2},
                               {u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
                               {u"config"_s, real[u"config"_s]},
                               {u"layers"_s, layers}};
    const QByteArray bytes = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    QVERIFY(bytes.size() > 2'000'000 && bytes.size() < 4 * 1024 * 1024);
    m_proxy->addRule(
        {"GET", FaultRule::manifestPath(u"1.0"_s), fault::ReplaceBody{bytes, "application/vnd.oci.image.manifest.v1+json"}, -1});
    const QString ref = m_proxy->hostPort() + u"/single:1.0"_s;

    QElapsedTimer clock;
    clock.start();
    const ProgramRun pulled = runWharf({u"pull"_s, ref, u"--store"_s, m_store->root()});
    const qint64 pullMs = clock.elapsed();
    QCOMPARE(pulled.exitCode, 1);
    QCOMPARE(pulled.errLines().size(), 1);
    QVERIFY2(pulled.err.contains("not found"), pulled.err.constData());
    QVERIFY2(pullMs < 15'000, qPrintable(QString::number(pullMs)));
    QVERIFY(blobGets(m_proxy->requests()) < 100); // it stopped, it did not try them all
    const QStringList ingest = QDir(m_store->root() + u"/ingest"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    QVERIFY2(ingest.isEmpty(), qPrintable(ingest.join(u' ')));
    const QStringList leases = QDir(m_store->root() + u"/leases"_s).entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(leases.isEmpty(), qPrintable(leases.join(u' ')));
    QVERIFY(m_store->images()->isEmpty());
    // What the pull stored on the way (the manifest and config) is garbage to gc, and gc takes it.
    QCOMPARE(runWharf({u"gc"_s, u"--store"_s, m_store->root()}).exitCode, 0);
    QVERIFY(QDir(m_store->root() + u"/blobs/sha256"_s).entryList(QDir::Files).isEmpty());
    checkStoreClean(*m_store);

    clock.restart();
    const ProgramRun inspected =
        runProgram(u"/usr/bin/time"_s, {u"-f"_s, u"maxrss-kib=%M"_s, QStringLiteral(WHARF_EXECUTABLE), u"inspect"_s, ref, u"--json"_s},
                   testEnvironment());
    const qint64 inspectMs = clock.elapsed();
    QCOMPARE(inspected.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(inspected.out).object()[u"layers"_s].toArray().size(), 20'000);
    QVERIFY2(inspectMs < 10'000, qPrintable(QString::number(inspectMs)));
    const QByteArray rss = inspected.err.mid(inspected.err.lastIndexOf("maxrss-kib=") + 11).trimmed();
    qInfo("20,000 layers: pull failed in %lld ms, inspect took %lld ms and %s KiB", pullMs, inspectMs, rss.constData());
    QVERIFY(rss.toLongLong() > 0);
#ifndef __SANITIZE_ADDRESS__ // AddressSanitizer's shadow memory and quarantine multiply the figure
    QVERIFY2(rss.toLongLong() < 400 * 1024, rss.constData());
#endif
}

void TestPull::serviceUnavailableTwice()
{
    const QString digest = layerDigest(u"single"_s, u"1.0"_s, QString());
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::Status{503, {}, "busy"}, 2});
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/single:1.0"_s);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    QCOMPARE(blobGets(m_proxy->requests(), digest), 3);
    checkStoreClean(*m_store);
}

void TestPull::stalledBodyResumes()
{
    const QString digest = layerDigest(u"layers"_s, u"base"_s, QString());
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::StallAt{200'000}, 1});
    PullEngine::Options options = fastOptions();
    options.client.transferTimeoutMs = 400;
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/layers:base"_s, QString(), options);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    bool resumed = false;
    for (const HttpRequest &r : m_proxy->requests())
        resumed = resumed || (r.path().endsWith(digest) && r.header("Range").startsWith("bytes=2"));
    QVERIFY(resumed);
    checkStoreClean(*m_store);
}

void TestPull::redirectToCdnKeepsTokenHome()
{
    BlobCdn cdn(m_images.storageRoot());
    QVERIFY(cdn.listen());
    m_tokenProxy->addRule({"GET", FaultRule::blobPath(), fault::RedirectTo{cdn.baseUrl()}, -1});
    const Pulled p = pullInto(*m_store, m_tokenProxy->hostPort() + u"/layers:app"_s);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    QVERIFY(cdn.requestCount() > 0);
    for (const HttpRequest &r : cdn.requests())
        QVERIFY(!r.hasHeader("Authorization"));
    bool bearerAtRegistry = false;
    for (const HttpRequest &r : m_tokenProxy->requests())
        bearerAtRegistry = bearerAtRegistry || r.header("Authorization").startsWith("Bearer ");
    QVERIFY(bearerAtRegistry);
    checkStoreClean(*m_store);
}

void TestPull::expiredTokenMidPull()
{
    // Resolve with a good token, then every layer request first meets an expired one.
    const Pulled warm = pullInto(*m_store, m_tokenProxy->hostPort() + u"/single:1.0"_s);
    QVERIFY(!warm.outcome.error);
    auto other = ImageStore::open(m_dir->filePath(u"other"_s));
    QVERIFY(other);
    m_tokens.issueExpiredTokens(1);
    const int before = m_tokens.tokensIssued();
    const Pulled p = pullInto(*other, m_tokenProxy->hostPort() + u"/single:1.0"_s);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    QVERIFY(m_tokens.tokensIssued() - before >= 2); // the expired one, then a fresh one
    checkStoreClean(*other);
}

void TestPull::oversizedManifestFailsCleanly()
{
    const QByteArray huge = "{\"schemaVersion\":2," + QByteArray(5 * 1024 * 1024, ' ') + "}";
    m_proxy->addRule(
        {"GET", FaultRule::manifestPath(u"1.0"_s), fault::ReplaceBody{huge, "application/vnd.oci.image.manifest.v1+json"}, -1});
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/single:1.0"_s);
    QCOMPARE(codeOf(p), Error::Code::TooLarge);
    QVERIFY(m_store->images()->isEmpty());
    QCOMPARE(blobGets(m_proxy->requests()), 0);
}

void TestPull::traversalDigestIsRefused()
{
    QFile file(m_images.layoutPath() + u"/blobs/sha256/"_s + m_images.digest(u"single"_s, u"1.0"_s).mid(7));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray manifest = file.readAll();
    const QString digest = layerDigest(u"single"_s, u"1.0"_s, QString());
    manifest.replace(digest.toUtf8(), "sha256:../../../../../../tmp/wharf-pwned");
    m_proxy->addRule(
        {"GET", FaultRule::manifestPath(u"1.0"_s), fault::ReplaceBody{manifest, "application/vnd.oci.image.manifest.v1+json"}, -1});
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/single:1.0"_s);
    QCOMPARE(codeOf(p), Error::Code::InvalidDigest);
    QVERIFY(!QFile::exists(u"/tmp/wharf-pwned"_s));
    QCOMPARE(blobGets(m_proxy->requests()), 0);
    for (const HttpRequest &r : m_proxy->requests())
        QVERIFY(!r.target.contains(".."));
}

void TestPull::cancelKeepsStoreConsistentAndResumes()
{
    const QString digest = layerDigest(u"layers"_s, u"base"_s, QString());
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::StallAt{300'000}, 1});
    {
        PullEngine::Options options = fastOptions();
        options.client.transferTimeoutMs = 20'000; // the stall alone would hold the pull this long
        PullEngine engine(*m_store, options);
        PullRequest request;
        request.reference = *ImageReference::parseDockerRef(QString(m_proxy->hostPort() + u"/layers:base"_s));
        PullHandle *handle = engine.pull(request);
        QSignalSpy finished(handle, &PullHandle::finished);
        QSignalSpy applied(m_proxy.get(), &FaultProxy::faultApplied);
        QVERIFY(applied.wait(20'000));
        QTest::qWait(300); // bytes up to the stall are in the ingest
        QElapsedTimer clock;
        clock.start();
        handle->cancel();
        QVERIFY(finished.wait(20'000));
        QVERIFY2(clock.elapsed() < 2000, "cancel must not wait for a stalled transfer to time out");
        QCOMPARE(handle->outcome().error->code(), Error::Code::Cancelled);
    }
    QVERIFY(m_store->images()->isEmpty());
    checkStoreClean(*m_store);
    m_proxy->clearRules();
    m_proxy->clearRecords();
    const Pulled p = pullInto(*m_store, m_proxy->hostPort() + u"/layers:base"_s);
    QVERIFY2(!p.outcome.error, qPrintable(errorText(p)));
    const PullBlob resumed = *std::find_if(p.plan->blobs.cbegin(), p.plan->blobs.cend(),
                                           [&digest](const PullBlob &b) { return b.descriptor.digest.toString() == digest; });
    QVERIFY2(resumed.resumedFrom >= 300'000, qPrintable(QString::number(resumed.resumedFrom)));
    bool ranged = false;
    for (const HttpRequest &r : m_proxy->requests())
        ranged = ranged || (r.path().endsWith(digest) && r.header("Range") == "bytes=" + QByteArray::number(resumed.resumedFrom) + '-');
    QVERIFY(ranged);
    checkStoreClean(*m_store);
}

ProgramRun TestPull::runWharf(const QStringList &arguments, int killAfterBytesThroughProxy)
{
    if (killAfterBytesThroughProxy < 0)
        return runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments, testEnvironment(), {}, 60'000);
    // Killed once the proxy has applied its fault (the stall), with bytes already in the ingest.
    QProcess process;
    process.setProcessEnvironment(testEnvironment());
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(WHARF_EXECUTABLE), arguments);
    if (!process.waitForStarted(5000))
        return {};
    QSignalSpy applied(m_proxy.get(), &FaultProxy::faultApplied);
    if (applied.wait(20'000)) {
        QTest::qWait(300);
        ::kill(pid_t(process.processId()), SIGKILL); // no chance to clean up
    }
    if (!finished.wait(60'000))
        process.kill();
    return ProgramRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -9, process.readAllStandardOutput(),
                      process.readAllStandardError()};
}

void TestPull::sigkillThenResume()
{
    const QString digest = layerDigest(u"layers"_s, u"base"_s, QString());
    m_proxy->addRule({"GET", FaultRule::blobPath(digest), fault::StallAt{250'000}, 1});
    const QStringList args{u"pull"_s, m_proxy->hostPort() + u"/layers:base"_s, u"--store"_s, m_store->root()};
    const ProgramRun killed = runWharf(args, 0);
    QCOMPARE(killed.exitCode, -9);
    QVERIFY(m_store->images()->isEmpty());
    checkStoreClean(*m_store);

    m_proxy->clearRules();
    m_proxy->clearRecords();
    const ProgramRun again = runWharf(args);
    QCOMPARE(again.exitCode, 0);
    QByteArray range;
    for (const HttpRequest &r : m_proxy->requests())
        if (r.path().endsWith(digest))
            range = r.header("Range");
    QVERIFY2(range.startsWith("bytes=") && range.mid(6).split('-').first().toLongLong() >= 250'000, range.constData());
    QCOMPARE(m_store->images()->size(), 1);
    checkStoreClean(*m_store);
}

void TestPull::twoProcessesOneStore()
{
    QProcess a, b;
    QSignalSpy aDone(&a, &QProcess::finished), bDone(&b, &QProcess::finished);
    a.start(QStringLiteral(WHARF_EXECUTABLE), {u"pull"_s, m_registry.hostPort() + u"/layers:app"_s, u"--store"_s, m_store->root()});
    b.start(QStringLiteral(WHARF_EXECUTABLE), {u"pull"_s, m_registry.hostPort() + u"/layers:base"_s, u"--store"_s, m_store->root()});
    QVERIFY(aDone.wait(60'000) || a.state() == QProcess::NotRunning);
    QVERIFY(bDone.count() > 0 || bDone.wait(60'000));
    QCOMPARE(a.exitCode(), 0);
    QCOMPARE(b.exitCode(), 0);
    QCOMPARE(m_store->images()->size(), 2);
    checkStoreClean(*m_store);
}

void TestPull::cliReportsAndExitCodes()
{
    const ProgramRun ok = runWharf({u"pull"_s, m_registry.hostPort() + u"/multi:latest"_s, u"--platform"_s, u"linux/arm/v7"_s, u"--store"_s,
                                    m_store->root(), u"--jobs"_s, u"2"_s});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.contains(m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm/v7"_s).toUtf8()));
    QVERIFY(ok.err.isEmpty()); // quiet when stderr is not a terminal
    QCOMPARE(runWharf({u"pull"_s, u"Bad:Ref"_s, u"--store"_s, m_store->root()}).exitCode, 2);
    QCOMPARE(runWharf({u"pull"_s, m_registry.hostPort() + u"/multi"_s, u"--jobs"_s, u"0"_s}).exitCode, 2);
    const ProgramRun missing = runWharf({u"pull"_s, m_registry.hostPort() + u"/nope:1"_s, u"--store"_s, m_store->root()});
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.err.trimmed().split('\n').size(), 1);
}

// Docker schema 1 is read, never pulled: one typed error, in one line from the CLI, naming the
// format, and nothing in the store — no blob, no partial download, no lease, no index entry.
void TestPull::schema1IsRefusedLeavingNothing()
{
    RegistryProcess registry;
    RegistryOptions options;
    options.schema1Pushes = true;
    QString error;
    QVERIFY2(registry.start(options, &error), qPrintable(error));
    const auto schema1 = Schema1Image::push(m_images, registry, u"old:1.0"_s, &error);
    QVERIFY2(schema1, qPrintable(error));

    const Pulled pulled = pullInto(*m_store, schema1->reference);
    QCOMPARE(codeOf(pulled), Error::Code::UnsupportedMediaType);
    QVERIFY(!pulled.plan); // refused before any plan, so before any byte moved

    const ProgramRun cli = runWharf({u"pull"_s, schema1->reference, u"--store"_s, m_store->root()});
    QCOMPARE(cli.exitCode, 1);
    QVERIFY(cli.out.isEmpty());
    QCOMPARE(cli.errLines().size(), 1);
    QVERIFY2(cli.err.startsWith("wharf: error: "), cli.err.constData());
    QVERIFY2(cli.err.contains("Docker schema 1"), cli.err.constData());
    QVERIFY2(cli.err.contains("application/vnd.docker.distribution.manifest.v1+prettyjws"), cli.err.constData());
    QVERIFY2(cli.err.contains("not pull"), cli.err.constData());

    // Every file in the store is the layout it started as.
    QStringList files;
    QDirIterator it(m_store->root(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(m_store->root()).relativeFilePath(it.next()));
    files.sort();
    QCOMPARE(files, (QStringList{u"index.json"_s, u"oci-layout"_s}));
    QVERIFY(m_store->images()->isEmpty());
    checkStoreClean(*m_store);
}

namespace {

// The lines a terminal would show after `output` (carriage returns, "ESC[nF" up n lines, "ESC[2K"
// clear line), and whether any cursor move went above the first line the pull drew after its
// header — that is, whether progress ever overwrote the header.
struct Screen
{
    QStringList lines;
    bool headerOverwritten = false;
};

Screen replay(const QByteArray &output, const QByteArray &headerMarker)
{
    Screen screen;
    int row = 0;
    int headerRow = -1;
    QByteArray current;
    const auto put = [&] {
        while (screen.lines.size() <= row)
            screen.lines.append(QString());
        if (!current.isEmpty())
            screen.lines[row] = QString::fromUtf8(current);
        if (headerRow < 0 && current.contains(headerMarker))
            headerRow = row;
        current.clear();
    };
    for (qsizetype i = 0; i < output.size(); ++i) {
        const char c = output[i];
        if (c == '\x1b' && i + 1 < output.size() && output[i + 1] == '[') {
            qsizetype j = i + 2;
            while (j < output.size() && std::isdigit(static_cast<unsigned char>(output[j])))
                ++j;
            const int n = output.mid(i + 2, j - i - 2).toInt();
            if (j < output.size() && output[j] == 'F') {
                put();
                row -= n;
                if (headerRow >= 0 && row <= headerRow)
                    screen.headerOverwritten = true;
            } else if (j < output.size() && output[j] == 'K') {
                current.clear();
                while (screen.lines.size() <= row)
                    screen.lines.append(QString());
                screen.lines[row].clear();
            }
            i = j;
        } else if (c == '\n') {
            put();
            ++row;
        } else if (c != '\r') {
            current += c;
        }
    }
    put();
    screen.lines.removeAll(QString());
    return screen;
}

} // namespace

// `wharf pull` on a terminal, over a slow link (every blob answer delayed): the header line with
// the right counts stays, the bars never climb over it, sizes are in IEC units, and a re-pull says
// every layer is present (the config is no layer).
void TestPull::cliOnATerminal()
{
    m_proxy->addRule({"GET", FaultRule::blobPath(), fault::DelayMs{400}, -1});
    const QString ref = m_proxy->hostPort() + u"/layers:app"_s;
    const int layers = int(m_images.image(u"layers"_s, u"app"_s, QString()).value(u"layers"_s).toArray().size());
    QVERIFY(layers >= 2);
    const auto onTerminal = [&](const QString &label) {
        QStringList command{QStringLiteral(WHARF_EXECUTABLE), u"pull"_s, ref, u"--store"_s, m_store->root(), u"--jobs"_s, u"2"_s};
        for (QString &word : command)
            word = u'\'' + word + u'\'';
        const ProgramRun run = runProgram(u"script"_s, {u"-qfec"_s, command.join(u' '), u"/dev/null"_s}, testEnvironment(), {}, 60'000);
        if (run.exitCode != 0)
            qWarning("%s: %s", qPrintable(label), run.out.constData());
        return run;
    };

    const ProgramRun first = onTerminal(u"first pull"_s);
    QCOMPARE(first.exitCode, 0);
    const Screen screen = replay(first.out, "layers:app (linux/amd64)");
    QVERIFY2(!screen.headerOverwritten, first.out.constData());
    QVERIFY2(screen.lines.first().contains(u"%1 layers, 0 already present; "_s.arg(layers)), qPrintable(screen.lines.join(u'\n')));
    QVERIFY2(screen.lines.first().contains(u"KiB to fetch"_s) || screen.lines.first().contains(u"MiB to fetch"_s),
             qPrintable(screen.lines.first()));
    QVERIFY(first.out.contains("\x1b[")); // progress was drawn
    QVERIFY2(screen.lines.last().startsWith(u"Pulled "_s), qPrintable(screen.lines.join(u'\n')));
    QVERIFY(screen.lines.last().contains(u"0 layers already present"_s));
    // The last progress line keeps the average rate over the transfer, not a decayed instant one.
    QVERIFY2(screen.lines.at(screen.lines.size() - 2).contains(u"%1 of %1 layers"_s.arg(layers)), qPrintable(screen.lines.join(u'\n')));
    QVERIFY(!screen.lines.at(screen.lines.size() - 2).contains(u"  0 bytes/s"_s));

    const ProgramRun again = onTerminal(u"re-pull"_s);
    QCOMPARE(again.exitCode, 0);
    const Screen second = replay(again.out, "layers:app (linux/amd64)");
    QVERIFY2(second.lines.first().contains(u"%1 layers, %1 already present; 0 bytes to fetch"_s.arg(layers)),
             qPrintable(second.lines.join(u'\n')));
    QVERIFY(second.lines.last().contains(u"%1 layers already present"_s.arg(layers)));
}

QTEST_GUILESS_MAIN(TestPull)
#include "tst_pull.moc"
