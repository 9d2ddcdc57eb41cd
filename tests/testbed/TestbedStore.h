#pragma once
// Puts test-bed images into an ImageStore without the pull engine: each blob is streamed through
// a BlobIngest (so it is verified like a pulled one) from the test bed's OCI layout or, for the
// images only the registry holds (docker-v2s2, zstd), from the registry's storage; then addImage().
// For tests of what is done with a store (interop with skopeo and umoci, export).

#include "TestbedImages.h"

#include "documents/Descriptor.h"
#include "store/ImageStore.h"

#include <QString>

namespace wharf::testbed {

class TestbedStore final
{
public:
    TestbedStore(const TestbedImages &images, const ImageStore &store) : m_images(images), m_store(store) {}

    // The file holding `digest` in the layout, else in the registry storage; empty when neither has it.
    [[nodiscard]] QString sourceOf(const Digest &digest) const;
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
