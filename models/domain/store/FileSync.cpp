#include "store/FileSync.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace wharf::FileSync {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::ImageStore)
};

QString systemError(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

} // namespace

Result<void> syncFile(QFileDevice &file)
{
    if (!file.flush())
        return fail(Error::Code::Io, Tr::tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    const int fd = file.handle();
    if (fd < 0)
        return fail(Error::Code::Io, Tr::tr("cannot sync %1: the file is not open").arg(file.fileName()));
    if (::fsync(fd) != 0)
        return fail(Error::Code::Io, Tr::tr("cannot sync %1 to disk: %2").arg(file.fileName(), systemError(errno)));
    return {};
}

Result<void> syncDirectory(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fail(Error::Code::Io, Tr::tr("cannot open folder %1: %2").arg(path, systemError(errno)));
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0)
        return fail(Error::Code::Io, Tr::tr("cannot sync folder %1 to disk: %2").arg(path, systemError(error)));
    return {};
}

Result<void> replaceFile(const QString &path, QByteArrayView bytes)
{
    const QFileInfo target(path);
    const QString folder = target.absolutePath();
    // A unique name in the same folder: rename(2) is only atomic within one file system.
    const QString temporary = QDir(folder).filePath(
        u'.' + target.fileName() + u'.' + QUuid::createUuid().toString(QUuid::Id128) + u".tmp");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(Error::Code::Io, Tr::tr("cannot create %1: %2").arg(temporary, file.errorString()));
    const auto cleanup = [&file] {
        file.close();
        file.remove();
    };
    if (file.write(bytes.data(), bytes.size()) != bytes.size()) {
        const QString message = Tr::tr("cannot write %1: %2").arg(temporary, file.errorString());
        cleanup();
        return fail(Error::Code::Io, message);
    }
    if (auto synced = syncFile(file); !synced) {
        cleanup();
        return synced;
    }
    file.close();
    if (auto renamed = renameDurably(temporary, target.absoluteFilePath()); !renamed) {
        QFile::remove(temporary);
        return renamed;
    }
    return {};
}

Result<void> renameDurably(const QString &from, const QString &to)
{
    // QFile::rename refuses to replace an existing file; rename(2) replaces it atomically, which is
    // the whole point here.
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return fail(Error::Code::Io, Tr::tr("cannot rename %1 to %2: %3").arg(from, to, systemError(errno)));
    return syncDirectory(QFileInfo(to).absolutePath());
}

} // namespace wharf::FileSync
