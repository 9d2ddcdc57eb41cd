#pragma once
// Writes one tar archive, streaming, for `wharf export`. Headers are deterministic so that the same
// image exported twice gives the same bytes: POSIX pax in libarchive's "restricted" mode (plain
// ustar unless a name needs an extended record), uid/gid 0 without user or group names, one mtime
// for every entry, mode 0644 for files and 0755 for folders.
//
// The archive is written to "<path>.partial"; finish() flushes and fsyncs it and renames it over
// `path`. After any failure, or when the writer is destroyed before finish(), the partial file is
// removed: a failed export never leaves half an archive under either name.
//
// models/archive/ is the only place Wharf talks to libarchive (this writer, LayerDecompressor and
// LayerArchiveReader).
// Movable, not copyable; one thread at a time.

#include "core/Error.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

class QIODevice;

namespace wharf {

class TarWriter
{
public:
    // How much addFileFromDevice() reads at a time: large files never sit whole in memory.
    static constexpr qint64 kChunkSize = 1 << 20;

    // Creates (or truncates) "<path>.partial". `mtime` (seconds since the epoch, clamped to ≥ 0) is
    // stamped on every entry. Io when the file cannot be created.
    [[nodiscard]] static Result<TarWriter> create(const QString &path, qint64 mtime = 0);
    // Writes the archive straight to `device` (open for writing; it must outlive the writer), e.g. a
    // request body on its way to a container engine: no file, so nothing to sync, rename or remove;
    // finish() only ends the archive. `name` stands for the destination in error messages. Not
    // blocked: every header and every writeData() reaches the device at once, in one write (no
    // 10 KiB blocks, no padding after the end marker), so what a reader on the other end could use
    // never waits in a buffer for the next entry.
    [[nodiscard]] static Result<TarWriter> createOnDevice(QIODevice &device, const QString &name, qint64 mtime = 0);

    TarWriter(TarWriter &&other) noexcept;
    TarWriter &operator=(TarWriter &&other) noexcept;
    TarWriter(const TarWriter &) = delete;
    TarWriter &operator=(const TarWriter &) = delete;
    ~TarWriter();

    // The final path (without ".partial"), or createOnDevice's name.
    [[nodiscard]] QString path() const;
    // Bytes of archive written so far (the whole file after finish()).
    [[nodiscard]] qint64 bytesWritten() const;

    // Entry names are relative paths of printable ASCII without "." or ".." components, empty
    // components or backslashes; anything else is refused (Unsupported) before it reaches a header.
    [[nodiscard]] Result<void> addDirectory(const QString &name);
    [[nodiscard]] Result<void> addFile(const QString &name, QByteArrayView bytes);
    // Copies exactly `size` bytes from `source` in kChunkSize pieces; SizeMismatch if it ends early.
    [[nodiscard]] Result<void> addFileFromDevice(const QString &name, QIODevice &source, qint64 size);

    // For content produced on the way (a layer being decompressed, a blob being verified): the
    // header with `size`, then writeData() calls that add up to exactly `size` (SizeMismatch past
    // it), then endFile() (SizeMismatch when short).
    [[nodiscard]] Result<void> beginFile(const QString &name, qint64 size);
    [[nodiscard]] Result<void> writeData(QByteArrayView bytes);
    [[nodiscard]] Result<void> endFile();

    // Ends the archive, fsyncs it and renames it to path(). After the first failure every call
    // returns that failure again and finish() removes the partial file.
    [[nodiscard]] Result<void> finish();

private:
    struct Private;
    explicit TarWriter(std::unique_ptr<Private> d);
    // Opens libarchive's pax writer over `d`'s file or device (both create()s end here).
    [[nodiscard]] static Result<TarWriter> open(std::unique_ptr<Private> d);

    std::unique_ptr<Private> d;
};

} // namespace wharf
