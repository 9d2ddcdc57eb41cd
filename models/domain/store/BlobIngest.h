#pragma once
// One blob on its way into the store: bytes are written into ingest/<sha256 of the digest>/data
// while they are hashed, and commit() publishes them under blobs/<algorithm>/<hex> only after the
// size and then the digest matched — fsync, rename, fsync of the folder, read-only — so nothing
// partial or unverified ever sits under blobs/ (containerd's content writer, writer.go:79-205).
//
// The ingest survives the process: `meta` records what the partial `data` is for (digest and
// size), so the next beginIngest() for the same blob — after release(), a crash or SIGKILL —
// re-hashes the bytes already there and resumes at offset() (containerd resumeStatus). A lock file
// (ingest/<name>.lock) keeps a second writer out, in this process or another: beginIngest() then
// fails with Error::Code::Io and isRetryable() == true ("in use"; wait and try again).
//
// Movable, not copyable; one thread at a time. Destroying an active ingest is release().

#include "core/Error.h"
#include "documents/Descriptor.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace wharf {

class BlobIngest
{
public:
    BlobIngest(BlobIngest &&other) noexcept;
    BlobIngest &operator=(BlobIngest &&other) noexcept;
    BlobIngest(const BlobIngest &) = delete;
    BlobIngest &operator=(const BlobIngest &) = delete;
    ~BlobIngest();

    [[nodiscard]] const Descriptor &descriptor() const;
    // Bytes already written (and hashed): where a ranged download resumes.
    [[nodiscard]] qint64 offset() const;
    [[nodiscard]] qint64 expectedSize() const;
    // False after commit(), release() or discard() (and in a moved-from object).
    [[nodiscard]] bool isActive() const;

    // Appends and hashes. Refuses (SizeMismatch, nothing written) bytes past the expected size; Io
    // when the disk refuses them (the partial is cut back to the last good offset).
    [[nodiscard]] Result<void> write(QByteArrayView bytes);
    // Starts over at offset 0 — for a server that answered a Range request with the whole body.
    [[nodiscard]] Result<void> restart();
    // Flush and fsync, then: fewer bytes than expected → SizeMismatch, the partial kept for resume;
    // wrong digest → DigestMismatch, the partial deleted and the ingest back at offset 0 (still
    // held, so a retry can write into it). If the blob is already in the store, the ingest is just
    // dropped; otherwise it is renamed into blobs/, the folder fsynced and the file made read-only.
    [[nodiscard]] Result<void> commit();
    // Keeps the partial data and its meta for a later resume and unlocks; with nothing written,
    // the ingest's folder goes too (nothing to resume, nothing left behind).
    void release();
    // Deletes the partial data and unlocks.
    void discard();

private:
    friend class ImageStore;
    struct Private;
    explicit BlobIngest(std::unique_ptr<Private> d);
    // For ImageStore::beginIngest(): `root` is the store folder.
    [[nodiscard]] static Result<BlobIngest> begin(const QString &root, const Descriptor &descriptor);
    // Bytes a beginIngest() for `descriptor` would resume from, as far as the files say: no lock
    // is taken and nothing is hashed or opened for writing (the planner asks this for every layer).
    [[nodiscard]] static qint64 partialSize(const QString &root, const Descriptor &descriptor);
    // The folder name for a digest: sha256 hex of the digest string, so digests never become paths.
    [[nodiscard]] static QString ingestName(const Digest &digest);

    std::unique_ptr<Private> d;
};

} // namespace wharf
