#include "pull/PullPlanner.h"

#include "layers/LayerBlobCache.h"

namespace wharf {

PullPlan planPull(const ImageStore &store, const Descriptor &config, const QList<Descriptor> &layers,
                  const LayerBlobCache *cache)
{
    PullPlan plan;
    plan.blobs.reserve(layers.size() + 1);
    const auto add = [&](const Descriptor &descriptor, bool isConfig) {
        PullBlob blob;
        blob.descriptor = descriptor;
        blob.isConfig = isConfig;
        if (store.hasBlob(descriptor.digest, descriptor.size)) {
            blob.state = PullBlob::State::Present;
            blob.received = descriptor.size;
            plan.bytesPresent += descriptor.size;
            ++plan.blobsPresent;
        } else if (!isConfig) {
            if (const auto cached = cache ? cache->find(descriptor) : std::nullopt) {
                blob.cachedFile = *cached;
                plan.bytesCached += descriptor.size;
            } else {
                blob.resumedFrom = blob.received = store.partialBytes(descriptor);
                plan.bytesToFetch += std::max<qint64>(0, descriptor.size - blob.resumedFrom);
            }
        }
        plan.blobs.append(blob);
    };
    add(config, true);
    for (const Descriptor &layer : layers)
        add(layer, false);
    return plan;
}

} // namespace wharf
