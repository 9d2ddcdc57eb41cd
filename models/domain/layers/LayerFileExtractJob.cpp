#include "layers/LayerFileExtractJob.h"

#include "core/ContinueOnEventLoop.h"
#include "registry/BlobJob.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace wharf {

namespace {

// The file from the store's copy of the blob; nullopt when the store does not have it.
std::optional<Result<QString>> extractFromStore(const QString &root, const Descriptor &layer,
                                                const LayerFileExtractor::Request &request,
                                                const std::atomic<bool> *cancelled)
{
    // ImageStore::open() would create a store where there is none: only an existing layout is read.
    if (root.isEmpty() || !QFileInfo::exists(QDir(root).filePath(QStringLiteral("oci-layout"))))
        return std::nullopt;
    const auto store = ImageStore::open(root);
    if (!store || !store->hasBlob(layer.digest, layer.size))
        return std::nullopt;
    auto file = store->openBlob(layer.digest);
    if (!file)
        return std::nullopt; // collected meanwhile: the registry still has it
    LayerArchiveReader::DeviceSource source(**file);
    return LayerFileExtractor::extract(source, {layer.digest, layer.size}, request, {}, cancelled);
}

} // namespace

LayerFileExtractJob::LayerFileExtractJob(RegistryClient *client, QString registry, QString repository, Descriptor layer,
                                         QString storeRoot, LayerFileExtractor::Request request, QObject *parent)
    : Job(parent), m_client(client), m_registry(std::move(registry)), m_repository(std::move(repository)),
      m_layer(std::move(layer)), m_storeRoot(std::move(storeRoot)), m_request(std::move(request))
{
}

LayerFileExtractJob::~LayerFileExtractJob()
{
    // A worker still reading sees the flag and ends on its own; it holds its own share of the file.
    m_cancelled->store(true);
    if (m_download)
        m_download->cancel();
}

void LayerFileExtractJob::run()
{
    if (!m_layer.digest.isValid()) {
        fail(Error(Error::Code::InvalidDigest, tr("the layer has no valid digest")));
        return;
    }
    // The store is the file system: looked at on a worker, like everything after it.
    auto extracted = QtConcurrent::run([root = m_storeRoot, layer = m_layer, request = m_request, cancelled = m_cancelled] {
        return extractFromStore(root, layer, request, cancelled.get());
    });
    continueOnEventLoop(extracted, this, [this](const std::optional<Result<QString>> &written) {
        if (isFinished())
            return;
        if (written) {
            m_fromStore = true;
            finishWith(*written);
        } else {
            download();
        }
    });
}

void LayerFileExtractJob::download()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the registry client is gone")));
        return;
    }
    m_blob = std::make_shared<QTemporaryFile>(QDir(QDir::tempPath()).filePath(QStringLiteral("wharf-layer-XXXXXX")));
    if (!m_blob->open()) {
        fail(Error(Error::Code::Io, tr("could not create a temporary file for the layer: %1").arg(m_blob->errorString())));
        return;
    }
    BlobJob *job = m_client->streamBlob(m_registry, m_repository, m_layer, m_blob.get());
    m_download = job;
    connect(job, &BlobJob::progress, this, &LayerFileExtractJob::progress);
    connect(job, &Job::finished, this, [this, job] {
        m_download = nullptr;
        if (isFinished())
            return;
        if (job->error()) {
            fail(*job->error());
            return;
        }
        extractFromTemporaryFile();
    });
    job->start();
}

void LayerFileExtractJob::extractFromTemporaryFile()
{
    // The extractor verifies the size and digest of what was downloaded before writing anything.
    auto extracted = QtConcurrent::run([blob = m_blob, layer = m_layer, request = m_request, cancelled = m_cancelled] {
        if (!blob->seek(0))
            return Result<QString>(wharf::unexpected(Error(Error::Code::Io, blob->errorString())));
        LayerArchiveReader::DeviceSource source(*blob);
        return LayerFileExtractor::extract(source, {layer.digest, layer.size}, request, {}, cancelled.get());
    });
    continueOnEventLoop(extracted, this, [this](const Result<QString> &written) {
        if (!isFinished())
            finishWith(written);
    });
}

void LayerFileExtractJob::finishWith(const Result<QString> &written)
{
    m_blob.reset();
    if (!written) {
        fail(written.error());
        return;
    }
    m_written = *written;
    emitResult();
}

void LayerFileExtractJob::abort()
{
    m_cancelled->store(true);
    if (m_download)
        m_download->cancel();
}

} // namespace wharf
