#pragma once
// Fetches one manifest or index (GET, or HEAD for a cheap digest/rate-limit check) with the full
// Accept list, dispatches on the Content-Type it gets back, and verifies the bytes: against the
// digest when fetched by digest, against Docker-Content-Digest when fetched by tag (a signed Docker
// schema 1 manifest is verified, kept and cached as its signed payload: digestedManifestBytes()). With the
// client's DocumentCache, a digest already verified is served from it, and a tag of a repository
// the cache knows is first asked for with a HEAD so that a GET is made only for a digest not seen
// before.

#include "core/Digest.h"
#include "core/Job.h"
#include "documents/DocumentParser.h"
#include "registry/RateLimit.h"

#include <QPointer>

#include <optional>

namespace wharf {

class RegistryClient;
class RegistryRequest;

struct FetchedManifest
{
    QString registry;
    QString repository;
    QString reference; // the tag or digest asked for
    QByteArray bytes; // exactly as received (a signed schema 1 manifest: its payload); empty for HEAD
    QString mediaType; // Content-Type without parameters
    Digest digest; // of the bytes (GET), or as the registry reported it (HEAD)
    qint64 size = -1; // of `bytes` (GET), or the Content-Length (HEAD)
    std::optional<ManifestDocument> document; // GET only
    RateLimit rateLimit;
    bool fromCache = false; // served by the client's DocumentCache, no GET made
};

class ManifestJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManifestJob)
public:
    ManifestJob(RegistryClient *client, QString registry, QString repository, QString reference, bool headOnly, QObject *parent = nullptr);

    [[nodiscard]] const FetchedManifest &result() const { return m_result; }

    // What Wharf accepts, in containerd's order.
    [[nodiscard]] static QByteArray acceptHeader();

protected:
    void run() override;
    void abort() override;

private:
    void request(bool head);
    void onResponse(RegistryRequest *reply, bool head);
    [[nodiscard]] Result<void> verify(const QByteArray &bytes, const QByteArray &headerDigest);
    // Serves a digest the client's DocumentCache holds; false when it does not.
    [[nodiscard]] bool serveFromCache(const Digest &digest);
    // serveFromCache, or wait for a job already fetching `digest`; false: the caller fetches it
    // (and is now the one others wait for).
    [[nodiscard]] bool fetchOnce(const Digest &digest);

    QPointer<RegistryClient> m_client;
    bool m_headOnly;
    bool m_revalidating = false; // a HEAD asked on behalf of a GET, to use the cache
    FetchedManifest m_result;
    QPointer<RegistryRequest> m_request;
};

} // namespace wharf
