#pragma once
// Turns a layer blob (gzip, zstd or a plain tar, told apart by their magic bytes, not by the media
// type: containerd#13662) into its uncompressed tar, one chunk at a time, in-process through
// libarchive — never an external gzip/zstd binary (CVE-2014-9357). On the way it hashes both sides:
// the blob as read (to re-verify the store) and the uncompressed stream, whose digest is the
// layer's DiffID (config.md rootfs.diff_ids). verify() checks both against what the manifest and
// the config say (c/image 2e79eabb "Enforce that DiffID of a layer matches the config").
//
// Decompression bombs (CVE-2017-14992; reliability §5.D D10) are cut off by Limits: at most
// `maxBytes` uncompressed bytes, and beyond `ratioFloor` at most `maxRatio` times the compressed
// size. The defaults let every real layer through — a 1 GiB layer is always fine, and above that
// 200:1 is several times what text-heavy layers reach (gzip's ceiling on zeros is about 1030:1) —
// while a 1 MiB bomb stops at 1 GiB. zstd frames that ask for a window above libzstd's default
// limit (2^27 bytes, 128 MiB) fail instead of allocating it (facebook/zstd#1938).
// Multi-member gzip is read to the end; bytes after the compressed stream still count in the blob's
// digest. libarchive 3.6 does not check gzip's CRC-32, so damaged data that still inflates is only
// caught by the digests: callers always verify().
//
// Errors: MalformedDocument (not a valid or a truncated gzip/zstd stream), TooLarge (over the cap),
// Io (the source failed), Unsupported (this libarchive can only decompress with external programs).
// Movable, not copyable; one thread at a time.

#include "core/Digest.h"
#include "core/Error.h"

#include <QByteArrayView>

#include <memory>

class QIODevice;

namespace wharf {

class LayerDecompressor
{
public:
    enum class Compression { None, Gzip, Zstd };

    struct Limits
    {
        qint64 maxBytes = qint64(256) << 30;
        qint64 ratioFloor = qint64(1) << 30;
        qint64 maxRatio = 200;

        // The uncompressed bytes allowed for a blob of `compressedSize` bytes (saturating).
        [[nodiscard]] qint64 capFor(qint64 compressedSize) const;
    };

    // What the blob should be. Invalid digests and negative sizes are not checked by verify(); the
    // digests' algorithms are the ones hashed (sha256 when invalid).
    struct Expected
    {
        Digest compressed;
        qint64 compressedSize = -1;
        Digest diffId;
    };

    static constexpr qint64 kChunkSize = 1 << 20;

    // Starts reading `source` at its current position (it must stay alive and unused meanwhile) and
    // decodes the first block, so compression() is known. The cap is Limits::capFor(
    // expected.compressedSize), or of the device's size when that is unknown.
    [[nodiscard]] static Result<LayerDecompressor> open(QIODevice &source, const Expected &expected, const Limits &limits);
    [[nodiscard]] static Result<LayerDecompressor> open(QIODevice &source, const Expected &expected);

    LayerDecompressor(LayerDecompressor &&other) noexcept;
    LayerDecompressor &operator=(LayerDecompressor &&other) noexcept;
    LayerDecompressor(const LayerDecompressor &) = delete;
    LayerDecompressor &operator=(const LayerDecompressor &) = delete;
    ~LayerDecompressor();

    // The next uncompressed bytes (at most kChunkSize; valid until the next call), or an empty view
    // at the end, after which atEnd() is true and the rest of the source has been hashed.
    [[nodiscard]] Result<QByteArrayView> read();
    // Reads to the end, discarding the bytes: for the uncompressed size and the digests alone.
    [[nodiscard]] Result<void> skipToEnd();

    [[nodiscard]] bool atEnd() const;
    [[nodiscard]] Compression compression() const;
    [[nodiscard]] qint64 uncompressedSize() const;
    [[nodiscard]] qint64 compressedSize() const;
    // Valid once atEnd().
    [[nodiscard]] Digest diffId() const;
    [[nodiscard]] Digest compressedDigest() const;
    // Once atEnd(): the blob's size, then its digest (SizeMismatch, DigestMismatch — the stored blob
    // is corrupt), then the DiffID (DigestMismatch — the config does not describe this layer).
    [[nodiscard]] Result<void> verify() const;

private:
    struct Private;
    explicit LayerDecompressor(std::unique_ptr<Private> d);

    std::unique_ptr<Private> d;
};

} // namespace wharf
