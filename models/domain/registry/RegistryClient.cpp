#include "registry/RegistryClient.h"

#include "credentials/CredentialSource.h"
#include "documents/Descriptor.h"
#include "net/HostRules.h"
#include "reference/ImageReference.h"
#include "registry/BlobJob.h"
#include "registry/DocumentCache.h"
#include "registry/ManifestJob.h"
#include "registry/PagedListJob.h"
#include "registry/RegistryRequest.h"

#include <QNetworkAccessManager>

namespace wharf {

RegistryClient::RegistryClient(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    // Redirects are followed by HttpExchange, which decides per hop who sees credentials.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    const QString insecure = qEnvironmentVariable("WHARF_INSECURE_REGISTRIES");
    if (!insecure.isEmpty())
        setInsecureRegistries(insecure.split(u',', Qt::SkipEmptyParts));
}

RegistryClient::~RegistryClient() = default;

RegistryClient::Settings RegistryClient::settings() const
{
    Settings settings;
    settings.credentials = m_credentialSource;
    settings.insecureRegistries = QStringList(m_insecure.cbegin(), m_insecure.cend());
    settings.retry = m_retry;
    settings.transferTimeoutMs = m_transferTimeoutMs;
    settings.documents = m_documents;
    settings.layerBlobs = m_layerBlobs;
    return settings;
}

void RegistryClient::applySettings(const Settings &settings)
{
    setCredentialSource(settings.credentials);
    setInsecureRegistries(settings.insecureRegistries);
    setRetryPolicy(settings.retry);
    setTransferTimeoutMs(settings.transferTimeoutMs);
    setDocumentCache(settings.documents);
    setLayerBlobCache(settings.layerBlobs);
}

ManifestJob *RegistryClient::manifestInFlight(const QString &key) const
{
    return m_manifestsInFlight.value(key).data();
}

void RegistryClient::setManifestInFlight(const QString &key, ManifestJob *job)
{
    m_manifestsInFlight.removeIf([](const auto &entry) { return entry.value().isNull() || entry.value()->isFinished(); });
    m_manifestsInFlight.insert(key, job);
}

void RegistryClient::setInsecureRegistries(const QStringList &registries)
{
    for (const QString &r : registries)
        m_insecure.insert(r.trimmed().toLower());
}

QUrl RegistryClient::baseUrl(const QString &registry) const
{
    if (registry == QLatin1StringView("docker.io") || registry == QLatin1StringView("index.docker.io")) {
        // Tests and the offline demo point Docker Hub's registry at a local one.
        const QString override = qEnvironmentVariable("WHARF_DOCKERHUB_REGISTRY_URL");
        return QUrl(override.isEmpty() ? QStringLiteral("https://registry-1.docker.io") : override);
    }
    const bool plain = net::isLoopbackHost(registry) || m_insecure.contains(registry.toLower());
    return QUrl((plain ? QStringLiteral("http://") : QStringLiteral("https://")) + registry);
}

bool RegistryClient::allowsPlainHttp(const QUrl &url) const
{
    return net::isLoopbackHost(url.host()) || m_insecure.contains(net::hostPort(url).toLower());
}

RegistryRequest *RegistryClient::ping(const QString &registry)
{
    RegistryRequest::Spec spec;
    spec.registry = registry;
    QUrl url = baseUrl(registry);
    url.setPath(QStringLiteral("/v2/"));
    spec.url = url;
    spec.maxBodyBytes = 64 * 1024;
    spec.what = tr("the registry API");
    return new RegistryRequest(this, std::move(spec), this);
}

ManifestJob *RegistryClient::fetchManifest(const QString &registry, const QString &repository, const QString &reference,
                                           bool headOnly)
{
    return new ManifestJob(this, registry, repository, reference, headOnly, this);
}

ManifestJob *RegistryClient::fetchManifest(const ImageReference &reference, bool headOnly)
{
    const QString ref = reference.hasDigest() ? reference.digest() : reference.tag();
    return fetchManifest(reference.domain(), reference.path(), ref.isEmpty() ? QStringLiteral("latest") : ref, headOnly);
}

PagedListJob *RegistryClient::listTags(const QString &registry, const QString &repository, int limit, int pageSize)
{
    return new PagedListJob(this, PagedListJob::Kind::Tags, registry, repository, limit, pageSize, this);
}

PagedListJob *RegistryClient::catalog(const QString &registry, int limit, int pageSize)
{
    return new PagedListJob(this, PagedListJob::Kind::Catalog, registry, QString(), limit, pageSize, this);
}

BlobJob *RegistryClient::fetchBlob(const QString &registry, const QString &repository, const Descriptor &descriptor,
                                   qint64 maxBytes)
{
    return new BlobJob(this, registry, repository, descriptor, nullptr, 0, maxBytes, this);
}

BlobJob *RegistryClient::streamBlob(const QString &registry, const QString &repository, const Descriptor &descriptor,
                                    QIODevice *sink, qint64 offset)
{
    return new BlobJob(this, registry, repository, descriptor, sink, offset, -1, this);
}

void RegistryClient::credentials(const QString &registry, QObject *context, CredentialsCallback done)
{
    CredentialLookup &lookup = m_credentials[registry];
    if (lookup.done || !m_credentialSource) {
        deliverLater(context, std::move(done), lookup.done ? lookup.result : Result<std::optional<Credentials>>(std::nullopt));
        return;
    }
    lookup.waiting.append({QPointer<QObject>(context), std::move(done)});
    if (lookup.waiting.size() > 1)
        return; // a lookup is already under way
    m_credentialSource->lookup(registry, this, [this, registry](Result<std::optional<Credentials>> result) {
        CredentialLookup &l = m_credentials[registry];
        l.done = true;
        l.result = result;
        const auto waiting = std::exchange(l.waiting, {});
        for (const auto &[ctx, callback] : waiting)
            if (ctx)
                callback(result);
    });
}

void RegistryClient::forgetCredentials(const QString &registry)
{
    m_credentials.remove(registry);
    m_challenges.remove(registry);
    // A token issued to the old login (or to nobody) must not outlive it.
    m_tokens.removeRegistry(registry);
}

std::optional<AuthChallenge> RegistryClient::knownChallenge(const QString &registry) const
{
    const auto it = m_challenges.constFind(registry);
    return it == m_challenges.cend() ? std::nullopt : std::optional<AuthChallenge>(*it);
}

void RegistryClient::rememberChallenge(const QString &registry, const AuthChallenge &challenge)
{
    m_challenges.insert(registry, challenge);
}

void RegistryClient::noteRateLimit(const QString &registry, const RateLimit &limit)
{
    if (m_rateLimits.value(registry) == limit)
        return;
    m_rateLimits.insert(registry, limit);
    Q_EMIT rateLimitChanged(registry, limit);
}

} // namespace wharf
