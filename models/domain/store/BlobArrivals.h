#pragma once
// The blobs of one image as they arrive in the store, for work that starts before the image is
// whole: a load into Docker or Podman that streams each layer while the pull still downloads the
// next (EngineLoader with Options::arrivals, EngineLoadJob following a PullHandle).
//
// The producer (the pull, on its own thread) marks each blob once the store has committed it —
// verified against its digest and size, renamed into place — and then closes the image: whole
// (every blob committed, the image in index.json) or with the reason it never will be (a failed or
// cancelled pull). The consumer (ImageExporter, on a worker thread) waits for whichever of the
// blobs it still needs is stored first, and, before the archive's last entry, for the close: an
// archive is only ever finished for an image the pull completed, so an engine never receives a
// whole image the store did not get. Thread-safe; waits are sliced (100 ms) to watch a cancel flag.

#include "core/Digest.h"
#include "core/Error.h"

#include <QList>
#include <QMutex>
#include <QSet>
#include <QWaitCondition>

#include <atomic>
#include <optional>

namespace wharf {

class BlobArrivals
{
public:
    BlobArrivals() = default;
    Q_DISABLE_COPY_MOVE(BlobArrivals)

    // Producer. `hashedNow`: this producer hashed the bytes as it stored them (a download, a copy
    // it verified), so a consumer need not hash them again; false for a blob that was already in
    // the store.
    void markStored(const Digest &digest, bool hashedNow);
    // Producer: no more blobs. nullopt: the image is whole. Only the first close counts.
    void close(const std::optional<Error> &error);

    // Consumer: blocks until one of `wanted` is stored, and returns its index (the lowest when
    // several are); after a successful close, 0 (whatever is missing then is missing from the
    // store). Errors: the producer's (a failed pull, Cancelled), Cancelled when `cancel` is set.
    [[nodiscard]] Result<qsizetype> awaitAny(const QList<Digest> &wanted, const std::atomic_bool *cancel);
    // Consumer: blocks until the producer closes; the producer's error, or Cancelled.
    [[nodiscard]] Result<void> awaitClosed(const std::atomic_bool *cancel);

    // Consumer, without waiting: the blob is in the store (marked, or the image closed whole).
    [[nodiscard]] bool isStored(const Digest &digest) const;

    // Whether the producer hashed this blob as it stored it (markStored's `hashedNow`).
    [[nodiscard]] bool wasHashedNow(const Digest &digest) const;

private:
    [[nodiscard]] Result<bool> waitOnce(const std::atomic_bool *cancel); // under m_mutex

    mutable QMutex m_mutex;
    QWaitCondition m_changed;
    QSet<Digest> m_stored;
    QSet<Digest> m_hashedNow;
    bool m_closed = false;
    std::optional<Error> m_error;
};

} // namespace wharf
