// TagListModel and TagFilterProxyModel: Docker Hub tags from the Hub emulator (the 260-tag
// repository page by page, all of its tags aliases of each other, multi-platform tags without
// attestations) and tags/list plus on-demand manifests from a real docker-registry; scripted
// servers for 10,000-tag repositories (Hub pages of 100 with `next`, and one registry tags/list),
// for counting concurrent manifest requests, for aliases among distinct digests, for stale replies
// and for errors. Then the semver key as a table, and the proxy's filters and sort keys. Every
// model runs under QAbstractItemModelTester (with fetchMore for the paged ones).
#include "itemmodels/TagFilterProxyModel.h"
#include "itemmodels/TagListModel.h"

#include "documents/MediaTypes.h"
#include "hub/HubClient.h"
#include "reference/TagOrder.h"
#include "registry/RegistryClient.h"

#include "HttpServer.h"
#include "HubEmulator.h"
#include "RegistryProcess.h"
#include "TestbedImages.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

using State = TagListModel::State;
using SortKey = TagFilterProxyModel::SortKey;

namespace {

const HttpHeaders kJson{{"Content-Type", "application/json"}};

net::RetryPolicy fastRetry()
{
    net::RetryPolicy fast;
    fast.maxAttempts = 2;
    fast.baseDelayMs = 10;
    return fast;
}

std::unique_ptr<HubClient> hubClient(const QUrl &base)
{
    auto c = std::make_unique<HubClient>();
    c->setBaseUrl(base);
    c->setRetryPolicy(fastRetry());
    return c;
}

std::unique_ptr<RegistryClient> registryClient()
{
    auto c = std::make_unique<RegistryClient>();
    c->setRetryPolicy(fastRetry());
    return c;
}

ImageReference reference(const QString &text)
{
    const Result<ImageReference> ref = ImageReference::parseNormalized(text);
    return ref ? *ref : ImageReference();
}

QString sha256(const QByteArray &bytes)
{
    return u"sha256:"_s + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

bool settles(TagListModel &model, int timeoutMs = 30'000)
{
    QSignalSpy spy(&model, &TagListModel::stateChanged);
    QDeadlineTimer deadline(timeoutMs);
    while (model.state() == State::Loading) {
        if (!spy.wait(int(std::max<qint64>(1, deadline.remainingTime()))))
            return false;
    }
    return true;
}

// Waits for rows' details (loaded or failed); false on a timeout.
bool detailsArrive(TagListModel &model, const QList<int> &rows, int timeoutMs = 20'000)
{
    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    QDeadlineTimer deadline(timeoutMs);
    const auto done = [&] {
        return std::all_of(rows.cbegin(), rows.cend(), [&](int row) {
            return model.tag(row).details == TagListModel::Tag::Details::Loaded
                || model.tag(row).details == TagListModel::Tag::Details::Failed;
        });
    };
    while (!done()) {
        if (!spy.wait(int(std::max<qint64>(1, deadline.remainingTime()))))
            return false;
    }
    return true;
}

QStringList rowNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row, 0).data(TagListModel::NameRole).toString());
    return names;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// ---- a scripted Docker Hub: tags pages of 100 with `next` -------------------------------------

struct SyntheticTag
{
    QString name;
    QString digest;
    qint64 size = 1000;
    QDateTime pushed;
    QStringList platforms{u"linux/amd64"_s};
};

QJsonObject hubTagJson(const SyntheticTag &tag)
{
    QJsonArray images;
    for (const QString &platform : tag.platforms) {
        const QStringList parts = platform.split(u'/');
        images.append(QJsonObject{{u"os"_s, parts.value(0)},
                                  {u"architecture"_s, parts.value(1)},
                                  {u"variant"_s, parts.size() > 2 ? QJsonValue(parts.value(2)) : QJsonValue::Null},
                                  {u"digest"_s, sha256(platform.toUtf8() + tag.digest.toUtf8())},
                                  {u"size"_s, tag.size / qMax(1, int(tag.platforms.size()))},
                                  {u"status"_s, u"active"_s}});
    }
    // Hub lists attestations among the images; they must never become platforms.
    images.append(QJsonObject{{u"os"_s, u"unknown"_s}, {u"architecture"_s, u"unknown"_s}, {u"size"_s, 0}});
    const QString when = tag.pushed.toUTC().toString(Qt::ISODateWithMs);
    return QJsonObject{{u"name"_s, tag.name},
                       {u"digest"_s, tag.digest},
                       {u"media_type"_s, QString(MediaTypes::OciIndex)},
                       {u"full_size"_s, tag.size},
                       {u"last_updated"_s, when},
                       {u"tag_last_pushed"_s, when},
                       {u"images"_s, images}};
}

class ScriptedHub final
{
public:
    explicit ScriptedHub(QList<SyntheticTag> tags) : m_tags(std::move(tags))
    {
        m_server.setHandler([this](const HttpRequest &request, HttpResponder &r) { handle(request, r); });
    }
    bool listen() { return m_server.listen(); }
    [[nodiscard]] QUrl baseUrl() const { return m_server.baseUrl(); }
    [[nodiscard]] qsizetype requestCount() const { return m_server.requestCount(); }
    HttpServer &server() { return m_server; }

private:
    void handle(const HttpRequest &request, HttpResponder &r)
    {
        if (!request.path().endsWith(u"/tags/"_s) && !request.path().endsWith(u"/tags"_s)) {
            r.respond(404, R"({"detail":"Not found."})", kJson);
            return;
        }
        const int pageSize = request.query().queryItemValue(u"page_size"_s).toInt();
        const int page = qMax(1, request.query().queryItemValue(u"page"_s).toInt());
        QJsonArray results;
        for (qsizetype i = qsizetype(page - 1) * pageSize; i < qMin(m_tags.size(), qsizetype(page) * pageSize); ++i)
            results.append(hubTagJson(m_tags[i]));
        QJsonValue next = QJsonValue::Null;
        if (qsizetype(page) * pageSize < m_tags.size()) {
            QUrl url = m_server.baseUrl();
            url.setPath(request.path());
            url.setQuery(u"page=%1&page_size=%2"_s.arg(page + 1).arg(pageSize));
            next = url.toString();
        }
        r.respondJson(200,
                      QJsonDocument(QJsonObject{{u"count"_s, m_tags.size()},
                                                {u"next"_s, next},
                                                {u"previous"_s, QJsonValue::Null},
                                                {u"results"_s, results}}),
                      kJson);
    }

    QList<SyntheticTag> m_tags;
    HttpServer m_server;
};

// ---- a scripted registry: one tags/list page, manifests answered after a delay -----------------

// An OCI index for `platforms` plus one attestation; `salt` tells digests apart.
QByteArray indexBody(const QStringList &platforms, const QString &salt)
{
    QJsonArray manifests;
    for (const QString &platform : platforms) {
        const QStringList parts = platform.split(u'/');
        QJsonObject p{{u"os"_s, parts.value(0)}, {u"architecture"_s, parts.value(1)}};
        if (parts.size() > 2)
            p.insert(u"variant"_s, parts.value(2));
        manifests.append(QJsonObject{{u"mediaType"_s, QString(MediaTypes::OciManifest)},
                                     {u"digest"_s, sha256(platform.toUtf8() + salt.toUtf8())},
                                     {u"size"_s, 500},
                                     {u"platform"_s, p}});
    }
    manifests.append(QJsonObject{
        {u"mediaType"_s, QString(MediaTypes::OciManifest)},
        {u"digest"_s, sha256("attestation" + salt.toUtf8())},
        {u"size"_s, 300},
        {u"platform"_s, QJsonObject{{u"os"_s, u"unknown"_s}, {u"architecture"_s, u"unknown"_s}}},
        {u"annotations"_s, QJsonObject{{u"vnd.docker.reference.type"_s, u"attestation-manifest"_s},
                                       {u"vnd.docker.reference.digest"_s, sha256(platforms.value(0).toUtf8() + salt.toUtf8())}}}});
    return QJsonDocument(QJsonObject{{u"schemaVersion"_s, 2},
                                     {u"mediaType"_s, QString(MediaTypes::OciIndex)},
                                     {u"manifests"_s, manifests}})
        .toJson(QJsonDocument::Compact);
}

class ScriptedRegistry final
{
public:
    ScriptedRegistry(QString repository, QStringList tags) : m_repository(std::move(repository)), m_tags(std::move(tags))
    {
        m_server.setHandler([this](const HttpRequest &request, HttpResponder &r) { handle(request, r); });
    }
    bool listen() { return m_server.listen(); }
    [[nodiscard]] QString hostPort() const { return u"127.0.0.1:%1"_s.arg(m_server.port()); }
    // The index a tag's manifest request gets; by default one per tag, all different.
    void setManifestSalt(const QString &tag, const QString &salt) { m_salts.insert(tag, salt); }
    void setManifestDelayMs(int ms) { m_delayMs = ms; }
    void holdTagList(bool hold) { m_holdTagList = hold; }
    void releaseTagList()
    {
        if (m_heldList)
            answerTagList(*m_heldList);
    }

    [[nodiscard]] int maxManifestsInFlight() const { return m_maxInFlight; }
    [[nodiscard]] int manifestRequests() const { return m_manifestRequests; }
    [[nodiscard]] QStringList manifestTags() const { return m_manifestTags; }

private:
    void handle(const HttpRequest &request, HttpResponder &r)
    {
        const QString path = request.path();
        if (path == u"/v2/"_s) {
            r.respond(200, "{}", kJson);
        } else if (path == u"/v2/"_s + m_repository + u"/tags/list"_s) {
            if (m_holdTagList)
                m_heldList = &r;
            else
                answerTagList(r);
        } else if (path.startsWith(u"/v2/"_s + m_repository + u"/manifests/"_s)) {
            const QString tag = path.section(u'/', -1);
            ++m_manifestRequests;
            m_manifestTags.append(tag);
            m_maxInFlight = qMax(m_maxInFlight, ++m_inFlight);
            const QByteArray body = indexBody({u"linux/amd64"_s, u"linux/arm64/v8"_s}, m_salts.value(tag, tag));
            QPointer<HttpResponder> responder(&r);
            QTimer::singleShot(m_delayMs, &m_server, [this, responder, body] {
                --m_inFlight;
                if (responder)
                    responder->respond(200, body,
                                       {{"Content-Type", QByteArray(MediaTypes::OciIndex.data())},
                                        {"Docker-Content-Digest", sha256(body).toLatin1()}});
            });
        } else {
            r.respond(404, R"({"errors":[{"code":"NAME_UNKNOWN","message":"unknown"}]})", kJson);
        }
    }
    void answerTagList(HttpResponder &r)
    {
        r.respondJson(200, QJsonDocument(QJsonObject{{u"name"_s, m_repository}, {u"tags"_s, QJsonArray::fromStringList(m_tags)}}),
                      kJson);
    }

    QString m_repository;
    QStringList m_tags;
    QHash<QString, QString> m_salts;
    int m_delayMs = 0;
    bool m_holdTagList = false;
    QPointer<HttpResponder> m_heldList;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    int m_manifestRequests = 0;
    QStringList m_manifestTags;
    HttpServer m_server;
};

QList<SyntheticTag> syntheticTags(int count)
{
    QList<SyntheticTag> tags;
    tags.reserve(count);
    const QDateTime base(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        SyntheticTag tag;
        tag.name = u"%1.%2.%3"_s.arg(i / 1000).arg(i / 10 % 100).arg(i % 10);
        tag.digest = sha256(tag.name.toUtf8());
        tag.size = 1000 + i;
        tag.pushed = base.addSecs(i * 60);
        tags.append(tag);
    }
    return tags;
}

} // namespace

class TestTagModels final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    // Docker Hub (the emulator)
    void hubTagsPageByNextAndAreAliases();
    void hubMultiPlatformWithoutAttestations();
    void hubUnknownRepository();
    void sameRepositoryKeepsRows();

    // a real registry
    void registryTagsWithDetailsOnDemand();
    void registryDetailsOfIndexAndSingleManifest();

    // scripted servers
    void hubTenThousandTags();
    void registryTenThousandTagsBoundedDetails();
    void aliasesAmongDistinctDigests();
    void staleTagListNeverLands();
    void hubErrors_data();
    void hubErrors();
    void hubPagesInCirclesEndWithANote();

    // the semver key and the proxy
    void semverOrder_data();
    void semverOrder();
    void newestFirst_data();
    void newestFirst();
    void proxyOrdersTheWholeList_data();
    void proxyOrdersTheWholeList();
    void proxyFilter_data();
    void proxyFilter();
    void proxyInvalidRegexKeepsEveryRow();
    void proxySetterNoOps();
    void proxySortKeys_data();
    void proxySortKeys();

private:
    TestbedImages m_images;
    std::unique_ptr<HubEmulator> m_hub;
    RegistryProcess m_registry;
};

void TestTagModels::initTestCase()
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

void TestTagModels::init()
{
    m_hub->clearRequests();
}

// ---- Docker Hub -----------------------------------------------------------------------------------

void TestTagModels::hubTagsPageByNextAndAreAliases()
{
    const QStringList expected = m_images.tags(u"manytags"_s);
    QCOMPARE(expected.size(), 260);
    auto hub = hubClient(m_hub->baseUrl());
    TagListModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setRepository(reference(u"manytags"_s));
    QCOMPARE(model.state(), State::Loading);
    QVERIFY(model.isDockerHub());
    QVERIFY(settles(model));
    QCOMPARE(model.state(), State::Ready);
    QCOMPARE(sorted(rowNames(model)), sorted(expected));
    QCOMPARE(model.totalCount(), 260);
    QCOMPARE(inserted.size(), 3); // 100 + 100 + 60
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_hub->requests().size(), 3);
    QVERIFY(!model.canFetchMore({}));

    const QString digest = m_images.digest(u"manytags"_s, expected.first());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        const QString name = index.data(TagListModel::NameRole).toString();
        QCOMPARE(index.data(TagListModel::DigestRole).toString(), digest);
        QVERIFY(index.data(TagListModel::DetailsLoadedRole).toBool());
        QCOMPARE(index.data(TagListModel::PlatformsRole).toStringList(), m_images.platforms(u"manytags"_s, name));
        QCOMPARE(index.data(TagListModel::PlatformCountRole).toInt(), 1);
        QVERIFY(index.data(TagListModel::LastPushedRole).toDateTime().isValid());
        QVERIFY(index.data(TagListModel::SizeRole).toLongLong() > 0);
        // Every tag points at the one image: each is an alias of all the others.
        const QStringList aliases = index.data(TagListModel::AliasesRole).toStringList();
        QCOMPARE(aliases.size(), 259);
        QVERIFY(!aliases.contains(name));
        QCOMPARE(index.data(TagListModel::AliasCountRole).toInt(), 259);
    }
    // Rows already shown learned about new aliases: one dataChanged per page after the first.
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 99);
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 199);
    QCOMPARE(changed.at(1).at(2).value<QList<int>>(), (QList<int>{TagListModel::AliasesRole, TagListModel::AliasCountRole}));
}

void TestTagModels::hubMultiPlatformWithoutAttestations()
{
    auto hub = hubClient(m_hub->baseUrl());
    TagListModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    model.setRepository(reference(u"docker.io/library/multi:latest"_s));
    QVERIFY(settles(model));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex row = model.index(0, 0);
    QCOMPARE(row.data().toString(), u"latest"_s);
    const QStringList platforms = row.data(TagListModel::PlatformsRole).toStringList();
    QCOMPARE(platforms, m_images.platforms(u"multi"_s, u"latest"_s));
    QCOMPARE(platforms.size(), 3);
    for (const QString &p : platforms)
        QVERIFY(!p.contains(u"unknown"_s));
    QCOMPARE(row.data(TagListModel::DigestRole).toString(), m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(row.data(TagListModel::AliasesRole).toStringList(), QStringList());
    model.requestDetails(0); // Hub rows have theirs already: no request
    QCOMPARE(model.detailRequestsInFlight(), 0);
}

void TestTagModels::hubUnknownRepository()
{
    auto hub = hubClient(m_hub->baseUrl());
    TagListModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    model.setRepository(reference(u"no-such-repository"_s));
    QVERIFY(settles(model));
    QCOMPARE(model.state(), State::Error);
    QCOMPARE(*model.errorCode(), Error::Code::NotFound);
    QCOMPARE(model.rowCount(), 0);
}

void TestTagModels::sameRepositoryKeepsRows()
{
    auto hub = hubClient(m_hub->baseUrl());
    TagListModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRepository(reference(u"single"_s));
    QVERIFY(settles(model));
    model.setRepository(reference(u"single:1.0"_s)); // the same repository, another tag picked
    QCOMPARE(model.state(), State::Ready);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_hub->requests().size(), 1);
    model.setRepository(reference(u"multi"_s));
    QCOMPARE(reset.size(), 1);
    QVERIFY(settles(model));
    QCOMPARE(rowNames(model), QStringList{u"latest"_s});
}

// ---- a real registry ------------------------------------------------------------------------------

void TestTagModels::registryTagsWithDetailsOnDemand()
{
    auto registry = registryClient();
    TagListModel model(nullptr, registry.get());
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    model.setRepository(reference(m_registry.hostPort() + u"/manytags"_s));
    QVERIFY(!model.isDockerHub());
    QVERIFY(settles(model));
    QCOMPARE(model.state(), State::Ready);
    QCOMPARE(sorted(rowNames(model)), sorted(m_images.tags(u"manytags"_s)));
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.index(row, 0).data(TagListModel::DetailsLoadedRole).toBool());
        QVERIFY(model.index(row, 0).data(TagListModel::DigestRole).toString().isEmpty());
    }

    const QList<int> visible{0, 1, 2, 3, 4, 5, 6, 7};
    for (int row : visible)
        model.requestDetails(row);
    QVERIFY(model.detailRequestsInFlight() <= TagListModel::kMaxDetailRequests);
    QVERIFY(detailsArrive(model, visible));
    for (int row : visible) {
        const QModelIndex index = model.index(row, 0);
        const QString name = index.data().toString();
        QVERIFY(index.data(TagListModel::DetailsLoadedRole).toBool());
        QCOMPARE(index.data(TagListModel::DigestRole).toString(), m_images.digest(u"manytags"_s, name));
        QCOMPARE(index.data(TagListModel::PlatformsRole).toStringList(), m_images.platforms(u"manytags"_s, name));
        // Aliases are the tags known so far to share the digest: the other loaded rows.
        QCOMPARE(index.data(TagListModel::AliasCountRole).toInt(), visible.size() - 1);
    }
    QVERIFY(!model.index(8, 0).data(TagListModel::DetailsLoadedRole).toBool());
    QCOMPARE(model.index(8, 0).data(TagListModel::AliasesRole).toStringList(), QStringList());
}

void TestTagModels::registryDetailsOfIndexAndSingleManifest()
{
    auto registry = registryClient();
    TagListModel model(nullptr, registry.get());
    QAbstractItemModelTester tester(&model);
    model.setRepository(reference(m_registry.hostPort() + u"/multi"_s));
    QVERIFY(settles(model));
    QCOMPARE(model.rowCount(), 1);
    model.requestDetails(0);
    QVERIFY(detailsArrive(model, {0}));
    QModelIndex row = model.index(0, 0);
    QCOMPARE(row.data(TagListModel::PlatformsRole).toStringList(), m_images.platforms(u"multi"_s, u"latest"_s));
    QCOMPARE(row.data(TagListModel::MediaTypeRole).toString(), m_images.mediaType(u"multi"_s, u"latest"_s));
    QCOMPARE(row.data(TagListModel::SizeRole).toLongLong(), -1); // an index's size is per platform

    model.setRepository(reference(m_registry.hostPort() + u"/single"_s));
    QVERIFY(settles(model));
    model.requestDetails(0);
    QVERIFY(detailsArrive(model, {0}));
    row = model.index(0, 0);
    QCOMPARE(row.data(TagListModel::PlatformsRole).toStringList(), QStringList{u"linux/amd64"_s}); // from the config
    QCOMPARE(row.data(TagListModel::DigestRole).toString(), m_images.digest(u"single"_s, u"1.0"_s));
    QVERIFY(row.data(TagListModel::SizeRole).toLongLong() > 0);
    QVERIFY(row.data(TagListModel::LastPushedRole).toDateTime().isValid());
}

// ---- scripted servers ------------------------------------------------------------------------------

void TestTagModels::hubTenThousandTags()
{
    ScriptedHub server(syntheticTags(10'000));
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    TagListModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRepository(reference(u"big"_s));
    QVERIFY(settles(model, 120'000));
    QCOMPARE(model.state(), State::Ready);
    QCOMPARE(model.rowCount(), 10'000);
    QCOMPARE(inserted.size(), 100);
    QCOMPARE(server.requestCount(), 100); // one per page, up to the page whose next is null
    QCOMPARE(model.totalCount(), 10'000);
    QCOMPARE(model.index(9'999, 0).data(TagListModel::PlatformsRole).toStringList(), QStringList{u"linux/amd64"_s});
}

void TestTagModels::registryTenThousandTagsBoundedDetails()
{
    QStringList names;
    for (int i = 0; i < 10'000; ++i)
        names.append(u"build-%1"_s.arg(i));
    ScriptedRegistry server(u"big"_s, names);
    server.setManifestDelayMs(30); // long enough for requests to pile up if nothing bounds them
    QVERIFY(server.listen());
    auto registry = registryClient();
    TagListModel model(nullptr, registry.get());
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRepository(reference(server.hostPort() + u"/big"_s));
    QVERIFY(settles(model));
    QCOMPARE(model.rowCount(), 10'000);
    QCOMPARE(inserted.size(), 1); // one tags/list page, one batch

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<int> visible;
    for (int row = 5'000; row < 5'020; ++row) {
        visible.append(row);
        model.requestDetails(row);
        model.requestDetails(row); // a repaint asks again: still one request
    }
    QCOMPARE(model.detailRequestsInFlight(), TagListModel::kMaxDetailRequests);
    QVERIFY(detailsArrive(model, visible));
    QCOMPARE(server.manifestRequests(), 20);
    QCOMPARE(server.maxManifestsInFlight(), TagListModel::kMaxDetailRequests);
    // The first four start at once; after them, most recently asked first: the rows on screen now
    // matter more than those scrolled past.
    QCOMPARE(sorted(server.manifestTags().mid(0, 4)), (QStringList{u"build-5000"_s, u"build-5001"_s, u"build-5002"_s, u"build-5003"_s}));
    QCOMPARE(server.manifestTags().at(4), u"build-5019"_s);
    // Each row's details arrive as one dataChanged for that row alone (distinct digests: no aliases).
    QCOMPARE(changed.size(), 20);
    for (const QList<QVariant> &signal : changed)
        QCOMPARE(signal.at(0).value<QModelIndex>(), signal.at(1).value<QModelIndex>());
    for (int row : visible) {
        QCOMPARE(model.index(row, 0).data(TagListModel::PlatformsRole).toStringList(),
                 (QStringList{u"linux/amd64"_s, u"linux/arm64/v8"_s}));
        QCOMPARE(model.index(row, 0).data(TagListModel::AliasCountRole).toInt(), 0);
    }
}

void TestTagModels::aliasesAmongDistinctDigests()
{
    const QStringList names{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s};
    ScriptedRegistry server(u"small"_s, names);
    server.setManifestSalt(u"a"_s, u"X"_s);
    server.setManifestSalt(u"b"_s, u"X"_s);
    server.setManifestSalt(u"e"_s, u"X"_s);
    server.setManifestSalt(u"c"_s, u"Y"_s);
    server.setManifestSalt(u"d"_s, u"Z"_s);
    QVERIFY(server.listen());
    auto registry = registryClient();
    TagListModel model(nullptr, registry.get());
    QAbstractItemModelTester tester(&model);
    model.setRepository(reference(server.hostPort() + u"/small"_s));
    QVERIFY(settles(model));
    QCOMPARE(rowNames(model), names);
    const auto aliases = [&model](int row) { return model.index(row, 0).data(TagListModel::AliasesRole).toStringList(); };

    model.requestDetails(0);
    model.requestDetails(2);
    QVERIFY(detailsArrive(model, {0, 2}));
    QCOMPARE(aliases(0), QStringList());
    QCOMPARE(aliases(2), QStringList());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.requestDetails(1);
    QVERIFY(detailsArrive(model, {1}));
    QCOMPARE(aliases(0), QStringList{u"b"_s});
    QCOMPARE(aliases(1), QStringList{u"a"_s});
    // Row 1 changed as a whole, row 0 only in its aliases.
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 0);
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 0);
    QVERIFY(changed.at(1).at(2).value<QList<int>>().contains(TagListModel::AliasesRole));

    model.requestDetails(3);
    model.requestDetails(4);
    QVERIFY(detailsArrive(model, {3, 4}));
    QCOMPARE(aliases(0), (QStringList{u"b"_s, u"e"_s}));
    QCOMPARE(aliases(1), (QStringList{u"a"_s, u"e"_s}));
    QCOMPARE(aliases(4), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(aliases(2), QStringList());
    QCOMPARE(aliases(3), QStringList());
    QCOMPARE(model.index(2, 0).data(TagListModel::DigestRole).toString(),
             sha256(indexBody({u"linux/amd64"_s, u"linux/arm64/v8"_s}, u"Y"_s)));
}

void TestTagModels::staleTagListNeverLands()
{
    ScriptedRegistry slow(u"old"_s, {u"old-1"_s, u"old-2"_s});
    slow.holdTagList(true);
    QVERIFY(slow.listen());
    ScriptedRegistry fast(u"new"_s, {u"new-1"_s});
    QVERIFY(fast.listen());
    auto registry = registryClient();
    TagListModel model(nullptr, registry.get());
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.setRepository(reference(slow.hostPort() + u"/old"_s));
    QTest::qWait(100); // the old request is out and held
    model.setRepository(reference(fast.hostPort() + u"/new"_s));
    QVERIFY(inserted.wait());
    slow.releaseTagList();
    QTest::qWait(200);
    QCOMPARE(rowNames(model), QStringList{u"new-1"_s});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.state(), State::Ready);
}

void TestTagModels::hubErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<State>("state");
    QTest::addColumn<int>("code"); // Error::Code, or -1 for none

    QTest::addRow("no tags") << 200 << QByteArray(R"({"count":0,"next":null,"previous":null,"results":[]})")
                             << State::Empty << -1;
    QTest::addRow("server error") << 500 << QByteArray("{}") << State::Error << int(Error::Code::ServerError);
    QTest::addRow("malformed JSON") << 200 << QByteArray("{\"results\":[{") << State::Error
                                    << int(Error::Code::MalformedDocument);
    QTest::addRow("a tag without a name") << 200 << QByteArray(R"({"count":1,"results":[{"digest":"x"}]})")
                                          << State::Error << int(Error::Code::MalformedDocument);
    QTest::addRow("rate limited") << 429 << QByteArray(R"({"detail":"Rate limit exceeded"})") << State::Error
                                  << int(Error::Code::RateLimited);
}

void TestTagModels::hubErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(State, state);
    QFETCH(int, code);
    HttpServer server;
    server.setHandler([&](const HttpRequest &, HttpResponder &r) { r.respond(status, body, kJson); });
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    TagListModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QList<State> states;
    connect(&model, &TagListModel::stateChanged, this, [&] { states.append(model.state()); });
    model.setRepository(reference(u"x"_s));
    QVERIFY(settles(model));
    QCOMPARE(states, (QList<State>{State::Loading, state}));
    QCOMPARE(model.errorCode().has_value(), code >= 0);
    if (code >= 0)
        QCOMPARE(int(*model.errorCode()), code);
}

// Docker Hub pages whose `next` serves the same tags under ever new URLs: the Tags pane's fetchMore
// stops at the first page that brings nothing new, with a note, and lists no tag twice.
void TestTagModels::hubPagesInCirclesEndWithANote()
{
    HttpServer server;
    int served = 0;
    server.setHandler([&](const HttpRequest &request, HttpResponder &r) {
        ++served;
        QJsonArray results;
        for (const QString &name : {u"1.0"_s, u"1.1"_s})
            results.append(QJsonObject{{u"name"_s, name}, {u"images"_s, QJsonArray()}});
        QUrl next = server.baseUrl();
        next.setPath(request.path());
        next.setQuery(u"page=%1&page_size=2"_s.arg(served + 1));
        r.respondJson(200, QJsonDocument(QJsonObject{{u"count"_s, 5000}, {u"next"_s, next.toString()}, {u"results"_s, results}}),
                      kJson);
    });
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    TagListModel model(hub.get(), nullptr);
    QAbstractItemModelTester tester(&model);
    tester.setUseFetchMore(true);
    QSignalSpy noted(&model, &TagListModel::endNoteChanged);
    model.setRepository(reference(u"someone/app"_s));
    QVERIFY(settles(model));
    for (int i = 0; i < 10 && model.canFetchMore({}); ++i) {
        model.fetchMore({});
        QVERIFY(settles(model));
    }
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(served, 2);
    QCOMPARE(noted.size(), 1);
    QVERIFY(model.endNote().contains(u"circles"_s));
}

// ---- the semver key and the proxy -----------------------------------------------------------------

void TestTagModels::semverOrder_data()
{
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");
    QTest::addRow("minor numerically") << u"1.9"_s << u"1.10"_s;
    QTest::addRow("patch after its minor") << u"1.10"_s << u"1.10.1"_s;
    QTest::addRow("long numbers") << u"1.99999999999"_s << u"1.100000000000"_s;
    QTest::addRow("major numerically") << u"9"_s << u"10.0"_s;
    QTest::addRow("leading zeros ignored") << u"2024.01.09"_s << u"2024.1.10"_s;
    QTest::addRow("pre-release before release") << u"1.0.0-rc.1"_s << u"1.0.0"_s;
    QTest::addRow("pre-release after the previous release") << u"1.10"_s << u"1.10.1-rc1"_s;
    QTest::addRow("alpha before alpha.1") << u"1.0.0-alpha"_s << u"1.0.0-alpha.1"_s;
    QTest::addRow("alpha.1 before alpha.beta") << u"1.0.0-alpha.1"_s << u"1.0.0-alpha.beta"_s;
    QTest::addRow("alpha.beta before beta") << u"1.0.0-alpha.beta"_s << u"1.0.0-beta"_s;
    QTest::addRow("beta.2 before beta.11") << u"1.0.0-beta.2"_s << u"1.0.0-beta.11"_s;
    QTest::addRow("beta.11 before rc.1") << u"1.0.0-beta.11"_s << u"1.0.0-rc.1"_s;
    QTest::addRow("rc.1 before rc1") << u"1.0-rc.1"_s << u"1.0-rc1"_s;
    QTest::addRow("flavour as pre-release") << u"1.25-alpine"_s << u"1.25"_s;
    QTest::addRow("v prefix read as a version") << u"v1.9"_s << u"1.10"_s;
    QTest::addRow("build metadata ignored") << u"1.2+build.9"_s << u"1.3"_s;
    QTest::addRow("release above its pre-releases") << u"2.0.0-rc.10"_s << u"2.0"_s;
    QTest::addRow("versions before names") << u"999.0"_s << u"alpine"_s;
    QTest::addRow("names by name") << u"alpine"_s << u"latest"_s;
    QTest::addRow("not a version: 1..2") << u"99"_s << u"1..2"_s;
    QTest::addRow("not a version: trailing dot") << u"99"_s << u"1.2."_s;
}

void TestTagModels::semverOrder()
{
    QFETCH(QString, lower);
    QFETCH(QString, higher);
    const QString a = TagListModel::semverKey(lower);
    const QString b = TagListModel::semverKey(higher);
    QVERIFY2(a < b, qPrintable(a + u" !< "_s + b));
}

void TestTagModels::newestFirst_data()
{
    // The pairs issue 12 saw in the wrong order, and their neighbours: `first` comes before `second`.
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("newestFirst");
    const auto both = [](const char *name, const QString &first, const QString &second) {
        QTest::addRow("%s, newest first", name) << first << second << true;
        QTest::addRow("%s, oldest first", name) << first << second << false;
    };
    both("latest pinned above versions", u"latest"_s, u"2.0"_s);
    both("latest pinned above names", u"latest"_s, u"stable"_s);
    both("stable after versions", u"1.0"_s, u"stable"_s);
    both("nightly after versions", u"0.1"_s, u"nightly-2024-01-21"_s);
    both("names by name", u"nightly-2024-01-21"_s, u"stable"_s);
    QTest::addRow("release above its pre-releases") << u"2.0"_s << u"2.0.0-rc.10"_s << true;
    QTest::addRow("2.0.0 above its pre-releases") << u"2.0.0"_s << u"2.0.0-rc.10"_s << true;
    QTest::addRow("rc.10 above rc.9") << u"2.0.0-rc.10"_s << u"2.0.0-rc.9"_s << true;
    QTest::addRow("rc.9 above rc.1") << u"2.0.0-rc.9"_s << u"2.0.0-rc.1"_s << true;
    QTest::addRow("pre-release above the release before") << u"2.0.0-rc.1"_s << u"1.9"_s << true;
    QTest::addRow("v1.10 above v1.9") << u"v1.10"_s << u"v1.9"_s << true;
    QTest::addRow("v1.9 above v1.2") << u"v1.9"_s << u"v1.2"_s << true;
    QTest::addRow("oldest first: pre-release before release") << u"2.0.0-rc.10"_s << u"2.0"_s << false;
    QTest::addRow("oldest first: rc.9 before rc.10") << u"2.0.0-rc.9"_s << u"2.0.0-rc.10"_s << false;
    QTest::addRow("oldest first: v1.2 before v1.10") << u"v1.2"_s << u"v1.10"_s << false;
}

void TestTagModels::newestFirst()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(bool, newestFirst);
    const QString a = TagOrder::versionKey(first);
    const QString b = TagOrder::versionKey(second);
    const auto compare = newestFirst ? &TagOrder::compareNewestFirst : &TagOrder::compareOldestFirst;
    QVERIFY2(compare(first, a, second, b) < 0, qPrintable(first + u" should come before "_s + second));
    QVERIFY2(compare(second, b, first, a) > 0, qPrintable(second + u" should come after "_s + first));
    // 2.0 is 2.0.0: the same version, so only their names tell them apart.
    QCOMPARE(TagOrder::versionKey(u"2.0"), TagOrder::versionKey(u"2.0.0"));
}

namespace {

// The model over a scripted Hub, fully loaded.
bool loadHubTags(TagListModel &model)
{
    model.setRepository(reference(u"fixture"_s));
    return settles(model) && model.state() == State::Ready;
}

// Names, sizes and push times chosen so every sort key gives a different order.
QList<SyntheticTag> proxyFixture()
{
    const QDateTime base(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    const auto tag = [&](const QString &name, qint64 size, int day) {
        SyntheticTag t;
        t.name = name;
        t.digest = sha256(name.toUtf8());
        t.size = size;
        t.pushed = base.addDays(day);
        return t;
    };
    return {tag(u"1.10"_s, 300, 2), tag(u"latest"_s, 100, 5), tag(u"1.9"_s, 500, 1), tag(u"1.10.1"_s, 200, 4),
            tag(u"1.10.1-rc.1"_s, 400, 3), tag(u"1.25-alpine"_s, 600, 0), tag(u"alpine"_s, 50, 6)};
}

} // namespace

namespace {

// Tags as a busy repository has them, in the registry's (lexical) order and spread over pages:
// versions with and without a v, release candidates past rc.9, flavours, and names that are not
// versions at all.
QStringList busyRepositoryTags()
{
    QStringList names{u"latest"_s, u"stable"_s, u"edge"_s, u"nightly-2024-01-21"_s, u"nightly-2024-01-22"_s,
                      u"2.0"_s, u"2.0-alpine"_s, u"1.25-alpine"_s};
    for (int rc = 1; rc <= 10; ++rc)
        names.append(u"2.0.0-rc.%1"_s.arg(rc));
    for (int minor = 0; minor <= 20; ++minor)
        names.append(u"v3.%1"_s.arg(minor));
    for (int minor = 0; minor < 30; ++minor)
        for (int patch = 0; patch < 10; ++patch)
            names.append(u"1.%1.%2"_s.arg(minor).arg(patch));
    names.sort(); // tags/list order: v3.2 … v3.9 land on the last page, after v3.10 … v3.20
    return names;
}

} // namespace

void TestTagModels::proxyOrdersTheWholeList_data()
{
    QTest::addColumn<bool>("hub");
    QTest::addRow("Docker Hub, pages of 100") << true;
    QTest::addRow("registry tags/list") << false;
}

void TestTagModels::proxyOrdersTheWholeList()
{
    QFETCH(bool, hub);
    const QStringList names = busyRepositoryTags();
    QVERIFY(names.size() > 3 * TagListModel::kHubPageSize);
    QList<SyntheticTag> synthetic;
    for (const QString &name : names) {
        SyntheticTag tag;
        tag.name = name;
        tag.digest = sha256(name.toUtf8());
        tag.pushed = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
        synthetic.append(tag);
    }
    ScriptedHub hubServer(synthetic);
    ScriptedRegistry registryServer(u"busy"_s, names);
    QVERIFY(hub ? hubServer.listen() : registryServer.listen());
    auto hubApi = hubClient(hubServer.baseUrl());
    auto registry = registryClient();
    TagListModel model(hub ? hubApi.get() : nullptr, hub ? nullptr : registry.get());
    TagFilterProxyModel proxy; // newest first by default, as the Tags pane opens
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRepository(hub ? reference(u"fixture"_s) : reference(registryServer.hostPort() + u"/busy"_s));
    QVERIFY(settles(model));
    QCOMPARE(model.state(), State::Ready);
    QCOMPARE(model.rowCount(), names.size());
    if (hub)
        QVERIFY(inserted.size() > 1); // the rows came page by page, and were sorted as one list

    QStringList expected = names;
    TagOrder::sortNewestFirst(expected); // the order `wharf tags` prints
    const QStringList shown = rowNames(proxy);
    QCOMPARE(shown, expected);
    QCOMPARE(shown.first(), u"latest"_s);
    QCOMPARE(shown.at(1), u"v3.20"_s);
    QVERIFY(shown.indexOf(u"2.0"_s) < shown.indexOf(u"2.0.0-rc.10"_s));
    QVERIFY(shown.indexOf(u"2.0.0-rc.10"_s) < shown.indexOf(u"2.0.0-rc.9"_s));
    QVERIFY(shown.indexOf(u"v3.20"_s) < shown.indexOf(u"v3.9"_s));
    QVERIFY(shown.indexOf(u"v3.9"_s) < shown.indexOf(u"v3.2"_s));
    QVERIFY(shown.indexOf(u"v3.0"_s) < shown.indexOf(u"2.0"_s));
    const qsizetype firstName = shown.indexOf(u"edge"_s);
    QCOMPARE(firstName, shown.size() - 4); // edge, nightly-…21, nightly-…22, stable: after every version
    QCOMPARE(shown.mid(firstName), (QStringList{u"edge"_s, u"nightly-2024-01-21"_s, u"nightly-2024-01-22"_s, u"stable"_s}));

    // Oldest first: the versions turn round, `latest` and the names stay where they were.
    proxy.setSortOrder(Qt::AscendingOrder);
    const QStringList oldest = rowNames(proxy);
    QCOMPARE(oldest.first(), u"latest"_s);
    QCOMPARE(oldest.at(1), u"1.0.0"_s);
    QCOMPARE(oldest.mid(firstName), shown.mid(firstName));
    QStringList versions = shown.mid(1, firstName - 1);
    std::reverse(versions.begin(), versions.end());
    // (Every version here is distinct: equal ones would keep their name order both ways.)
    QCOMPARE(oldest.mid(1, firstName - 1), versions);
}

void TestTagModels::proxyFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("everything") << QString() << false << QStringList{u"1.10"_s, u"latest"_s, u"1.9"_s, u"1.10.1"_s, u"1.10.1-rc.1"_s, u"1.25-alpine"_s, u"alpine"_s};
    QTest::addRow("substring") << u"1.10"_s << false << QStringList{u"1.10"_s, u"1.10.1"_s, u"1.10.1-rc.1"_s};
    QTest::addRow("substring ignores case") << u"ALP"_s << false << QStringList{u"1.25-alpine"_s, u"alpine"_s};
    QTest::addRow("substring is not a regex") << u"."_s << false
                                              << QStringList{u"1.10"_s, u"1.9"_s, u"1.10.1"_s, u"1.10.1-rc.1"_s, u"1.25-alpine"_s};
    QTest::addRow("regex") << u"^1\\.\\d+$"_s << true << QStringList{u"1.10"_s, u"1.9"_s};
    QTest::addRow("regex ignores case") << u"RC|LATEST"_s << true << QStringList{u"latest"_s, u"1.10.1-rc.1"_s};
    QTest::addRow("nothing") << u"zzz"_s << false << QStringList();
}

void TestTagModels::proxyFilter()
{
    QFETCH(QString, text);
    QFETCH(bool, regex);
    QFETCH(QStringList, expected);
    ScriptedHub server(proxyFixture());
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    TagListModel model(hub.get(), nullptr);
    TagFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy);
    QVERIFY(loadHubTags(model));
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    proxy.setRegexMode(regex);
    proxy.setFilterText(text);
    QVERIFY(!proxy.invalidPattern());
    QCOMPARE(sorted(rowNames(proxy)), sorted(expected));
    // A new filter is one layout change (a removal per run of rows costs views O(rows) each).
    QCOMPARE(layout.size(), text.isEmpty() ? 0 : 1);
    QVERIFY(removed.isEmpty());
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), model.rowCount());
}

void TestTagModels::proxyInvalidRegexKeepsEveryRow()
{
    ScriptedHub server(proxyFixture());
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    TagListModel model(hub.get(), nullptr);
    TagFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy);
    QVERIFY(loadHubTags(model));
    QSignalSpy invalid(&proxy, &TagFilterProxyModel::invalidPatternChanged);
    proxy.setRegexMode(true);
    proxy.setFilterText(u"alp"_s);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterText(u"1.(("_s); // half-typed
    QVERIFY(proxy.invalidPattern());
    QVERIFY(!proxy.patternError().isEmpty());
    QCOMPARE(invalid.size(), 1);
    QCOMPARE(invalid.at(0).at(0).toBool(), true);
    QCOMPARE(proxy.rowCount(), model.rowCount());
    proxy.setFilterText(u"1.((["_s);
    QCOMPARE(invalid.size(), 1);
    proxy.setFilterText(u"1.((1)"_s);
    QCOMPARE(invalid.size(), 1); // still invalid: "((" is never closed
    proxy.setFilterText(u"1\\.(10|9)$"_s);
    QVERIFY(!proxy.invalidPattern());
    QCOMPARE(invalid.size(), 2);
    QCOMPARE(sorted(rowNames(proxy)), (QStringList{u"1.10"_s, u"1.9"_s}));
    // The same text in substring mode is literal: nothing has those characters.
    proxy.setRegexMode(false);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestTagModels::proxySetterNoOps()
{
    ScriptedHub server(proxyFixture());
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    TagListModel model(hub.get(), nullptr);
    TagFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy);
    QVERIFY(loadHubTags(model));
    proxy.setFilterText(u"1."_s);
    QSignalSpy filter(&proxy, &TagFilterProxyModel::filterChanged);
    QSignalSpy sort(&proxy, &TagFilterProxyModel::sortChanged);
    QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
    proxy.setFilterText(u"1."_s);
    proxy.setRegexMode(false);
    proxy.setSortKey(proxy.sortKey());
    proxy.setSortOrder(proxy.currentSortOrder());
    QCOMPARE(filter.size(), 0);
    QCOMPARE(sort.size(), 0);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(removed.size() + inserted.size() + reset.size(), 0);
}

void TestTagModels::proxySortKeys_data()
{
    QTest::addColumn<SortKey>("key");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected");
    // `latest` first and names after the versions, whichever way the versions go (issue 12).
    QTest::addRow("semver ascending") << SortKey::SemanticVersion << Qt::AscendingOrder
                                      << QStringList{u"latest"_s, u"1.9"_s, u"1.10"_s, u"1.10.1-rc.1"_s, u"1.10.1"_s, u"1.25-alpine"_s, u"alpine"_s};
    QTest::addRow("semver descending") << SortKey::SemanticVersion << Qt::DescendingOrder
                                       << QStringList{u"latest"_s, u"1.25-alpine"_s, u"1.10.1"_s, u"1.10.1-rc.1"_s, u"1.10"_s, u"1.9"_s, u"alpine"_s};
    QTest::addRow("last pushed, newest first")
        << SortKey::LastPushed << Qt::DescendingOrder
        << QStringList{u"alpine"_s, u"latest"_s, u"1.10.1"_s, u"1.10.1-rc.1"_s, u"1.10"_s, u"1.9"_s, u"1.25-alpine"_s};
    QTest::addRow("name") << SortKey::Name << Qt::AscendingOrder
                          << QStringList{u"1.10"_s, u"1.10.1"_s, u"1.10.1-rc.1"_s, u"1.25-alpine"_s, u"1.9"_s, u"alpine"_s, u"latest"_s};
    QTest::addRow("size, smallest first")
        << SortKey::Size << Qt::AscendingOrder
        << QStringList{u"alpine"_s, u"latest"_s, u"1.10.1"_s, u"1.10"_s, u"1.10.1-rc.1"_s, u"1.9"_s, u"1.25-alpine"_s};
}

void TestTagModels::proxySortKeys()
{
    QFETCH(SortKey, key);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);
    ScriptedHub server(proxyFixture());
    QVERIFY(server.listen());
    auto hub = hubClient(server.baseUrl());
    TagListModel model(hub.get(), nullptr);
    TagFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy);
    QVERIFY(loadHubTags(model));
    QSignalSpy sortChanged(&proxy, &TagFilterProxyModel::sortChanged);
    proxy.setSortKey(key);
    proxy.setSortOrder(order);
    QCOMPARE(rowNames(proxy), expected);
    // Filtering keeps the order.
    proxy.setFilterText(u"1."_s);
    QStringList filtered;
    for (const QString &name : expected) {
        if (name.contains(u"1."_s))
            filtered.append(name);
    }
    QCOMPARE(rowNames(proxy), filtered);
    QVERIFY(sortChanged.size() <= 2);
}

QTEST_GUILESS_MAIN(TestTagModels)
#include "tst_tagmodels.moc"
