#include "PullMeter.h"

#include "HubRateLimitProbe.h"
#include "RateLimitIndicator.h"

#include <algorithm>

namespace wharf {

PullMeter::PullMeter(RegistryClient *client, RateLimitIndicator *indicator, QObject *parent)
    : QObject(parent),
      m_probe(new HubRateLimitProbe(client, this)),
      m_indicator(indicator)
{
    connect(m_indicator, &RateLimitIndicator::refreshRequested, this, &PullMeter::refresh);
    connect(m_probe, &HubRateLimitProbe::checking, m_indicator, &RateLimitIndicator::setChecking);
    connect(m_probe, &HubRateLimitProbe::limitChanged, this, &PullMeter::onLimit);
    connect(m_probe, &HubRateLimitProbe::notLimited, this, &PullMeter::onNotLimited);
    connect(m_probe, &HubRateLimitProbe::failed, m_indicator, &RateLimitIndicator::setFailure);
}

void PullMeter::refresh()
{
    m_probe->refresh();
}

void PullMeter::setImage(const QString &repository, const QString &reference)
{
    m_probe->setImage(repository, reference);
}

void PullMeter::pullStarted()
{
    if (m_pullsUnderWay == 0)
        m_remainingBefore = m_indicator->limit().remaining;
    ++m_pullsUnderWay;
}

void PullMeter::pullEnded(const QString &reference)
{
    m_pullsUnderWay = std::max(0, m_pullsUnderWay - 1);
    if (m_pullsUnderWay == 0)
        m_costOf = reference;
    refresh();
}

void PullMeter::onLimit(const RateLimit &limit)
{
    m_indicator->setLimit(limit);
    const QString pulled = std::exchange(m_costOf, {});
    if (pulled.isEmpty() || m_remainingBefore < 0 || limit.remaining < 0 || limit.remaining > m_remainingBefore)
        return;
    Q_EMIT statusMessage(tr("Pulled %1: it used %n of your Docker Hub pulls (%2 left).", nullptr, m_remainingBefore - limit.remaining)
                             .arg(pulled)
                             .arg(limit.remaining));
}

void PullMeter::onNotLimited()
{
    m_indicator->setNotLimited();
    if (!std::exchange(m_costOf, {}).isEmpty())
        Q_EMIT statusMessage(tr("Docker Hub does not limit your pulls: that pull cost nothing."));
}

} // namespace wharf
