#include "services/SearchSource.h"

#include <QCoreApplication>

namespace wharf::search {

bool isDockerHub(const QString &registry)
{
    const QString host = registry.trimmed().toLower();
    return host.isEmpty() || host == QLatin1StringView("docker.io") || host == QLatin1StringView("index.docker.io")
        || host == QLatin1StringView("registry-1.docker.io") || host == QLatin1StringView("hub.docker.com");
}

QString resultKey(const HubSearchResult &result)
{
    return result.namespaceName + u'/' + result.name;
}

QString hubResultReference(const HubSearchResult &result)
{
    if (result.kind == QLatin1StringView("dhi"))
        return QStringLiteral("dhi.io/") + result.repository;
    return QStringLiteral("docker.io/") + result.namespaceName + u'/' + result.repository;
}

QString unfilteredNote(const HubSearchQuery &query, bool legacyRoute)
{
    if (!legacyRoute || (!query.isFiltered() && query.order == HubSearchQuery::Order::BestMatch))
        return {};
    return QCoreApplication::translate("wharf::search",
                                       "Docker Hub answered only at its older search, which cannot filter by platform "
                                       "or badge or sort: these results are not filtered.");
}

HubListing HubListing::search(const HubSearchQuery &query, int pageSize)
{
    HubListing listing;
    listing.m_query = query;
    listing.m_pageSize = pageSize;
    return listing;
}

HubListing HubListing::repositories(const QString &namespaceName, const QString &nameFilter, const QString &ordering, int pageSize)
{
    HubListing listing;
    listing.m_namespace = namespaceName;
    listing.m_query.text = nameFilter;
    listing.m_ordering = ordering;
    listing.m_pageSize = pageSize;
    return listing;
}

HubRequest *HubListing::first(HubClient &hub)
{
    m_paging.reset();
    m_next.clear();
    m_total = 0;
    m_note.clear();
    m_legacy = false;
    if (!m_namespace.isEmpty())
        return hub.repositories(m_namespace, m_query.text, m_ordering, m_pageSize);
    return hub.search(m_query, 0, m_pageSize);
}

HubRequest *HubListing::next(HubClient &hub)
{
    if (!m_next.isValid())
        return nullptr;
    const QUrl url = std::exchange(m_next, {});
    return hub.page(url,
                    m_namespace.isEmpty() ? QCoreApplication::translate("wharf::search", "more results for “%1”").arg(m_query.text)
                                          : QCoreApplication::translate("wharf::search", "more repositories of %1").arg(m_namespace));
}

Result<QList<HubSearchResult>> HubListing::take(const HubRequest &page)
{
    const Result<HubPage<HubSearchResult>> parsed =
        m_namespace.isEmpty() ? hub::parseSearchPage(page.json(), page.url()) : hub::parseRepositoriesPage(page.json());
    if (!parsed) {
        m_next.clear();
        return wharf::unexpected(parsed.error());
    }
    m_legacy = m_legacy || page.usedLegacyRoute();
    QList<HubSearchResult> fresh;
    for (const HubSearchResult &result : parsed->results) {
        if (m_paging.admit(resultKey(result))) // pages served twice add nothing
            fresh.append(result);
    }
    m_next = m_paging.next(page.url(), parsed->next, parsed->results.size(), fresh.size());
    m_total = parsed->count;
    if (m_paging.wentInCircles())
        m_note = m_paging.circleNote(HubPaging::Rows::Results);
    else if (m_namespace.isEmpty())
        m_note = unfilteredNote(m_query, m_legacy);
    return fresh;
}

QList<HubSearchResult> catalogMatches(const QStringList &names, const QString &query, qsizetype limit)
{
    QList<HubSearchResult> matches;
    for (const QString &path : names) {
        if (limit >= 0 && matches.size() >= limit)
            break;
        if (!path.contains(query, Qt::CaseInsensitive))
            continue;
        HubSearchResult row;
        row.name = path;
        const qsizetype slash = path.lastIndexOf(u'/');
        row.namespaceName = slash < 0 ? QString() : path.left(slash);
        row.repository = path.mid(slash + 1);
        row.stars = -1;
        row.pulls = -1;
        matches.append(row);
    }
    return matches;
}

} // namespace wharf::search
