#pragma once
// Docker Hub web-API records (hub.docker.com /v2/…), parsed from the shapes Hub really sends
// (see shared/fixtures/hub): search results, repository details, tags with their per-platform
// images, and the count/next/previous page envelope. Parsers are pure and return typed errors.

#include "core/Error.h"
#include "reference/Platform.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace wharf {

struct HubSearchResult
{
    QString name; // "nginx" for official images, "ns/name" otherwise (as Hub sends repo_name)
    QString namespaceName;
    QString repository;
    QString description;
    qint64 stars = 0;
    qint64 pulls = 0; // exact where the Hub says (raw_pull_count); else read from pullsText
    QString pullsText; // search v4's display value ("1B+"); empty from the legacy search
    bool official = false;
    bool verified = false; // verified publisher, where Hub says so
    bool openSource = false; // Docker-sponsored open source
    bool hardened = false; // a Docker Hardened Image (badge "hardened" or type "dhi")
    bool automated = false;
    bool isPrivate = false; // from a namespace's repository list
    bool archived = false;
    QString kind; // search v4's type: "image", "dhi", "plugin", … (unknown values kept)
    QStringList operatingSystems; // as search v4 lists them ("linux"), never "unknown"
    QStringList architectures; // "amd64", "arm64", "arm", …, never "unknown"
    QDateTime updated;
};

struct HubRepositoryDetails
{
    QString namespaceName;
    QString name;
    QString description;
    QString fullDescription; // markdown; may be absent
    qint64 stars = 0;
    qint64 pulls = 0;
    QDateTime lastUpdated;
    bool isPrivate = false;
    qint64 storageSize = -1;
};

struct HubTagImage
{
    Platform platform;
    QString digest; // per-platform manifest digest; may be empty on old tags
    qint64 size = 0; // compressed bytes
    QString status;
    QDateTime lastPushed;
};

struct HubTag
{
    QString name;
    QString digest; // of the index or manifest; missing on some older tags
    QString mediaType;
    qint64 fullSize = 0;
    QDateTime lastUpdated;
    QDateTime lastPushed;
    QList<HubTagImage> images; // attestations (unknown/unknown) already dropped
};

template <typename T> struct HubPage
{
    QList<T> results;
    qint64 count = 0;
    QUrl next; // empty when this is the last page
    QUrl previous;
};

namespace hub {

// Search v4 serves no result past this offset (from + size); deeper pages are not asked.
inline constexpr int kMaxSearchOffset = 2'500;

// Either search: /api/search/v4 ({total, results[{id, slug, badge, …}]}, paged by offset: `next`
// is made from `url`'s from/size and the total) or the legacy /v2/search/repositories/.
[[nodiscard]] Result<HubPage<HubSearchResult>> parseSearchPage(const QJsonObject &json, const QUrl &url = {});
// A namespace's repository list (/v2/namespaces/{ns}/repositories), rows shaped like search results.
[[nodiscard]] Result<HubPage<HubSearchResult>> parseRepositoriesPage(const QJsonObject &json);
// "1B+", "500K+", "12.5M", "1,234" → an approximate count; -1 when it is none.
[[nodiscard]] qint64 parsePullCountText(const QString &text);
[[nodiscard]] Result<HubRepositoryDetails> parseRepository(const QJsonObject &json);
[[nodiscard]] Result<HubTag> parseTag(const QJsonObject &json);
[[nodiscard]] Result<HubPage<HubTag>> parseTagsPage(const QJsonObject &json);

} // namespace hub

} // namespace wharf
