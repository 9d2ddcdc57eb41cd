// The fault-injecting proxy (tests/testbed/FaultProxy) in front of a real docker-registry, anonymous
// and behind bearer tokens: first that it is transparent (bytes, digests, ranges and the token flow
// come through unchanged), then that every fault does exactly what it says, seen by a plain
// QNetworkAccessManager and by Wharf's own RegistryClient: truncation, a flipped byte, 429 with
// Retry-After, 503 twice, a stall, a redirect to a CDN (BlobCdn), an oversized manifest, a hostile
// layer digest, an ignored Range, a delay.
#include "core/Digest.h"
#include "credentials/StaticCredentialSource.h"
#include "documents/DocumentParser.h"
#include "registry/BlobJob.h"
#include "registry/ManifestJob.h"
#include "registry/RegistryClient.h"

#include "BlobCdn.h"
#include "FaultProxy.h"
#include "RegistryProcess.h"
#include "TestSupport.h"
#include "TestbedImages.h"
#include "TokenServer.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

// What a plain client saw.
struct Fetched
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray body;

    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
};

Fetched fetch(QNetworkAccessManager &network, const QUrl &url, const HttpHeaders &headers = {}, const QByteArray &method = "GET",
              int transferTimeoutMs = 0)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setRawHeader("Accept-Encoding", "identity");
    // Without it distribution 2.8 refuses OCI manifests; it means nothing to a blob GET.
    request.setRawHeader("Accept", ManifestJob::acceptHeader());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (transferTimeoutMs > 0)
        request.setTransferTimeout(transferTimeoutMs);
    std::unique_ptr<QNetworkReply> reply(method == "HEAD" ? network.head(request) : network.get(request));
    Fetched result;
    // Read as it arrives: an aborted reply (the transfer timeout) can no longer be read at the end.
    QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), [&result, r = reply.get()] { result.body += r->readAll(); });
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    result.finished = reply->isFinished() || done.wait(20'000);
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.headers = reply->rawHeaderPairs();
    if (reply->isOpen())
        result.body += reply->readAll();
    return result;
}

QByteArray sha256(const QByteArray &bytes)
{
    return "sha256:" + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestFaultProxy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    // a transparent proxy
    void manifestsPassThrough_data();
    void manifestsPassThrough();
    void blobPassesThrough();
    void rangePassesThrough();
    void tokenFlowPassesThrough();
    void basicChallengePassesThrough();
    void slowClientHoldsUpstreamBack();

    // one fault at a time
    void truncatedBlob();
    void flippedByte();
    void rateLimitedWithRetryAfter();
    void serviceUnavailableTwice();
    void stalledBody();
    void blobRedirectedToCdn();
    void oversizedManifest();
    void pathTraversalLayerDigest();
    void ignoredRange();
    void delayedResponse();
    void latencyMode();
    void rulesAreCountedAndRemoved();
    void proxyDeletedWhileStalled();

private:
    [[nodiscard]] std::unique_ptr<RegistryClient> client() const;
    [[nodiscard]] Descriptor bigLayer() const; // layers:base, ~1 MiB
    [[nodiscard]] QUrl url(const FaultProxy &proxy, const QString &path) const;
    [[nodiscard]] QByteArray blobBytes(const Descriptor &d) const;

    TestbedImages m_images;
    RegistryProcess m_registry;
    TokenServer m_tokens;
    RegistryProcess m_tokenRegistry;
    std::unique_ptr<FaultProxy> m_proxy; // in front of m_registry
    std::unique_ptr<FaultProxy> m_tokenProxy; // in front of m_tokenRegistry
    std::unique_ptr<BlobCdn> m_cdn;
    QNetworkAccessManager m_network;
};

std::unique_ptr<RegistryClient> TestFaultProxy::client() const
{
    auto c = std::make_unique<RegistryClient>();
    net::RetryPolicy fast;
    fast.maxAttempts = 3;
    fast.baseDelayMs = 20;
    c->setRetryPolicy(fast);
    c->setTransferTimeoutMs(2000);
    return c;
}

Descriptor TestFaultProxy::bigLayer() const
{
    const QJsonObject layer = m_images.image(u"layers"_s, u"base"_s).value(u"layers"_s).toArray().first().toObject();
    Descriptor d;
    d.mediaType = layer.value(u"mediaType"_s).toString();
    d.digest = *Digest::parse(layer.value(u"digest"_s).toString());
    d.size = layer.value(u"size"_s).toInteger();
    return d;
}

QUrl TestFaultProxy::url(const FaultProxy &proxy, const QString &path) const
{
    QUrl u = proxy.baseUrl();
    u.setPath(path);
    return u;
}

QByteArray TestFaultProxy::blobBytes(const Descriptor &d) const
{
    return readFile(BlobCdn::blobFile(m_images.storageRoot(), d.digest.toString()));
}

void TestFaultProxy::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions anonymous;
    anonymous.storageRoot = m_images.storageRoot();
    anonymous.readOnly = true;
    QVERIFY2(m_registry.start(anonymous, &error), qPrintable(error));

    QVERIFY2(m_tokens.listen(&error), qPrintable(error));
    const RegistryOptions token = m_tokens.registryOptions(anonymous);
    QVERIFY2(m_tokenRegistry.start(token, &error), qPrintable(error));

    m_proxy = std::make_unique<FaultProxy>(m_registry.hostPort());
    QVERIFY2(m_proxy->listen(&error), qPrintable(error));
    m_tokenProxy = std::make_unique<FaultProxy>(m_tokenRegistry.hostPort());
    QVERIFY2(m_tokenProxy->listen(&error), qPrintable(error));
    m_cdn = std::make_unique<BlobCdn>(m_images.storageRoot());
    QVERIFY2(m_cdn->listen(&error), qPrintable(error));

    const Descriptor layer = bigLayer();
    QVERIFY(layer.size > 300 * 1024);
    QCOMPARE(blobBytes(layer).size(), layer.size);
}

void TestFaultProxy::init()
{
    for (FaultProxy *proxy : {m_proxy.get(), m_tokenProxy.get()}) {
        proxy->clearRules();
        proxy->clearRecords();
    }
    m_cdn->clearRequests();
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::Pull);
}

// --- a transparent proxy -----------------------------------------------------------------------

void TestFaultProxy::manifestsPassThrough_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    QTest::addRow("oci index") << u"multi"_s << u"latest"_s;
    QTest::addRow("oci manifest") << u"single"_s << u"1.0"_s;
    QTest::addRow("docker schema 2") << u"docker-v2s2"_s << u"latest"_s;
}

void TestFaultProxy::manifestsPassThrough()
{
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    const QString path = u"/v2/"_s + repository + u"/manifests/"_s + tag;
    const HttpHeaders accept{{"Accept", ManifestJob::acceptHeader()}};
    QUrl directUrl = m_registry.baseUrl();
    directUrl.setPath(path);

    for (const QByteArray &method : {QByteArray("GET"), QByteArray("HEAD")}) {
        const Fetched direct = fetch(m_network, directUrl, accept, method);
        const Fetched proxied = fetch(m_network, url(*m_proxy, path), accept, method);
        QVERIFY(direct.finished && proxied.finished);
        QCOMPARE(proxied.status, 200);
        QCOMPARE(proxied.status, direct.status);
        QCOMPARE(proxied.body, direct.body);
        QCOMPARE(proxied.header("Docker-Content-Digest"), direct.header("Docker-Content-Digest"));
        QCOMPARE(proxied.header("Docker-Content-Digest"), m_images.digest(repository, tag).toLatin1());
        QCOMPARE(proxied.header("Content-Type"), direct.header("Content-Type"));
        QCOMPARE(proxied.header("Content-Length"), direct.header("Content-Length"));
        if (method == "GET")
            QCOMPARE(sha256(proxied.body), m_images.digest(repository, tag).toLatin1());
    }
    QCOMPARE(m_proxy->requestCount(), 2);
    const HttpRequest received = m_proxy->requests().first();
    QCOMPARE(received.method, "GET");
    QCOMPARE(received.path(), path);
    QCOMPARE(received.header("Accept"), ManifestJob::acceptHeader());
    QCOMPARE(m_proxy->upstreamResponses().size(), 2);
    QCOMPARE(m_proxy->upstreamResponses().first().status, 200);
    QCOMPARE(m_proxy->upstreamResponses().first().ruleId, -1);
    QCOMPARE(m_proxy->upstreamResponses().last().method, "HEAD");
    QCOMPARE(m_proxy->upstreamResponses().last().bodyBytesForwarded, 0);
}

void TestFaultProxy::blobPassesThrough()
{
    const Descriptor d = bigLayer();
    const Fetched got = fetch(m_network, url(*m_proxy, u"/v2/layers/blobs/"_s + d.digest.toString()));
    QVERIFY(got.finished);
    QCOMPARE(got.error, QNetworkReply::NoError);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body.size(), d.size);
    QVERIFY(got.body == blobBytes(d));
    QCOMPARE(sha256(got.body), d.digest.toString().toLatin1());
    QCOMPARE(got.header("Docker-Content-Digest"), d.digest.toString().toLatin1());
    QCOMPARE(got.header("Content-Length").toLongLong(), d.size);
    QCOMPARE(m_proxy->upstreamResponses().size(), 1);
    QCOMPARE(m_proxy->upstreamResponses().first().bodyBytesForwarded, d.size);

    // And through Wharf, into memory with verification.
    auto c = client();
    auto job = runJob(c->fetchBlob(m_proxy->hostPort(), u"layers"_s, d));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QCOMPARE(job->data().size(), d.size);
}

void TestFaultProxy::rangePassesThrough()
{
    const Descriptor d = bigLayer();
    const QByteArray whole = blobBytes(d);
    const qint64 offset = d.size / 3;
    const Fetched got = fetch(m_network, url(*m_proxy, u"/v2/layers/blobs/"_s + d.digest.toString()),
                              {{"Range", "bytes=" + QByteArray::number(offset) + '-'}});
    QCOMPARE(got.status, 206);
    QCOMPARE(got.header("Content-Range"),
             "bytes " + QByteArray::number(offset) + '-' + QByteArray::number(d.size - 1) + '/' + QByteArray::number(d.size));
    QVERIFY(got.body == whole.mid(offset));
    QCOMPARE(m_proxy->requests().first().header("Range"), "bytes=" + QByteArray::number(offset) + '-');

    auto c = client();
    QBuffer tail;
    tail.open(QIODevice::WriteOnly);
    auto job = runJob(c->streamBlob(m_proxy->hostPort(), u"layers"_s, d, &tail, offset));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QVERIFY(tail.data() == whole.mid(offset));
}

void TestFaultProxy::tokenFlowPassesThrough()
{
    const QString path = u"/v2/multi/manifests/latest"_s;
    const HttpHeaders accept{{"Accept", ManifestJob::acceptHeader()}};
    QUrl directUrl = m_tokenRegistry.baseUrl();
    directUrl.setPath(path);

    // The challenge comes through untouched and points at the real token server.
    const Fetched directChallenge = fetch(m_network, directUrl, accept);
    const Fetched challenge = fetch(m_network, url(*m_tokenProxy, path), accept);
    QCOMPARE(challenge.status, 401);
    QCOMPARE(challenge.header("WWW-Authenticate"), directChallenge.header("WWW-Authenticate"));
    QVERIFY(challenge.header("WWW-Authenticate").contains(m_tokens.realm().toEncoded()));

    QUrl tokenUrl = m_tokens.realm();
    tokenUrl.setQuery(QUrlQuery{{u"service"_s, m_tokens.service()}, {u"scope"_s, u"repository:multi:pull"_s}});
    const Fetched token = fetch(m_network, tokenUrl);
    QCOMPARE(token.status, 200);
    const QByteArray bearer = "Bearer " + QJsonDocument::fromJson(token.body)[u"token"_s].toString().toLatin1();
    const Fetched authorised =
        fetch(m_network, url(*m_tokenProxy, path), {{"Accept", ManifestJob::acceptHeader()}, {"Authorization", bearer}});
    QCOMPARE(authorised.status, 200);
    QCOMPARE(sha256(authorised.body), m_images.digest(u"multi"_s, u"latest"_s).toLatin1());
    QCOMPARE(m_tokenProxy->requests().last().header("Authorization"), bearer);

    // Wharf through the proxy: challenge, token, authorised retry.
    const int issued = m_tokens.tokensIssued();
    auto c = client();
    auto job = runJob(c->fetchManifest(m_tokenProxy->hostPort(), u"multi"_s, u"latest"_s));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QCOMPARE(job->result().digest.toString(), m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(m_tokens.tokensIssued() - issued, 1);
    const QList<UpstreamResponse> upstream = m_tokenProxy->upstreamResponses();
    QCOMPARE(upstream.size(), 4); // two from the plain client above, two from Wharf
    QCOMPARE(upstream.at(2).status, 401);
    QCOMPARE(upstream.at(3).status, 200);
    QVERIFY(m_tokenProxy->requests().last().header("Authorization").startsWith("Bearer "));
}

void TestFaultProxy::basicChallengePassesThrough()
{
    // Qt answers Basic challenges itself when it can; the proxy must hand them to the client instead.
    QTemporaryDir dir;
    QString error;
    const QString htpasswd = dir.filePath(u"htpasswd"_s);
    QVERIFY2(RegistryProcess::makeHtpasswd(htpasswd, u"alice"_s, u"s3cret"_s, &error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    options.readOnly = true;
    options.auth = RegistryOptions::Auth::Htpasswd;
    options.htpasswdFile = htpasswd;
    RegistryProcess registry;
    QVERIFY2(registry.start(options, &error), qPrintable(error));
    FaultProxy proxy(registry.hostPort());
    QVERIFY(proxy.listen());

    const QString path = u"/v2/single/manifests/1.0"_s;
    const Fetched challenge = fetch(m_network, url(proxy, path));
    QCOMPARE(challenge.status, 401);
    QVERIFY(challenge.header("WWW-Authenticate").startsWith("Basic "));
    const QByteArray basic = "Basic " + QByteArray("alice:s3cret").toBase64();
    const Fetched authorised = fetch(m_network, url(proxy, path), {{"Authorization", basic}});
    QCOMPARE(authorised.status, 200);
    QCOMPARE(sha256(authorised.body), m_images.digest(u"single"_s, u"1.0"_s).toLatin1());

    StaticCredentialSource source(proxy.hostPort(), Credentials{u"alice"_s, u"s3cret"_s, {}});
    auto c = client();
    c->setCredentialSource(&source);
    auto job = runJob(c->fetchManifest(proxy.hostPort(), u"single"_s, u"1.0"_s));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QCOMPARE(proxy.requests().last().header("Authorization"), basic);
}

void TestFaultProxy::slowClientHoldsUpstreamBack()
{
    // The proxy writes through with back-pressure: while its client reads nothing, the upstream is
    // held back by a few socket buffers, not by the size of the blob.
    constexpr qint64 kSize = 64 * 1024 * 1024;
    QByteArray body(kSize, Qt::Uninitialized);
    for (qint64 i = 0; i < kSize; ++i)
        body[i] = char((i * 2654435761u) >> 24);
    HttpServer upstream;
    QPointer<HttpResponder> streaming;
    upstream.setHandler([&body, &streaming](const HttpRequest &, HttpResponder &r) {
        streaming = &r;
        r.stream(200, {{"Content-Type", "application/octet-stream"}}, body, {});
    });
    QVERIFY(upstream.listen());
    FaultProxy proxy(u"127.0.0.1:%1"_s.arg(upstream.port()));
    QVERIFY(proxy.listen());

    QNetworkRequest request(url(proxy, u"/v2/big/blobs/x"_s));
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    reply->setReadBufferSize(64 * 1024);
    QTRY_VERIFY(streaming && streaming->bodyBytesWritten() > 0);
    QTest::qWait(500);
    const qint64 heldBack = streaming->bodyBytesWritten();
    QVERIFY2(heldBack < kSize / 2, qPrintable(u"the upstream wrote %1 bytes to a client that read none"_s.arg(heldBack)));

    QCryptographicHash received(QCryptographicHash::Sha256);
    qint64 total = 0;
    const auto drain = [&] {
        const QByteArray chunk = reply->readAll();
        received.addData(chunk);
        total += chunk.size();
    };
    QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), drain);
    drain(); // what is already buffered
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || done.wait(30'000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(total, kSize);
    QCOMPARE(received.result(), QCryptographicHash::hash(body, QCryptographicHash::Sha256));
    QCOMPARE(proxy.upstreamResponses().first().bodyBytesForwarded, kSize);
}

// --- faults ---------------------------------------------------------------------------------------

void TestFaultProxy::truncatedBlob()
{
    const Descriptor d = bigLayer();
    const QByteArray whole = blobBytes(d);
    const qint64 half = d.size / 2;
    const QString path = u"/v2/layers/blobs/"_s + d.digest.toString();
    const auto truncateOnce = [&] {
        return m_proxy->addRule({"GET", FaultRule::blobPath(d.digest.toString()), fault::TruncateAt{half}, 1});
    };

    // A plain client: the full Content-Length, half the bytes, a closed connection.
    const int rule = truncateOnce();
    const Fetched got = fetch(m_network, url(*m_proxy, path));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.header("Content-Length").toLongLong(), d.size);
    QCOMPARE(got.body.size(), half);
    QVERIFY(got.body == whole.left(half));
    QCOMPARE(got.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(m_proxy->applied(rule), 1);
    QCOMPARE(m_proxy->remaining(rule), 0);
    QCOMPARE(m_proxy->upstreamResponses().last().bodyBytesForwarded, half);
    QCOMPARE(m_proxy->upstreamResponses().last().ruleId, rule);

    // Wharf into memory: starts over, and succeeds.
    auto c = client();
    const int second = truncateOnce();
    m_proxy->clearRecords();
    auto inMemory = runJob(c->fetchBlob(m_proxy->hostPort(), u"layers"_s, d));
    QVERIFY2(inMemory->succeeded(), qPrintable(inMemory->error() ? inMemory->error()->message() : QString()));
    QCOMPARE(m_proxy->applied(second), 1);
    QCOMPARE(m_proxy->requestCount(), 2);

    // Wharf into a file: a retryable failure with the bytes that did arrive, then a resume with Range.
    const int third = truncateOnce();
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    auto broken = runJob(c->streamBlob(m_proxy->hostPort(), u"layers"_s, d, &sink));
    QCOMPARE(codeOf(*broken), Error::Code::Network);
    QVERIFY(broken->error()->isRetryable());
    QCOMPARE(sink.data().size(), half);
    QCOMPARE(m_proxy->applied(third), 1);
    auto resumed = runJob(c->streamBlob(m_proxy->hostPort(), u"layers"_s, d, &sink, sink.data().size()));
    QVERIFY2(resumed->succeeded(), qPrintable(resumed->error() ? resumed->error()->message() : QString()));
    QVERIFY(sink.data() == whole);
    QVERIFY(verifyBytes(sink.data(), d.digest, d.size));
    QCOMPARE(m_proxy->requests().last().header("Range"), "bytes=" + QByteArray::number(half) + '-');
}

void TestFaultProxy::flippedByte()
{
    const Descriptor d = bigLayer();
    const QByteArray whole = blobBytes(d);
    const qint64 offset = 300 * 1024 + 7; // well inside, past the first chunks
    const QString path = u"/v2/layers/blobs/"_s + d.digest.toString();

    const int rule = m_proxy->addRule({"GET", FaultRule::blobPath(), fault::FlipByte{offset}, 1});
    const Fetched got = fetch(m_network, url(*m_proxy, path));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.error, QNetworkReply::NoError);
    QCOMPARE(got.body.size(), d.size);
    QVERIFY(sha256(got.body) != d.digest.toString().toLatin1());
    QCOMPARE(got.header("Docker-Content-Digest"), d.digest.toString().toLatin1()); // the header still claims the original
    qsizetype differences = 0;
    for (qsizetype i = 0; i < whole.size(); ++i)
        differences += got.body.at(i) != whole.at(i) ? 1 : 0;
    QCOMPARE(differences, 1);
    QCOMPARE(quint8(got.body.at(offset)), quint8(whole.at(offset) ^ 0xff));
    QCOMPARE(m_proxy->applied(rule), 1);

    // Through the token proxy: the anonymous 401 passes untouched and does not use the rule up;
    // the authorised 200 carries the flipped byte, and Wharf refuses it.
    const int tokenRule = m_tokenProxy->addRule({"GET", FaultRule::blobPath(d.digest.toString()), fault::FlipByte{offset}, 1});
    auto c = client();
    auto job = runJob(c->fetchBlob(m_tokenProxy->hostPort(), u"layers"_s, d));
    QCOMPARE(codeOf(*job), Error::Code::DigestMismatch);
    QVERIFY(job->data().isEmpty());
    QCOMPARE(m_tokenProxy->applied(tokenRule), 1);
    const QList<UpstreamResponse> upstream = m_tokenProxy->upstreamResponses();
    QCOMPARE(upstream.size(), 2);
    QCOMPARE(upstream.at(0).status, 401);
    QCOMPARE(upstream.at(0).ruleId, -1);
    QCOMPARE(upstream.at(1).status, 200);
    QCOMPARE(upstream.at(1).ruleId, tokenRule);
}

void TestFaultProxy::rateLimitedWithRetryAfter()
{
    const int rule = m_proxy->addRule(
        {"GET", FaultRule::manifestPath(u"latest"_s),
         fault::Status{429, {{"Retry-After", "1"}}, R"({"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]})"}, 1});
    auto c = client();
    QElapsedTimer clock;
    clock.start();
    auto job = runJob(c->fetchManifest(m_proxy->hostPort(), u"multi"_s, u"latest"_s));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    // Qt's coarse timers may fire up to 5 % early.
    QVERIFY2(clock.elapsed() >= 950, qPrintable(u"retried after %1 ms"_s.arg(clock.elapsed())));
    QCOMPARE(job->result().digest.toString(), m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(m_proxy->applied(rule), 1);
    QCOMPARE(m_proxy->requestCount(), 2);
    QCOMPARE(m_proxy->upstreamResponses().size(), 1); // the 429 never reached the registry
}

void TestFaultProxy::serviceUnavailableTwice()
{
    // Behind tokens: 503, 503, then the real registry's challenge, the token, and the manifest.
    const int rule = m_tokenProxy->addRule({"GET", FaultRule::manifestPath(), fault::Status{503, {}, "busy"}, 2});
    auto c = client();
    auto job = runJob(c->fetchManifest(m_tokenProxy->hostPort(), u"single"_s, u"1.0"_s));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QCOMPARE(job->result().digest.toString(), m_images.digest(u"single"_s, u"1.0"_s));
    QCOMPARE(m_tokenProxy->applied(rule), 2);
    QCOMPARE(m_tokenProxy->remaining(rule), 0);
    QCOMPARE(m_tokenProxy->requestCount(), 4);
    const QList<UpstreamResponse> upstream = m_tokenProxy->upstreamResponses();
    QCOMPARE(upstream.size(), 2);
    QCOMPARE(upstream.at(0).status, 401);
    QCOMPARE(upstream.at(1).status, 200);

    // Three in a row exhaust the client's three attempts.
    m_tokenProxy->addRule({"GET", FaultRule::manifestPath(), fault::Status{503, {}, "busy"}, 3});
    auto c2 = client();
    auto again = runJob(c2->fetchManifest(m_tokenProxy->hostPort(), u"single"_s, u"1.0"_s));
    QCOMPARE(codeOf(*again), Error::Code::ServerError);
    QVERIFY(again->error()->isRetryable());
}

void TestFaultProxy::stalledBody()
{
    const Descriptor d = bigLayer();
    const qint64 half = d.size / 2;
    const int rule = m_proxy->addRule({"GET", FaultRule::blobPath(d.digest.toString()), fault::StallAt{half}});

    // A plain client gets the head and half the body, then nothing, on an open connection.
    const Fetched got = fetch(m_network, url(*m_proxy, u"/v2/layers/blobs/"_s + d.digest.toString()), {}, "GET", 500);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.error, QNetworkReply::OperationCanceledError); // the transfer timeout, not the server
    QCOMPARE(got.body.size(), half);

    auto c = client();
    c->setTransferTimeoutMs(300);
    m_proxy->clearRecords();
    QElapsedTimer clock;
    clock.start();
    auto job = runJob(c->fetchBlob(m_proxy->hostPort(), u"layers"_s, d));
    QCOMPARE(codeOf(*job), Error::Code::Timeout);
    QVERIFY(job->error()->isRetryable());
    QVERIFY(clock.elapsed() < 10'000);
    QCOMPARE(m_proxy->requestCount(), qsizetype(c->retryPolicy().maxAttempts));
    QCOMPARE(m_proxy->applied(rule), 1 + c->retryPolicy().maxAttempts);
    for (const UpstreamResponse &r : m_proxy->upstreamResponses())
        QCOMPARE(r.bodyBytesForwarded, half);
    // Every stalled exchange ends once its client hangs up.
    QTRY_COMPARE(m_proxy->activeExchanges(), 0);
}

void TestFaultProxy::blobRedirectedToCdn()
{
    const Descriptor d = bigLayer();
    const QByteArray whole = blobBytes(d);
    const QString path = u"/v2/layers/blobs/"_s + d.digest.toString();
    const int rule = m_tokenProxy->addRule({"GET", FaultRule::blobPath(), fault::RedirectTo{m_cdn->baseUrl()}});

    // Without a token the registry says 401, and the proxy does not redirect.
    const Fetched refused = fetch(m_network, url(*m_tokenProxy, path));
    QCOMPARE(refused.status, 401);
    QCOMPARE(m_tokenProxy->applied(rule), 0);

    // Wharf: challenge, token, the authorised GET is redirected, the CDN serves the blob.
    auto c = client();
    auto job = runJob(c->fetchBlob(m_tokenProxy->hostPort(), u"layers"_s, d));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QVERIFY(job->data() == whole);
    QCOMPARE(m_tokenProxy->applied(rule), 1);
    QVERIFY(m_tokenProxy->requests().last().header("Authorization").startsWith("Bearer "));
    QCOMPARE(m_tokenProxy->upstreamResponses().last().status, 200); // the registry accepted the token
    QCOMPARE(m_cdn->requestCount(), 1);
    const HttpRequest atCdn = m_cdn->requests().first();
    QCOMPARE(atCdn.path(), path);
    QCOMPARE(atCdn.query().queryItemValue(u"verify"_s), u"sig"_s);
    QVERIFY(!atCdn.hasHeader("Authorization"));
    QCOMPARE(atCdn.header("Accept-Encoding"), "identity");

    // A resume follows the redirect too, and the CDN answers the range.
    const qint64 offset = d.size / 3;
    QBuffer tail;
    tail.open(QIODevice::WriteOnly);
    auto resumed = runJob(c->streamBlob(m_tokenProxy->hostPort(), u"layers"_s, d, &tail, offset));
    QVERIFY2(resumed->succeeded(), qPrintable(resumed->error() ? resumed->error()->message() : QString()));
    QVERIFY(tail.data() == whole.mid(offset));
    QCOMPARE(m_cdn->requestCount(), 2);
    QCOMPARE(m_cdn->requests().last().header("Range"), "bytes=" + QByteArray::number(offset) + '-');
    QVERIFY(!m_cdn->requests().last().hasHeader("Authorization"));
    QCOMPARE(m_cdn->bytesServed(), d.size + (d.size - offset));
}

void TestFaultProxy::oversizedManifest()
{
    const QByteArray huge = "{\"schemaVersion\":2," + QByteArray(5 * 1024 * 1024, ' ') + "}";
    const int rule = m_proxy->addRule(
        {"GET", FaultRule::manifestPath(u"1.0"_s), fault::ReplaceBody{huge, "application/vnd.oci.image.manifest.v1+json"}});
    const Fetched got = fetch(m_network, url(*m_proxy, u"/v2/single/manifests/1.0"_s));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.header("Content-Length").toLongLong(), huge.size());
    QCOMPARE(got.header("Docker-Content-Digest"), sha256(huge));
    QVERIFY(got.body == huge);

    auto c = client();
    auto job = runJob(c->fetchManifest(m_proxy->hostPort(), u"single"_s, u"1.0"_s));
    QCOMPARE(codeOf(*job), Error::Code::TooLarge);
    QCOMPARE(m_proxy->applied(rule), 2);
}

void TestFaultProxy::pathTraversalLayerDigest()
{
    // The real single:1.0 manifest with its first layer digest swapped for a path.
    const QString layer = m_images.layerDigests(u"single"_s, u"1.0"_s).first();
    QUrl directUrl = m_registry.baseUrl();
    directUrl.setPath(u"/v2/single/manifests/1.0"_s);
    const Fetched real = fetch(m_network, directUrl, {{"Accept", ManifestJob::acceptHeader()}});
    QVERIFY(real.body.contains(layer.toLatin1()));
    QByteArray hostile = real.body;
    hostile.replace(layer.toLatin1(), "sha256:../../../../etc/passwd");
    const int rule = m_proxy->addRule({"GET", FaultRule::manifestPath(u"1.0"_s), fault::ReplaceBody{hostile, {}}});

    const Fetched got = fetch(m_network, url(*m_proxy, u"/v2/single/manifests/1.0"_s), {{"Accept", ManifestJob::acceptHeader()}});
    QCOMPARE(got.status, 200);
    QVERIFY(got.body == hostile);
    QCOMPARE(got.header("Content-Type"), real.header("Content-Type")); // the upstream's, kept
    const auto parsed = parseManifest(got.body, QString::fromLatin1(got.header("Content-Type")));
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code(), Error::Code::InvalidDigest);

    auto c = client();
    auto job = runJob(c->fetchManifest(m_proxy->hostPort(), u"single"_s, u"1.0"_s));
    QCOMPARE(codeOf(*job), Error::Code::InvalidDigest);
    QVERIFY(!job->result().document);
    QCOMPARE(m_proxy->applied(rule), 2);
    // Nothing went looking for the "layer": no blob request, nothing with a dot-dot anywhere.
    for (const HttpRequest &r : m_proxy->requests()) {
        QVERIFY2(r.path().contains(u"/manifests/"_s), r.target.constData());
        QVERIFY(!r.target.contains(".."));
    }
    QCOMPARE(m_cdn->requestCount(), 0);
    QVERIFY(BlobCdn::blobFile(m_images.storageRoot(), u"sha256:../../../../etc/passwd"_s).isEmpty());
}

void TestFaultProxy::ignoredRange()
{
    const Descriptor d = bigLayer();
    const QByteArray whole = blobBytes(d);
    const QString path = u"/v2/layers/blobs/"_s + d.digest.toString();
    const int rule = m_proxy->addRule({"GET", FaultRule::blobPath(), fault::IgnoreRange{}});

    const Fetched plain = fetch(m_network, url(*m_proxy, path)); // no Range: nothing to ignore
    QCOMPARE(plain.status, 200);
    QCOMPARE(m_proxy->applied(rule), 0);

    const Fetched ranged = fetch(m_network, url(*m_proxy, path), {{"Range", "bytes=1000-"}});
    QCOMPARE(ranged.status, 200);
    QVERIFY(ranged.header("Content-Range").isEmpty());
    QVERIFY(ranged.body == whole);
    QCOMPARE(m_proxy->applied(rule), 1);

    auto c = client();
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    auto job = runJob(c->streamBlob(m_proxy->hostPort(), u"layers"_s, d, &sink, 1000));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QVERIFY(sink.data() == whole.mid(1000)); // the whole blob came; what was before 1000 was skipped
    QCOMPARE(m_proxy->applied(rule), 2);
    QCOMPARE(m_proxy->requests().last().header("Range"), "bytes=1000-");
}

void TestFaultProxy::delayedResponse()
{
    const int rule = m_proxy->addRule({"GET", FaultRule::manifestPath(), fault::DelayMs{400}, 1});
    QElapsedTimer clock;
    clock.start();
    const Fetched slow = fetch(m_network, url(*m_proxy, u"/v2/single/manifests/1.0"_s), {{"Accept", ManifestJob::acceptHeader()}});
    QVERIFY(clock.elapsed() >= 380);
    QCOMPARE(slow.status, 200);
    QCOMPARE(sha256(slow.body), m_images.digest(u"single"_s, u"1.0"_s).toLatin1());
    QCOMPARE(m_proxy->applied(rule), 1);
    QCOMPARE(m_proxy->remaining(rule), 0);
}

void TestFaultProxy::latencyMode()
{
    // Every exchange waits, faults included, until the latency is taken away again.
    m_proxy->setLatencyMs(150);
    const int rule = m_proxy->addRule({"GET", FaultRule::manifestPath(), fault::DelayMs{100}, 1});
    QElapsedTimer clock;
    clock.start();
    const Fetched slower = fetch(m_network, url(*m_proxy, u"/v2/single/manifests/1.0"_s), {{"Accept", ManifestJob::acceptHeader()}});
    QVERIFY(clock.elapsed() >= 240);
    QCOMPARE(slower.status, 200);
    QCOMPARE(m_proxy->applied(rule), 1);
    clock.restart();
    QCOMPARE(fetch(m_network, url(*m_proxy, u"/v2/"_s)).status, 200);
    const qint64 once = clock.elapsed();
    QVERIFY(once >= 140);
    m_proxy->setLatencyMs(0);
    QCOMPARE(m_proxy->latencyMs(), 0);
    clock.restart();
    QCOMPARE(fetch(m_network, url(*m_proxy, u"/v2/"_s)).status, 200);
    QVERIFY(clock.elapsed() < once);
}

void TestFaultProxy::rulesAreCountedAndRemoved()
{
    const QString path = u"/v2/single/manifests/1.0"_s;
    // Method and path both have to match; the first usable rule wins.
    const int head = m_proxy->addRule({"HEAD", FaultRule::manifestPath(), fault::Status{500, {}, {}}});
    const int other = m_proxy->addRule({"GET", FaultRule::manifestPath(u"latest"_s), fault::Status{500, {}, {}}});
    const int first = m_proxy->addRule({{}, {}, fault::Status{418, {}, "first"}, 1});
    const int second = m_proxy->addRule({{}, {}, fault::Status{502, {}, "second"}, 1});
    QCOMPARE(fetch(m_network, url(*m_proxy, path)).status, 418);
    QCOMPARE(fetch(m_network, url(*m_proxy, path)).status, 502);
    QCOMPARE(fetch(m_network, url(*m_proxy, path)).status, 200);
    QCOMPARE(m_proxy->applied(head), 0);
    QCOMPARE(m_proxy->applied(other), 0);
    QCOMPARE(m_proxy->applied(first), 1);
    QCOMPARE(m_proxy->applied(second), 1);
    QCOMPARE(m_proxy->remaining(head), -1);

    m_proxy->removeRule(head);
    QCOMPARE(fetch(m_network, url(*m_proxy, path), {}, "HEAD").status, 200);
    QCOMPARE(fetch(m_network, url(*m_proxy, u"/v2/multi/manifests/latest"_s)).status, 500);
    m_proxy->clearRules();
    QCOMPARE(fetch(m_network, url(*m_proxy, u"/v2/multi/manifests/latest"_s)).status, 200);
    QCOMPARE(m_proxy->applied(other), 0); // forgotten with the rule
}

void TestFaultProxy::proxyDeletedWhileStalled()
{
    const Descriptor d = bigLayer();
    auto proxy = std::make_unique<FaultProxy>(m_registry.hostPort());
    QVERIFY(proxy->listen());
    proxy->addRule({"GET", FaultRule::blobPath(), fault::StallAt{1000}});
    QSignalSpy stalled(proxy.get(), &FaultProxy::exchangeFinished);
    QNetworkRequest request(url(*proxy, u"/v2/layers/blobs/"_s + d.digest.toString()));
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    QVERIFY(stalled.wait()); // recorded when it stalled
    QCOMPARE(proxy->activeExchanges(), 1);
    proxy.reset();
    QVERIFY(reply->isFinished() || done.wait());
    QVERIFY(reply->error() != QNetworkReply::NoError);
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
