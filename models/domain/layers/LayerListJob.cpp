#include "layers/LayerListJob.h"

#include "archive/LayerArchiveReader.h"
#include "core/ContinueOnEventLoop.h"
#include "credentials/StaticCredentialSource.h"
#include "layers/LayerBlobCache.h"
#include "layers/LayerBlobPipe.h"
#include "registry/BlobJob.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <limits>

namespace wharf {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::LayerListJob)
};

constexpr int kProgressIntervalMs = 100;

// A listing from a registry keeps its reading thread waiting on the network for as long as the
// download takes: a pool of its own keeps slow registries from holding the global pool, where the
// models count store blobs. Never destroyed: a reader still winding down at exit must not be
// waited for by a static destructor.
QThreadPool *readingPool()
{
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(4, QThread::idealThreadCount()));
        return p;
    }();
    return pool;
}

struct SharedProgress
{
    std::atomic<qint64> read{0};
    std::atomic<qint64> entries{0};
};

Error cancelledError()
{
    // The same words Job::cancel() finishes with.
    return Error(Error::Code::Cancelled, QCoreApplication::translate("wharf::Job", "cancelled"));
}

// The blob from the local store, or nullopt when it is not there (then the registry it is).
std::optional<LayerListing> listFromStore(const QString &root, const Descriptor &layer, const std::atomic<bool> *cancelled,
                                          const LayerArchiveReader::Progress &progress)
{
    // ImageStore::open() would create a store where there is none: only an existing layout is read.
    if (!QFileInfo::exists(QDir(root).filePath(QStringLiteral("oci-layout"))))
        return std::nullopt;
    const auto store = ImageStore::open(root);
    if (!store || !store->hasBlob(layer.digest, layer.size))
        return std::nullopt;
    auto file = store->openBlob(layer.digest);
    if (!file)
        return std::nullopt; // collected meanwhile
    LayerArchiveReader::DeviceSource source(**file);
    // Store blobs were verified when they were committed and are read-only: not hashed again.
    return LayerArchiveReader::list(source, {layer.digest, layer.size, true}, {}, cancelled, progress);
}

// The HTTP body's way into the pipe: a write blocks while the pipe is full. With a tee file, every
// byte also goes there (for the LayerBlobCache); a file that cannot be written is given up on, the
// listing goes on.
class PipeSink final : public QIODevice
{
public:
    explicit PipeSink(std::shared_ptr<LayerBlobPipe> pipe) : m_pipe(std::move(pipe)) {}
    [[nodiscard]] bool isSequential() const override { return true; }

    void teeTo(const QString &path)
    {
        m_tee = std::make_unique<QFile>(path);
        if (!m_tee->open(QIODevice::WriteOnly | QIODevice::Truncate))
            m_tee.reset();
    }
    // Before the pipe is closed: the file is whole on disk by the time the listing ends.
    void endTee()
    {
        if (m_tee)
            m_tee->close();
        m_tee.reset();
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (m_tee && m_tee->write(data, size) != size)
            m_tee.reset(); // a short file is refused by LayerBlobCache::adopt()
        if (m_pipe->write(QByteArrayView(data, qsizetype(size))))
            return size;
        setErrorString(Tr::tr("the layer is no longer being read"));
        return -1;
    }

private:
    std::shared_ptr<LayerBlobPipe> m_pipe;
    std::unique_ptr<QFile> m_tee;
};

// Streams the blob into the pipe on a thread of its own, with a registry client of its own: that
// thread blocks while the pipe is full (TCP holds the registry back), which the GUI thread, where
// the caller's client lives, must never do.
class LayerDownload final : public QObject
{
public:
    struct Settings
    {
        QString registry;
        QString repository;
        Descriptor layer;
        std::optional<Credentials> credentials; // looked up by the caller's client, on its thread
        // The caller's client's (insecure registries, retries, timeouts); its credential source is
        // not used here: it lives on the caller's thread.
        RegistryClient::Settings client;
        QString teePath; // a copy of the blob for the LayerBlobCache; empty: none
    };

    LayerDownload(Settings settings, std::shared_ptr<LayerBlobPipe> pipe)
        : m_settings(std::move(settings)), m_pipe(pipe), m_sink(std::move(pipe))
    {
        m_sink.setParent(this); // moves to the download thread with this object
    }

    ~LayerDownload() override
    {
        delete m_client; // its jobs write into m_sink and ask m_credentials: before those go
        m_pipe->closeWrite(cancelledError());
    }

    Q_DISABLE_COPY_MOVE(LayerDownload)

    // On the download thread.
    void start()
    {
        if (!m_pipe->waitForReader())
            return;
        m_client = new RegistryClient(this);
        m_client->applySettings(m_settings.client);
        m_client->setCredentialSource(nullptr);
        if (m_settings.credentials) {
            m_credentials = std::make_unique<StaticCredentialSource>(m_settings.registry, *m_settings.credentials);
            m_client->setCredentialSource(m_credentials.get());
        }
        m_sink.open(QIODevice::WriteOnly | QIODevice::Unbuffered);
        if (!m_settings.teePath.isEmpty())
            m_sink.teeTo(m_settings.teePath);
        BlobJob *job = m_client->streamBlob(m_settings.registry, m_settings.repository, m_settings.layer, &m_sink);
        m_job = job;
        connect(job, &Job::finished, this, [this, job] {
            m_sink.endTee();
            m_pipe->closeWrite(job->error());
        });
        job->start();
    }

    void cancel()
    {
        if (m_job)
            m_job->cancel();
    }

private:
    Settings m_settings;
    std::shared_ptr<LayerBlobPipe> m_pipe;
    PipeSink m_sink;
    std::unique_ptr<StaticCredentialSource> m_credentials;
    RegistryClient *m_client = nullptr;
    QPointer<BlobJob> m_job;
};

} // namespace

struct LayerListJob::Private
{
    explicit Private(LayerListJob *job) : q(job) {}

    LayerListJob *q;
    std::shared_ptr<std::atomic<bool>> cancelled = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<SharedProgress> shared = std::make_shared<SharedProgress>();
    std::shared_ptr<LayerBlobPipe> pipe;
    QThread *downloadThread = nullptr;
    LayerDownload *download = nullptr; // lives on downloadThread, deleted when it finishes
    QTimer progressTimer;
    qint64 reportedRead = -1;
    qint64 reportedEntries = -1;
    std::optional<Error> credentialError;
    std::shared_ptr<LayerBlobCache> blobCache; // where a downloaded blob is kept for a pull
    QString teePath;                           // the download's copy, until it is kept or dropped

    [[nodiscard]] LayerArchiveReader::Progress progressSink() const
    {
        return [shared = shared](qint64 read, qsizetype entries) {
            shared->read.store(read, std::memory_order_relaxed);
            shared->entries.store(entries, std::memory_order_relaxed);
        };
    }

    void reportProgress()
    {
        const qint64 read = shared->read.load(std::memory_order_relaxed);
        const qint64 entries = shared->entries.load(std::memory_order_relaxed);
        if (read == reportedRead && entries == reportedEntries)
            return;
        reportedRead = read;
        reportedEntries = entries;
        Q_EMIT q->progress(read, q->m_layer.size, int(std::min<qint64>(entries, std::numeric_limits<int>::max())));
    }

    void start()
    {
        progressTimer.start();
        if (q->m_storeRoot.isEmpty()) {
            startDownload();
            return;
        }
        // hasBlob() and open() touch the file system: never on the GUI thread.
        auto listed = QtConcurrent::run(readingPool(), [root = q->m_storeRoot, layer = q->m_layer, cancelled = cancelled,
                                                         progress = progressSink()] {
            return listFromStore(root, layer, cancelled.get(), progress);
        });
        continueOnEventLoop(listed, q, [this](const std::optional<LayerListing> &listing) {
            if (q->isFinished())
                return;
            if (listing) {
                q->m_fromStore = true;
                finish(*listing);
            } else {
                startDownload();
            }
        });
    }

    void startDownload()
    {
        if (!q->m_client) {
            finish(Error(Error::Code::Cancelled, Tr::tr("the registry client is gone")));
            return;
        }
        q->m_client->credentials(q->m_registry, q, [this](const Result<std::optional<Credentials>> &found) {
            if (q->isFinished())
                return;
            if (!q->m_client) {
                finish(Error(Error::Code::Cancelled, Tr::tr("the registry client is gone")));
                return;
            }
            LayerDownload::Settings settings;
            settings.registry = q->m_registry;
            settings.repository = q->m_repository;
            settings.layer = q->m_layer;
            // A credential store that cannot answer does not stop an anonymous try (as in
            // RegistryRequest); it explains a refusal that follows.
            if (found)
                settings.credentials = *found;
            else
                credentialError = found.error();
            settings.client = q->m_client->settings();
            settings.client.credentials = nullptr;
            blobCache = settings.client.layerBlobs;
            if (blobCache)
                teePath = settings.teePath = blobCache->newIncomingPath();

            pipe = std::make_shared<LayerBlobPipe>();
            downloadThread = new QThread;
            downloadThread->setObjectName(QStringLiteral("wharf layer download"));
            download = new LayerDownload(std::move(settings), pipe);
            download->moveToThread(downloadThread);
            QObject::connect(downloadThread, &QThread::finished, download, &QObject::deleteLater);
            downloadThread->start();
            QMetaObject::invokeMethod(download, [download = download] { download->start(); }, Qt::QueuedConnection);

            auto listed = QtConcurrent::run(readingPool(), [pipe = pipe, layer = q->m_layer, cancelled = cancelled,
                                                             progress = progressSink()] {
                return LayerArchiveReader::list(*pipe, {layer.digest, layer.size}, {}, cancelled.get(), progress);
            });
            continueOnEventLoop(listed, q, [this](const LayerListing &listing) {
                if (!q->isFinished())
                    finish(listing);
            });
        });
    }

    // Both ends of the pipe stop, the download thread ends (its objects are deleted there).
    void stopDownload()
    {
        if (pipe)
            pipe->cancel(cancelledError());
        if (!downloadThread)
            return;
        QMetaObject::invokeMethod(download, [download = download] { download->cancel(); }, Qt::QueuedConnection);
        downloadThread->quit();
        downloadThread->wait();
        delete downloadThread;
        downloadThread = nullptr;
        download = nullptr;
    }

    // The download's copy is kept only when the listing read the blob whole and it verified.
    void settleTee(bool keep)
    {
        if (teePath.isEmpty() || !blobCache)
            return;
        if (keep) {
            if (blobCache->adopt(teePath, q->m_layer))
                QThreadPool::globalInstance()->start([cache = blobCache] { cache->trim(); });
        } else
            blobCache->discard(teePath);
        teePath.clear();
    }

    void finish(LayerListing listing)
    {
        stopDownload();
        settleTee(listing.complete && !listing.error);
        progressTimer.stop();
        reportProgress();
        listing.layer = q->m_layer.digest;
        if (listing.error && credentialError
            && (listing.error->code() == Error::Code::Unauthorized || listing.error->code() == Error::Code::Denied))
            listing.error = credentialError;
        q->m_listing = std::move(listing);
        if (q->m_listing.error)
            q->fail(*q->m_listing.error);
        else
            q->emitResult();
    }

    void finish(const Error &error)
    {
        LayerListing listing;
        listing.error = error;
        finish(std::move(listing));
    }
};

LayerListJob::LayerListJob(RegistryClient *client, QString registry, QString repository, Descriptor layer, QString storeRoot,
                           QObject *parent)
    : Job(parent), m_client(client), m_registry(std::move(registry)), m_repository(std::move(repository)),
      m_layer(std::move(layer)), m_storeRoot(std::move(storeRoot)), d(std::make_unique<Private>(this))
{
    m_listing.layer = m_layer.digest;
    d->progressTimer.setInterval(kProgressIntervalMs);
    connect(&d->progressTimer, &QTimer::timeout, this, [this] { d->reportProgress(); });
}

LayerListJob::~LayerListJob()
{
    // A reader still running sees the flag and ends on its own; its result has nowhere to go.
    d->cancelled->store(true);
    d->stopDownload();
    d->settleTee(false);
}

void LayerListJob::run()
{
    if (!m_layer.digest.isValid()) {
        d->finish(Error(Error::Code::InvalidDigest, tr("the layer has no valid digest")));
        return;
    }
    d->start();
}

void LayerListJob::abort()
{
    d->cancelled->store(true);
    d->stopDownload();
    d->settleTee(false);
    d->progressTimer.stop();
    m_listing.complete = false;
    m_listing.error = cancelledError();
}

} // namespace wharf
