#include "services/EngineJobs.h"

#include "core/Digest.h"
#include "documents/MediaTypes.h"

#include <QFutureWatcher>
#include <QtConcurrentRun>

namespace wharf {

namespace {

// Runs `work` on the thread pool and hands its result to `done` on `context`'s thread, unless the
// job has finished (been cancelled) meanwhile.
template <typename T, typename Work, typename Done>
void runInPool(Job *context, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, context, done] {
        watcher->deleteLater();
        if (!context->isFinished())
            done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

// What the worker and the job share: the worker may outlive a cancelled job by one step.
struct EngineLoadJob::Shared
{
    std::atomic_bool cancel{false};
    std::atomic<qint64> sent{0};
    std::atomic_bool archiveSent{false};
};

EngineLoadJob::EngineLoadJob(ImageStore store, StoredImage image, EngineEndpoint endpoint, QObject *parent)
    : Job(parent), m_shared(std::make_shared<Shared>()), m_store(std::move(store)), m_image(std::move(image)),
      m_endpoint(std::move(endpoint)), m_expectedBytes(EngineLoader::estimateBytes(m_store, m_image))
{
    m_ticker.setInterval(100);
    connect(&m_ticker, &QTimer::timeout, this, [this, last = qint64(-1)]() mutable {
        const qint64 sent = m_shared->sent.load(std::memory_order_relaxed);
        if (sent != last) {
            last = sent;
            Q_EMIT progress(sent, m_expectedBytes);
        }
        if (!m_unpacking && m_shared->archiveSent.load()) {
            m_unpacking = true;
            Q_EMIT unpacking();
        }
    });
}

EngineLoadJob::EngineLoadJob(ImageStore store, PullHandle *pull, EngineEndpoint endpoint, QObject *parent)
    : EngineLoadJob(std::move(store), StoredImage(), std::move(endpoint), parent)
{
    m_pull = pull;
    m_arrivals = pull->arrivals();
}

EngineLoadJob::~EngineLoadJob()
{
    m_shared->cancel.store(true);
}

void EngineLoadJob::run()
{
    if (!m_arrivals) {
        startLoading();
        return;
    }
    if (!m_pull)
        return fail(Error(Error::Code::Cancelled, tr("the pull was stopped")));
    if (m_pull->plan()) {
        startLoading();
        return;
    }
    if (m_pull->isFinished()) // failed before it had a plan
        return fail(m_pull->outcome().error.value_or(Error(Error::Code::Cancelled, tr("the pull was stopped"))));
    connect(m_pull, &PullHandle::planned, this, [this] {
        if (!isFinished() && !m_loading)
            startLoading();
    });
    // Failed before it had a plan (the reference did not resolve, no such platform…). Once it
    // has one, the loader hears of the outcome through the arrivals, from the pull's own thread.
    connect(m_pull, &PullHandle::finished, this, [this](const PullOutcome &outcome) {
        if (!isFinished() && !m_loading)
            fail(outcome.error.value_or(Error(Error::Code::Cancelled, tr("the pull was stopped"))));
    });
    connect(m_pull, &QObject::destroyed, this, [this] {
        if (!isFinished() && !m_loading)
            fail(Error(Error::Code::Cancelled, tr("the pull was stopped")));
    });
}

void EngineLoadJob::startLoading()
{
    m_loading = true;
    if (m_pull && m_pull->plan()) {
        m_image = m_pull->plan()->storedImage();
        m_expectedBytes = EngineLoader::estimateBytes(m_store, m_image, m_endpoint.kind == EngineKind::Docker);
        Q_EMIT progress(0, m_expectedBytes);
    }
    m_ticker.start();
    auto shared = m_shared;
    runInPool<Result<EngineLoadReport>>(
        this,
        [shared, store = m_store, image = m_image, endpoint = m_endpoint, arrivals = m_arrivals] {
            EngineLoader::Options options;
            options.cancel = &shared->cancel;
            options.sent = &shared->sent;
            options.arrivals = arrivals.get();
            options.archiveSent = &shared->archiveSent;
            auto result = EngineLoader::load(store, image, endpoint, options);
            releaseThreadHashingState(); // OpenSSL's per-thread state, before the pool thread idles (see Digest.h)
            return result;
        },
        [this](const Result<EngineLoadReport> &result) {
            m_ticker.stop();
            Q_EMIT progress(m_shared->sent.load(), m_expectedBytes);
            if (!m_unpacking && m_shared->archiveSent.load()) {
                m_unpacking = true;
                Q_EMIT unpacking();
            }
            if (!result)
                return fail(result.error());
            m_report = *result;
            emitResult();
        });
}

void EngineLoadJob::abort()
{
    m_ticker.stop();
    m_shared->cancel.store(true);
    if (m_pull && !m_pull->isFinished())
        m_pull->cancel();
}

EngineImagesJob::EngineImagesJob(EngineEndpoint endpoint, QObject *parent)
    : Job(parent), m_cancel(std::make_shared<std::atomic_bool>(false)), m_endpoint(std::move(endpoint))
{
}

EngineImagesJob::~EngineImagesJob()
{
    m_cancel->store(true);
}

void EngineImagesJob::run()
{
    runInPool<Result<QList<EngineImage>>>(
        this,
        [cancel = m_cancel, endpoint = m_endpoint]() -> Result<QList<EngineImage>> {
            EngineApi api(endpoint, cancel.get());
            auto images = api.images();
            if (!images)
                return images;
            for (EngineImage &image : *images) {
                auto facts = api.inspect(image.id);
                if (!facts) {
                    if (facts.error().code() == Error::Code::NotFound)
                        continue; // removed meanwhile
                    return wharf::unexpected(facts.error());
                }
                image.platform = facts->platform;
                image.variantRecorded = facts->variantRecorded;
                image.diffIds = facts->diffIds;
            }
            return images;
        },
        [this](const Result<QList<EngineImage>> &result) {
            if (!result)
                return fail(result.error());
            m_images = *result;
            emitResult();
        });
}

void EngineImagesJob::abort()
{
    m_cancel->store(true);
}

EngineVersionJob::EngineVersionJob(EngineEndpoint endpoint, QObject *parent) : Job(parent), m_endpoint(std::move(endpoint)) {}

EngineVersionJob::~EngineVersionJob() = default;

void EngineVersionJob::run()
{
    runInPool<Result<EngineVersion>>(
        this, [endpoint = m_endpoint] { return EngineApi(endpoint).version(); },
        [this](const Result<EngineVersion> &result) {
            if (!result)
                return fail(result.error());
            m_version = *result;
            emitResult();
        });
}

EngineRemoveJob::EngineRemoveJob(EngineEndpoint endpoint, QString name, bool force, QObject *parent)
    : Job(parent), m_endpoint(std::move(endpoint)), m_name(std::move(name)), m_force(force)
{
}

EngineRemoveJob::~EngineRemoveJob() = default;

void EngineRemoveJob::run()
{
    runInPool<Result<void>>(
        this, [endpoint = m_endpoint, name = m_name, force = m_force] { return EngineApi(endpoint).remove(name, force); },
        [this](const Result<void> &result) {
            if (!result)
                return fail(result.error());
            emitResult();
        });
}

struct EngineImageJob::Shared
{
    std::atomic_bool cancel{false};
    std::atomic<qint64> read{0};
};

EngineImageJob::EngineImageJob(EngineImageSource source, QObject *parent)
    : Job(parent), m_shared(std::make_shared<Shared>()), m_source(std::move(source))
{
    m_ticker.setInterval(100);
    connect(&m_ticker, &QTimer::timeout, this, [this, last = qint64(-1)]() mutable {
        const qint64 read = m_shared->read.load(std::memory_order_relaxed);
        if (read != last) {
            last = read;
            Q_EMIT progress(read);
        }
    });
}

EngineImageJob::~EngineImageJob()
{
    m_shared->cancel.store(true);
}

InspectedImage EngineImageJob::inspected(const EngineImageContents &contents, const QString &name)
{
    InspectedImage image;
    // The name asked for when it is a tag of the image, else the image's first tag (an untagged
    // image has no reference: the panes name it by its ID).
    const QString shown = contents.facts.repoTags.contains(name) ? name : contents.facts.repoTags.value(0);
    if (!shown.isEmpty()) {
        if (auto reference = ImageReference::parseDockerRef(shown)) {
            image.reference = *reference;
            image.manifest.registry = reference->domain();
            image.manifest.repository = reference->path();
            image.manifest.reference = reference->hasTag() ? reference->tag() : reference->digest();
        }
    }
    const auto id = Digest::parse(contents.facts.id);
    image.chosen.digest = id ? *id : Digest();
    image.chosen.mediaType = QString(MediaTypes::OciManifest);
    image.chosen.platform = contents.facts.platform;
    image.requestedPlatform = contents.facts.platform;
    image.manifest.digest = image.chosen.digest;
    image.manifest.mediaType = QStringLiteral("application/x-tar"); // the engine's export
    image.manifest.size = -1;
    image.imageManifest.mediaType = QString(MediaTypes::OciManifest);
    image.imageManifest.config.mediaType = QString(MediaTypes::OciConfig);
    image.imageManifest.config.digest = image.chosen.digest;
    image.imageManifest.config.size = contents.configBytes.size();
    for (const LayerListing &listing : contents.layers) {
        Descriptor layer;
        layer.mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar");
        layer.digest = listing.layer;
        layer.size = listing.uncompressedSize;
        image.imageManifest.layers.append(layer);
    }
    image.configDescriptor = image.imageManifest.config;
    image.configBytes = contents.configBytes;
    image.config = contents.config;
    image.history = mergeHistory(image.imageManifest, contents.config);
    return image;
}

void EngineImageJob::run()
{
    m_ticker.start();
    auto shared = m_shared;
    runInPool<Result<EngineImageContents>>(
        this,
        [shared, source = m_source] {
            EngineImageReader::Options options;
            options.cancel = &shared->cancel;
            options.bytesRead = &shared->read;
            auto result = EngineImageReader::read(source.endpoint, source.name, options);
            releaseThreadHashingState(); // OpenSSL's per-thread state, before the pool thread idles (see Digest.h)
            return result;
        },
        [this](const Result<EngineImageContents> &result) {
            m_ticker.stop();
            if (!result)
                return fail(result.error());
            m_result = inspected(*result, m_source.name);
            m_listings = result->layers;
            m_facts = result->facts;
            emitResult();
        });
}

void EngineImageJob::abort()
{
    m_ticker.stop();
    m_shared->cancel.store(true);
}

} // namespace wharf
