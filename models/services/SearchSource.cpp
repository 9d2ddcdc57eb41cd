#include "services/SearchSource.h"

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
