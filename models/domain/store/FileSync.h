#pragma once
// The durability primitives the store is built on (Linux/POSIX): flush a file's data to disk, flush
// a folder so a rename or an unlink in it survives a crash, and replace a small file atomically
// (temp file in the same folder → fsync → rename → fsync the folder), so a reader sees the old or
// the new content and never a torn one (containerd writeToCompletion; reliability §5.C C1/C2).

#include "core/Error.h"

#include <QByteArrayView>
#include <QString>

class QFileDevice;

namespace wharf::FileSync {

// fsync(2) on an open file, after flushing Qt's buffer.
[[nodiscard]] Result<void> syncFile(QFileDevice &file);
// open(O_DIRECTORY) + fsync(2): makes the folder's entries (a rename, a new or removed file) durable.
[[nodiscard]] Result<void> syncDirectory(const QString &path);
// Writes `bytes` to a temporary file beside `path`, fsyncs it, renames it over `path` and fsyncs the
// folder. The temporary file is removed on any failure.
[[nodiscard]] Result<void> replaceFile(const QString &path, QByteArrayView bytes);
// rename(2) then fsync of the destination folder.
[[nodiscard]] Result<void> renameDurably(const QString &from, const QString &to);

} // namespace wharf::FileSync
