#include "pull/PullEngine.h"

#include "core/Digest.h"
#include "pull/PullHandle.h"
#include "pull/PullJob.h"

#include <QPointer>
#include <QThread>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace wharf {

namespace {

// Makes the calling thread `delta` nicer (Linux keeps a nice value per thread; threads it starts
// inherit it). Elsewhere, nothing.
void lowerThreadPriority(int delta)
{
#ifdef Q_OS_LINUX
    const pid_t self = ::gettid();
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, id_t(self));
    if (errno == 0)
        ::setpriority(PRIO_PROCESS, id_t(self), std::min(current + delta, 19));
#else
    Q_UNUSED(delta);
#endif
}

} // namespace

PullEngine::PullEngine(ImageStore store, Options options, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_options(std::move(options)), m_pullThread(new QThread(this))
{
    qRegisterMetaType<wharf::PullPlan>();
    qRegisterMetaType<wharf::PullProgress>();
    qRegisterMetaType<wharf::PullOutcome>();
    qRegisterMetaType<std::optional<wharf::Error>>();
    m_pullThread->setObjectName(QStringLiteral("wharf-pull"));
    // What runs on a thread of ours goes with it, on it, and then the thread's hashing state: left to
    // the thread's own exit, that state races the process's exit (QThread::wait() returns first).
    connect(m_pullThread, &QThread::finished, m_pullThread, &releaseThreadHashingState, Qt::DirectConnection);
    m_pullThread->start();
    const int workers = std::clamp(m_options.workers, 1, 16);
    for (int i = 0; i < workers; ++i) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("wharf-fetch-%1").arg(i));
        auto *fetcher = new BlobFetcher(m_store, BlobFetcher::Options{m_options.client, m_options.maxResumes});
        fetcher->moveToThread(thread);
        connect(thread, &QThread::finished, thread, [fetcher] {
            delete fetcher; // its ingests and their hash contexts first
            releaseThreadHashingState();
        }, Qt::DirectConnection);
        if (m_options.workerNice > 0) {
            // started() is emitted on the new thread, before its event loop runs anything.
            connect(thread, &QThread::started, thread, [nice = m_options.workerNice] { lowerThreadPriority(nice); },
                    Qt::DirectConnection);
        }
        thread->start();
        m_workerThreads.append(thread);
        m_fetchers.append(fetcher);
    }
}

PullEngine::~PullEngine()
{
    // Jobs and fetchers are deleted on their own threads as those wind down.
    m_pullThread->quit();
    m_pullThread->wait();
    for (QThread *thread : std::as_const(m_workerThreads)) {
        thread->quit();
        thread->wait();
    }
}

PullHandle *PullEngine::pull(const PullRequest &request)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    auto arrivals = std::make_shared<BlobArrivals>();
    auto *handle = new PullHandle(cancel, arrivals, this);
    auto *job = new PullJob(m_store, request, m_fetchers, m_options.client, cancel, arrivals);
    job->moveToThread(m_pullThread);
    connect(m_pullThread, &QThread::finished, job, &QObject::deleteLater);
    connect(job, &PullJob::planned, handle, [handle](const PullPlan &plan) {
        handle->m_plan = plan;
        Q_EMIT handle->planned(plan);
    });
    connect(job, &PullJob::progressed, handle, &PullHandle::progress);
    // The outcome is copied on the pull thread, where the job lives, and delivered queued: the
    // caller's thread never touches the job, which deletes itself after finishing.
    connect(job, &Job::finished, job, [job, arrivals, guard = QPointer<PullHandle>(handle)] {
        const PullOutcome outcome{job->error(), job->result()};
        // At once, from here: a load following the pull finishes its archive without waiting for
        // the caller's thread.
        arrivals->close(outcome.error);
        if (PullHandle *h = guard.data())
            QMetaObject::invokeMethod(h, [guard, outcome] { if (guard) guard->finish(outcome); }, Qt::QueuedConnection);
    }, Qt::DirectConnection);
    QMetaObject::invokeMethod(job, &Job::start, Qt::QueuedConnection);
    return handle;
}

} // namespace wharf
