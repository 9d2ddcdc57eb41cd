#include "archive/LayerFileExtractor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wharf {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::LayerFileExtractor)
};

constexpr int kNameMax = 255;
constexpr int kTemporaryNameAttempts = 16;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

class FileDescriptor
{
public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() { reset(); }
    Q_DISABLE_COPY_MOVE(FileDescriptor)

    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] bool isValid() const { return m_fd >= 0; }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }
    // close() can report a failed write-back (NFS): keep it.
    bool close()
    {
        const int fd = std::exchange(m_fd, -1);
        return fd < 0 || ::close(fd) == 0;
    }

private:
    int m_fd = -1;
};

// A file created under a fresh name inside the folder, removed again unless it was renamed.
class TemporaryFile
{
public:
    explicit TemporaryFile(int folder) : m_folder(folder) {}
    ~TemporaryFile()
    {
        m_fd.reset();
        if (!m_name.isEmpty())
            ::unlinkat(m_folder, m_name.constData(), 0);
    }
    Q_DISABLE_COPY_MOVE(TemporaryFile)

    Result<void> create(mode_t mode)
    {
        for (int attempt = 0; attempt < kTemporaryNameAttempts; ++attempt) {
            const QByteArray name = ".wharf-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + ".partial";
            // O_EXCL|O_NOFOLLOW: never an existing file, never through a symlink of that name.
            const int fd = ::openat(m_folder, name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
            if (fd >= 0) {
                m_fd.reset(fd);
                m_name = name;
                return {};
            }
            if (errno != EEXIST)
                return fail(Error::Code::Io, Tr::tr("cannot create a file in the folder: %1").arg(errnoText(errno)));
        }
        return fail(Error::Code::Io, Tr::tr("cannot create a file in the folder: %1").arg(errnoText(EEXIST)));
    }

    [[nodiscard]] bool isOpen() const { return m_fd.isValid(); }

    Result<void> truncate()
    {
        if (::ftruncate(m_fd.get(), 0) != 0 || ::lseek(m_fd.get(), 0, SEEK_SET) != 0)
            return fail(Error::Code::Io, Tr::tr("cannot write the file: %1").arg(errnoText(errno)));
        return {};
    }

    Result<void> write(QByteArrayView bytes)
    {
        while (!bytes.isEmpty()) {
            const ssize_t n = ::write(m_fd.get(), bytes.data(), size_t(bytes.size()));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return fail(Error::Code::Io, Tr::tr("cannot write the file: %1").arg(errnoText(n < 0 ? errno : EIO)));
            bytes = bytes.sliced(n);
        }
        return {};
    }

    // fsync, close, and rename to `name` (replacing what is there only when `overwrite`).
    Result<void> commit(const QByteArray &name, bool overwrite)
    {
        if (::fsync(m_fd.get()) != 0 || !m_fd.close())
            return fail(Error::Code::Io, Tr::tr("cannot write the file: %1").arg(errnoText(errno)));
        int rc = ::renameat2(m_folder, m_name.constData(), m_folder, name.constData(), overwrite ? 0 : RENAME_NOREPLACE);
        if (rc != 0 && !overwrite && (errno == EINVAL || errno == ENOSYS)) {
            // A file system without RENAME_NOREPLACE: link() refuses an existing name just as well.
            rc = ::linkat(m_folder, m_name.constData(), m_folder, name.constData(), 0);
            if (rc == 0)
                ::unlinkat(m_folder, m_name.constData(), 0);
        }
        if (rc != 0) {
            if (errno == EEXIST)
                return fail(Error::Code::Io, Tr::tr("a file named %1 is already in the folder").arg(QFile::decodeName(name)));
            return fail(Error::Code::Io, Tr::tr("cannot save the file: %1").arg(errnoText(errno)));
        }
        m_name.clear();
        ::fsync(m_folder); // the new name survives a crash; the file is complete either way
        return {};
    }

private:
    int m_folder;
    FileDescriptor m_fd;
    QByteArray m_name;
};

QString refusal(const LayerEntry &entry)
{
    switch (entry.type) {
    case LayerEntry::Type::Symlink:
        return Tr::tr("%1 is a symbolic link to %2; Wharf saves only regular files").arg(entry.path, entry.linkTarget);
    case LayerEntry::Type::Hardlink:
        return Tr::tr("%1 is a hard link to %2; save %2 instead").arg(entry.path, entry.linkTarget);
    case LayerEntry::Type::Directory:
        return Tr::tr("%1 is a folder; Wharf saves one regular file at a time").arg(entry.path);
    case LayerEntry::Type::Whiteout:
    case LayerEntry::Type::OpaqueDirectory:
        return Tr::tr("this layer deletes %1; it holds no file to save there").arg(entry.path);
    default:
        return Tr::tr("%1 is a device or a pipe, not a regular file").arg(entry.path);
    }
}

} // namespace

bool LayerFileExtractor::isPlainFileName(const QString &name)
{
    if (name.isEmpty() || name == u"." || name == u"..")
        return false;
    for (const QChar c : name)
        if (c == u'/' || c == u'\\' || c.unicode() == 0)
            return false;
    return QFile::encodeName(name).size() <= kNameMax;
}

Result<QString> LayerFileExtractor::extract(LayerArchiveReader::Source &blob, const LayerArchiveReader::Expected &expected,
                                            const Request &request, const LayerArchiveReader::Limits &limits,
                                            const std::atomic<bool> *cancelled)
{
    const QString fileName = request.fileName.isEmpty() ? request.path.sliced(request.path.lastIndexOf(u'/') + 1) : request.fileName;
    if (!isPlainFileName(fileName))
        return fail(Error::Code::Unsupported, Tr::tr("\"%1\" is not a plain file name; Wharf writes only directly into the chosen folder")
                                                  .arg(fileName));
    const QByteArray name = QFile::encodeName(fileName);
    // The folder the user chose is taken as it is (it may well be a symlink, like ~/Downloads);
    // everything below it is created relative to this descriptor.
    FileDescriptor folder(::open(QFile::encodeName(request.folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!folder.isValid())
        return fail(Error::Code::Io, Tr::tr("cannot open the folder %1: %2").arg(request.folder, errnoText(errno)));
    struct stat existing {};
    if (!request.overwrite && ::fstatat(folder.get(), name.constData(), &existing, AT_SYMLINK_NOFOLLOW) == 0)
        return fail(Error::Code::Io, Tr::tr("a file named %1 is already in the folder").arg(fileName));

    LayerArchiveReader reader(blob, expected, limits);
    reader.setCancelFlag(cancelled);
    TemporaryFile output(folder.get());
    bool found = false;
    for (;;) {
        auto next = reader.next();
        if (!next)
            return wharf::unexpected(next.error());
        if (!*next)
            break;
        const LayerEntry &entry = **next;
        if (entry.path != request.path)
            continue;
        if (entry.type != LayerEntry::Type::File)
            return fail(Error::Code::Unsupported, refusal(entry));
        // A later entry of the same path replaces an earlier one, as on extraction.
        found = true;
        if (!output.isOpen()) {
            if (auto created = output.create((entry.mode & 0111) ? 0777 : 0666); !created)
                return wharf::unexpected(created.error());
        } else if (auto truncated = output.truncate(); !truncated) {
            return wharf::unexpected(truncated.error());
        }
        for (;;) {
            auto bytes = reader.readData();
            if (!bytes)
                return wharf::unexpected(bytes.error());
            if (bytes->isEmpty())
                break;
            if (auto written = output.write(*bytes); !written)
                return wharf::unexpected(written.error());
        }
    }
    if (!found)
        return fail(Error::Code::NotFound, Tr::tr("the layer has no file %1").arg(request.path));
    if (auto committed = output.commit(name, request.overwrite); !committed)
        return wharf::unexpected(committed.error());
    return QDir(request.folder).filePath(fileName);
}

} // namespace wharf
