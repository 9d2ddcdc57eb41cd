#include "layers/LayerBlobPipe.h"

#include <algorithm>

namespace wharf {

LayerBlobPipe::LayerBlobPipe(qint64 capacity) : m_capacity(std::max<qint64>(1, capacity)) {}

bool LayerBlobPipe::write(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return true;
    std::unique_lock lock(m_mutex);
    // A write larger than the capacity still goes in whole, once the pipe is empty.
    m_changed.wait(lock, [&] { return m_cancelled || m_writeClosed || m_queued == 0 || m_queued + bytes.size() <= m_capacity; });
    if (m_cancelled || m_writeClosed)
        return false;
    m_queue.enqueue(bytes.toByteArray());
    m_queued += bytes.size();
    m_peak = std::max(m_peak, m_queued);
    lock.unlock();
    m_changed.notify_all();
    return true;
}

void LayerBlobPipe::closeWrite(const std::optional<Error> &error)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_writeClosed)
            return;
        m_writeClosed = true;
        m_writeError = error;
    }
    m_changed.notify_all();
}

bool LayerBlobPipe::waitForReader()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_cancelled || m_readerStarted; });
    return !m_cancelled;
}

void LayerBlobPipe::cancel(const Error &reason)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_cancelled)
            m_cancelled = reason;
        m_queue.clear();
        m_queued = 0;
    }
    m_changed.notify_all();
}

Result<QByteArrayView> LayerBlobPipe::read()
{
    std::unique_lock lock(m_mutex);
    m_previous = std::exchange(m_current, QByteArray());
    if (!m_readerStarted) {
        m_readerStarted = true;
        m_changed.notify_all();
    }
    m_changed.wait(lock, [&] { return m_cancelled || !m_queue.isEmpty() || m_writeClosed; });
    if (m_cancelled)
        return wharf::unexpected(*m_cancelled);
    if (m_queue.isEmpty()) {
        if (m_writeError)
            return wharf::unexpected(*m_writeError);
        return QByteArrayView();
    }
    m_current = m_queue.dequeue();
    m_queued -= m_current.size();
    lock.unlock();
    m_changed.notify_all();
    return QByteArrayView(m_current);
}

qint64 LayerBlobPipe::peakQueued() const
{
    const std::lock_guard lock(m_mutex);
    return m_peak;
}

} // namespace wharf
