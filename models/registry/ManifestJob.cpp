#include "registry/ManifestJob.h"

#include "documents/MediaTypes.h"
#include "registry/RegistryClient.h"
#include "registry/RegistryRequest.h"

namespace wharf {

ManifestJob::ManifestJob(RegistryClient *client, QString registry, QString repository, QString reference, bool headOnly,
                         QObject *parent)
    : Job(parent), m_client(client), m_headOnly(headOnly)
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
    }
    request(m_headOnly);
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
    spec.what = m_result.reference.contains(u':') ? tr("manifest %1").arg(m_result.reference)
                                                   : tr("tag %1").arg(m_result.reference);
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
            request(false);
            return;
        }
        m_result.digest = *digest;
        m_result.size = response.header("Content-Length").toLongLong();
        emitResult();
        return;
    }

    m_result.bytes = response.body;
    m_result.size = response.body.size();
    if (const auto verified = verify(response.body, headerDigest); !verified) {
        fail(verified.error());
        return;
    }
    auto document = parseManifest(response.body, m_result.mediaType);
    if (!document) {
        fail(document.error().withContext(tr("%1/%2:%3").arg(m_result.registry, m_result.repository, m_result.reference)));
        return;
    }
    m_result.document = std::move(*document);
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
