// The test bed's own servers, checked against the real thing: the token server against a real
// docker-registry in token mode (challenge -> token -> retry, scopes, expiry, failures), the Hub
// emulator field by field against the recorded Hub JSON and against what the registry serves, and
// the HTTP server's request recording and streaming faults.

#include "HttpServer.h"
#include "HubEmulator.h"
#include "RegistryProcess.h"
#include "TestbedImages.h"
#include "TokenServer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;
using namespace wharf::testbed;

namespace {

constexpr int WaitMs = 15000;
constexpr char ManifestAccept[] = "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, "
                                  "application/vnd.docker.distribution.manifest.list.v2+json, "
                                  "application/vnd.docker.distribution.manifest.v2+json";

struct Response
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    [[nodiscard]] QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

// Sends one request and waits for its reply; false when it did not finish in time.
bool send(QNetworkAccessManager &nam, const QNetworkRequest &request, Response *out, const QByteArray &verb = "GET",
          const QByteArray &body = {})
{
    QNetworkReply *reply = verb == "HEAD" ? nam.head(request) : nam.sendCustomRequest(request, verb, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    const bool done = reply->isFinished() || finished.wait(WaitMs);
    if (done) {
        out->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out->error = reply->error();
        out->body = reply->readAll();
        out->headers = reply->rawHeaderPairs();
    }
    reply->deleteLater();
    return done;
}

QNetworkRequest request(const QUrl &url, const QByteArray &authorization = {})
{
    QNetworkRequest r(url);
    r.setRawHeader("Accept", ManifestAccept);
    if (!authorization.isEmpty())
        r.setRawHeader("Authorization", authorization);
    return r;
}

QByteArray basic(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

// Bearer challenge parameters, keys lower-cased.
QHash<QString, QString> parseChallenge(const QByteArray &header)
{
    QHash<QString, QString> params;
    static const QRegularExpression param(u"(\\w+)=\"([^\"]*)\""_s);
    auto it = param.globalMatch(QString::fromLatin1(header));
    while (it.hasNext()) {
        const auto m = it.next();
        params.insert(m.captured(1).toLower(), m.captured(2));
    }
    if (header.startsWith("Bearer "))
        params.insert(u"scheme"_s, u"bearer"_s);
    return params;
}

QJsonValue readFixture(const QString &name)
{
    QFile file(QStringLiteral(WHARF_FIXTURES_DIR) + u"/hub/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"bool"_s;
    case QJsonValue::Double: return u"number"_s;
    case QJsonValue::String: return u"string"_s;
    case QJsonValue::Array: return u"array"_s;
    case QJsonValue::Object: return u"object"_s;
    default: return u"undefined"_s;
    }
}

// Same keys and the same JSON types as the recorded value, recursively (array elements against the
// recorded first element). `extra` keys may appear only in `actual`; `nullable` keys may be null on
// one side and a string on the other (Hub itself varies there). Returns the first difference.
QString shapeDifference(const QJsonValue &actual, const QJsonValue &expected, const QString &path,
                        const QSet<QString> &extra, const QSet<QString> &nullable)
{
    const QString key = path.section(u'.', -1).section(u'[', 0, 0);
    if (actual.type() != expected.type()) {
        const bool nullVsString = nullable.contains(key)
                                  && ((actual.isNull() && expected.isString()) || (actual.isString() && expected.isNull()));
        return nullVsString ? QString() : u"%1: %2, recorded %3"_s.arg(path, typeName(actual), typeName(expected));
    }
    if (actual.isObject()) {
        const QJsonObject a = actual.toObject();
        const QJsonObject e = expected.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            if (!a.contains(it.key()))
                return u"%1.%2: missing"_s.arg(path, it.key());
            const QString diff = shapeDifference(a.value(it.key()), it.value(), path + u'.' + it.key(), extra, nullable);
            if (!diff.isEmpty())
                return diff;
        }
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (!e.contains(it.key()) && !extra.contains(it.key()))
                return u"%1.%2: not in the recording"_s.arg(path, it.key());
        }
    } else if (actual.isArray()) {
        const QJsonArray a = actual.toArray();
        const QJsonArray e = expected.toArray();
        if (e.isEmpty())
            return {};
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString diff = shapeDifference(a.at(i), e.at(0), u"%1[%2]"_s.arg(path).arg(i), extra, nullable);
            if (!diff.isEmpty())
                return diff;
        }
    }
    return {};
}

} // namespace

class TestbedServersTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // HttpServer
    void httpRecordsRequests();
    void httpKeepAliveAndClose();
    void httpRawFraming();
    void httpStallAndResume();
    void httpTruncate_data();
    void httpTruncate();

    // TokenServer against docker-registry in token mode
    void tokenChallengeFlow_data();
    void tokenChallengeFlow();
    void tokenForAnotherRepositoryIsRejected();
    void tokenWrongPassword();
    void tokenAnonymous_data();
    void tokenAnonymous();
    void tokenExpired();
    void tokenInjectedFailure();
    void tokenOAuthPost();
    void tokenCatalog();

    // HubEmulator
    void hubShapes_data();
    void hubShapes();
    void hubNameMapping();
    void hubTagPaging();
    void hubSearchPaging();
    void hubTagsMatchRegistry();
    void hubErrors();
    void hubRepositoryInfo();
    void hubRateLimited();

private:
    bool startTokenRegistry(TokenServer &tokens, RegistryProcess &registry, QString *error);
    Response hubGet(const QString &pathAndQuery);

    QString m_storageRoot;
    QNetworkAccessManager m_nam;
    std::unique_ptr<TokenServer> m_tokens;
    std::unique_ptr<RegistryProcess> m_tokenRegistry;
    std::unique_ptr<RegistryProcess> m_plainRegistry;
    std::unique_ptr<HubEmulator> m_hub;
};

bool TestbedServersTest::startTokenRegistry(TokenServer &tokens, RegistryProcess &registry, QString *error)
{
    RegistryOptions options;
    options.auth = RegistryOptions::Auth::Token;
    options.storageRoot = m_storageRoot;
    options.readOnly = true;
    options.tokenRealm = tokens.realm().toString();
    options.tokenService = tokens.service();
    options.tokenIssuer = tokens.issuer();
    options.tokenRootCertBundle = tokens.rootCertBundlePath();
    return registry.start(options, error);
}

void TestbedServersTest::initTestCase()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    QString error;
    TestbedImages images;
    QVERIFY2(images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    m_storageRoot = images.storageRoot();
    QVERIFY2(QFile::exists(m_storageRoot + u"/docker/registry/v2/repositories"_s),
             qPrintable(u"no registry storage at %1 (the testbed fixture builds it)"_s.arg(m_storageRoot)));

    m_tokens = std::make_unique<TokenServer>();
    m_tokens->addUser(u"alice"_s, u"s3cret"_s);
    QVERIFY2(m_tokens->listen(&error), qPrintable(error));
    m_tokenRegistry = std::make_unique<RegistryProcess>();
    QVERIFY2(startTokenRegistry(*m_tokens, *m_tokenRegistry, &error), qPrintable(error));

    m_plainRegistry = std::make_unique<RegistryProcess>();
    RegistryOptions plain;
    plain.storageRoot = m_storageRoot;
    plain.readOnly = true;
    QVERIFY2(m_plainRegistry->start(plain, &error), qPrintable(error));

    m_hub = std::make_unique<HubEmulator>();
    m_hub->setStorageRoot(m_storageRoot);
    QVERIFY2(m_hub->listen(&error), qPrintable(error));
}

// ---- HttpServer -------------------------------------------------------------------------------

void TestbedServersTest::httpRecordsRequests()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &request, HttpResponder &responder) {
        responder.respond(200, "echo:" + request.body, {{"Content-Type", "text/plain"}, {"X-Served", "yes"}});
    });
    QVERIFY(server.listen());
    QSignalSpy received(&server, &HttpServer::requestReceived);

    QNetworkRequest get(server.baseUrl().resolved(QUrl(u"/v2/x/tags/list?n=5&last=a%20b"_s)));
    get.setRawHeader("X-Wharf-Test", "first");
    Response r;
    QVERIFY(send(m_nam, get, &r));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-served"), QByteArray("yes"));

    QNetworkRequest post(server.baseUrl().resolved(QUrl(u"/upload"_s)));
    post.setHeader(QNetworkRequest::ContentTypeHeader, u"application/octet-stream"_s);
    QVERIFY(send(m_nam, post, &r, "POST", QByteArray(100000, 'z')));
    QCOMPARE(r.body, "echo:" + QByteArray(100000, 'z'));

    QCOMPARE(received.size(), 2);
    const QList<HttpRequest> requests = server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).method, QByteArray("GET"));
    QCOMPARE(requests.at(0).target, QByteArray("/v2/x/tags/list?n=5&last=a%20b"));
    QCOMPARE(requests.at(0).path(), u"/v2/x/tags/list"_s);
    QCOMPARE(requests.at(0).query().queryItemValue(u"last"_s, QUrl::FullyDecoded), u"a b"_s);
    QCOMPARE(requests.at(0).header("x-wharf-TEST"), QByteArray("first")); // case-insensitive
    QVERIFY(requests.at(0).hasHeader("Host"));
    QVERIFY(!requests.at(0).hasHeader("Authorization"));
    QCOMPARE(requests.at(1).method, QByteArray("POST"));
    QCOMPARE(requests.at(1).body.size(), 100000);
    // QNAM kept the connection alive: same connection, second request on it.
    QCOMPARE(requests.at(1).connectionId, requests.at(0).connectionId);
    QCOMPARE(requests.at(1).indexOnConnection, 1);
    server.clearRequests();
    QCOMPARE(server.requestCount(), 0);
}

void TestbedServersTest::httpKeepAliveAndClose()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &responder) { responder.respond(200, "ok"); });
    QVERIFY(server.listen());

    QNetworkRequest closing(server.baseUrl());
    closing.setRawHeader("Connection", "close");
    Response r;
    QVERIFY(send(m_nam, closing, &r));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Connection"), QByteArray("close"));
    QVERIFY(send(m_nam, QNetworkRequest(server.baseUrl()), &r));
    QCOMPARE(r.status, 200);

    const QList<HttpRequest> requests = server.requests();
    QCOMPARE(requests.size(), 2);
    QVERIFY(requests.at(0).connectionId != requests.at(1).connectionId);
    QCOMPARE(server.connectionsAccepted(), quint64(2));
}

// What QNAM never sends: pipelined requests, a chunked body, a HEAD, an oversized head.
void TestbedServersTest::httpRawFraming()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &request, HttpResponder &responder) {
        responder.respond(200, request.method + ' ' + request.body, {{"Content-Type", "text/plain"}});
    });
    QVERIFY(server.listen());

    // The server runs in this thread: wait through the event loop, never with blocking socket calls.
    const auto exchange = [&server](const QByteArray &bytes, QByteArray *received) {
        QTcpSocket socket;
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&socket, received] { *received += socket.readAll(); });
        socket.connectToHost(u"127.0.0.1"_s, server.port());
        socket.write(bytes);
        const bool done = closed.wait(WaitMs);
        *received += socket.readAll();
        return done;
    };

    QByteArray received;
    QVERIFY(exchange("POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                     "HEAD /b HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                     &received));
    QCOMPARE(received,
             QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 16\r\n\r\nPOST hello world"
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n"
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nConnection: close\r\n\r\nGET "));
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(server.requests().at(0).body, QByteArray("hello world"));
    QCOMPARE(server.requests().at(2).indexOnConnection, 2);

    QByteArray answer;
    QVERIFY(exchange("GET / HTTP/1.1\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n", &answer));
    QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.left(80).constData());
    QCOMPARE(server.requestCount(), 3); // not recorded: never a complete request
}

void TestbedServersTest::httpStallAndResume()
{
    const QByteArray body = QCryptographicHash::hash("stall", QCryptographicHash::Sha256).repeated(8192); // 256 KiB
    QPointer<HttpResponder> responder;
    HttpServer server;
    server.setHandler([&](const HttpRequest &, HttpResponder &r) {
        responder = &r;
        HttpResponder::StreamOptions options;
        options.chunkSize = 8192;
        options.stallAt = 65536;
        r.stream(200, {{"Content-Type", "application/octet-stream"}}, body, options);
    });
    QVERIFY(server.listen());

    std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(server.baseUrl().resolved(QUrl(u"/blob"_s)))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    // readyRead, not downloadProgress: QNAM throttles progress signals (100 ms).
    qint64 received = 0;
    QNetworkReply *raw = reply.get();
    connect(raw, &QNetworkReply::readyRead, raw, [&received, raw] { received = raw->bytesAvailable(); });

    QTRY_VERIFY_WITH_TIMEOUT(responder, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(received, qint64(65536), WaitMs);
    QVERIFY(responder->isStalled());
    QCOMPARE(responder->bodyBytesWritten(), qint64(65536));
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), qint64(body.size()));

    // Stalled: the socket stays open and nothing more arrives.
    QTest::qWait(300);
    QCOMPARE(received, qint64(65536));
    QVERIFY(!reply->isFinished());
    QVERIFY(responder->isConnected());

    responder->resume();
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), body);
    QVERIFY(responder->isComplete());

    // A stall under test control mid-stream (stall()), with a paced stream.
    responder = nullptr;
    server.setHandler([&](const HttpRequest &, HttpResponder &r) {
        responder = &r;
        HttpResponder::StreamOptions options;
        options.chunkSize = 1024;
        options.intervalMs = 5;
        r.stream(200, {}, body.left(32768), options);
    });
    reply.reset(m_nam.get(QNetworkRequest(server.baseUrl())));
    QSignalSpy finished2(reply.get(), &QNetworkReply::finished);
    QTRY_VERIFY_WITH_TIMEOUT(responder && responder->bodyBytesWritten() >= 4096, WaitMs);
    responder->stall();
    const qint64 at = responder->bodyBytesWritten();
    QTest::qWait(200);
    QCOMPARE(responder->bodyBytesWritten(), at);
    QVERIFY(!reply->isFinished());
    responder->resume();
    QVERIFY(finished2.wait(WaitMs));
    QCOMPARE(reply->readAll(), body.left(32768));
}

void TestbedServersTest::httpTruncate_data()
{
    QTest::addColumn<qint64>("closeAt");
    QTest::addColumn<qint64>("contentLength");
    QTest::addColumn<qint64>("bodySize");
    QTest::addColumn<qint64>("expectReceived");
    QTest::addRow("close mid-body") << qint64(3000) << qint64(-1) << qint64(10000) << qint64(3000);
    QTest::addRow("close right after the head") << qint64(0) << qint64(-1) << qint64(10000) << qint64(0);
    QTest::addRow("Content-Length larger than the body") << qint64(-1) << qint64(20000) << qint64(10000) << qint64(10000);
}

void TestbedServersTest::httpTruncate()
{
    QFETCH(qint64, closeAt);
    QFETCH(qint64, contentLength);
    QFETCH(qint64, bodySize);
    QFETCH(qint64, expectReceived);

    const QByteArray body(bodySize, 'b');
    QPointer<HttpResponder> responder;
    HttpServer server;
    server.setHandler([&](const HttpRequest &, HttpResponder &r) {
        responder = &r;
        HttpResponder::StreamOptions options;
        options.chunkSize = 1000;
        options.closeAt = closeAt;
        options.contentLength = contentLength;
        r.stream(200, {}, body, options);
    });
    QVERIFY(server.listen());

    const std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(server.baseUrl())));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(WaitMs));
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
    QCOMPARE(reply->readAll().size(), expectReceived);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(),
             contentLength >= 0 ? contentLength : bodySize);
    QTRY_VERIFY_WITH_TIMEOUT(!responder || !responder->isConnected(), WaitMs);
}

// ---- TokenServer ------------------------------------------------------------------------------

void TestbedServersTest::tokenChallengeFlow_data()
{
    QTest::addColumn<TokenServer::Algorithm>("algorithm");
    QTest::addRow("ES256") << TokenServer::Algorithm::ES256;
    QTest::addRow("RS256") << TokenServer::Algorithm::RS256;
}

void TestbedServersTest::tokenChallengeFlow()
{
    QFETCH(TokenServer::Algorithm, algorithm);
    TokenServer tokens;
    tokens.setAlgorithm(algorithm);
    tokens.addUser(u"bob"_s, u"hunter2"_s);
    QString error;
    QVERIFY2(tokens.listen(&error), qPrintable(error));
    QCOMPARE(tokens.keyId().size(), 59); // 12 groups of 4 base32 characters and 11 colons
    RegistryProcess registry;
    QVERIFY2(startTokenRegistry(tokens, registry, &error), qPrintable(error));

    // 1. No token: 401 and a Bearer challenge naming the token server and the scope.
    const QUrl manifestUrl = registry.baseUrl().resolved(QUrl(u"/v2/multi/manifests/latest"_s));
    Response r;
    QVERIFY(send(m_nam, request(manifestUrl), &r));
    QCOMPARE(r.status, 401);
    QVERIFY(r.header("WWW-Authenticate").startsWith("Bearer "));
    const QHash<QString, QString> challenge = parseChallenge(r.header("WWW-Authenticate"));
    QCOMPARE(challenge.value(u"realm"_s), tokens.realm().toString());
    QCOMPARE(challenge.value(u"service"_s), tokens.service());
    QCOMPARE(challenge.value(u"scope"_s), u"repository:multi:pull"_s);

    // 2. The token, with the user's credentials, from the realm of the challenge.
    QUrl tokenUrl(challenge.value(u"realm"_s));
    QUrlQuery query;
    query.addQueryItem(u"service"_s, challenge.value(u"service"_s));
    query.addQueryItem(u"scope"_s, challenge.value(u"scope"_s));
    tokenUrl.setQuery(query);
    QVERIFY(send(m_nam, request(tokenUrl, basic(u"bob"_s, u"hunter2"_s)), &r));
    QCOMPARE(r.status, 200);
    const QJsonObject answer = r.object();
    const QByteArray token = answer.value(u"token"_s).toString().toLatin1();
    QVERIFY(!token.isEmpty());
    QCOMPARE(answer.value(u"access_token"_s).toString().toLatin1(), token);
    QCOMPARE(answer.value(u"expires_in"_s).toInt(), 300);
    QVERIFY(QDateTime::fromString(answer.value(u"issued_at"_s).toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(tokens.tokensIssued(), 1);

    const QJsonObject claims = TokenServer::decodeClaims(token);
    QCOMPARE(claims.value(u"iss"_s).toString(), tokens.issuer());
    QCOMPARE(claims.value(u"aud"_s).toString(), tokens.service());
    QCOMPARE(claims.value(u"sub"_s).toString(), u"bob"_s);
    QCOMPARE(claims.value(u"access"_s).toArray(),
             (QJsonArray{QJsonObject{{u"type"_s, u"repository"_s}, {u"name"_s, u"multi"_s},
                                     {u"actions"_s, QJsonArray{u"pull"_s}}}}));
    const QJsonObject header = QJsonDocument::fromJson(QByteArray::fromBase64(token.split('.').at(0),
                                                                             QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(header.value(u"kid"_s).toString(), tokens.keyId());
    QCOMPARE(header.value(u"alg"_s).toString(), algorithm == TokenServer::Algorithm::ES256 ? u"ES256"_s : u"RS256"_s);

    // The token server recorded the request as sent.
    const HttpRequest recorded = tokens.requests().constLast();
    QCOMPARE(recorded.method, QByteArray("GET"));
    QCOMPARE(recorded.path(), u"/token"_s);
    QCOMPARE(recorded.query().queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"repository:multi:pull"_s);
    QCOMPARE(recorded.header("authorization"), basic(u"bob"_s, u"hunter2"_s));

    // 3. The retry with the token succeeds; the digest is the body's.
    QVERIFY(send(m_nam, request(manifestUrl, "Bearer " + token), &r));
    QVERIFY2(r.status == 200, qPrintable(registry.logText().right(2000)));
    QCOMPARE(r.header("Docker-Content-Digest"),
             "sha256:" + QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex());
}

void TestbedServersTest::tokenForAnotherRepositoryIsRejected()
{
    Response r;
    QUrl tokenUrl = m_tokens->realm();
    tokenUrl.setQuery(u"service=%1&scope=repository:multi:pull"_s.arg(m_tokens->service()));
    QVERIFY(send(m_nam, request(tokenUrl, basic(u"alice"_s, u"s3cret"_s)), &r));
    QCOMPARE(r.status, 200);
    const QByteArray token = r.object().value(u"token"_s).toString().toLatin1();

    QVERIFY(send(m_nam, request(m_tokenRegistry->baseUrl().resolved(QUrl(u"/v2/single/manifests/1.0"_s)), "Bearer " + token), &r));
    QCOMPARE(r.status, 401);
    const auto challenge = parseChallenge(r.header("WWW-Authenticate"));
    QCOMPARE(challenge.value(u"error"_s), u"insufficient_scope"_s);
    QCOMPARE(challenge.value(u"scope"_s), u"repository:single:pull"_s);

    // The same token still opens its own repository.
    QVERIFY(send(m_nam, request(m_tokenRegistry->baseUrl().resolved(QUrl(u"/v2/multi/manifests/latest"_s)), "Bearer " + token), &r));
    QCOMPARE(r.status, 200);

    // A push scope is not granted: only pull is in the token.
    tokenUrl.setQuery(u"service=%1&scope=repository:multi:pull,push"_s.arg(m_tokens->service()));
    QVERIFY(send(m_nam, request(tokenUrl, basic(u"alice"_s, u"s3cret"_s)), &r));
    QCOMPARE(TokenServer::decodeClaims(r.object().value(u"token"_s).toString().toLatin1())
                 .value(u"access"_s).toArray().at(0).toObject().value(u"actions"_s).toArray(),
             QJsonArray{u"pull"_s});
}

void TestbedServersTest::tokenWrongPassword()
{
    const int issued = m_tokens->tokensIssued();
    QUrl tokenUrl = m_tokens->realm();
    tokenUrl.setQuery(u"service=%1&scope=repository:multi:pull"_s.arg(m_tokens->service()));
    Response r;
    QVERIFY(send(m_nam, request(tokenUrl, basic(u"alice"_s, u"wrong"_s)), &r));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.object().value(u"details"_s).toString(), u"incorrect username or password"_s);
    QVERIFY(send(m_nam, request(tokenUrl, basic(u"mallory"_s, u"s3cret"_s)), &r));
    QCOMPARE(r.status, 401);
    QCOMPARE(m_tokens->tokensIssued(), issued);
}

void TestbedServersTest::tokenAnonymous_data()
{
    QTest::addColumn<TokenServer::AnonymousAccess>("access");
    QTest::addColumn<int>("tokenStatus");
    QTest::addColumn<int>("registryStatus");
    QTest::addRow("pull") << TokenServer::AnonymousAccess::Pull << 200 << 200;
    QTest::addRow("empty token") << TokenServer::AnonymousAccess::EmptyToken << 200 << 401;
    QTest::addRow("deny") << TokenServer::AnonymousAccess::Deny << 401 << 0;
}

void TestbedServersTest::tokenAnonymous()
{
    QFETCH(TokenServer::AnonymousAccess, access);
    QFETCH(int, tokenStatus);
    QFETCH(int, registryStatus);
    m_tokens->setAnonymousAccess(access);
    const auto restore = qScopeGuard([this] { m_tokens->setAnonymousPull(true); });

    QUrl tokenUrl = m_tokens->realm();
    tokenUrl.setQuery(u"service=%1&scope=repository:layers:pull"_s.arg(m_tokens->service()));
    Response r;
    QVERIFY(send(m_nam, request(tokenUrl), &r));
    QCOMPARE(r.status, tokenStatus);
    if (registryStatus == 0)
        return;
    const QByteArray token = r.object().value(u"token"_s).toString().toLatin1();
    QCOMPARE(TokenServer::decodeClaims(token).value(u"sub"_s).toString(), QString());
    QVERIFY(send(m_nam, request(m_tokenRegistry->baseUrl().resolved(QUrl(u"/v2/layers/manifests/base"_s)), "Bearer " + token), &r));
    QCOMPARE(r.status, registryStatus);
}

void TestbedServersTest::tokenExpired()
{
    QUrl tokenUrl = m_tokens->realm();
    tokenUrl.setQuery(u"service=%1&scope=repository:single:pull"_s.arg(m_tokens->service()));
    const QUrl manifest = m_tokenRegistry->baseUrl().resolved(QUrl(u"/v2/single/manifests/1.0"_s));

    m_tokens->issueExpiredTokens(1);
    Response r;
    QVERIFY(send(m_nam, request(tokenUrl, basic(u"alice"_s, u"s3cret"_s)), &r));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"expires_in"_s).toInt(), 300); // the response does not tell
    QVERIFY(send(m_nam, request(manifest, "Bearer " + r.object().value(u"token"_s).toString().toLatin1()), &r));
    QCOMPARE(r.status, 401);
    QCOMPARE(parseChallenge(r.header("WWW-Authenticate")).value(u"error"_s), u"invalid_token"_s);

    // The next token is fresh again.
    QVERIFY(send(m_nam, request(tokenUrl, basic(u"alice"_s, u"s3cret"_s)), &r));
    QVERIFY(send(m_nam, request(manifest, "Bearer " + r.object().value(u"token"_s).toString().toLatin1()), &r));
    QCOMPARE(r.status, 200);
}

void TestbedServersTest::tokenInjectedFailure()
{
    QUrl tokenUrl = m_tokens->realm();
    tokenUrl.setQuery(u"service=%1&scope=repository:single:pull"_s.arg(m_tokens->service()));
    const int issued = m_tokens->tokensIssued();
    m_tokens->failNextRequests(2, 503);
    Response r;
    QVERIFY(send(m_nam, request(tokenUrl), &r));
    QCOMPARE(r.status, 503);
    QVERIFY(send(m_nam, request(tokenUrl), &r));
    QCOMPARE(r.status, 503);
    QVERIFY(send(m_nam, request(tokenUrl), &r));
    QCOMPARE(r.status, 200);
    QCOMPARE(m_tokens->tokensIssued(), issued + 1);

    // Odd but legal answers (reliability B22): only `token`, expires_in 0, no issued_at.
    m_tokens->setResponseTransform([](QJsonObject &body) {
        body.remove(u"access_token"_s);
        body.remove(u"issued_at"_s);
        body.insert(u"expires_in"_s, 0);
    });
    QVERIFY(send(m_nam, request(tokenUrl), &r));
    m_tokens->setResponseTransform({});
    QCOMPARE(r.status, 200);
    QCOMPARE(QStringList(r.object().keys()), (QStringList{u"expires_in"_s, u"token"_s}));
    QCOMPARE(r.object().value(u"expires_in"_s).toInt(), 0);
}

void TestbedServersTest::tokenOAuthPost()
{
    QNetworkRequest post(m_tokens->realm());
    post.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    QUrlQuery form;
    form.addQueryItem(u"grant_type"_s, u"password"_s);
    form.addQueryItem(u"client_id"_s, u"wharf-tests"_s);
    form.addQueryItem(u"username"_s, u"alice"_s);
    form.addQueryItem(u"password"_s, u"s3cret"_s);
    form.addQueryItem(u"service"_s, m_tokens->service());
    form.addQueryItem(u"scope"_s, u"repository:zstd:pull repository:single:pull"_s);
    Response r;
    QVERIFY(send(m_nam, post, &r, "POST", form.toString(QUrl::FullyEncoded).toLatin1()));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(u"scope"_s).toString(), u"repository:zstd:pull repository:single:pull"_s);
    const QByteArray token = r.object().value(u"access_token"_s).toString().toLatin1();
    QVERIFY(!r.object().contains(u"token"_s));
    QVERIFY(send(m_nam, request(m_tokenRegistry->baseUrl().resolved(QUrl(u"/v2/zstd/manifests/latest"_s)), "Bearer " + token), &r));
    QCOMPARE(r.status, 200);
    QVERIFY(send(m_nam, request(m_tokenRegistry->baseUrl().resolved(QUrl(u"/v2/single/manifests/1.0"_s)), "Bearer " + token), &r));
    QCOMPARE(r.status, 200);

    form.removeAllQueryItems(u"password"_s);
    form.addQueryItem(u"password"_s, u"nope"_s);
    QVERIFY(send(m_nam, post, &r, "POST", form.toString(QUrl::FullyEncoded).toLatin1()));
    QCOMPARE(r.status, 401);

    m_tokens->setOAuthPostEnabled(false);
    QVERIFY(send(m_nam, post, &r, "POST", form.toString(QUrl::FullyEncoded).toLatin1()));
    m_tokens->setOAuthPostEnabled(true);
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("GET"));
}

void TestbedServersTest::tokenCatalog()
{
    const QUrl catalog = m_tokenRegistry->baseUrl().resolved(QUrl(u"/v2/_catalog"_s));
    Response r;
    QVERIFY(send(m_nam, request(catalog), &r));
    QCOMPARE(r.status, 401);
    const auto challenge = parseChallenge(r.header("WWW-Authenticate"));
    QCOMPARE(challenge.value(u"scope"_s), u"registry:catalog:*"_s);

    QUrl tokenUrl = m_tokens->realm();
    tokenUrl.setQuery(u"service=%1&scope=registry:catalog:*"_s.arg(m_tokens->service()));
    QVERIFY(send(m_nam, request(tokenUrl, basic(u"alice"_s, u"s3cret"_s)), &r));
    QCOMPARE(r.status, 200);
    QVERIFY(send(m_nam, request(catalog, "Bearer " + r.object().value(u"token"_s).toString().toLatin1()), &r));
    QCOMPARE(r.status, 200);
    QVERIFY(r.object().value(u"repositories"_s).toArray().contains(u"multi"_s));
}

// ---- HubEmulator ------------------------------------------------------------------------------

Response TestbedServersTest::hubGet(const QString &pathAndQuery)
{
    Response r;
    QNetworkRequest req(m_hub->baseUrl().resolved(QUrl(pathAndQuery)));
    req.setRawHeader("Accept", "application/json");
    if (!send(m_nam, req, &r))
        r.status = -1;
    return r;
}

void TestbedServersTest::hubShapes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("extra");

    const QStringList none;
    QTest::addRow("search") << u"/v2/search/repositories/?query=multi&page_size=3"_s << 200
                            << u"hub_v2_search_repositories_nginx.json"_s << none;
    QTest::addRow("search, page size 1") << u"/v2/search/repositories/?query=a&page_size=1"_s << 200
                                         << u"hub_v2_search_repositories_ubuntu_page_size1.json"_s << none;
    QTest::addRow("repository details") << u"/v2/repositories/library/layers/"_s << 200
                                        << u"hub_v2_repositories_details.json"_s << QStringList{u"full_description"_s};
    QTest::addRow("tags, multi-platform") << u"/v2/repositories/library/multi/tags/?page_size=1"_s << 200
                                          << u"hub_v2_repositories_tags_ubuntu_page_size1.json"_s << none;
    QTest::addRow("tags, single platform (namespaces path)")
        << u"/v2/namespaces/library/repositories/single/tags?page_size=5"_s << 200
        << u"hub_v2_namespaces_tags_page_platforms_true.json"_s << QStringList{u"digest"_s};
    QTest::addRow("single tag") << u"/v2/repositories/library/multi/tags/latest"_s << 200
                                << u"hub_v2_repositories_tag_rust_1.44.0-slim.json"_s << QStringList{u"digest"_s};
    QTest::addRow("missing tag") << u"/v2/repositories/library/multi/tags/1.92.0-slim"_s << 404
                                 << u"hub_v2_tag_not_found_404.json"_s << none;
}

void TestbedServersTest::hubShapes()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, fixture);
    QFETCH(QStringList, extra);

    const QJsonValue recorded = readFixture(fixture);
    QVERIFY(recorded.isObject());
    const Response r = hubGet(path);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    QVERIFY(doc.isObject());
    QVERIFY(!doc.object().value(u"results"_s).toArray().isEmpty() || !doc.object().contains(u"results"_s));

    // Hub itself has null or a string in these (variant null for amd64, "v7" for arm; next/previous
    // null on the last/first page; the rest are documented as nullable).
    const QSet<QString> nullable{u"variant"_s, u"os_version"_s, u"next"_s, u"previous"_s, u"last_modified"_s,
                                 u"affiliation"_s, u"source"_s, u"digest"_s};
    const QString difference = shapeDifference(QJsonValue(doc.object()), recorded, u"$"_s,
                                                QSet<QString>(extra.cbegin(), extra.cend()), nullable);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));

    // The fixture's specific habits.
    const QJsonObject object = doc.object();
    if (fixture.startsWith(u"hub_v2_search")) {
        QCOMPARE(object.value(u"previous"_s), QJsonValue(u""_s)); // page 1: "" not null
    } else if (object.contains(u"results"_s)) {
        QCOMPARE(object.value(u"previous"_s), QJsonValue(QJsonValue::Null));
    }
}

void TestbedServersTest::hubNameMapping()
{
    const QStringList names = m_hub->repositories();
    for (const QString &repo : {u"multi"_s, u"layers"_s, u"single"_s, u"docker-v2s2"_s, u"zstd"_s, u"manytags"_s}) {
        QVERIFY2(names.contains(u"library/"_s + repo), qPrintable(names.join(u", "_s)));
        QCOMPARE(m_hub->registryRepository(u"library/"_s + repo), repo);
    }
    const Response r = hubGet(u"/v2/search/repositories/?query=multi"_s);
    QCOMPARE(r.status, 200);
    const QJsonObject hit = r.object().value(u"results"_s).toArray().at(0).toObject();
    QCOMPARE(hit.value(u"repo_name"_s).toString(), u"multi"_s); // official: no library/ prefix
    QCOMPARE(hit.value(u"is_official"_s).toBool(), true);
    QCOMPARE(hit.value(u"repo_owner"_s).toString(), QString());

    // The short form Hub also answers for official images.
    const Response details = hubGet(u"/v2/repositories/library/multi/"_s);
    QCOMPARE(details.object().value(u"namespace"_s).toString(), u"library"_s);
    QCOMPARE(details.object().value(u"name"_s).toString(), u"multi"_s);
    QCOMPARE(hubGet(u"/v2/repositories/multi/tags/"_s).object().value(u"count"_s).toInt(), 1);
}

void TestbedServersTest::hubTagPaging()
{
    // manytags has 260 tags: pages of 100, 100 and 60, linked by next/previous.
    QStringList seen;
    QString next = m_hub->baseUrl().toString() + u"/v2/repositories/library/manytags/tags/?page_size=100"_s;
    int pages = 0;
    QJsonValue previous;
    while (!next.isEmpty() && pages < 10) {
        const QUrl url(next);
        QCOMPARE(url.host(), m_hub->baseUrl().host());
        QCOMPARE(url.port(), m_hub->baseUrl().port());
        const Response r = hubGet(url.path(QUrl::FullyEncoded) + u'?' + url.query(QUrl::FullyEncoded));
        QCOMPARE(r.status, 200);
        const QJsonObject page = r.object();
        ++pages;
        QCOMPARE(page.value(u"count"_s).toInt(), 260);
        if (pages == 1) {
            QCOMPARE(page.value(u"previous"_s), QJsonValue(QJsonValue::Null));
        } else {
            QVERIFY(page.value(u"previous"_s).isString());
            QCOMPARE(QUrlQuery(QUrl(page.value(u"previous"_s).toString())).queryItemValue(u"page"_s),
                     pages == 2 ? QString() : QString::number(pages - 1)); // DRF drops page=1
        }
        const QJsonArray results = page.value(u"results"_s).toArray();
        QCOMPARE(results.size(), pages < 3 ? 100 : 60);
        for (const QJsonValue &tag : results)
            seen.append(tag.toObject().value(u"name"_s).toString());
        const QJsonValue nextValue = page.value(u"next"_s);
        if (pages < 3) {
            // Absolute, this emulator's base, the official short path, query sorted.
            QCOMPARE(nextValue.toString(),
                     m_hub->baseUrl().toString() + u"/v2/repositories/manytags/tags/?page=%1&page_size=100"_s.arg(pages + 1));
        } else {
            QCOMPARE(nextValue, QJsonValue(QJsonValue::Null));
        }
        next = nextValue.toString();
    }
    QCOMPARE(pages, 3);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 260);

    QCOMPARE(hubGet(u"/v2/repositories/library/manytags/tags/?page=4&page_size=100"_s).status, 404);
    QCOMPARE(hubGet(u"/v2/repositories/library/manytags/tags/?page_size=101"_s).status, 400);

    // ordering and name filter
    const QJsonArray byName =
        hubGet(u"/v2/repositories/library/manytags/tags/?ordering=name&page_size=3&name=nightly"_s).object().value(u"results"_s).toArray();
    QCOMPARE(byName.size(), 3);
    QCOMPARE(byName.at(0).toObject().value(u"name"_s).toString(), u"nightly-2024-01-01"_s);
    QCOMPARE(byName.at(2).toObject().value(u"name"_s).toString(), u"nightly-2024-01-03"_s);
}

void TestbedServersTest::hubSearchPaging()
{
    const int total = int(m_hub->repositories().size());
    QVERIFY(total >= 6);
    QString next = u"/v2/search/repositories/?query=&page_size=4"_s;
    int pages = 0;
    QSet<QString> names;
    while (!next.isEmpty() && pages < 10) {
        const Response r = hubGet(next);
        QCOMPARE(r.status, 200);
        const QJsonObject page = r.object();
        ++pages;
        QCOMPARE(page.value(u"count"_s).toInt(), total);
        QVERIFY(page.value(u"previous"_s).isString());
        QCOMPARE(page.value(u"previous"_s).toString().isEmpty(), pages == 1);
        const QJsonArray results = page.value(u"results"_s).toArray();
        for (const QJsonValue &hit : results)
            names.insert(hit.toObject().value(u"repo_name"_s).toString());
        QVERIFY(page.value(u"next"_s).isString()); // search: "" (not null) when there is no next page
        const QUrl url(page.value(u"next"_s).toString());
        next = url.isEmpty() ? QString() : url.path() + u'?' + url.query(QUrl::FullyEncoded);
    }
    QCOMPARE(pages, (total + 3) / 4);
    QCOMPARE(names.size(), total);

    const Response none = hubGet(u"/v2/search/repositories/?query=no-such-image"_s);
    QCOMPARE(none.status, 200);
    QCOMPARE(none.object().value(u"count"_s).toInt(), 0);
    QCOMPARE(none.object().value(u"results"_s).toArray().size(), 0);
}

// Every tag the Hub double lists has the digest the registry serves, and every image of a tag is a
// platform manifest of it (attestations left out), with the size of its layers.
void TestbedServersTest::hubTagsMatchRegistry()
{
    const QStringList names = m_hub->repositories();
    int checked = 0;
    for (const QString &hubName : names) {
        const QString repo = m_hub->registryRepository(hubName);
        QString next = u"/v2/repositories/%1/tags/?page_size=100"_s.arg(hubName);
        QJsonArray tags;
        while (!next.isEmpty()) {
            const Response r = hubGet(next);
            QCOMPARE(r.status, 200);
            const QJsonArray results = r.object().value(u"results"_s).toArray();
            for (const QJsonValue &tag : results)
                tags.append(tag);
            const QUrl url(r.object().value(u"next"_s).toString());
            next = url.isEmpty() ? QString() : url.path() + u'?' + url.query(QUrl::FullyEncoded);
        }

        // What the registry lists is what the Hub double lists.
        Response list;
        QVERIFY(send(m_nam, request(m_plainRegistry->baseUrl().resolved(QUrl(u"/v2/%1/tags/list?n=1000"_s.arg(repo)))), &list));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.object().value(u"tags"_s).toArray().size(), tags.size());

        for (const QJsonValue &value : std::as_const(tags)) {
            const QJsonObject tag = value.toObject();
            const QString name = tag.value(u"name"_s).toString();
            Response manifest;
            QVERIFY(send(m_nam, request(m_plainRegistry->baseUrl().resolved(QUrl(u"/v2/%1/manifests/%2"_s.arg(repo, name)))), &manifest));
            QCOMPARE(manifest.status, 200);
            QCOMPARE(tag.value(u"digest"_s).toString().toLatin1(), manifest.header("Docker-Content-Digest"));

            const QJsonObject document = manifest.object();
            const QJsonArray images = tag.value(u"images"_s).toArray();
            QVERIFY(!images.isEmpty());
            if (document.contains(u"manifests"_s)) {
                QCOMPARE(tag.value(u"media_type"_s).toString(), document.value(u"mediaType"_s).toString());
                QStringList platforms;
                const QJsonArray descriptors = document.value(u"manifests"_s).toArray();
                for (const QJsonValue &d : descriptors) {
                    if (d.toObject().value(u"platform"_s).toObject().value(u"architecture"_s).toString() != u"unknown")
                        platforms.append(d.toObject().value(u"digest"_s).toString());
                }
                QStringList listed;
                for (const QJsonValue &image : images)
                    listed.append(image.toObject().value(u"digest"_s).toString());
                QCOMPARE(listed, platforms);
            } else {
                QCOMPARE(images.size(), 1);
                QCOMPARE(images.at(0).toObject().value(u"digest"_s).toString(), tag.value(u"digest"_s).toString());
                QCOMPARE(tag.value(u"media_type"_s).toString(),
                         document.value(u"config"_s).toObject().value(u"mediaType"_s).toString());
            }
            for (const QJsonValue &image : images) {
                const QJsonObject object = image.toObject();
                Response platform;
                QVERIFY(send(m_nam, request(m_plainRegistry->baseUrl().resolved(
                                     QUrl(u"/v2/%1/manifests/%2"_s.arg(repo, object.value(u"digest"_s).toString())))),
                             &platform));
                QCOMPARE(platform.status, 200);
                qint64 layers = 0;
                const QJsonArray layerArray = platform.object().value(u"layers"_s).toArray();
                for (const QJsonValue &layer : layerArray)
                    layers += layer.toObject().value(u"size"_s).toInteger();
                QCOMPARE(object.value(u"size"_s).toInteger(), layers);
                QCOMPARE(object.value(u"os"_s).toString(), u"linux"_s);
            }
            ++checked;
        }
    }
    QVERIFY(checked >= 266);

    // The multi-platform tag in detail.
    const QJsonObject multi = hubGet(u"/v2/repositories/library/multi/tags/latest"_s).object();
    QStringList platforms;
    const QJsonArray images = multi.value(u"images"_s).toArray();
    for (const QJsonValue &image : images) {
        const QJsonObject o = image.toObject();
        platforms.append(o.value(u"os"_s).toString() + u'/' + o.value(u"architecture"_s).toString()
                         + (o.value(u"variant"_s).isString() ? u'/' + o.value(u"variant"_s).toString() : QString()));
    }
    QCOMPARE(platforms, (QStringList{u"linux/amd64"_s, u"linux/arm64/v8"_s, u"linux/arm/v7"_s}));
    QCOMPARE(multi.value(u"full_size"_s), images.at(0).toObject().value(u"size"_s));
}

void TestbedServersTest::hubErrors()
{
    const Response missingTag = hubGet(u"/v2/repositories/library/multi/tags/nope"_s);
    QCOMPARE(missingTag.status, 404);
    QCOMPARE(missingTag.object(),
             (QJsonObject{{u"message"_s, u"httperror 404: tag 'nope' not found"_s},
                          {u"errinfo"_s, QJsonObject{{u"namespace"_s, u"library"_s}, {u"repository"_s, u"multi"_s},
                                                     {u"tag"_s, u"nope"_s}}}}));
    QCOMPARE(hubGet(u"/v2/repositories/library/no-such-repo/"_s).status, 404);
    QCOMPARE(hubGet(u"/v2/repositories/someone/multi/tags/"_s).status, 404);
    QCOMPARE(hubGet(u"/v2/nothing-here"_s).status, 404);
}

void TestbedServersTest::hubRepositoryInfo()
{
    m_hub->clearRequests();
    m_hub->setRepositoryInfo(u"library/zstd"_s, u"Compressed with zstd"_s, u"# zstd\n\nLayers are **zstd**."_s, 42, Q_INT64_C(123456789012));
    const QJsonObject details = hubGet(u"/v2/repositories/library/zstd/"_s).object();
    QCOMPARE(details.value(u"description"_s).toString(), u"Compressed with zstd"_s);
    QCOMPARE(details.value(u"full_description"_s).toString(), u"# zstd\n\nLayers are **zstd**."_s);
    QCOMPARE(details.value(u"star_count"_s).toInteger(), qint64(42));
    QCOMPARE(details.value(u"pull_count"_s).toInteger(), Q_INT64_C(123456789012));

    const QJsonObject search = hubGet(u"/v2/search/repositories/?query=Compressed"_s).object();
    QCOMPARE(search.value(u"count"_s).toInt(), 1);
    QCOMPARE(search.value(u"results"_s).toArray().at(0).toObject().value(u"pull_count"_s).toInteger(), Q_INT64_C(123456789012));

    const QList<HttpRequest> requests = m_hub->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).method, QByteArray("GET"));
    QCOMPARE(requests.at(0).target, QByteArray("/v2/repositories/library/zstd/"));
    QCOMPARE(requests.at(0).header("accept"), QByteArray("application/json"));
    QCOMPARE(requests.at(1).query().queryItemValue(u"query"_s), u"Compressed"_s);
}

void TestbedServersTest::hubRateLimited()
{
    m_hub->setRateLimited(true);
    const Response limited = hubGet(u"/v2/repositories/library/multi/tags/"_s);
    m_hub->setRateLimited(false);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("1"));
    QCOMPARE(limited.object(), (QJsonObject{{u"detail"_s, u"Rate limit exceeded"_s}, {u"error"_s, false}}));
    QCOMPARE(hubGet(u"/v2/repositories/library/multi/tags/"_s).status, 200);
}

QTEST_GUILESS_MAIN(TestbedServersTest)
#include "tst_testbed_servers.moc"
