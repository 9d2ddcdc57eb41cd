#include "store/StoreUsage.h"

namespace wharf {

void StoreUsage::measure()
{
    // Counted once per image, so an image that lists one layer twice does not share it with itself.
    QHash<QString, int> layerUsers;
    QHash<QString, int> blobUsers;
    for (const ImageUsage &usage : std::as_const(images)) {
        for (auto it = usage.blobs.cbegin(); it != usage.blobs.cend(); ++it)
            ++blobUsers[it.key()];
        if (!usage.layers)
            continue;
        QSet<QString> seen;
        for (const Descriptor &layer : *usage.layers) {
            const QString digest = layer.digest.toString();
            if (!seen.contains(digest)) {
                seen.insert(digest);
                ++layerUsers[digest];
            }
        }
    }
    for (ImageUsage &usage : images) {
        usage.size = usage.layers ? 0 : -1;
        usage.shared = usage.unique = usage.freeable = 0;
        for (auto it = usage.blobs.cbegin(); it != usage.blobs.cend(); ++it)
            if (blobUsers.value(it.key()) == 1 && !otherBlobs.contains(it.key()))
                usage.freeable += it.value();
        if (!usage.layers)
            continue;
        for (const Descriptor &layer : *usage.layers) {
            usage.size += layer.size;
            (layerUsers.value(layer.digest.toString()) > 1 ? usage.shared : usage.unique) += layer.size;
        }
    }
}

void StoreUsage::removeAt(qsizetype i)
{
    if (i < 0 || i >= images.size())
        return;
    images.removeAt(i);
    measure();
}

} // namespace wharf
