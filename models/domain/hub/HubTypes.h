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
#include <QUrl>

namespace wharf {

struct HubSearchResult
{
    QString name;         // "nginx" for official images, "ns/name" otherwise (as Hub sends repo_name)
    QString namespaceName;
    QString repository;
    QString description;
    qint64 stars = 0;
    qint64 pulls = 0;
    bool official = false;
    bool verified = false;  // verified publisher, where Hub says so
    bool automated = false;
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
    QString digest;   // per-platform manifest digest; may be empty on old tags
    qint64 size = 0;  // compressed bytes
    QString status;
    QDateTime lastPushed;
};

struct HubTag
{
    QString name;
    QString digest;   // of the index or manifest; missing on some older tags
    QString mediaType;
    qint64 fullSize = 0;
    QDateTime lastUpdated;
    QDateTime lastPushed;
    QList<HubTagImage> images; // attestations (unknown/unknown) already dropped
};

template <typename T>
struct HubPage
{
    QList<T> results;
    qint64 count = 0;
    QUrl next;     // empty when this is the last page
    QUrl previous;
};

namespace hub {

[[nodiscard]] Result<HubPage<HubSearchResult>> parseSearchPage(const QJsonObject &json);
[[nodiscard]] Result<HubRepositoryDetails> parseRepository(const QJsonObject &json);
[[nodiscard]] Result<HubTag> parseTag(const QJsonObject &json);
[[nodiscard]] Result<HubPage<HubTag>> parseTagsPage(const QJsonObject &json);

} // namespace hub

} // namespace wharf
