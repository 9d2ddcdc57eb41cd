#pragma once
// One entry of a layer's tar, as Wharf understands it: the untrusted header turned into a
// normalised relative path, a type, and the OCI whiteout conventions made explicit
// (image-spec layer.md "Whiteouts"): a `.wh.NAME` entry becomes a Whiteout of NAME, a
// `.wh..wh..opq` entry an OpaqueDirectory of its folder. Never a plain file called ".wh.*".
//
// A LayerListing is everything read from one layer: its entries in tar order, and whether the
// read got to the end. A listing cut short (corrupt compression, a cap, a cancel) keeps the
// entries read so far, says incomplete, and carries the error.

#include "core/Digest.h"
#include "core/Error.h"

#include <QList>
#include <QString>

#include <optional>

namespace wharf {

struct LayerEntry
{
    enum class Type : quint8 {
        File,
        Directory,
        Symlink,
        Hardlink,
        CharDevice,
        BlockDevice,
        Fifo,
        Whiteout,        // `path` is the name this layer deletes
        OpaqueDirectory, // `path` is the folder whose lower-layer contents this layer hides
    };

    QString path;       // relative, '/'-separated, no "." / ".." / empty components, no trailing '/'
                        // (empty only for an OpaqueDirectory of the root: "./.wh..wh..opq")
    Type type = Type::File;
    qint64 size = 0;    // file bytes (0 for everything but File)
    quint32 mode = 0;   // permission and set-id bits (07777)
    qint64 uid = 0;
    qint64 gid = 0;
    qint64 mtime = 0;   // seconds since the epoch
    QString linkTarget; // Symlink: the text as stored; Hardlink: a normalised path in the image

    [[nodiscard]] bool isDeletion() const { return type == Type::Whiteout || type == Type::OpaqueDirectory; }
};

struct LayerListing
{
    Digest layer;                // the blob's digest
    QList<LayerEntry> entries;   // in tar order
    qint64 compressedSize = 0;   // blob bytes read
    qint64 uncompressedSize = 0; // tar bytes read
    bool complete = false;       // the whole tar was read and the blob verified
    std::optional<Error> error;  // why it is incomplete
};

} // namespace wharf
