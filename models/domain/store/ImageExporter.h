#pragma once
// Writes one stored image to a tar file that other tools load: `wharf export`.
//
// docker-archive — what `docker load`, `podman load` and `skopeo … docker-archive:` read:
//   <config hex>.json           the config blob, byte for byte
//   <diff_id hex>/layer.tar     each layer uncompressed (its sha256 is the diff_id), once per diff_id
//   manifest.json               [{"Config":"<config hex>.json","RepoTags":["docker.io/library/x:tag"],
//                                 "Layers":["<diff_id hex>/layer.tar", …]}]
//   No legacy <id>/json, <id>/VERSION or `repositories`: docker load (moby ≥ 1.10 and the containerd
//   importer of Docker ≥ 25) and c/image (podman, skopeo) read manifest.json alone; those files only
//   serve the pre-1.10 loader, which runs only when manifest.json is missing. RepoTags is the full
//   reference when it has a tag (c/image writes the explicit form too), empty for a pull by digest.
// oci-archive — a tar of an OCI image layout, what `skopeo … oci-archive:` and `podman load` read:
//   oci-layout, blobs/<alg>/<hex> for the manifest, the config and the layers as stored (compressed),
//   index.json with the one manifest, its platform and org.opencontainers.image.ref.name (the full
//   reference, when it is a valid ref.name).
//
// Every entry name comes from a validated Digest or is a fixed word: never from a tag or an annotation
// (CVE-2024-3727, jib#4522). Every blob is re-verified while it streams (but for one the pull
// feeding the export has just hashed, Options::arrivals); for docker-archive each
// layer is also decompressed and its digest checked against the config's rootfs.diff_ids (refused
// with DigestMismatch otherwise). A tar header carries an entry's size before its data and the
// uncompressed size is only known at the end, so each compressed layer is decompressed twice: once
// to measure and verify it, once into the archive (c/image spools it to a temporary file instead;
// two passes keep a second copy of the layer off the disk, and nothing unverified enters the archive).
// Nothing large is held in memory. On any failure the partial file is removed (TarWriter).
//
// Synchronous: the CLI calls it directly, the GUI on a worker thread (with `cancel`).

#include "archive/LayerDecompressor.h"
#include "archive/TarWriter.h"
#include "core/Digest.h"
#include "core/Error.h"
#include "store/StoredImage.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace wharf {

class BlobArrivals;
class ImageStore;

class ImageExporter
{
public:
    enum class Format { DockerArchive, OciArchive };

    struct Options
    {
        LayerDecompressor::Limits limits;
        // Checked between chunks; set from any thread to stop with Error::Code::Cancelled.
        const std::atomic_bool *cancel = nullptr;
        // docker-archive's RepoTags instead of the full reference (a container engine gets the
        // name `docker pull` gives: "nginx:1.27"). Names only: they never become entry names.
        std::optional<QStringList> repoTags;
        // docker-archive: gzip layers go in as stored (still named <diff_id hex>/layer.tar, the
        // blob re-hashed against its digest as it streams) instead of decompressed twice. Docker
        // (archive.DecompressStream) and Podman (c/image's tarfile source) both decompress a layer
        // file themselves and check it against the config's diff_ids; other tools may not, so
        // `wharf export` keeps plain tars. zstd layers are still written uncompressed (Docker
        // before 23 cannot read them).
        bool gzipLayersAsStored = false;
        // The image is still arriving (a pull into an engine): its manifest and config are in the
        // store, its layers are not all there yet. Each layer is written as soon as the store has
        // committed it — whichever comes first, so entries follow the download rather than the
        // manifest (manifest.json still lists them in order) — and the archive's last entry waits
        // until the pull has closed the image whole; the pull's error (or Cancelled) ends the
        // export where it is. A blob the pull has just hashed is not hashed again (its size is
        // still checked).
        BlobArrivals *arrivals = nullptr;

        // docker-archive, one stage of a load in stages (EngineLoader, into Docker while a pull
        // runs): the archive describes the image's first `layers` layers with `config` as their
        // config (for every stage but the last, one derived from the image's that names only those
        // layers; empty: the image's own, for the last stage) and holds the files of the
        // layers from `from` on only: the engine has the ones below from the stages before (Docker's
        // loader takes a layer it has by chain ID without opening its file). A stage before the last
        // writes layers the store has already and does not wait for the pull to end.
        // `beforeManifest`, when set, runs before the archive's last entry (manifest.json: the
        // engine does nothing with an archive before it); its error ends the archive there.
        struct Stage
        {
            QByteArray config;
            qsizetype from = 0;
            qsizetype layers = 0;
            std::function<Result<void>()> beforeManifest;
        };
        std::optional<Stage> stage;
    };

    struct Report
    {
        QString path;
        Format format = Format::DockerArchive;
        qint64 bytes = 0; // the archive's size
        Digest manifest;
        Digest config;
        int layers = 0;
        QStringList repoTags; // docker-archive only
    };

    // "docker-archive", "oci-archive"; nullopt for anything else.
    [[nodiscard]] static std::optional<Format> formatFromName(QStringView name);
    [[nodiscard]] static QString formatName(Format format);

    // Errors: those of ImageStore::readBlob/openBlob (NotFound for a missing blob, DigestMismatch or
    // SizeMismatch for a corrupt one), MalformedDocument (unreadable manifest or config, diff_ids
    // that do not match the layers, a layer that does not decompress), UnsupportedMediaType (an
    // artifact or a non-tar layer to docker-archive), TooLarge (LayerDecompressor's limits),
    // DigestMismatch (a layer whose uncompressed digest is not its diff_id), Cancelled, Io.
    [[nodiscard]] static Result<Report> exportImage(const ImageStore &store, const StoredImage &image, const QString &path,
                                                    Format format, const Options &options);
    [[nodiscard]] static Result<Report> exportImage(const ImageStore &store, const StoredImage &image, const QString &path,
                                                    Format format);
    // The same archive written to `device` as it is produced (a request body to a container
    // engine): no file at all. `name` names the destination in messages and in Report::path. On
    // failure the device has received part of an archive; the caller abandons it.
    [[nodiscard]] static Result<Report> exportToDevice(const ImageStore &store, const StoredImage &image, QIODevice &device,
                                                       const QString &name, Format format, const Options &options);

private:
    [[nodiscard]] static Result<Report> exportWith(const ImageStore &store, const StoredImage &image, Format format,
                                                   const Options &options,
                                                   const std::function<Result<TarWriter>(qint64 mtime)> &makeWriter);
};

using ExportReport = ImageExporter::Report;

} // namespace wharf
