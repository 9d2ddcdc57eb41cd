#include "pull/BlobFetcher.h"

#include "registry/BlobJob.h"
#include "registry/RegistryClient.h"
#include "store/BlobIngest.h"
#include "store/BlobIngestDevice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaObject>
#include <QTimer>

namespace wharf {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::PullJob)
};

constexpr int kProgressIntervalMs = 100;
constexpr int kCancelPollMs = 100;
constexpr int kWaitForOtherWriterMs = 250;
constexpr int kMaxWaitsForOtherWriter = 4 * 60 * 10; // ten minutes: another pull of the same blob

} // namespace

BlobFetcher::BlobFetcher(ImageStore store, Options options, QObject *parent)
    : QObject(parent),
      m_store(std::move(store)),
      m_options(std::move(options)),
      m_cancelPoll(this)
{
    m_cancelPoll.setInterval(kCancelPollMs);
    connect(&m_cancelPoll, &QTimer::timeout, this, [this] {
        if (cancelled() && m_transfer)
            m_transfer->cancel();
    });
}

BlobFetcher::~BlobFetcher()
{
    if (m_transfer)
        m_transfer->cancel();
    if (m_current && m_current->ingest)
        m_current->ingest->release();
}

RegistryClient *BlobFetcher::client()
{
    // Created on first use, so it lives on this fetcher's thread together with its network access.
    if (!m_client) {
        m_client = new RegistryClient(this);
        m_client->applySettings(m_options.client);
    }
    return m_client;
}

void BlobFetcher::enqueue(FetchTask task)
{
    QMetaObject::invokeMethod(
        this,
        [this, task = std::move(task)]() mutable {
            m_queue.enqueue(std::move(task));
            if (!m_current)
                startNext();
        },
        Qt::QueuedConnection);
}

bool BlobFetcher::cancelled() const
{
    return m_current && m_current->cancelled && m_current->cancelled->load();
}

void BlobFetcher::startNext()
{
    // A loop, not recursion: after a failure thousands of queued tasks end here one after another.
    while (!m_current && !m_queue.isEmpty()) {
        FetchTask task = m_queue.dequeue();
        if (task.cancelled && task.cancelled->load()) {
            Q_EMIT finished(task.id, Error(Error::Code::Cancelled, Tr::tr("cancelled")));
            continue;
        }
        m_current = std::move(task);
        m_resumes = 0;
        m_waits = 0;
        m_lastReported = -1;
        if (m_current->ingest)
            attempt();
        else
            waitForOtherWriter();
    }
}

void BlobFetcher::waitForOtherWriter()
{
    // Another process is writing this very blob: it lands in the store, or its lock goes away.
    if (m_store.hasBlob(m_current->descriptor.digest, m_current->descriptor.size)) {
        finishCurrent(std::nullopt);
        return;
    }
    auto ingest = m_store.beginIngest(m_current->descriptor);
    if (ingest) {
        m_current->ingest = std::make_shared<BlobIngest>(std::move(*ingest));
        Q_EMIT started(m_current->id, m_current->ingest->offset());
        attempt();
        return;
    }
    if (!ingest.error().isRetryable() || ++m_waits > kMaxWaitsForOtherWriter || cancelled()) {
        finishCurrent(cancelled() ? Error(Error::Code::Cancelled, Tr::tr("cancelled")) : ingest.error());
        return;
    }
    QTimer::singleShot(kWaitForOtherWriterMs, this, [this] {
        if (m_current)
            waitForOtherWriter();
    });
}

void BlobFetcher::attempt()
{
    BlobIngest &ingest = *m_current->ingest;
    const Descriptor &d = m_current->descriptor;
    if (ingest.offset() == d.size) { // everything was already there from an interrupted pull
        if (auto committed = ingest.commit(); !committed) {
            if (committed.error().code() == Error::Code::DigestMismatch)
                finishCurrent(committed.error().withContext(Tr::tr("layer %1").arg(d.digest.toString())));
            else
                finishCurrent(committed.error());
            return;
        }
        Q_EMIT progress(m_current->id, d.size);
        finishCurrent(std::nullopt);
        return;
    }
    m_device = std::make_unique<BlobIngestDevice>(&ingest);
    BlobJob *job = client()->streamBlob(m_current->registry, m_current->repository, d, m_device.get(), ingest.offset());
    m_transfer = job;
    const quint64 taskId = m_current->id;
    connect(job, &BlobJob::progress, this, [this, taskId](qint64 received, qint64) {
        if (cancelled()) {
            if (m_transfer)
                m_transfer->cancel();
            return;
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_lastReportMs >= kProgressIntervalMs) {
            m_lastReportMs = now;
            m_lastReported = received;
            Q_EMIT progress(taskId, received);
        }
    });
    connect(job, &Job::finished, this, [this, job] { onTransferFinished(job); });
    m_cancelPoll.start();
    job->start();
}

void BlobFetcher::onTransferFinished(BlobJob *job)
{
    m_cancelPoll.stop();
    if (!m_current)
        return;
    m_transfer = nullptr;
    BlobIngest &ingest = *m_current->ingest;
    const Descriptor &d = m_current->descriptor;
    const std::optional<Error> writeError = m_device ? m_device->ingestError() : std::nullopt;
    m_device.reset();
    if (cancelled()) {
        finishCurrent(Error(Error::Code::Cancelled, Tr::tr("cancelled")));
        return;
    }
    if (writeError) {
        finishCurrent(writeError->withContext(Tr::tr("writing layer %1").arg(d.digest.toString())));
        return;
    }
    if (job->error()) {
        const Error &error = *job->error();
        if (error.isRetryable() && m_resumes < m_options.maxResumes) {
            ++m_resumes;
            QTimer::singleShot(m_options.client.retry.backoffMs(m_resumes - 1), this, [this] {
                if (m_current)
                    attempt();
            });
            return;
        }
        finishCurrent(error.withContext(Tr::tr("layer %1").arg(d.digest.shortForm())));
        return;
    }
    if (auto committed = ingest.commit(); !committed) {
        if (committed.error().code() == Error::Code::SizeMismatch && m_resumes < m_options.maxResumes) {
            ++m_resumes; // the body ended early without an error: resume from what arrived
            attempt();
            return;
        }
        finishCurrent(committed.error().withContext(Tr::tr("layer %1").arg(d.digest.toString())));
        return;
    }
    Q_EMIT progress(m_current->id, d.size);
    finishCurrent(std::nullopt);
}

void BlobFetcher::finishCurrent(const std::optional<Error> &error)
{
    if (!m_current)
        return;
    FetchTask task = std::move(*m_current);
    m_current.reset();
    if (task.ingest && task.ingest->isActive()) {
        // Keep partial bytes for the next pull unless they are known to be wrong (commit() already
        // deleted those).
        task.ingest->release();
    }
    Q_EMIT finished(task.id, error);
    // From the event loop: a blob that ends at once (already complete on disk) must not nest the
    // next one inside this call.
    QMetaObject::invokeMethod(this, &BlobFetcher::startNext, Qt::QueuedConnection);
}

} // namespace wharf
