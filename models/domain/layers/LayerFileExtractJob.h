#pragma once
// Saves one regular file of a layer into a folder the person chose ("Extract…" in the Files pane),
// without pulling the image: the blob comes from the local store when it is there, otherwise it is
// streamed from the registry into a temporary file (never into the store) and read from there.
// LayerFileExtractor does the reading, the checks and the writing on a QThreadPool worker — the
// GUI thread only starts the download and hears the result. cancel() sets an atomic flag the
// worker polls and stops the download; nothing is left behind (the extractor's promise).
//
// finished() once; writtenPath() is the file written when it succeeded.

#include "archive/LayerFileExtractor.h"
#include "core/Job.h"
#include "documents/Descriptor.h"

#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

class QTemporaryFile;

namespace wharf {

class BlobJob;
class RegistryClient;

class LayerFileExtractJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerFileExtractJob)
public:
    // `storeRoot` may be empty (no local store); `registry`/`repository` as in LayerListJob.
    LayerFileExtractJob(RegistryClient *client, QString registry, QString repository, Descriptor layer, QString storeRoot,
                        LayerFileExtractor::Request request, QObject *parent = nullptr);
    ~LayerFileExtractJob() override;

    [[nodiscard]] const LayerFileExtractor::Request &request() const { return m_request; }
    [[nodiscard]] const QString &writtenPath() const { return m_written; }
    [[nodiscard]] bool fromStore() const { return m_fromStore; }

Q_SIGNALS:
    // While the blob downloads: bytes received of `total`.
    void progress(qint64 received, qint64 total);

protected:
    void run() override;
    void abort() override;

private:
    void download();
    void extractFromTemporaryFile();
    void finishWith(const Result<QString> &written);

    QPointer<RegistryClient> m_client;
    QString m_registry;
    QString m_repository;
    Descriptor m_layer;
    QString m_storeRoot;
    LayerFileExtractor::Request m_request;
    QString m_written;
    bool m_fromStore = false;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<QTemporaryFile> m_blob; // shared with the worker reading it
    QPointer<BlobJob> m_download;
};

} // namespace wharf
