#pragma once
// Asks Docker Hub how many pulls are left: a HEAD on the manifest of ratelimitpreview/test, which
// Docker documents for exactly this and which does not count as a pull; the answer's ratelimit-*
// headers are the limit. Every other docker.io answer the client sees (browsing manifests) updates
// it too. One check at a time; asking again while one runs changes nothing.

#include "core/Error.h"
#include "registry/RateLimit.h"

#include <QObject>
#include <QPointer>

namespace wharf {

class ManifestJob;
class RegistryClient;

class HubRateLimitProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubRateLimitProbe)
public:
    static constexpr QLatin1StringView Registry{"docker.io"};
    static constexpr QLatin1StringView Repository{"ratelimitpreview/test"};
    static constexpr QLatin1StringView Tag{"latest"};

    // `client` is not owned; null means there is nothing to ask.
    explicit HubRateLimitProbe(RegistryClient *client, QObject *parent = nullptr);
    ~HubRateLimitProbe() override;

    void refresh();
    [[nodiscard]] bool isChecking() const { return !m_job.isNull(); }

Q_SIGNALS:
    void checking();
    // The registry sent its limit (here or on any other docker.io response).
    void limitChanged(const wharf::RateLimit &limit);
    // It answered without rate-limit headers: not limited, as far as it says.
    void notLimited();
    void failed(const wharf::Error &error);

private:
    void onFinished(ManifestJob *job);

    RegistryClient *m_client;
    QPointer<ManifestJob> m_job;
};

} // namespace wharf
