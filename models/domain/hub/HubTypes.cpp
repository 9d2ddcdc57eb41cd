#include "hub/HubTypes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrlQuery>

#include <limits>

namespace wharf::hub {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Hub)
};

wharf::unexpected<Error> malformed(const QString &what)
{
    return fail(Error::Code::MalformedDocument, Tr::tr("Docker Hub sent a malformed %1").arg(what));
}

// Reads one Hub object's fields. Hub writes an absent value as null, "" or leaves it out,
// depending on the endpoint, and all three read as empty; a value of any other JSON type means the
// document is not what Hub sends, and ok() turns false instead of the field silently reading as
// empty (a `next` that is not a string would otherwise end paging early).
class Fields
{
public:
    explicit Fields(QJsonObject o) : m_o(std::move(o)) {}

    [[nodiscard]] bool ok() const { return m_ok; }

    QString text(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isString())
            return v.toString();
        check(isAbsent(v));
        return {};
    }

    // JSON integers, or integers written as strings; fractions are not counts or sizes.
    qint64 integer(QLatin1StringView key, qint64 absent = 0)
    {
        const QJsonValue v = m_o.value(key);
        if (isAbsent(v))
            return absent;
        bool valid = false;
        qint64 n = 0;
        if (v.isString()) {
            n = v.toString().toLongLong(&valid);
        } else if (v.isDouble()) {
            constexpr qint64 notAnInteger = std::numeric_limits<qint64>::min();
            n = v.toInteger(notAnInteger);
            valid = n != notAnInteger;
        }
        check(valid);
        return valid ? n : absent;
    }

    bool flag(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isBool())
            return v.toBool();
        check(isAbsent(v));
        return false;
    }

    QDateTime timestamp(QLatin1StringView key)
    {
        const QString value = text(key);
        return value.isEmpty() ? QDateTime() : QDateTime::fromString(value, Qt::ISODateWithMs);
    }

    QUrl link(QLatin1StringView key)
    {
        const QString value = text(key);
        return value.isEmpty() ? QUrl() : QUrl(value);
    }

    // An array whose every item is an object, or nothing.
    QJsonArray objects(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (!v.isArray()) {
            check(isAbsent(v));
            return {};
        }
        const QJsonArray array = v.toArray();
        for (const QJsonValue &item : array)
            check(item.isObject());
        return array;
    }

private:
    static bool isAbsent(const QJsonValue &v) { return v.isNull() || v.isUndefined() || v == QJsonValue(QString()); }
    void check(bool good) { m_ok = m_ok && good; }

    QJsonObject m_o;
    bool m_ok = true;
};

template <typename T, typename Parse> Result<HubPage<T>> parsePage(const QJsonObject &json, Parse parseOne, const QString &what)
{
    const QJsonValue results = json.value(QLatin1StringView("results"));
    if (!results.isArray())
        return malformed(what);
    Fields f(json);
    HubPage<T> page;
    page.count = f.integer(QLatin1StringView("count"));
    page.next = f.link(QLatin1StringView("next"));
    page.previous = f.link(QLatin1StringView("previous"));
    const QJsonArray items = f.objects(QLatin1StringView("results"));
    if (!f.ok())
        return malformed(what);
    for (const QJsonValue &v : items) {
        auto item = parseOne(v.toObject());
        if (!item)
            return wharf::unexpected(item.error());
        page.results.append(std::move(*item));
    }
    return page;
}

Result<HubSearchResult> parseSearchResult(const QJsonObject &o)
{
    Fields f(o);
    HubSearchResult r;
    r.name = f.text(QLatin1StringView("repo_name"));
    if (r.name.isEmpty())
        return malformed(Tr::tr("search result"));
    const qsizetype slash = r.name.indexOf(u'/');
    r.namespaceName = slash < 0 ? QStringLiteral("library") : r.name.left(slash);
    r.repository = slash < 0 ? r.name : r.name.mid(slash + 1);
    r.description = f.text(QLatin1StringView("short_description"));
    r.stars = f.integer(QLatin1StringView("star_count"));
    r.pulls = f.integer(QLatin1StringView("pull_count"));
    r.official = f.flag(QLatin1StringView("is_official"));
    r.automated = f.flag(QLatin1StringView("is_automated"));
    r.verified =
        f.flag(QLatin1StringView("is_verified_publisher")) || f.text(QLatin1StringView("badge")) == QLatin1StringView("verified_publisher");
    if (!f.ok())
        return malformed(Tr::tr("search result"));
    return r;
}

// {name, label} items; names only, "unknown" left out.
QStringList names(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &item : items) {
        const QString name = item.toObject().value(QLatin1StringView("name")).toString();
        if (!name.isEmpty() && name != QLatin1StringView("unknown") && !out.contains(name))
            out.append(name);
    }
    return out;
}

Result<HubSearchResult> parseSearchV4Result(const QJsonObject &o)
{
    Fields f(o);
    HubSearchResult r;
    // `id` is the full name ("library/nginx"); `name` and `slug` drop "library/" for official images.
    QString id = f.text(QLatin1StringView("id"));
    if (!id.contains(u'/')) {
        const QString name = f.text(QLatin1StringView("name"));
        id = name.contains(u'/') ? name : QStringLiteral("library/") + (name.isEmpty() ? f.text(QLatin1StringView("slug")) : name);
    }
    const qsizetype slash = id.indexOf(u'/');
    r.namespaceName = id.left(slash);
    r.repository = id.mid(slash + 1);
    if (r.namespaceName.isEmpty() || r.repository.isEmpty() || r.repository.contains(u'/'))
        return malformed(Tr::tr("search result"));
    r.name = r.namespaceName == QLatin1StringView("library") ? r.repository : id;
    r.description = f.text(QLatin1StringView("short_description"));
    r.stars = f.integer(QLatin1StringView("star_count"));
    r.kind = f.text(QLatin1StringView("type"));
    const QString badge = f.text(QLatin1StringView("badge"));
    r.official = badge == QLatin1StringView("official");
    r.verified = badge == QLatin1StringView("verified_publisher");
    r.openSource = badge == QLatin1StringView("open_source");
    r.hardened = badge == QLatin1StringView("hardened") || r.kind == QLatin1StringView("dhi");
    r.archived = f.flag(QLatin1StringView("archived"));
    r.updated = f.timestamp(QLatin1StringView("updated_at"));
    // pull_count is a display string here ("1B+"); raw_pull_count, where sent, is exact.
    const QJsonValue pulls = o.value(QLatin1StringView("pull_count"));
    r.pullsText = pulls.isString() ? pulls.toString() : QString();
    r.pulls = f.integer(QLatin1StringView("raw_pull_count"), -1);
    if (r.pulls < 0)
        r.pulls = pulls.isDouble() ? qint64(pulls.toDouble()) : std::max<qint64>(0, parsePullCountText(r.pullsText));
    r.operatingSystems = names(f.objects(QLatin1StringView("operating_systems")));
    r.architectures = names(f.objects(QLatin1StringView("architectures")));
    if (!f.ok())
        return malformed(Tr::tr("search result"));
    return r;
}

Result<HubSearchResult> parseRepositoryEntry(const QJsonObject &o)
{
    Fields f(o);
    HubSearchResult r;
    r.namespaceName = f.text(QLatin1StringView("namespace"));
    r.repository = f.text(QLatin1StringView("name"));
    if (r.namespaceName.isEmpty() || r.repository.isEmpty())
        return malformed(Tr::tr("repository record"));
    r.name = r.namespaceName == QLatin1StringView("library") ? r.repository : r.namespaceName + u'/' + r.repository;
    r.official = r.namespaceName == QLatin1StringView("library");
    r.description = f.text(QLatin1StringView("description"));
    r.stars = f.integer(QLatin1StringView("star_count"));
    r.pulls = f.integer(QLatin1StringView("pull_count"));
    r.isPrivate = f.flag(QLatin1StringView("is_private"));
    r.updated = f.timestamp(QLatin1StringView("last_updated"));
    r.kind = f.text(QLatin1StringView("repository_type"));
    if (!f.ok())
        return malformed(Tr::tr("repository record"));
    return r;
}

} // namespace

qint64 parsePullCountText(const QString &text)
{
    QString t = text.trimmed();
    t.remove(u',');
    t.remove(u'+');
    if (t.isEmpty())
        return -1;
    double scale = 1;
    switch (t.back().toUpper().unicode()) {
    case u'K':
        scale = 1e3;
        break;
    case u'M':
        scale = 1e6;
        break;
    case u'B':
        scale = 1e9;
        break;
    default:
        break;
    }
    if (scale > 1)
        t.chop(1);
    bool ok = false;
    const double value = t.toDouble(&ok);
    if (!ok || value < 0 || value * scale > 9e18)
        return -1;
    return qint64(value * scale);
}

Result<HubPage<HubSearchResult>> parseSearchPage(const QJsonObject &json, const QUrl &url)
{
    // v4 says `total` and names results by id/slug; the legacy search says `count` and repo_name.
    const QJsonArray rows = json.value(QLatin1StringView("results")).toArray();
    const QJsonObject first = rows.isEmpty() ? QJsonObject() : rows.first().toObject();
    const bool v4 = json.contains(QLatin1StringView("total"))
        || (!first.contains(QLatin1StringView("repo_name"))
            && (first.contains(QLatin1StringView("id")) || first.contains(QLatin1StringView("slug"))));
    if (!v4)
        return parsePage<HubSearchResult>(json, parseSearchResult, Tr::tr("search page"));
    // An empty object is what a retired search answers with (the Hub's v1 search did), not "no results".
    if (!json.value(QLatin1StringView("results")).isArray() && !json.contains(QLatin1StringView("total")))
        return malformed(Tr::tr("search page"));
    Fields f(json);
    HubPage<HubSearchResult> page;
    const QJsonArray items = f.objects(QLatin1StringView("results"));
    for (const QJsonValue &v : items) {
        auto item = parseSearchV4Result(v.toObject());
        if (!item)
            return wharf::unexpected(item.error());
        page.results.append(std::move(*item));
    }
    page.count = f.integer(QLatin1StringView("total"), page.results.size());
    if (!f.ok())
        return malformed(Tr::tr("search page"));
    // Offsets, not links: the next page starts where this one ended, within the total and the depth
    // the Hub serves.
    QUrlQuery query(url);
    const qint64 from = query.queryItemValue(QStringLiteral("from")).toLongLong();
    const qint64 size = std::max<qint64>(1, query.queryItemValue(QStringLiteral("size")).toLongLong());
    const qint64 end = from + page.results.size();
    if (url.isValid() && !page.results.isEmpty() && end < page.count && end + size <= kMaxSearchOffset) {
        query.removeAllQueryItems(QStringLiteral("from"));
        query.addQueryItem(QStringLiteral("from"), QString::number(end));
        QUrl next = url;
        next.setQuery(query);
        page.next = next;
    }
    return page;
}

Result<HubPage<HubSearchResult>> parseRepositoriesPage(const QJsonObject &json)
{
    return parsePage<HubSearchResult>(json, parseRepositoryEntry, Tr::tr("repository list"));
}

Result<HubRepositoryDetails> parseRepository(const QJsonObject &json)
{
    Fields f(json);
    HubRepositoryDetails d;
    d.name = f.text(QLatin1StringView("name"));
    d.namespaceName = f.text(QLatin1StringView("namespace"));
    d.description = f.text(QLatin1StringView("description"));
    d.fullDescription = f.text(QLatin1StringView("full_description"));
    d.stars = f.integer(QLatin1StringView("star_count"));
    d.pulls = f.integer(QLatin1StringView("pull_count"));
    d.lastUpdated = f.timestamp(QLatin1StringView("last_updated"));
    d.isPrivate = f.flag(QLatin1StringView("is_private"));
    d.storageSize = f.integer(QLatin1StringView("storage_size"), -1);
    if (d.name.isEmpty() || !f.ok())
        return malformed(Tr::tr("repository record"));
    return d;
}

Result<HubTag> parseTag(const QJsonObject &json)
{
    Fields f(json);
    HubTag t;
    t.name = f.text(QLatin1StringView("name"));
    t.digest = f.text(QLatin1StringView("digest"));
    t.mediaType = f.text(QLatin1StringView("media_type"));
    t.fullSize = f.integer(QLatin1StringView("full_size"));
    t.lastUpdated = f.timestamp(QLatin1StringView("last_updated"));
    t.lastPushed = f.timestamp(QLatin1StringView("tag_last_pushed"));
    const QJsonArray images = f.objects(QLatin1StringView("images"));
    if (t.name.isEmpty() || !f.ok())
        return malformed(Tr::tr("tag record"));
    for (const QJsonValue &v : images) {
        Fields fi(v.toObject());
        HubTagImage image;
        image.platform.os = fi.text(QLatin1StringView("os"));
        image.platform.architecture = fi.text(QLatin1StringView("architecture"));
        image.platform.variant = fi.text(QLatin1StringView("variant"));
        image.platform.osVersion = fi.text(QLatin1StringView("os_version"));
        // Attestations are never platforms, however Hub lists them.
        if (image.platform.isUnknown())
            continue;
        image.digest = fi.text(QLatin1StringView("digest"));
        image.size = fi.integer(QLatin1StringView("size"));
        image.status = fi.text(QLatin1StringView("status"));
        image.lastPushed = fi.timestamp(QLatin1StringView("last_pushed"));
        if (!fi.ok())
            return malformed(Tr::tr("tag record"));
        t.images.append(image);
    }
    return t;
}

Result<HubPage<HubTag>> parseTagsPage(const QJsonObject &json)
{
    return parsePage<HubTag>(json, parseTag, Tr::tr("tag page"));
}

} // namespace wharf::hub
