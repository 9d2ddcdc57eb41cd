// Blob downloads redirected to CDNs as Docker Hub does it in 2026 (docker-hub-api-2026.md §7): the
// registry (behind bearer tokens, through the fault proxy) answers every blob GET with a 307 to a
// link signed just then, S3 SigV4 style with X-Amz-Expires, on one of two CDNs taken in turn per
// blob (Cloudflare, then CloudFront). Both CDNs refuse expired links and links signed for the other
// one (403 with S3's XML), and refuse any request carrying Authorization (400, as R2 did). So a
// pull only works if Wharf never reuses a link — not for a retry, a resume or the next pull —,
// resumes by asking the registry again and sending Range to the fresh link, takes a fresh link
// when one has expired (a few times at most, then one clear error) and keeps its token home.
#include "credentials/StaticCredentialSource.h"
#include "pull/PullEngine.h"
#include "pull/PullHandle.h"
#include "registry/BlobJob.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include "BlobCdn.h"
#include "CdnRedirects.h"
#include "FaultProxy.h"
#include "RegistryProcess.h"
#include "TestSupport.h"
#include "TestbedImages.h"
#include "TokenServer.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr int kCloudflare = 0;
constexpr int kCloudFront = 1;

PullEngine::Options fastOptions()
{
    PullEngine::Options o;
    o.workers = 4;
    o.client.retry.maxAttempts = 3;
    o.client.retry.baseDelayMs = 20;
    o.client.transferTimeoutMs = 1500;
    return o;
}

struct Pulled
{
    PullOutcome outcome;
    [[nodiscard]] QString errorText() const { return outcome.error ? outcome.error->message() : QString(); }
    [[nodiscard]] Error::Code code() const { return outcome.error ? outcome.error->code() : Error::Code::Cancelled; }
};

Pulled pullInto(const ImageStore &store, const QString &reference, PullEngine::Options options = fastOptions())
{
    PullEngine engine(store, options);
    PullRequest request;
    request.reference = *ImageReference::parseDockerRef(reference);
    PullHandle *handle = engine.pull(request);
    QSignalSpy finished(handle, &PullHandle::finished);
    if (!finished.wait(60'000))
        qWarning("pull of %s did not finish", qPrintable(reference));
    return Pulled{handle->outcome()};
}

struct Fetched
{
    int status = 0;
    QByteArray body;
};

Fetched fetch(QNetworkAccessManager &network, const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10'000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

} // namespace

class TestCdn final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // the test bed: what the CDNs accept and refuse
    void cdnAcceptsOnlyItsOwnFreshLinks();

    // pulls
    void pullFollowsAFreshLinkForEveryBlob();
    void resumeAsksTheRegistryForAFreshLink_data();
    void resumeAsksTheRegistryForAFreshLink();
    void expiredLinkIsReplacedByAFreshOne_data();
    void expiredLinkIsReplacedByAFreshOne();
    void linksThatKeepExpiringFailThePull();
    void cliSaysTheLinkExpired();
    void cdnChallengeGetsNoCredentials();

private:
    [[nodiscard]] QString bigLayer() const; // layers:base's ~1 MiB layer
    [[nodiscard]] QString reference(const QString &image) const { return m_proxy->hostPort() + u'/' + image; }
    // Every request a CDN received carried the newest link the registry had handed out for its
    // blob, every link was used, and no request carried Authorization.
    void checkLinksWereFresh();
    [[nodiscard]] QList<std::pair<int, HttpRequest>> cdnRequests(const QString &digest) const; // in order, per CDN
    void checkStoreHasNoLitter(const ImageStore &store);

    TestbedImages m_images;
    TokenServer m_tokens;
    RegistryProcess m_registry;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<BlobCdn> m_cdns[2];
    std::unique_ptr<CdnRedirects> m_redirects;
    int m_rule = -1;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<ImageStore> m_store;
    QNetworkAccessManager m_network;
};

void TestCdn::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    options.readOnly = true;
    QVERIFY2(m_tokens.listen(&error), qPrintable(error));
    QVERIFY2(m_registry.start(m_tokens.registryOptions(options), &error), qPrintable(error));
    m_proxy = std::make_unique<FaultProxy>(m_registry.hostPort());
    QVERIFY2(m_proxy->listen(&error), qPrintable(error));
    for (auto &cdn : m_cdns) {
        cdn = std::make_unique<BlobCdn>(m_images.storageRoot());
        QVERIFY2(cdn->listen(&error), qPrintable(error));
    }
}

void TestCdn::init()
{
    m_proxy->clearRules();
    m_proxy->clearRecords();
    for (auto &cdn : m_cdns) {
        cdn->clearRequests();
        cdn->setRequireSignedLinks(true);
        cdn->setRefuseAuthorization(true);
        cdn->setIgnoreRange(false);
        cdn->cutNextBodies(-1, 0);
    }
    m_redirects = std::make_unique<CdnRedirects>(QList<BlobCdn *>{m_cdns[kCloudflare].get(), m_cdns[kCloudFront].get()});
    m_rule = m_proxy->addRule({"GET", FaultRule::blobPath(), m_redirects->action(), -1});
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = ImageStore::open(m_dir->filePath(u"store"_s));
    QVERIFY(store);
    m_store = *store;
}

void TestCdn::cleanup()
{
    if (!QTest::currentTestFailed())
        return;
    for (int i : {kCloudflare, kCloudFront}) {
        const QList<HttpRequest> requests = m_cdns[i]->requests();
        const QList<int> statuses = m_cdns[i]->statuses();
        for (qsizetype n = 0; n < requests.size(); ++n)
            qInfo("CDN %d: …%s Range=%s -> %d", i, requests[n].path().right(24).toLatin1().constData(),
                  requests[n].header("Range").constData(), statuses.value(n));
    }
}

QString TestCdn::bigLayer() const
{
    QList<std::pair<qint64, QString>> layers;
    for (const QJsonValue &v : m_images.image(u"layers"_s, u"base"_s).value(u"layers"_s).toArray())
        layers.append({v[u"size"_s].toInteger(), v[u"digest"_s].toString()});
    std::ranges::sort(layers, std::greater<>());
    return layers.first().second;
}

QList<std::pair<int, HttpRequest>> TestCdn::cdnRequests(const QString &digest) const
{
    const QString hex = digest.mid(7);
    QList<std::pair<int, HttpRequest>> found;
    for (int i : {kCloudflare, kCloudFront})
        for (const HttpRequest &r : m_cdns[i]->requests())
            if (r.path().contains(hex))
                found.append({i, r});
    return found;
}

void TestCdn::checkLinksWereFresh()
{
    for (const HttpRequest &r : m_redirects->staleRequests())
        QFAIL(qPrintable(u"a CDN got a link that was not the newest for its blob: "_s + QString::fromLatin1(r.target)));
    for (const CdnRedirects::Link &link : m_redirects->links())
        QVERIFY2(link.uses > 0, "a link the registry handed out was never followed");
    for (int i : {kCloudflare, kCloudFront}) {
        for (const HttpRequest &r : m_cdns[i]->requests())
            QVERIFY2(!r.hasHeader("Authorization"), "the registry's Authorization reached a CDN");
        QVERIFY(!m_cdns[i]->statuses().contains(400));
    }
}

void TestCdn::checkStoreHasNoLitter(const ImageStore &store)
{
    auto report = store.verify();
    QVERIFY(report);
    QVERIFY2(report->isClean(), qPrintable(report->problems.isEmpty() ? QString() : report->problems.first().detail));
    QDirIterator it(store.root() + u"/blobs"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QVERIFY2(!path.contains(u".tmp"_s) && !path.contains(u"partial"_s), qPrintable(path));
    }
    for (const QString &folder : {u"ingest"_s, u"leases"_s}) {
        const QStringList left = QDir(store.root() + u'/' + folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(folder + u": "_s + left.join(u' ')));
    }
}

// --- the test bed -------------------------------------------------------------------------------

void TestCdn::cdnAcceptsOnlyItsOwnFreshLinks()
{
    const QString digest = bigLayer();
    BlobCdn &cloudflare = *m_cdns[kCloudflare];
    BlobCdn &cloudfront = *m_cdns[kCloudFront];
    const QUrl link = cloudflare.signedLink(digest);
    QVERIFY(link.path().endsWith(u"/data"_s));
    const QUrlQuery query(link);
    for (const QString &key :
         {u"X-Amz-Algorithm"_s, u"X-Amz-Credential"_s, u"X-Amz-Date"_s, u"X-Amz-SignedHeaders"_s, u"X-Amz-Signature"_s})
        QVERIFY2(query.hasQueryItem(key), qPrintable(key));
    QCOMPARE(query.queryItemValue(u"X-Amz-Expires"_s), u"1200"_s);

    const Fetched good = fetch(m_network, link);
    QCOMPARE(good.status, 200);
    QCOMPARE(Digest::sha256Of(good.body).toString(), digest);
    const Fetched ranged = fetch(m_network, link, {{"Range", "bytes=1000-"}});
    QCOMPARE(ranged.status, 206);
    QCOMPARE(ranged.body, good.body.mid(1000));

    // The same link at the other CDN: the signature covers the host and each CDN has its own key.
    QUrl moved = link;
    moved.setPort(cloudfront.baseUrl().port());
    const Fetched elsewhere = fetch(m_network, moved);
    QCOMPARE(elsewhere.status, 403);
    QVERIFY(elsewhere.body.contains("<Code>SignatureDoesNotMatch</Code>"));

    const Fetched expired = fetch(m_network, cloudflare.signedLink(digest, QDateTime::currentDateTimeUtc().addSecs(-1300)));
    QCOMPARE(expired.status, 403);
    QVERIFY(expired.body.contains("<Code>AccessDenied</Code><Message>Request has expired</Message>"));

    QUrl tampered = link;
    QUrlQuery changed(link);
    changed.removeQueryItem(u"X-Amz-Expires"_s);
    changed.addQueryItem(u"X-Amz-Expires"_s, u"604800"_s);
    tampered.setQuery(changed);
    QCOMPARE(fetch(m_network, tampered).status, 403);

    QUrl unsigned_ = link;
    unsigned_.setQuery(QString());
    const Fetched bare = fetch(m_network, unsigned_);
    QCOMPARE(bare.status, 403);
    QVERIFY(bare.body.contains("<Code>AccessDenied</Code>"));

    const Fetched withAuth = fetch(m_network, link, {{"Authorization", "Bearer abc"}});
    QCOMPARE(withAuth.status, 400);
    QVERIFY(withAuth.body.contains("<Code>InvalidRequest</Code><Message>Missing x-amz-content-sha256</Message>"));
    QCOMPARE(cloudflare.statuses(), (QList<int>{200, 206, 403, 403, 403, 400}));
    QCOMPARE(cloudfront.statuses(), QList<int>{403});

    // The registry hands out a fresh link per request, to the CDNs in turn for each blob.
    const QUrl registryUrl(m_proxy->baseUrl().toString() + u"/v2/layers/blobs/"_s + digest);
    const Fetched challenged = fetch(m_network, registryUrl);
    QCOMPARE(challenged.status, 401); // no token: the registry says no, and no link is made
    QCOMPARE(m_redirects->linkCount(), 0);
}

// --- pulls --------------------------------------------------------------------------------------

void TestCdn::pullFollowsAFreshLinkForEveryBlob()
{
    const Pulled first = pullInto(*m_store, reference(u"layers:app"_s));
    QVERIFY2(!first.outcome.error, qPrintable(first.errorText()));
    checkStoreHasNoLitter(*m_store);
    const int blobs = m_redirects->linkCount();
    QCOMPARE(blobs, m_images.layerDigests(u"layers"_s, u"app"_s).size() + 1); // the layers and the config
    QCOMPARE(m_proxy->applied(m_rule), blobs);
    QVERIFY(m_cdns[kCloudflare]->requestCount() > 0);
    QCOMPARE(m_cdns[kCloudFront]->requestCount(), 0); // each blob's first link goes to Cloudflare
    checkLinksWereFresh();
    bool bearerAtRegistry = false;
    for (const HttpRequest &r : m_proxy->requests())
        bearerAtRegistry = bearerAtRegistry || r.header("Authorization").startsWith("Bearer ");
    QVERIFY(bearerAtRegistry);

    // The next pull asks the registry again for every blob: no link survives a pull. Had it kept
    // one, it would have gone to Cloudflare; the registry now sends each blob to CloudFront.
    auto other = ImageStore::open(m_dir->filePath(u"other"_s));
    QVERIFY(other);
    const Pulled second = pullInto(*other, reference(u"layers:app"_s));
    QVERIFY2(!second.outcome.error, qPrintable(second.errorText()));
    QCOMPARE(m_redirects->linkCount(), 2 * blobs);
    QCOMPARE(m_cdns[kCloudFront]->requestCount(), blobs);
    checkLinksWereFresh();
    checkStoreHasNoLitter(*other);
}

void TestCdn::resumeAsksTheRegistryForAFreshLink_data()
{
    QTest::addColumn<bool>("stall");
    QTest::addColumn<bool>("ignoreRange");
    QTest::addRow("truncated") << false << false;
    QTest::addRow("stalled") << true << false;
    QTest::addRow("resumed on a CDN that ignores Range") << false << true;
}

// The first transfer of the big layer breaks off at Cloudflare after 100,000 bytes. The resume must
// go to the registry, follow its fresh link to CloudFront and ask there for the rest; a reused link
// would go to Cloudflare (where it is stale). A CDN that answers the range with the whole blob
// (200) has the first 100,000 bytes skipped, not fetched a third time. (Qt itself may send the
// broken request once more on a new connection before it reports the break — the same link, at
// once, so not stale — hence no exact count of Cloudflare's requests.)
void TestCdn::resumeAsksTheRegistryForAFreshLink()
{
    QFETCH(bool, stall);
    QFETCH(bool, ignoreRange);
    const QString digest = bigLayer();
    const qint64 size = QFileInfo(BlobCdn::blobFile(m_images.storageRoot(), digest)).size();
    constexpr qint64 kCut = 100'000;
    m_cdns[kCloudflare]->cutNextBodies(kCut, 1, stall);
    m_cdns[kCloudFront]->setIgnoreRange(ignoreRange);
    PullEngine::Options options = fastOptions();
    if (stall)
        options.client.transferTimeoutMs = 400;

    const Pulled p = pullInto(*m_store, reference(u"layers:base"_s), options);
    QVERIFY2(!p.outcome.error, qPrintable(p.errorText()));
    checkStoreHasNoLitter(*m_store);
    QVERIFY(m_store->hasBlob(*Digest::parse(digest)));

    // The registry was asked again, and its fresh link (not the old one) got the Range.
    QCOMPARE(m_redirects->linkCount(digest), 2);
    const auto requests = cdnRequests(digest);
    QCOMPARE(requests.first().first, kCloudflare);
    QVERIFY(!requests.first().second.hasHeader("Range"));
    QCOMPARE(requests.last().first, kCloudFront);
    QCOMPARE(requests.last().second.header("Range"), "bytes=" + QByteArray::number(kCut) + '-');
    QCOMPARE(m_cdns[kCloudFront]->statuses(), QList<int>{ignoreRange ? 200 : 206});
    QCOMPARE(m_cdns[kCloudFront]->bytesServed(), ignoreRange ? size : size - kCut);
    checkLinksWereFresh();
}

void TestCdn::expiredLinkIsReplacedByAFreshOne_data()
{
    QTest::addColumn<QString>("blob");
    QTest::addRow("layer") << u"layer"_s; // streamed into the store
    QTest::addRow("config") << u"config"_s; // read into memory while the image resolves
}

// Cloudflare refuses the first link as expired (403, "Request has expired"): Wharf asks the
// registry again and takes the fresh link to CloudFront, without the registry's token.
void TestCdn::expiredLinkIsReplacedByAFreshOne()
{
    QFETCH(QString, blob);
    const QString digest = blob == u"layer"_s
        ? bigLayer()
        : m_images.image(u"layers"_s, u"base"_s).value(u"config"_s).toObject().value(u"digest"_s).toString();
    QVERIFY(digest.startsWith(u"sha256:"_s));
    m_redirects->expireLinks(digest, 1);

    const Pulled p = pullInto(*m_store, reference(u"layers:base"_s));
    QVERIFY2(!p.outcome.error, qPrintable(p.errorText()));
    checkStoreHasNoLitter(*m_store);
    const auto requests = cdnRequests(digest);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].first, kCloudflare);
    QCOMPARE(requests[1].first, kCloudFront);
    QCOMPARE(m_cdns[kCloudflare]->statuses().count(403), 1);
    QCOMPARE(m_redirects->linkCount(digest), 2);
    checkLinksWereFresh();
}

// Every link for the big layer has expired: a few fresh ones are tried (the retry budget, not the
// resume budget on top of it), then the pull ends with one error that says the signed link expired
// and where — not that access to the repository was denied — and leaves nothing half-done.
void TestCdn::linksThatKeepExpiringFailThePull()
{
    const QString digest = bigLayer();
    m_redirects->expireLinks(digest);
    const PullEngine::Options options = fastOptions();
    const Pulled p = pullInto(*m_store, reference(u"layers:base"_s), options);
    QCOMPARE(p.code(), Error::Code::LinkExpired);
    const QString text = p.errorText();
    QVERIFY2(text.contains(u"expired"_s), qPrintable(text));
    const QString lastCdn = m_cdns[m_redirects->links().last().cdn]->hostPort();
    QVERIFY2(text.contains(lastCdn), qPrintable(text));
    QVERIFY2(text.contains(digest.left(19)), qPrintable(text)); // names the layer
    QVERIFY2(!text.contains(u"denied"_s) && !text.contains(u"X-Amz"_s) && !text.contains(u"Signature"_s), qPrintable(text));
    QVERIFY(!p.outcome.error->isRetryable());

    QCOMPARE(m_redirects->linkCount(digest), options.client.retry.maxAttempts);
    QCOMPARE(cdnRequests(digest).size(), options.client.retry.maxAttempts);
    checkLinksWereFresh();
    QVERIFY(m_store->images()->isEmpty());
    QVERIFY(!m_store->hasBlob(*Digest::parse(digest)));
    checkStoreHasNoLitter(*m_store);
}

// What a user reads: one line on stderr, exit code 1.
void TestCdn::cliSaysTheLinkExpired()
{
    const QString digest = bigLayer();
    m_redirects->expireLinks(digest);
    const ProgramRun run =
        runProgram(QStringLiteral(WHARF_EXECUTABLE), {u"pull"_s, reference(u"layers:base"_s), u"--store"_s, m_store->root()},
                   testEnvironment(), {}, 60'000);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLines().size(), 1);
    const QString line = QString::fromUtf8(run.err);
    qInfo("%s", qPrintable(line.trimmed()));
    QVERIFY2(line.contains(u"expired"_s), qPrintable(line));
    QVERIFY2(line.contains(m_cdns[kCloudflare]->hostPort()) || line.contains(m_cdns[kCloudFront]->hostPort()), qPrintable(line));
    QVERIFY2(!line.contains(u"X-Amz"_s) && !line.contains(u"denied"_s), qPrintable(line));
    QVERIFY(m_store->images()->isEmpty());
    checkStoreHasNoLitter(*m_store);
}

// A CDN that answers 401 with a challenge of its own is not the registry: its realm must not get
// the registry's credentials (reliability checklist E4), and the failure names the CDN.
void TestCdn::cdnChallengeGetsNoCredentials()
{
    const QByteArray blob = "layer bytes on a CDN that wants a login";
    Descriptor d;
    d.mediaType = u"application/vnd.oci.image.layer.v1.tar+gzip"_s;
    d.digest = Digest::sha256Of(blob);
    d.size = blob.size();
    HttpServer cdn;
    cdn.setHandler([&cdn](const HttpRequest &request, HttpResponder &r) {
        if (request.path() == u"/token"_s) {
            r.respondJson(200, QJsonDocument(QJsonObject{{u"token"_s, u"cdn-token"_s}}));
            return;
        }
        const QByteArray realm = cdn.baseUrl().toEncoded() + "/token";
        r.respond(401, R"({"errors":[{"code":"UNAUTHORIZED"}]})", {{"WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"cdn\""}});
    });
    QVERIFY(cdn.listen());
    HttpServer registry;
    registry.setHandler([&cdn](const HttpRequest &request, HttpResponder &r) {
        if (request.header("Authorization") != "Basic " + QByteArray("alice:s3cret").toBase64()) {
            r.respond(401, R"({"errors":[{"code":"UNAUTHORIZED"}]})", {{"WWW-Authenticate", R"(Basic realm="test")"}});
            return;
        }
        r.respond(307, {}, {{"Location", cdn.baseUrl().toEncoded() + "/data?verify=1700000000-sig"}});
    });
    QVERIFY(registry.listen());
    const QString host = u"127.0.0.1:%1"_s.arg(registry.port());
    StaticCredentialSource source(host, Credentials{u"alice"_s, u"s3cret"_s, {}});
    RegistryClient client;
    client.setCredentialSource(&source);
    net::RetryPolicy fast;
    fast.maxAttempts = 2;
    fast.baseDelayMs = 10;
    client.setRetryPolicy(fast);
    auto job = runJob(client.fetchBlob(host, u"app"_s, d));
    QVERIFY(job->error());
    for (const HttpRequest &r : cdn.requests()) {
        QVERIFY2(!r.hasHeader("Authorization"), r.target.constData());
        QVERIFY2(r.path() != u"/token"_s, "the CDN's realm was asked for a token");
    }
    QVERIFY2(job->error()->message().contains(u"127.0.0.1:%1"_s.arg(cdn.port())), qPrintable(job->error()->message()));
    QVERIFY2(!job->error()->message().contains(u"verify="_s), qPrintable(job->error()->message()));
}

QTEST_GUILESS_MAIN(TestCdn)

#include "tst_cdn.moc"
