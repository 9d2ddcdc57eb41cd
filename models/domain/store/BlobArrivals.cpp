#include "store/BlobArrivals.h"

#include <QCoreApplication>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::BlobArrivals)
};

constexpr unsigned long kSliceMs = 100;

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

void BlobArrivals::markStored(const Digest &digest, bool hashedNow)
{
    const QMutexLocker lock(&m_mutex);
    m_stored.insert(digest);
    if (hashedNow)
        m_hashedNow.insert(digest);
    m_changed.wakeAll();
}

void BlobArrivals::close(const std::optional<Error> &error)
{
    const QMutexLocker lock(&m_mutex);
    if (m_closed)
        return;
    m_closed = true;
    m_error = error;
    m_changed.wakeAll();
}

Result<bool> BlobArrivals::waitOnce(const std::atomic_bool *cancel)
{
    if (cancelled(cancel))
        return fail(Error::Code::Cancelled, Tr::tr("cancelled"));
    if (m_closed && m_error)
        return wharf::unexpected(*m_error);
    if (m_closed)
        return true;
    m_changed.wait(&m_mutex, kSliceMs);
    return false;
}

Result<qsizetype> BlobArrivals::awaitAny(const QList<Digest> &wanted, const std::atomic_bool *cancel)
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        for (qsizetype i = 0; i < wanted.size(); ++i)
            if (m_stored.contains(wanted[i]))
                return i;
        auto closed = waitOnce(cancel);
        if (!closed)
            return wharf::unexpected(closed.error());
        if (*closed)
            return 0;
    }
}

bool BlobArrivals::isStored(const Digest &digest) const
{
    const QMutexLocker lock(&m_mutex);
    return m_stored.contains(digest) || (m_closed && !m_error);
}

Result<void> BlobArrivals::awaitClosed(const std::atomic_bool *cancel)
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        auto closed = waitOnce(cancel);
        if (!closed)
            return wharf::unexpected(closed.error());
        if (*closed)
            return {};
    }
}

bool BlobArrivals::wasHashedNow(const Digest &digest) const
{
    const QMutexLocker lock(&m_mutex);
    return m_hashedNow.contains(digest);
}

} // namespace wharf
