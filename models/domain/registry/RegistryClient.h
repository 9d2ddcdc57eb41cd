#pragma once
// The OCI distribution API client: where a registry lives, how to authenticate to it (the
// challenge → token → retry flow, Basic auth, a token cache), and factories for the operations
// (manifests, tags, catalog, blobs). Operations are Jobs; this object holds what they share.

#include "core/Error.h"
#include "credentials/Credentials.h"
#include "net/RetryPolicy.h"
#include "registry/AuthChallenge.h"
#include "registry/RateLimit.h"
#include "registry/TokenCache.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QIODevice;

namespace wharf {

class CredentialSource;
class ManifestJob;
class RegistryRequest;
class PagedListJob;
class BlobJob;
class DocumentCache;
class LayerBlobCache;
class LayerListingCache;
class ImageReference;
struct Descriptor;

class RegistryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryClient)
public:
    explicit RegistryClient(QObject *parent = nullptr);
    ~RegistryClient() override;

    // Everything a second client needs to behave like this one (the pull thread's, a layer
    // download's): taken with settings(), given with applySettings(), never copied field by field.
    struct Settings
    {
        CredentialSource *credentials = nullptr; // not owned; must outlive every client using it
        QStringList insecureRegistries;
        net::RetryPolicy retry = net::RetryPolicy::fromEnvironment();
        int transferTimeoutMs = 30'000;
        std::shared_ptr<DocumentCache> documents; // none: every document is fetched
        std::shared_ptr<LayerBlobCache> layerBlobs; // none: a layer listed is not kept for a pull
    };
    [[nodiscard]] Settings settings() const;
    void applySettings(const Settings &settings);

    [[nodiscard]] QNetworkAccessManager *network() const { return m_network; }

    // Not owned. Without one, every request is anonymous.
    void setCredentialSource(CredentialSource *source) { m_credentialSource = source; }
    // Registries (host[:port]) that may be spoken to in plain HTTP besides loopback ones.
    void setInsecureRegistries(const QStringList &registries);
    void setRetryPolicy(const net::RetryPolicy &policy) { m_retry = policy; }
    [[nodiscard]] const net::RetryPolicy &retryPolicy() const { return m_retry; }
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    [[nodiscard]] int transferTimeoutMs() const { return m_transferTimeoutMs; }
    // Verified manifests and configs by digest. With one, a manifest asked for by tag is first
    // asked for with a HEAD, and a digest already known is served without a GET; so is a config
    // (any blob fetchBlob reads into memory).
    void setDocumentCache(std::shared_ptr<DocumentCache> cache) { m_documents = std::move(cache); }
    [[nodiscard]] DocumentCache *documentCache() const { return m_documents.get(); }
    // Layer blobs downloaded to be listed, kept for a pull (LayerListJob fills it, PullJob reads it).
    void setLayerBlobCache(std::shared_ptr<LayerBlobCache> cache) { m_layerBlobs = std::move(cache); }
    [[nodiscard]] LayerBlobCache *layerBlobCache() const { return m_layerBlobs.get(); }
    // Layer listings read in this run, by digest (LayerStackJob asks it first); this thread only.
    void setLayerListings(std::shared_ptr<LayerListingCache> cache) { m_layerListings = std::move(cache); }
    [[nodiscard]] LayerListingCache *layerListings() const { return m_layerListings.get(); }

    // https://registry-1.docker.io for docker.io; http:// for loopback and insecure registries.
    [[nodiscard]] QUrl baseUrl(const QString &registry) const;
    [[nodiscard]] bool allowsPlainHttp(const QUrl &url) const;

    // Operations: created unstarted; connect to finished() and call start().
    // GET /v2/: is this a registry, and do the credentials work (what `wharf login` checks).
    [[nodiscard]] RegistryRequest *ping(const QString &registry);
    [[nodiscard]] ManifestJob *fetchManifest(const QString &registry, const QString &repository, const QString &reference,
                                             bool headOnly = false);
    [[nodiscard]] ManifestJob *fetchManifest(const ImageReference &reference, bool headOnly = false);
    // tags/list and _catalog, following Link pages until `limit` names (or all when -1).
    [[nodiscard]] PagedListJob *listTags(const QString &registry, const QString &repository, int limit = -1, int pageSize = 100);
    [[nodiscard]] PagedListJob *catalog(const QString &registry, int limit = -1, int pageSize = 100);
    // The blob into memory (capped at maxBytes), verified against the descriptor's digest and size.
    [[nodiscard]] BlobJob *fetchBlob(const QString &registry, const QString &repository, const Descriptor &descriptor,
                                     qint64 maxBytes = 4 * 1024 * 1024);
    // The blob streamed into `sink` from `offset` (Range); verification is the sink owner's job.
    [[nodiscard]] BlobJob *streamBlob(const QString &registry, const QString &repository, const Descriptor &descriptor,
                                      QIODevice *sink, qint64 offset = 0);

    [[nodiscard]] RateLimit rateLimit(const QString &registry) const { return m_rateLimits.value(registry); }

    // --- shared state used by RegistryRequest ---------------------------------------------
    using CredentialsCallback = std::function<void(Result<std::optional<Credentials>>)>;
    // Looks credentials up once per registry and remembers the answer for this client's life.
    void credentials(const QString &registry, QObject *context, CredentialsCallback done);
    // Forgets the credentials looked up, the challenge and the tokens of `registry` (login, logout).
    void forgetCredentials(const QString &registry);
    [[nodiscard]] std::optional<AuthChallenge> knownChallenge(const QString &registry) const;
    void rememberChallenge(const QString &registry, const AuthChallenge &challenge);
    [[nodiscard]] TokenCache &tokens() { return m_tokens; }
    void noteRateLimit(const QString &registry, const RateLimit &limit);
    // The job fetching a document ("registry/repository@digest") right now, so a second asker waits.
    [[nodiscard]] ManifestJob *manifestInFlight(const QString &key) const;
    void setManifestInFlight(const QString &key, ManifestJob *job);

Q_SIGNALS:
    void rateLimitChanged(const QString &registry, const wharf::RateLimit &limit);

private:
    struct CredentialLookup {
        bool done = false;
        Result<std::optional<Credentials>> result = std::optional<Credentials>();
        QList<std::pair<QPointer<QObject>, CredentialsCallback>> waiting;
    };

    QNetworkAccessManager *m_network;
    CredentialSource *m_credentialSource = nullptr;
    QSet<QString> m_insecure;
    net::RetryPolicy m_retry = net::RetryPolicy::fromEnvironment();
    int m_transferTimeoutMs = 30'000;
    std::shared_ptr<DocumentCache> m_documents;
    std::shared_ptr<LayerListingCache> m_layerListings;
    std::shared_ptr<LayerBlobCache> m_layerBlobs;
    TokenCache m_tokens;
    QHash<QString, AuthChallenge> m_challenges;
    QHash<QString, CredentialLookup> m_credentials;
    QHash<QString, RateLimit> m_rateLimits;
    QHash<QString, QPointer<ManifestJob>> m_manifestsInFlight;
};

} // namespace wharf
