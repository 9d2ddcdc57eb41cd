#include "HubRateLimitProbe.h"

#include "registry/ManifestJob.h"
#include "registry/RegistryClient.h"

namespace wharf {

HubRateLimitProbe::HubRateLimitProbe(RegistryClient *client, QObject *parent) : QObject(parent), m_client(client)
{
    if (m_client)
        connect(m_client, &RegistryClient::rateLimitChanged, this, [this](const QString &registry, const RateLimit &limit) {
            if (registry == Registry && limit.isKnown())
                Q_EMIT limitChanged(limit);
        });
}

HubRateLimitProbe::~HubRateLimitProbe()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
}

void HubRateLimitProbe::refresh()
{
    if (!m_client || m_job)
        return;
    const bool image = !m_repository.isEmpty() && !m_reference.isEmpty();
    ManifestJob *job =
        m_client->fetchManifest(Registry, image ? m_repository : QString(Repository), image ? m_reference : QString(Tag), true);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] { onFinished(job); });
    Q_EMIT checking();
    job->start();
}

void HubRateLimitProbe::setImage(const QString &repository, const QString &reference)
{
    m_repository = repository;
    m_reference = reference;
}

void HubRateLimitProbe::onFinished(ManifestJob *job)
{
    m_job.clear();
    if (job->isCancelled())
        return;
    if (const auto &error = job->error()) {
        // Over the limit the HEAD itself is refused (429), with remaining 0 in its headers.
        const RateLimit known = m_client->rateLimit(Registry);
        if (error->code() == Error::Code::RateLimited && known.isKnown())
            Q_EMIT limitChanged(known);
        else
            Q_EMIT failed(*error);
        return;
    }
    const RateLimit &limit = job->result().rateLimit;
    if (limit.isKnown())
        Q_EMIT limitChanged(limit);
    else
        Q_EMIT notLimited();
}

} // namespace wharf
