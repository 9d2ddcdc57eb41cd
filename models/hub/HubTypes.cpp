#include "hub/HubTypes.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace wharf::hub {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("wharf::Hub", text); }

std::unexpected<Error> malformed(const QString &what)
{
    return fail(Error::Code::MalformedDocument, tr("Docker Hub sent a malformed %1").arg(what));
}

// Hub writes absent values as null, "" or leaves them out, depending on the endpoint.
QString text(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

qint64 integer(const QJsonObject &o, QLatin1StringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString().toLongLong();
    return v.toInteger(0);
}

QDateTime timestamp(const QJsonObject &o, QLatin1StringView key)
{
    return QDateTime::fromString(o.value(key).toString(), Qt::ISODateWithMs);
}

QUrl pageLink(const QJsonObject &o, QLatin1StringView key)
{
    const QString link = o.value(key).toString();
    return link.isEmpty() ? QUrl() : QUrl(link);
}

template <typename T, typename Parse>
Result<HubPage<T>> parsePage(const QJsonObject &json, Parse parseOne, const QString &what)
{
    const QJsonValue results = json.value(QLatin1StringView("results"));
    if (!results.isArray())
        return malformed(what);
    HubPage<T> page;
    page.count = integer(json, QLatin1StringView("count"));
    page.next = pageLink(json, QLatin1StringView("next"));
    page.previous = pageLink(json, QLatin1StringView("previous"));
    for (const QJsonValue &v : results.toArray()) {
        if (!v.isObject())
            return malformed(what);
        auto item = parseOne(v.toObject());
        if (!item)
            return std::unexpected(item.error());
        page.results.append(std::move(*item));
    }
    return page;
}

Result<HubSearchResult> parseSearchResult(const QJsonObject &o)
{
    HubSearchResult r;
    r.name = text(o, QLatin1StringView("repo_name"));
    if (r.name.isEmpty())
        return malformed(tr("search result"));
    const qsizetype slash = r.name.indexOf(u'/');
    r.namespaceName = slash < 0 ? QStringLiteral("library") : r.name.left(slash);
    r.repository = slash < 0 ? r.name : r.name.mid(slash + 1);
    r.description = text(o, QLatin1StringView("short_description"));
    r.stars = integer(o, QLatin1StringView("star_count"));
    r.pulls = integer(o, QLatin1StringView("pull_count"));
    r.official = o.value(QLatin1StringView("is_official")).toBool();
    r.automated = o.value(QLatin1StringView("is_automated")).toBool();
    r.verified = o.value(QLatin1StringView("is_verified_publisher")).toBool()
        || o.value(QLatin1StringView("badge")).toString() == QLatin1StringView("verified_publisher");
    return r;
}

} // namespace

Result<HubPage<HubSearchResult>> parseSearchPage(const QJsonObject &json)
{
    return parsePage<HubSearchResult>(json, parseSearchResult, tr("search page"));
}

Result<HubRepositoryDetails> parseRepository(const QJsonObject &json)
{
    HubRepositoryDetails d;
    d.name = text(json, QLatin1StringView("name"));
    d.namespaceName = text(json, QLatin1StringView("namespace"));
    if (d.name.isEmpty())
        return malformed(tr("repository record"));
    d.description = text(json, QLatin1StringView("description"));
    d.fullDescription = text(json, QLatin1StringView("full_description"));
    d.stars = integer(json, QLatin1StringView("star_count"));
    d.pulls = integer(json, QLatin1StringView("pull_count"));
    d.lastUpdated = timestamp(json, QLatin1StringView("last_updated"));
    d.isPrivate = json.value(QLatin1StringView("is_private")).toBool();
    if (json.value(QLatin1StringView("storage_size")).isDouble())
        d.storageSize = integer(json, QLatin1StringView("storage_size"));
    return d;
}

Result<HubTag> parseTag(const QJsonObject &json)
{
    HubTag t;
    t.name = text(json, QLatin1StringView("name"));
    if (t.name.isEmpty())
        return malformed(tr("tag record"));
    t.digest = text(json, QLatin1StringView("digest"));
    t.mediaType = text(json, QLatin1StringView("media_type"));
    t.fullSize = integer(json, QLatin1StringView("full_size"));
    t.lastUpdated = timestamp(json, QLatin1StringView("last_updated"));
    t.lastPushed = timestamp(json, QLatin1StringView("tag_last_pushed"));
    const QJsonValue images = json.value(QLatin1StringView("images"));
    if (!images.isArray() && !images.isNull() && !images.isUndefined())
        return malformed(tr("tag record"));
    for (const QJsonValue &v : images.toArray()) {
        const QJsonObject o = v.toObject();
        HubTagImage image;
        image.platform.os = text(o, QLatin1StringView("os"));
        image.platform.architecture = text(o, QLatin1StringView("architecture"));
        image.platform.variant = text(o, QLatin1StringView("variant"));
        image.platform.osVersion = text(o, QLatin1StringView("os_version"));
        // Attestations are never platforms, however Hub lists them.
        if (image.platform.isUnknown())
            continue;
        image.digest = text(o, QLatin1StringView("digest"));
        image.size = integer(o, QLatin1StringView("size"));
        image.status = text(o, QLatin1StringView("status"));
        image.lastPushed = timestamp(o, QLatin1StringView("last_pushed"));
        t.images.append(image);
    }
    return t;
}

Result<HubPage<HubTag>> parseTagsPage(const QJsonObject &json)
{
    return parsePage<HubTag>(json, parseTag, tr("tag page"));
}

} // namespace wharf::hub
