#pragma once
// The local image store: an OCI image layout (oci-layout, index.json, blobs/<alg>/<hex>) that
// skopeo, umoci and podman read as `oci:STORE:NAME`, plus Wharf's own ingest/ (partial downloads)
// and leases/ (blobs a pull still assembles). Blobs enter only through BlobIngest (verified, fsynced,
// renamed); index.json is only ever replaced whole, under <root>/index.lock, by an fsynced rename,
// so GUI and CLI in two processes can pull, remove and collect at the same time.
//
// index.json holds one descriptor per stored image, its `platform` object set, and annotations:
//   io.github.wharf.reference  the full normalised reference (docker.io/library/nginx:latest)
//   io.github.wharf.platform   os/arch[/variant] as pulled
//   io.github.wharf.pulled     ISO 8601 UTC time of the pull
//   io.github.wharf.index      the index digest the platform came from (optional)
//   org.opencontainers.image.ref.name — the NAME for `skopeo inspect oci:STORE:NAME`, by this rule:
//     * the full reference when the store keeps one platform of it:
//           docker.io/library/nginx:latest, localhost:5000/app@sha256:…
//     * when it keeps several platforms of one reference, each one is
//           <reference>+<os>-<arch>[-<variant>]     (normalised platform, '/' → '-')
//           docker.io/library/nginx:latest+linux-arm64, …+linux-arm-v7
//       (recomputed on every update, so removing all but one platform gives the plain name back);
//     * when that string is not a valid ref.name (image-spec annotations.md: components of
//       [A-Za-z0-9]+ joined by one of -._:@+ or --, separated by /; e.g. tags ending in '-' or
//       paths with '---'), the manifest digest "sha256:…" instead.
//   skopeo 1.9.3 splits "oci:PATH:NAME" at the first ':', so NAME may contain ':' and '/', but PATH
//   may not contain ':'. It also only considers OCI media types in index.json: images whose
//   manifest is a Docker schema 2 manifest are stored and listed, but skopeo 1.9.3 cannot find them
//   by name (newer c/image can).
// Entries without io.github.wharf.reference belong to other tools: Wharf keeps them (and their
// blobs) as they are, and does not list them.
//
// A value type: cheap to copy, every method may be called from any thread and any process.

#include "core/Digest.h"
#include "core/Error.h"
#include "documents/Descriptor.h"
#include "documents/ImageManifest.h"
#include "reference/Platform.h"
#include "store/BlobIngest.h"
#include "store/StoreLease.h"
#include "store/StoreReports.h"
#include "store/StoreUsage.h"
#include "store/StoredImage.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace wharf {

class ImageStore
{
public:
    // Unleased partial downloads older than this are removed by gc (containerd's ingest expiry).
    static constexpr qint64 kIngestExpirySeconds = 24 * 60 * 60;
    // index.json is read whole; a store of a few thousand images stays far below this.
    static constexpr qint64 kMaxIndexSize = 64 * 1024 * 1024;

    // $WHARF_STORE, else <AppDataLocation>/store (~/.local/share/Wharf/wharf/store for the app).
    [[nodiscard]] static QString defaultRoot();
    // Opens the layout at `root`, creating the folder, oci-layout, index.json, blobs/sha256/ and
    // ingest/ as needed. Refuses (Unsupported) an oci-layout other than 1.0.0, (MalformedDocument) an
    // unreadable oci-layout or index.json, and (Io) a non-empty folder that is not a layout at all.
    [[nodiscard]] static Result<ImageStore> open(const QString &root);

    [[nodiscard]] const QString &root() const { return m_root; }

    // Blobs. A Digest is validated by construction, so blobPath() never leaves blobs/.
    [[nodiscard]] bool hasBlob(const Digest &digest, qint64 size = -1) const;
    [[nodiscard]] QString blobPath(const Digest &digest) const;
    // NotFound, TooLarge (over maxBytes), DigestMismatch (the file on disk is corrupt).
    [[nodiscard]] Result<QByteArray> readBlob(const Digest &digest, qint64 maxBytes) const;
    // For streaming large blobs; the caller verifies if it needs to (verify() re-hashes everything).
    [[nodiscard]] Result<std::unique_ptr<QFile>> openBlob(const Digest &digest) const;
    // The image manifest `manifest` names, read from blobs/ and parsed against the descriptor.
    [[nodiscard]] Result<ImageManifest> readImageManifest(const Descriptor &manifest) const;

    [[nodiscard]] Result<BlobIngest> beginIngest(const Descriptor &descriptor) const;
    // What an interrupted download of the blob left to resume from (BlobIngest::partialSize).
    [[nodiscard]] qint64 partialBytes(const Descriptor &descriptor) const;
    [[nodiscard]] Result<StoreLease> beginLease() const;

    // Images (entries Wharf wrote), in index.json order.
    [[nodiscard]] Result<QList<StoredImage>> images() const;
    // Adds an image, replacing the entry with the same reference and (normalised) platform. The
    // manifest, its config and its layers must already be in blobs/ (NotFound otherwise;
    // non-distributable layers may be absent). InvalidReference when `reference` does not parse.
    [[nodiscard]] Result<void> addImage(const StoredImage &image) const;
    // The entries of `reference` (normalised like the CLI does: nginx → docker.io/library/
    // nginx:latest), or only the one for `platform`, in index.json order: what `wharf rm` removes and
    // `wharf export` reads. NotFound if nothing matched; InvalidReference when it does not parse.
    [[nodiscard]] Result<QList<StoredImage>> findImages(const QString &reference, std::optional<Platform> platform = std::nullopt) const;
    // Removes what findImages() would return. Blobs stay until collectGarbage(). Returns what was
    // removed.
    [[nodiscard]] Result<QList<StoredImage>> removeImage(const QString &reference, std::optional<Platform> platform = std::nullopt) const;
    // Removes the same entries and, under the same lock, deletes the blobs only they kept: none
    // another entry of index.json refers to, none a live lease (a pull in progress) protects. What
    // the window's Delete and `wharf rm --prune` do; other garbage is left to collectGarbage().
    [[nodiscard]] Result<RemovalReport> removeImageWithBlobs(const QString &reference,
                                                             std::optional<Platform> platform = std::nullopt) const;
    // What each image keeps and what deleting it would free (StoreUsage). Lenient: an entry whose
    // manifest cannot be read keeps what can be followed. No lock (index.json is read whole).
    [[nodiscard]] Result<StoreUsage> usage() const;

    enum class GcMode {
        Collect, // delete
        DryRun,  // count what Collect would delete, delete nothing
    };
    // Mark from index.json (manifests → config and layers, indexes → children) and live leases,
    // sweep unreferenced blobs with valid digest names, and remove ingests that nobody holds and
    // that are older than kIngestExpirySeconds or orphaned. Fails closed (UnsupportedMediaType,
    // MalformedDocument, DigestMismatch) when a root cannot be followed, deleting nothing. Holds
    // the index lock throughout, in either mode.
    [[nodiscard]] Result<GcReport> collectGarbage(GcMode mode = GcMode::Collect) const;
    // Re-hashes every blob and checks index.json's references; Io only when the store cannot be read.
    [[nodiscard]] Result<VerifyReport> verify() const;

    // The ref.name rule above, exposed for the CLI and tests.
    [[nodiscard]] static bool isValidRefName(QStringView name);
    [[nodiscard]] static QString platformToken(const Platform &platform);

private:
    explicit ImageStore(QString root) : m_root(std::move(root)) {}

    [[nodiscard]] QString path(QStringView relative) const;

    QString m_root;
};

} // namespace wharf
