#include "services/EngineTargets.h"

#include "services/EngineJobs.h"

namespace wharf {

EngineTargets::EngineTargets(EngineLocator::Environment environment, QObject *parent)
    : QObject(parent), m_environment(std::move(environment))
{
}

EngineTargets::~EngineTargets()
{
    for (Slot &s : m_slots)
        if (s.job)
            s.job->cancel();
}

void EngineTargets::refresh()
{
    for (const EngineKind kind : kinds)
        refresh(kind);
}

void EngineTargets::refresh(EngineKind kind)
{
    Slot &s = slot(kind);
    if (s.job)
        s.job->cancel();
    auto located = EngineLocator::locate(kind, m_environment);
    if (!located) {
        s = Slot{State::Unavailable, std::nullopt, {}, located.error(), {}};
        Q_EMIT changed(kind);
        return;
    }
    s.state = State::Checking;
    s.endpoint = *located;
    s.error.reset();
    auto *job = new EngineVersionJob(*located, this);
    s.job = job;
    connect(job, &Job::finished, this, [this, kind, job] {
        Slot &answered = slot(kind);
        if (answered.job != job || job->isCancelled())
            return;
        if (job->error()) {
            answered.state = State::Unavailable;
            answered.error = job->error();
        } else {
            answered.state = State::Ready;
            answered.version = job->version();
        }
        Q_EMIT changed(kind);
    });
    Q_EMIT changed(kind);
    job->start();
}

std::optional<EngineEndpoint> EngineTargets::endpoint(EngineKind kind) const
{
    return slot(kind).endpoint;
}

QString EngineTargets::description(EngineKind kind) const
{
    const Slot &s = slot(kind);
    switch (s.state) {
    case State::Unknown:
    case State::Checking:
        //: %1 Docker or Podman
        return tr("Looking for %1…").arg(EngineLocator::kindName(kind));
    case State::Ready:
        //: %1 the engine's name ("Docker Engine - Community"), %2 its version, %3 its address
        return tr("%1 %2 at %3").arg(s.version.name, s.version.version, s.endpoint ? s.endpoint->address() : QString());
    case State::Unavailable:
        break;
    }
    return s.error ? s.error->message() : QString();
}

} // namespace wharf
