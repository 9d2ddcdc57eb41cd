#pragma once
// Asks Docker Hub how many pulls are left: a HEAD (which does not count as a pull) on the manifest
// of the Docker Hub image being viewed or pulled (setImage), or, when there is none, of
// ratelimitpreview/test, which Docker documents for exactly this (it may be a schema 1 image; a HEAD
// reads only headers). The answer's ratelimit-* headers ("N;w=SECONDS", values sometimes empty)
// are the limit; none means not limited. Every other docker.io answer the client sees (browsing manifests) updates
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
    // The Docker Hub image on show ("library/nginx", "latest" or a digest); empty: the probe image.
    void setImage(const QString &repository, const QString &reference);
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
    QString m_repository;
    QString m_reference;
};

} // namespace wharf
