#pragma once
// Saves one regular file of a layer into a folder the user chose ("Save file as…" on a layer's
// file), the only place Wharf ever writes layer content to the file system. Tar names and link
// targets are untrusted (reliability §5.D D3/D4, CVE-2014-6407, CVE-2018-15664), so:
//   * the output is exactly one new file directly inside `folder`, named by the caller or after
//     the entry's base name; a name with '/', '\', NUL, "." or ".." is refused, never cleaned up;
//   * nothing is resolved through the file system: the folder is opened once and the file is
//     created relative to it with O_CREAT|O_EXCL|O_NOFOLLOW under a temporary name, so a symlink
//     planted in the folder (under any name) is never followed;
//   * links are never followed either: asking for a symbolic link, a hard link, a folder, a device
//     or a whiteout is refused (Unsupported) before anything is written — save a hard link's target
//     path instead;
//   * the whole blob is read and verified (size, digest) before the file appears: the temporary
//     file is fsynced and renamed to its name (without replacing an existing file unless
//     `overwrite`; a replaced symlink is replaced, not followed). On any failure — a bad blob, a
//     cancel, a full disk — the temporary file is removed and nothing is left behind.
// The file gets the entry's bytes and, when the entry is executable, execute permission; never
// set-id bits, owners or times.
//
// Errors: NotFound (no such entry), Unsupported (refused name or entry type), Io (the folder, the
// write, or a file of that name already there), and every error LayerArchiveReader reports.

#include "archive/LayerArchiveReader.h"

#include <QString>

#include <atomic>

namespace wharf {

class LayerFileExtractor
{
public:
    struct Request
    {
        QString path;       // the entry, as LayerEntry::path names it
        QString folder;     // an existing folder
        QString fileName;   // the name to write; empty: the entry's base name
        bool overwrite = false;
    };

    // Reads `blob` to its end on the calling thread; the path written.
    [[nodiscard]] static Result<QString> extract(LayerArchiveReader::Source &blob, const LayerArchiveReader::Expected &expected,
                                                 const Request &request, const LayerArchiveReader::Limits &limits = {},
                                                 const std::atomic<bool> *cancelled = nullptr);

    // One path component Wharf is willing to create: not empty, not "." or "..", no '/', '\' or
    // NUL, at most 255 bytes in UTF-8.
    [[nodiscard]] static bool isPlainFileName(const QString &name);
};

} // namespace wharf
