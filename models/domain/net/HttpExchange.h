#pragma once
// One HTTP request as Wharf needs it, for the registry and for Docker Hub alike: redirects are
// followed here (never by Qt, whose redirect code copies every header), each hop asks who may
// receive credentials; transfers without progress time out; 408/429/502/503/504, a redirect
// target's 401/403 (an expired signed link) and transient network errors are retried with bounded
// backoff honouring Retry-After. Every retry starts again at the URL asked for, so a redirect's
// Location — a CDN's signed, expiring link — is never kept or used twice. Bodies are either capped
// in memory or streamed to a sink, never read whole. Any HTTP status is a result, not an error:
// callers map statuses to typed errors (see HttpErrors).

#include "core/Job.h"
#include "net/RetryPolicy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QIODevice;
class QNetworkAccessManager;

namespace wharf::net {

struct HttpResponse
{
    int status = 0;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray body; // capped in-memory body, or the (small) error body when streaming
    qint64 bodyBytes = 0; // bytes of a 2xx body delivered (to memory or to the sink)
    QUrl url; // after redirects
    QUrl requestUrl; // as asked for, before any redirect

    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] QList<QByteArray> headerValues(QByteArrayView name) const;
    [[nodiscard]] bool isSuccess() const { return status >= 200 && status < 300; }
    // Answered by another origin than the one asked, after a redirect (a registry's CDN).
    [[nodiscard]] bool isFromRedirectTarget() const;
};

struct HttpRequestSpec
{
    QUrl url;
    QByteArray method = "GET";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 maxBodyBytes = 4 * 1024 * 1024; // in-memory cap when there is no sink
    QIODevice *sink = nullptr; // 2xx bodies are written here as they arrive
    int transferTimeoutMs = 30'000; // no byte for this long: abort as Timeout
    int maxRedirects = 10;
    RetryPolicy retry;
    // Value of the Authorization header for a URL (empty: send none). Asked again on every hop
    // and retry, so credentials go only where the owner of the hook allows.
    std::function<QByteArray(const QUrl &)> authorization;
    // Whether plain http:// is acceptable for this URL (loopback or a registry marked insecure).
    std::function<bool(const QUrl &)> allowPlainHttp;
    // Checks a 2xx response's status and headers before any of its body reaches the sink
    // (e.g. that a ranged GET really answered 206 with the requested Content-Range).
    std::function<std::optional<Error>(const HttpResponse &)> validateSuccess;
};

class HttpExchange final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)
public:
    HttpExchange(QNetworkAccessManager *network, HttpRequestSpec spec, QObject *parent = nullptr);
    ~HttpExchange() override;

    [[nodiscard]] const HttpResponse &response() const { return m_response; }
    [[nodiscard]] const HttpRequestSpec &spec() const { return m_spec; }
    [[nodiscard]] int attempts() const { return m_attempt; }

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void retrying(int attempt, int delayMs, const wharf::Error &reason);

protected:
    void run() override;
    void abort() override;

private:
    void startAttempt();
    void sendTo(const QUrl &url);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onStalled();
    void retryTransferOrFail(const Error &reason);
    void retryOrFail(const Error &reason, std::optional<qint64> serverDelayMs = std::nullopt);
    void dropReply();
    [[nodiscard]] bool isRedirectStatus() const;

    QNetworkAccessManager *m_network;
    HttpRequestSpec m_spec;
    HttpResponse m_response;
    QPointer<QNetworkReply> m_reply;
    QTimer m_stallTimer;
    QElapsedTimer m_hopTime; // for the verbose log
    QTimer m_retryTimer;
    QUrl m_currentUrl;
    QByteArray m_method;
    QByteArray m_chunk; // reused for streamed bodies
    int m_attempt = 0;
    int m_hops = 0;
};

} // namespace wharf::net
