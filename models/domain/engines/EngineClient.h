#pragma once
// HTTP/1.1 to a container engine's API over its unix socket (Docker's Engine API, or Podman's
// compatible one), written by hand on a QLocalSocket: one connection per request
// (`Connection: close`), a request body either small or streamed in chunks as it is produced, and
// a response read with bounded buffers (headers ≤ 64 KiB, the body ≤ the caller's cap).
//
// Synchronous and blocking on the calling thread (the CLI, or a worker thread of EngineLoadJob):
// every wait is sliced into 100 ms steps that look at the cancel flag, so Cancelled comes back
// promptly; the connection is then aborted, which is how the engine learns a load was abandoned.
//
// Connection failures map to one line each: Denied (EACCES on the socket: which socket, which
// group owns it), EngineUnavailable (no socket, or nobody listening on it).

#include "core/Error.h"
#include "engines/EngineEndpoint.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QIODevice;

namespace wharf {

// A response whose body is read piece by piece (GET /images/{name}/get: a whole image).
class EngineResponseStream
{
public:
    EngineResponseStream() = default;
    virtual ~EngineResponseStream() = default;
    Q_DISABLE_COPY_MOVE(EngineResponseStream)
    [[nodiscard]] virtual int status() const = 0;
    // The next body bytes (at most 1 MiB); empty at the end.
    [[nodiscard]] virtual Result<QByteArray> read() = 0;
};

class EngineClient
{
public:
    struct Response
    {
        int status = 0;
        QByteArray contentType;
        QByteArray body;
    };

    static constexpr qint64 kMaxHeaderBytes = 64 * 1024;
    // How long the engine may stay silent before a request fails with Timeout (vfs unpacks large
    // layers for minutes without a byte on the wire).
    static constexpr int kIdleTimeoutMs = 10 * 60 * 1000;

    explicit EngineClient(EngineEndpoint endpoint, const std::atomic_bool *cancel = nullptr);

    [[nodiscard]] const EngineEndpoint &endpoint() const { return m_endpoint; }

    // `path` is absolute ("/images/json"); the body is read up to `maxBody` bytes (TooLarge past it).
    [[nodiscard]] Result<Response> request(const QByteArray &method, const QString &path, qint64 maxBody);
    // POST with a body produced by `writeBody` onto a device that sends it in HTTP chunks as it is
    // written (back-pressure: writes wait while the socket holds more than 1 MiB). `sent` counts
    // the body bytes handed to the socket, for progress (read from any thread).
    [[nodiscard]] Result<Response> postStreaming(const QString &path, const QByteArray &contentType,
                                                 const std::function<Result<void>(QIODevice &)> &writeBody, qint64 maxBody,
                                                 std::atomic<qint64> *sent = nullptr);

    // GET whose body the caller reads as it arrives; the stream owns the connection.
    [[nodiscard]] Result<std::unique_ptr<EngineResponseStream>> openGet(const QString &path);

private:
    const EngineEndpoint m_endpoint;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace wharf
