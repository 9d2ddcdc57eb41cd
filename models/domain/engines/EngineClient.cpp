#include "engines/EngineClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QIODevice>
#include <QLocalSocket>
#include <QUrl>

#include <memory>
#include <optional>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#endif

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::EngineClient)
};

constexpr int kSliceMs = 100;
constexpr int kConnectTimeoutMs = 10 * 1000;
constexpr qint64 kMaxBuffered = 1 << 20; // bytes waiting in the socket before a write blocks

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

wharf::unexpected<Error> cancelledError()
{
    return fail(Error::Code::Cancelled, Tr::tr("cancelled"));
}

// The one line for a connection that failed: who owns the socket, when permission is the problem.
Error connectError(const EngineEndpoint &endpoint, const QLocalSocket &socket)
{
    const QString engine = EngineLocator::kindName(endpoint.kind);
    const QString where = endpoint.socketPath + QStringLiteral(" (") + endpoint.origin + u')';
    if (socket.error() == QLocalSocket::SocketAccessError) {
        const QFileInfo info(endpoint.socketPath);
        const QString group = info.group();
        if (!group.isEmpty() && group != QLatin1StringView("root"))
            //: %1 Docker or Podman, %2 the socket and where it was found, %3 the group owning it
            return Error(Error::Code::Denied, Tr::tr("permission denied on %1's socket %2: add your user to the group “%3” "
                                                     "(then log in again)")
                                                  .arg(engine, where, group));
        return Error(Error::Code::Denied,
                     Tr::tr("permission denied on %1's socket %2: only its owner (%3) may use it; run a rootless %1 or "
                            "ask for access")
                         .arg(engine, where, info.owner().isEmpty() ? QStringLiteral("root") : info.owner()));
    }
    if (socket.error() == QLocalSocket::ServerNotFoundError && !QFileInfo::exists(endpoint.socketPath))
        //: %1 Docker or Podman, %2 the socket and where it was found
        return Error(Error::Code::EngineUnavailable, Tr::tr("no %1 engine: %2 does not exist; is %1 installed and running?").arg(engine, where));
    //: %1 Docker or Podman, %2 the socket and where it was found, %3 the system's reason
    return Error(Error::Code::EngineUnavailable,
                 Tr::tr("no %1 engine answers on %2 (%3); is it running?").arg(engine, where, socket.errorString()));
}

// A connected socket, or the error for why not.
Result<std::unique_ptr<QLocalSocket>> connectTo(const EngineEndpoint &endpoint, const std::atomic_bool *cancel)
{
    if (endpoint.transport != EngineEndpoint::Transport::UnixSocket)
        //: %1 is Docker or Podman, %2 a program's path
        return fail(Error::Code::Unsupported, Tr::tr("%1 has no API socket here (only the program %2)")
                                                  .arg(EngineLocator::kindName(endpoint.kind), endpoint.program));
    auto socket = std::make_unique<QLocalSocket>();
    socket->connectToServer(endpoint.socketPath, QIODevice::ReadWrite);
    const QDeadlineTimer deadline(kConnectTimeoutMs);
    while (socket->state() == QLocalSocket::ConnectingState) {
        if (cancelled(cancel))
            return cancelledError();
        if (socket->waitForConnected(kSliceMs))
            break;
        if (deadline.hasExpired())
            break;
    }
    if (socket->state() != QLocalSocket::ConnectedState)
        return wharf::unexpected(connectError(endpoint, *socket));
    return socket;
}

QByteArray requestHead(const QByteArray &method, const QString &path, const QByteArray &extra)
{
    // Go's HTTP server (dockerd, podman) insists on Host; any name will do over a unix socket.
    return method + ' ' + QUrl::toPercentEncoding(path, "/:@?&=,") + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: Wharf\r\n"
         + extra + "Connection: close\r\n\r\n";
}

// Blocks until everything written has left the process's buffer (or `limit` bytes remain).
Result<void> drain(QLocalSocket &socket, qint64 limit, const std::atomic_bool *cancel, const EngineEndpoint &endpoint)
{
    QDeadlineTimer idle(EngineClient::kIdleTimeoutMs);
    while (socket.bytesToWrite() > limit) {
        if (cancelled(cancel))
            return cancelledError();
        const qint64 before = socket.bytesToWrite();
        socket.waitForBytesWritten(kSliceMs);
        if (socket.state() != QLocalSocket::ConnectedState)
            //: %1 Docker or Podman, %2 the system's reason
            return fail(Error::Code::Network, Tr::tr("%1 closed the connection: %2")
                                                  .arg(EngineLocator::kindName(endpoint.kind), socket.errorString()));
        if (socket.bytesToWrite() < before)
            idle.setRemainingTime(EngineClient::kIdleTimeoutMs);
        else if (idle.hasExpired())
            return fail(Error::Code::Timeout, Tr::tr("%1 stopped reading the request").arg(EngineLocator::kindName(endpoint.kind)));
    }
    return {};
}

// The request body in HTTP chunks, straight onto the socket.
class ChunkedBody final : public QIODevice
{
public:
    ChunkedBody(QLocalSocket &socket, const std::atomic_bool *cancel, const EngineEndpoint &endpoint, std::atomic<qint64> *sent)
        : m_socket(socket), m_cancel(cancel), m_endpoint(endpoint), m_sent(sent)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    [[nodiscard]] const std::optional<Error> &failure() const { return m_failure; }

    Result<void> finish()
    {
        m_socket.write("0\r\n\r\n");
        return drain(m_socket, 0, m_cancel, m_endpoint);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        if (length <= 0)
            return 0;
        const QByteArray head = QByteArray::number(length, 16) + "\r\n";
        if (auto written = send(head, data, length); !written) {
            m_failure = written.error();
            setErrorString(written.error().message());
            return -1;
        }
        if (m_sent)
            m_sent->fetch_add(length, std::memory_order_relaxed);
        return length;
    }

private:
    Result<void> send(const QByteArray &head, const char *data, qint64 length)
    {
#ifdef Q_OS_UNIX
        // One sendmsg() a chunk (its size line, the data — a whole layer piece, 1 MiB — and the
        // CRLF), from the caller's buffer: no copy into QLocalSocket's, no flush of three appends.
        // What QLocalSocket still holds (the request head) goes first.
        if (auto drained = drain(m_socket, 0, m_cancel, m_endpoint); !drained)
            return drained;
        const int fd = int(m_socket.socketDescriptor());
        if (fd >= 0)
            return sendDirect(fd, head, data, length);
#endif
        m_socket.write(head);
        m_socket.write(data, length);
        m_socket.write("\r\n");
        return drain(m_socket, kMaxBuffered, m_cancel, m_endpoint);
    }

#ifdef Q_OS_UNIX
    Result<void> sendDirect(int fd, const QByteArray &head, const char *data, qint64 length)
    {
        static const char kCrlf[] = "\r\n";
        iovec parts[3] = {{const_cast<char *>(head.constData()), size_t(head.size())},
                          {const_cast<char *>(data), size_t(length)},
                          {const_cast<char *>(kCrlf), 2}};
        iovec *next = parts;
        int count = 3;
        QDeadlineTimer idle(EngineClient::kIdleTimeoutMs);
        while (count > 0) {
            if (cancelled(m_cancel))
                return cancelledError();
            msghdr message{};
            message.msg_iov = next;
            message.msg_iovlen = size_t(count);
            const ssize_t n = ::sendmsg(fd, &message, MSG_NOSIGNAL); // a closed socket is an error, not SIGPIPE
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN || errno == EWOULDBLOCK) {
                    pollfd ready{fd, POLLOUT, 0};
                    ::poll(&ready, 1, kSliceMs);
                    if (idle.hasExpired())
                        return fail(Error::Code::Timeout, Tr::tr("%1 stopped reading the request").arg(EngineLocator::kindName(m_endpoint.kind)));
                    continue;
                }
                //: %1 Docker or Podman, %2 the system's reason
                return fail(Error::Code::Network, Tr::tr("%1 closed the connection: %2")
                                                      .arg(EngineLocator::kindName(m_endpoint.kind), QString::fromLocal8Bit(std::strerror(errno))));
            }
            idle.setRemainingTime(EngineClient::kIdleTimeoutMs);
            size_t done = size_t(n);
            while (count > 0 && done >= next->iov_len) {
                done -= next->iov_len;
                ++next;
                --count;
            }
            if (count > 0) {
                next->iov_base = static_cast<char *>(next->iov_base) + done;
                next->iov_len -= done;
            }
        }
        return {};
    }
#endif

    QLocalSocket &m_socket;
    const std::atomic_bool *m_cancel;
    const EngineEndpoint &m_endpoint;
    std::atomic<qint64> *m_sent;
    std::optional<Error> m_failure;
};

// Reads the response off a socket whose request is complete, with every buffer bounded.
class ResponseReader
{
public:
    ResponseReader(QLocalSocket &socket, const std::atomic_bool *cancel, const EngineEndpoint &endpoint)
        : m_socket(socket), m_cancel(cancel), m_endpoint(endpoint)
    {
    }

    Result<EngineClient::Response> read(qint64 maxBody)
    {
        EngineClient::Response response;
        auto head = readHead(response);
        if (!head)
            return wharf::unexpected(head.error());
        auto body = m_chunked ? readChunked(maxBody) : readPlain(m_length, maxBody);
        if (!body)
            return wharf::unexpected(body.error());
        response.body = std::move(*body);
        return response;
    }

    // The next piece of the body (for a streamed response, after readHead()); empty at the end.
    Result<QByteArray> readPiece()
    {
        if (m_ended)
            return QByteArray();
        if (m_chunked) {
            const auto more = [this]() -> Result<void> {
                auto filled = fill();
                if (!filled)
                    return wharf::unexpected(filled.error());
                if (!*filled)
                    return fail(Error::Code::Network, Tr::tr("%1's answer ended early").arg(engine()));
                return {};
            };
            if (m_chunkLeft == 0) {
                if (m_chunkCrlf) { // the CRLF after the previous chunk's data
                    while (m_buffer.size() < 2)
                        if (auto filled = more(); !filled)
                            return wharf::unexpected(filled.error());
                    m_buffer.remove(0, 2);
                    m_chunkCrlf = false;
                }
                qsizetype lineEnd = -1;
                while ((lineEnd = m_buffer.indexOf("\r\n")) < 0) {
                    if (m_buffer.size() > 1024)
                        return fail(Error::Code::MalformedDocument, Tr::tr("%1 sent a malformed chunk").arg(engine()));
                    if (auto filled = more(); !filled)
                        return wharf::unexpected(filled.error());
                }
                bool ok = false;
                const qint64 size = m_buffer.left(lineEnd).split(';').first().trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0)
                    return fail(Error::Code::MalformedDocument, Tr::tr("%1 sent a malformed chunk").arg(engine()));
                m_buffer.remove(0, lineEnd + 2);
                if (size == 0) {
                    m_ended = true;
                    return QByteArray();
                }
                m_chunkLeft = size;
            }
            while (m_buffer.isEmpty())
                if (auto filled = more(); !filled)
                    return wharf::unexpected(filled.error());
            const qint64 take = std::min<qint64>(m_buffer.size(), m_chunkLeft);
            QByteArray piece = m_buffer.left(take);
            m_buffer.remove(0, take);
            m_chunkLeft -= take;
            m_chunkCrlf = m_chunkLeft == 0;
            return piece;
        }
        if (m_length && m_consumed >= *m_length) {
            m_ended = true;
            return QByteArray();
        }
        if (m_buffer.isEmpty()) {
            auto more = fill();
            if (!more)
                return wharf::unexpected(more.error());
            if (!*more) {
                m_ended = true;
                if (m_length)
                    return fail(Error::Code::Network, Tr::tr("%1's answer ended early").arg(engine()));
                return QByteArray();
            }
        }
        const qint64 take = m_length ? std::min<qint64>(m_buffer.size(), *m_length - m_consumed) : m_buffer.size();
        QByteArray piece = m_buffer.left(take);
        m_buffer.remove(0, take);
        m_consumed += take;
        return piece;
    }

    Result<void> readHead(EngineClient::Response &response)
    {
        qsizetype headEnd = -1;
        while ((headEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
            if (m_buffer.size() > EngineClient::kMaxHeaderBytes)
                return fail(Error::Code::TooLarge, Tr::tr("%1's response headers are too large").arg(engine()));
            auto more = fill();
            if (!more)
                return wharf::unexpected(more.error());
            if (!*more)
                return fail(Error::Code::Network, Tr::tr("%1 closed the connection without an answer").arg(engine()));
        }
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        m_buffer.remove(0, headEnd + 4);
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        bool ok = false;
        response.status = statusLine.size() >= 2 ? statusLine.at(1).toInt(&ok) : 0;
        if (!ok || !statusLine.first().startsWith("HTTP/1."))
            return fail(Error::Code::MalformedDocument, Tr::tr("%1 did not answer in HTTP").arg(engine()));
        std::optional<qint64> length;
        bool chunked = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "transfer-encoding")
                chunked = value.toLower().contains("chunked");
            else if (name == "content-type")
                response.contentType = value;
        }
        m_chunked = chunked;
        m_length = length;
        return {};
    }

private:
    [[nodiscard]] QString engine() const { return EngineLocator::kindName(m_endpoint.kind); }

    // More bytes into the buffer: true, or false at the end of the stream.
    Result<bool> fill()
    {
        const QDeadlineTimer idle(EngineClient::kIdleTimeoutMs);
        while (m_socket.bytesAvailable() == 0) {
            if (cancelled(m_cancel))
                return cancelledError();
            if (m_socket.state() != QLocalSocket::ConnectedState)
                return false;
            m_socket.waitForReadyRead(kSliceMs);
            if (m_socket.bytesAvailable() == 0 && idle.hasExpired())
                return fail(Error::Code::Timeout, Tr::tr("%1 sent nothing for %2 minutes").arg(engine()).arg(EngineClient::kIdleTimeoutMs / 60000));
        }
        m_buffer += m_socket.read(std::min<qint64>(m_socket.bytesAvailable(), 1 << 20));
        return true;
    }

    Result<QByteArray> readPlain(std::optional<qint64> length, qint64 maxBody)
    {
        if (length && *length > maxBody)
            return tooLarge(maxBody);
        while (!length || m_buffer.size() < *length) {
            if (m_buffer.size() > maxBody)
                return tooLarge(maxBody);
            auto more = fill();
            if (!more)
                return wharf::unexpected(more.error());
            if (!*more) {
                if (length)
                    return fail(Error::Code::Network, Tr::tr("%1's answer ended early").arg(engine()));
                break;
            }
        }
        return length ? m_buffer.left(*length) : m_buffer;
    }

    Result<QByteArray> readChunked(qint64 maxBody)
    {
        QByteArray body;
        for (;;) {
            qsizetype lineEnd = -1;
            while ((lineEnd = m_buffer.indexOf("\r\n")) < 0) {
                if (m_buffer.size() > 1024)
                    return fail(Error::Code::MalformedDocument, Tr::tr("%1 sent a malformed chunk").arg(engine()));
                if (auto more = fill(); !more || !*more)
                    return more ? fail(Error::Code::Network, Tr::tr("%1's answer ended early").arg(engine()))
                                : wharf::unexpected(more.error());
            }
            bool ok = false;
            const qint64 size = m_buffer.left(lineEnd).split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0)
                return fail(Error::Code::MalformedDocument, Tr::tr("%1 sent a malformed chunk").arg(engine()));
            m_buffer.remove(0, lineEnd + 2);
            if (size == 0)
                return body; // trailers, if any, are not read: the connection closes
            if (body.size() + size > maxBody)
                return tooLarge(maxBody);
            while (m_buffer.size() < size + 2) {
                if (auto more = fill(); !more || !*more)
                    return more ? fail(Error::Code::Network, Tr::tr("%1's answer ended early").arg(engine()))
                                : wharf::unexpected(more.error());
            }
            body += m_buffer.left(size);
            m_buffer.remove(0, size + 2);
        }
    }

    wharf::unexpected<Error> tooLarge(qint64 maxBody) const
    {
        //: %1 Docker or Podman, %2 a number of bytes
        return fail(Error::Code::TooLarge, Tr::tr("%1's answer is larger than %2 bytes").arg(engine()).arg(maxBody));
    }

    QLocalSocket &m_socket;
    const std::atomic_bool *m_cancel;
    const EngineEndpoint &m_endpoint;
    QByteArray m_buffer;
    bool m_chunked = false;
    std::optional<qint64> m_length;
    qint64 m_chunkLeft = 0; // streamed chunked body: data bytes of the current chunk still to come
    bool m_chunkCrlf = false; // the CRLF closing the last chunk's data is still to be read
    qint64 m_consumed = 0;
    bool m_ended = false;
};

class SocketResponseStream final : public EngineResponseStream
{
public:
    SocketResponseStream(std::unique_ptr<QLocalSocket> socket, EngineEndpoint endpoint, const std::atomic_bool *cancel)
        : m_socket(std::move(socket)), m_endpoint(std::move(endpoint)), m_reader(*m_socket, cancel, m_endpoint)
    {
    }
    ~SocketResponseStream() override { m_socket->abort(); }

    Result<void> start()
    {
        EngineClient::Response response;
        auto head = m_reader.readHead(response);
        if (!head)
            return head;
        m_status = response.status;
        return {};
    }
    [[nodiscard]] int status() const override { return m_status; }
    [[nodiscard]] Result<QByteArray> read() override { return m_reader.readPiece(); }

private:
    std::unique_ptr<QLocalSocket> m_socket;
    const EngineEndpoint m_endpoint;
    ResponseReader m_reader;
    int m_status = 0;
};

} // namespace

EngineClient::EngineClient(EngineEndpoint endpoint, const std::atomic_bool *cancel) : m_endpoint(std::move(endpoint)), m_cancel(cancel) {}

Result<EngineClient::Response> EngineClient::request(const QByteArray &method, const QString &path, qint64 maxBody)
{
    auto socket = connectTo(m_endpoint, m_cancel);
    if (!socket)
        return wharf::unexpected(socket.error());
    const QByteArray extra = method == "POST" ? QByteArrayLiteral("Content-Length: 0\r\n") : QByteArray();
    (*socket)->write(requestHead(method, path, extra));
    if (auto sent = drain(**socket, 0, m_cancel, m_endpoint); !sent)
        return wharf::unexpected(sent.error());
    auto response = ResponseReader(**socket, m_cancel, m_endpoint).read(maxBody);
    (*socket)->abort();
    return response;
}

Result<std::unique_ptr<EngineResponseStream>> EngineClient::openGet(const QString &path)
{
    auto socket = connectTo(m_endpoint, m_cancel);
    if (!socket)
        return wharf::unexpected(socket.error());
    (*socket)->write(requestHead("GET", path, {}));
    if (auto sent = drain(**socket, 0, m_cancel, m_endpoint); !sent)
        return wharf::unexpected(sent.error());
    auto stream = std::make_unique<SocketResponseStream>(std::move(*socket), m_endpoint, m_cancel);
    if (auto started = stream->start(); !started)
        return wharf::unexpected(started.error());
    return std::unique_ptr<EngineResponseStream>(std::move(stream));
}

Result<EngineClient::Response> EngineClient::postStreaming(const QString &path, const QByteArray &contentType,
                                                           const std::function<Result<void>(QIODevice &)> &writeBody,
                                                           qint64 maxBody, std::atomic<qint64> *sent)
{
    auto socket = connectTo(m_endpoint, m_cancel);
    if (!socket)
        return wharf::unexpected(socket.error());
    QLocalSocket &s = **socket;
    s.write(requestHead("POST", path, "Content-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n"));
    ChunkedBody body(s, m_cancel, m_endpoint, sent);
    auto written = writeBody(body);
    if (!written && body.failure())
        written = wharf::unexpected(*body.failure()); // the writer's "cannot write" hides why (cancel, a closed socket)
    if (written)
        written = body.finish();
    if (!written) {
        // The engine may have refused early and said why: its answer beats "connection closed".
        if (written.error().code() != Error::Code::Cancelled && s.bytesAvailable() == 0)
            s.waitForReadyRead(kSliceMs); // written past the socket: nothing has read its answer yet
        if (written.error().code() != Error::Code::Cancelled && s.bytesAvailable() > 0) {
            auto response = ResponseReader(s, m_cancel, m_endpoint).read(maxBody);
            if (response && response->status >= 400) {
                s.abort();
                return response;
            }
        }
        // Abandoned mid-archive: the engine sees the connection drop before the last chunk and
        // discards what it received.
        s.abort();
        return wharf::unexpected(written.error());
    }
    auto response = ResponseReader(s, m_cancel, m_endpoint).read(maxBody);
    s.abort();
    return response;
}

} // namespace wharf
