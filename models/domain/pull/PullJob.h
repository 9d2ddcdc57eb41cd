#pragma once
// One pull, run on the pull thread: resolve the reference and pick the platform (ImageInspectJob),
// plan what must really be fetched given the store (blobs already there are skipped, whichever
// registry they came from; interrupted downloads resume where they stopped), hand the layers to
// the BlobFetchers on their worker threads, report throttled progress, and add the image to the
// store's index only once every blob is in. Cancel leaves the store consistent and the partial
// layers ready to resume. A Docker schema 1 image is refused once resolved, before anything is stored.

#include "core/Job.h"
#include "pull/BlobFetcher.h"
#include "pull/PullTypes.h"
#include "store/BlobArrivals.h"
#include "store/ImageStore.h"
#include "store/StoreLease.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace wharf {

class ImageInspectJob;
class RegistryClient;

class PullJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullJob)
public:
    PullJob(ImageStore store, PullRequest request, QList<BlobFetcher *> fetchers, RegistryClient::Settings clientSettings,
            CancelFlag cancelRequested, std::shared_ptr<BlobArrivals> arrivals, QObject *parent = nullptr);
    ~PullJob() override;

    [[nodiscard]] const PullPlan &plan() const { return m_plan; }
    [[nodiscard]] const PullResult &result() const { return m_result; }

Q_SIGNALS:
    void planned(const wharf::PullPlan &plan);
    void progressed(const wharf::PullProgress &progress);

protected:
    void run() override;
    void abort() override;

private:
    void onInspected(ImageInspectJob *job);
    // A layer the LayerBlobCache holds, into the store (verified by the ingest); false: fetch it.
    [[nodiscard]] bool storeFromFile(const Descriptor &descriptor, const QString &path);
    [[nodiscard]] Result<void> storeFromMemory(const Descriptor &descriptor, const QByteArray &bytes);
    void dispatch();
    void onFetchStarted(quint64 taskId, qint64 offset);
    void onFetchProgress(quint64 taskId, qint64 received);
    void onFetchFinished(quint64 taskId, const std::optional<Error> &error);
    // `final`: the last report, whose rate is the average over the whole transfer.
    void publishProgress(bool final = false);
    void complete();

    ImageStore m_store;
    PullRequest m_request;
    QList<BlobFetcher *> m_fetchers;
    RegistryClient::Settings m_clientSettings;
    CancelFlag m_cancelRequested; // set by the caller's handle
    std::shared_ptr<BlobArrivals> m_arrivals; // each blob as it is committed, for a load that follows the pull
    CancelFlag m_stopTasks = std::make_shared<std::atomic_bool>(false); // set here, read by fetchers
    RegistryClient *m_client = nullptr;
    QPointer<ImageInspectJob> m_inspect;
    std::optional<StoreLease> m_lease;
    QString m_registry;
    QString m_repository;
    PullPlan m_plan;
    PullResult m_result;
    QHash<quint64, qsizetype> m_tasks; // task id → index in m_plan.blobs
    QList<FetchTask> m_pending;
    std::optional<Error> m_firstError;
    QTimer m_ticker;
    QElapsedTimer m_clock;
    qint64 m_lastFetched = 0;
    qint64 m_lastTickMs = 0;
    qint64 m_firstBlobMs = -1; // when the plan was made and blobs began to move
    double m_rate = 0;
};

} // namespace wharf
