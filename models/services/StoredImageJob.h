#pragma once
// The local store as an image source. A stored image is read back as what the panes show about an
// image — its manifest, its config, the build history joined with the layers (an InspectedImage) —
// together with every other image of its repository the store keeps (what Compare and the layer
// map can use), from the store alone: no request, so it works offline. The store keeps no index
// document, so a stored image is one platform (InspectedImage::index stays empty). Every blob read
// is verified against its digest (ImageStore::readBlob). A Job: the reading runs on the thread
// pool, and finished() comes from the event loop.

#include "core/Job.h"
#include "layers/LayerGraph.h"
#include "registry/ImageInspectJob.h"
#include "store/ImageStore.h"
#include "store/StoredImage.h"

#include <QList>

#include <optional>

namespace wharf {

class StoredImageJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoredImageJob)
public:
    StoredImageJob(ImageStore store, StoredImage image, QObject *parent = nullptr);

    // Valid once finished without an error.
    [[nodiscard]] const InspectedImage &result() const { return m_result; }
    // The stored images of the same repository, the one asked for included, in index.json order.
    // Those that cannot be read are left out.
    [[nodiscard]] const QList<InspectedImage> &repositoryImages() const { return m_repositoryImages; }

    // The synchronous pieces (any thread).
    [[nodiscard]] static Result<InspectedImage> inspect(const ImageStore &store, const StoredImage &image);
    // The layer map's images for `images`; tags naming the same manifest (aliases) become one image.
    [[nodiscard]] static QList<LayerGraph::Image> mapImages(const QList<InspectedImage> &images);
    // The image of `images` for `tag` (or the digest it was pulled by) and `platform`
    // ("os/arch[/variant]"); with no platform, `preferred`'s when there is one, else the first.
    [[nodiscard]] static std::optional<InspectedImage> find(const QList<InspectedImage> &images, const QString &tag,
                                                            const QString &platform, const QString &preferred = {});
    // What the session calls the image's tag: its tag, or the digest it was pulled by.
    [[nodiscard]] static QString tagOf(const ImageReference &reference);

protected:
    void run() override;

private:
    ImageStore m_store;
    StoredImage m_image;
    InspectedImage m_result;
    QList<InspectedImage> m_repositoryImages;
};

} // namespace wharf
