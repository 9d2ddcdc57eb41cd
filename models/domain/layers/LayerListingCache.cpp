#include "layers/LayerListingCache.h"

namespace wharf {

std::optional<LayerListing> LayerListingCache::find(const Digest &layer) const
{
    const auto it = m_listings.constFind(layer.toString());
    if (it == m_listings.cend())
        return std::nullopt;
    return *it;
}

void LayerListingCache::remember(const LayerListing &listing)
{
    const QString key = listing.layer.toString();
    if (!listing.complete || listing.error || !listing.layer.isValid() || m_listings.contains(key)
        || listing.entries.size() > m_maxEntries)
        return;
    while (!m_order.isEmpty() && m_entries + listing.entries.size() > m_maxEntries) {
        m_entries -= m_listings.take(m_order.takeFirst()).entries.size();
    }
    m_listings.insert(key, listing);
    m_order.append(key);
    m_entries += listing.entries.size();
}

} // namespace wharf
