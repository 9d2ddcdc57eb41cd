#pragma once
// What a search means, for the Search pane and `wharf search` alike: which registries are Docker
// Hub (searched through its API, paged with HubPaging by `namespace/name`), and, for any other
// registry, which names of its catalog match (a case-insensitive substring, as results with
// stars and pulls unknown).

#include "hub/HubClient.h"
#include "hub/HubPaging.h"
#include "hub/HubTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wharf::search {

// "", docker.io, index.docker.io, registry-1.docker.io, hub.docker.com.
[[nodiscard]] bool isDockerHub(const QString &registry);
// The key a Hub result is told apart by across pages.
[[nodiscard]] QString resultKey(const HubSearchResult &result);
// The repository a Docker Hub result names: docker.io/ns/name, or for a Docker Hardened Image
// (search type "dhi") its own registry, dhi.io/name.
[[nodiscard]] QString hubResultReference(const HubSearchResult &result);
// What a search by platform or badge cannot do when the Hub only answers at its legacy search
// (which has no filters): said once under the results. Empty when nothing was lost.
[[nodiscard]] QString unfilteredNote(const HubSearchQuery &query, bool legacyRoute);
// One Docker Hub listing — a search, or a namespace's repositories — paged the same way for the
// Search pane and `wharf search` / `wharf repos`: first() asks page one, take() reads a finished
// page (results already listed dropped, the next page found through HubPaging, the count kept),
// next() asks the page after it, or nothing at the end. note() says why the list ended early or
// is not what was asked (pages in circles; filters the legacy search could not apply).
class HubListing
{
public:
    [[nodiscard]] static HubListing search(const HubSearchQuery &query, int pageSize);
    [[nodiscard]] static HubListing repositories(const QString &namespaceName, const QString &nameFilter, const QString &ordering,
                                                 int pageSize);

    [[nodiscard]] HubRequest *first(HubClient &hub);
    [[nodiscard]] HubRequest *next(HubClient &hub);
    [[nodiscard]] Result<QList<HubSearchResult>> take(const HubRequest &page);

    [[nodiscard]] bool hasMore() const { return m_next.isValid(); }
    [[nodiscard]] qint64 total() const { return m_total; }
    [[nodiscard]] const QString &note() const { return m_note; }
    [[nodiscard]] bool wentInCircles() const { return m_paging.wentInCircles(); }
    [[nodiscard]] const HubSearchQuery &query() const { return m_query; }

private:
    HubSearchQuery m_query;
    QString m_namespace; // listing a namespace instead of searching
    QString m_ordering;
    int m_pageSize = 25;
    HubPaging m_paging;
    QUrl m_next;
    qint64 m_total = 0;
    QString m_note;
    bool m_legacy = false;
};

// The catalog names matching `query`, in catalog order, at most `limit` (-1: all).
[[nodiscard]] QList<HubSearchResult> catalogMatches(const QStringList &names, const QString &query, qsizetype limit = -1);

} // namespace wharf::search
