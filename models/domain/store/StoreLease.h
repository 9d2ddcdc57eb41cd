#pragma once
// Keeps blobs a pull is still assembling safe from garbage collection. Between the first committed
// layer and ImageStore::addImage() nothing in index.json refers to the new blobs, so a concurrent
// `wharf gc` would see them as garbage (containerd solves the same gap with leases). A lease is a
// file under <root>/leases/ listing digests, held by a lock while its owner lives; gc treats every
// digest of a live lease as a root and deletes leases whose owner died.
//
// Use: lease = store.beginLease(); for each blob the pull needs, lease.protect(digest) *before*
// hasBlob()/beginIngest(); addImage(); then let the lease go. Movable, not copyable.

#include "core/Digest.h"
#include "core/Error.h"

#include <QList>

#include <QString>

#include <memory>

namespace wharf {

class StoreLease
{
public:
    StoreLease(StoreLease &&) noexcept;
    StoreLease &operator=(StoreLease &&) noexcept;
    StoreLease(const StoreLease &) = delete;
    StoreLease &operator=(const StoreLease &) = delete;
    ~StoreLease();

    // Records the digest under the store's index lock, so gc either sees it or has finished.
    [[nodiscard]] Result<void> protect(const Digest &digest);
    // All at once, under one lock.
    [[nodiscard]] Result<void> protect(const QList<Digest> &digests);
    [[nodiscard]] bool isActive() const;
    // Deletes the lease; its blobs are garbage again unless index.json refers to them.
    void release();

private:
    friend class ImageStore;
    struct Private;
    explicit StoreLease(std::unique_ptr<Private> d);
    [[nodiscard]] static Result<StoreLease> begin(const QString &root);

    std::unique_ptr<Private> d;
};

} // namespace wharf
