#pragma once
// Lists the entries of one layer without pulling the image: from the local store when the blob is
// there, otherwise streamed from the registry (never written to the store; with the client's
// LayerBlobCache, a copy is kept there once it verified, for a pull to take). The blob is read
// through libarchive on a QThreadPool worker (models/archive/); a downloaded blob is hashed on the
// way and verified against the descriptor, a store blob (verified when it was committed, and
// read-only since) only against its size; cancel() sets an atomic flag the worker polls. The GUI thread only sees
// throttled progress and the finished listing.
//
// finished() always comes with listing() filled as far as the read got: on failure error() and
// listing().error hold the same Error and listing().complete is false.
//
// (Interface agreed between the layer-reading and layer-model work; implementation: LayerListJob.cpp.)

#include "core/Job.h"
#include "documents/Descriptor.h"
#include "layers/LayerEntry.h"

#include <QPointer>
#include <QString>

#include <memory>

namespace wharf {

class RegistryClient;

class LayerListJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerListJob)
public:
    // `storeRoot` may be empty (no local store). `registry`/`repository` as in BlobJob.
    LayerListJob(RegistryClient *client, QString registry, QString repository, Descriptor layer, QString storeRoot,
                 QObject *parent = nullptr);
    ~LayerListJob() override;

    [[nodiscard]] const LayerListing &listing() const { return m_listing; }
    [[nodiscard]] bool fromStore() const { return m_fromStore; }

Q_SIGNALS:
    // Throttled (at most ~10/s): compressed bytes read of `total`, entries so far.
    void progress(qint64 read, qint64 total, int entries);

protected:
    void run() override;
    void abort() override;

private:
    struct Private;
    QPointer<RegistryClient> m_client;
    QString m_registry;
    QString m_repository;
    Descriptor m_layer;
    QString m_storeRoot;
    LayerListing m_listing;
    bool m_fromStore = false;
    std::unique_ptr<Private> d;
};

} // namespace wharf
