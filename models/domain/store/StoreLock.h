#pragma once
// A cross-process lock on one file (QLockFile), held for a scope. The store takes <root>/index.lock
// around every read-modify-write of index.json and around garbage collection, so a GUI and a CLI
// working on one store at the same time serialise instead of losing each other's updates.
// A lock left by a dead process (SIGKILL, power loss) is detected by its pid and taken over.

#include "core/Error.h"

#include <QString>

#include <chrono>
#include <memory>

class QLockFile;

namespace wharf {

class StoreLock
{
public:
    StoreLock(StoreLock &&) noexcept;
    StoreLock &operator=(StoreLock &&) noexcept;
    ~StoreLock();

    // Waits up to `timeout`; Io with isRetryable() when another live process still holds it.
    [[nodiscard]] static Result<StoreLock> acquire(const QString &path,
                                                   std::chrono::milliseconds timeout = std::chrono::seconds(60));

    // QLockFile::tryLock, plus recovery of a lock left behind by an earlier process that had this
    // process's pid (containers and Flatpak sandboxes reuse small pids): QLockFile takes such a lock
    // for one of our own and would wait forever. It is removed only when no open file holds its
    // flock, so a lock held by another thread of this process is still respected.
    [[nodiscard]] static bool tryLock(QLockFile &lock, std::chrono::milliseconds timeout);

private:
    explicit StoreLock(std::unique_ptr<QLockFile> lock);
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace wharf
