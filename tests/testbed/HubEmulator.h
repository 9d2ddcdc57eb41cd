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

#include "HttpServer.h"

#include <QDateTime>
#include <QHash>
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
    mutable QHash<QString, Manifest> m_manifests; // content-addressed, so never stale
};

} // namespace wharf::testbed
