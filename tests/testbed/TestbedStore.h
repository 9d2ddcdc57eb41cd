#pragma once
// Puts test-bed images into an ImageStore without the pull engine: each blob is streamed through
// a BlobIngest (so it is verified like a pulled one) from the test bed's OCI layout or, for the
// images only the registry holds (docker-v2s2, zstd), from the registry's storage; then addImage().
// For tests of what is done with a store (interop with skopeo and umoci, export).

#include "TestbedImages.h"

#include "documents/Descriptor.h"
#include "store/ImageStore.h"
#include "store/StoredImage.h"

#include <QString>

#include <optional>

class QIODevice;

namespace wharf::testbed {

class TestbedStore final
{
public:
    TestbedStore(const TestbedImages &images, const ImageStore &store) : m_images(images), m_store(store) {}

    // The file holding `digest` in the layout, else in the registry storage; empty when neither has it.
    [[nodiscard]] QString sourceOf(const Digest &digest) const;
    // One blob from `source` (or `bytes`) into `store` through a BlobIngest, verified and committed
    // like a pulled one; for images a test makes itself.
    [[nodiscard]] static bool storeBlob(const ImageStore &store, const Descriptor &descriptor, QIODevice &source,
                                        QString *error = nullptr);
    [[nodiscard]] static bool storeBytes(const ImageStore &store, const Descriptor &descriptor, const QByteArray &bytes,
                                         QString *error = nullptr);
    // An image of one uncompressed layer holding `mebibytes` MiB of random bytes (big.bin), for
    // linux/amd64, stored as `reference` (`byDigest`: as REFERENCE@<its manifest digest>, which an
    // engine loads untagged); nullopt when it cannot be written.
    [[nodiscard]] static std::optional<StoredImage> addRandomImage(const ImageStore &store, const QString &reference, int mebibytes,
                                                                  bool byDigest = false);
    // Copies one blob into the store unless it is already there.
    [[nodiscard]] bool copyBlob(const Descriptor &descriptor, QString *error = nullptr) const;
    // One platform ("os/arch[/variant]"; empty: the first) of repository:tag, with its manifest,
    // config and layers, stored as `reference`; an index it came from is stored too.
    [[nodiscard]] bool addImage(const QString &reference, const QString &repository, const QString &tag,
                                const QString &platform = {}, QString *error = nullptr) const;

private:
    const TestbedImages &m_images;
    ImageStore m_store;
};

} // namespace wharf::testbed
