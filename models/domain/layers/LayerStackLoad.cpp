#include "layers/LayerStackLoad.h"

#include "layers/LayerStackJob.h"

namespace wharf {

void LayerStackLoad::track(LayerStackJob *job)
{
    m_job = job;
}

void LayerStackLoad::done()
{
    m_job = nullptr;
}

void LayerStackLoad::abandon(const QObject *receiver)
{
    ++m_generation;
    if (LayerStackJob *job = m_job) {
        m_job = nullptr;
        QObject::disconnect(job, nullptr, receiver, nullptr);
        job->cancel();
    }
}

} // namespace wharf
