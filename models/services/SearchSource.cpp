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
