#include "layers/LayerStackJob.h"

#include "layers/LayerListJob.h"
#include "layers/LayerListingCache.h"
#include "registry/RegistryClient.h"

namespace wharf {

LayerStackJob::LayerStackJob(RegistryClient *client, QString registry, QString repository, QList<Descriptor> layers, QString storeRoot,
                             QObject *parent)
    : Job(parent),
      m_client(client),
      m_registry(std::move(registry)),
      m_repository(std::move(repository)),
      m_layers(std::move(layers)),
      m_storeRoot(std::move(storeRoot))
{
    m_listings.resize(m_layers.size());
    for (qsizetype i = 0; i < m_layers.size(); ++i)
        m_listings[i].layer = m_layers.at(i).digest;
    m_read.fill(0, m_layers.size());
}

LayerStackJob::~LayerStackJob() = default;

void LayerStackJob::run()
{
    QHash<QString, qsizetype> first;
    LayerListingCache *cache = m_client ? m_client->layerListings() : nullptr;
    for (qsizetype i = 0; i < m_layers.size(); ++i) {
        const QString digest = m_layers.at(i).digest.toString();
        if (cache && !m_known.contains(digest)) {
            if (auto listed = cache->find(m_layers.at(i).digest))
                m_known.insert(digest, std::move(*listed));
        }
        if (const auto known = m_known.constFind(digest); known != m_known.cend() && known->complete) {
            m_listings[i] = *known;
            m_listings[i].layer = m_layers.at(i).digest;
            continue;
        }
        if (first.contains(digest))
            continue;
        first.insert(digest, i);
        m_pending.append(i);
    }
    m_distinct = int(m_pending.size());
    m_toRead = m_pending;
    startMore();
}

void LayerStackJob::startMore()
{
    while (m_running.size() < m_concurrency && !m_pending.isEmpty()) {
        const qsizetype slot = m_pending.takeFirst();
        auto *job = new LayerListJob(m_client, m_registry, m_repository, m_layers.at(slot), m_storeRoot, this);
        connect(job, &Job::finished, this, [this, job, slot] { onListed(job, slot); });
        connect(job, &LayerListJob::progress, this, [this, slot](qint64 read, qint64, int) {
            if (isFinished())
                return;
            m_read[slot] = read;
            reportProgress();
        });
        m_running.append(job);
        job->start();
    }
    if (m_running.isEmpty() && m_pending.isEmpty()) {
        // Every distinct blob is listed: later uses of a blob get the first one's listing.
        QHash<QString, qsizetype> listed;
        for (qsizetype i = 0; i < m_layers.size(); ++i) {
            const QString digest = m_layers.at(i).digest.toString();
            if (const auto it = listed.constFind(digest); it != listed.cend())
                m_listings[i] = m_listings.at(*it);
            else
                listed.insert(digest, i);
        }
        for (const LayerListing &listing : std::as_const(m_listings)) {
            if (listing.error) {
                fail(listing.error->withContext(tr("listing layer %1").arg(listing.layer.shortForm())));
                return;
            }
        }
        emitResult();
    }
}

void LayerStackJob::onListed(LayerListJob *job, qsizetype slot)
{
    if (isFinished())
        return;
    m_running.removeAll(job);
    m_listings[slot] = job->listing();
    m_read[slot] = job->listing().compressedSize;
    if (LayerListingCache *cache = m_client ? m_client->layerListings() : nullptr)
        cache->remember(job->listing());
    ++m_done;
    reportProgress();
    startMore();
}

void LayerStackJob::reportProgress()
{
    qint64 read = 0;
    qint64 total = 0;
    for (const qsizetype slot : std::as_const(m_toRead)) {
        read += m_read.at(slot);
        if (total >= 0)
            total = m_layers.at(slot).size < 0 ? -1 : total + m_layers.at(slot).size;
    }
    Q_EMIT progress(read, total, m_done, m_distinct);
}

void LayerStackJob::abort()
{
    m_pending.clear();
    const QList<QPointer<LayerListJob>> running = std::exchange(m_running, {});
    for (const QPointer<LayerListJob> &job : running) {
        if (!job)
            continue;
        disconnect(job, nullptr, this, nullptr);
        job->cancel();
    }
}

} // namespace wharf
