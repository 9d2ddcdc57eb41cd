#include "store/ImageExporter.h"

#include "archive/TarWriter.h"
#include "documents/DocumentParser.h"
#include "documents/MediaTypes.h"
#include "reference/ImageReference.h"
#include "store/BlobArrivals.h"
#include "store/ImageStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <memory>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::ImageExporter)
};

const QString kRefName = QStringLiteral("org.opencontainers.image.ref.name");

// What every step of one export needs.
struct Export
{
    const ImageStore &store;
    TarWriter &writer;
    const ImageExporter::Options &options;

    Result<void> checkCancelled() const
    {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return fail(Error::Code::Cancelled, Tr::tr("the export was cancelled"));
        return {};
    }

    // Blocks until one of `pending` is in the store (an image still being pulled); its index.
    Result<qsizetype> nextStored(const QList<Digest> &pending) const
    {
        if (!options.arrivals)
            return 0;
        return options.arrivals->awaitAny(pending, options.cancel);
    }

    // Before the archive's last entry: the pull has put the whole image in the store.
    Result<void> imageComplete() const
    {
        if (!options.arrivals)
            return {};
        return options.arrivals->awaitClosed(options.cancel);
    }

    // The pull that is storing the image hashed this blob moments ago.
    [[nodiscard]] bool justVerified(const Digest &digest) const { return options.arrivals && options.arrivals->wasHashedNow(digest); }
};

// Keeps the code (DigestMismatch, SizeMismatch); the verifier's expected/got detail adds nothing for the user.
Error damaged(const Error &error, const Digest &digest)
{
    return Error(error.code(), Tr::tr("the stored blob %1 is damaged (run “wharf verify”)").arg(digest.toString()));
}

QString blobName(const Digest &digest)
{
    return QStringLiteral("blobs/") + digest.algorithm() + u'/' + digest.encoded();
}

// A stored blob of at most `maxBytes`, its size checked against the descriptor (readBlob checks the digest).
Result<QByteArray> readSmallBlob(const ImageStore &store, const Descriptor &descriptor, qint64 maxBytes)
{
    auto bytes = store.readBlob(descriptor.digest, maxBytes);
    if (!bytes)
        return wharf::unexpected(bytes.error());
    if (bytes->size() != descriptor.size)
        return wharf::unexpected(damaged(Error(Error::Code::SizeMismatch, Tr::tr("expected %1 bytes, found %2")
                                                                             .arg(descriptor.size).arg(bytes->size())),
                                       descriptor.digest));
    return bytes;
}

// The blob file, once its size matches the descriptor: the size is checked before anything is hashed.
Result<std::unique_ptr<QFile>> openStoredBlob(const ImageStore &store, const Descriptor &descriptor)
{
    auto file = store.openBlob(descriptor.digest);
    if (!file)
        return wharf::unexpected(file.error());
    if ((*file)->size() != descriptor.size)
        return wharf::unexpected(damaged(Error(Error::Code::SizeMismatch, Tr::tr("expected %1 bytes, found %2")
                                                                             .arg(descriptor.size).arg((*file)->size())),
                                       descriptor.digest));
    return file;
}

// Streams a stored blob into the archive as `name`, hashing it on the way.
Result<void> copyBlob(const Export &ex, const Descriptor &descriptor, const QString &name)
{
    auto file = openStoredBlob(ex.store, descriptor);
    if (!file)
        return wharf::unexpected(file.error());
    if (auto header = ex.writer.beginFile(name, descriptor.size); !header)
        return header;
    const bool hash = !ex.justVerified(descriptor.digest);
    DigestVerifier verifier(descriptor.digest, descriptor.size);
    QByteArray chunk;
    qint64 left = descriptor.size;
    while (left > 0) {
        if (auto running = ex.checkCancelled(); !running)
            return running;
        chunk.resize(std::min(left, TarWriter::kChunkSize));
        const qint64 n = (*file)->read(chunk.data(), chunk.size());
        if (n <= 0)
            return fail(Error::Code::Io, Tr::tr("cannot read %1: %2").arg((*file)->fileName(), (*file)->errorString()));
        const QByteArrayView bytes(chunk.constData(), n);
        if (hash)
            verifier.addData(bytes);
        if (auto data = ex.writer.writeData(bytes); !data)
            return data;
        left -= n;
    }
    if (hash)
        if (auto verified = verifier.verify(); !verified)
            return wharf::unexpected(damaged(verified.error(), descriptor.digest));
    return ex.writer.endFile();
}

// The whole blob hashed again: whether a layer that failed to decode is damaged in the store (then
// that is the error to report) or was stored that way.
Result<void> verifyWholeBlob(QFile &file, const Descriptor &descriptor)
{
    if (!file.seek(0))
        return fail(Error::Code::Io, Tr::tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    DigestVerifier verifier(descriptor.digest, descriptor.size);
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(TarWriter::kChunkSize);
        if (chunk.isEmpty())
            return fail(Error::Code::Io, Tr::tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        verifier.addData(chunk);
    }
    if (auto verified = verifier.verify(); !verified)
        return wharf::unexpected(damaged(verified.error(), descriptor.digest));
    return {};
}

// A layer blob being decompressed; the file outlives the decompressor that reads it.
struct OpenLayer
{
    std::unique_ptr<QFile> file;
    std::optional<LayerDecompressor> decompressor;
};

Result<OpenLayer> openLayer(const Export &ex, const Descriptor &layer, const Digest &diffId)
{
    OpenLayer open;
    auto file = openStoredBlob(ex.store, layer);
    if (!file)
        return wharf::unexpected(file.error());
    open.file = std::move(*file);
    auto decompressor = LayerDecompressor::open(*open.file, {layer.digest, layer.size, diffId}, ex.options.limits);
    if (!decompressor) {
        if (decompressor.error().code() == Error::Code::MalformedDocument)
            if (auto intact = verifyWholeBlob(*open.file, layer); !intact)
                return wharf::unexpected(intact.error());
        return wharf::unexpected(decompressor.error());
    }
    open.decompressor.emplace(std::move(*decompressor));
    return open;
}

// Reads the layer to its end (into the archive when `write`) and checks the blob and its diff_id.
Result<void> runLayer(const Export &ex, OpenLayer &open, const Descriptor &layer, bool write)
{
    LayerDecompressor &decompressor = *open.decompressor;
    while (!decompressor.atEnd()) {
        if (auto running = ex.checkCancelled(); !running)
            return running;
        auto chunk = decompressor.read();
        if (!chunk) {
            if (chunk.error().code() == Error::Code::MalformedDocument)
                if (auto intact = verifyWholeBlob(*open.file, layer); !intact)
                    return intact;
            return wharf::unexpected(chunk.error());
        }
        if (write && !chunk->isEmpty())
            if (auto data = ex.writer.writeData(*chunk); !data)
                return data;
    }
    if (auto verified = decompressor.verify(); !verified) {
        if (decompressor.compressedDigest() != layer.digest || decompressor.compressedSize() != layer.size)
            return wharf::unexpected(damaged(verified.error(), layer.digest));
        return verified;
    }
    return {};
}

// <diff_id hex>/layer.tar, uncompressed. Plain tar layers are their own uncompressed size; others
// are measured (and fully verified) in a first pass.
Result<void> writeUncompressedLayer(const Export &ex, const Descriptor &layer, const Digest &diffId, const QString &name)
{
    auto first = openLayer(ex, layer, diffId);
    if (!first)
        return wharf::unexpected(first.error());
    qint64 size = layer.size;
    OpenLayer second;
    if (first->decompressor->compression() == LayerDecompressor::Compression::None) {
        second = std::move(*first);
    } else {
        if (auto measured = runLayer(ex, *first, layer, false); !measured)
            return measured;
        size = first->decompressor->uncompressedSize();
        first->decompressor.reset();
        auto reopened = openLayer(ex, layer, diffId);
        if (!reopened)
            return wharf::unexpected(reopened.error());
        second = std::move(*reopened);
    }
    if (auto header = ex.writer.beginFile(name, size); !header)
        return header;
    if (auto written = runLayer(ex, second, layer, true); !written)
        return written;
    return ex.writer.endFile();
}

Error inLayer(const Error &error, qsizetype index, qsizetype count, const Descriptor &layer)
{
    if (error.message().contains(layer.digest.toString())) {
        //: %1 and %2 count layers ("layer 2 of 5")
        return error.withContext(Tr::tr("layer %1 of %2").arg(index + 1).arg(count));
    }
    //: %1 and %2 count layers ("layer 2 of 5"), %3 is its digest
    return error.withContext(Tr::tr("layer %1 of %2 (%3)").arg(index + 1).arg(count).arg(layer.digest.toString()));
}

// "docker.io/library/nginx:1.27" for a tagged reference; nothing for one pulled by digest.
QStringList repoTagsOf(const StoredImage &image)
{
    auto reference = ImageReference::parseDockerRef(image.reference);
    if (!reference || !reference->hasTag() || reference->isDigestOnly())
        return {};
    return {reference->name() + u':' + reference->tag()};
}

// `from`: the first layer whose file goes in (a stage of a load in stages; 0 otherwise); `whole`:
// the archive describes the whole image, so its last entry waits for the pull to have stored it.
Result<void> writeDockerArchive(const Export &ex, const ImageManifest &manifest, const QByteArray &configBytes,
                                const ImageConfig &config, const QStringList &repoTags, qsizetype from, bool whole)
{
    const QString configName = manifest.config.digest.encoded() + QStringLiteral(".json");
    if (auto written = ex.writer.addFile(configName, configBytes); !written)
        return written;
    // Each content once (the same diff_id twice in one image: one file, named twice in manifest.json).
    QJsonArray layerNames;
    QList<qsizetype> pending; // indexes into manifest.layers, in manifest order
    QList<Digest> pendingDigests;
    QSet<Digest> seen;
    for (qsizetype i = 0; i < manifest.layers.size(); ++i) {
        const Digest &diffId = config.diffIds[i];
        layerNames.append(QString(diffId.encoded() + QStringLiteral("/layer.tar")));
        if (i < from || seen.contains(diffId))
            continue;
        seen.insert(diffId);
        pending.append(i);
        pendingDigests.append(manifest.layers[i].digest);
    }
    while (!pending.isEmpty()) {
        auto next = ex.nextStored(pendingDigests);
        if (!next)
            return wharf::unexpected(next.error());
        const qsizetype i = pending.takeAt(*next);
        pendingDigests.removeAt(*next);
        const Descriptor &layer = manifest.layers[i];
        const Digest &diffId = config.diffIds[i];
        if (auto folder = ex.writer.addDirectory(diffId.encoded()); !folder)
            return folder;
        const bool asStored = ex.options.gzipLayersAsStored
            && (layer.mediaType == MediaTypes::OciLayerGzip || layer.mediaType == MediaTypes::DockerLayerGzip);
        const QString name = diffId.encoded() + QStringLiteral("/layer.tar");
        if (auto copied = asStored ? copyBlob(ex, layer, name) : writeUncompressedLayer(ex, layer, diffId, name); !copied)
            return wharf::unexpected(inLayer(copied.error(), i, manifest.layers.size(), layer));
    }
    if (whole)
        if (auto complete = ex.imageComplete(); !complete)
            return complete;
    if (ex.options.stage && ex.options.stage->beforeManifest)
        if (auto ready = ex.options.stage->beforeManifest(); !ready)
            return ready;
    const QJsonArray manifestJson{QJsonObject{
        {QStringLiteral("Config"), configName},
        {QStringLiteral("RepoTags"), QJsonArray::fromStringList(repoTags)},
        {QStringLiteral("Layers"), layerNames},
    }};
    return ex.writer.addFile(QStringLiteral("manifest.json"), QJsonDocument(manifestJson).toJson(QJsonDocument::Compact));
}

Result<void> writeOciArchive(const Export &ex, const StoredImage &image, const ImageManifest &manifest, const QByteArray &manifestBytes,
                             const QByteArray &configBytes)
{
    if (auto header = ex.writer.addFile(QStringLiteral("oci-layout"), QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}")); !header)
        return header;
    if (auto folder = ex.writer.addDirectory(QStringLiteral("blobs")); !folder)
        return folder;
    QSet<QString> folders;
    QSet<Digest> written;
    const auto prepare = [&](const Digest &digest) -> Result<bool> {
        if (written.contains(digest))
            return false;
        written.insert(digest);
        if (!folders.contains(digest.algorithm())) {
            folders.insert(digest.algorithm());
            if (auto folder = ex.writer.addDirectory(QStringLiteral("blobs/") + digest.algorithm()); !folder)
                return wharf::unexpected(folder.error());
        }
        return true;
    };
    for (const auto &[descriptor, bytes] : {std::pair{image.manifest, manifestBytes}, std::pair{manifest.config, configBytes}}) {
        auto fresh = prepare(descriptor.digest);
        if (!fresh)
            return wharf::unexpected(fresh.error());
        if (*fresh)
            if (auto added = ex.writer.addFile(blobName(descriptor.digest), bytes); !added)
                return added;
    }
    for (qsizetype i = 0; i < manifest.layers.size(); ++i) {
        const Descriptor &layer = manifest.layers[i];
        if (auto stored = ex.nextStored({layer.digest}); !stored) // in order: index.json needs no reordering
            return wharf::unexpected(stored.error());
        auto fresh = prepare(layer.digest);
        if (!fresh)
            return wharf::unexpected(fresh.error());
        if (*fresh)
            if (auto copied = copyBlob(ex, layer, blobName(layer.digest)); !copied)
                return wharf::unexpected(inLayer(copied.error(), i, manifest.layers.size(), layer));
    }

    if (auto complete = ex.imageComplete(); !complete)
        return complete;
    Descriptor entry;
    entry.mediaType = image.manifest.mediaType;
    entry.digest = image.manifest.digest;
    entry.size = image.manifest.size;
    if (!image.platform.isEmpty())
        entry.platform = image.platform;
    if (ImageStore::isValidRefName(image.reference))
        entry.annotations.insert(kRefName, image.reference);
    const QJsonObject index{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(MediaTypes::OciIndex)},
        {QStringLiteral("manifests"), QJsonArray{entry.toJson()}},
    };
    return ex.writer.addFile(QStringLiteral("index.json"), QJsonDocument(index).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<ImageExporter::Format> ImageExporter::formatFromName(QStringView name)
{
    if (name == u"docker-archive")
        return Format::DockerArchive;
    if (name == u"oci-archive")
        return Format::OciArchive;
    return std::nullopt;
}

QString ImageExporter::formatName(Format format)
{
    return format == Format::DockerArchive ? QStringLiteral("docker-archive") : QStringLiteral("oci-archive");
}

Result<ImageExporter::Report> ImageExporter::exportImage(const ImageStore &store, const StoredImage &image, const QString &path,
                                                         Format format)
{
    return exportImage(store, image, path, format, Options());
}

Result<ImageExporter::Report> ImageExporter::exportImage(const ImageStore &store, const StoredImage &image, const QString &path,
                                                         Format format, const Options &options)
{
    return exportWith(store, image, format, options, [&path](qint64 mtime) { return TarWriter::create(path, mtime); });
}

Result<ImageExporter::Report> ImageExporter::exportToDevice(const ImageStore &store, const StoredImage &image, QIODevice &device,
                                                            const QString &name, Format format, const Options &options)
{
    return exportWith(store, image, format, options,
                      [&device, &name](qint64 mtime) { return TarWriter::createOnDevice(device, name, mtime); });
}

Result<ImageExporter::Report> ImageExporter::exportWith(const ImageStore &store, const StoredImage &image, Format format,
                                                        const Options &options,
                                                        const std::function<Result<TarWriter>(qint64 mtime)> &makeWriter)
{
    auto manifestBytes = readSmallBlob(store, image.manifest, kMaxManifestSize);
    if (!manifestBytes)
        return wharf::unexpected(manifestBytes.error());
    auto document = parseManifest(*manifestBytes, image.manifest);
    if (!document)
        return wharf::unexpected(document.error());
    if (!std::holds_alternative<ImageManifest>(*document))
        return fail(Error::Code::MediaTypeMismatch, Tr::tr("%1 is an index, not an image manifest").arg(image.manifest.digest.toString()));
    ImageManifest manifest = std::get<ImageManifest>(*document);
    auto configBytes = readSmallBlob(store, manifest.config, kMaxConfigSize);
    if (!configBytes)
        return wharf::unexpected(configBytes.error().withContext(Tr::tr("reading the config")));
    // A stage describes the first layers of this image, with a config of its own (EngineLoader
    // derives it) whose diff_ids must be the image's first ones, or with the image's config.
    qsizetype from = 0;
    bool whole = true;
    std::optional<QList<Digest>> stageDiffIds;
    const auto stageMismatch = [&image] {
        return fail(Error::Code::MalformedDocument, Tr::tr("a stage of the load does not describe the first layers of %1").arg(image.reference));
    };
    if (options.stage && format == Format::DockerArchive) {
        const qsizetype layers = options.stage->layers;
        if (layers < 1 || layers > manifest.layers.size() || options.stage->from < 0 || options.stage->from >= layers)
            return stageMismatch();
        if (!options.stage->config.isEmpty()) {
            auto own = parseConfig(*configBytes);
            if (!own)
                return stageMismatch();
            stageDiffIds = own->diffIds.mid(0, layers);
            manifest.config.digest = Digest::sha256Of(options.stage->config);
            manifest.config.size = options.stage->config.size();
            *configBytes = options.stage->config;
        }
        whole = layers == manifest.layers.size();
        from = options.stage->from;
        manifest.layers.resize(layers);
    }

    std::optional<ImageConfig> config;
    if (!manifest.isArtifact()) {
        auto parsed = parseConfig(*configBytes);
        if (parsed)
            config = std::move(*parsed);
        else if (format == Format::DockerArchive)
            return wharf::unexpected(parsed.error().withContext(Tr::tr("reading the config")));
    }
    if (format == Format::DockerArchive) {
        if (!config)
            return fail(Error::Code::UnsupportedMediaType,
                        Tr::tr("%1 is not a container image (its config is “%2”); only --format oci-archive can export it")
                            .arg(image.reference, manifest.config.mediaType.left(200)));
        if (stageDiffIds && config->diffIds != *stageDiffIds)
            return stageMismatch();
        if (config->diffIds.size() != manifest.layers.size())
            return fail(Error::Code::MalformedDocument, Tr::tr("the config lists %1 diff_ids for %2 layers; the image is inconsistent")
                                                            .arg(config->diffIds.size()).arg(manifest.layers.size()));
        for (const Descriptor &layer : manifest.layers)
            if (!MediaTypes::isLayer(layer.mediaType))
                return fail(Error::Code::UnsupportedMediaType,
                            Tr::tr("the layer %1 is “%2”, not a tar layer").arg(layer.digest.toString(), layer.mediaType.left(200)));
    }

    // Entries carry the image's creation time, so an export is reproducible and `tar -tv` dates it.
    const qint64 mtime = config && config->created.isValid() ? config->created.toSecsSinceEpoch() : 0;
    auto writer = makeWriter(mtime);
    if (!writer)
        return wharf::unexpected(writer.error());
    const Export ex{store, *writer, options};
    Report report;
    report.path = writer->path();
    report.format = format;
    report.manifest = image.manifest.digest;
    report.config = manifest.config.digest;
    report.layers = int(manifest.layers.size());
    if (format == Format::DockerArchive) {
        report.repoTags = options.repoTags ? *options.repoTags : repoTagsOf(image);
        if (auto written = writeDockerArchive(ex, manifest, *configBytes, *config, report.repoTags, from, whole); !written)
            return wharf::unexpected(written.error());
    } else if (auto written = writeOciArchive(ex, image, manifest, *manifestBytes, *configBytes); !written) {
        return wharf::unexpected(written.error());
    }
    if (auto finished = writer->finish(); !finished)
        return wharf::unexpected(finished.error());
    report.bytes = writer->bytesWritten();
    return report;
}

} // namespace wharf
