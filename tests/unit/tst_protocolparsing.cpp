// The small protocol parsers the registry client relies on: WWW-Authenticate challenges,
// Retry-After, rate-limit headers, Link pagination, Content-Range, the token cache, and how an
// HTTP status (the registry's, or that of the CDN it redirected to) becomes an error.
#include "net/HostRules.h"
#include "net/HttpErrors.h"
#include "net/HttpExchange.h"
#include "net/RetryPolicy.h"
#include "registry/AuthChallenge.h"
#include "registry/BlobJob.h"
#include "registry/PagedListJob.h"
#include "registry/RateLimit.h"
#include "registry/RegistryErrors.h"
#include "registry/TokenCache.h"

#include <QTest>

using namespace wharf;
using namespace Qt::StringLiterals;

class TestProtocolParsing final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void challenges_data();
    void challenges();
    void challengePreference();
    void retryAfter_data();
    void retryAfter();
    void retryLaterText_data();
    void retryLaterText();
    void statusErrors_data();
    void statusErrors();
    void cdnRefusals_data();
    void cdnRefusals();
    void backoffIsBounded();
    void rateLimit_data();
    void rateLimit();
    void linkNext_data();
    void linkNext();
    void contentRange_data();
    void contentRange();
    void tokenCache();
    void hostRules_data();
    void hostRules();
    void origins();
};

void TestProtocolParsing::challenges_data()
{
    QTest::addColumn<QList<QByteArray>>("headers");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("realm");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QString>("error");

    QTest::addRow("docker hub ping") << QList<QByteArray>{R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io")"}
                                     << 1 << u"bearer"_s << u"https://auth.docker.io/token"_s << u"registry.docker.io"_s << QStringList()
                                     << u""_s;
    QTest::addRow("scope with port and actions")
        << QList<QByteArray>{R"(Bearer realm="http://127.0.0.1:5001/token",service="reg",scope="repository:127.0.0.1:5000/a/b:pull,push")"}
        << 1 << u"bearer"_s << u"http://127.0.0.1:5001/token"_s << u"reg"_s << QStringList{u"repository:127.0.0.1:5000/a/b:pull,push"_s}
        << u""_s;
    QTest::addRow("several scopes") << QList<QByteArray>{R"(Bearer realm="r",scope="repository:a:pull repository:b:pull")"} << 1
                                    << u"bearer"_s << u"r"_s << u""_s << QStringList{u"repository:a:pull"_s, u"repository:b:pull"_s}
                                    << u""_s;
    QTest::addRow("error param") << QList<QByteArray>{R"(Bearer realm="r",error="invalid_token")"} << 1 << u"bearer"_s << u"r"_s << u""_s
                                 << QStringList() << u"invalid_token"_s;
    QTest::addRow("case-insensitive scheme and keys")
        << QList<QByteArray>{R"(BEARER Realm="r", SERVICE="s")"} << 1 << u"bearer"_s << u"r"_s << u"s"_s << QStringList() << u""_s;
    QTest::addRow("basic") << QList<QByteArray>{R"(Basic realm="Registry Realm")"} << 1 << u"basic"_s << u"Registry Realm"_s << u""_s
                           << QStringList() << u""_s;
    QTest::addRow("quoted escapes") << QList<QByteArray>{R"(Bearer realm="a\"b\\c",service=plain)"} << 1 << u"bearer"_s << u"a\"b\\c"_s
                                    << u"plain"_s << QStringList() << u""_s;
    QTest::addRow("two challenges in one header")
        << QList<QByteArray>{R"(Basic realm="basic", Bearer realm="https://t/token",service="svc")"} << 2 << u"bearer"_s
        << u"https://t/token"_s << u"svc"_s << QStringList() << u""_s;
    QTest::addRow("two headers") << QList<QByteArray>{R"(Basic realm="b")", R"(Bearer realm="t")"} << 2 << u"bearer"_s << u"t"_s << u""_s
                                 << QStringList() << u""_s;
    QTest::addRow("unknown scheme ignored") << QList<QByteArray>{R"(Negotiate abc==, Basic realm="x")"} << 1 << u"basic"_s << u"x"_s
                                            << u""_s << QStringList() << u""_s;
    QTest::addRow("only unknown") << QList<QByteArray>{"Digest realm=\"d\", nonce=\"n\""} << 0 << u""_s << u""_s << u""_s << QStringList()
                                  << u""_s;
    QTest::addRow("garbage") << QList<QByteArray>{"\"\"\"===,,,  "} << 0 << u""_s << u""_s << u""_s << QStringList() << u""_s;
    QTest::addRow("empty") << QList<QByteArray>{} << 0 << u""_s << u""_s << u""_s << QStringList() << u""_s;
}

void TestProtocolParsing::challenges()
{
    QFETCH(QList<QByteArray>, headers);
    QFETCH(int, count);
    const QList<AuthChallenge> parsed = AuthChallenge::parse(headers);
    QCOMPARE(parsed.size(), count);
    if (count == 0)
        return;
    QFETCH(QString, scheme);
    QFETCH(QString, realm);
    QFETCH(QString, service);
    QFETCH(QStringList, scopes);
    QFETCH(QString, error);
    const AuthChallenge &c = parsed.first();
    QCOMPARE(c.scheme == AuthChallenge::Scheme::Bearer ? QStringLiteral("bearer") : QStringLiteral("basic"), scheme);
    QCOMPARE(c.realm(), realm);
    QCOMPARE(c.service(), service);
    QCOMPARE(c.scopes(), scopes);
    QCOMPARE(c.error(), error);
}

void TestProtocolParsing::challengePreference()
{
    const auto parsed = AuthChallenge::parse({R"(Basic realm="a")", R"(Bearer realm="b")", R"(Basic realm="c")"});
    QCOMPARE(parsed.size(), 3);
    QCOMPARE(parsed[0].realm(), QStringLiteral("b"));
    QCOMPARE(parsed[1].realm(), QStringLiteral("a")); // stable among equals
    QCOMPARE(parsed[2].realm(), QStringLiteral("c"));
}

void TestProtocolParsing::retryAfter_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("xRetryAfter");
    QTest::addColumn<qint64>("expectedMs"); // -1: none
    QTest::addRow("seconds") << QByteArray("3") << QByteArray() << qint64(3000);
    QTest::addRow("zero") << QByteArray("0") << QByteArray() << qint64(0);
    QTest::addRow("negative") << QByteArray("-5") << QByteArray() << qint64(-1);
    QTest::addRow("http date") << QByteArray("Thu, 26 Nov 2026 12:00:10 GMT") << QByteArray() << qint64(10'000);
    QTest::addRow("date in the past") << QByteArray("Thu, 26 Nov 2026 11:00:00 GMT") << QByteArray() << qint64(0);
    QTest::addRow("garbage") << QByteArray("soon") << QByteArray() << qint64(-1);
    QTest::addRow("hub legacy epoch") << QByteArray() << QByteArray("1795694420") << qint64(20'000);
    QTest::addRow("hub legacy seconds") << QByteArray() << QByteArray("7") << qint64(7000);
    QTest::addRow("none") << QByteArray() << QByteArray() << qint64(-1);
    // Docker Hub's API has sent Retry-After as a Unix time: above 10^9 it is a moment, not seconds.
    QTest::addRow("unix time in Retry-After") << QByteArray("1795694420") << QByteArray() << qint64(20'000);
    QTest::addRow("unix time in the past") << QByteArray("1795694000") << QByteArray() << qint64(0);
    QTest::addRow("just below the threshold is seconds") << QByteArray("999999999") << QByteArray() << qint64(999'999'999'000);
    // Found by AFL++: seconds × 1000 overflowed (UBSan), or wrapped to a negative delay that
    // bypassed the cap and left the retry timer never firing. Bounded before any arithmetic.
    QTest::addRow("AFL: 9223372036854776") << QByteArray("9223372036854776") << QByteArray() << net::RetryPolicy::kMaxDelayMs;
    QTest::addRow("AFL: int64 max") << QByteArray("9223372036854775807") << QByteArray() << net::RetryPolicy::kMaxDelayMs;
    QTest::addRow("60 digits") << QByteArray(60, '9') << QByteArray() << net::RetryPolicy::kMaxDelayMs;
    QTest::addRow("huge legacy value") << QByteArray() << QByteArray("99999999999999999999999") << net::RetryPolicy::kMaxDelayMs;
    QTest::addRow("plus sign") << QByteArray("+5") << QByteArray() << qint64(-1);
    QTest::addRow("fraction") << QByteArray("1.5") << QByteArray() << qint64(-1);
}

void TestProtocolParsing::retryAfter()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, xRetryAfter);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(2026, 11, 26), QTime(12, 0, 0), Qt::UTC);
    const auto delay = net::RetryPolicy::retryAfterMs(retryAfter, xRetryAfter, now);
    QCOMPARE(delay.value_or(-1), expectedMs);
}

void TestProtocolParsing::retryLaterText_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QString>("expected");
    QTest::addRow("absent") << QByteArray() << u"try again later"_s;
    QTest::addRow("seconds") << QByteArray("30") << u"try again in 30 second(s) (after 12:00:30 UTC)"_s;
    QTest::addRow("minutes") << QByteArray("600") << u"try again in 10 minute(s) (after 12:10:00 UTC)"_s;
    QTest::addRow("unix time") << QByteArray("1795701600") << u"try again in 2 hour(s) (after 14:00:00 UTC)"_s;
    QTest::addRow("days away") << QByteArray("172800") << u"try again in 48 hour(s) (after 2026-11-28 12:00 UTC)"_s;
    QTest::addRow("forever") << QByteArray("9223372036854775807") << u"the server asks to wait more than a year; try again later"_s;
}

// The one line a user reads when Wharf will not wait: when to come back. (No translator is loaded
// here, so plurals read "(s)".)
void TestProtocolParsing::retryLaterText()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QString, expected);
    net::HttpResponse response;
    response.status = 429;
    if (!retryAfter.isEmpty())
        response.headers.append({"Retry-After", retryAfter});
    const QDateTime now(QDate(2026, 11, 26), QTime(12, 0, 0), Qt::UTC);
    QCOMPARE(net::RetryPolicy::retryLaterText(response, now), expected);
}

void TestProtocolParsing::backoffIsBounded()
{
    net::RetryPolicy policy;
    policy.baseDelayMs = 500;
    policy.maxDelayMs = 4000;
    QCOMPARE(policy.backoffMs(0), 500);
    QCOMPARE(policy.backoffMs(1), 1000);
    QCOMPARE(policy.backoffMs(3), 4000);
    QCOMPARE(policy.backoffMs(60), 4000);
    for (int status : {408, 429, 502, 503, 504})
        QVERIFY(net::RetryPolicy::isRetryableStatus(status));
    for (int status : {200, 400, 401, 403, 404, 416, 500, 501})
        QVERIFY(!net::RetryPolicy::isRetryableStatus(status));
}

void TestProtocolParsing::rateLimit_data()
{
    QTest::addColumn<QByteArray>("limit");
    QTest::addColumn<QByteArray>("remaining");
    QTest::addColumn<int>("expectedLimit");
    QTest::addColumn<int>("expectedRemaining");
    QTest::addColumn<int>("window");
    QTest::addRow("recorded hub") << QByteArray("100;w=21600") << QByteArray("76;w=21600") << 100 << 76 << 21600;
    QTest::addRow("exhausted") << QByteArray("100;w=21600") << QByteArray("0;w=21600") << 100 << 0 << 21600;
    QTest::addRow("no window") << QByteArray("10") << QByteArray("9") << 10 << 9 << -1;
    QTest::addRow("absent") << QByteArray() << QByteArray() << -1 << -1 << -1;
    QTest::addRow("signed in") << QByteArray("200;w=21600") << QByteArray("199;w=21600") << 200 << 199 << 21600;
    // Docker Hub has sent the headers with empty values: unknown, not zero.
    QTest::addRow("empty values") << QByteArray(" ") << QByteArray(";w=21600") << -1 << -1 << -1;
    QTest::addRow("spaces") << QByteArray(" 100 ; w=21600 ") << QByteArray("76 ;w=21600") << 100 << 76 << 21600;
    QTest::addRow("garbage") << QByteArray("lots") << QByteArray("x;w=y") << -1 << -1 << -1;
}

void TestProtocolParsing::rateLimit()
{
    QFETCH(QByteArray, limit);
    QFETCH(QByteArray, remaining);
    QFETCH(int, expectedLimit);
    QFETCH(int, expectedRemaining);
    QFETCH(int, window);
    const RateLimit r = RateLimit::fromHeaders(limit, remaining, "192.0.2.1");
    QCOMPARE(r.limit, expectedLimit);
    QCOMPARE(r.remaining, expectedRemaining);
    QCOMPARE(r.windowSeconds, window);
    QCOMPARE(r.source, QStringLiteral("192.0.2.1"));
    QCOMPARE(r.isKnown(), expectedLimit >= 0 || expectedRemaining >= 0);
}

void TestProtocolParsing::linkNext_data()
{
    QTest::addColumn<QList<QByteArray>>("headers");
    QTest::addColumn<QString>("expected");
    QTest::addRow("relative") << QList<QByteArray>{R"(</v2/app/tags/list?last=v100&n=100>; rel="next")"}
                              << u"http://127.0.0.1:5000/v2/app/tags/list?last=v100&n=100"_s;
    QTest::addRow("absolute") << QList<QByteArray>{R"(<https://other.example/v2/x?last=a>; rel="next")"}
                              << u"https://other.example/v2/x?last=a"_s;
    QTest::addRow("unquoted rel") << QList<QByteArray>{"</p2>; rel=next"} << u"http://127.0.0.1:5000/p2"_s;
    QTest::addRow("prev then next") << QList<QByteArray>{R"(</p1>; rel="prev", </p3>; rel="next")"} << u"http://127.0.0.1:5000/p3"_s;
    QTest::addRow("only prev") << QList<QByteArray>{R"(</p1>; rel="prev")"} << u""_s;
    QTest::addRow("malformed") << QList<QByteArray>{"/p2; rel=\"next\""} << u""_s;
    QTest::addRow("none") << QList<QByteArray>{} << u""_s;
}

void TestProtocolParsing::linkNext()
{
    QFETCH(QList<QByteArray>, headers);
    QFETCH(QString, expected);
    const QUrl next = PagedListJob::nextPageUrl(headers, QUrl(QStringLiteral("http://127.0.0.1:5000/v2/app/tags/list?n=100")));
    QCOMPARE(next.isValid() ? next.toString() : QString(), expected);
}

void TestProtocolParsing::contentRange_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<qint64>("total");
    QTest::addRow("full") << QByteArray("bytes 100-199/200") << true << qint64(100) << qint64(199) << qint64(200);
    QTest::addRow("unknown total") << QByteArray("bytes 0-9/*") << true << qint64(0) << qint64(9) << qint64(-1);
    // Malformed forms (after containers/image's TestParseContentRange): each must be refused.
    for (const char *bad : {"", "bytes", "bytes ", "bytes 1-2", "bytes 1-2/", "bytes -2/3", "bytes 1-/3", "bytes a-2/3", "bytes 1-b/3",
                            "bytes 1-2/c", "bytes 3-2/5", "bytes 1-5/5", "items 1-2/3", "bytes 1--2/3", "bytes +1-2/3"})
        QTest::addRow("bad: '%s'", bad) << QByteArray(bad) << false << qint64(0) << qint64(0) << qint64(0);
}

void TestProtocolParsing::contentRange()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, valid);
    const auto range = BlobJob::parseContentRange(header);
    QCOMPARE(range.has_value(), valid);
    if (!valid)
        return;
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(qint64, total);
    QCOMPARE(range->start, start);
    QCOMPARE(range->end, end);
    QCOMPARE(range->total, total);
}

void TestProtocolParsing::tokenCache()
{
    TokenCache cache;
    const QString key = TokenCache::key(QStringLiteral("r"), {QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("a")});
    QCOMPARE(key, TokenCache::key(QStringLiteral("r"), {QStringLiteral("a"), QStringLiteral("b")}));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    cache.insert(key, QStringLiteral("t1"), now.addSecs(60));
    QCOMPARE(cache.find(key, now), QStringLiteral("t1"));
    QVERIFY(cache.find(key, now.addSecs(55)).isEmpty()); // refreshed a little before expiry
    QVERIFY(cache.find(TokenCache::key(QStringLiteral("other"), {QStringLiteral("a"), QStringLiteral("b")}), now).isEmpty());
    cache.remove(key);
    QVERIFY(cache.find(key, now).isEmpty());

    // A login or logout at one registry drops its tokens, whatever their scopes, and no other's.
    const QString pull = TokenCache::key(QStringLiteral("r:5000"), {QStringLiteral("repository:a:pull")});
    const QString push = TokenCache::key(QStringLiteral("r:5000"), {QStringLiteral("repository:b:pull,push")});
    const QString prefixed = TokenCache::key(QStringLiteral("r:50001"), {QStringLiteral("repository:a:pull")});
    for (const QString &k : {pull, push, prefixed})
        cache.insert(k, QStringLiteral("t"), now.addSecs(600));
    cache.removeRegistry(QStringLiteral("r:5000"));
    QVERIFY(cache.find(pull, now).isEmpty());
    QVERIFY(cache.find(push, now).isEmpty());
    QCOMPARE(cache.find(prefixed, now), QStringLiteral("t"));
}

void TestProtocolParsing::hostRules_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::addRow("localhost") << u"localhost"_s << true;
    QTest::addRow("localhost:5000") << u"localhost:5000"_s << true;
    QTest::addRow("127.0.0.1:5000") << u"127.0.0.1:5000"_s << true;
    QTest::addRow("127.1.2.3") << u"127.1.2.3"_s << true;
    QTest::addRow("[::1]:5000") << u"[::1]:5000"_s << true;
    QTest::addRow("::1") << u"::1"_s << true;
    QTest::addRow("docker.io") << u"docker.io"_s << false;
    QTest::addRow("10.0.0.1") << u"10.0.0.1"_s << false;
    QTest::addRow("localhost.evil.com") << u"localhost.evil.com"_s << false;
    QTest::addRow("127.0.0.1.nip.io") << u"127.0.0.1.nip.io"_s << false;
}

void TestProtocolParsing::hostRules()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(net::isLoopbackHost(host), loopback);
}

void TestProtocolParsing::origins()
{
    QVERIFY(net::sameOrigin(QUrl(QStringLiteral("https://a.example/v2/")), QUrl(QStringLiteral("https://A.example:443/x"))));
    QVERIFY(!net::sameOrigin(QUrl(QStringLiteral("https://a.example/")), QUrl(QStringLiteral("http://a.example/"))));
    QVERIFY(!net::sameOrigin(QUrl(QStringLiteral("http://127.0.0.1:5000/")), QUrl(QStringLiteral("http://127.0.0.1:5001/"))));
    QVERIFY(!net::sameOrigin(QUrl(QStringLiteral("https://registry.example/")), QUrl(QStringLiteral("https://cdn.registry.example/"))));
    QCOMPARE(net::redactedUrl(QUrl(QStringLiteral("https://cdn.example/blob?verify=secret"))),
             QStringLiteral("https://cdn.example/blob?REDACTED"));
    // --verbose shows paging and search parameters, never a signature or a token.
    const QString logged =
        net::loggableUrl(QUrl(QStringLiteral("https://user:pw@cdn.example/blob?X-Amz-Signature=abc&query=nginx&page_size=25&token=t0p#f")));
    QVERIFY(!logged.contains(u"abc"_s));
    QVERIFY(!logged.contains(u"t0p"_s));
    QVERIFY(!logged.contains(u"pw"_s));
    QVERIFY(logged.contains(u"query=nginx"_s));
    QVERIFY(logged.contains(u"page_size=25"_s));
}

void TestProtocolParsing::statusErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("answeredBy"); // after a redirect from https://registry.example/v2/…
    QTest::newRow("401") << 401 << QByteArray() << Error::Code::Unauthorized << false << QString();
    QTest::newRow("403") << 403 << QByteArray() << Error::Code::Denied << false << QString();
    QTest::newRow("404") << 404 << QByteArray() << Error::Code::NotFound << false << QString();
    QTest::newRow("408") << 408 << QByteArray() << Error::Code::Timeout << true << QString();
    QTest::newRow("429, no wait given") << 429 << QByteArray() << Error::Code::RateLimited << true << QString();
    QTest::newRow("429, 30 s") << 429 << QByteArray("30") << Error::Code::RateLimited << true << QString();
    QTest::newRow("429, 2 hours") << 429 << QByteArray("7200") << Error::Code::RateLimited << false << QString();
    QTest::newRow("500") << 500 << QByteArray() << Error::Code::ServerError << false << QString();
    QTest::newRow("503") << 503 << QByteArray() << Error::Code::ServerError << true << QString();
    QTest::newRow("503, 2 hours") << 503 << QByteArray("7200") << Error::Code::ServerError << false << QString();
    QTest::newRow("418") << 418 << QByteArray() << Error::Code::ServerError << false << QString();
    // A CDN refusing the link a redirect gave (expired, or signed for another CDN): a fresh link
    // from the registry can help. Not so for the registry itself, or a missing blob.
    const QString cdn = u"https://production.cloudflare.docker.com/blobs/x?verify=1-sig"_s;
    QTest::newRow("403 from a CDN") << 403 << QByteArray() << Error::Code::Denied << true << cdn;
    QTest::newRow("401 from a CDN") << 401 << QByteArray() << Error::Code::Unauthorized << true << cdn;
    QTest::newRow("404 from a CDN") << 404 << QByteArray() << Error::Code::NotFound << false << cdn;
    QTest::newRow("400 from a CDN") << 400 << QByteArray() << Error::Code::ServerError << false << cdn;
    QTest::newRow("403 from the registry's own origin")
        << 403 << QByteArray() << Error::Code::Denied << false << u"https://registry.example/storage/x"_s;
}

// One reading of a status for every server: what Docker Hub's API and a registry answer alike
// becomes the same code and the same retry decision (they once differed for 429).
void TestProtocolParsing::statusErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(Error::Code, code);
    QFETCH(bool, retryable);
    QFETCH(QString, answeredBy);
    net::HttpResponse response;
    response.status = status;
    response.requestUrl = QUrl(u"https://registry.example/v2/app/blobs/sha256:abc"_s);
    response.url = answeredBy.isEmpty() ? response.requestUrl : QUrl(answeredBy);
    if (!retryAfter.isEmpty())
        response.headers.append({"Retry-After", retryAfter});
    QCOMPARE(net::errorCodeOf(status), code);
    QCOMPARE(net::isWorthRetrying(response), retryable);
    const Error error = net::statusError(response, u"words"_s);
    QCOMPARE(error.code(), code);
    QCOMPARE(error.isRetryable(), retryable);
    QCOMPARE(error.message(), u"words"_s);
}

void TestProtocolParsing::cdnRefusals_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("says"); // a part of the message
    const QByteArray expired = R"(<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>1200</X-Amz-Expires>
<Expires>2026-05-20T10:20:00Z</Expires><ServerTime>2026-05-20T11:00:00Z</ServerTime></Error>)";
    QTest::newRow("R2: expired") << 403 << expired << Error::Code::LinkExpired << false << u"because it had expired (3 link"_s;
    QTest::newRow("signed for another CDN")
        << 403
        << QByteArray("<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not "
                      "match the signature you provided.</Message><StringToSign>AWS4-HMAC-SHA256 secret</StringToSign></Error>")
        << Error::Code::LinkExpired << false << u"(HTTP 403: The request signature we calculated"_s;
    QTest::newRow("Cloudflare: HTML page") << 403 << QByteArray("<html><body>403 Forbidden</body></html>") << Error::Code::LinkExpired
                                           << false << u"(HTTP 403, 3 link"_s;
    QTest::newRow("401 with a challenge") << 401 << QByteArray() << Error::Code::LinkExpired << false << u"refused the signed"_s;
    QTest::newRow("R2: Authorization sent")
        << 400 << QByteArray("<Error><Code>InvalidRequest</Code><Message>Missing x-amz-content-sha256</Message></Error>")
        << Error::Code::ServerError << false << u"answered HTTP 400: Missing x-amz-content-sha256"_s;
    QTest::newRow("missing at the CDN") << 404 << QByteArray() << Error::Code::NotFound << false << u"not found at"_s;
    QTest::newRow("CDN overloaded") << 503 << QByteArray() << Error::Code::ServerError << true << u"answered HTTP 503"_s;
}

// What the CDN a registry redirected to said, after the exchange's fresh links: it names that
// host, never the signed link, and a refused link is not "access to the repository is denied".
void TestProtocolParsing::cdnRefusals()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Error::Code, code);
    QFETCH(bool, retryable);
    QFETCH(QString, says);
    net::HttpResponse response;
    response.status = status;
    response.body = body;
    response.requestUrl = QUrl(u"https://registry-1.docker.io/v2/library/nginx/blobs/sha256:abc"_s);
    response.url = QUrl(u"https://docker-images-prod.r2.cloudflarestorage.com/registry-v2/docker/registry/v2/blobs/sha256/ab/abc/"
                        u"data?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=1200&X-Amz-Signature=f00d"_s);
    const Error error = redirectTargetError(response, {u"docker.io"_s, u"library/nginx"_s, u"blob sha256:abc"_s, true}, 3);
    QCOMPARE(error.code(), code);
    QCOMPARE(error.isRetryable(), retryable);
    const QString text = error.message();
    QVERIFY2(text.contains(says), qPrintable(text));
    QVERIFY2(text.contains(u"docker-images-prod.r2.cloudflarestorage.com"_s), qPrintable(text));
    QVERIFY2(text.contains(u"blob sha256:abc"_s), qPrintable(text));
    for (const QString &secret : {u"X-Amz"_s, u"f00d"_s, u"secret"_s, u"denied"_s})
        QVERIFY2(!text.contains(secret), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestProtocolParsing)
#include "tst_protocolparsing.moc"
