#pragma once
// A Docker Hub web-API double on loopback (search, repository details, tag pages, single tags),
// answering with the field names, JSON types and paging habits of the recorded Hub responses in
// shared/fixtures/hub/. Its repositories and tags are the ones REALLY in a distribution storage
// root (read from disk, no network), so the digests it reports are the registry's.
//
// Name mapping: a registry repository without a namespace ("multi") is the official image
// "library/multi" (search shows repo_name "multi", is_official true), as docker.io normalizes
// "multi" to "library/multi"; a registry repository "library/x" is that same official image and
// wins over a bare "x". "ns/name" is the non-official Hub repository "ns/name". Deeper paths
// ("a/b/c") have no Hub name and are left out.
//
// Choices where Hub's behaviour is not recorded: page_size above 100 answers 400; a page past the
// last answers 404 {"detail":"Invalid page."} (Django REST framework, which the legacy API is);
// search's `next` on its last page is "" like its `previous` on page 1 (tags use null for both);
// `next`/`previous` carry the request's query parameters sorted by name (a link to page 1 drops
// `page`, as Django REST framework does), and for official images
// the legacy tag path drops "library/" as in the recorded ubuntu page. Tag `ordering`:
// last_updated (default, newest first), -last_updated, name (ascending), -name; `name=` filters.
// Dates come from the image configs (`created`, history); ids, stars and pulls are hashes of the name.
//
// The Hub of 2026 (shared/reference/docker-hub-api-2026.md): /api/search/v4 (from/size, filters
// by operating_systems, architectures, badges, sort by pull_count or updated_at, pull_count as a
// display string beside raw_pull_count, Docker Hardened Images first with type "dhi" and badge
// "hardened" whatever `type` asked), /v2/namespaces/{ns}/repositories (404 past the last page),
// POST /v2/auth/token (a JWT with `exp`, for the accounts added here), private repositories that
// only their owner sees (404 to anyone else, as the Hub hides them), the anonymous tag-paging
// cap (400 "pagination offset too large for anonymous requests; sign in to page further"; the
// real status is not documented), X-RateLimit-* on every answer, and routes that can be dropped
// (410) to test the fallbacks.

#include "HttpServer.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

namespace wharf::testbed {

class HubEmulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubEmulator)
public:
    explicit HubEmulator(QObject *parent = nullptr);
    ~HubEmulator() override;

    // The registry's filesystem storage root (the directory holding docker/registry/v2).
    void setStorageRoot(const QString &path);
    // On 127.0.0.1; port 0 picks a free one.
    bool listen(QString *error = nullptr, quint16 port = 0);
    [[nodiscard]] QUrl baseUrl() const;

    // Overrides the synthetic description, README, star and pull counts of a Hub repository
    // ("library/multi" or "ns/name").
    void setRepositoryInfo(const QString &hubName, const QString &description, const QString &fullDescriptionMarkdown,
                           qint64 stars, qint64 pulls);
    // Every endpoint answers 429, Retry-After: 1, {"detail":"Rate limit exceeded","error":false}.
    void setRateLimited(bool limited) { m_rateLimited = limited; }
    // The 429's Retry-After as a unix time (as seen in 2025) instead of seconds.
    void setRetryAfterAsEpoch(bool epoch) { m_retryAfterEpoch = epoch; }

    enum class Route { SearchV4, LegacySearch, Repository, LegacyRepository, Tags, LegacyTags, Repositories, LegacyRepositories };
    // The route answers 410 Gone from now on.
    void dropRoute(Route route) { m_dropped.insert(int(route)); }
    void restoreRoutes() { m_dropped.clear(); }
    // A v4 answer of {} (what a retired search answers) instead of results.
    void setSearchV4Empty(bool empty) { m_searchEmpty = empty; }

    // An account that POST /v2/auth/token signs in (password or access token).
    void addAccount(const QString &user, const QString &secret) { m_accounts.insert(user, secret); }
    // The lifetime of the tokens it hands out (default 600 s, as the Hub's).
    void setTokenLifetime(int seconds) { m_tokenLifetime = seconds; }
    // Only `owner`, signed in, sees this repository.
    // An empty owner makes it public again.
    void setPrivate(const QString &hubName, const QString &owner)
    {
        if (owner.isEmpty())
            m_private.remove(hubName);
        else
            m_private.insert(hubName, owner);
    }
    // Anonymous tag pages starting at or past this offset are refused (0: no cap).
    void setAnonymousPagingLimit(int offset) { m_anonymousLimit = offset; }
    // A Docker Hardened Image search puts first for queries its name contains.
    void addHardenedImage(const QString &name, const QString &description) { m_hardened.insert(name, description); }
    // Sign-ins asked, and requests that carried a bearer the emulator issued.
    [[nodiscard]] int signInCount() const { return m_signIns; }
    [[nodiscard]] int authenticatedRequestCount() const { return m_authenticated; }

    [[nodiscard]] QList<HttpRequest> requests() const { return m_http->requests(); }
    void clearRequests() { m_http->clearRequests(); }

    // The Hub names of the repositories in the storage root, sorted.
    [[nodiscard]] QStringList repositories() const;
    // The registry repository behind a Hub name ("library/multi" -> "multi"); empty if none.
    [[nodiscard]] QString registryRepository(const QString &hubName) const;

private:
    struct Info
    {
        QString description;
        QString fullDescription;
        qint64 stars = 0;
        qint64 pulls = 0;
    };
    struct Image // one runnable platform, as Hub's images[] shows it
    {
        QString os, architecture, variant, osVersion;
        QString digest;   // the platform manifest's digest
        qint64 size = 0;  // sum of its layers' compressed sizes
        QDateTime pushed; // the newest time in its config (`created`, history)
    };
    struct Manifest // what a tag's manifest (or index) tells Hub
    {
        bool valid = false;
        QString mediaType; // the index's type, or for a single manifest its config's type (Hub habit)
        QList<Image> images;
        QHash<QString, qint64> blobs; // layer digest -> size, for storage_size
    };
    struct Tag
    {
        QString name;
        QString digest;
        Manifest manifest;
        [[nodiscard]] QDateTime pushed() const;
    };

    void handle(const HttpRequest &request, HttpResponder &responder);
    void handleSearch(const HttpRequest &request, HttpResponder &responder);
    void handleSearchV4(const HttpRequest &request, HttpResponder &responder);
    void handleSignIn(const HttpRequest &request, HttpResponder &responder);
    void handleNamespace(const HttpRequest &request, HttpResponder &responder, const QString &ns, bool legacyPath);
    // The user a request's bearer signs in; empty when anonymous (or the token is unknown/expired).
    [[nodiscard]] QString userOf(const HttpRequest &request) const;
    [[nodiscard]] bool visible(const QString &hubName, const QString &user) const;
    [[nodiscard]] QHash<QString, QString> visibleRepositories(const QString &user) const;
    void handleRepository(const HttpRequest &request, HttpResponder &responder, const QString &hubName, bool legacyPath,
                          const QStringList &rest);

    // Hub name -> registry repository, freshly read from disk.
    [[nodiscard]] QHash<QString, QString> scan() const;
    [[nodiscard]] QList<Tag> readTags(const QString &registryRepo) const;
    [[nodiscard]] const Manifest &manifest(const QString &digest) const;
    [[nodiscard]] QByteArray readBlob(const QString &digest, qint64 maxSize) const;
    [[nodiscard]] Info info(const QString &hubName) const;

    [[nodiscard]] QJsonObject tagJson(const QString &hubName, const Tag &tag) const;
    [[nodiscard]] QJsonObject repositoryJson(const QString &hubName, const QList<Tag> &tags) const;

    HttpServer *m_http;
    QString m_root;
    QHash<QString, Info> m_info;
    bool m_rateLimited = false;
    bool m_retryAfterEpoch = false;
    bool m_searchEmpty = false;
    QSet<int> m_dropped;
    QHash<QString, QString> m_accounts; // user -> secret
    QHash<QByteArray, std::pair<QString, QDateTime>> m_tokens; // token -> user, expiry
    int m_tokenLifetime = 600;
    QHash<QString, QString> m_private; // hub name -> owner
    int m_anonymousLimit = 0;
    QHash<QString, QString> m_hardened; // name -> description
    int m_signIns = 0;
    mutable int m_authenticated = 0;
    int m_apiRemaining = 180;
    mutable QHash<QString, Manifest> m_manifests; // content-addressed, so never stale
};

} // namespace wharf::testbed
