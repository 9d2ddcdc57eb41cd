#pragma once
// Hands a blob's bytes from the thread that downloads it to the thread that reads it, with a bound
// on what waits in between: write() blocks while `capacity` bytes are unread, so a registry faster
// than libarchive is held back by TCP flow control instead of filling memory. Either side may stop
// the other: the writer with closeWrite() (the end, or why there is no more), the reader — or
// whoever owns both — with cancel(), which makes every blocked or later call return at once.
//
// Thread-safe. The reading side is a LayerArchiveReader::Source, for one reading thread.

#include "archive/LayerArchiveReader.h"

#include <QByteArray>
#include <QQueue>

#include <condition_variable>
#include <mutex>
#include <optional>

namespace wharf {

class LayerBlobPipe final : public LayerArchiveReader::Source
{
public:
    static constexpr qint64 kDefaultCapacity = 8 * 1024 * 1024;

    explicit LayerBlobPipe(qint64 capacity = kDefaultCapacity);

    // Writer. Copies `bytes` in, waiting while the pipe is full; false once the pipe was cancelled
    // or closed.
    [[nodiscard]] bool write(QByteArrayView bytes);
    // Writer. No more bytes: the reader gets the end, or `error` once it has read what came before.
    void closeWrite(const std::optional<Error> &error = std::nullopt);
    // Writer. Blocks until the reader has asked for bytes for the first time (so that nothing is
    // downloaded before anyone reads it); false when cancelled first.
    [[nodiscard]] bool waitForReader();

    // Either side, or their owner: both ends stop now; the reader gets `reason`.
    void cancel(const Error &reason);

    // Reader: the next bytes, waiting for them.
    [[nodiscard]] Result<QByteArrayView> read() override;

    [[nodiscard]] qint64 capacity() const { return m_capacity; }
    // The most bytes that ever waited unread (for tests of the bound).
    [[nodiscard]] qint64 peakQueued() const;

private:
    const qint64 m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    QQueue<QByteArray> m_queue;
    qint64 m_queued = 0;
    qint64 m_peak = 0;
    bool m_writeClosed = false;
    bool m_readerStarted = false;
    std::optional<Error> m_writeError; // after the queued bytes
    std::optional<Error> m_cancelled;  // at once
    QByteArray m_current;              // what the reader's last view points into
    QByteArray m_previous;             // and the one before (LayerArchiveReader::Source's promise)
};

} // namespace wharf
