#include "HubEmulator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QtEndian>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

namespace {

constexpr qint64 MaxDocumentSize = 4 * 1024 * 1024; // manifests, indexes and configs
constexpr qint64 MaxLinkSize = 1024;
constexpr int MaxPageSize = 100;
constexpr int DefaultPageSize = 10;

const HttpHeaders JsonHeaders{{"Content-Type", "application/json"}};

QByteArray readBounded(const QString &path, qint64 maxSize)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxSize)
        return {};
    return file.read(maxSize);
}

bool isDigest(const QString &digest)
{
    static const QRegularExpression pattern(u"^sha256:[a-f0-9]{64}$"_s);
    return pattern.match(digest).hasMatch();
}

// Deterministic stand-in numbers (ids, stars, pulls) from a name.
quint64 nameHash(const QString &name)
{
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256);
    return qFromBigEndian<quint64>(hash.constData());
}

// Registry timestamps may carry nanoseconds; Qt parses at most milliseconds.
QDateTime parseTime(const QString &text)
{
    static const QRegularExpression fraction(u"(\\.\\d{1,3})\\d*"_s);
    QString trimmed = text;
    trimmed.replace(fraction, u"\\1"_s);
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

const QDateTime &fallbackTime()
{
    static const QDateTime time(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    return time;
}

QString hubTime(const QDateTime &time)
{
    return (time.isValid() ? time : fallbackTime()).toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue stringOrNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

// Buildkit attestation manifests are not images (platform unknown/unknown, or a reference type).
bool isAttestation(const QJsonObject &descriptor)
{
    const QJsonObject platform = descriptor.value(u"platform"_s).toObject();
    return platform.value(u"os"_s).toString() == u"unknown" || platform.value(u"architecture"_s).toString() == u"unknown"
           || descriptor.value(u"annotations"_s).toObject().contains(u"vnd.docker.reference.type"_s);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Django REST framework's page links: the request's query with `page` replaced (or removed for
// page 1), keys sorted.
QString pageLink(const QUrl &base, const QString &path, const QUrlQuery &requestQuery, int page)
{
    QList<std::pair<QString, QString>> items = requestQuery.queryItems(QUrl::FullyDecoded);
    items.removeIf([](const auto &item) { return item.first == u"page"; });
    if (page > 1)
        items.append({u"page"_s, QString::number(page)});
    std::ranges::stable_sort(items, {}, &std::pair<QString, QString>::first);
    QUrl url = base;
    url.setPath(path);
    if (!items.isEmpty()) {
        QUrlQuery query;
        query.setQueryItems(items);
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded);
}

struct Paging
{
    int page = 1;
    int pageSize = DefaultPageSize;
};

} // namespace

QDateTime HubEmulator::Tag::pushed() const
{
    QDateTime latest;
    for (const Image &image : manifest.images) {
        if (image.pushed.isValid() && (!latest.isValid() || image.pushed > latest))
            latest = image.pushed;
    }
    return latest.isValid() ? latest : fallbackTime();
}

HubEmulator::HubEmulator(QObject *parent)
    : QObject(parent), m_http(new HttpServer(this))
{
    m_http->setMaxBodySize(64 * 1024);
    m_http->setHandler([this](const HttpRequest &request, HttpResponder &responder) { handle(request, responder); });
}

HubEmulator::~HubEmulator() = default;

void HubEmulator::setStorageRoot(const QString &path)
{
    m_root = path;
    m_manifests.clear();
}

bool HubEmulator::listen(QString *error, quint16 port)
{
    return m_http->listen(error, port);
}

QUrl HubEmulator::baseUrl() const
{
    return m_http->baseUrl();
}

void HubEmulator::setRepositoryInfo(const QString &hubName, const QString &description,
                                    const QString &fullDescriptionMarkdown, qint64 stars, qint64 pulls)
{
    m_info.insert(hubName, Info{description, fullDescriptionMarkdown, stars, pulls});
}

QStringList HubEmulator::repositories() const
{
    QStringList names = scan().keys();
    names.sort();
    return names;
}

QString HubEmulator::registryRepository(const QString &hubName) const
{
    return scan().value(hubName);
}

HubEmulator::Info HubEmulator::info(const QString &hubName) const
{
    if (const auto it = m_info.constFind(hubName); it != m_info.cend())
        return it.value();
    const quint64 h = nameHash(hubName);
    const QString shortName = hubName.section(u'/', 1);
    return Info{u"Wharf test bed image %1"_s.arg(shortName),
                u"# %1\n\nA test image served by the **Wharf** test bed.\n\n```\nwharf pull %1\n```\n"_s.arg(shortName),
                qint64(h % 5000), qint64(1000 + (h >> 16) % 10'000'000)};
}

// ---- storage ----------------------------------------------------------------------------------

QHash<QString, QString> HubEmulator::scan() const
{
    QHash<QString, QString> hubToRegistry;
    if (m_root.isEmpty())
        return hubToRegistry;
    const QDir base(m_root + u"/docker/registry/v2/repositories"_s);
    // Repositories are the directories holding _manifests; underscore directories are internals.
    std::function<void(const QString &, int)> walk = [&](const QString &relative, int depth) {
        const QDir dir(base.filePath(relative));
        if (!relative.isEmpty() && dir.exists(u"_manifests/tags"_s)
            && !QDir(dir.filePath(u"_manifests/tags"_s)).isEmpty(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QStringList parts = relative.split(u'/');
            if (parts.size() == 1) {
                const QString hub = u"library/"_s + relative;
                if (!hubToRegistry.contains(hub)) // a real "library/x" wins over a bare "x"
                    hubToRegistry.insert(hub, relative);
            } else if (parts.size() == 2) {
                hubToRegistry.insert(relative, relative);
            }
        }
        if (depth >= 4)
            return;
        const QStringList children = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &child : children) {
            if (!child.startsWith(u'_'))
                walk(relative.isEmpty() ? child : relative + u'/' + child, depth + 1);
        }
    };
    walk(QString(), 0);
    return hubToRegistry;
}

QByteArray HubEmulator::readBlob(const QString &digest, qint64 maxSize) const
{
    if (!isDigest(digest))
        return {};
    const QString hex = digest.mid(7);
    return readBounded(u"%1/docker/registry/v2/blobs/sha256/%2/%3/data"_s.arg(m_root, hex.left(2), hex), maxSize);
}

const HubEmulator::Manifest &HubEmulator::manifest(const QString &digest) const
{
    if (const auto it = m_manifests.constFind(digest); it != m_manifests.cend())
        return it.value();

    // One platform manifest: its layers, and from its config the creation time (and the platform,
    // when there is no index to say it).
    auto readImage = [this](const QString &manifestDigest, Image *image, QHash<QString, qint64> *blobs,
                            QString *configMediaType) {
        const QJsonObject object = QJsonDocument::fromJson(readBlob(manifestDigest, MaxDocumentSize)).object();
        if (!object.contains(u"config"_s) || !object.value(u"layers"_s).isArray())
            return false;
        image->digest = manifestDigest;
        image->size = 0;
        const QJsonArray layers = object.value(u"layers"_s).toArray();
        for (const QJsonValue &layer : layers) {
            const qint64 size = layer.toObject().value(u"size"_s).toInteger();
            image->size += size;
            blobs->insert(layer.toObject().value(u"digest"_s).toString(), size);
        }
        const QJsonObject configDescriptor = object.value(u"config"_s).toObject();
        if (configMediaType)
            *configMediaType = configDescriptor.value(u"mediaType"_s).toString();
        const QJsonObject config =
            QJsonDocument::fromJson(readBlob(configDescriptor.value(u"digest"_s).toString(), MaxDocumentSize)).object();
        // The newest of `created` and the history steps: builders often pin `created` (umoci,
        // reproducible builds) while the steps keep their own times.
        image->pushed = parseTime(config.value(u"created"_s).toString());
        const QJsonArray history = config.value(u"history"_s).toArray();
        for (const QJsonValue &step : history) {
            const QDateTime time = parseTime(step.toObject().value(u"created"_s).toString());
            if (time.isValid() && (!image->pushed.isValid() || time > image->pushed))
                image->pushed = time;
        }
        if (image->os.isEmpty()) {
            image->os = config.value(u"os"_s).toString();
            image->architecture = config.value(u"architecture"_s).toString();
            image->variant = config.value(u"variant"_s).toString();
            image->osVersion = config.value(u"os.version"_s).toString();
        }
        return true;
    };

    Manifest result;
    const QJsonObject object = QJsonDocument::fromJson(readBlob(digest, MaxDocumentSize)).object();
    if (object.value(u"manifests"_s).isArray()) {
        result.mediaType = object.value(u"mediaType"_s).toString(u"application/vnd.oci.image.index.v1+json"_s);
        const QJsonArray descriptors = object.value(u"manifests"_s).toArray();
        for (const QJsonValue &value : descriptors) {
            const QJsonObject descriptor = value.toObject();
            if (isAttestation(descriptor))
                continue;
            const QJsonObject platform = descriptor.value(u"platform"_s).toObject();
            Image image;
            image.os = platform.value(u"os"_s).toString();
            image.architecture = platform.value(u"architecture"_s).toString();
            image.variant = platform.value(u"variant"_s).toString();
            image.osVersion = platform.value(u"os.version"_s).toString();
            if (readImage(descriptor.value(u"digest"_s).toString(), &image, &result.blobs, nullptr))
                result.images.append(image);
        }
        result.valid = true;
    } else {
        Image image;
        QString configType;
        result.valid = readImage(digest, &image, &result.blobs, &configType);
        if (result.valid) {
            result.mediaType = configType; // Hub reports a single-platform tag by its config type
            result.images.append(image);
        }
    }
    return m_manifests.insert(digest, result).value();
}

QList<HubEmulator::Tag> HubEmulator::readTags(const QString &registryRepo) const
{
    QList<Tag> tags;
    const QDir dir(u"%1/docker/registry/v2/repositories/%2/_manifests/tags"_s.arg(m_root, registryRepo));
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        const QString digest =
            QString::fromLatin1(readBounded(dir.filePath(name + u"/current/link"_s), MaxLinkSize)).trimmed();
        if (!isDigest(digest))
            continue;
        const Manifest &m = manifest(digest);
        if (m.valid)
            tags.append(Tag{name, digest, m});
    }
    return tags;
}

// ---- JSON -------------------------------------------------------------------------------------

QJsonObject HubEmulator::tagJson(const QString &hubName, const Tag &tag) const
{
    const QString pushed = hubTime(tag.pushed());
    QJsonArray images;
    for (const Image &image : tag.manifest.images) {
        images.append(QJsonObject{
            {u"architecture"_s, image.architecture},
            {u"features"_s, u""_s},
            {u"variant"_s, stringOrNull(image.variant)},
            {u"digest"_s, image.digest},
            {u"os"_s, image.os},
            {u"os_features"_s, u""_s},
            {u"os_version"_s, stringOrNull(image.osVersion)},
            {u"size"_s, image.size},
            {u"status"_s, u"active"_s},
            {u"last_pulled"_s, hubTime(image.pushed)},
            {u"last_pushed"_s, hubTime(image.pushed)},
        });
    }
    const qint64 creator = qint64(nameHash(hubName.section(u'/', 0, 0)) % 10'000'000);
    return QJsonObject{
        {u"creator"_s, creator},
        {u"id"_s, qint64(nameHash(hubName + u':' + tag.name) % 1'000'000'000)},
        {u"images"_s, images},
        {u"last_updated"_s, pushed},
        {u"last_updater"_s, creator},
        {u"last_updater_username"_s, u"wharf-testbed"_s},
        {u"name"_s, tag.name},
        {u"repository"_s, qint64(nameHash(hubName) % 10'000'000)},
        // Hub's full_size of a multi-platform tag is the first image's size (recorded ubuntu page).
        {u"full_size"_s, tag.manifest.images.isEmpty() ? qint64(0) : tag.manifest.images.first().size},
        {u"v2"_s, true},
        {u"tag_status"_s, u"active"_s},
        {u"tag_last_pulled"_s, pushed},
        {u"tag_last_pushed"_s, pushed},
        {u"media_type"_s, tag.manifest.mediaType},
        {u"content_type"_s, u"image"_s},
        {u"digest"_s, tag.digest},
    };
}

QJsonObject HubEmulator::repositoryJson(const QString &hubName, const QList<Tag> &tags) const
{
    const QString ns = hubName.section(u'/', 0, 0);
    const Info details = info(hubName);
    QDateTime first;
    QDateTime last;
    QStringList mediaTypes;
    QHash<QString, qint64> blobs;
    for (const Tag &tag : tags) {
        const QDateTime pushed = tag.pushed();
        if (!first.isValid() || pushed < first)
            first = pushed;
        if (!last.isValid() || pushed > last)
            last = pushed;
        if (!mediaTypes.contains(tag.manifest.mediaType))
            mediaTypes.append(tag.manifest.mediaType);
        blobs.insert(tag.manifest.blobs);
    }
    mediaTypes.sort();
    qint64 storage = 0;
    for (const qint64 size : std::as_const(blobs))
        storage += size;
    return QJsonObject{
        {u"user"_s, ns},
        {u"name"_s, hubName.section(u'/', 1)},
        {u"namespace"_s, ns},
        {u"repository_type"_s, u"image"_s},
        {u"status"_s, 1},
        {u"status_description"_s, u"active"_s},
        {u"description"_s, details.description},
        {u"is_private"_s, m_private.contains(hubName)},
        {u"is_automated"_s, false},
        {u"star_count"_s, details.stars},
        {u"pull_count"_s, details.pulls},
        {u"last_updated"_s, hubTime(last)},
        {u"last_modified"_s, hubTime(last)},
        {u"date_registered"_s, hubTime(first)},
        {u"collaborator_count"_s, 0},
        {u"affiliation"_s, QJsonValue(QJsonValue::Null)},
        {u"hub_user"_s, ns},
        {u"has_starred"_s, false},
        {u"full_description"_s, details.fullDescription},
        {u"permissions"_s, QJsonObject{{u"read"_s, true}, {u"write"_s, false}, {u"admin"_s, false}}},
        {u"media_types"_s, QJsonArray::fromStringList(mediaTypes)},
        {u"content_types"_s, QJsonArray{u"image"_s}},
        {u"categories"_s, QJsonArray()},
        {u"immutable_tags_settings"_s, QJsonObject{{u"enabled"_s, false}, {u"rules"_s, QJsonArray{u".*"_s}}}},
        {u"storage_size"_s, storage},
        {u"source"_s, QJsonValue(QJsonValue::Null)},
    };
}

// ---- routing ----------------------------------------------------------------------------------

namespace {

std::optional<Paging> paging(const QUrlQuery &query, HttpResponder &responder)
{
    Paging paging;
    if (query.hasQueryItem(u"page"_s)) {
        bool ok = false;
        paging.page = query.queryItemValue(u"page"_s).toInt(&ok);
        if (!ok || paging.page < 1) {
            responder.respond(404, json({{u"detail"_s, u"Invalid page."_s}}), JsonHeaders);
            return std::nullopt;
        }
    }
    if (query.hasQueryItem(u"page_size"_s)) {
        bool ok = false;
        const int size = query.queryItemValue(u"page_size"_s).toInt(&ok);
        if (ok && size > MaxPageSize) {
            responder.respond(400,
                              json({{u"message"_s, u"httperror 400: page_size must be between 1 and 100"_s},
                                    {u"errinfo"_s, QJsonObject{{u"page_size"_s, size}}}}),
                              JsonHeaders);
            return std::nullopt;
        }
        if (ok && size >= 1)
            paging.pageSize = size;
    }
    return paging;
}

// False (and a 404 sent) when the page starts past the end; page 1 of nothing is an empty page.
bool pageExists(const Paging &paging, qsizetype count, HttpResponder &responder)
{
    if (paging.page > 1 && qint64(paging.page - 1) * paging.pageSize >= count) {
        responder.respond(404, json({{u"detail"_s, u"Invalid page."_s}}), JsonHeaders);
        return false;
    }
    return true;
}

} // namespace

void HubEmulator::handle(const HttpRequest &request, HttpResponder &responder)
{
    // The Hub API's own limit, per minute, on every answer.
    m_apiRemaining = m_apiRemaining > 0 ? m_apiRemaining - 1 : 179;
    const qint64 reset = QDateTime::currentSecsSinceEpoch() + 60;
    responder.addHeaders({{"X-RateLimit-Limit", "180"},
                          {"X-RateLimit-Remaining", QByteArray::number(m_apiRemaining)},
                          {"X-RateLimit-Reset", QByteArray::number(reset)}});
    if (m_rateLimited) {
        responder.respond(429, json({{u"detail"_s, u"Rate limit exceeded"_s}, {u"error"_s, false}}),
                          {{"Content-Type", "application/json"},
                           {"Retry-After", m_retryAfterEpoch ? QByteArray::number(QDateTime::currentSecsSinceEpoch() + 1) : "1"}});
        return;
    }
    const QStringList segments = request.path().split(u'/', Qt::SkipEmptyParts);
    if (segments == QStringList{u"v2"_s, u"auth"_s, u"token"_s}) {
        handleSignIn(request, responder);
        return;
    }
    if (request.method != "GET" && request.method != "HEAD") {
        responder.respond(405, json({{u"detail"_s, u"Method \"%1\" not allowed."_s.arg(QString::fromLatin1(request.method))}}),
                          {{"Content-Type", "application/json"}, {"Allow", "GET, HEAD"}});
        return;
    }
    const auto gone = [&](Route route) {
        if (!m_dropped.contains(int(route)))
            return false;
        responder.respond(410, json({{u"detail"_s, u"This endpoint has been removed."_s}}), JsonHeaders);
        return true;
    };

    if (segments == QStringList{u"api"_s, u"search"_s, u"v4"_s}) {
        if (!gone(Route::SearchV4))
            handleSearchV4(request, responder);
        return;
    }
    if (segments == QStringList{u"v2"_s, u"search"_s, u"repositories"_s}) {
        if (!gone(Route::LegacySearch))
            handleSearch(request, responder);
        return;
    }
    if (segments.size() == 3 && segments.at(0) == u"v2" && segments.at(1) == u"repositories") {
        // /v2/repositories/{ns}/ lists a namespace (deprecated 2025-06-27)… unless it is an official
        // image's short form, which the legacy API also takes.
        if (!scan().contains(u"library/"_s + segments.at(2)) || !request.target.endsWith('/')) {
            if (!gone(Route::LegacyRepositories))
                handleNamespace(request, responder, segments.at(2), true);
            return;
        }
    }
    if (segments.size() >= 3 && segments.at(0) == u"v2" && segments.at(1) == u"repositories") {
        QStringList rest = segments.mid(2);
        QString hubName;
        if (rest.size() >= 2 && rest.at(1) != u"tags") {
            hubName = rest.at(0) + u'/' + rest.at(1);
            rest = rest.mid(2);
        } else {
            hubName = u"library/"_s + rest.at(0); // Hub's short form for official images
            rest = rest.mid(1);
        }
        if (!gone(rest.isEmpty() ? Route::LegacyRepository : Route::LegacyTags))
            handleRepository(request, responder, hubName, true, rest);
        return;
    }
    if (segments.size() == 4 && segments.at(0) == u"v2" && segments.at(1) == u"namespaces"
        && segments.at(3) == u"repositories") {
        if (!gone(Route::Repositories))
            handleNamespace(request, responder, segments.at(2), false);
        return;
    }
    if (segments.size() >= 5 && segments.at(0) == u"v2" && segments.at(1) == u"namespaces"
        && segments.at(3) == u"repositories") {
        if (!gone(segments.size() == 5 ? Route::Repository : Route::Tags))
            handleRepository(request, responder, segments.at(2) + u'/' + segments.at(4), false, segments.mid(5));
        return;
    }
    responder.respond(404, json({{u"detail"_s, u"Not found."_s}}), JsonHeaders);
}

QString HubEmulator::userOf(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.startsWith("Bearer "))
        return {};
    const auto it = m_tokens.constFind(authorization.mid(7));
    if (it == m_tokens.cend() || it->second < QDateTime::currentDateTimeUtc())
        return {};
    ++m_authenticated;
    return it->first;
}

bool HubEmulator::visible(const QString &hubName, const QString &user) const
{
    const auto owner = m_private.constFind(hubName);
    return owner == m_private.cend() || (!user.isEmpty() && *owner == user);
}

QHash<QString, QString> HubEmulator::visibleRepositories(const QString &user) const
{
    QHash<QString, QString> all = scan();
    all.removeIf([&](const QHash<QString, QString>::iterator it) { return !visible(it.key(), user); });
    return all;
}

void HubEmulator::handleSignIn(const HttpRequest &request, HttpResponder &responder)
{
    if (request.method != "POST") {
        responder.respond(405, json({{u"detail"_s, u"Method not allowed."_s}}), {{"Content-Type", "application/json"}, {"Allow", "POST"}});
        return;
    }
    ++m_signIns;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString identifier = body.value(u"identifier"_s).toString();
    const QString secret = body.value(u"secret"_s).toString();
    if (identifier.isEmpty() || secret.isEmpty()) {
        responder.respond(400, json({{u"message"_s, u"identifier and secret are required"_s}, {u"errinfo"_s, QJsonObject()}}), JsonHeaders);
        return;
    }
    if (!m_accounts.contains(identifier) || m_accounts.value(identifier) != secret) {
        responder.respond(401, json({{u"message"_s, u"incorrect username or password"_s}, {u"errinfo"_s, QJsonObject()}}), JsonHeaders);
        return;
    }
    // A JWT as the Hub's: header.payload.signature, with `exp` in the payload.
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(m_tokenLifetime);
    const auto part = [](const QJsonObject &o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray token = part({{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}}) + '.'
        + part({{u"sub"_s, identifier}, {u"exp"_s, expires.toSecsSinceEpoch()}, {u"n"_s, m_signIns}}) + '.'
        + QByteArray::number(nameHash(identifier + QString::number(m_signIns)), 16);
    m_tokens.insert(token, {identifier, expires});
    responder.respondJson(200, QJsonDocument(QJsonObject{{u"access_token"_s, QString::fromLatin1(token)}}));
}

void HubEmulator::handleNamespace(const HttpRequest &request, HttpResponder &responder, const QString &ns, bool legacyPath)
{
    const QUrlQuery query = request.query();
    const std::optional<Paging> page = paging(query, responder);
    if (!page)
        return;
    const QHash<QString, QString> repositories = visibleRepositories(userOf(request));
    struct Row
    {
        QString hubName;
        QList<Tag> tags;
        QDateTime updated;
        Info info;
    };
    QList<Row> rows;
    const QString filter = query.queryItemValue(u"name"_s, QUrl::FullyDecoded);
    for (auto it = repositories.cbegin(); it != repositories.cend(); ++it) {
        if (it.key().section(u'/', 0, 0) != ns || (!filter.isEmpty() && !it.key().section(u'/', 1).contains(filter, Qt::CaseInsensitive)))
            continue;
        Row row{it.key(), readTags(it.value()), {}, info(it.key())};
        for (const Tag &tag : std::as_const(row.tags))
            row.updated = std::max(row.updated, tag.pushed());
        rows.append(row);
    }
    const QString ordering = query.queryItemValue(u"ordering"_s);
    static const QStringList orderings{u"name"_s, u"-name"_s, u"last_updated"_s, u"-last_updated"_s, u"pull_count"_s, u"-pull_count"_s};
    if (!ordering.isEmpty() && !orderings.contains(ordering)) {
        responder.respond(400, json({{u"fields"_s, QJsonObject{{u"ordering"_s, QJsonArray{u"invalid ordering"_s}}}}, {u"text"_s, u"invalid ordering"_s}}),
                          JsonHeaders);
        return;
    }
    std::ranges::stable_sort(rows, [&ordering](const Row &a, const Row &b) {
        if (ordering == u"-name")
            return a.hubName > b.hubName;
        if (ordering == u"last_updated")
            return a.updated < b.updated;
        if (ordering == u"-last_updated")
            return a.updated > b.updated;
        if (ordering == u"pull_count")
            return a.info.pulls < b.info.pulls;
        if (ordering == u"-pull_count")
            return a.info.pulls > b.info.pulls;
        return a.hubName < b.hubName;
    });
    if (!pageExists(*page, rows.size(), responder))
        return;
    QJsonArray results;
    const qsizetype begin = qsizetype(page->page - 1) * page->pageSize;
    for (qsizetype i = begin; i < std::min<qsizetype>(rows.size(), begin + page->pageSize); ++i) {
        QJsonObject entry = repositoryJson(rows.at(i).hubName, rows.at(i).tags);
        for (const char *key : {"user", "is_automated", "collaborator_count", "hub_user", "has_starred", "full_description",
                                "permissions", "immutable_tags_settings", "source"})
            entry.remove(QString::fromLatin1(key)); // repository_list_entry lacks these
        results.append(entry);
    }
    const QString path = legacyPath ? u"/v2/repositories/%1/"_s.arg(ns) : request.path();
    const bool hasNext = begin + page->pageSize < rows.size();
    responder.respondJson(200, QJsonDocument(QJsonObject{
                                   {u"count"_s, rows.size()},
                                   {u"next"_s, hasNext ? QJsonValue(pageLink(baseUrl(), path, query, page->page + 1)) : QJsonValue()},
                                   {u"previous"_s, page->page > 1 ? QJsonValue(pageLink(baseUrl(), path, query, page->page - 1)) : QJsonValue()},
                                   {u"results"_s, results},
                               }));
}

void HubEmulator::handleSearchV4(const HttpRequest &request, HttpResponder &responder)
{
    const QUrlQuery query = request.query();
    if (m_searchEmpty) {
        responder.respondJson(200, QJsonDocument(QJsonObject()));
        return;
    }
    const auto number = [&query](const QString &key, int fallback) {
        bool ok = false;
        const int n = query.queryItemValue(key).toInt(&ok);
        return ok ? n : fallback;
    };
    const int from = number(u"from"_s, 0);
    const int size = number(u"size"_s, 25);
    if (size > MaxPageSize || size < 1 || from < 0) {
        responder.respond(400, json({{u"message"_s, u"size must be between 1 and 100"_s}}), JsonHeaders);
        return;
    }
    if (from + size > 2'500) {
        responder.respond(400, json({{u"message"_s, u"from + size must be at most 2500"_s}}), JsonHeaders);
        return;
    }
    const auto list = [&query](const QString &key) {
        return query.queryItemValue(key, QUrl::FullyDecoded).split(u',', Qt::SkipEmptyParts);
    };
    const QString text = query.queryItemValue(u"query"_s, QUrl::FullyDecoded).trimmed();
    const QStringList oses = list(u"operating_systems"_s);
    const QStringList arches = list(u"architectures"_s);
    const QStringList badges = list(u"badges"_s);
    const QString sort = query.queryItemValue(u"sort"_s);
    const bool ascending = query.queryItemValue(u"order"_s) == u"asc";

    struct Hit
    {
        QJsonObject json;
        qint64 pulls;
        QDateTime updated;
    };
    QList<Hit> hits;
    const QString user = userOf(request);
    const QHash<QString, QString> repositories = visibleRepositories(user);
    QStringList names = repositories.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        const Info details = info(name);
        const bool official = name.startsWith(u"library/");
        const QString shortName = official ? name.section(u'/', 1) : name;
        if (!text.isEmpty() && !shortName.contains(text, Qt::CaseInsensitive) && !details.description.contains(text, Qt::CaseInsensitive))
            continue;
        const QList<Tag> tags = readTags(repositories.value(name));
        QStringList osNames;
        QStringList archNames;
        QDateTime updated;
        for (const Tag &tag : tags) {
            updated = std::max(updated, tag.pushed());
            for (const Image &image : tag.manifest.images) {
                if (!osNames.contains(image.os))
                    osNames.append(image.os);
                if (!archNames.contains(image.architecture))
                    archNames.append(image.architecture);
            }
        }
        const QString badge = official ? u"official"_s : QString();
        if (!oses.isEmpty() && std::ranges::none_of(oses, [&](const QString &os) { return osNames.contains(os); }))
            continue;
        if (!arches.isEmpty() && std::ranges::none_of(arches, [&](const QString &a) { return archNames.contains(a); }))
            continue;
        if (!badges.isEmpty() && !badges.contains(badge.isEmpty() ? u"none"_s : badge))
            continue;
        const auto labelled = [](const QStringList &values) {
            QJsonArray out;
            for (const QString &v : values)
                out.append(QJsonObject{{u"name"_s, v}, {u"label"_s, v.toUpper()}});
            return out;
        };
        const qint64 pulls = details.pulls;
        const QString pullsText = pulls >= 1'000'000'000 ? u"%1B+"_s.arg(pulls / 1'000'000'000)
                                  : pulls >= 1'000'000   ? u"%1M+"_s.arg(pulls / 1'000'000)
                                  : pulls >= 1'000       ? u"%1K+"_s.arg(pulls / 1'000)
                                                         : QString::number(pulls);
        hits.append({QJsonObject{
                         {u"id"_s, name},
                         {u"name"_s, shortName},
                         {u"slug"_s, shortName},
                         {u"type"_s, u"image"_s},
                         {u"publisher"_s, QJsonObject{{u"id"_s, name.section(u'/', 0, 0)}, {u"name"_s, name.section(u'/', 0, 0)}}},
                         {u"created_at"_s, hubTime(fallbackTime())},
                         {u"updated_at"_s, hubTime(updated.isValid() ? updated : fallbackTime())},
                         {u"short_description"_s, details.description},
                         {u"badge"_s, badge.isEmpty() ? QJsonValue() : QJsonValue(badge)},
                         {u"star_count"_s, details.stars},
                         {u"pull_count"_s, pullsText},
                         {u"raw_pull_count"_s, pulls},
                         {u"operating_systems"_s, labelled(osNames)},
                         {u"architectures"_s, labelled(archNames)},
                         {u"logo_url"_s, QJsonObject{{u"large"_s, QJsonValue()}, {u"small"_s, QJsonValue()}}},
                         {u"extension_reviewed"_s, false},
                         {u"categories"_s, QJsonArray()},
                         {u"archived"_s, false},
                         {u"some_field_from_2027"_s, QJsonObject{{u"x"_s, 1}}}, // unknown fields are tolerated
                     },
                     pulls, updated});
    }
    if (sort == u"pull_count" || sort == u"updated_at") {
        std::ranges::stable_sort(hits, [&](const Hit &a, const Hit &b) {
            const bool less = sort == u"pull_count" ? a.pulls < b.pulls : a.updated < b.updated;
            const bool greater = sort == u"pull_count" ? a.pulls > b.pulls : a.updated > b.updated;
            return ascending ? less : greater;
        });
    } else {
        std::ranges::stable_sort(hits, [](const Hit &a, const Hit &b) {
            const bool ao = a.json.value(u"badge"_s) == u"official"_s;
            const bool bo = b.json.value(u"badge"_s) == u"official"_s;
            return ao != bo ? ao : a.pulls > b.pulls;
        });
    }
    // Hardened images first, since 2026-08, whatever `type` asked (badges may still exclude them).
    QList<Hit> hardened;
    for (auto it = m_hardened.cbegin(); it != m_hardened.cend(); ++it) {
        if ((!text.isEmpty() && !it.key().contains(text, Qt::CaseInsensitive)) || (!badges.isEmpty() && !badges.contains(u"hardened"_s)))
            continue;
        const QJsonArray oses{QJsonObject{{u"name"_s, u"linux"_s}, {u"label"_s, u"Linux"_s}}};
        const QJsonArray arches{QJsonObject{{u"name"_s, u"amd64"_s}, {u"label"_s, u"x86-64"_s}},
                                QJsonObject{{u"name"_s, u"arm64"_s}, {u"label"_s, u"ARM 64"_s}}};
        QJsonObject entry;
        entry.insert(u"id"_s, QString(u"dhi/"_s + it.key()));
        entry.insert(u"name"_s, it.key());
        entry.insert(u"slug"_s, it.key());
        entry.insert(u"type"_s, u"dhi"_s);
        entry.insert(u"badge"_s, u"hardened"_s);
        entry.insert(u"short_description"_s, it.value());
        entry.insert(u"star_count"_s, 0);
        entry.insert(u"pull_count"_s, u"10K+"_s);
        entry.insert(u"operating_systems"_s, oses);
        entry.insert(u"architectures"_s, arches);
        hardened.append(Hit{entry, qint64(10'000), QDateTime()});
    }
    hits = hardened + hits;
    QJsonArray results;
    for (qsizetype i = from; i < std::min<qsizetype>(hits.size(), qsizetype(from) + size); ++i)
        results.append(hits.at(i).json);
    responder.respondJson(200, QJsonDocument(QJsonObject{{u"total"_s, hits.size()}, {u"results"_s, results}}));
}

void HubEmulator::handleSearch(const HttpRequest &request, HttpResponder &responder)
{
    const QUrlQuery query = request.query();
    const std::optional<Paging> page = paging(query, responder);
    if (!page)
        return;
    const QString text = query.queryItemValue(u"query"_s, QUrl::FullyDecoded).trimmed();

    struct Hit
    {
        QString hubName;
        Info info;
        bool official;
    };
    QList<Hit> hits;
    QStringList names = visibleRepositories(userOf(request)).keys();
    names.sort();
    for (const QString &name : names) {
        const Info details = info(name);
        const bool official = name.startsWith(u"library/");
        const QString repoName = official ? name.section(u'/', 1) : name;
        if (text.isEmpty() || repoName.contains(text, Qt::CaseInsensitive)
            || details.description.contains(text, Qt::CaseInsensitive))
            hits.append({name, details, official});
    }
    std::ranges::stable_sort(hits, [](const Hit &a, const Hit &b) {
        if (a.official != b.official)
            return a.official;
        return a.info.pulls > b.info.pulls;
    });
    if (!pageExists(*page, hits.size(), responder))
        return;

    QJsonArray results;
    const qsizetype begin = qsizetype(page->page - 1) * page->pageSize;
    for (qsizetype i = begin; i < std::min<qsizetype>(hits.size(), begin + page->pageSize); ++i) {
        const Hit &hit = hits.at(i);
        results.append(QJsonObject{
            {u"repo_name"_s, hit.official ? hit.hubName.section(u'/', 1) : hit.hubName},
            {u"short_description"_s, hit.info.description},
            {u"star_count"_s, hit.info.stars},
            {u"pull_count"_s, hit.info.pulls},
            {u"repo_owner"_s, u""_s},
            {u"is_automated"_s, false},
            {u"is_official"_s, hit.official},
        });
    }
    const QString path = u"/v2/search/repositories/"_s;
    const bool hasNext = begin + page->pageSize < hits.size();
    // Search says "" where the tag pages say null.
    responder.respondJson(200, QJsonDocument(QJsonObject{
                                   {u"count"_s, hits.size()},
                                   {u"next"_s, hasNext ? pageLink(baseUrl(), path, query, page->page + 1) : u""_s},
                                   {u"previous"_s, page->page > 1 ? pageLink(baseUrl(), path, query, page->page - 1) : u""_s},
                                   {u"results"_s, results},
                               }));
}

void HubEmulator::handleRepository(const HttpRequest &request, HttpResponder &responder, const QString &hubName,
                                   bool legacyPath, const QStringList &rest)
{
    const QString ns = hubName.section(u'/', 0, 0);
    const QString name = hubName.section(u'/', 1);
    const QString user = userOf(request);
    const QString registryRepo = visible(hubName, user) ? scan().value(hubName) : QString();
    if (registryRepo.isEmpty()) {
        responder.respond(404,
                          json({{u"message"_s, u"httperror 404: object not found"_s},
                                {u"errinfo"_s, QJsonObject{{u"namespace"_s, ns}, {u"repository"_s, name}}}}),
                          JsonHeaders);
        return;
    }
    const QList<Tag> tags = readTags(registryRepo);

    if (rest.isEmpty()) {
        responder.respondJson(200, QJsonDocument(repositoryJson(hubName, tags)));
        return;
    }
    if (rest.size() == 2 && rest.at(0) == u"tags") {
        const QString &tagName = rest.at(1);
        const auto it = std::ranges::find(tags, tagName, &Tag::name);
        if (it == tags.cend()) {
            responder.respond(404,
                              json({{u"message"_s, u"httperror 404: tag '%1' not found"_s.arg(tagName)},
                                    {u"errinfo"_s, QJsonObject{{u"namespace"_s, ns}, {u"repository"_s, name},
                                                               {u"tag"_s, tagName}}}}),
                              JsonHeaders);
            return;
        }
        responder.respondJson(200, QJsonDocument(tagJson(hubName, *it)));
        return;
    }
    if (rest.size() != 1 || rest.at(0) != u"tags") {
        responder.respond(404, json({{u"detail"_s, u"Not found."_s}}), JsonHeaders);
        return;
    }

    const QUrlQuery query = request.query();
    const std::optional<Paging> page = paging(query, responder);
    if (!page)
        return;
    if (user.isEmpty() && m_anonymousLimit > 0 && qint64(page->page - 1) * page->pageSize >= m_anonymousLimit) {
        responder.respond(400,
                          json({{u"message"_s, u"pagination offset too large for anonymous requests; sign in to page further"_s},
                                {u"errinfo"_s, QJsonObject()}}),
                          JsonHeaders);
        return;
    }
    QList<Tag> listed = tags;
    const QString filter = query.queryItemValue(u"name"_s, QUrl::FullyDecoded);
    if (!filter.isEmpty())
        listed.removeIf([&filter](const Tag &tag) { return !tag.name.contains(filter, Qt::CaseInsensitive); });
    const QString ordering = query.queryItemValue(u"ordering"_s);
    std::ranges::stable_sort(listed, [&ordering](const Tag &a, const Tag &b) {
        if (ordering == u"name")
            return a.name < b.name;
        if (ordering == u"-name")
            return a.name > b.name;
        const QDateTime pa = a.pushed();
        const QDateTime pb = b.pushed();
        if (pa != pb)
            return ordering == u"-last_updated" ? pa < pb : pa > pb;
        return a.name < b.name;
    });
    if (!pageExists(*page, listed.size(), responder))
        return;

    QJsonArray results;
    const qsizetype begin = qsizetype(page->page - 1) * page->pageSize;
    for (qsizetype i = begin; i < std::min<qsizetype>(listed.size(), begin + page->pageSize); ++i)
        results.append(tagJson(hubName, listed.at(i)));
    // The recorded official-image page links to /v2/repositories/ubuntu/tags/, without "library/".
    const QString path = !legacyPath ? request.path()
                         : ns == u"library" ? u"/v2/repositories/%1/tags/"_s.arg(name)
                                            : u"/v2/repositories/%1/tags/"_s.arg(hubName);
    const bool hasNext = begin + page->pageSize < listed.size();
    responder.respondJson(200, QJsonDocument(QJsonObject{
                                   {u"count"_s, listed.size()},
                                   {u"next"_s, hasNext ? QJsonValue(pageLink(baseUrl(), path, query, page->page + 1))
                                                       : QJsonValue(QJsonValue::Null)},
                                   {u"previous"_s, page->page > 1
                                                       ? QJsonValue(pageLink(baseUrl(), path, query, page->page - 1))
                                                       : QJsonValue(QJsonValue::Null)},
                                   {u"results"_s, results},
                               }));
}

} // namespace wharf::testbed
