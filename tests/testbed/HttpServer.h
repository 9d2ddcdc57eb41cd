#pragma once
// A small HTTP/1.1 server on 127.0.0.1 for tests. It parses requests (Content-Length and chunked
// bodies, keep-alive, pipelining, `Connection: close`), records every request it receives so tests
// can assert on them, and hands each one to a handler together with an HttpResponder. The responder
// answers at once, later, or streams the body under test control: write some bytes, stall with the
// socket open, resume, close mid-body, or advertise a Content-Length it never delivers. The token
// server, the Hub emulator and the fault-injecting proxy are built on it.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <utility>

class QJsonDocument;
class QTcpServer;
class QTcpSocket;
class QTimer;

namespace wharf::testbed {

class HttpConnection;

// Header fields in arrival order, names as sent (lookups are case-insensitive).
using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;          // "GET", "HEAD", "POST", ...
    QByteArray target;          // the request-target as sent: path and query, still percent-encoded
    QByteArray version;         // "HTTP/1.1"
    HttpHeaders headers;
    QByteArray body;            // de-chunked
    quint64 connectionId = 0;   // equal ids = same TCP connection (keep-alive assertions)
    int indexOnConnection = 0;  // 0 for the first request on a connection

    // First value of a header, compared case-insensitively; empty when absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] QList<QByteArray> headerValues(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
    // The decoded path without the query ("/v2/library/x/tags/").
    [[nodiscard]] QString path() const;
    [[nodiscard]] QUrlQuery query() const;
};

class HttpResponder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpResponder)
public:
    struct StreamOptions
    {
        qint64 chunkSize = 16 * 1024; // bytes handed to the socket per step
        int intervalMs = 0;           // pause between steps; 0 = whenever the socket has drained
        qint64 stallAt = -1;          // stop writing once this many body bytes are out; resume() goes on
        qint64 closeAt = -1;          // close the connection once this many body bytes are out
        qint64 contentLength = -1;    // Content-Length to advertise; -1 = the body's real size. When it
                                      // is larger than the body, the connection is closed after the
                                      // body (a short read); set stallAt = body size to hang instead.
                                      // When smaller, the whole body is still sent (surplus bytes).
    };

    [[nodiscard]] const HttpRequest &request() const { return m_request; }
    // Headers added to whatever response this responder sends (a server's habits: rate limits, …).
    void addHeaders(const HttpHeaders &headers) { m_extraHeaders.append(headers); }

    // The whole response at once. Content-Length is added unless `headers` has one; a HEAD request
    // gets the headers only.
    void respond(int status, const QByteArray &body = {}, const HttpHeaders &headers = {});
    void respondJson(int status, const QJsonDocument &json, const HttpHeaders &headers = {});

    // Manual streaming. contentLength < 0 sends no Content-Length and ends the body by closing the
    // connection. finish() ends the response; if fewer bytes than advertised were written, the
    // connection is closed because its framing is broken.
    void writeHead(int status, const HttpHeaders &headers, qint64 contentLength);
    void writeBody(QByteArrayView bytes);
    void finish();

    // Paced streaming of `body` according to `options` (see StreamOptions).
    void stream(int status, const HttpHeaders &headers, const QByteArray &body, const StreamOptions &options);
    void stall();  // stop a paced stream where it is; the socket stays open
    void resume(); // continue a stalled stream

    // Ends the connection now: closeConnection() after flushing what was written (FIN, a truncated
    // body when mid-response); resetConnection() drops unsent bytes and resets (RST).
    void closeConnection();
    void resetConnection();

    [[nodiscard]] qint64 bodyBytesWritten() const { return m_bodyWritten; }
    [[nodiscard]] bool isHeadWritten() const { return m_state != State::Idle; }
    [[nodiscard]] bool isStalled() const { return m_stalled; }
    [[nodiscard]] bool isComplete() const { return m_state == State::Complete || m_state == State::Closed; }
    [[nodiscard]] bool isConnected() const;

Q_SIGNALS:
    void stalled(qint64 bodyBytesWritten);
    void completed();        // the response was fully handed to the socket
    void connectionClosed(); // the connection is gone (either side closed it)

private:
    friend class HttpConnection;
    enum class State { Idle, Body, Complete, Closed };

    HttpResponder(HttpConnection *connection, HttpRequest request, bool keepAlive);
    void writeRaw(QByteArrayView bytes);
    void pump();
    void markComplete();
    void markClosed();
    [[nodiscard]] bool isHeadRequest() const { return m_request.method == "HEAD"; }

    QPointer<HttpConnection> m_connection;
    HttpRequest m_request;
    bool m_keepAlive = true;
    State m_state = State::Idle;
    qint64 m_advertised = -1;
    qint64 m_bodyWritten = 0;
    HttpHeaders m_extraHeaders;

    // paced stream
    QByteArray m_streamBody;
    StreamOptions m_options;
    bool m_streaming = false;
    bool m_stalled = false;
    bool m_pumpScheduled = false;
    QTimer *m_timer = nullptr;
};

class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)
public:
    // Called once per request; it may answer synchronously or keep the responder (a QPointer) and
    // answer later. Without a handler every request gets 404.
    using Handler = std::function<void(const HttpRequest &, HttpResponder &)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler);
    // Default 64 MiB; a larger body gets 413 and the connection is closed.
    void setMaxBodySize(qint64 bytes);

    // Binds 127.0.0.1 on `port` (0 = any free port).
    bool listen(QString *error = nullptr, quint16 port = 0);
    void close();
    [[nodiscard]] bool isListening() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QUrl baseUrl() const; // http://127.0.0.1:<port>

    [[nodiscard]] QList<HttpRequest> requests() const { return m_requests; }
    [[nodiscard]] qsizetype requestCount() const { return m_requests.size(); }
    void clearRequests() { m_requests.clear(); }

    [[nodiscard]] quint64 connectionsAccepted() const { return m_connectionsAccepted; }
    [[nodiscard]] int openConnections() const;
    void closeAllConnections();

    // Limit on the request line plus headers.
    static constexpr qsizetype MaxHeadSize = 64 * 1024;

    [[nodiscard]] static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    void requestReceived(const wharf::testbed::HttpRequest &request);

private:
    friend class HttpConnection;
    void onNewConnection();
    void dispatch(const HttpRequest &request, HttpResponder &responder);

    QTcpServer *m_server = nullptr;
    Handler m_handler;
    qint64 m_maxBodySize = 64 * 1024 * 1024;
    QList<HttpRequest> m_requests;
    quint64 m_connectionsAccepted = 0;
    QList<QPointer<HttpConnection>> m_connections;
};

} // namespace wharf::testbed
