#include "archive/LayerDecompressor.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <limits>
#include <optional>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::LayerDecompressor)
};

qint64 saturatingMultiply(qint64 a, qint64 b)
{
    if (a <= 0 || b <= 0)
        return 0;
    return a > std::numeric_limits<qint64>::max() / b ? std::numeric_limits<qint64>::max() : a * b;
}

} // namespace

qint64 LayerDecompressor::Limits::capFor(qint64 compressedSize) const
{
    return std::min(maxBytes, std::max(ratioFloor, saturatingMultiply(maxRatio, compressedSize)));
}

struct LayerDecompressor::Private
{
    QIODevice *source = nullptr;
    Expected expected;
    struct archive *archive = nullptr;
    QByteArray input;
    QByteArray output;
    // How much of the source may still be read: one byte past the expected size, so that a longer
    // blob shows up as a size mismatch instead of passing on its first `size` bytes.
    qint64 budget = std::numeric_limits<qint64>::max();
    qint64 cap = 0;
    DigestVerifier compressed;
    DigestVerifier uncompressed;
    std::optional<Error> sourceFailure;
    Compression compression = Compression::None;
    bool atEnd = false;

    Private(QIODevice &device, const Expected &what)
        : source(&device), expected(what), compressed(what.compressed, what.compressedSize), uncompressed(what.diffId)
    {
    }

    ~Private()
    {
        if (archive)
            archive_read_free(archive);
    }

    static la_ssize_t readCallback(struct archive *archive, void *client, const void **buffer)
    {
        auto *self = static_cast<Private *>(client);
        const qint64 want = std::min<qint64>(kChunkSize, self->budget);
        if (want <= 0)
            return 0;
        if (self->input.size() < want)
            self->input.resize(want);
        const qint64 n = self->source->read(self->input.data(), want);
        if (n < 0) {
            self->sourceFailure = Error(Error::Code::Io, Tr::tr("cannot read the layer: %1").arg(self->source->errorString()));
            archive_set_error(archive, EIO, "read error");
            return -1;
        }
        self->budget -= n;
        self->compressed.addData(QByteArrayView(self->input.constData(), n));
        *buffer = self->input.constData();
        return la_ssize_t(n);
    }

    Error decodeFailure() const
    {
        if (sourceFailure)
            return *sourceFailure;
        const char *message = archive_error_string(archive);
        return Error(Error::Code::MalformedDocument, Tr::tr("the layer is not a valid gzip, zstd or tar stream: %1")
                                                         .arg(message ? QString::fromLocal8Bit(message) : Tr::tr("unknown error")));
    }

    // What libarchive did not read (trailing bytes after the compressed stream) still belongs to the blob.
    Result<void> drainSource()
    {
        while (budget > 0) {
            const qint64 want = std::min<qint64>(kChunkSize, budget);
            if (input.size() < want)
                input.resize(want);
            const qint64 n = source->read(input.data(), want);
            if (n < 0)
                return fail(Error::Code::Io, Tr::tr("cannot read the layer: %1").arg(source->errorString()));
            if (n == 0)
                break;
            budget -= n;
            compressed.addData(QByteArrayView(input.constData(), n));
        }
        return {};
    }
};

LayerDecompressor::LayerDecompressor(std::unique_ptr<Private> d) : d(std::move(d)) {}
LayerDecompressor::LayerDecompressor(LayerDecompressor &&other) noexcept = default;
LayerDecompressor &LayerDecompressor::operator=(LayerDecompressor &&other) noexcept = default;
LayerDecompressor::~LayerDecompressor() = default;

Result<LayerDecompressor> LayerDecompressor::open(QIODevice &source, const Expected &expected)
{
    return open(source, expected, Limits());
}

Result<LayerDecompressor> LayerDecompressor::open(QIODevice &source, const Expected &expected, const Limits &limits)
{
    auto d = std::make_unique<Private>(source, expected);
    qint64 compressedSize = expected.compressedSize;
    if (compressedSize >= 0)
        d->budget = compressedSize == std::numeric_limits<qint64>::max() ? compressedSize : compressedSize + 1;
    else if (!source.isSequential())
        compressedSize = source.size() - source.pos();
    d->cap = compressedSize >= 0 ? limits.capFor(compressedSize) : limits.maxBytes;

    d->archive = archive_read_new();
    if (!d->archive)
        return fail(Error::Code::Io, Tr::tr("cannot start decompressing the layer"));
    // ARCHIVE_WARN means libarchive was built without zlib or libzstd and would run an external
    // program instead: Wharf never does that with untrusted data.
    if (archive_read_support_filter_gzip(d->archive) != ARCHIVE_OK || archive_read_support_filter_zstd(d->archive) != ARCHIVE_OK)
        return fail(Error::Code::Unsupported, Tr::tr("this libarchive cannot decompress gzip and zstd by itself"));
    if (archive_read_support_format_raw(d->archive) != ARCHIVE_OK)
        return fail(Error::Code::Unsupported, Tr::tr("this libarchive cannot read raw streams"));
    if (archive_read_open(d->archive, d.get(), nullptr, &Private::readCallback, nullptr) != ARCHIVE_OK)
        return wharf::unexpected(d->decodeFailure());
    struct archive_entry *entry = nullptr;
    const int rc = archive_read_next_header(d->archive, &entry);
    if (rc == ARCHIVE_EOF) {
        // An empty blob: not a tar, but verify() tells the caller what it does not match.
        d->atEnd = true;
    } else if (rc != ARCHIVE_OK) {
        return wharf::unexpected(d->decodeFailure());
    }
    switch (archive_filter_code(d->archive, 0)) {
    case ARCHIVE_FILTER_GZIP:
        d->compression = Compression::Gzip;
        break;
    case ARCHIVE_FILTER_ZSTD:
        d->compression = Compression::Zstd;
        break;
    default:
        d->compression = Compression::None;
        break;
    }
    if (d->atEnd)
        if (auto drained = d->drainSource(); !drained)
            return wharf::unexpected(drained.error());
    return LayerDecompressor(std::move(d));
}

Result<QByteArrayView> LayerDecompressor::read()
{
    if (d->atEnd)
        return QByteArrayView();
    if (d->output.size() < kChunkSize)
        d->output.resize(kChunkSize);
    const la_ssize_t n = archive_read_data(d->archive, d->output.data(), size_t(d->output.size()));
    if (n < 0)
        return wharf::unexpected(d->decodeFailure());
    if (n == 0) {
        d->atEnd = true;
        if (auto drained = d->drainSource(); !drained)
            return wharf::unexpected(drained.error());
        return QByteArrayView();
    }
    if (d->uncompressed.bytesSeen() + n > d->cap)
        return fail(Error::Code::TooLarge, Tr::tr("the layer expands to more than %1 bytes; Wharf stops there (a decompression bomb?)")
                                               .arg(d->cap));
    const QByteArrayView chunk(d->output.constData(), qsizetype(n));
    d->uncompressed.addData(chunk);
    return chunk;
}

Result<void> LayerDecompressor::skipToEnd()
{
    while (!d->atEnd)
        if (auto chunk = read(); !chunk)
            return wharf::unexpected(chunk.error());
    return {};
}

bool LayerDecompressor::atEnd() const
{
    return d->atEnd;
}

LayerDecompressor::Compression LayerDecompressor::compression() const
{
    return d->compression;
}

qint64 LayerDecompressor::uncompressedSize() const
{
    return d->uncompressed.bytesSeen();
}

qint64 LayerDecompressor::compressedSize() const
{
    return d->compressed.bytesSeen();
}

Digest LayerDecompressor::diffId() const
{
    return d->atEnd ? d->uncompressed.computed() : Digest();
}

Digest LayerDecompressor::compressedDigest() const
{
    return d->atEnd ? d->compressed.computed() : Digest();
}

Result<void> LayerDecompressor::verify() const
{
    if (!d->atEnd)
        return fail(Error::Code::SizeMismatch, Tr::tr("the layer has not been read to its end"));
    if (d->expected.compressed.isValid())
        if (auto blob = d->compressed.verify(); !blob)
            return blob;
    if (d->expected.diffId.isValid()) {
        const Digest got = d->uncompressed.computed();
        if (got != d->expected.diffId)
            return fail(Error::Code::DigestMismatch, Tr::tr("the uncompressed layer is %1, but the config's diff_id says %2")
                                                         .arg(got.toString(), d->expected.diffId.toString()));
    }
    return {};
}

} // namespace wharf
