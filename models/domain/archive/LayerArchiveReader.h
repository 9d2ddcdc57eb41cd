#pragma once
// Reads a layer blob (gzip, zstd or a plain tar, told apart by their magic bytes as
// LayerDecompressor does) through libarchive's tar reader, header by header, skipping file data,
// and turns each untrusted header into a LayerEntry: a normalised relative path ("./" and "/"
// stripped, "." and empty components dropped), a type, mode/owner/mtime, link targets, and the OCI
// whiteouts made explicit (`.wh.NAME` → Whiteout, `.wh..wh..opq` → OpaqueDirectory; other
// `.wh..wh.*` names are AUFS bookkeeping and are skipped, as containerd does). The root folder's
// own entry ("./") names no file and is skipped too.
//
// Every byte of the blob is hashed on the way (on a second thread for large blobs, so that SHA-256
// costs no wall time next to the decompression) and the blob's size and digest are verified once
// the tar has ended: only then does next() report the end. A listing is never "complete" for bytes
// that did not verify (reliability §5.D D14).
//
// Hostile input ends the read with one typed Error, never a crash (reliability §5.D D2-D10):
//   MalformedDocument  not gzip/zstd/tar, corrupt or truncated compression or tar; a name with a
//                      ".." component, an empty name, a non-folder entry naming the root, a
//                      whiteout of "", "." or ".."; a hard link whose target is not an earlier
//                      non-folder entry of this layer (tar semantics: links only point backwards)
//   TooLarge           more than Limits::expansion allows (decompression bombs, CVE-2017-14992),
//                      an entry claiming more bytes than that, more than maxEntries entries, a name
//                      or link target longer than maxPathBytes, more than maxHeaderBytes of pax/GNU
//                      extension records in front of one entry (CVE-2022-2879), a path more than
//                      maxPathDepth folders deep, folder chains whose paths add up to more than
//                      maxFolderPathChars (a tree of them would cost depth² memory)
//   SizeMismatch       the blob is shorter or longer than expected (a truncated download)
//   DigestMismatch     the blob does not hash to its digest (InvalidDigest: no digest was given)
//   Cancelled          the cancel flag was set
//   (any code)         the Source failed (Io, Network, …)
// libarchive hands names over as C strings, so bytes after a NUL in a tar name or pax record never
// reach Wharf: a NUL cuts the name short, and the rest of the checks apply to what is left.
// Symbolic link targets are text, kept as stored (an absolute or looping link is no error here:
// nothing is ever resolved or extracted by reading; LayerFileExtractor never follows links).
//
// Errors are sticky: after one, every call returns it again. Movable, not copyable; one thread at
// a time (the hashing thread is internal).

#include "archive/LayerDecompressor.h"
#include "core/Digest.h"
#include "core/Error.h"
#include "layers/LayerEntry.h"

#include <QByteArray>
#include <QByteArrayView>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace wharf {

// (At namespace scope so that they can be default arguments below.)
// What the blob must be. The digest is required (there is no listing of unverified bytes:
// InvalidDigest at the end otherwise); a negative size means unknown.
struct LayerReadExpected
{
    Digest digest;
    qint64 size = -1;
    // The blob comes from Wharf's store, where only bytes that hashed to their digest are ever
    // committed and blobs are read-only (0444): the digest was verified when it was written and is
    // not hashed again; the size still is. `wharf verify` re-hashes the store on demand. This is
    // reliability C3's "recorded verification + read-only mode"; without it SHA-256 alone takes
    // longer than GNU tar's whole listing of an incompressible zstd layer.
    bool verifiedAtRest = false;
};

struct LayerReadLimits
{
    // Uncompressed bytes for the blob's size: LayerDecompressor's bomb caps, shared.
    LayerDecompressor::Limits expansion;
    qsizetype maxEntries = 2'000'000;   // tar headers, skipped ones included
    qsizetype maxPathBytes = 4096;      // PATH_MAX, for names and link targets
    qint64 maxHeaderBytes = 1 << 20;    // pax/GNU records in front of one entry (Go caps 1 MiB)
    // Folders an entry sits in: real images stay far below (deep node_modules trees reach ~60).
    qsizetype maxPathDepth = 256;
    // The text of the folder paths the entries imply, each counted when an entry enters a folder
    // chain the previous entry was not in. Whoever builds a tree from a listing (Files, Efficiency,
    // Compare, `wharf layers`) holds about this much; a real 300,000-entry layer needs ~4 Mi, while
    // 40 files each at the bottom of its own 2,000-folder chain (1 KB of gzip) would need ~160 Mi.
    qint64 maxFolderPathChars = 16 * 1024 * 1024;
};

class LayerArchiveReader
{
public:
    using Expected = LayerReadExpected;
    using Limits = LayerReadLimits;

    // Where the blob's bytes come from, in order, on the reading thread.
    class Source
    {
    public:
        Source() = default;
        virtual ~Source() = default;
        Q_DISABLE_COPY_MOVE(Source)
        // The next bytes; an empty view at the end. A view stays valid until the second call after
        // the one that returned it (the reader hashes one chunk while the next is being read).
        [[nodiscard]] virtual Result<QByteArrayView> read() = 0;
    };

    // A file or a buffer read in kChunkSize pieces; a read that returns nothing is the end.
    class DeviceSource final : public Source
    {
    public:
        explicit DeviceSource(QIODevice &device) : m_device(device) {}
        [[nodiscard]] Result<QByteArrayView> read() override;

    private:
        QIODevice &m_device;
        QByteArray m_buffers[2];
        int m_next = 0;
    };

    static constexpr qint64 kChunkSize = 1 << 20;

    LayerArchiveReader(Source &source, const Expected &expected, const Limits &limits = {});
    LayerArchiveReader(LayerArchiveReader &&other) noexcept;
    LayerArchiveReader &operator=(LayerArchiveReader &&other) noexcept;
    LayerArchiveReader(const LayerArchiveReader &) = delete;
    LayerArchiveReader &operator=(const LayerArchiveReader &) = delete;
    ~LayerArchiveReader();

    // Polled between headers and on every read of the source; must outlive the reader.
    void setCancelFlag(const std::atomic<bool> *cancelled);
    // Called on the reading thread with the blob bytes read and the entries next() returned so
    // far: after every entry and every chunk taken from the source (so also while a large file's
    // data is skipped). Cheap calls only (store two atomics).
    using Progress = std::function<void(qint64 blobBytes, qsizetype entries)>;
    void setProgress(Progress progress);

    // The next entry in tar order; nullopt once the tar has ended and the blob has verified.
    [[nodiscard]] Result<std::optional<LayerEntry>> next();
    // The content of the File entry next() returned last, a piece at a time (holes of sparse files
    // as zeros); an empty view at its end. Unsupported for any other entry.
    [[nodiscard]] Result<QByteArrayView> readData();

    [[nodiscard]] qint64 compressedBytes() const;   // blob bytes read so far
    [[nodiscard]] qint64 uncompressedBytes() const; // tar bytes read so far
    [[nodiscard]] qsizetype headersRead() const;    // tar entries seen, skipped ones included
    [[nodiscard]] LayerDecompressor::Compression compression() const; // once next() was called

    // Reads every entry; `progress` as setProgress() says, and once more at the end.
    [[nodiscard]] static LayerListing list(Source &source, const Expected &expected, const Limits &limits = {},
                                           const std::atomic<bool> *cancelled = nullptr, const Progress &progress = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wharf
