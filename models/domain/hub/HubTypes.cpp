#include "hub/HubTypes.h"

#include <QCoreApplication>
#include <QJsonArray>

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

template <typename T, typename Parse>
Result<HubPage<T>> parsePage(const QJsonObject &json, Parse parseOne, const QString &what)
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
    r.verified = f.flag(QLatin1StringView("is_verified_publisher"))
        || f.text(QLatin1StringView("badge")) == QLatin1StringView("verified_publisher");
    if (!f.ok())
        return malformed(Tr::tr("search result"));
    return r;
}

} // namespace

Result<HubPage<HubSearchResult>> parseSearchPage(const QJsonObject &json)
{
    return parsePage<HubSearchResult>(json, parseSearchResult, Tr::tr("search page"));
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
