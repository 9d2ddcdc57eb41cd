#pragma once
// What a search means, for the Search pane and `wharf search` alike: which registries are Docker
// Hub (searched through its API, paged with HubPaging by `namespace/name`), and, for any other
// registry, which names of its catalog match (a case-insensitive substring, as results with
// stars and pulls unknown).

#include "hub/HubClient.h"
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
// The catalog names matching `query`, in catalog order, at most `limit` (-1: all).
[[nodiscard]] QList<HubSearchResult> catalogMatches(const QStringList &names, const QString &query, qsizetype limit = -1);

} // namespace wharf::search
