#include "registry/ManifestJob.h"

#include "documents/MediaTypes.h"
#include "registry/DocumentCache.h"
#include "registry/RegistryClient.h"
#include "registry/RegistryRequest.h"

namespace wharf {

ManifestJob::ManifestJob(RegistryClient *client, QString registry, QString repository, QString reference, bool headOnly, QObject *parent)
    : Job(parent),
      m_client(client),
      m_headOnly(headOnly)
{
    m_result.registry = std::move(registry);
    m_result.repository = std::move(repository);
    m_result.reference = std::move(reference);
}

QByteArray ManifestJob::acceptHeader()
{
    return QByteArrayLiteral("application/vnd.docker.distribution.manifest.v2+json, "
                             "application/vnd.docker.distribution.manifest.list.v2+json, "
                             "application/vnd.oci.image.manifest.v1+json, "
                             "application/vnd.oci.image.index.v1+json, */*;q=0.1");
}

void ManifestJob::run()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the registry client is gone")));
        return;
    }
    // A digest reference must be valid before it goes anywhere near a URL.
    if (m_result.reference.contains(u':')) {
        const auto digest = Digest::parse(m_result.reference);
        if (!digest) {
            fail(digest.error());
            return;
        }
        if (m_headOnly || !fetchOnce(*digest))
            request(m_headOnly);
        return;
    }
    // A tag may have moved since its document was cached: ask where it points now (a HEAD, which
    // Docker Hub does not count), and GET only a digest not seen before. In a repository nothing
    // was ever kept from, the HEAD could not find anything: GET at once.
    DocumentCache *cache = m_client->documentCache();
    m_revalidating = !m_headOnly && cache && cache->knowsRepository(m_result.registry, m_result.repository);
    request(m_headOnly || m_revalidating);
}

bool ManifestJob::serveFromCache(const Digest &digest)
{
    DocumentCache *cache = m_client->documentCache();
    if (!cache)
        return false;
    std::optional<DocumentCache::Document> cached = cache->find(digest);
    if (!cached)
        return false;
    auto document = parseManifest(cached->bytes, cached->mediaType);
    if (!document)
        return false; // verified bytes Wharf once parsed; fetch rather than guess
    m_result.bytes = cached->bytes;
    m_result.mediaType = cached->mediaType;
    m_result.digest = digest;
    m_result.size = cached->bytes.size();
    m_result.document = std::move(*document);
    m_result.rateLimit = m_client->rateLimit(m_result.registry);
    m_result.fromCache = true;
    emitResult();
    return true;
}

bool ManifestJob::fetchOnce(const Digest &digest)
{
    if (!m_client->documentCache())
        return false;
    if (serveFromCache(digest))
        return true;
    // Another job is fetching this very document (the cost preview and the Image pane asking for
    // the platform just clicked): wait for it and take its answer from the cache.
    const QString key = m_result.registry + u'/' + m_result.repository + u'@' + digest.toString();
    ManifestJob *leader = m_client->manifestInFlight(key);
    if (leader && leader != this && !leader->isFinished()) {
        connect(leader, &Job::finished, this, [this, digest] {
            if (!isFinished() && !serveFromCache(digest))
                request(false);
        });
        return true;
    }
    m_client->setManifestInFlight(key, this);
    return false;
}

void ManifestJob::abort()
{
    if (m_request)
        m_request->cancel();
}

void ManifestJob::request(bool head)
{
    RegistryRequest::Spec spec;
    spec.registry = m_result.registry;
    spec.repository = m_result.repository;
    QUrl url = m_client->baseUrl(m_result.registry);
    url.setPath(u"/v2/" + m_result.repository + u"/manifests/" + m_result.reference);
    spec.url = url;
    spec.method = head ? QByteArray("HEAD") : QByteArray("GET");
    spec.headers = {{"Accept", acceptHeader()}};
    spec.maxBodyBytes = kMaxManifestSize;
    spec.what = m_result.reference.contains(u':') ? tr("manifest %1").arg(m_result.reference) : tr("tag %1").arg(m_result.reference);
    auto *reply = new RegistryRequest(m_client, std::move(spec), this);
    m_request = reply;
    connect(reply, &Job::finished, this, [this, reply, head] { onResponse(reply, head); });
    reply->start();
}

void ManifestJob::onResponse(RegistryRequest *reply, bool head)
{
    if (isFinished())
        return;
    if (reply->error()) {
        if (m_revalidating && reply->error()->code() != Error::Code::Cancelled) {
            // A HEAD carries no error body: let the GET say what is wrong.
            m_revalidating = false;
            request(false);
            return;
        }
        fail(*reply->error());
        return;
    }
    const net::HttpResponse &response = reply->response();
    m_result.rateLimit = m_client->rateLimit(m_result.registry);
    m_result.mediaType = MediaTypes::stripParameters(QString::fromLatin1(response.header("Content-Type")));
    const QByteArray headerDigest = response.header("Docker-Content-Digest").trimmed();

    if (head) {
        const auto digest = Digest::parse(QString::fromLatin1(headerDigest));
        if (!digest) {
            // containerd trusts HEAD only with a digest header; otherwise GET and hash.
            m_revalidating = false;
            request(false);
            return;
        }
        if (m_revalidating) {
            m_revalidating = false;
            if (!fetchOnce(*digest))
                request(false);
            return;
        }
        m_result.digest = *digest;
        m_result.size = response.header("Content-Length").toLongLong();
        emitResult();
        return;
    }

    // What the digest covers: the body, or a signed schema 1 manifest's payload (registries re-sign
    // it on every GET, so only the payload is the same each time; it is also what is cached).
    auto digested = digestedManifestBytes(response.body, m_result.mediaType);
    if (!digested) {
        fail(digested.error().withContext(tr("%1/%2:%3").arg(m_result.registry, m_result.repository, m_result.reference)));
        return;
    }
    m_result.bytes = std::move(*digested);
    m_result.size = m_result.bytes.size();
    if (const auto verified = verify(m_result.bytes, headerDigest); !verified) {
        fail(verified.error());
        return;
    }
    auto document = parseManifest(m_result.bytes, m_result.mediaType);
    if (!document) {
        fail(document.error().withContext(tr("%1/%2:%3").arg(m_result.registry, m_result.repository, m_result.reference)));
        return;
    }
    m_result.document = std::move(*document);
    if (DocumentCache *cache = m_client->documentCache()) {
        cache->insert(m_result.digest, m_result.bytes, m_result.mediaType);
        cache->noteRepository(m_result.registry, m_result.repository);
    }
    emitResult();
}

Result<void> ManifestJob::verify(const QByteArray &bytes, const QByteArray &headerDigest)
{
    if (m_result.reference.contains(u':')) {
        // Fetched by digest: the digest we asked for is the only one that counts.
        const auto expected = Digest::parse(m_result.reference);
        if (auto ok = verifyBytes(bytes, *expected); !ok)
            return wharf::unexpected(ok.error().withContext(tr("manifest from %1").arg(m_result.registry)));
        m_result.digest = *expected;
        return {};
    }
    m_result.digest = Digest::sha256Of(bytes);
    if (!headerDigest.isEmpty()) {
        const auto claimed = Digest::parse(QString::fromLatin1(headerDigest));
        if (!claimed)
            return wharf::unexpected(claimed.error().withContext(tr("Docker-Content-Digest from %1").arg(m_result.registry)));
        if (auto ok = verifyBytes(bytes, *claimed); !ok)
            return wharf::unexpected(ok.error().withContext(tr("manifest from %1").arg(m_result.registry)));
    }
    return {};
}

} // namespace wharf
