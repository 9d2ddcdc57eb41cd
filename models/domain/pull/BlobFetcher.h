#pragma once
// Downloads blobs into the store on a worker thread: one blob at a time from its queue, streamed
// from the registry into a verified ingest (hashing and file writes happen here, never on the GUI
// thread), resumed with Range after a broken, truncated or stalled transfer, and committed only
// when size and digest match. Each fetcher has its own registry client, so workers share nothing.

#include "core/Error.h"
#include "documents/Descriptor.h"
#include "net/RetryPolicy.h"
#include "registry/RegistryClient.h"
#include "pull/PullTypes.h"
#include "store/ImageStore.h"

#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>
#include <QStringList>

#include <memory>
#include <optional>

namespace wharf {

class BlobIngest;
class BlobJob;
class CredentialSource;
class RegistryClient;

struct FetchTask
{
    quint64 id = 0;
    QString registry;
    QString repository;
    Descriptor descriptor;
    std::shared_ptr<BlobIngest> ingest; // begun when the task's turn comes, never before
    CancelFlag cancelled;
};

class BlobFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobFetcher)
public:
    struct Options {
        RegistryClient::Settings client; // the caller's client's, so this thread's behaves alike
        int maxResumes = 8;              // broken transfers of one blob resumed before giving up
    };

    BlobFetcher(ImageStore store, Options options, QObject *parent = nullptr);
    ~BlobFetcher() override;

    // Thread-safe: queues the task for this fetcher's thread.
    void enqueue(FetchTask task);

Q_SIGNALS:
    // The task's turn came and its ingest is open: the transfer goes on from `offset`. Queued
    // tasks hold nothing (no lock, no file) until then.
    void started(quint64 taskId, qint64 offset);
    // Bytes of the blob now in the ingest (resumed bytes included); throttled.
    void progress(quint64 taskId, qint64 received);
    void finished(quint64 taskId, const std::optional<wharf::Error> &error);

private:
    void startNext();
    void attempt();
    void onTransferFinished(BlobJob *job);
    void waitForOtherWriter();
    void finishCurrent(const std::optional<Error> &error);
    [[nodiscard]] bool cancelled() const;
    [[nodiscard]] RegistryClient *client();

    ImageStore m_store;
    Options m_options;
    RegistryClient *m_client = nullptr;
    QQueue<FetchTask> m_queue;
    std::optional<FetchTask> m_current;
    std::unique_ptr<class BlobIngestDevice> m_device;
    QPointer<BlobJob> m_transfer;
    QTimer m_cancelPoll; // a stalled transfer sends no progress to notice a cancel on
    int m_resumes = 0;
    int m_waits = 0;
    qint64 m_lastReported = -1;
    qint64 m_lastReportMs = 0;
};

} // namespace wharf
