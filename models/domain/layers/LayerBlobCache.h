#pragma once
// Layer blobs downloaded only to be listed — by the Files pane, the Efficiency panel, Compare or
// `wharf layers` — kept under the XDG cache directory, so that pulling that image afterwards does
// not fetch them a second time (PullPlanner counts them as at hand; PullJob copies them into the
// store, where BlobIngest verifies them again like any download). A blob is kept only when its
// listing read it whole and its digest matched; the cache is bounded (the oldest blobs go first)
// and can be deleted at any time. The store itself only ever holds what was pulled.
//
// Only file-system operations, no state in memory: safe to share between threads.

#include "documents/Descriptor.h"

#include <QString>

#include <optional>

namespace wharf {

class LayerBlobCache final
{
    Q_DISABLE_COPY_MOVE(LayerBlobCache)
public:
    static constexpr qint64 kDefaultMaxBytes = qint64(2) * 1024 * 1024 * 1024;

    explicit LayerBlobCache(QString folder, qint64 maxBytes = kDefaultMaxBytes);

    // <cache root>/layers (DocumentCache::cacheRoot()); empty when there is no cache on disk.
    [[nodiscard]] static QString defaultFolder();

    // A new file name to download a blob into (in <folder>/incoming); empty when the folder
    // cannot be made.
    [[nodiscard]] QString newIncomingPath() const;
    // Moves a blob that was read whole and verified from `incoming` into place, if its size is the
    // layer's. The incoming file is gone either way.
    bool adopt(const QString &incoming, const Descriptor &layer) const;
    // Deletes the oldest blobs until the cache is within its bound. Walks the folder: not on the
    // GUI thread.
    void trim() const;
    void discard(const QString &incoming) const;

    // The file holding `layer` whole (its size checked), if the cache has it.
    [[nodiscard]] std::optional<QString> find(const Descriptor &layer) const;

    [[nodiscard]] const QString &folder() const { return m_folder; }

private:
    [[nodiscard]] QString pathOf(const Digest &digest) const;

    const QString m_folder;
    const qint64 m_maxBytes;
};

} // namespace wharf
