// The Docker Hub client against the Hub emulator over the test bed's registry storage (search,
// repository details, the 260-tag repository page by page, multi-platform tags, rate limiting),
// and against a scripted server for what the emulator never does: malformed or oversized bodies,
// server errors, and where the requests go (base URL, WHARF_HUB_URL, query encoding). Every page
// after the first is fetched from the `next` the previous one gave, and the tests check that on
// the requests the servers recorded.
#include "hub/HubClient.h"
#include "hub/HubTypes.h"

#include "HttpServer.h"
#include "HubEmulator.h"
#include "TestbedImages.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kHubBodyCap = 8 * 1024 * 1024; // what HubRequest accepts in memory
constexpr int kAttempts = 3;

const HttpHeaders kJson{{"Content-Type", "application/json"}};

template <typename J>
std::unique_ptr<J> owned(J *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<J>(job);
}

// Starts the job and waits for its end; false unless exactly one finished() arrived.
bool finishes(Job *job, int timeoutMs = 20'000)
{
    QSignalSpy spy(job, &Job::finished);
    job->start();
    const bool ended = spy.wait(timeoutMs);
    QCoreApplication::processEvents(); // a second finished() would land here
    return ended && spy.count() == 1;
}

Error::Code codeOf(const Job &job)
{
    return job.error() ? job.error()->code() : Error::Code::Cancelled;
}

QString why(const Job &job)
{
    return job.error() ? job.error()->codeName() + u": "_s + job.error()->message() : u"(no error)"_s;
}

// For QVERIFY2, which evaluates its message whether or not the check fails.
template <typename T>
QString why(const Result<T> &result)
{
    return result ? u"(no error)"_s : result.error().message();
}

// The request-target a client sends for `url`.
QByteArray target(const QUrl &url)
{
    QByteArray t = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        t += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return t;
}

std::unique_ptr<HubClient> makeClient(const QUrl &base)
{
    auto c = std::make_unique<HubClient>();
    c->setBaseUrl(base);
    net::RetryPolicy fast;
    fast.maxAttempts = kAttempts;
    fast.baseDelayMs = 10;
    c->setRetryPolicy(fast);
    return c;
}

// Fetches `first`, then every `next` until there is none; the pages in order.
template <typename T, typename Parse>
bool followPages(HubClient &client, HubRequest *first, Parse parse, QList<HubPage<T>> *pages, QString *error)
{
    std::unique_ptr<HubRequest> job = owned(first);
    while (job) {
        if (!finishes(job.get())) {
            *error = u"request %1 did not finish once"_s.arg(pages->size() + 1);
            return false;
        }
        if (job->error()) {
            *error = why(*job);
            return false;
        }
        const Result<HubPage<T>> page = [&] {
            if constexpr (std::is_invocable_v<Parse, QJsonObject, QUrl>)
                return parse(job->json(), job->url()); // search v4 pages by offset: `next` is made from the URL
            else
                return parse(job->json());
        }();
        if (!page) {
            *error = page.error().message();
            return false;
        }
        pages->append(*page);
        if (pages->size() > 50) {
            *error = u"more than 50 pages: `next` never ends"_s;
            return false;
        }
        if (page->next.isEmpty())
            break;
        job = owned(client.page(page->next, u"next page"_s));
    }
    return true;
}

// A valid, empty search page padded with whitespace to exactly `size` bytes.
QByteArray emptyPageOfSize(qint64 size)
{
    QByteArray body = R"({"count":0,"next":null,"previous":"","results":[]})";
    body.append(QByteArray(size - body.size(), ' '));
    return body;
}

class EnvironmentOverride final
{
    Q_DISABLE_COPY_MOVE(EnvironmentOverride)
public:
    EnvironmentOverride(const char *name, const QByteArray &value)
        : m_name(name), m_wasSet(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~EnvironmentOverride()
    {
        if (m_wasSet)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_old;
};

} // namespace

class TestHubClient final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    // the Hub emulator over the test bed's registry storage
    void searchFollowsNextToTheEnd_data();
    void searchFollowsNextToTheEnd();
    void repositoryDetails();
    void namespacedRepository();
    void tagsFollowNextAcross260Tags_data();
    void tagsFollowNextAcross260Tags();
    void multiPlatformTagListsRunnablePlatforms();
    void singleTag_data();
    void singleTag();
    void notFound_data();
    void notFound();
    void rateLimitedAfterBoundedRetries();

    // a scripted server
    void searchQueryIsPercentEncoded_data();
    void searchQueryIsPercentEncoded();
    void responseStatusesAndBodies_data();
    void responseStatusesAndBodies();
    void jsonObjectThatIsNoPage();
    void rateLimitedThenServed();
    void longRetryAfterEndsRetries();
    void bodySizeCap_data();
    void bodySizeCap();
    void baseUrlOverride_data();
    void baseUrlOverride();
    void environmentOverride();

    // the job contract
    void cancelBeforeStart();
    void cancelWhileWaiting();
    void deleteWhileWaiting();

private:
    TestbedImages m_images;
    std::unique_ptr<HubEmulator> m_hub;
};

void TestHubClient::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    m_hub = std::make_unique<HubEmulator>();
    m_hub->setStorageRoot(m_images.storageRoot());
    QVERIFY2(m_hub->listen(&error), qPrintable(error));
    QVERIFY(m_hub->repositories().contains(u"library/manytags"_s));
}

void TestHubClient::init()
{
    m_hub->setRateLimited(false);
    m_hub->clearRequests();
}

// ---- the Hub emulator ---------------------------------------------------------------------------

void TestHubClient::searchFollowsNextToTheEnd_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<bool>("everything"); // every repository in the test bed matches
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("pages");

    QTest::addRow("everything, 2 per page") << QString() << 2 << true << QStringList() << 3;
    QTest::addRow("everything, 4 per page") << QString() << 4 << true << QStringList() << 2;
    QTest::addRow("everything, 1 per page") << QString() << 1 << true << QStringList() << 6;
    QTest::addRow("everything, one page") << QString() << 25 << true << QStringList() << 1;
    QTest::addRow("everything, page size clamped to 100") << QString() << 1000 << true << QStringList() << 1;
    QTest::addRow("one hit") << u"manytags"_s << 25 << false << QStringList{u"manytags"_s} << 1;
    QTest::addRow("no hit") << u"no-such-image-anywhere"_s << 10 << false << QStringList() << 1;
}

void TestHubClient::searchFollowsNextToTheEnd()
{
    QFETCH(QString, query);
    QFETCH(int, pageSize);
    QFETCH(bool, everything);
    QFETCH(QStringList, names);
    QFETCH(int, pages);
    if (everything) {
        for (const QString &hubName : m_hub->repositories())
            names.append(hubName.section(u'/', 1)); // official: repo_name without library/
        QCOMPARE(names.size(), m_images.repositories().size());
    }

    auto c = makeClient(m_hub->baseUrl());
    QList<HubPage<HubSearchResult>> got;
    QString error;
    QVERIFY2(followPages(*c, c->search(query, pageSize), hub::parseSearchPage, &got, &error), qPrintable(error));
    QCOMPARE(got.size(), pages);

    QStringList seen;
    for (const HubPage<HubSearchResult> &page : std::as_const(got)) {
        QCOMPARE(page.count, qint64(names.size()));
        QVERIFY(page.results.size() <= std::min(pageSize, int(HubClient::kMaxPageSize)));
        for (const HubSearchResult &r : page.results) {
            QCOMPARE(r.namespaceName, u"library"_s);
            QCOMPARE(r.repository, r.name);
            QVERIFY(r.official);
            QVERIFY(r.pulls > 0);
            seen.append(r.name);
        }
    }
    QVERIFY(got.last().next.isEmpty());
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size()); // no result twice
    seen.sort();
    names.sort();
    QCOMPARE(seen, names);

    // Search v4 first (offset 0); every later request is exactly the previous page's `next`, made
    // from its offset and the total.
    const QList<HttpRequest> requests = m_hub->requests();
    QCOMPARE(requests.size(), pages);
    QCOMPARE(requests.first().path(), u"/api/search/v4"_s);
    const QUrlQuery first = requests.first().query();
    QCOMPARE(first.queryItemValue(u"query"_s, QUrl::FullyDecoded), query);
    QCOMPARE(first.queryItemValue(u"size"_s), QString::number(std::min(pageSize, int(HubClient::kMaxPageSize))));
    QCOMPARE(first.queryItemValue(u"from"_s), u"0"_s);
    QCOMPARE(requests.first().header("Accept"), QByteArray("application/json"));
    for (qsizetype i = 1; i < requests.size(); ++i)
        QCOMPARE(requests.at(i).target, target(got.at(i - 1).next));
}

void TestHubClient::repositoryDetails()
{
    const QString markdown = u"# Layers\n\nShared layers, a *whiteout* and an opaque directory.\n\n```\nwharf pull layers:app\n```\n"_s;
    const qint64 pulls = 5'000'000'000; // over 2^32
    m_hub->setRepositoryInfo(u"library/layers"_s, u"Layered test image"_s, markdown, 4242, pulls);

    auto c = makeClient(m_hub->baseUrl());
    auto job = owned(c->repository(u"library"_s, u"layers"_s));
    QVERIFY(finishes(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(why(*job)));
    const auto details = hub::parseRepository(job->json());
    QVERIFY2(details, qPrintable(why(details)));
    QCOMPARE(details->namespaceName, u"library"_s);
    QCOMPARE(details->name, u"layers"_s);
    QCOMPARE(details->description, u"Layered test image"_s);
    QCOMPARE(details->fullDescription, markdown);
    QCOMPARE(details->stars, qint64(4242));
    QCOMPARE(details->pulls, pulls);
    QVERIFY(details->storageSize > 0);
    QVERIFY(details->lastUpdated.isValid());
    QVERIFY(!details->isPrivate);

    const QList<HttpRequest> requests = m_hub->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().path(), u"/v2/namespaces/library/repositories/layers"_s); // the documented route
}

// A Hub repository outside `library`: a storage root whose only repository is "acme/tools", the
// test bed's "single" under another name (symlinks, nothing copied).
void TestHubClient::namespacedRepository()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString realV2 = m_images.storageRoot() + u"/docker/registry/v2"_s;
    const QString v2 = root.filePath(u"docker/registry/v2"_s);
    QVERIFY(QDir().mkpath(v2 + u"/repositories/acme"_s));
    QVERIFY(QFile::link(realV2 + u"/blobs"_s, v2 + u"/blobs"_s));
    QVERIFY(QFile::link(realV2 + u"/repositories/single"_s, v2 + u"/repositories/acme/tools"_s));

    HubEmulator hub;
    hub.setStorageRoot(root.path());
    QString error;
    QVERIFY2(hub.listen(&error), qPrintable(error));
    QCOMPARE(hub.repositories(), QStringList{u"acme/tools"_s});

    auto c = makeClient(hub.baseUrl());
    auto search = owned(c->search(u"tools"_s));
    QVERIFY(finishes(search.get()));
    QVERIFY2(search->succeeded(), qPrintable(why(*search)));
    const auto page = hub::parseSearchPage(search->json());
    QVERIFY(page);
    QCOMPARE(page->results.size(), 1);
    const HubSearchResult &hit = page->results.first();
    QCOMPARE(hit.name, u"acme/tools"_s);
    QCOMPARE(hit.namespaceName, u"acme"_s);
    QCOMPARE(hit.repository, u"tools"_s);
    QVERIFY(!hit.official);

    auto tags = owned(c->tags(hit.namespaceName, hit.repository));
    QVERIFY(finishes(tags.get()));
    QVERIFY2(tags->succeeded(), qPrintable(why(*tags)));
    const auto tagPage = hub::parseTagsPage(tags->json());
    QVERIFY(tagPage);
    QStringList names;
    for (const HubTag &t : tagPage->results) {
        names.append(t.name);
        QCOMPARE(t.digest, m_images.digest(u"single"_s, t.name));
    }
    QCOMPARE(names, m_images.tags(u"single"_s));
    QCOMPARE(hub.requests().last().path(), u"/v2/namespaces/acme/repositories/tools/tags"_s);
}

void TestHubClient::tagsFollowNextAcross260Tags_data()
{
    QTest::addColumn<int>("pageSize"); // 0: the client's default
    QTest::addColumn<int>("sentPageSize");
    QTest::addColumn<int>("pages");
    QTest::addRow("100 per page") << 100 << 100 << 3;
    QTest::addRow("250 asked, Hub's 100 sent") << 250 << 100 << 3;
    QTest::addRow("90 per page") << 90 << 90 << 3;
    QTest::addRow("default page size") << 0 << 100 << 3;
}

void TestHubClient::tagsFollowNextAcross260Tags()
{
    QFETCH(int, pageSize);
    QFETCH(int, sentPageSize);
    QFETCH(int, pages);
    const QStringList expected = m_images.tags(u"manytags"_s);
    QCOMPARE(expected.size(), 260);

    auto c = makeClient(m_hub->baseUrl());
    HubRequest *first = pageSize == 0 ? c->tags(u"library"_s, u"manytags"_s) : c->tags(u"library"_s, u"manytags"_s, pageSize);
    QList<HubPage<HubTag>> got;
    QString error;
    QVERIFY2(followPages(*c, first, hub::parseTagsPage, &got, &error), qPrintable(error));
    QCOMPARE(got.size(), pages);

    QStringList names;
    for (const HubPage<HubTag> &page : std::as_const(got)) {
        QCOMPARE(page.count, qint64(260));
        QVERIFY(page.results.size() <= sentPageSize);
        for (const HubTag &t : page.results) {
            names.append(t.name);
            QCOMPARE(t.digest, m_images.digest(u"manytags"_s, t.name));
            QCOMPARE(t.images.size(), m_images.platforms(u"manytags"_s, t.name).size());
            for (const HubTagImage &image : t.images)
                QVERIFY(!image.platform.isUnknown());
        }
    }
    QVERIFY(got.last().next.isEmpty());
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    names.sort();
    QStringList sortedExpected = expected;
    sortedExpected.sort();
    QCOMPARE(names, sortedExpected);

    const QList<HttpRequest> requests = m_hub->requests();
    QCOMPARE(requests.size(), pages);
    QCOMPARE(requests.first().path(), u"/v2/namespaces/library/repositories/manytags/tags"_s);
    QCOMPARE(requests.first().query().queryItemValue(u"page_size"_s), QString::number(sentPageSize));
    QVERIFY(!requests.first().query().hasQueryItem(u"page"_s));
    // The client follows each `next` as given.
    for (qsizetype i = 1; i < requests.size(); ++i) {
        QCOMPARE(requests.at(i).target, target(got.at(i - 1).next));
        QCOMPARE(requests.at(i).path(), u"/v2/namespaces/library/repositories/manytags/tags"_s);
    }
}

void TestHubClient::multiPlatformTagListsRunnablePlatforms()
{
    const QStringList platforms = m_images.platforms(u"multi"_s, u"latest"_s);
    QCOMPARE(platforms.size(), 3);
    QSet<QString> attestationDigests;
    for (const QJsonValue &a : m_images.attestations(u"multi"_s, u"latest"_s))
        attestationDigests.insert(a.toObject().value(u"digest"_s).toString());
    QVERIFY(!attestationDigests.isEmpty());

    auto c = makeClient(m_hub->baseUrl());
    auto single = owned(c->tag(u"library"_s, u"multi"_s, u"latest"_s));
    QVERIFY(finishes(single.get()));
    QVERIFY2(single->succeeded(), qPrintable(why(*single)));
    const auto tag = hub::parseTag(single->json());
    QVERIFY(tag);

    auto list = owned(c->tags(u"library"_s, u"multi"_s));
    QVERIFY(finishes(list.get()));
    QVERIFY2(list->succeeded(), qPrintable(why(*list)));
    const auto page = hub::parseTagsPage(list->json());
    QVERIFY(page);
    const auto listed = std::ranges::find(page->results, u"latest"_s, &HubTag::name);
    QVERIFY(listed != page->results.cend());

    for (const HubTag &t : {*tag, *listed}) {
        QCOMPARE(t.digest, m_images.digest(u"multi"_s, u"latest"_s));
        QCOMPARE(t.mediaType, m_images.mediaType(u"multi"_s, u"latest"_s));
        QStringList got;
        for (const HubTagImage &image : t.images) {
            const QString platform = image.platform.toString();
            got.append(platform);
            QVERIFY(!image.platform.isUnknown());
            QVERIFY(!attestationDigests.contains(image.digest));
            QCOMPARE(image.digest, m_images.imageDigest(u"multi"_s, u"latest"_s, platform));
            QVERIFY(image.size > 0);
        }
        QCOMPARE(got, platforms);
    }
}

void TestHubClient::singleTag_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    for (const QString &repository : m_images.repositories()) {
        const QStringList tags = m_images.tags(repository);
        QTest::addRow("%s:%s", qPrintable(repository), qPrintable(tags.first())) << repository << tags.first();
        if (tags.size() > 1)
            QTest::addRow("%s:%s", qPrintable(repository), qPrintable(tags.last())) << repository << tags.last();
    }
}

void TestHubClient::singleTag()
{
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    auto c = makeClient(m_hub->baseUrl());
    auto job = owned(c->tag(u"library"_s, repository, tag));
    QVERIFY(finishes(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(why(*job)));
    const auto t = hub::parseTag(job->json());
    QVERIFY2(t, qPrintable(why(t)));
    QCOMPARE(t->name, tag);
    QCOMPARE(t->digest, m_images.digest(repository, tag));
    QVERIFY(t->lastPushed.isValid());
    QStringList platforms;
    for (const HubTagImage &image : t->images) {
        platforms.append(image.platform.toString());
        QCOMPARE(image.digest, m_images.imageDigest(repository, tag, image.platform.toString()));
    }
    QCOMPARE(platforms, m_images.platforms(repository, tag));
    QCOMPARE(m_hub->requests().size(), 1);
    QCOMPARE(m_hub->requests().first().path(), u"/v2/namespaces/library/repositories/%1/tags/%2"_s.arg(repository, tag));
}

void TestHubClient::notFound_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("namespaceName");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    QTest::addRow("missing tag") << u"tag"_s << u"library"_s << u"multi"_s << u"1.92.0-slim"_s;
    QTest::addRow("tag of a missing repository") << u"tag"_s << u"nobody"_s << u"nothing"_s << u"latest"_s;
    QTest::addRow("missing repository") << u"repository"_s << u"library"_s << u"no-such-repo"_s << QString();
    QTest::addRow("missing namespace") << u"repository"_s << u"nobody"_s << u"multi"_s << QString();
    QTest::addRow("tags of a missing repository") << u"tags"_s << u"library"_s << u"no-such-repo"_s << QString();
    QTest::addRow("a page past the end") << u"page"_s << u"library"_s << u"manytags"_s << QString();
}

void TestHubClient::notFound()
{
    QFETCH(QString, what);
    QFETCH(QString, namespaceName);
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    auto c = makeClient(m_hub->baseUrl());
    HubRequest *request = nullptr;
    if (what == u"tag")
        request = c->tag(namespaceName, repository, tag);
    else if (what == u"repository")
        request = c->repository(namespaceName, repository);
    else if (what == u"tags")
        request = c->tags(namespaceName, repository);
    else
        request = c->page(m_hub->baseUrl().resolved(QUrl(u"/v2/repositories/library/manytags/tags/?page=4&page_size=100"_s)),
                          u"tags"_s);
    auto job = owned(request);
    QVERIFY(finishes(job.get()));
    QCOMPARE(codeOf(*job), Error::Code::NotFound);
    QVERIFY(!job->error()->isRetryable());
    QCOMPARE(m_hub->requests().size(), 1); // a 404 is an answer, not retried
}

void TestHubClient::rateLimitedAfterBoundedRetries()
{
    m_hub->setRateLimited(true);
    auto c = makeClient(m_hub->baseUrl());
    auto job = owned(c->search(u"multi"_s));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(finishes(job.get()));
    const qint64 elapsed = timer.elapsed();
    m_hub->setRateLimited(false);

    QCOMPARE(codeOf(*job), Error::Code::RateLimited);
    QVERIFY(job->error()->isRetryable());
    QCOMPARE(m_hub->requests().size(), kAttempts);
    // Retry-After: 1 between attempts, not the 10 ms backoff of the policy (timers may be coarse).
    QVERIFY2(elapsed >= (kAttempts - 1) * 900, qPrintable(QString::number(elapsed)));
}

// ---- a scripted server --------------------------------------------------------------------------

void TestHubClient::searchQueryIsPercentEncoded_data()
{
    QTest::addColumn<QString>("query");
    QTest::addRow("plus") << u"c++"_s;
    QTest::addRow("ampersand and equals") << u"a&b=c"_s;
    QTest::addRow("percent") << u"100%41"_s;
    QTest::addRow("space") << u"two words"_s;
    QTest::addRow("hash, slash, question mark") << u"#x/y?"_s;
    QTest::addRow("non-ASCII") << u"ünïcode"_s;
}

void TestHubClient::searchQueryIsPercentEncoded()
{
    QFETCH(QString, query);
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &responder) {
        responder.respond(200, R"({"count":0,"next":"","previous":"","results":[]})", kJson);
    });
    QVERIFY(server.listen());
    auto c = makeClient(server.baseUrl());
    auto job = owned(c->search(query, 5));
    QVERIFY(finishes(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(why(*job)));
    QCOMPARE(server.requestCount(), 1);
    const HttpRequest request = server.requests().first();
    // Read the way Hub reads a query string: form-style, '+' is a space.
    const QUrlQuery sent = request.query();
    QCOMPARE(sent.queryItemValue(u"query"_s, QUrl::FullyDecoded), query);
    QCOMPARE(sent.queryItemValue(u"size"_s), u"5"_s);
    QCOMPARE(sent.queryItemValue(u"from"_s), u"0"_s);
    QCOMPARE(sent.queryItems().size(), 3);
}

void TestHubClient::responseStatusesAndBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<int>("attempts");

    using C = Error::Code;
    // A 200 that is not the documented shape is treated like a route that is gone: the legacy
    // route is asked once, and answers the same here.
    QTest::addRow("200, malformed JSON") << 200 << QByteArray(R"({"count":1,"results":[)") << QByteArray() << C::MalformedDocument << 2;
    QTest::addRow("200, a JSON array") << 200 << QByteArray(R"([{"repo_name":"nginx"}])") << QByteArray() << C::MalformedDocument << 2;
    QTest::addRow("200, a JSON string") << 200 << QByteArray(R"("results")") << QByteArray() << C::MalformedDocument << 2;
    QTest::addRow("200, a JSON number") << 200 << QByteArray("42") << QByteArray() << C::MalformedDocument << 2;
    QTest::addRow("200, null") << 200 << QByteArray("null") << QByteArray() << C::MalformedDocument << 2;
    QTest::addRow("200, empty body") << 200 << QByteArray() << QByteArray() << C::MalformedDocument << 2;
    QTest::addRow("200, HTML") << 200 << QByteArray("<html><body>Docker Hub</body></html>") << QByteArray()
                               << C::MalformedDocument << 2;
    QTest::addRow("500") << 500 << QByteArray(R"({"message":"internal error"})") << QByteArray() << C::ServerError << 1;
    QTest::addRow("501, no body") << 501 << QByteArray() << QByteArray() << C::ServerError << 1;
    QTest::addRow("503, after the retries") << 503 << QByteArray(R"({"detail":"unavailable"})") << QByteArray()
                                            << C::ServerError << kAttempts;
    QTest::addRow("502, after the retries") << 502 << QByteArray("Bad Gateway") << QByteArray() << C::ServerError
                                            << kAttempts;
    QTest::addRow("429, after the retries") << 429 << QByteArray(R"({"detail":"Rate limit exceeded","error":false})")
                                            << QByteArray("0") << C::RateLimited << kAttempts;
    QTest::addRow("401") << 401 << QByteArray(R"({"detail":"Authentication credentials were not provided."})")
                         << QByteArray() << C::Unauthorized << 1;
    QTest::addRow("403") << 403 << QByteArray(R"({"detail":"forbidden"})") << QByteArray() << C::Denied << 1;
    QTest::addRow("404, Hub's body") << 404 << QByteArray(R"({"message":"httperror 404: object not found"})")
                                     << QByteArray() << C::NotFound << 1;
    QTest::addRow("400, page_size") << 400 << QByteArray(R"({"message":"httperror 400: page_size must be between 1 and 100"})")
                                    << QByteArray() << C::ServerError << 1;
}

void TestHubClient::responseStatusesAndBodies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(Error::Code, code);
    QFETCH(int, attempts);
    HttpServer server;
    server.setHandler([&](const HttpRequest &, HttpResponder &responder) {
        HttpHeaders headers = kJson;
        if (!retryAfter.isEmpty())
            headers.append({"Retry-After", retryAfter});
        responder.respond(status, body, headers);
    });
    QVERIFY(server.listen());
    auto c = makeClient(server.baseUrl());
    for (HubRequest *request : {c->search(u"nginx"_s), c->tags(u"library"_s, u"nginx"_s), c->tag(u"library"_s, u"nginx"_s, u"latest"_s),
                                c->repository(u"library"_s, u"nginx"_s)}) {
        server.clearRequests();
        auto job = owned(request);
        QVERIFY(finishes(job.get()));
        QVERIFY2(codeOf(*job) == code, qPrintable(job->url().toString() + u" "_s + why(*job)));
        QVERIFY(job->json().isEmpty());
        QCOMPARE(server.requestCount(), attempts);
    }
}

void TestHubClient::jsonObjectThatIsNoPage()
{
    // A JSON object is what HubRequest asks for; that it is a page is the parser's to say, asked by
    // the request itself.
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &responder) {
        responder.respond(200, R"({"detail":"ok","results":"none"})", kJson);
    });
    QVERIFY(server.listen());
    auto c = makeClient(server.baseUrl());
    auto job = owned(c->search(u"nginx"_s));
    QVERIFY(finishes(job.get()));
    // The request checks the shape with the parser: a JSON object that is no page is a route
    // answering with something else, so the legacy route is asked too, then the request fails.
    QCOMPARE(codeOf(*job), Error::Code::MalformedDocument);
    QCOMPARE(server.requestCount(), 2);
    QVERIFY(!hub::parseSearchPage(QJsonObject{{u"detail"_s, u"ok"_s}, {u"results"_s, u"none"_s}}));
}

void TestHubClient::rateLimitedThenServed()
{
    HttpServer server;
    server.setHandler([&server](const HttpRequest &, HttpResponder &responder) {
        if (server.requestCount() == 1)
            responder.respond(429, R"({"detail":"Rate limit exceeded","error":false})",
                              {{"Content-Type", "application/json"}, {"Retry-After", "0"}});
        else
            responder.respond(200, R"({"count":1,"next":"","previous":"","results":[{"repo_name":"nginx","is_official":true}]})",
                              kJson);
    });
    QVERIFY(server.listen());
    auto c = makeClient(server.baseUrl());
    auto job = owned(c->search(u"nginx"_s));
    QVERIFY(finishes(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(why(*job)));
    QCOMPARE(server.requestCount(), 2);
    const auto page = hub::parseSearchPage(job->json());
    QVERIFY(page);
    QCOMPARE(page->results.size(), 1);
    QCOMPARE(page->results.first().namespaceName, u"library"_s);
}

void TestHubClient::longRetryAfterEndsRetries()
{
    // Longer than the policy's maxRetryAfterSeconds: report it now rather than hang for an hour.
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &responder) {
        responder.respond(429, R"({"detail":"Rate limit exceeded","error":false})",
                          {{"Content-Type", "application/json"}, {"Retry-After", "3600"}});
    });
    QVERIFY(server.listen());
    auto c = makeClient(server.baseUrl());
    auto job = owned(c->search(u"nginx"_s));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(finishes(job.get()));
    QCOMPARE(codeOf(*job), Error::Code::RateLimited);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(timer.elapsed() < 5000);
}

void TestHubClient::bodySizeCap_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("contentLength");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("8 MiB, Content-Length") << kHubBodyCap << true << true;
    QTest::addRow("8 MiB, read to close") << kHubBodyCap << false << true;
    QTest::addRow("8 MiB + 1, Content-Length") << kHubBodyCap + 1 << true << false;
    QTest::addRow("8 MiB + 1, read to close") << kHubBodyCap + 1 << false << false;
    QTest::addRow("12 MiB, read to close") << qint64(12) * 1024 * 1024 << false << false;
}

void TestHubClient::bodySizeCap()
{
    QFETCH(qint64, size);
    QFETCH(bool, contentLength);
    QFETCH(bool, accepted);
    const QByteArray body = emptyPageOfSize(size);
    QCOMPARE(body.size(), size);
    HttpServer server;
    server.setHandler([&](const HttpRequest &, HttpResponder &responder) {
        if (contentLength) {
            responder.respond(200, body, kJson);
        } else {
            responder.writeHead(200, kJson, -1);
            responder.writeBody(body);
            responder.finish();
        }
    });
    QVERIFY(server.listen());
    auto c = makeClient(server.baseUrl());
    auto job = owned(c->search(u"nginx"_s));
    QVERIFY(finishes(job.get()));
    if (accepted) {
        QVERIFY2(job->succeeded(), qPrintable(why(*job)));
        QVERIFY(hub::parseSearchPage(job->json()));
    } else {
        QCOMPARE(codeOf(*job), Error::Code::TooLarge);
        QVERIFY(job->json().isEmpty());
    }
    QCOMPARE(server.requestCount(), 1);
}

void TestHubClient::baseUrlOverride_data()
{
    QTest::addColumn<QString>("basePath");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("path");
    for (const QString &base : {QString(), u"/"_s, u"/mirror"_s, u"/mirror/"_s}) {
        const QString prefix = base.endsWith(u'/') ? base.chopped(1) : base;
        const QByteArray name = base.isEmpty() ? QByteArray("no path") : base.toUtf8();
        QTest::addRow("%s: search", name.constData()) << base << u"search"_s << QString(prefix + u"/api/search/v4");
        QTest::addRow("%s: repository", name.constData())
            << base << u"repository"_s << QString(prefix + u"/v2/namespaces/library/repositories/multi");
        QTest::addRow("%s: tags", name.constData())
            << base << u"tags"_s << QString(prefix + u"/v2/namespaces/acme/repositories/tools/tags");
        QTest::addRow("%s: tag", name.constData())
            << base << u"tag"_s << QString(prefix + u"/v2/namespaces/library/repositories/multi/tags/1.0");
    }
}

void TestHubClient::baseUrlOverride()
{
    QFETCH(QString, basePath);
    QFETCH(QString, what);
    QFETCH(QString, path);
    HttpServer server;
    // The smallest document of each shape.
    server.setHandler([what](const HttpRequest &, HttpResponder &responder) {
        responder.respond(200,
                          what == u"search"       ? R"({"total":0,"results":[]})"
                          : what == u"repository" ? R"({"name":"multi","namespace":"library"})"
                          : what == u"tags"       ? R"({"count":0,"next":null,"results":[]})"
                                                  : R"({"name":"1.0"})",
                          kJson);
    });
    QVERIFY(server.listen());

    HubClient c;
    QUrl base = server.baseUrl();
    base.setPath(basePath);
    c.setBaseUrl(base);
    QCOMPARE(c.baseUrl(), base);
    HubRequest *request = nullptr;
    if (what == u"search")
        request = c.search(u"multi"_s);
    else if (what == u"repository")
        request = c.repository(u"library"_s, u"multi"_s);
    else if (what == u"tags")
        request = c.tags(u"acme"_s, u"tools"_s);
    else
        request = c.tag(u"library"_s, u"multi"_s, u"1.0"_s);
    auto job = owned(request);
    QCOMPARE(job->url().host(), server.baseUrl().host());
    QCOMPARE(job->url().port(), server.baseUrl().port());
    QVERIFY(finishes(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(why(*job)));
    QCOMPARE(server.requestCount(), 1);
    const HttpRequest request0 = server.requests().first();
    QCOMPARE(request0.path(), path);
    QCOMPARE(request0.header("Accept"), QByteArray("application/json"));
    QVERIFY(!request0.hasHeader("Authorization"));
}

void TestHubClient::environmentOverride()
{
    {
        const EnvironmentOverride unset("WHARF_HUB_URL", QByteArray());
        HubClient c;
        QCOMPARE(c.baseUrl(), QUrl(u"https://hub.docker.com"_s));
        QCOMPARE(c.search(u"x"_s)->url().host(), u"hub.docker.com"_s);
    }
    {
        const EnvironmentOverride empty("WHARF_HUB_URL", QByteArray(""));
        HubClient c;
        QCOMPARE(c.baseUrl(), QUrl(u"https://hub.docker.com"_s));
    }

    const EnvironmentOverride hubUrl("WHARF_HUB_URL", m_hub->baseUrl().toEncoded());
    HubClient c;
    QCOMPARE(c.baseUrl(), m_hub->baseUrl());
    net::RetryPolicy fast;
    fast.maxAttempts = 1;
    c.setRetryPolicy(fast);
    auto job = owned(c.search(u"multi"_s));
    QVERIFY(finishes(job.get()));
    QVERIFY2(job->succeeded(), qPrintable(why(*job)));
    const auto page = hub::parseSearchPage(job->json());
    QVERIFY(page);
    QCOMPARE(page->results.size(), 1);
    QCOMPARE(page->results.first().name, u"multi"_s);
    QCOMPARE(m_hub->requests().size(), 1);

    // setBaseUrl still wins over the environment.
    HttpServer other;
    other.setHandler([](const HttpRequest &, HttpResponder &responder) {
        responder.respond(200, R"({"name":"multi","namespace":"library"})", kJson);
    });
    QVERIFY(other.listen());
    c.setBaseUrl(other.baseUrl());
    auto second = owned(c.repository(u"library"_s, u"multi"_s));
    QVERIFY(finishes(second.get()));
    QVERIFY2(second->succeeded(), qPrintable(why(*second)));
    QCOMPARE(other.requestCount(), 1);
    QCOMPARE(m_hub->requests().size(), 1);
}

// ---- the job contract ---------------------------------------------------------------------------

void TestHubClient::cancelBeforeStart()
{
    auto c = makeClient(m_hub->baseUrl());
    auto job = owned(c->search(u"multi"_s));
    QSignalSpy spy(job.get(), &Job::finished);
    job->cancel();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(codeOf(*job), Error::Code::Cancelled);
    QVERIFY(job->isCancelled());
    job->start();
    QVERIFY(!spy.wait(200));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_hub->requests().size(), 0);
}

void TestHubClient::cancelWhileWaiting()
{
    QPointer<HttpResponder> held;
    HttpServer server;
    server.setHandler([&held](const HttpRequest &, HttpResponder &responder) { held = &responder; }); // never answers
    QVERIFY(server.listen());
    QSignalSpy received(&server, &HttpServer::requestReceived);

    auto c = makeClient(server.baseUrl());
    auto job = owned(c->tags(u"library"_s, u"multi"_s));
    QSignalSpy spy(job.get(), &Job::finished);
    job->start();
    QVERIFY(received.wait());
    QCOMPARE(spy.count(), 0);
    job->cancel();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(codeOf(*job), Error::Code::Cancelled);
    QVERIFY(job->json().isEmpty());
    QTRY_VERIFY(!held || !held->isConnected()); // the request was really abandoned
    QVERIFY(!spy.wait(200));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(server.requestCount(), 1);
}

void TestHubClient::deleteWhileWaiting()
{
    QPointer<HttpResponder> held;
    HttpServer server;
    server.setHandler([&held](const HttpRequest &, HttpResponder &responder) { held = &responder; });
    QVERIFY(server.listen());
    QSignalSpy received(&server, &HttpServer::requestReceived);

    auto c = makeClient(server.baseUrl());
    auto job = owned(c->search(u"multi"_s));
    QSignalSpy spy(job.get(), &Job::finished);
    job->start();
    QVERIFY(received.wait());
    job.reset();
    QCOMPARE(spy.count(), 0);
    QTRY_VERIFY(!held || !held->isConnected());
    // The client is still usable afterwards.
    server.setHandler([](const HttpRequest &, HttpResponder &responder) {
        responder.respond(200, R"({"count":0,"next":"","previous":"","results":[]})", kJson);
    });
    auto next = owned(c->search(u"multi"_s));
    QVERIFY(finishes(next.get()));
    QVERIFY2(next->succeeded(), qPrintable(why(*next)));
}

QTEST_GUILESS_MAIN(TestHubClient)
#include "tst_hubclient.moc"
