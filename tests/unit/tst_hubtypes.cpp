// Docker Hub web-API parsers (hub::parseSearchPage, parseRepository, parseTag, parseTagsPage) over
// every recorded Hub response in shared/fixtures/hub, then over hand-made variants of those shapes:
// wrong JSON types, null versus "" versus absent, and attestation entries in images[].

#include "core/Error.h"
#include "hub/HubTypes.h"
#include "services/SearchSource.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace wharf;

namespace {

const QString kOk = u"ok"_s;

// Which parser reads which recorded response. "images" is the /tags/{tag}/images array, whose
// entries are the same image objects a tag's images[] holds; "error" is a Hub error body.
struct FixtureKind
{
    QString file;
    QString kind;
    QString outcome; // "ok" or the Error::Code name the parser must give
};

const QList<FixtureKind> &recordedFixtures()
{
    static const QList<FixtureKind> fixtures{
        {u"hub_v2_namespaces_tags_page_platforms_true.json"_s, u"tags"_s, kOk},
        {u"hub_v2_repositories_details.json"_s, u"repository"_s, kOk},
        {u"hub_v2_repositories_tag_images_layers.json"_s, u"images"_s, kOk},
        {u"hub_v2_repositories_tag_rust_1.44.0-slim.json"_s, u"tag"_s, kOk},
        {u"hub_v2_repositories_tags_ubuntu_page_size1.json"_s, u"tags"_s, kOk},
        {u"hub_v2_search_repositories_nginx.json"_s, u"search"_s, kOk},
        {u"hub_v2_search_repositories_ubuntu_page_size1.json"_s, u"search"_s, kOk},
        {u"hub_v2_tag_not_found_404.json"_s, u"error"_s, u"MalformedDocument"_s},
    };
    return fixtures;
}

QString hubFixtureDir()
{
    return QStringLiteral(WHARF_FIXTURES_DIR "/hub");
}

QJsonDocument readFixture(const QString &file)
{
    QFile f(hubFixtureDir() + u'/' + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(f.fileName()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture %s is not JSON", qPrintable(file));
    return doc;
}

QJsonObject fixtureObject(const QString &file)
{
    const QJsonDocument doc = readFixture(file);
    if (!doc.isObject())
        qFatal("fixture %s is not an object", qPrintable(file));
    return doc.object();
}

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("test JSON is not an object: %s", qPrintable(text));
    return doc.object();
}

template <typename T>
QString outcome(const Result<T> &result)
{
    return result ? kOk : Error::codeName(result.error().code());
}

template <typename T>
QByteArray detail(const Result<T> &result)
{
    return result ? QByteArray("(no error)") : result.error().message().toUtf8();
}

// The outcome of the parser for `kind`, and on failure its message (printed only when a row fails).
std::pair<QString, QByteArray> parseAs(const QString &kind, const QJsonObject &json)
{
    if (kind == u"search") {
        const auto r = hub::parseSearchPage(json);
        return {outcome(r), detail(r)};
    }
    if (kind == u"tags") {
        const auto r = hub::parseTagsPage(json);
        return {outcome(r), detail(r)};
    }
    if (kind == u"tag") {
        const auto r = hub::parseTag(json);
        return {outcome(r), detail(r)};
    }
    if (kind == u"repository") {
        const auto r = hub::parseRepository(json);
        return {outcome(r), detail(r)};
    }
    qFatal("unknown parser kind %s", qPrintable(kind));
}

// The /images endpoint's array read as a tag's images[] (what parseTag does with them).
Result<HubTag> parseImagesArray(const QJsonArray &images)
{
    return hub::parseTag(QJsonObject{{u"name"_s, u"latest"_s}, {u"images"_s, images}});
}

// The tags a tag fixture holds: a page's results, or the one tag.
QList<HubTag> tagsOf(const QString &file)
{
    const QJsonObject json = fixtureObject(file);
    if (json.contains(u"results"_s)) {
        const auto page = hub::parseTagsPage(json);
        return page ? page->results : QList<HubTag>();
    }
    const auto tag = hub::parseTag(json);
    return tag ? QList<HubTag>{*tag} : QList<HubTag>();
}

// Hub's timestamps carry up to nine fractional digits; Qt keeps milliseconds, rounded.
QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString platformList(const QList<HubTagImage> &images)
{
    QStringList platforms;
    for (const HubTagImage &image : images)
        platforms.append(image.platform.toString());
    return platforms.join(u',');
}

} // namespace

class TestHubTypes final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whatASearchMeans();
    // recorded responses
    void everyFixtureHasARow();
    void fixtureParses_data();
    void fixtureParses();
    void searchPage_data();
    void searchPage();
    void searchResult_data();
    void searchResult();
    void tagsPage_data();
    void tagsPage();
    void tag_data();
    void tag();
    void tagImage_data();
    void tagImage();
    void repositoryDetails();
    void errorBodyIsNoRecord();

    // variants of the recorded shapes
    void malformed_data();
    void malformed();
    void nullEmptyAndAbsent_data();
    void nullEmptyAndAbsent();
    void attestationsDropped_data();
    void attestationsDropped();
    void attestationsDroppedFromTagPages();
};

void TestHubTypes::everyFixtureHasARow()
{
    QStringList onDisk = QDir(hubFixtureDir()).entryList({u"*"_s}, QDir::Files, QDir::Name);
    QVERIFY(!onDisk.isEmpty());
    QStringList covered;
    for (const FixtureKind &f : recordedFixtures())
        covered.append(f.file);
    covered.sort();
    QCOMPARE(onDisk, covered);
}

void TestHubTypes::fixtureParses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    for (const FixtureKind &f : recordedFixtures())
        QTest::addRow("%s", qPrintable(f.file)) << f.file << f.kind << f.outcome;
}

void TestHubTypes::fixtureParses()
{
    QFETCH(QString, file);
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    const QJsonDocument doc = readFixture(file);
    if (kind == u"images") {
        QVERIFY(doc.isArray());
        const auto tag = parseImagesArray(doc.array());
        QVERIFY2(outcome(tag) == expected, detail(tag).constData());
        return;
    }
    QVERIFY(doc.isObject());
    if (kind == u"error") {
        // Not a record of any kind: every parser refuses it.
        for (const QString &parser : {u"search"_s, u"tags"_s, u"tag"_s, u"repository"_s}) {
            const auto [result, why] = parseAs(parser, doc.object());
            QVERIFY2(result == expected, qPrintable(parser + u": "_s + result + u" " + QString::fromUtf8(why)));
        }
        return;
    }
    const auto [result, why] = parseAs(kind, doc.object());
    QVERIFY2(result == expected, why.constData());
}

void TestHubTypes::searchPage_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<int>("results");
    QTest::addRow("nginx") << u"hub_v2_search_repositories_nginx.json"_s << qint64(284295)
                           << u"https://hub.docker.com/v2/search/repositories/?page=2&page_size=3&query=nginx"_s
                           << QString() << 3;
    QTest::addRow("ubuntu page_size=1") << u"hub_v2_search_repositories_ubuntu_page_size1.json"_s << qint64(10000)
                                        << u"https://hub.docker.com/v2/search/repositories/?page=2&page_size=1&query=ubuntu"_s
                                        << QString() << 1;
}

void TestHubTypes::searchPage()
{
    QFETCH(QString, file);
    QFETCH(qint64, count);
    QFETCH(QString, next);
    QFETCH(QString, previous);
    QFETCH(int, results);
    const auto page = hub::parseSearchPage(fixtureObject(file));
    QVERIFY2(page, detail(page).constData());
    QCOMPARE(page->count, count);
    QCOMPARE(page->next.toString(QUrl::FullyEncoded), next);
    QCOMPARE(page->previous.toString(QUrl::FullyEncoded), previous); // search says "" on page 1
    QVERIFY(page->previous.isEmpty());
    QCOMPARE(page->results.size(), results);
}

void TestHubTypes::searchResult_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("namespaceName");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("description");
    QTest::addColumn<qint64>("stars");
    QTest::addColumn<qint64>("pulls");
    QTest::addColumn<bool>("official");

    const QString nginx = u"hub_v2_search_repositories_nginx.json"_s;
    QTest::addRow("nginx[0] official, pulls > 2^32")
        << nginx << 0 << u"nginx"_s << u"library"_s << u"nginx"_s << u"Official build of Nginx."_s << qint64(21268)
        << qint64(12981954060) << true;
    QTest::addRow("nginx[1] namespaced")
        << nginx << 1 << u"nginx/nginx-ingress"_s << u"nginx"_s << u"nginx-ingress"_s
        << u"NGINX and  NGINX Plus Ingress Controllers for Kubernetes"_s << qint64(120) << qint64(1085123768) << false;
    QTest::addRow("nginx[2] namespaced")
        << nginx << 2 << u"nginx/nginx-prometheus-exporter"_s << u"nginx"_s << u"nginx-prometheus-exporter"_s
        << u"NGINX Prometheus Exporter for NGINX and NGINX Plus"_s << qint64(51) << qint64(87347846) << false;
    QTest::addRow("ubuntu[0] official, pulls > 2^32")
        << u"hub_v2_search_repositories_ubuntu_page_size1.json"_s << 0 << u"ubuntu"_s << u"library"_s << u"ubuntu"_s
        << u"Ubuntu is a Debian-based Linux operating system based on free software."_s << qint64(17303)
        << qint64(9419966493) << true;
}

void TestHubTypes::searchResult()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    QFETCH(QString, name);
    QFETCH(QString, namespaceName);
    QFETCH(QString, repository);
    QFETCH(QString, description);
    QFETCH(qint64, stars);
    QFETCH(qint64, pulls);
    QFETCH(bool, official);
    const auto page = hub::parseSearchPage(fixtureObject(file));
    QVERIFY2(page, detail(page).constData());
    QVERIFY(index < page->results.size());
    const HubSearchResult &r = page->results.at(index);
    QCOMPARE(r.name, name);
    QCOMPARE(r.namespaceName, namespaceName);
    QCOMPARE(r.repository, repository);
    QCOMPARE(r.description, description);
    QCOMPARE(r.stars, stars);
    QCOMPARE(r.pulls, pulls);
    if (pulls > qint64(std::numeric_limits<quint32>::max()))
        QVERIFY(r.pulls > qint64(std::numeric_limits<quint32>::max())); // no 32-bit truncation
    QCOMPARE(r.official, official);
    QCOMPARE(r.automated, false);
    QCOMPARE(r.verified, false);
}

void TestHubTypes::tagsPage_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QString>("next");
    QTest::addColumn<int>("results");
    // The \u0026 escape Hub writes in `next` decodes to a plain '&'.
    QTest::addRow("ubuntu page_size=1") << u"hub_v2_repositories_tags_ubuntu_page_size1.json"_s << qint64(644)
                                        << u"https://hub.docker.com/v2/repositories/ubuntu/tags/?page=2&page_size=1"_s << 1;
    QTest::addRow("namespaces platforms=true") << u"hub_v2_namespaces_tags_page_platforms_true.json"_s << qint64(1)
                                               << QString() << 1;
}

void TestHubTypes::tagsPage()
{
    QFETCH(QString, file);
    QFETCH(qint64, count);
    QFETCH(QString, next);
    QFETCH(int, results);
    const auto page = hub::parseTagsPage(fixtureObject(file));
    QVERIFY2(page, detail(page).constData());
    QCOMPARE(page->count, count);
    QCOMPARE(page->next.toString(QUrl::FullyEncoded), next);
    QCOMPARE(page->next.isEmpty(), next.isEmpty());
    QVERIFY(page->previous.isEmpty()); // null on page 1
    QCOMPARE(page->results.size(), results);
}

void TestHubTypes::tag_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("mediaType");
    QTest::addColumn<qint64>("fullSize");
    QTest::addColumn<QString>("lastUpdated");
    QTest::addColumn<QString>("lastPushed");
    QTest::addColumn<QString>("platforms");

    QTest::addRow("ubuntu devel (OCI index)")
        << u"hub_v2_repositories_tags_ubuntu_page_size1.json"_s << u"devel"_s
        << u"sha256:c62f1babc85f8756f395e6aabda682acd7c58a1b0c3bea250713cd0184a93efa"_s
        << u"application/vnd.oci.image.index.v1+json"_s << qint64(34157024) << u"2024-10-02T01:50:27.905Z"_s
        << u"2024-10-02T01:50:27.905Z"_s
        << u"linux/amd64,linux/arm/v7,linux/arm64/v8,linux/ppc64le,linux/riscv64,linux/s390x"_s;
    QTest::addRow("rust 1.44.0-slim (no top-level digest)")
        << u"hub_v2_repositories_tag_rust_1.44.0-slim.json"_s << u"1.44.0-slim"_s << QString()
        << u"application/vnd.docker.distribution.manifest.list.v2+json"_s << qint64(0) << u"2020-06-09T20:45:50.401Z"_s
        << u"2020-06-09T20:45:50.401Z"_s << u"linux/amd64,linux/arm64/v8,linux/arm/v7,linux/386"_s;
    QTest::addRow("namespaces page latest (single-arch, config media type)")
        << u"hub_v2_namespaces_tags_page_platforms_true.json"_s << u"latest"_s << QString()
        << u"application/vnd.docker.container.image.v1+json"_s << qint64(25529703) << u"2017-11-02T07:47:35.375Z"_s
        << u"2017-11-02T07:47:35.375Z"_s << u"linux/amd64"_s;
}

void TestHubTypes::tag()
{
    QFETCH(QString, file);
    QFETCH(QString, name);
    QFETCH(QString, digest);
    QFETCH(QString, mediaType);
    QFETCH(qint64, fullSize);
    QFETCH(QString, lastUpdated);
    QFETCH(QString, lastPushed);
    QFETCH(QString, platforms);
    const QList<HubTag> tags = tagsOf(file);
    QCOMPARE(tags.size(), 1);
    const HubTag &t = tags.first();
    QCOMPARE(t.name, name);
    QCOMPARE(t.digest, digest);
    QCOMPARE(t.digest.isEmpty(), digest.isEmpty());
    QCOMPARE(t.mediaType, mediaType);
    QCOMPARE(t.fullSize, fullSize);
    QCOMPARE(iso(t.lastUpdated), lastUpdated);
    QCOMPARE(iso(t.lastPushed), lastPushed);
    QCOMPARE(platformList(t.images), platforms);
}

void TestHubTypes::tagImage_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("os");
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("lastPushed");

    const QString ubuntu = u"hub_v2_repositories_tags_ubuntu_page_size1.json"_s;
    QTest::addRow("ubuntu[0] amd64") << ubuntu << 0 << u"linux"_s << u"amd64"_s << QString()
                                     << u"sha256:164c01664783caf799e9026babceea81bfa6341686f7296da93769ceab803583"_s
                                     << qint64(34157024) << u"2024-10-02T01:26:16.419Z"_s;
    QTest::addRow("ubuntu[1] arm/v7") << ubuntu << 1 << u"linux"_s << u"arm"_s << u"v7"_s
                                      << u"sha256:1c274f6fa5acd46af265b71438c44eaee8f8db6a5d901e972920e311cfc69326"_s
                                      << qint64(33319358) << u"2024-10-02T01:26:16.551Z"_s;
    QTest::addRow("ubuntu[2] arm64/v8") << ubuntu << 2 << u"linux"_s << u"arm64"_s << u"v8"_s
                                        << u"sha256:f64ecfbbd782f5b1827c225e9ffbb211d5c1898cc21278aa654bc05621943611"_s
                                        << qint64(33752693) << u"2024-10-02T01:01:14.990Z"_s;
    QTest::addRow("ubuntu[3] ppc64le") << ubuntu << 3 << u"linux"_s << u"ppc64le"_s << QString()
                                       << u"sha256:cce4f13e55e73c568d263542667529c3a4f86ce95a0c7356f272bc8f03506b7d"_s
                                       << qint64(38594353) << u"2024-10-02T01:26:16.672Z"_s;
    QTest::addRow("ubuntu[4] riscv64") << ubuntu << 4 << u"linux"_s << u"riscv64"_s << QString()
                                       << u"sha256:15b1b51fd69ef84b63e5e6fa7182fa414edd4d245a0a921f383a6bb6724d7425"_s
                                       << qint64(37487731) << u"2024-10-02T01:26:35.383Z"_s;
    QTest::addRow("ubuntu[5] s390x") << ubuntu << 5 << u"linux"_s << u"s390x"_s << QString()
                                     << u"sha256:891d888358d9f17b68429662b28d0e0db1bc019bf183abac1109ff8c0de24df7"_s
                                     << qint64(33947344) << u"2024-10-02T01:01:15.107Z"_s;

    const QString rust = u"hub_v2_repositories_tag_rust_1.44.0-slim.json"_s;
    QTest::addRow("rust[0] amd64") << rust << 0 << u"linux"_s << u"amd64"_s << QString()
                                   << u"sha256:71e1fcc6901b89f329c5cc5d8427d6cba5ef9c31750c5807018d9862571e2e40"_s
                                   << qint64(207268936) << u"2020-06-09T20:22:13.000Z"_s;
    QTest::addRow("rust[1] arm64/v8") << rust << 1 << u"linux"_s << u"arm64"_s << u"v8"_s
                                      << u"sha256:5da86b1b6035bc3d7c307f8ef5d1e7c3f04642253fda21c8c547c208196322fb"_s
                                      << qint64(210411823) << u"2020-06-09T13:58:56.000Z"_s;
    QTest::addRow("rust[2] arm/v7") << rust << 2 << u"linux"_s << u"arm"_s << u"v7"_s
                                    << u"sha256:20a44b32ffcadefc668666152a4976e22e074e165e2c62a07353d54a1e6bd963"_s
                                    << qint64(203309061) << u"2020-06-09T14:35:01.000Z"_s;
    QTest::addRow("rust[3] 386") << rust << 3 << u"linux"_s << u"386"_s << QString()
                                 << u"sha256:cbc5f55f9af251daefb595e67fe7b531e9b12e61037ca6a3878ce6e29e612974"_s
                                 << qint64(228338913) << u"2020-06-09T16:42:52.000Z"_s;

    QTest::addRow("namespaces page[0] amd64")
        << u"hub_v2_namespaces_tags_page_platforms_true.json"_s << 0 << u"linux"_s << u"amd64"_s << QString()
        << u"sha256:46a577b81ad2ad37b99d7a809ccd21c135cbca3c6ab3b49cfcf705c54312de78"_s << qint64(25529703)
        << u"2017-11-02T07:47:36.000Z"_s;
    // The /images endpoint: features and os_features are null there, and layers[] is extra.
    QTest::addRow("images endpoint[0] amd64")
        << u"hub_v2_repositories_tag_images_layers.json"_s << 0 << u"linux"_s << u"amd64"_s << QString()
        << u"sha256:46a577b81ad2ad37b99d7a809ccd21c135cbca3c6ab3b49cfcf705c54312de78"_s << qint64(25529703)
        << u"2017-11-02T07:47:36.000Z"_s;
}

void TestHubTypes::tagImage()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    QFETCH(QString, os);
    QFETCH(QString, architecture);
    QFETCH(QString, variant);
    QFETCH(QString, digest);
    QFETCH(qint64, size);
    QFETCH(QString, lastPushed);

    QList<HubTagImage> images;
    const QJsonDocument doc = readFixture(file);
    if (doc.isArray()) {
        const auto tag = parseImagesArray(doc.array());
        QVERIFY2(tag, detail(tag).constData());
        images = tag->images;
    } else {
        const QList<HubTag> tags = tagsOf(file);
        QCOMPARE(tags.size(), 1);
        images = tags.first().images;
    }
    QVERIFY(index < images.size());
    const HubTagImage &image = images.at(index);
    QCOMPARE(image.platform.os, os);
    QCOMPARE(image.platform.architecture, architecture);
    QCOMPARE(image.platform.variant, variant); // null reads as empty
    QVERIFY(image.platform.osVersion.isEmpty());
    QCOMPARE(image.digest, digest);
    QCOMPARE(image.size, size);
    QCOMPARE(image.status, u"active"_s);
    QCOMPARE(iso(image.lastPushed), lastPushed);
}

void TestHubTypes::repositoryDetails()
{
    const QJsonObject json = fixtureObject(u"hub_v2_repositories_details.json"_s);
    QVERIFY(!json.contains(u"full_description"_s)); // the capture has none
    const auto d = hub::parseRepository(json);
    QVERIFY2(d, detail(d).constData());
    QCOMPARE(d->namespaceName, u"ebusinessdocker"_s);
    QCOMPARE(d->name, u"disney"_s);
    QCOMPARE(d->description, QString());
    QCOMPARE(d->fullDescription, QString());
    QCOMPARE(d->stars, qint64(0));
    QCOMPARE(d->pulls, qint64(275));
    QCOMPARE(iso(d->lastUpdated), u"2017-11-02T07:47:35.758Z"_s);
    QCOMPARE(d->isPrivate, false);
    QCOMPARE(d->storageSize, qint64(1007407794));
}

void TestHubTypes::errorBodyIsNoRecord()
{
    const QJsonObject body = fixtureObject(u"hub_v2_tag_not_found_404.json"_s);
    const auto tag = hub::parseTag(body);
    QVERIFY(!tag);
    QCOMPARE(tag.error().code(), Error::Code::MalformedDocument);
    const auto page = hub::parseTagsPage(body);
    QVERIFY(!page);
    QCOMPARE(page.error().code(), Error::Code::MalformedDocument);
}

void TestHubTypes::malformed_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    const QString bad = u"MalformedDocument"_s;

    // the page envelope
    QTest::addRow("search: results an object") << u"search"_s << uR"({"count":1,"results":{}})"_s << bad;
    QTest::addRow("search: results a string") << u"search"_s << uR"({"count":1,"results":"nginx"})"_s << bad;
    QTest::addRow("search: results null") << u"search"_s << uR"({"count":0,"results":null})"_s << bad;
    QTest::addRow("search: results missing") << u"search"_s << uR"({"count":0,"next":null})"_s << bad;
    QTest::addRow("search: results empty") << u"search"_s << uR"({"count":0,"next":"","results":[]})"_s << kOk;
    QTest::addRow("search: result a number") << u"search"_s << uR"({"results":[1]})"_s << bad;
    QTest::addRow("search: result a string") << u"search"_s << uR"({"results":["nginx"]})"_s << bad;
    QTest::addRow("search: result null") << u"search"_s << uR"({"results":[null]})"_s << bad;
    QTest::addRow("search: result an array") << u"search"_s << uR"({"results":[[]]})"_s << bad;
    QTest::addRow("search: one bad result after a good one")
        << u"search"_s << uR"({"results":[{"repo_name":"nginx"},42]})"_s << bad;
    QTest::addRow("search: count a word") << u"search"_s << uR"({"count":"many","results":[]})"_s << bad;
    QTest::addRow("search: count an object") << u"search"_s << uR"({"count":{},"results":[]})"_s << bad;
    QTest::addRow("search: count as a numeric string") << u"search"_s << uR"({"count":"12","results":[]})"_s << kOk;
    QTest::addRow("search: next a number") << u"search"_s << uR"({"next":2,"results":[]})"_s << bad;
    QTest::addRow("search: next an object") << u"search"_s << uR"({"next":{"page":2},"results":[]})"_s << bad;
    QTest::addRow("search: previous true") << u"search"_s << uR"({"previous":true,"results":[]})"_s << bad;

    // a search result
    QTest::addRow("search: repo_name missing") << u"search"_s << uR"({"results":[{"star_count":1}]})"_s << bad;
    QTest::addRow("search: repo_name null") << u"search"_s << uR"({"results":[{"repo_name":null}]})"_s << bad;
    QTest::addRow("search: repo_name empty") << u"search"_s << uR"({"results":[{"repo_name":""}]})"_s << bad;
    QTest::addRow("search: repo_name a number") << u"search"_s << uR"({"results":[{"repo_name":7}]})"_s << bad;
    QTest::addRow("search: repo_name an array") << u"search"_s << uR"({"results":[{"repo_name":["a"]}]})"_s << bad;
    QTest::addRow("search: star_count an object")
        << u"search"_s << uR"({"results":[{"repo_name":"a","star_count":{}}]})"_s << bad;
    QTest::addRow("search: pull_count true") << u"search"_s << uR"({"results":[{"repo_name":"a","pull_count":true}]})"_s
                                             << bad;
    QTest::addRow("search: pull_count a fraction")
        << u"search"_s << uR"({"results":[{"repo_name":"a","pull_count":1.5}]})"_s << bad;
    QTest::addRow("search: pull_count a numeric string")
        << u"search"_s << uR"({"results":[{"repo_name":"a","pull_count":"12981954060"}]})"_s << kOk;
    QTest::addRow("search: is_official a string")
        << u"search"_s << uR"({"results":[{"repo_name":"a","is_official":"yes"}]})"_s << bad;
    QTest::addRow("search: short_description a number")
        << u"search"_s << uR"({"results":[{"repo_name":"a","short_description":3}]})"_s << bad;
    QTest::addRow("search: nulls everywhere but repo_name")
        << u"search"_s
        << uR"({"count":null,"next":null,"previous":null,"results":[{"repo_name":"a","short_description":null,"star_count":null,"pull_count":null,"repo_owner":null,"is_automated":null,"is_official":null}]})"_s
        << kOk;

    // tag pages and tags
    QTest::addRow("tags: results an object") << u"tags"_s << uR"({"count":1,"results":{"name":"x"}})"_s << bad;
    QTest::addRow("tags: result a string") << u"tags"_s << uR"({"results":["latest"]})"_s << bad;
    QTest::addRow("tags: name missing") << u"tags"_s << uR"({"results":[{"digest":"sha256:00"}]})"_s << bad;
    QTest::addRow("tags: next a number") << u"tags"_s << uR"({"next":5,"results":[]})"_s << bad;
    QTest::addRow("tag: name missing") << u"tag"_s << uR"({"images":[]})"_s << bad;
    QTest::addRow("tag: name null") << u"tag"_s << uR"({"name":null})"_s << bad;
    QTest::addRow("tag: name empty") << u"tag"_s << uR"({"name":""})"_s << bad;
    QTest::addRow("tag: name a number") << u"tag"_s << uR"({"name":1.0})"_s << bad;
    QTest::addRow("tag: name only") << u"tag"_s << uR"({"name":"latest"})"_s << kOk;
    QTest::addRow("tag: images a string") << u"tag"_s << uR"({"name":"x","images":"amd64"})"_s << bad;
    QTest::addRow("tag: images an object") << u"tag"_s << uR"({"name":"x","images":{"os":"linux"}})"_s << bad;
    QTest::addRow("tag: images a number") << u"tag"_s << uR"({"name":"x","images":0})"_s << bad;
    QTest::addRow("tag: images null") << u"tag"_s << uR"({"name":"x","images":null})"_s << kOk;
    QTest::addRow("tag: image a string") << u"tag"_s << uR"({"name":"x","images":["linux/amd64"]})"_s << bad;
    QTest::addRow("tag: image null") << u"tag"_s << uR"({"name":"x","images":[null]})"_s << bad;
    QTest::addRow("tag: image size a word")
        << u"tag"_s << uR"({"name":"x","images":[{"os":"linux","architecture":"amd64","size":"big"}]})"_s << bad;
    QTest::addRow("tag: image architecture a number")
        << u"tag"_s << uR"({"name":"x","images":[{"os":"linux","architecture":64}]})"_s << bad;
    QTest::addRow("tag: full_size an array") << u"tag"_s << uR"({"name":"x","full_size":[1]})"_s << bad;
    QTest::addRow("tag: digest a number") << u"tag"_s << uR"({"name":"x","digest":256})"_s << bad;
    QTest::addRow("tag: last_updated a number") << u"tag"_s << uR"({"name":"x","last_updated":1727833827})"_s << bad;
    QTest::addRow("tag: the 404 body") << u"tag"_s
                                       << uR"({"message":"httperror 404: tag 'x' not found","errinfo":{"tag":"x"}})"_s
                                       << bad;

    // repository details
    QTest::addRow("repository: name missing") << u"repository"_s << uR"({"namespace":"library"})"_s << bad;
    QTest::addRow("repository: name null") << u"repository"_s << uR"({"name":null,"namespace":"library"})"_s << bad;
    QTest::addRow("repository: name a number") << u"repository"_s << uR"({"name":5,"namespace":"library"})"_s << bad;
    QTest::addRow("repository: namespace an object") << u"repository"_s << uR"({"name":"a","namespace":{}})"_s << bad;
    QTest::addRow("repository: full_description a number")
        << u"repository"_s << uR"({"name":"a","full_description":1})"_s << bad;
    QTest::addRow("repository: pull_count a word") << u"repository"_s << uR"({"name":"a","pull_count":"lots"})"_s << bad;
    QTest::addRow("repository: is_private a string") << u"repository"_s << uR"({"name":"a","is_private":"no"})"_s << bad;
    QTest::addRow("repository: storage_size a string of digits")
        << u"repository"_s << uR"({"name":"a","storage_size":"12"})"_s << kOk;
}

void TestHubTypes::malformed()
{
    QFETCH(QString, kind);
    QFETCH(QString, json);
    QFETCH(QString, expected);
    const auto [result, why] = parseAs(kind, parseObject(json));
    QVERIFY2(result == expected, qPrintable(result + u": "_s + QString::fromUtf8(why)));
}

void TestHubTypes::nullEmptyAndAbsent_data()
{
    // Hub writes a missing value as null, "" or not at all depending on the endpoint; all read alike.
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    const auto variants = [](const char *name, const QString &kind, const QString &before, const QString &key,
                             const QString &after, const QString &field, const QString &expected) {
        QTest::addRow("%s: null", name) << kind << QString(before + u'"' + key + u"\":null" + after) << field << expected;
        QTest::addRow("%s: \"\"", name) << kind << QString(before + u'"' + key + u"\":\"\"" + after) << field << expected;
        QTest::addRow("%s: absent", name) << kind << QString(before + u"\"absent\":0" + after) << field << expected;
    };
    variants("search next", u"search"_s, u"{"_s, u"next"_s, u",\"results\":[]}"_s, u"next"_s, QString());
    variants("search previous", u"search"_s, u"{"_s, u"previous"_s, u",\"results\":[]}"_s, u"previous"_s, QString());
    variants("tags next", u"tags"_s, u"{"_s, u"next"_s, u",\"results\":[]}"_s, u"next"_s, QString());
    variants("search count", u"search"_s, u"{"_s, u"count"_s, u",\"results\":[]}"_s, u"count"_s, u"0"_s);
    variants("short_description", u"search"_s, u"{\"results\":[{\"repo_name\":\"a\","_s, u"short_description"_s,
             u"}]}"_s, u"description"_s, QString());
    variants("star_count", u"search"_s, u"{\"results\":[{\"repo_name\":\"a\","_s, u"star_count"_s, u"}]}"_s, u"stars"_s,
             u"0"_s);
    variants("tag digest", u"tag"_s, u"{\"name\":\"x\","_s, u"digest"_s, u"}"_s, u"digest"_s, QString());
    variants("tag media_type", u"tag"_s, u"{\"name\":\"x\","_s, u"media_type"_s, u"}"_s, u"mediaType"_s, QString());
    variants("tag full_size", u"tag"_s, u"{\"name\":\"x\","_s, u"full_size"_s, u"}"_s, u"fullSize"_s, u"0"_s);
    variants("tag last_updated", u"tag"_s, u"{\"name\":\"x\","_s, u"last_updated"_s, u"}"_s, u"lastUpdated"_s, QString());
    variants("tag images", u"tag"_s, u"{\"name\":\"x\","_s, u"images"_s, u"}"_s, u"platforms"_s, QString());
    const QString image = u"{\"name\":\"x\",\"images\":[{\"os\":\"linux\",\"architecture\":\"amd64\","_s;
    variants("image variant", u"tag"_s, image, u"variant"_s, u"}]}"_s, u"platforms"_s, u"linux/amd64"_s);
    variants("image os_version", u"tag"_s, image, u"os_version"_s, u"}]}"_s, u"osVersion"_s, QString());
    variants("image digest", u"tag"_s, image, u"digest"_s, u"}]}"_s, u"imageDigest"_s, QString());
    variants("image features", u"tag"_s, image, u"features"_s, u"}]}"_s, u"platforms"_s, u"linux/amd64"_s);
    variants("image size", u"tag"_s, image, u"size"_s, u"}]}"_s, u"imageSize"_s, u"0"_s);
    variants("image last_pushed", u"tag"_s, image, u"last_pushed"_s, u"}]}"_s, u"imageLastPushed"_s, QString());
    variants("full_description", u"repository"_s, u"{\"name\":\"a\","_s, u"full_description"_s, u"}"_s,
             u"fullDescription"_s, QString());
    variants("description", u"repository"_s, u"{\"name\":\"a\","_s, u"description"_s, u"}"_s, u"description"_s,
             QString());
    variants("storage_size", u"repository"_s, u"{\"name\":\"a\","_s, u"storage_size"_s, u"}"_s, u"storageSize"_s,
             u"-1"_s);
    variants("last_updated", u"repository"_s, u"{\"name\":\"a\","_s, u"last_updated"_s, u"}"_s, u"lastUpdated"_s,
             QString());

    // and the same fields when present
    QTest::addRow("full_description markdown")
        << u"repository"_s << uR"({"name":"a","full_description":"# A\n\n`code`"})"_s << u"fullDescription"_s
        << u"# A\n\n`code`"_s;
    QTest::addRow("storage_size 0") << u"repository"_s << uR"({"name":"a","storage_size":0})"_s << u"storageSize"_s
                                    << u"0"_s;
    QTest::addRow("image windows os_version")
        << u"tag"_s
        << uR"({"name":"x","images":[{"os":"windows","architecture":"amd64","os_version":"10.0.20348.1726"}]})"_s
        << u"osVersion"_s << u"10.0.20348.1726"_s;
}

void TestHubTypes::nullEmptyAndAbsent()
{
    QFETCH(QString, kind);
    QFETCH(QString, json);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const QJsonObject object = parseObject(json);

    QString actual;
    if (kind == u"search") {
        const auto page = hub::parseSearchPage(object);
        QVERIFY2(page, detail(page).constData());
        if (field == u"next")
            actual = page->next.toString();
        else if (field == u"previous")
            actual = page->previous.toString();
        else if (field == u"count")
            actual = QString::number(page->count);
        else if (field == u"description")
            actual = page->results.value(0).description;
        else if (field == u"stars")
            actual = QString::number(page->results.value(0).stars);
    } else if (kind == u"tags") {
        const auto page = hub::parseTagsPage(object);
        QVERIFY2(page, detail(page).constData());
        if (field == u"next")
            actual = page->next.toString();
    } else if (kind == u"tag") {
        const auto tag = hub::parseTag(object);
        QVERIFY2(tag, detail(tag).constData());
        const HubTagImage image = tag->images.value(0);
        if (field == u"digest")
            actual = tag->digest;
        else if (field == u"mediaType")
            actual = tag->mediaType;
        else if (field == u"fullSize")
            actual = QString::number(tag->fullSize);
        else if (field == u"lastUpdated")
            actual = iso(tag->lastUpdated);
        else if (field == u"platforms")
            actual = platformList(tag->images);
        else if (field == u"osVersion")
            actual = image.platform.osVersion;
        else if (field == u"imageDigest")
            actual = image.digest;
        else if (field == u"imageSize")
            actual = QString::number(image.size);
        else if (field == u"imageLastPushed")
            actual = iso(image.lastPushed);
    } else if (kind == u"repository") {
        const auto d = hub::parseRepository(object);
        QVERIFY2(d, detail(d).constData());
        if (field == u"fullDescription")
            actual = d->fullDescription;
        else if (field == u"description")
            actual = d->description;
        else if (field == u"storageSize")
            actual = QString::number(d->storageSize);
        else if (field == u"lastUpdated")
            actual = iso(d->lastUpdated);
    }
    QCOMPARE(actual, expected);
}

void TestHubTypes::attestationsDropped_data()
{
    QTest::addColumn<QString>("images");
    QTest::addColumn<QString>("platforms");
    QTest::addColumn<QString>("digests");

    const QString amd64 = uR"({"os":"linux","architecture":"amd64","variant":null,"digest":"sha256:a1","size":10})"_s;
    const QString arm64 = uR"({"os":"linux","architecture":"arm64","variant":"v8","digest":"sha256:a2","size":11})"_s;
    const QString attestation =
        uR"({"os":"unknown","architecture":"unknown","variant":null,"digest":"sha256:f0","size":1,"status":"active"})"_s;
    QTest::addRow("between platforms") << QString(u'[' + amd64 + u',' + attestation + u',' + arm64 + u']')
                                       << u"linux/amd64,linux/arm64/v8"_s << u"sha256:a1,sha256:a2"_s;
    QTest::addRow("one per platform, after each")
        << QString(u'[' + amd64 + u',' + attestation + u',' + arm64 + u',' + attestation + u']')
        << u"linux/amd64,linux/arm64/v8"_s << u"sha256:a1,sha256:a2"_s;
    QTest::addRow("only attestations") << QString(u'[' + attestation + u',' + attestation + u']') << QString()
                                       << QString();
    QTest::addRow("unknown os only") << uR"([{"os":"unknown","architecture":"amd64","digest":"sha256:f1"}])"_s
                                     << QString() << QString();
    QTest::addRow("unknown architecture only") << uR"([{"os":"linux","architecture":"unknown","digest":"sha256:f2"}])"_s
                                               << QString() << QString();
    QTest::addRow("no attestations") << QString(u'[' + arm64 + u',' + amd64 + u']') << u"linux/arm64/v8,linux/amd64"_s
                                     << u"sha256:a2,sha256:a1"_s;
}

void TestHubTypes::attestationsDropped()
{
    QFETCH(QString, images);
    QFETCH(QString, platforms);
    QFETCH(QString, digests);
    const auto tag = hub::parseTag(parseObject(u"{\"name\":\"latest\",\"images\":"_s + images + u'}'));
    QVERIFY2(tag, detail(tag).constData());
    QCOMPARE(platformList(tag->images), platforms);
    QStringList seen;
    for (const HubTagImage &image : tag->images) {
        QVERIFY(!image.platform.isUnknown());
        seen.append(image.digest);
    }
    QCOMPARE(seen.join(u','), digests);
}

void TestHubTypes::attestationsDroppedFromTagPages()
{
    // The recorded ubuntu page with an attestation entry added after each image.
    QJsonObject page = fixtureObject(u"hub_v2_repositories_tags_ubuntu_page_size1.json"_s);
    QJsonArray results = page.value(u"results"_s).toArray();
    QJsonObject tag = results.at(0).toObject();
    const QJsonArray images = tag.value(u"images"_s).toArray();
    QJsonArray withAttestations;
    for (const QJsonValue &image : images) {
        withAttestations.append(image);
        QJsonObject attestation = image.toObject();
        attestation.insert(u"os"_s, u"unknown"_s);
        attestation.insert(u"architecture"_s, u"unknown"_s);
        attestation.insert(u"variant"_s, QJsonValue::Null);
        withAttestations.append(attestation);
    }
    tag.insert(u"images"_s, withAttestations);
    results.replace(0, tag);
    page.insert(u"results"_s, results);

    const auto parsed = hub::parseTagsPage(page);
    QVERIFY2(parsed, detail(parsed).constData());
    QCOMPARE(parsed->results.size(), 1);
    QCOMPARE(platformList(parsed->results.first().images),
             u"linux/amd64,linux/arm/v7,linux/arm64/v8,linux/ppc64le,linux/riscv64,linux/s390x"_s);
}

// One rule for the Search pane and `wharf search`: they once disagreed on hub.docker.com and
// registry-1.docker.io.
void TestHubTypes::whatASearchMeans()
{
    for (const char *hub : {"", "docker.io", "index.docker.io", "registry-1.docker.io", "hub.docker.com", " Docker.IO "})
        QVERIFY2(search::isDockerHub(QString::fromLatin1(hub)), hub);
    for (const char *other : {"ghcr.io", "localhost:5000", "docker.io.example", "quay.io"})
        QVERIFY2(!search::isDockerHub(QString::fromLatin1(other)), other);
    const QStringList catalog{u"library/nginx"_s, u"team/NGINX-tools"_s, u"alpine"_s, u"nginx"_s};
    const QList<HubSearchResult> all = search::catalogMatches(catalog, u"nginx"_s);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(1).namespaceName, u"team"_s);
    QCOMPARE(all.at(1).repository, u"NGINX-tools"_s);
    QCOMPARE(all.at(2).namespaceName, QString());
    QCOMPARE(all.at(0).stars, -1); // unknown, not zero
    QCOMPARE(search::catalogMatches(catalog, u"nginx"_s, 2).size(), 2);
    HubSearchResult a;
    a.namespaceName = u"library"_s;
    a.name = u"nginx"_s;
    QCOMPARE(search::resultKey(a), u"library/nginx"_s);
}

QTEST_GUILESS_MAIN(TestHubTypes)
#include "tst_hubtypes.moc"
