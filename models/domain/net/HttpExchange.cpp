#include "net/HttpExchange.h"

#include "net/HostRules.h"
#include "net/HttpErrors.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace wharf::net {

Q_LOGGING_CATEGORY(lcHttp, "wharf.http", QtInfoMsg)

namespace {

constexpr qint64 kErrorBodyCap = 64 * 1024;
constexpr qint64 kStreamReadBuffer = 1024 * 1024;
constexpr qsizetype kStreamChunk = 256 * 1024;

bool isTransientNetworkError(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
        return true;
    default:
        return false;
    }
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QList<QByteArray> HttpResponse::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    return values;
}

bool HttpResponse::isFromRedirectTarget() const
{
    return !url.isEmpty() && !requestUrl.isEmpty() && !sameOrigin(url, requestUrl);
}

HttpExchange::HttpExchange(QNetworkAccessManager *network, HttpRequestSpec spec, QObject *parent)
    : Job(parent),
      m_network(network),
      m_spec(std::move(spec))
{
    m_stallTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_stallTimer, &QTimer::timeout, this, &HttpExchange::onStalled);
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpExchange::startAttempt);
}

HttpExchange::~HttpExchange()
{
    dropReply();
}

void HttpExchange::run()
{
    m_method = m_spec.method;
    startAttempt();
}

void HttpExchange::startAttempt()
{
    ++m_attempt;
    m_hops = 0;
    m_spec.method = m_method;
    sendTo(m_spec.url);
}

void HttpExchange::abort()
{
    m_retryTimer.stop();
    dropReply();
}

void HttpExchange::dropReply()
{
    m_stallTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpExchange::sendTo(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1StringView("https") && scheme != QLatin1StringView("http")) {
        fail(Error(Error::Code::RedirectRefused, tr("refusing to fetch %1: only http and https are supported").arg(redactedUrl(url))));
        return;
    }
    if (scheme == QLatin1StringView("http") && !(m_spec.allowPlainHttp && m_spec.allowPlainHttp(url))) {
        fail(Error(Error::Code::InsecureRefused,
                   tr("refusing plain HTTP to %1: only loopback registries and ones marked insecure may use it").arg(hostPort(url))));
        return;
    }
    m_currentUrl = url;
    m_hopTime.start();
    m_response = HttpResponse();
    m_response.url = url;
    m_response.requestUrl = m_spec.url;

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("wharf/" WHARF_VERSION));
    for (const auto &[name, value] : m_spec.headers)
        request.setRawHeader(name, value);
    if (m_spec.authorization) {
        const QByteArray auth = m_spec.authorization(url);
        if (!auth.isEmpty())
            request.setRawHeader("Authorization", auth);
    }

    const QByteArray method = m_spec.method;
    QNetworkReply *reply = nullptr;
    if (method == "GET")
        reply = m_network->get(request);
    else if (method == "HEAD")
        reply = m_network->head(request);
    else if (method == "POST")
        reply = m_network->post(request, m_spec.body);
    else
        reply = m_network->sendCustomRequest(request, method, m_spec.body);
    m_reply = reply;
    if (m_spec.sink) {
        // Without a bound, Qt's network thread reads a fast local registry far ahead of whoever
        // hashes and writes, and memory grows with the blob (~300 MiB for a 400 MB pull).
        reply->setReadBufferSize(kStreamReadBuffer);
    }
    connect(reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &HttpExchange::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &HttpExchange::onFinished);
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64, qint64) { m_stallTimer.start(); });
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64, qint64) { m_stallTimer.start(); });
    m_stallTimer.start(m_spec.transferTimeoutMs);
}

bool HttpExchange::isRedirectStatus() const
{
    const int s = m_response.status;
    return s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
}

void HttpExchange::onMetaData()
{
    if (!m_reply)
        return;
    m_stallTimer.start();
    m_response.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_response.headers = m_reply->rawHeaderPairs();
    if (m_response.isSuccess() && m_spec.validateSuccess) {
        if (const std::optional<Error> refused = m_spec.validateSuccess(m_response)) {
            dropReply();
            fail(*refused);
            return;
        }
    }
    if (m_response.isSuccess() && !m_spec.sink) {
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_spec.maxBodyBytes) {
            dropReply();
            fail(Error(Error::Code::TooLarge,
                       tr("the response from %1 is %2 bytes, more than the %3 allowed")
                           .arg(hostPort(m_currentUrl))
                           .arg(length.toLongLong())
                           .arg(m_spec.maxBodyBytes)));
        }
    }
}

void HttpExchange::onReadyRead()
{
    if (!m_reply)
        return;
    m_stallTimer.start();
    if (m_response.status == 0)
        onMetaData();
    if (!m_reply)
        return;
    if (isRedirectStatus()) {
        m_reply->readAll(); // a redirect's body means nothing
        return;
    }
    if (m_response.isSuccess() && m_spec.sink) {
        // Straight from the socket buffer into one reused chunk: no allocation per read.
        m_chunk.resize(kStreamChunk);
        qint64 total = 0;
        while (m_reply) {
            const qint64 n = m_reply->read(m_chunk.data(), m_chunk.size());
            if (n <= 0)
                break;
            if (m_spec.sink->write(m_chunk.constData(), n) != n) {
                const QString why = m_spec.sink->errorString();
                dropReply();
                fail(Error(Error::Code::Io, tr("could not write the download: %1").arg(why)));
                return;
            }
            total += n;
        }
        if (total > 0) {
            m_response.bodyBytes += total;
            const QVariant length = m_reply ? m_reply->header(QNetworkRequest::ContentLengthHeader) : QVariant();
            Q_EMIT progress(m_response.bodyBytes, length.isValid() ? length.toLongLong() : -1);
        }
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    if (m_response.isSuccess()) {
        if (m_response.body.size() + chunk.size() > m_spec.maxBodyBytes) {
            dropReply();
            fail(
                Error(Error::Code::TooLarge,
                      tr("the response from %1 is larger than the %2 bytes allowed").arg(hostPort(m_currentUrl)).arg(m_spec.maxBodyBytes)));
            return;
        }
        m_response.body.append(chunk);
        m_response.bodyBytes += chunk.size();
        const QVariant total = m_reply->header(QNetworkRequest::ContentLengthHeader);
        Q_EMIT progress(m_response.bodyBytes, total.isValid() ? total.toLongLong() : -1);
    } else if (m_response.body.size() < kErrorBodyCap) {
        m_response.body.append(chunk.left(kErrorBodyCap - m_response.body.size()));
    }
}

void HttpExchange::onStalled()
{
    if (!m_reply)
        return;
    dropReply();
    retryTransferOrFail(Error(Error::Code::Timeout,
                              tr("%1 sent nothing for %2 seconds").arg(hostPort(m_currentUrl)).arg(m_spec.transferTimeoutMs / 1000.0),
                              true));
}

void HttpExchange::onFinished()
{
    if (!m_reply)
        return;
    onReadyRead();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_stallTimer.stop();
    reply->disconnect(this);
    reply->deleteLater();

    const QNetworkReply::NetworkError netError = reply->error();
    if (lcHttp().isDebugEnabled()) {
        const QString answer = m_response.status == 0 ? u"failed (" + reply->errorString() + u')' : QString::number(m_response.status);
        qCDebug(lcHttp, "%s %s -> %s, %lld bytes, %lld ms", m_spec.method.constData(), qUtf8Printable(loggableUrl(m_currentUrl)),
                qUtf8Printable(answer), m_response.isSuccess() ? m_response.bodyBytes : qint64(m_response.body.size()),
                m_hopTime.elapsed());
    }
    if (m_response.status == 0) {
        // No HTTP response at all: connection-level failure.
        const bool transient = isTransientNetworkError(netError);
        retryOrFail(Error(Error::Code::Network, tr("cannot reach %1: %2").arg(hostPort(m_currentUrl), reply->errorString()), transient));
        return;
    }
    if (isRedirectStatus()) {
        const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        if (location.isEmpty()) {
            fail(Error(Error::Code::ServerError, tr("%1 redirected without a Location").arg(hostPort(m_currentUrl))));
            return;
        }
        if (++m_hops > m_spec.maxRedirects) {
            fail(Error(Error::Code::RedirectRefused, tr("stopped after %1 redirects").arg(m_spec.maxRedirects)));
            return;
        }
        const QUrl next = m_currentUrl.resolved(location);
        if (m_currentUrl.scheme() == QLatin1StringView("https") && next.scheme() == QLatin1StringView("http")
            && !isLoopbackHost(m_currentUrl.host())) {
            fail(Error(Error::Code::RedirectRefused, tr("refusing a redirect from HTTPS to plain HTTP (%1)").arg(hostPort(next))));
            return;
        }
        if (m_response.status == 303)
            m_spec.method = m_spec.method == "HEAD" ? QByteArray("HEAD") : QByteArray("GET");
        sendTo(next);
        return;
    }
    const bool bodyIncomplete = netError != QNetworkReply::NoError && m_response.isSuccess();
    if (bodyIncomplete) {
        const Error e(Error::Code::Network,
                      tr("the transfer from %1 broke off after %2 bytes: %3")
                          .arg(hostPort(m_currentUrl))
                          .arg(m_response.bodyBytes)
                          .arg(reply->errorString()),
                      true);
        retryTransferOrFail(e);
        return;
    }
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (m_response.isSuccess() && m_spec.method != "HEAD" && length.isValid() && m_response.bodyBytes < length.toLongLong()) {
        const Error e(Error::Code::Network,
                      tr("the transfer from %1 ended after %2 of %3 bytes")
                          .arg(hostPort(m_currentUrl))
                          .arg(m_response.bodyBytes)
                          .arg(length.toLongLong()),
                      true);
        retryTransferOrFail(e);
        return;
    }
    if (m_attempt < m_spec.retry.maxAttempts && isWorthRetrying(m_response, m_spec.retry.maxRetryAfterSeconds)) {
        retryOrFail(statusError(m_response, tr("%1 answered HTTP %2").arg(hostPort(m_currentUrl)).arg(m_response.status)),
                    RetryPolicy::retryAfterMs(m_response));
        return;
    }
    emitResult();
}

void HttpExchange::retryTransferOrFail(const Error &reason)
{
    // Bytes already written to a sink cannot be taken back: the owner resumes with Range.
    // In memory the exchange simply starts over.
    if (m_spec.sink && m_response.bodyBytes > 0)
        fail(reason);
    else
        retryOrFail(reason);
}

void HttpExchange::retryOrFail(const Error &reason, std::optional<qint64> serverDelayMs)
{
    if (!reason.isRetryable() || m_attempt >= m_spec.retry.maxAttempts) {
        fail(reason);
        return;
    }
    const int delay = serverDelayMs ? int(std::min<qint64>(*serverDelayMs, qint64(m_spec.retry.maxRetryAfterSeconds) * 1000))
                                    : m_spec.retry.backoffMs(m_attempt - 1);
    Q_EMIT retrying(m_attempt, delay, reason);
    m_retryTimer.start(delay);
}

} // namespace wharf::net
