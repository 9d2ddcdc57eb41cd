#pragma once
// A fault-injecting HTTP proxy on 127.0.0.1 between Wharf and a real registry. Every request is
// forwarded (method, path and query, headers without the hop-by-hop ones) to the upstream with
// redirects and decompression off, and the answer streams back with its status and headers
// untouched (Docker-Content-Digest, Content-Range, WWW-Authenticate, ...), so the real auth flows
// work through it. Bodies are written through as they arrive with back-pressure, never held whole.
//
// Fault rules pick requests by method and path and change what the client sees: a truncated or
// corrupted body, a canned status (429 + Retry-After, 503), a stall half-way, a redirect to another
// loopback server (BlobCdn) with a fixed link or one made per request (signed, expiring), a
// replaced body (an oversized manifest, a hostile one), a Range that is ignored, a delay. Actions
// on the body wait for the upstream's answer: a 401 challenge or a 404 passes through untouched and
// does not use up the rule, so a fault lands on the response that carries the blob or manifest
// even when the client first has to fetch a token.
//
// Both what the proxy received (requests()) and what the upstream answered (upstreamResponses())
// are recorded, so tests can assert on either side.

#include "HttpServer.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <variant>

class QNetworkAccessManager;

namespace wharf::testbed {

class ProxiedExchange;

namespace fault {

// Forward the head with the full Content-Length, then close the connection after `bytes` body bytes.
struct TruncateAt
{
    qint64 bytes = 0;
};
// XOR the body byte at `offset` (counted in the forwarded body, so from the range start of a 206).
struct FlipByte
{
    qint64 offset = 0;
    quint8 mask = 0xff;
};
// Answer at once without asking the upstream. Content-Length is added; a body without a
// Content-Type gets application/json.
struct Status
{
    int code = 503;
    HttpHeaders headers;
    QByteArray body;
};
// Forward the head and `bytes` body bytes, then send nothing more; the socket stays open until the
// client gives up (or the proxy goes away).
struct StallAt
{
    qint64 bytes = 0;
};
// Once the upstream accepted the request (2xx, so authorisation was checked), answer 307 with
// Location = base + the request's path + its query and `query` (Docker Hub's CDN signs that way).
struct RedirectTo
{
    QUrl base;
    QByteArray query = "verify=sig";
};
// Once the upstream accepted the request (2xx), answer 307 with the Location `link` gives for it,
// asked anew for every request: a signed link that expires, on a CDN chosen per request, as Docker
// Hub's redirects are in 2026 (see CdnRedirects).
struct RedirectBy
{
    std::function<QUrl(const HttpRequest &request)> link;
};
// Once the upstream answered 2xx, serve `body` instead (with `contentType`, or the upstream's when
// empty) and a Docker-Content-Digest that matches it, as a consistent but hostile registry would.
struct ReplaceBody
{
    QByteArray body;
    QByteArray contentType;
};
// Forward without the Range header, so the upstream answers 200 with the whole body.
struct IgnoreRange
{
};
// Wait `ms` before forwarding (the response is otherwise untouched).
struct DelayMs
{
    int ms = 0;
};
// Forward, and add `headers` to a 2xx answer (Docker Hub's ratelimit-* on a real manifest).
struct AddHeaders
{
    HttpHeaders headers;
};

} // namespace fault

using FaultAction = std::variant<fault::TruncateAt, fault::FlipByte, fault::Status, fault::StallAt, fault::RedirectTo, fault::RedirectBy,
                                 fault::ReplaceBody, fault::IgnoreRange, fault::DelayMs, fault::AddHeaders>;

struct FaultRule
{
    QByteArray method; // "GET", "HEAD", ...; empty = any
    QString pathPattern; // a QRegularExpression searched in the decoded path; empty = any
    FaultAction action;
    int remaining = -1; // applies to the next N matching requests; -1 = always

    // Patterns for the usual targets: any repository, one digest or reference (empty = any).
    [[nodiscard]] static QString blobPath(const QString &digest = {});
    [[nodiscard]] static QString manifestPath(const QString &reference = {});
};

// What the upstream answered to one forwarded request, and how much of it reached the client.
struct UpstreamResponse
{
    QByteArray method;
    QByteArray target; // as the client sent it
    int status = 0; // 0: the upstream could not be reached
    HttpHeaders headers; // as the upstream sent them
    qint64 bodyBytesForwarded = 0; // counted as the bytes are handed to the client's socket
    int ruleId = -1; // the rule applied to it, -1 for none
    bool finished = false; // the proxy is done with it: sent whole, cut, stalled, or the client left
};

class FaultProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultProxy)
public:
    // `upstreamHostPort`: "127.0.0.1:PORT" of the registry (plain HTTP).
    explicit FaultProxy(QString upstreamHostPort, QObject *parent = nullptr);
    ~FaultProxy() override;

    // Binds 127.0.0.1 on a free port.
    bool listen(QString *error = nullptr);
    [[nodiscard]] QString hostPort() const; // "127.0.0.1:PORT", what Wharf is given as the registry
    [[nodiscard]] QUrl baseUrl() const; // http://127.0.0.1:PORT
    [[nodiscard]] QString upstreamHostPort() const { return m_upstream; }

    // Rules are tried in the order they were added; the first that matches and is not used up wins.
    int addRule(const FaultRule &rule); // returns the rule's id
    void removeRule(int ruleId);
    void clearRules();
    [[nodiscard]] int applied(int ruleId) const; // times the rule changed a response
    [[nodiscard]] int remaining(int ruleId) const; // -1 = unlimited; 0 also for an unknown id

    [[nodiscard]] QList<HttpRequest> requests() const { return m_http->requests(); }
    void clearRequests() { m_http->clearRequests(); }
    [[nodiscard]] qsizetype requestCount() const { return m_http->requestCount(); }
    // In the order their heads arrived; an entry appears with the head and is updated as the body
    // streams, so it is current even before the proxy's side of the exchange has ended.
    [[nodiscard]] QList<UpstreamResponse> upstreamResponses() const;
    void clearRecords();

    // Latency mode: every request waits `ms` before it is forwarded, as the round trip to a distant
    // registry or CDN does (Docker Hub from Europe: ~40 ms); fault rules still apply. 0: none.
    void setLatencyMs(int ms) { m_latencyMs = std::max(0, ms); }
    [[nodiscard]] int latencyMs() const { return m_latencyMs; }

    // Exchanges still in progress (streaming, delayed or stalled).
    [[nodiscard]] int activeExchanges() const;

Q_SIGNALS:
    void faultApplied(int ruleId, const QByteArray &method, const QString &path);
    // An entry of upstreamResponses() is finished: its response ended, was cut, or stalled.
    void exchangeFinished(const wharf::testbed::UpstreamResponse &response);

private:
    friend class ProxiedExchange;
    struct RuleState
    {
        FaultRule rule;
        int applied = 0;
    };

    void handle(const HttpRequest &request, HttpResponder &responder);
    // Finds a rule for the request and reserves one use of it; -1 when none applies.
    [[nodiscard]] int reserveRule(const HttpRequest &request);
    void releaseRule(int ruleId); // the reserved use was not needed (the upstream said no)
    void noteApplied(int ruleId, const HttpRequest &request);
    void track(const std::shared_ptr<UpstreamResponse> &response);
    [[nodiscard]] QByteArray rewriteUpstreamUrls(const QByteArray &value) const;

    QString m_upstream;
    HttpServer *m_http;
    QNetworkAccessManager *m_network;
    QList<int> m_ruleOrder;
    QHash<int, RuleState> m_rules;
    int m_nextRuleId = 1;
    QList<std::shared_ptr<UpstreamResponse>> m_upstreamResponses;
    QList<QPointer<ProxiedExchange>> m_exchanges;
    int m_latencyMs = 0;
};

} // namespace wharf::testbed
