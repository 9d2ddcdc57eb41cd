// SearchModel against the Hub emulator over the test bed (paging by `next` to the end, exactly one
// request per page, rows and roles), a real docker-registry's _catalog (the registry search), and
// scripted servers for what the emulator never does: replies that arrive after the question
// changed, server errors, malformed JSON, rate limiting, a server that is not there. The model runs
// under QAbstractItemModelTester with fetchMore, which is also what pages it, as a view would.
#include "itemmodels/ItemRoles.h"
#include "itemmodels/SearchModel.h"

#include "hub/HubClient.h"
#include "registry/RegistryClient.h"

#include "HttpServer.h"
#include "HubEmulator.h"
#include "RegistryProcess.h"
#include "TestbedImages.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

using State = SearchModel::State;

namespace {

const HttpHeaders kJson{{"Content-Type", "application/json"}};

std::unique_ptr<HubClient> hubClient(const QUrl &base)
{
    auto c = std::make_unique<HubClient>();
    c->setBaseUrl(base);
    net::RetryPolicy fast;
    fast.maxAttempts = 2;
    fast.baseDelayMs = 10;
    c->setRetryPolicy(fast);
    return c;
}

std::unique_ptr<RegistryClient> registryClient()
{
    auto c = std::make_unique<RegistryClient>();
    net::RetryPolicy fast;
    fast.maxAttempts = 2;
    fast.baseDelayMs = 10;
    c->setRetryPolicy(fast);
    return c;
}

// Records every state the model passes through.
struct StateLog
{
    explicit StateLog(SearchModel *model)
    {
        QObject::connect(model, &SearchModel::stateChanged, model, [this, model] { states.append(model->state()); });
    }
    QList<State> states;
};

// Waits until the model is no longer loading; false on a timeout.
bool settles(SearchModel &model, int timeoutMs = 20'000)
{
    QSignalSpy spy(&model, &SearchModel::stateChanged);
    QDeadlineTimer deadline(timeoutMs);
    while (model.state() == State::Loading) {
        if (!spy.wait(int(std::max<qint64>(1, deadline.remainingTime()))))
            return false;
    }
    return true;
}

QJsonObject searchResult(const QString &name, qint64 stars = 7)
{
    return QJsonObject{{u"repo_name"_s, name},
                       {u"short_description"_s, QString(u"about "_s + name)},
                       {u"star_count"_s, QJsonValue(stars)},
                       {u"pull_count"_s, QJsonValue(stars * 1000)},
                       {u"is_official"_s, false},
                       {u"is_automated"_s, false}};
}

QJsonDocument searchPage(const QStringList &names, const QJsonValue &next = QJsonValue::Null, qint64 count = -1)
{
    QJsonArray results;
    for (const QString &name : names)
        results.append(searchResult(name));
    return QJsonDocument(QJsonObject{{u"count"_s, QJsonValue(count < 0 ? qint64(names.size()) : count)},
                                     {u"next"_s, next},
                                     {u"previous"_s, QJsonValue::Null},
                                     {u"results"_s, results}});
}

QStringList rowNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data(SearchModel::NameRole).toString());
    return names;
}

int searchRequests(const QList<HttpRequest> &requests)
{
    return int(std::count_if(requests.cbegin(), requests.cend(),
                             [](const HttpRequest &r) { return r.path() == u"/api/search/v4"_s || r.path() == u"/v2/search/repositories/"_s; }));
}

} // namespace

class TestSearchModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    // the Hub emulator
    void hubPagesFollowNextToTheEnd_data();
    void hubPagesFollowNextToTheEnd();
    void oneRequestAtATime();
    void rolesCarryRawValues();
    void sameQueryKeepsRows();
    void newQueryResets();
    void clearGoesIdle();

    // a real registry's catalog
    void catalogFilteredLocally_data();
    void catalogFilteredLocally();

    // scripted servers
    void staleReplyNeverLands();
    void staleReplyAnsweredFirst();
    void statesAndErrors_data();
    void statesAndErrors();
    void failingSecondPageKeepsRows();
    void pagesInCirclesEndWithANote_data();
    void pagesInCirclesEndWithANote();
    void offline();

private:
    TestbedImages m_images;
    std::unique_ptr<HubEmulator> m_hub;
    RegistryProcess m_registry;
};

void TestSearchModel::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    m_hub = std::make_unique<HubEmulator>();
    m_hub->setStorageRoot(m_images.storageRoot());
    QVERIFY2(m_hub->listen(&error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    options.readOnly = true;
    QVERIFY2(m_registry.start(options, &error), qPrintable(error));
}

void TestSearchModel::init()
{
    m_hub->clearRequests();
}

void TestSearchModel::hubPagesFollowNextToTheEnd_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("pages");
    const int repositories = int(m_images.repositories().size());
    QTest::addRow("1 per page") << 1 << repositories;
    QTest::addRow("2 per page") << 2 << (repositories + 1) / 2;
    QTest::addRow("one page") << 25 << 1;
}

void TestSearchModel::hubPagesFollowNextToTheEnd()
{
    QFETCH(int, pageSize);
    QFETCH(int, pages);
    auto hub = hubClient(m_hub->baseUrl());
    SearchModel model(hub.get(), nullptr);
    model.setPageSize(pageSize);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true); // pages the model the way a view scrolling down would
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    StateLog log(&model);

    model.search(QString());
    QCOMPARE(model.state(), State::Loading);
    QVERIFY(settles(model));
    QCOMPARE(log.states, (QList<State>{State::Loading, State::Ready}));
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), m_images.repositories().size());
    QCOMPARE(model.totalCount(), m_images.repositories().size());
    QCOMPARE(inserted.size(), pages); // one batch per page
    QCOMPARE(aboutToInsert.size(), pages);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(searchRequests(m_hub->requests()), pages);
    // Search v4 pages by offset: each page starts where the one before ended.
    const QList<HttpRequest> requests = m_hub->requests();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        QCOMPARE(requests[i].path(), u"/api/search/v4"_s);
        QCOMPARE(requests[i].query().queryItemValue(u"from"_s).toInt(), int(i) * model.pageSize());
    }
    QStringList names = rowNames(model);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size()); // no page twice
}

void TestSearchModel::oneRequestAtATime()
{
    auto hub = hubClient(m_hub->baseUrl());
    SearchModel model(hub.get(), nullptr);
    model.setPageSize(2);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(false); // this test plays the view: it calls fetchMore itself
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.search(QString());
    model.fetchMore({}); // nothing to follow yet: the first page has not answered
    QVERIFY(inserted.wait());
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(model.state(), State::Ready);
    model.fetchMore({});
    model.fetchMore({}); // a view scrolling on: still one request
    model.fetchMore({});
    QCOMPARE(model.state(), State::Loading);
    QVERIFY(inserted.wait());
    QVERIFY(settles(model));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(searchRequests(m_hub->requests()), 2);
}

void TestSearchModel::rolesCarryRawValues()
{
    m_hub->setRepositoryInfo(u"library/manytags"_s, u"Many tags, one image"_s, u"# README"_s, 1234, 5'000'000'000);
    auto hub = hubClient(m_hub->baseUrl());
    SearchModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    model.search(u"manytags"_s);
    QVERIFY(settles(model));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex row = model.index(0, 0);
    QCOMPARE(row.data(Qt::DisplayRole).toString(), u"manytags"_s);
    QCOMPARE(row.data(SearchModel::NameRole).toString(), u"manytags"_s);
    QCOMPARE(row.data(SearchModel::NamespaceRole).toString(), u"library"_s);
    QCOMPARE(row.data(SearchModel::RepositoryRole).toString(), u"manytags"_s);
    // The tooltip: the description, then the platforms Docker Hub lists for the repository.
    QCOMPARE(row.data(Qt::ToolTipRole).toString(), u"Many tags, one image\nPlatforms: linux \u00B7 amd64"_s);
    QCOMPARE(row.data(SearchModel::ArchitecturesRole).toStringList(), QStringList{u"amd64"_s});
    QCOMPARE(row.data(SearchModel::OperatingSystemsRole).toStringList(), QStringList{u"linux"_s});
    QCOMPARE(row.data(SearchModel::DescriptionRole).toString(), u"Many tags, one image"_s);
    QCOMPARE(row.data(SearchModel::StarsRole).typeId(), QMetaType::LongLong);
    QCOMPARE(row.data(SearchModel::StarsRole).toLongLong(), 1234);
    QCOMPARE(row.data(SearchModel::PullsRole).toLongLong(), 5'000'000'000);
    QCOMPARE(row.data(SearchModel::OfficialRole).toBool(), true);
    QCOMPARE(row.data(SearchModel::VerifiedRole).typeId(), QMetaType::Bool);
    QCOMPARE(row.data(SearchModel::RegistryRole).toString(), u"docker.io"_s);
    QCOMPARE(row.data(SearchModel::ReferenceRole).toString(), u"docker.io/library/manytags"_s);
    QCOMPARE(row.data(ItemRole::CopyText).toString(), u"docker.io/library/manytags"_s); // what Ctrl+C copies
    QVERIFY(!model.index(1, 0).data(SearchModel::NameRole).isValid());

    const QHash<int, QByteArray> roles = model.roleNames();
    const QMetaEnum roleEnum = QMetaEnum::fromType<SearchModel::Role>();
    for (int i = 0; i < roleEnum.keyCount(); ++i)
        QVERIFY2(roles.contains(roleEnum.value(i)), roleEnum.key(i));
    QCOMPARE(roles.value(SearchModel::StarsRole), QByteArray("stars"));
    QCOMPARE(roles.value(Qt::DisplayRole), QByteArray("display"));
}

void TestSearchModel::sameQueryKeepsRows()
{
    auto hub = hubClient(m_hub->baseUrl());
    SearchModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.search(u"multi"_s);
    model.search(u"multi"_s); // debounced typing and Enter: the same question twice
    QVERIFY(settles(model));
    model.search(u"multi"_s, u"docker.io"_s);
    QCOMPARE(model.state(), State::Ready);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(searchRequests(m_hub->requests()), 1);
}

void TestSearchModel::newQueryResets()
{
    auto hub = hubClient(m_hub->baseUrl());
    SearchModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy queryChanged(&model, &SearchModel::queryChanged);
    model.search(QString());
    QVERIFY(settles(model));
    QCOMPARE(reset.size(), 0); // nothing to replace the first time
    model.search(u"single"_s);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(settles(model));
    QCOMPARE(rowNames(model), QStringList{u"single"_s});
    QCOMPARE(queryChanged.size(), 2);

    model.search(u"no-such-image-anywhere"_s);
    QVERIFY(settles(model));
    QCOMPARE(model.state(), State::Empty);
    QCOMPARE(model.totalCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TestSearchModel::clearGoesIdle()
{
    auto hub = hubClient(m_hub->baseUrl());
    SearchModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.state(), State::Idle);
    model.search(u"multi"_s);
    model.clear(); // while loading: the reply must not land afterwards
    QCOMPARE(model.state(), State::Idle);
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.state(), State::Idle);
    QVERIFY(model.query().isEmpty());
}

void TestSearchModel::catalogFilteredLocally_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<State>("state");
    QStringList all = m_images.repositories();
    QTest::addRow("everything") << QString() << all << State::Ready;
    QTest::addRow("case-insensitive substring") << u"TAGS"_s << QStringList{u"manytags"_s} << State::Ready;
    QStringList withE;
    for (const QString &r : all) {
        if (r.contains(u'e'))
            withE.append(r);
    }
    QTest::addRow("several") << u"e"_s << withE << State::Ready;
    QTest::addRow("nothing") << u"no-such-image"_s << QStringList() << State::Empty;
}

void TestSearchModel::catalogFilteredLocally()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QFETCH(State, state);
    auto registry = registryClient();
    SearchModel model(nullptr, registry.get());
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    StateLog log(&model);
    model.search(query, m_registry.hostPort());
    QVERIFY(settles(model));
    QCOMPARE(log.states, (QList<State>{State::Loading, state}));
    QStringList names = rowNames(model);
    names.sort();
    expected.sort();
    QCOMPARE(names, expected);
    QCOMPARE(model.totalCount(), expected.size());
    QVERIFY(!model.canFetchMore({}));
    if (!expected.isEmpty()) {
        const QModelIndex row = model.index(0, 0);
        QCOMPARE(row.data(SearchModel::RegistryRole).toString(), m_registry.hostPort());
        QCOMPARE(row.data(SearchModel::ReferenceRole).toString(), m_registry.hostPort() + u'/' + row.data().toString());
        QCOMPARE(row.data(SearchModel::StarsRole).toLongLong(), -1); // registries know no stars
        QCOMPARE(row.data(SearchModel::OfficialRole).toBool(), false);
    }
}

void TestSearchModel::staleReplyNeverLands()
{
    // "slow" is held until "fast" has answered; then it is answered too, late.
    HttpServer server;
    QPointer<HttpResponder> slow;
    server.setHandler([&slow](const HttpRequest &request, HttpResponder &r) {
        const QString query = request.query().queryItemValue(u"query"_s);
        if (query == u"slow"_s)
            slow = &r;
        else
            r.respondJson(200, searchPage({u"fast/one"_s}), kJson);
    });
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    SearchModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy received(&server, &HttpServer::requestReceived);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.search(u"slow"_s);
    QVERIFY(received.wait());
    QVERIFY(slow);
    model.search(u"fast"_s);
    QVERIFY(inserted.wait());
    if (slow)
        slow->respondJson(200, searchPage({u"slow/one"_s, u"slow/two"_s}), kJson);
    QTest::qWait(200);
    QCOMPARE(rowNames(model), QStringList{u"fast/one"_s});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.state(), State::Ready);
    QCOMPARE(model.query(), u"fast"_s);
}

void TestSearchModel::staleReplyAnsweredFirst()
{
    // Both are held; the abandoned one is answered first and must not be taken for the new one.
    HttpServer server;
    QHash<QString, QPointer<HttpResponder>> held;
    server.setHandler([&held](const HttpRequest &request, HttpResponder &r) {
        held.insert(request.query().queryItemValue(u"query"_s), &r);
    });
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    SearchModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy received(&server, &HttpServer::requestReceived);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.search(u"old"_s);
    QVERIFY(received.wait());
    model.search(u"new"_s);
    QVERIFY(received.wait());
    QCOMPARE(held.size(), 2);
    if (held.value(u"old"_s))
        held.value(u"old"_s)->respondJson(200, searchPage({u"old/one"_s}), kJson);
    QTest::qWait(150);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.state(), State::Loading);
    QVERIFY(held.value(u"new"_s));
    held.value(u"new"_s)->respondJson(200, searchPage({u"new/one"_s}), kJson);
    QVERIFY(inserted.wait());
    QCOMPARE(rowNames(model), QStringList{u"new/one"_s});
    QCOMPARE(model.state(), State::Ready);
}

void TestSearchModel::statesAndErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<State>("state");
    QTest::addColumn<int>("rows");
    QTest::addColumn<bool>("hasError");
    QTest::addColumn<Error::Code>("code");

    const QByteArray two = searchPage({u"a/b"_s, u"c/d"_s}).toJson();
    const QByteArray none = searchPage({}).toJson();
    QTest::addRow("results") << 200 << two << State::Ready << 2 << false << Error::Code::Network;
    QTest::addRow("no results") << 200 << none << State::Empty << 0 << false << Error::Code::Network;
    QTest::addRow("server error") << 500 << QByteArray("{}") << State::Error << 0 << true << Error::Code::ServerError;
    QTest::addRow("malformed JSON") << 200 << QByteArray("{\"results\": [") << State::Error << 0 << true
                                    << Error::Code::MalformedDocument;
    QTest::addRow("JSON that is no page") << 200 << QByteArray("{\"count\": 3}") << State::Error << 0 << true
                                          << Error::Code::MalformedDocument;
    QTest::addRow("rate limited") << 429 << QByteArray(R"({"detail":"Rate limit exceeded"})") << State::Error << 0
                                  << true << Error::Code::RateLimited;
}

void TestSearchModel::statesAndErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(State, state);
    QFETCH(int, rows);
    QFETCH(bool, hasError);
    QFETCH(Error::Code, code);
    HttpServer server;
    server.setHandler([&](const HttpRequest &, HttpResponder &r) { r.respond(status, body, kJson); });
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    SearchModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    StateLog log(&model);
    model.search(u"q"_s);
    QVERIFY(settles(model));
    QCOMPARE(log.states, (QList<State>{State::Loading, state}));
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.errorCode().has_value(), hasError);
    if (hasError) {
        QCOMPARE(*model.errorCode(), code);
        QVERIFY(!model.errorMessage().isEmpty());
        // The same query again is a retry after an error, not a no-op.
        log.states.clear();
        model.search(u"q"_s);
        QCOMPARE(model.state(), State::Loading);
        QVERIFY(settles(model));
        QCOMPARE(log.states, (QList<State>{State::Loading, State::Error}));
    } else {
        QVERIFY(model.errorMessage().isEmpty());
    }
}

// A `next` that leads back to a page already read, or to the same results under a new URL, ends
// the list with a note at once — no endless fetchMore, no row twice.
void TestSearchModel::pagesInCirclesEndWithANote_data()
{
    QTest::addColumn<bool>("sameUrl");
    QTest::addRow("next points back to page 2") << true;
    QTest::addRow("the same page under ever new URLs") << false;
}

void TestSearchModel::pagesInCirclesEndWithANote()
{
    QFETCH(bool, sameUrl);
    HttpServer server;
    int served = 0;
    server.setHandler([&](const HttpRequest &request, HttpResponder &r) {
        ++served;
        const bool first = !request.query().hasQueryItem(u"page"_s);
        QUrl next = server.baseUrl();
        next.setPath(u"/v2/search/repositories/"_s);
        next.setQuery(sameUrl ? u"query=q&page=2"_s : u"query=q&page=%1"_s.arg(served + 1));
        const QStringList names = first ? QStringList{u"a/one"_s, u"a/two"_s} : QStringList{u"a/three"_s, u"a/four"_s};
        r.respondJson(200, searchPage(names, next.toString(), 9999), kJson);
    });
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    SearchModel model(hub.get(), nullptr);
    model.setPageSize(2);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy noted(&model, &SearchModel::endNoteChanged);
    model.search(u"q"_s);
    QVERIFY(settles(model));
    for (int i = 0; i < 10 && model.canFetchMore({}); ++i) {
        model.fetchMore({});
        QVERIFY(settles(model));
    }
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(rowNames(model), (QStringList{u"a/one"_s, u"a/two"_s, u"a/three"_s, u"a/four"_s}));
    QCOMPARE(served, sameUrl ? 2 : 3); // a known URL is not asked again; a page of repeats is the last
    QCOMPARE(noted.size(), 1);
    QVERIFY(model.endNote().contains(u"circles"_s));
    model.search(u"other"_s); // a new search forgets the note
    QVERIFY(model.endNote().isEmpty());
    QVERIFY(settles(model));
}

void TestSearchModel::failingSecondPageKeepsRows()
{
    HttpServer server;
    server.setHandler([&server](const HttpRequest &request, HttpResponder &r) {
        if (request.query().hasQueryItem(u"page"_s)) {
            r.respond(500, "{}", kJson);
            return;
        }
        QUrl next = server.baseUrl();
        next.setPath(u"/v2/search/repositories/"_s);
        next.setQuery(u"query=q&page=2&page_size=1"_s);
        r.respondJson(200, searchPage({u"a/first"_s}, next.toString(), 2), kJson);
    });
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    SearchModel model(hub.get(), nullptr);
    model.setPageSize(1);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    StateLog log(&model);
    model.search(u"q"_s);
    QVERIFY(settles(model));
    QCOMPARE(log.states, (QList<State>{State::Loading, State::Error}));
    QCOMPARE(rowNames(model), QStringList{u"a/first"_s});
    QCOMPARE(*model.errorCode(), Error::Code::ServerError);
    QCOMPARE(model.totalCount(), 2);
    QVERIFY(!model.canFetchMore({})); // no retry loop through fetchMore; reload() is the user's call
}

void TestSearchModel::offline()
{
    QUrl gone;
    {
        HttpServer server;
        QVERIFY(server.listen());
        gone = server.baseUrl();
    }
    auto hub = hubClient(gone);
    SearchModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    model.search(u"anything"_s);
    QVERIFY(settles(model));
    QCOMPARE(model.state(), State::Error);
    QCOMPARE(*model.errorCode(), Error::Code::Network);
}

QTEST_GUILESS_MAIN(TestSearchModel)
#include "tst_searchmodel.moc"
