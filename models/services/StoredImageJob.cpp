#include "services/StoredImageJob.h"

#include "core/ContinueOnEventLoop.h"
#include "documents/DocumentParser.h"
#include "documents/MediaTypes.h"
#include "reference/PlatformMatcher.h"

#include <QtConcurrent/QtConcurrentRun>

namespace wharf {

namespace {

struct Read
{
    Result<InspectedImage> image = wharf::unexpected(Error(Error::Code::NotFound, QString()));
    QList<InspectedImage> repositoryImages;
};

} // namespace

StoredImageJob::StoredImageJob(ImageStore store, StoredImage image, QObject *parent)
    : Job(parent), m_store(std::move(store)), m_image(std::move(image))
{
}

QString StoredImageJob::tagOf(const ImageReference &reference)
{
    return reference.hasTag() ? reference.tag() : reference.digest();
}

Result<InspectedImage> StoredImageJob::inspect(const ImageStore &store, const StoredImage &image)
{
    auto reference = ImageReference::parseDockerRef(image.reference);
    if (!reference)
        return wharf::unexpected(reference.error());
    auto bytes = store.readBlob(image.manifest.digest, kMaxManifestSize);
    if (!bytes)
        return wharf::unexpected(bytes.error());
    auto document = parseManifest(*bytes, image.manifest);
    if (!document)
        return wharf::unexpected(document.error());
    const auto *manifest = std::get_if<ImageManifest>(&*document);
    if (!manifest)
        return wharf::fail(Error::Code::MediaTypeMismatch,
                    tr("%1 is not an image manifest").arg(image.manifest.digest.toString()));

    InspectedImage inspected;
    inspected.reference = *reference;
    inspected.requestedPlatform = image.platform;
    inspected.chosen = image.manifest;
    inspected.chosen.annotations.clear();
    inspected.chosen.platform = image.platform.isEmpty() ? std::nullopt : std::optional<Platform>(image.platform);
    FetchedManifest &fetched = inspected.manifest;
    fetched.registry = reference->domain();
    fetched.repository = reference->path();
    fetched.reference = tagOf(*reference);
    fetched.bytes = *bytes;
    fetched.mediaType = image.manifest.mediaType;
    fetched.digest = image.manifest.digest;
    fetched.size = bytes->size();
    fetched.document = *document;
    fetched.fromCache = true;
    inspected.imageManifest = *manifest;
    inspected.configDescriptor = manifest->config;

    auto config = store.readBlob(manifest->config.digest, kMaxConfigSize);
    if (!config)
        return wharf::unexpected(config.error().withContext(tr("the image config")));
    inspected.configBytes = *config;
    if (!MediaTypes::isImageConfig(manifest->config.mediaType))
        return inspected; // an artifact: its config is opaque data
    auto parsed = parseConfig(*config);
    if (!parsed)
        return wharf::unexpected(parsed.error().withContext(tr("the image config")));
    inspected.history = mergeHistory(inspected.imageManifest, *parsed);
    inspected.config = std::move(*parsed);
    return inspected;
}

QList<LayerGraph::Image> StoredImageJob::mapImages(const QList<InspectedImage> &images)
{
    QList<LayerGraph::Image> mapped;
    for (const InspectedImage &image : images) {
        const QString tag = tagOf(image.reference);
        const auto same = std::find_if(mapped.begin(), mapped.end(),
                                       [&image](const LayerGraph::Image &m) { return m.manifestDigest == image.chosen.digest; });
        if (same != mapped.end()) {
            if (!same->tags.contains(tag))
                same->tags.append(tag);
            same->label = same->platform.isEmpty() ? same->tags.join(u", ") : same->tags.join(u", ") + u' ' + same->platform;
            continue;
        }
        LayerGraph::Image m;
        m.tags = {tag};
        m.platform = image.chosen.platform ? image.chosen.platform->toString() : QString();
        m.label = m.platform.isEmpty() ? tag : tag + u' ' + m.platform;
        m.manifestDigest = image.chosen.digest;
        QStringList createdBy(image.imageManifest.layers.size());
        qsizetype layer = 0;
        for (const HistoryRow &row : image.history.rows) {
            if (!row.layer)
                continue;
            if (layer < createdBy.size())
                createdBy[layer] = row.instruction();
            ++layer;
        }
        for (qsizetype i = 0; i < image.imageManifest.layers.size(); ++i) {
            const Descriptor &d = image.imageManifest.layers.at(i);
            m.layers.append(LayerGraph::Layer{d.digest, d.size, d.mediaType, createdBy.at(i)});
        }
        mapped.append(std::move(m));
    }
    return mapped;
}

std::optional<InspectedImage> StoredImageJob::find(const QList<InspectedImage> &images, const QString &tag, const QString &platform,
                                                   const QString &preferred)
{
    QList<InspectedImage> tagged;
    for (const InspectedImage &image : images)
        if (tagOf(image.reference) == tag)
            tagged.append(image);
    if (tagged.isEmpty())
        return std::nullopt;
    const QString wanted = platform.isEmpty() ? preferred : platform;
    if (wanted.isEmpty())
        return tagged.constFirst();
    const auto parsed = Platform::parse(wanted);
    if (!parsed)
        return std::nullopt;
    for (const InspectedImage &image : std::as_const(tagged))
        if (image.chosen.platform && PlatformMatcher::onlyStrict(*parsed).matches(*image.chosen.platform))
            return image;
    // No platform asked for and the preferred one is not stored: the first of the tag.
    return platform.isEmpty() ? std::optional<InspectedImage>(tagged.constFirst()) : std::nullopt;
}

void StoredImageJob::run()
{
    auto read = QtConcurrent::run([store = m_store, image = m_image] {
        Read r;
        r.image = inspect(store, image);
        if (!r.image)
            return r;
        const ImageReference repository = r.image->reference.repository();
        auto all = store.images();
        if (!all)
            return r;
        for (const StoredImage &other : std::as_const(*all)) {
            if (other.reference == image.reference && other.platform.normalized() == image.platform.normalized()) {
                r.repositoryImages.append(*r.image);
                continue;
            }
            const auto parsed = ImageReference::parseDockerRef(other.reference);
            if (!parsed || parsed->repository().toString() != repository.toString())
                continue;
            if (auto inspected = inspect(store, other))
                r.repositoryImages.append(*inspected);
        }
        return r;
    });
    continueOnEventLoop(read, this, [this](const Read &r) {
        if (isFinished())
            return;
        if (!r.image) {
            fail(r.image.error());
            return;
        }
        m_result = *r.image;
        m_repositoryImages = r.repositoryImages;
        emitResult();
    });
}

} // namespace wharf
