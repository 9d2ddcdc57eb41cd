#include "archive/TarWriter.h"

#include "store/FileSync.h"

#include <QCoreApplication>
#include <QFile>
#include <QIODevice>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <optional>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::TarWriter)
};

constexpr int kFileMode = 0644;
constexpr int kDirectoryMode = 0755;

// Names come from digests and fixed words only, but the writer checks anyway: an archive Wharf
// writes must never carry an entry that escapes the folder it is extracted into (jib#4522).
bool isSafeName(QStringView name)
{
    if (name.isEmpty() || name.size() > 1024 || name.startsWith(u'/'))
        return false;
    for (const QChar c : name)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e || c == u'\\')
            return false;
    const QStringView trimmed = name.endsWith(u'/') ? name.chopped(1) : name;
    for (const QStringView part : trimmed.tokenize(u'/'))
        if (part.isEmpty() || part == u"." || part == u"..")
            return false;
    return true;
}

} // namespace

struct TarWriter::Private
{
    QString path;
    QFile file;
    QIODevice *device = &file; // the file, or the caller's stream (createOnDevice)
    bool ownsFile = true;
    qint64 mtime = 0;
    struct archive *archive = nullptr;
    qint64 written = 0;
    // The open regular file: how many bytes it still expects.
    std::optional<qint64> remaining;
    std::optional<Error> failure;
    bool finished = false;
    bool discarding = false; // being destroyed: what libarchive still writes goes nowhere

    ~Private()
    {
        if (archive) {
            // The file is thrown away: nothing more reaches it (discarding), and no entry is padded
            // out (a failed archive skips that). The close still matters: libarchive 3.6 frees the
            // output buffer only there, and free() skips close on a failed archive (a leak LSan saw).
            discarding = true;
            archive_write_fail(archive);
            archive_write_close(archive);
            archive_write_free(archive);
        }
        if (!finished && ownsFile) {
            file.close();
            QFile::remove(file.fileName());
        }
    }

    static la_ssize_t writeCallback(struct archive *archive, void *client, const void *buffer, size_t length)
    {
        auto *self = static_cast<Private *>(client);
        if (self->discarding)
            return la_ssize_t(length);
        const qint64 n = self->device->write(static_cast<const char *>(buffer), qint64(length));
        if (n != qint64(length)) {
            archive_set_error(archive, EIO, "%s", self->device->errorString().toLocal8Bit().constData());
            return -1;
        }
        self->written += n;
        return la_ssize_t(n);
    }

    Result<void> check() const
    {
        if (failure)
            return wharf::unexpected(*failure);
        if (finished)
            return fail(Error::Code::Io, Tr::tr("the archive %1 is already complete").arg(path));
        return {};
    }

    wharf::unexpected<Error> failWith(Error error)
    {
        failure = error;
        return wharf::unexpected(std::move(error));
    }

    wharf::unexpected<Error> libarchiveFailure(const QString &what)
    {
        const char *message = archive_error_string(archive);
        return failWith(Error(Error::Code::Io, Tr::tr("cannot write %1 to %2: %3")
                                                   .arg(what, path, message ? QString::fromLocal8Bit(message) : device->errorString())));
    }

    Result<void> writeHeader(const QString &name, int type, int mode, qint64 size)
    {
        if (auto ok = check(); !ok)
            return ok;
        if (remaining)
            return failWith(Error(Error::Code::Io, Tr::tr("%1: the previous entry is not complete").arg(path)));
        if (!isSafeName(name))
            return failWith(Error(Error::Code::Unsupported, Tr::tr("“%1” is not a safe name for an archive entry").arg(name.left(200))));
        struct archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname_utf8(entry, name.toUtf8().constData());
        archive_entry_set_filetype(entry, unsigned(type));
        archive_entry_set_perm(entry, mode_t(mode));
        archive_entry_set_size(entry, size);
        archive_entry_set_mtime(entry, mtime, 0);
        archive_entry_set_uid(entry, 0);
        archive_entry_set_gid(entry, 0);
        const int rc = archive_write_header(archive, entry);
        archive_entry_free(entry);
        if (rc != ARCHIVE_OK)
            return libarchiveFailure(name);
        if (type == AE_IFREG)
            remaining = size;
        return {};
    }
};

TarWriter::TarWriter(std::unique_ptr<Private> d) : d(std::move(d)) {}
TarWriter::TarWriter(TarWriter &&other) noexcept = default;
TarWriter &TarWriter::operator=(TarWriter &&other) noexcept = default;
TarWriter::~TarWriter() = default;

Result<TarWriter> TarWriter::create(const QString &path, qint64 mtime)
{
    auto d = std::make_unique<Private>();
    d->path = path;
    d->mtime = std::max<qint64>(0, mtime);
    d->file.setFileName(path + QStringLiteral(".partial"));
    if (!d->file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        d->finished = true; // nothing of ours to remove
        return fail(Error::Code::Io, Tr::tr("cannot create %1: %2").arg(d->file.fileName(), d->file.errorString()));
    }
    return open(std::move(d));
}

Result<TarWriter> TarWriter::open(std::unique_ptr<Private> d)
{
    // A file gets blocks of 10 KiB (libarchive's default) as they fill; a device every piece at once.
    d->archive = archive_write_new();
    if (!d->archive || archive_write_set_format_pax_restricted(d->archive) != ARCHIVE_OK
        || archive_write_add_filter_none(d->archive) != ARCHIVE_OK
        || (!d->ownsFile && archive_write_set_bytes_per_block(d->archive, 0) != ARCHIVE_OK)
        || archive_write_open(d->archive, d.get(), nullptr, &Private::writeCallback, nullptr) != ARCHIVE_OK)
        return wharf::unexpected(d->libarchiveFailure(Tr::tr("the archive header")).error());
    return TarWriter(std::move(d));
}

Result<TarWriter> TarWriter::createOnDevice(QIODevice &device, const QString &name, qint64 mtime)
{
    auto d = std::make_unique<Private>();
    d->path = name;
    d->mtime = std::max<qint64>(0, mtime);
    d->device = &device;
    d->ownsFile = false;
    return open(std::move(d));
}

QString TarWriter::path() const
{
    return d->path;
}

qint64 TarWriter::bytesWritten() const
{
    return d->written;
}

Result<void> TarWriter::addDirectory(const QString &name)
{
    return d->writeHeader(name.endsWith(u'/') ? name : name + u'/', AE_IFDIR, kDirectoryMode, 0);
}

Result<void> TarWriter::addFile(const QString &name, QByteArrayView bytes)
{
    if (auto header = beginFile(name, bytes.size()); !header)
        return header;
    if (auto data = writeData(bytes); !data)
        return data;
    return endFile();
}

Result<void> TarWriter::addFileFromDevice(const QString &name, QIODevice &source, qint64 size)
{
    if (auto header = beginFile(name, size); !header)
        return header;
    qint64 left = size;
    while (left > 0) {
        const QByteArray chunk = source.read(std::min(left, kChunkSize));
        if (chunk.isEmpty())
            break;
        if (auto data = writeData(chunk); !data)
            return data;
        left -= chunk.size();
    }
    return endFile();
}

Result<void> TarWriter::beginFile(const QString &name, qint64 size)
{
    if (size < 0)
        return d->failWith(Error(Error::Code::SizeMismatch, Tr::tr("%1: negative size for %2").arg(d->path, name.left(200))));
    return d->writeHeader(name, AE_IFREG, kFileMode, size);
}

Result<void> TarWriter::writeData(QByteArrayView bytes)
{
    if (auto ok = d->check(); !ok)
        return ok;
    if (!d->remaining)
        return d->failWith(Error(Error::Code::Io, Tr::tr("%1: data written outside of a file entry").arg(d->path)));
    if (bytes.size() > *d->remaining)
        return d->failWith(Error(Error::Code::SizeMismatch, Tr::tr("%1: more bytes than the entry's size").arg(d->path)));
    const char *data = bytes.data();
    qint64 left = bytes.size();
    while (left > 0) {
        const la_ssize_t n = archive_write_data(d->archive, data, size_t(left));
        if (n <= 0)
            return d->libarchiveFailure(Tr::tr("an entry"));
        data += n;
        left -= n;
    }
    *d->remaining -= bytes.size();
    return {};
}

Result<void> TarWriter::endFile()
{
    if (auto ok = d->check(); !ok)
        return ok;
    if (!d->remaining)
        return d->failWith(Error(Error::Code::Io, Tr::tr("%1: no file entry is open").arg(d->path)));
    if (*d->remaining != 0)
        return d->failWith(Error(Error::Code::SizeMismatch, Tr::tr("%1: an entry ended %2 bytes short").arg(d->path).arg(*d->remaining)));
    d->remaining.reset();
    if (archive_write_finish_entry(d->archive) != ARCHIVE_OK)
        return d->libarchiveFailure(Tr::tr("an entry"));
    return {};
}

Result<void> TarWriter::finish()
{
    if (auto ok = d->check(); !ok)
        return ok;
    if (d->remaining)
        return d->failWith(Error(Error::Code::SizeMismatch, Tr::tr("%1: the last entry is not complete").arg(d->path)));
    if (archive_write_close(d->archive) != ARCHIVE_OK)
        return d->libarchiveFailure(Tr::tr("the end of the archive"));
    archive_write_free(d->archive);
    d->archive = nullptr;
    if (!d->ownsFile) {
        d->finished = true;
        return {};
    }
    if (auto synced = FileSync::syncFile(d->file); !synced)
        return d->failWith(synced.error());
    d->file.close();
    if (auto renamed = FileSync::renameDurably(d->file.fileName(), d->path); !renamed)
        return d->failWith(renamed.error());
    d->finished = true;
    return {};
}

} // namespace wharf
