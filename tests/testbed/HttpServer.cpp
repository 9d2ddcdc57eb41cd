#include "HttpServer.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

bool hasHeaderIn(const HttpHeaders &headers, QByteArrayView name)
{
    return std::ranges::any_of(headers, [name](const auto &h) { return sameName(h.first, name); });
}

QByteArray headerIn(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (sameName(key, name))
            return value;
    }
    return {};
}

// True when a comma-separated header value (Connection, Transfer-Encoding) lists `token`.
bool listsToken(const QByteArray &value, QByteArrayView token)
{
    const auto parts = value.split(',');
    return std::ranges::any_of(parts, [token](const QByteArray &p) { return sameName(p.trimmed(), token); });
}

enum class ChunkedResult { NeedMore, Done, Invalid, TooLarge };

// Decodes a chunked body starting at `from`; re-run from scratch as more bytes arrive (bodies here
// are small, and the re-scan keeps the state machine trivial). Trailers are read and dropped.
ChunkedResult decodeChunked(const QByteArray &buffer, qsizetype from, qint64 maxBody, QByteArray *body,
                            qsizetype *consumed)
{
    body->clear();
    qsizetype pos = from;
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return buffer.size() - pos > 1024 ? ChunkedResult::Invalid : ChunkedResult::NeedMore;
        QByteArray sizeField = buffer.mid(pos, lineEnd - pos);
        if (const qsizetype semi = sizeField.indexOf(';'); semi >= 0)
            sizeField.truncate(semi);
        bool ok = false;
        const qint64 size = sizeField.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return ChunkedResult::Invalid;
        if (body->size() + size > maxBody)
            return ChunkedResult::TooLarge;
        pos = lineEnd + 2;
        if (size == 0) {
            // trailer section: lines until an empty one
            for (;;) {
                const qsizetype end = buffer.indexOf("\r\n", pos);
                if (end < 0)
                    return ChunkedResult::NeedMore;
                const bool empty = end == pos;
                pos = end + 2;
                if (empty) {
                    *consumed = pos - from;
                    return ChunkedResult::Done;
                }
            }
        }
        if (buffer.size() < pos + size + 2)
            return ChunkedResult::NeedMore;
        body->append(buffer.constData() + pos, size);
        if (buffer.mid(pos + size, 2) != "\r\n")
            return ChunkedResult::Invalid;
        pos += size + 2;
    }
}

} // namespace

// ---- HttpRequest ------------------------------------------------------------------------------

QByteArray HttpRequest::header(QByteArrayView name) const
{
    return headerIn(headers, name);
}

QList<QByteArray> HttpRequest::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers) {
        if (sameName(key, name))
            values.append(value);
    }
    return values;
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    return hasHeaderIn(headers, name);
}

QString HttpRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
}

QUrlQuery HttpRequest::query() const
{
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return {};
    // Form-style '+' means a space (Go's url.Values encodes that way); a literal plus is %2B.
    QByteArray encoded = target.mid(q + 1);
    encoded.replace('+', "%20");
    return QUrlQuery(QString::fromLatin1(encoded));
}

// ---- HttpConnection ---------------------------------------------------------------------------

// One accepted socket: reads requests one at a time and owns the responder of the current one.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket, quint64 id)
        : QObject(server), m_server(server), m_socket(socket), m_id(id)
    {
        m_socket->setParent(this);
        // Bounded: while a response is pending the socket stops reading and TCP pushes back.
        m_socket->setReadBufferSize(256 * 1024);
        connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::processInput);
        connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    }

    ~HttpConnection() override
    {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
        }
    }

    [[nodiscard]] QTcpSocket *socket() const { return m_socket; }
    [[nodiscard]] bool isOpen() const { return m_socket && m_socket->state() == QAbstractSocket::ConnectedState; }

    void close()
    {
        m_state = State::Closing;
        if (m_socket)
            m_socket->disconnectFromHost();
    }

    void reset()
    {
        m_state = State::Closing;
        if (m_socket)
            m_socket->abort();
        onDisconnected();
    }

    // Called by the responder once its response is fully written.
    void responseComplete(bool keepAlive)
    {
        if (m_state == State::Closing)
            return;
        if (!keepAlive) {
            close();
            return;
        }
        m_state = State::Head;
        // Next pipelined request, from the event loop so that a synchronous handler never recurses.
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
    }

private:
    enum class State { Head, Body, Waiting, Closing };

    void processInput()
    {
        if (!m_socket)
            return;
        for (;;) {
            if (m_state == State::Waiting || m_state == State::Closing)
                return;
            if (m_socket->bytesAvailable() > 0)
                m_buffer += m_socket->readAll();
            if (m_state == State::Head && !parseHead())
                return;
            if (m_state == State::Body && !parseBody())
                return;
        }
    }

    // Returns true when the state moved on (to Body), false when more input is needed or it failed.
    bool parseHead()
    {
        // Tolerate stray CRLFs between requests (RFC 9112 §2.2).
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        // A TLS ClientHello (record type 22) where HTTP was expected: answer at once, as Go's
        // server does, so a client that tries https first (skopeo) falls back without a timeout.
        if (m_index == 0 && m_buffer.startsWith('\x16')) {
            fail(400, "client sent a TLS handshake to an HTTP server");
            return false;
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0 || end + 4 > HttpServer::MaxHeadSize) {
            if (m_buffer.size() > HttpServer::MaxHeadSize || end >= 0)
                fail(431, "request head larger than 64 KiB");
            return false;
        }
        const QByteArray head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);

        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            fail(400, "malformed request line");
            return false;
        }
        m_pending = HttpRequest();
        m_pending.method = requestLine.at(0);
        m_pending.target = requestLine.at(1);
        m_pending.version = requestLine.at(2);
        m_pending.connectionId = m_id;
        m_pending.indexOnConnection = m_index;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            QByteArray line = lines.at(i);
            if (line.endsWith('\r'))
                line.chop(1);
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0 || line.front() == ' ' || line.front() == '\t') {
                fail(400, "malformed header line");
                return false;
            }
            m_pending.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }

        const QByteArray connection = m_pending.header("Connection");
        m_keepAlive = m_pending.version == "HTTP/1.1" ? !listsToken(connection, "close")
                                                      : listsToken(connection, "keep-alive");
        m_chunked = listsToken(m_pending.header("Transfer-Encoding"), "chunked");
        m_contentLength = 0;
        if (!m_chunked && m_pending.hasHeader("Content-Length")) {
            bool ok = false;
            m_contentLength = m_pending.header("Content-Length").toLongLong(&ok);
            if (!ok || m_contentLength < 0) {
                fail(400, "invalid Content-Length");
                return false;
            }
            if (m_contentLength > m_server->m_maxBodySize) {
                fail(413, "request body too large");
                return false;
            }
        }
        if ((m_chunked || m_contentLength > 0) && listsToken(m_pending.header("Expect"), "100-continue"))
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_state = State::Body;
        return true;
    }

    bool parseBody()
    {
        if (m_chunked) {
            QByteArray body;
            qsizetype consumed = 0;
            switch (decodeChunked(m_buffer, 0, m_server->m_maxBodySize, &body, &consumed)) {
            case ChunkedResult::NeedMore:
                return false;
            case ChunkedResult::Invalid:
                fail(400, "malformed chunked body");
                return false;
            case ChunkedResult::TooLarge:
                fail(413, "request body too large");
                return false;
            case ChunkedResult::Done:
                m_pending.body = body;
                m_buffer.remove(0, consumed);
                break;
            }
        } else {
            if (m_buffer.size() < m_contentLength)
                return false;
            m_pending.body = m_buffer.left(m_contentLength);
            m_buffer.remove(0, m_contentLength);
        }
        m_state = State::Waiting;
        ++m_index;
        m_responder = new HttpResponder(this, m_pending, m_keepAlive);
        m_responder->setParent(this);
        // The previous responder (if any) is complete; keep it alive for tests holding a QPointer
        // until the connection goes away.
        m_server->dispatch(m_responder->request(), *m_responder);
        return true;
    }

    void fail(int status, const QByteArray &message)
    {
        const QByteArray body = message + '\n';
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpServer::reasonPhrase(status)
                        + "\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size())
                        + "\r\nConnection: close\r\n\r\n" + body);
        close();
    }

    void onDisconnected()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_state = State::Closing;
        const auto responders = findChildren<HttpResponder *>(Qt::FindDirectChildrenOnly);
        for (HttpResponder *responder : responders)
            responder->markClosed();
        deleteLater();
    }

    HttpServer *m_server;
    QPointer<QTcpSocket> m_socket;
    quint64 m_id;
    int m_index = 0;
    State m_state = State::Head;
    QByteArray m_buffer;
    HttpRequest m_pending;
    qint64 m_contentLength = 0;
    bool m_chunked = false;
    bool m_keepAlive = true;
    bool m_finished = false;
    QPointer<HttpResponder> m_responder;
};

// ---- HttpResponder ----------------------------------------------------------------------------

HttpResponder::HttpResponder(HttpConnection *connection, HttpRequest request, bool keepAlive)
    : m_connection(connection), m_request(std::move(request)), m_keepAlive(keepAlive)
{
}

bool HttpResponder::isConnected() const
{
    return m_connection && m_connection->isOpen();
}

void HttpResponder::writeRaw(QByteArrayView bytes)
{
    if (m_connection && m_connection->socket())
        m_connection->socket()->write(bytes.data(), bytes.size());
}

void HttpResponder::respond(int status, const QByteArray &body, const HttpHeaders &headers)
{
    writeHead(status, headers, body.size());
    writeBody(body);
    finish();
}

void HttpResponder::respondJson(int status, const QJsonDocument &json, const HttpHeaders &headers)
{
    HttpHeaders all = headers;
    if (!hasHeaderIn(all, "Content-Type"))
        all.prepend({"Content-Type", "application/json"});
    respond(status, json.toJson(QJsonDocument::Compact), all);
}

void HttpResponder::writeHead(int status, const HttpHeaders &headers, qint64 contentLength)
{
    if (m_state != State::Idle)
        return;
    const bool bodiless = status < 200 || status == 204 || status == 304;
    qint64 advertised = contentLength;
    if (hasHeaderIn(headers, "Content-Length"))
        advertised = headerIn(headers, "Content-Length").toLongLong();
    if (listsToken(headerIn(headers, "Connection"), "close"))
        m_keepAlive = false;
    if (advertised < 0 && !bodiless && !isHeadRequest())
        m_keepAlive = false; // the body ends when the connection does

    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpServer::reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    for (const auto &[name, value] : m_extraHeaders)
        head += name + ": " + value + "\r\n";
    if (!hasHeaderIn(headers, "Content-Length") && advertised >= 0 && !bodiless)
        head += "Content-Length: " + QByteArray::number(advertised) + "\r\n";
    if (!m_keepAlive && !hasHeaderIn(headers, "Connection"))
        head += "Connection: close\r\n";
    head += "\r\n";
    writeRaw(head);
    m_advertised = (bodiless || isHeadRequest()) ? 0 : advertised;
    m_state = State::Body;
}

void HttpResponder::writeBody(QByteArrayView bytes)
{
    if (m_state != State::Body || isHeadRequest() || bytes.isEmpty())
        return;
    writeRaw(bytes);
    m_bodyWritten += bytes.size();
}

void HttpResponder::finish()
{
    if (m_state != State::Body)
        return;
    m_streaming = false;
    if (m_advertised < 0 || m_bodyWritten < m_advertised) {
        closeConnection();
        return;
    }
    markComplete();
}

void HttpResponder::stream(int status, const HttpHeaders &headers, const QByteArray &body, const StreamOptions &options)
{
    if (m_state != State::Idle)
        return;
    m_options = options;
    m_options.chunkSize = std::max<qint64>(1, m_options.chunkSize);
    m_streamBody = isHeadRequest() ? QByteArray() : body;
    writeHead(status, headers, options.contentLength >= 0 ? options.contentLength : body.size());
    if (isHeadRequest()) {
        finish();
        return;
    }
    m_streaming = true;
    if (m_connection && m_connection->socket())
        connect(m_connection->socket(), &QTcpSocket::bytesWritten, this, &HttpResponder::pump);
    if (m_options.intervalMs > 0) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &HttpResponder::pump);
    }
    pump();
}

void HttpResponder::pump()
{
    m_pumpScheduled = false;
    if (!m_streaming || m_stalled || m_state != State::Body || !isConnected())
        return;
    if (m_timer && m_timer->isActive())
        return;
    QTcpSocket *socket = m_connection->socket();
    if (m_options.intervalMs == 0 && socket->bytesToWrite() > 4 * m_options.chunkSize)
        return; // bytesWritten calls again once the socket drained

    if (m_bodyWritten == m_options.stallAt) {
        m_options.stallAt = -1;
        m_stalled = true;
        Q_EMIT stalled(m_bodyWritten);
        return;
    }
    if (m_bodyWritten == m_options.closeAt) {
        closeConnection();
        return;
    }
    if (m_bodyWritten >= m_streamBody.size()) {
        finish(); // closes when the advertised length was larger
        return;
    }

    qint64 stop = m_streamBody.size();
    if (m_options.stallAt > m_bodyWritten)
        stop = std::min(stop, m_options.stallAt);
    if (m_options.closeAt > m_bodyWritten)
        stop = std::min(stop, m_options.closeAt);
    const qint64 n = std::min(m_options.chunkSize, stop - m_bodyWritten);
    writeBody(QByteArrayView(m_streamBody.constData() + m_bodyWritten, n));

    if (m_timer) {
        m_timer->start(m_options.intervalMs);
    } else if (!m_pumpScheduled && socket->bytesToWrite() <= 4 * m_options.chunkSize) {
        m_pumpScheduled = true;
        QMetaObject::invokeMethod(this, &HttpResponder::pump, Qt::QueuedConnection);
    }
}

void HttpResponder::stall()
{
    if (!m_streaming || m_stalled)
        return;
    m_stalled = true;
    if (m_timer)
        m_timer->stop();
    Q_EMIT stalled(m_bodyWritten);
}

void HttpResponder::resume()
{
    if (!m_stalled)
        return;
    m_stalled = false;
    if (!m_pumpScheduled) {
        m_pumpScheduled = true;
        QMetaObject::invokeMethod(this, &HttpResponder::pump, Qt::QueuedConnection);
    }
}

void HttpResponder::closeConnection()
{
    m_streaming = false;
    if (m_timer)
        m_timer->stop();
    if (m_connection)
        m_connection->close();
    else
        markClosed();
}

void HttpResponder::resetConnection()
{
    m_streaming = false;
    if (m_timer)
        m_timer->stop();
    if (m_connection)
        m_connection->reset();
    else
        markClosed();
}

void HttpResponder::markComplete()
{
    m_state = State::Complete;
    m_streaming = false;
    Q_EMIT completed();
    if (m_connection)
        m_connection->responseComplete(m_keepAlive);
}

void HttpResponder::markClosed()
{
    if (m_state == State::Closed)
        return;
    m_streaming = false;
    if (m_timer)
        m_timer->stop();
    // A response that was complete stays "complete"; the connection going away is still reported.
    if (m_state != State::Complete)
        m_state = State::Closed;
    Q_EMIT connectionClosed();
}

// ---- HttpServer -------------------------------------------------------------------------------

HttpServer::HttpServer(QObject *parent)
    : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    closeAllConnections();
}

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpServer::setMaxBodySize(qint64 bytes)
{
    m_maxBodySize = bytes;
}

bool HttpServer::listen(QString *error, quint16 port)
{
    if (m_server->listen(QHostAddress::LocalHost, port))
        return true;
    if (error)
        *error = u"cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(m_server->errorString());
    return false;
}

void HttpServer::close()
{
    m_server->close();
}

bool HttpServer::isListening() const
{
    return m_server->isListening();
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QUrl HttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

int HttpServer::openConnections() const
{
    return int(std::ranges::count_if(m_connections, [](const auto &c) { return c && c->isOpen(); }));
}

void HttpServer::closeAllConnections()
{
    const auto connections = m_connections;
    for (const auto &connection : connections) {
        if (connection)
            delete connection.data();
    }
    m_connections.clear();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        // As real servers do: without it, a body written after its head waits for the client's
        // delayed ACK of the head (Nagle), ~40 ms a response on loopback.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_connections.removeIf([](const auto &c) { return c.isNull(); });
        m_connections.append(new HttpConnection(this, socket, ++m_connectionsAccepted));
    }
}

void HttpServer::dispatch(const HttpRequest &request, HttpResponder &responder)
{
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    if (m_handler)
        m_handler(request, responder);
    else
        responder.respond(404, "no handler\n", {{"Content-Type", "text/plain"}});
}

QByteArray HttpServer::reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 416: return "Range Not Satisfiable";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace wharf::testbed

#include "HttpServer.moc"
