#pragma once
// Layer listings read in this run, by layer digest: the Files pane, the Efficiency panel, Compare
// and `wharf layers --diff` each list layers, often the same ones (a base shared by every tag), and
// a layer listed once is not downloaded again. Only complete listings are kept (a layer whose blob
// was verified to the end); bounded by the entries held, the oldest listing going first. The
// RegistryClient that LayerStackJob reads with carries it, like its DocumentCache.

#include "layers/LayerEntry.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace wharf {

class LayerListingCache final
{
    Q_DISABLE_COPY_MOVE(LayerListingCache)
public:
    // 100,000 entries are ~25 MB of names and metadata: a few big layers, or hundreds of small ones.
    static constexpr qsizetype kDefaultMaxEntries = 400'000;

    explicit LayerListingCache(qsizetype maxEntries = kDefaultMaxEntries) : m_maxEntries(maxEntries) {}

    [[nodiscard]] std::optional<LayerListing> find(const Digest &layer) const;
    void remember(const LayerListing &listing);

    [[nodiscard]] qsizetype size() const { return m_listings.size(); }
    [[nodiscard]] qsizetype entries() const { return m_entries; }

private:
    qsizetype m_maxEntries;
    qsizetype m_entries = 0;
    QHash<QString, LayerListing> m_listings;
    QList<QString> m_order; // oldest first
};

} // namespace wharf
