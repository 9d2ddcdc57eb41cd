#pragma once
// Lists the layers of one image (its manifest's layers, base first) with LayerListJob, a few at a
// time, and hands back one listing per layer in the same order, ready for LayerStack. A blob that
// appears twice is read once; listings the caller already has (setKnownListings, e.g. the layers
// two images share in a diff) are not read again. Every layer is read even when one fails, so a
// caller can still show what was listed; the job then fails with the first failure in layer
// order, and that layer's listing says how far it got.

#include "core/Job.h"
#include "documents/Descriptor.h"
#include "layers/LayerEntry.h"
#include "layers/LayerStack.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>

namespace wharf {

class LayerListJob;
class RegistryClient;

class LayerStackJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerStackJob)
public:
    static constexpr int kDefaultConcurrency = 3;

    // `storeRoot` may be empty (no local store); `registry`/`repository` as in LayerListJob.
    LayerStackJob(RegistryClient *client, QString registry, QString repository, QList<Descriptor> layers, QString storeRoot,
                  QObject *parent = nullptr);
    ~LayerStackJob() override;

    // Before start(). At least 1.
    void setConcurrency(int concurrency) { m_concurrency = std::max(1, concurrency); }
    // Complete listings already at hand, by layer digest ("sha256:…"). Before start().
    void setKnownListings(const QHash<QString, LayerListing> &known) { m_known = known; }

    [[nodiscard]] const QList<Descriptor> &layers() const { return m_layers; }
    // One per layer, in layer order; a layer not (yet) listed has an empty, incomplete listing.
    [[nodiscard]] const QList<LayerListing> &listings() const { return m_listings; }
    [[nodiscard]] LayerStack stack() const { return LayerStack(m_listings); }

Q_SIGNALS:
    // Throttled by the listing jobs: compressed bytes read of the blobs being listed (`total` -1
    // when a layer's size is unknown: Docker schema 1), and how many of those are done.
    void progress(qint64 read, qint64 total, int layersDone, int layersTotal);

protected:
    void run() override;
    void abort() override;

private:
    void startMore();
    void onListed(LayerListJob *job, qsizetype slot);
    void reportProgress();

    QPointer<RegistryClient> m_client;
    QString m_registry;
    QString m_repository;
    QList<Descriptor> m_layers;
    QString m_storeRoot;
    int m_concurrency = kDefaultConcurrency;
    QHash<QString, LayerListing> m_known;

    QList<LayerListing> m_listings;
    QList<qsizetype> m_toRead; // distinct blobs to list: the first layer index of each
    QList<qsizetype> m_pending; // those not started yet
    QList<QPointer<LayerListJob>> m_running;
    QList<qint64> m_read; // per layer: compressed bytes read so far
    int m_done = 0; // distinct blobs finished
    int m_distinct = 0;
};

} // namespace wharf
