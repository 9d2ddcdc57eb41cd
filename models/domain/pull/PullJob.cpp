#include "pull/PullJob.h"

#include "pull/PullPlanner.h"
#include "registry/ImageInspectJob.h"
#include "registry/RegistryClient.h"
#include "store/BlobIngest.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <atomic>

namespace wharf {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::PullJob)
};

constexpr int kTickMs = 100;

quint64 nextTaskId()
{
    static std::atomic<quint64> counter{0};
    return ++counter;
}

} // namespace

PullJob::PullJob(ImageStore store, PullRequest request, QList<BlobFetcher *> fetchers, RegistryClient::Settings clientSettings,
                 CancelFlag cancelRequested, std::shared_ptr<BlobArrivals> arrivals, QObject *parent)
    : Job(parent),
      m_store(std::move(store)),
      m_request(std::move(request)),
      m_fetchers(std::move(fetchers)),
      m_clientSettings(std::move(clientSettings)),
      m_cancelRequested(std::move(cancelRequested)),
      m_arrivals(std::move(arrivals)),
      m_ticker(this) // a child, so it moves to the pull thread with the job
{}

PullJob::~PullJob()
{
    m_stopTasks->store(true);
    // Deleted unfinished (the engine shut down): whoever waits for the blobs must not wait forever.
    m_arrivals->close(Error(Error::Code::Cancelled, Tr::tr("the pull was stopped")));
}

void PullJob::run()
{
    m_clock.start();
    // Everything below runs on this job's thread (the pull thread), including the timer and client.
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        if (m_cancelRequested && m_cancelRequested->load()) {
            cancel();
            return;
        }
        publishProgress();
    });
    m_ticker.start();

    m_client = new RegistryClient(this);
    m_client->applySettings(m_clientSettings);

    auto lease = m_store.beginLease();
    if (!lease) {
        fail(lease.error());
        return;
    }
    m_lease = std::move(*lease);

    m_registry = m_request.reference.domain();
    m_repository = m_request.reference.path();
    ImageReference resolve = m_request.reference;
    if (m_request.pinned) {
        if (auto pinned = m_request.reference.withDigest(m_request.pinned->toString()))
            resolve = *pinned;
    }
    auto *inspect = new ImageInspectJob(m_client, resolve, m_request.platform, this);
    inspect->setLocalBlobs([store = m_store](const Descriptor &d) -> std::optional<QByteArray> {
        if (!store.hasBlob(d.digest, d.size))
            return std::nullopt;
        auto bytes = store.readBlob(d.digest, kMaxConfigSize);
        return bytes ? std::optional<QByteArray>(*bytes) : std::nullopt;
    });
    m_inspect = inspect;
    connect(inspect, &Job::finished, this, [this, inspect] { onInspected(inspect); });
    inspect->start();
}

void PullJob::abort()
{
    m_stopTasks->store(true);
    m_ticker.stop();
    if (m_inspect)
        m_inspect->cancel();
}

Result<void> PullJob::storeFromMemory(const Descriptor &descriptor, const QByteArray &bytes)
{
    if (m_store.hasBlob(descriptor.digest, descriptor.size))
        return {};
    auto ingest = m_store.beginIngest(descriptor);
    if (!ingest)
        return wharf::unexpected(ingest.error());
    if (ingest->offset() > 0)
        if (auto restarted = ingest->restart(); !restarted)
            return restarted;
    if (auto written = ingest->write(bytes); !written) {
        ingest->discard();
        return written;
    }
    return ingest->commit();
}

bool PullJob::storeFromFile(const Descriptor &descriptor, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    auto ingest = m_store.beginIngest(descriptor);
    if (!ingest)
        return false; // another pull has it in hand: fetch as usual
    if (ingest->offset() > 0 && !ingest->restart()) {
        ingest->release();
        return false;
    }
    QByteArray chunk(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 read = file.read(chunk.data(), chunk.size());
        if (read < 0 || (read > 0 && !ingest->write(QByteArrayView(chunk.constData(), read)))) {
            ingest->discard();
            return false;
        }
        if (read == 0)
            break;
    }
    if (!ingest->commit()) {
        ingest->discard();
        QFile::remove(path); // not the blob it is named after: never offer it again
        return false;
    }
    return true;
}

void PullJob::onInspected(ImageInspectJob *job)
{
    if (isFinished())
        return;
    if (job->error()) {
        fail(*job->error());
        return;
    }
    const InspectedImage &image = job->result();
    if (image.imageManifest.isSchema1()) {
        // Its layers carry no sizes and no diff_ids, and the store and the engines take OCI or
        // Docker schema 2: nothing is stored, not even the manifest.
        fail(Error(Error::Code::UnsupportedMediaType,
                   Tr::tr("%1 is a Docker schema 1 image (%2), a format Docker has deprecated: Wharf can inspect it but "
                          "not pull it; pull a newer tag, or convert it with “skopeo copy --format v2s2”")
                       .arg(m_request.reference.familiarString(), image.manifest.mediaType)));
        return;
    }
    m_plan.reference = m_request.reference.toString();
    m_plan.platform = image.chosen.platform.value_or(Platform());
    m_plan.manifest = image.chosen;
    m_plan.manifest.platform.reset();
    m_plan.indexDigest = image.index ? image.index->digest.toString() : QString();

    // Protect before looking: a `wharf gc` in another process must not take what we count on.
    QList<Digest> digests{m_plan.manifest.digest, image.configDescriptor.digest};
    for (const Descriptor &d : image.imageManifest.layers)
        digests.append(d.digest);
    if (auto protectedBlobs = m_lease->protect(digests); !protectedBlobs) {
        fail(protectedBlobs.error());
        return;
    }
    // What is here and what is resumable, as the Pull button's figure said (PullPlanner).
    const PullPlan counted = planPull(m_store, image.configDescriptor, image.imageManifest.layers, m_client->layerBlobCache());
    m_plan.bytesPresent = counted.bytesPresent;
    m_plan.blobsPresent = counted.blobsPresent;
    m_plan.bytesToFetch = counted.bytesToFetch;
    m_plan.bytesCached = counted.bytesCached;
    for (PullBlob blob : counted.blobs) {
        if (!blob.cachedFile.isEmpty()) {
            // A listing downloaded it: copied in (and verified again by the ingest), or fetched
            // after all when the copy is not what it should be.
            if (storeFromFile(blob.descriptor, blob.cachedFile)) {
                blob.state = PullBlob::State::Done;
                blob.received = blob.descriptor.size;
            } else {
                m_plan.bytesCached -= blob.descriptor.size;
                blob.cachedFile.clear();
                blob.resumedFrom = blob.received = m_store.partialBytes(blob.descriptor);
                m_plan.bytesToFetch += blob.descriptor.size - blob.resumedFrom;
            }
        }
        if (blob.state == PullBlob::State::Present || blob.state == PullBlob::State::Done) {
            m_arrivals->markStored(blob.descriptor.digest, blob.state == PullBlob::State::Done);
        } else if (blob.isConfig) {
            // Already fetched and verified while resolving: no second download.
            if (auto stored = storeFromMemory(blob.descriptor, image.configBytes); !stored) {
                fail(stored.error().withContext(Tr::tr("storing the image config")));
                return;
            }
            blob.state = PullBlob::State::Done;
            blob.received = blob.descriptor.size;
            m_arrivals->markStored(blob.descriptor.digest, true);
        } else {
            FetchTask task;
            task.id = nextTaskId();
            task.registry = image.manifest.registry;
            task.repository = image.manifest.repository;
            task.descriptor = blob.descriptor;
            task.cancelled = m_stopTasks;
            // The ingest itself (a lock, open files) is begun by the fetcher when the layer's turn
            // comes, so a pull never holds one per layer it is not transferring (a manifest may
            // list 20,000 layers); the planner only read the partial sizes.
            m_tasks.insert(task.id, m_plan.blobs.size());
            m_pending.append(std::move(task));
        }
        m_plan.blobs.append(blob);
    }
    if (auto stored = storeFromMemory(m_plan.manifest, image.manifest.bytes); !stored) {
        fail(stored.error().withContext(Tr::tr("storing the manifest")));
        return;
    }
    Q_EMIT planned(m_plan);
    m_firstBlobMs = m_clock.elapsed(); // the transfer starts now: resolving is not part of its rate
    if (m_pending.isEmpty()) {
        complete();
        return;
    }
    dispatch();
}

void PullJob::dispatch()
{
    const qsizetype workers = std::clamp<qsizetype>(m_request.jobs, 1, std::max<qsizetype>(1, m_fetchers.size()));
    // Largest layers first, each to the least-loaded worker: the pull ends when the last one does.
    // Base first for an engine that takes them bottom up while the pull runs (the plan's order).
    if (!m_request.baseFirst)
        std::stable_sort(m_pending.begin(), m_pending.end(),
                         [](const FetchTask &a, const FetchTask &b) { return a.descriptor.size > b.descriptor.size; });
    QList<qint64> load(workers, 0);
    for (BlobFetcher *fetcher : m_fetchers.mid(0, workers)) {
        connect(fetcher, &BlobFetcher::started, this, &PullJob::onFetchStarted);
        connect(fetcher, &BlobFetcher::progress, this, &PullJob::onFetchProgress);
        connect(fetcher, &BlobFetcher::finished, this, &PullJob::onFetchFinished);
    }
    for (FetchTask &task : m_pending) {
        const auto least = std::min_element(load.begin(), load.end()) - load.begin();
        load[least] += task.descriptor.size;
        m_fetchers[least]->enqueue(std::move(task));
    }
    m_pending.clear();
}

void PullJob::onFetchStarted(quint64 taskId, qint64 offset)
{
    const auto it = m_tasks.constFind(taskId);
    if (it == m_tasks.cend() || isFinished())
        return;
    PullBlob &blob = m_plan.blobs[*it];
    blob.state = PullBlob::State::Downloading;
    // The partial may have turned out unusable (or another pull moved it on) since the plan.
    m_plan.bytesToFetch += blob.resumedFrom - offset;
    blob.resumedFrom = blob.received = offset;
}

void PullJob::onFetchProgress(quint64 taskId, qint64 received)
{
    const auto it = m_tasks.constFind(taskId);
    if (it == m_tasks.cend() || isFinished())
        return;
    m_plan.blobs[*it].received = received;
}

void PullJob::onFetchFinished(quint64 taskId, const std::optional<Error> &error)
{
    const auto it = m_tasks.constFind(taskId);
    if (it == m_tasks.cend() || isFinished())
        return;
    PullBlob &blob = m_plan.blobs[*it];
    m_tasks.erase(it);
    if (error) {
        blob.state = PullBlob::State::Failed;
        if (!m_firstError && error->code() != Error::Code::Cancelled)
            m_firstError = *error;
        m_stopTasks->store(true); // one broken layer fails the pull; stop the others, keep their bytes
    } else {
        blob.state = PullBlob::State::Done;
        blob.received = blob.descriptor.size;
        ++m_result.blobsFetched;
        m_arrivals->markStored(blob.descriptor.digest, true); // the fetcher verified and committed it
    }
    if (m_tasks.isEmpty())
        complete();
}

void PullJob::publishProgress(bool final)
{
    PullProgress p;
    p.bytesToFetch = m_plan.bytesToFetch;
    for (const PullBlob &b : std::as_const(m_plan.blobs))
        if (!b.isConfig && b.state != PullBlob::State::Present)
            p.bytesFetched += b.received - b.resumedFrom;
    const qint64 now = m_clock.elapsed();
    if (now > m_lastTickMs) {
        const double instant = double(p.bytesFetched - m_lastFetched) * 1000.0 / double(now - m_lastTickMs);
        m_rate = m_rate == 0 ? instant : 0.7 * m_rate + 0.3 * instant; // smoothed, so the ETA does not jump
        m_lastFetched = p.bytesFetched;
        m_lastTickMs = now;
    }
    p.bytesPerSecond = m_rate;
    p.etaSeconds = m_rate > 1 ? int(double(p.bytesToFetch - p.bytesFetched) / m_rate) : -1;
    if (final) {
        // The figure that stays on screen is the average over the transfer, not the last tick's.
        const qint64 spanMs = now - std::max<qint64>(0, m_firstBlobMs);
        p.bytesPerSecond = spanMs > 0 ? double(p.bytesFetched) * 1000.0 / double(spanMs) : 0;
        p.etaSeconds = 0;
    }
    p.blobs = m_plan.blobs;
    Q_EMIT progressed(p);
}

void PullJob::complete()
{
    m_ticker.stop();
    if (m_firstError) {
        fail(*m_firstError);
        return;
    }
    if (m_cancelRequested && m_cancelRequested->load()) {
        cancel();
        return;
    }
    publishProgress(/*final=*/true);
    StoredImage stored = m_plan.storedImage();
    stored.pulledAt = QDateTime::currentDateTimeUtc();
    if (auto added = m_store.addImage(stored); !added) {
        fail(added.error());
        return;
    }
    m_result.image = stored;
    m_result.bytesFetched = m_plan.bytesToFetch;
    m_result.blobsPresent = m_plan.blobsPresent;
    m_result.layersPresent = m_plan.layersPresent();
    m_result.elapsedMs = m_clock.elapsed();
    m_lease.reset();
    emitResult();
}

} // namespace wharf
