#include "FaultProxy.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

namespace {

// Upstream bytes held in QNetworkReply, and bytes queued on the client's socket, before reading
// pauses: a 400 MB layer passes through in bounded memory whatever the client's pace.
constexpr qint64 kUpstreamBuffer = 1024 * 1024;
constexpr qint64 kDownstreamHighWater = 1024 * 1024;
constexpr qint64 kChunk = 64 * 1024;

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// RFC 9110 §7.6.1: meaningful for one connection only, never forwarded.
bool isHopByHop(QByteArrayView name)
{
    static constexpr QByteArrayView kHopByHop[] =
        {"Connection", "Keep-Alive",        "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE",
         "Trailer",    "Transfer-Encoding", "Upgrade"};
    return std::ranges::any_of(kHopByHop, [name](QByteArrayView h) { return sameName(h, name); });
}

QByteArray headerValue(const HttpHeaders &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers)
        if (sameName(key, name))
            return value;
    return {};
}

void removeHeader(HttpHeaders &headers, QByteArrayView name)
{
    headers.removeIf([name](const auto &h) { return sameName(h.first, name); });
}

// HttpServer keeps each connection's socket beside its responders (both children of the
// connection object); the proxy needs it to see how much the client has not read yet.
QTcpSocket *downstreamSocket(const HttpResponder &responder)
{
    QObject *connection = responder.parent();
    return connection ? connection->findChild<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

} // namespace

// ---- FaultRule ----------------------------------------------------------------------------------

QString FaultRule::blobPath(const QString &digest)
{
    return u"^/v2/.+/blobs/"_s + (digest.isEmpty() ? u"[^/]+"_s : QRegularExpression::escape(digest)) + u'$';
}

QString FaultRule::manifestPath(const QString &reference)
{
    return u"^/v2/.+/manifests/"_s + (reference.isEmpty() ? u"[^/]+"_s : QRegularExpression::escape(reference)) + u'$';
}

// ---- ProxiedExchange ----------------------------------------------------------------------------

// One request on its way through the proxy: forwards it, then streams the upstream's answer to the
// client, applying the reserved fault (if any) once the upstream's status is known. Deletes itself
// when the client has its answer, or has gone.
class ProxiedExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxiedExchange)
public:
    ProxiedExchange(FaultProxy *proxy, HttpResponder &responder, int ruleId, std::optional<FaultAction> action)
        : QObject(proxy),
          m_proxy(proxy),
          m_responder(&responder),
          m_request(responder.request()),
          m_ruleId(ruleId),
          m_action(std::move(action)),
          m_socket(downstreamSocket(responder))
    {
        m_record->method = m_request.method;
        m_record->target = m_request.target;
        connect(&responder, &HttpResponder::connectionClosed, this, &ProxiedExchange::onDownstreamClosed);
        if (m_socket)
            connect(m_socket, &QTcpSocket::bytesWritten, this, &ProxiedExchange::pump);
    }

    ~ProxiedExchange() override { dropUpstream(); }

    [[nodiscard]] bool isActive() const { return !m_ended; }

    void start()
    {
        int wait = m_proxy->m_latencyMs;
        if (m_action) {
            if (const auto *delay = std::get_if<fault::DelayMs>(&*m_action)) {
                m_proxy->noteApplied(m_ruleId, m_request);
                m_ruleId = -1;
                wait += delay->ms;
                m_action.reset();
            }
        }
        if (wait > 0)
            QTimer::singleShot(wait, Qt::PreciseTimer, this, &ProxiedExchange::forward);
        else
            forward();
    }

private:
    void forward()
    {
        if (m_ended)
            return;
        if (!m_responder) {
            end();
            return;
        }
        const QByteArray base = "http://" + m_proxy->m_upstream.toLatin1();
        QNetworkRequest request(QUrl::fromEncoded(base + m_request.target));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

        const bool ignoreRange = m_action && std::holds_alternative<fault::IgnoreRange>(*m_action);
        // Headers the client named in Connection are hop-by-hop too.
        QList<QByteArray> connectionTokens;
        for (const QByteArray &token : m_request.header("Connection").split(','))
            connectionTokens.append(token.trimmed());
        QList<std::pair<QByteArray, QByteArray>> headers; // repeated names joined, in arrival order
        for (const auto &[name, value] : m_request.headers) {
            if (isHopByHop(name) || sameName(name, "Host") || sameName(name, "Content-Length") || sameName(name, "Expect")
                || (ignoreRange && sameName(name, "Range"))
                || std::ranges::any_of(connectionTokens, [&name](const QByteArray &t) { return sameName(t, name); }))
                continue;
            const auto same = std::ranges::find_if(headers, [&name](const auto &h) { return sameName(h.first, name); });
            if (same != headers.end())
                same->second += ", " + value;
            else
                headers.append({name, value});
        }
        // Set explicitly, Accept-Encoding also stops Qt from decompressing: bytes pass as they are.
        if (!std::ranges::any_of(headers, [](const auto &h) { return sameName(h.first, "Accept-Encoding"); }))
            headers.emplaceBack("Accept-Encoding", "identity");
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);

        QNetworkAccessManager *network = m_proxy->m_network;
        QNetworkReply *reply = nullptr;
        if (m_request.method == "GET")
            reply = network->get(request);
        else if (m_request.method == "HEAD")
            reply = network->head(request);
        else
            reply = network->sendCustomRequest(request, m_request.method, m_request.body);
        reply->setParent(this);
        reply->setReadBufferSize(kUpstreamBuffer);
        m_reply = reply;
        connect(reply, &QNetworkReply::metaDataChanged, this, &ProxiedExchange::onHead);
        connect(reply, &QNetworkReply::readyRead, this, &ProxiedExchange::pump);
        connect(reply, &QNetworkReply::finished, this, &ProxiedExchange::onUpstreamFinished);
    }

    void onHead()
    {
        if (m_headHandled || !m_reply || m_ended)
            return;
        if (!m_responder) {
            dropUpstream();
            end();
            return;
        }
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return; // not a response (yet); finished() says what happened
        m_headHandled = true;
        m_record->status = status;
        for (const auto &[name, value] : m_reply->rawHeaderPairs())
            m_record->headers.append({name, value});

        HttpHeaders headers;
        m_proxy->track(m_record);
        m_tracked = true;
        for (const auto &[name, value] : std::as_const(m_record->headers)) {
            if (isHopByHop(name))
                continue;
            const bool carriesUrl = sameName(name, "Location") || sameName(name, "Content-Location") || sameName(name, "Link");
            headers.append({name, carriesUrl ? m_proxy->rewriteUpstreamUrls(value) : value});
        }

        if (m_action) {
            if (status < 200 || status >= 300) {
                // A challenge or an error: not the response the fault is about. It passes untouched.
                m_proxy->releaseRule(m_ruleId);
                m_ruleId = -1;
                m_action.reset();
            } else {
                m_record->ruleId = m_ruleId;
                m_proxy->noteApplied(m_ruleId, m_request);
                if (const auto *add = std::get_if<fault::AddHeaders>(&*m_action))
                    headers.append(add->headers);
                if (applyReplacingAction(headers))
                    return;
            }
        }
        m_responder->writeHead(status, headers, -1);
        m_headSent = true;
        pump();
    }

    // Actions that answer instead of the upstream's body; true when the response is done.
    bool applyReplacingAction(const HttpHeaders &upstreamHeaders)
    {
        if (const auto *redirect = std::get_if<fault::RedirectTo>(&*m_action)) {
            dropUpstream();
            const qsizetype q = m_request.target.indexOf('?');
            QByteArray location = redirect->base.toEncoded(QUrl::StripTrailingSlash) + m_request.target;
            if (!redirect->query.isEmpty())
                location += (q < 0 ? '?' : '&') + redirect->query;
            m_responder->respond(307, {}, {{"Location", location}, {"Docker-Distribution-Api-Version", "registry/2.0"}});
            end();
            return true;
        }
        if (const auto *redirect = std::get_if<fault::RedirectBy>(&*m_action)) {
            dropUpstream();
            const QByteArray location = redirect->link ? redirect->link(m_request).toEncoded() : QByteArray();
            m_responder->respond(307, {}, {{"Location", location}, {"Docker-Distribution-Api-Version", "registry/2.0"}});
            end();
            return true;
        }
        if (const auto *replace = std::get_if<fault::ReplaceBody>(&*m_action)) {
            dropUpstream();
            HttpHeaders headers = upstreamHeaders;
            const QByteArray contentType = replace->contentType.isEmpty() ? headerValue(headers, "Content-Type") : replace->contentType;
            for (QByteArrayView name : {"Content-Length", "Content-Type", "Content-Range", "Docker-Content-Digest", "ETag"})
                removeHeader(headers, name);
            headers.emplaceBack("Content-Type", contentType);
            headers.emplaceBack("Docker-Content-Digest",
                                "sha256:" + QCryptographicHash::hash(replace->body, QCryptographicHash::Sha256).toHex());
            m_responder->respond(200, replace->body, headers);
            m_record->bodyBytesForwarded = m_responder->bodyBytesWritten();
            end();
            return true;
        }
        if (const auto *truncate = std::get_if<fault::TruncateAt>(&*m_action))
            m_limit = std::max<qint64>(0, truncate->bytes);
        else if (const auto *stall = std::get_if<fault::StallAt>(&*m_action)) {
            m_limit = std::max<qint64>(0, stall->bytes);
            m_stallAtLimit = true;
        } else if (const auto *flip = std::get_if<fault::FlipByte>(&*m_action)) {
            m_flipOffset = flip->offset;
            m_flipMask = flip->mask;
        }
        return false;
    }

    void pump()
    {
        if (!m_headSent || m_ended || m_stalled || !m_reply)
            return;
        for (;;) {
            if (m_limit >= 0 && m_record->bodyBytesForwarded >= m_limit) {
                reachLimit();
                return;
            }
            if (!m_responder) { // the server went away under the exchange
                dropUpstream();
                end();
                return;
            }
            if (m_socket && m_socket->bytesToWrite() > kDownstreamHighWater)
                return; // bytesWritten calls again
            qint64 want = kChunk;
            if (m_limit >= 0)
                want = std::min(want, m_limit - m_record->bodyBytesForwarded);
            QByteArray chunk = m_reply->read(want);
            if (chunk.isEmpty())
                break;
            const qint64 at = m_record->bodyBytesForwarded;
            if (m_flipOffset >= at && m_flipOffset < at + chunk.size())
                chunk[m_flipOffset - at] = char(quint8(chunk.at(m_flipOffset - at)) ^ m_flipMask);
            m_responder->writeBody(chunk);
            m_record->bodyBytesForwarded += chunk.size();
        }
        if (m_upstreamFinished) {
            // Fewer bytes than the upstream announced (it broke off): finish() closes the connection.
            m_responder->finish();
            end();
        }
    }

    void reachLimit()
    {
        dropUpstream();
        if (!m_stallAtLimit) {
            if (m_responder)
                m_responder->closeConnection();
            end();
            return;
        }
        // The client sees a body that stops; the exchange lives until the client gives up.
        m_stalled = true;
        finishRecord();
    }

    void onUpstreamFinished()
    {
        if (!m_reply || m_ended)
            return;
        onHead();
        if (m_ended)
            return;
        if (!m_headHandled) {
            const QByteArray why = m_reply->errorString().toUtf8();
            dropUpstream();
            if (m_action) {
                m_proxy->releaseRule(m_ruleId);
                m_action.reset();
            }
            m_proxy->track(m_record);
            m_tracked = true;
            if (m_responder)
                m_responder->respond(502, "fault proxy: upstream " + m_proxy->m_upstream.toLatin1() + " failed: " + why + '\n',
                                     {{"Content-Type", "text/plain"}});
            end();
            return;
        }
        m_upstreamFinished = true;
        pump();
    }

    void onDownstreamClosed()
    {
        if (m_ended)
            return;
        if (m_action && !m_headHandled) {
            m_proxy->releaseRule(m_ruleId);
            m_action.reset();
        }
        dropUpstream();
        end();
    }

    void dropUpstream()
    {
        if (!m_reply)
            return;
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }

    // The upstream's answer is recorded when its head arrives; this marks it done, once.
    void finishRecord()
    {
        if (!m_tracked || m_record->finished)
            return; // never got an answer from the upstream, or already done
        m_record->finished = true;
        Q_EMIT m_proxy->exchangeFinished(*m_record);
    }

    void end()
    {
        if (m_ended)
            return;
        m_ended = true;
        finishRecord();
        if (m_socket)
            m_socket->disconnect(this);
        if (m_responder)
            m_responder->disconnect(this);
        deleteLater();
    }

    FaultProxy *m_proxy;
    QPointer<HttpResponder> m_responder;
    HttpRequest m_request;
    int m_ruleId;
    std::optional<FaultAction> m_action;
    QPointer<QTcpSocket> m_socket;
    QPointer<QNetworkReply> m_reply;
    std::shared_ptr<UpstreamResponse> m_record = std::make_shared<UpstreamResponse>();
    qint64 m_limit = -1; // TruncateAt / StallAt: body bytes to forward
    bool m_stallAtLimit = false;
    qint64 m_flipOffset = -1;
    quint8 m_flipMask = 0;
    bool m_tracked = false;
    bool m_headHandled = false;
    bool m_headSent = false;
    bool m_upstreamFinished = false;
    bool m_stalled = false;
    bool m_ended = false;
};

// ---- FaultProxy ---------------------------------------------------------------------------------

FaultProxy::FaultProxy(QString upstreamHostPort, QObject *parent)
    : QObject(parent),
      m_upstream(std::move(upstreamHostPort)),
      m_http(new HttpServer(this)),
      m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy); // never an http_proxy from the environment
    m_http->setHandler([this](const HttpRequest &request, HttpResponder &responder) { handle(request, responder); });
}

FaultProxy::~FaultProxy()
{
    // Exchanges first: they abort their upstream replies while the network manager still exists.
    const auto exchanges = m_exchanges;
    for (const auto &exchange : exchanges)
        delete exchange.data();
    m_http->closeAllConnections();
}

bool FaultProxy::listen(QString *error)
{
    return m_http->listen(error);
}

QString FaultProxy::hostPort() const
{
    return u"127.0.0.1:%1"_s.arg(m_http->port());
}

QUrl FaultProxy::baseUrl() const
{
    return m_http->baseUrl();
}

int FaultProxy::addRule(const FaultRule &rule)
{
    const int id = m_nextRuleId++;
    m_rules.insert(id, RuleState{rule, 0});
    m_ruleOrder.append(id);
    return id;
}

void FaultProxy::removeRule(int ruleId)
{
    m_rules.remove(ruleId);
    m_ruleOrder.removeAll(ruleId);
}

void FaultProxy::clearRules()
{
    m_rules.clear();
    m_ruleOrder.clear();
}

int FaultProxy::applied(int ruleId) const
{
    return m_rules.value(ruleId).applied;
}

int FaultProxy::remaining(int ruleId) const
{
    const auto it = m_rules.constFind(ruleId);
    return it == m_rules.cend() ? 0 : it->rule.remaining;
}

void FaultProxy::clearRecords()
{
    m_http->clearRequests();
    m_upstreamResponses.clear();
}

int FaultProxy::activeExchanges() const
{
    return int(std::ranges::count_if(m_exchanges, [](const auto &e) { return e && e->isActive(); }));
}

int FaultProxy::reserveRule(const HttpRequest &request)
{
    const QString path = request.path();
    for (const int id : std::as_const(m_ruleOrder)) {
        RuleState &state = m_rules[id];
        const FaultRule &rule = state.rule;
        if (rule.remaining == 0)
            continue;
        if (!rule.method.isEmpty() && rule.method != request.method)
            continue;
        if (!rule.pathPattern.isEmpty() && !QRegularExpression(rule.pathPattern).match(path).hasMatch())
            continue;
        if (std::holds_alternative<fault::IgnoreRange>(rule.action) && !request.hasHeader("Range"))
            continue;
        if (state.rule.remaining > 0)
            --state.rule.remaining;
        return id;
    }
    return -1;
}

void FaultProxy::releaseRule(int ruleId)
{
    const auto it = m_rules.find(ruleId);
    if (it != m_rules.end() && it->rule.remaining >= 0)
        ++it->rule.remaining;
}

void FaultProxy::noteApplied(int ruleId, const HttpRequest &request)
{
    const auto it = m_rules.find(ruleId);
    if (it == m_rules.end())
        return;
    ++it->applied;
    Q_EMIT faultApplied(ruleId, request.method, request.path());
}

void FaultProxy::track(const std::shared_ptr<UpstreamResponse> &response)
{
    if (!m_upstreamResponses.contains(response))
        m_upstreamResponses.append(response);
}

QList<UpstreamResponse> FaultProxy::upstreamResponses() const
{
    QList<UpstreamResponse> responses;
    responses.reserve(m_upstreamResponses.size());
    for (const auto &response : m_upstreamResponses)
        responses.append(*response);
    return responses;
}

QByteArray FaultProxy::rewriteUpstreamUrls(const QByteArray &value) const
{
    QByteArray rewritten = value;
    const QByteArray proxy = "http://" + hostPort().toLatin1();
    rewritten.replace(QByteArray("http://" + m_upstream.toLatin1()), proxy);
    // distribution builds absolute URLs from the Host it was sent, which is the upstream's own.
    if (m_upstream.startsWith(u"127.0.0.1:"_s))
        rewritten.replace(QByteArray("http://localhost:" + m_upstream.mid(10).toLatin1()), proxy);
    return rewritten;
}

void FaultProxy::handle(const HttpRequest &request, HttpResponder &responder)
{
    const int ruleId = reserveRule(request);
    std::optional<FaultAction> action;
    if (ruleId >= 0)
        action = m_rules.value(ruleId).rule.action;

    if (action) {
        if (const auto *status = std::get_if<fault::Status>(&*action)) {
            noteApplied(ruleId, request);
            HttpHeaders headers = status->headers;
            if (!status->body.isEmpty() && headerValue(headers, "Content-Type").isEmpty())
                headers.emplaceBack("Content-Type", "application/json");
            responder.respond(status->code, status->body, headers);
            return;
        }
    }
    m_exchanges.removeIf([](const auto &e) { return e.isNull(); });
    auto *exchange = new ProxiedExchange(this, responder, ruleId, std::move(action));
    m_exchanges.append(exchange);
    exchange->start();
}

} // namespace wharf::testbed

#include "FaultProxy.moc"
