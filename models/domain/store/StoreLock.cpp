#include "store/StoreLock.h"

#include <QCoreApplication>
#include <QLockFile>

namespace wharf {

StoreLock::StoreLock(std::unique_ptr<QLockFile> lock) : m_lock(std::move(lock)) {}
StoreLock::StoreLock(StoreLock &&) noexcept = default;
StoreLock &StoreLock::operator=(StoreLock &&) noexcept = default;
StoreLock::~StoreLock() = default; // QLockFile unlocks on destruction

Result<StoreLock> StoreLock::acquire(const QString &path, std::chrono::milliseconds timeout)
{
    auto lock = std::make_unique<QLockFile>(path);
    // Stale only when its owner is dead: age alone says nothing about a slow but live process.
    lock->setStaleLockTime(0);
    if (tryLock(*lock, timeout))
        return StoreLock(std::move(lock));
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, app;
        lock->getLockInfo(&pid, &host, &app);
        return fail(Error::Code::Io,
                    QCoreApplication::translate("wharf::ImageStore", "the store is busy: %1 (pid %2) holds %3")
                        .arg(app).arg(pid).arg(path),
                    /*retryable=*/true);
    }
    return fail(Error::Code::Io, QCoreApplication::translate("wharf::ImageStore", "cannot create the lock file %1").arg(path));
}

bool StoreLock::tryLock(QLockFile &lock, std::chrono::milliseconds timeout)
{
    if (lock.tryLock(0))
        return true;
    qint64 pid = 0;
    QString host, app;
    if (lock.error() == QLockFile::LockFailedError && lock.getLockInfo(&pid, &host, &app)
        && pid == QCoreApplication::applicationPid() && lock.removeStaleLockFile() && lock.tryLock(0))
        return true;
    return timeout.count() > 0 && lock.tryLock(timeout);
}

} // namespace wharf
