#pragma once
// "Latest request wins": the slot for the one job whose answer still matters, where a person's
// newer click makes an older request moot (a tag, a platform, a repository's details). start()
// cancels the job before it; the handler runs only for the job that is still the latest when it
// finishes, and never for a cancelled one — so no caller keeps a generation counter of its own.
//
// Keep it a member of `context` (the object whose state the handler touches): the connection dies
// with the context, and the slot with it.

#include "core/Job.h"

#include <QObject>
#include <QPointer>

#include <utility>

namespace wharf {

class LatestRequest final
{
    Q_DISABLE_COPY_MOVE(LatestRequest)
public:
    LatestRequest() = default;
    ~LatestRequest() { cancel(); }

    // Cancels the previous job, then starts `job`; `handler(job)` runs on `context`'s thread when
    // `job` has finished, unless another start() or cancel() came first.
    template <typename J, typename Handler>
    void start(J *job, QObject *context, Handler handler)
    {
        cancel();
        m_current = job;
        QObject::connect(job, &Job::finished, context, [this, job, ticket = m_ticket, handler = std::move(handler)] {
            if (ticket != m_ticket || job->isCancelled())
                return;
            m_current.clear();
            handler(job);
        });
        job->start();
    }

    // Cancels the job in flight (its handler will not run).
    void cancel()
    {
        ++m_ticket;
        if (m_current && !m_current->isFinished())
            m_current->cancel();
        m_current.clear();
    }

    [[nodiscard]] bool isRunning() const { return m_current && !m_current->isFinished(); }

private:
    QPointer<Job> m_current;
    quint64 m_ticket = 0;
};

} // namespace wharf
