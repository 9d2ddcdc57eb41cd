#pragma once
// A stand-in for the CDN a registry redirects blob GETs to (FaultProxy's RedirectTo and RedirectBy):
// on 127.0.0.1, it serves GET/HEAD <anything>/blobs/sha256:<hex> and, as Docker Hub's CDNs name
// them, <anything>/blobs/sha256/<2>/<hex>/data, from a docker-registry storage root
// (<root>/docker/registry/v2/blobs/sha256/<2>/<hex>/data), streamed from disk, honouring
// `Range: bytes=N-[M]` with 206 and Content-Range. Every request is recorded with its headers and
// the status it got, so a test can assert that the registry's Authorization never arrives here.
//
// As Docker Hub's CDNs do in 2026 it can also insist on signed links: Cloudflare R2 serves Hub
// blobs on S3 SigV4 presigned URLs (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date,
// X-Amz-Expires=1200, X-Amz-SignedHeaders=host, X-Amz-Signature). signedLink() makes one the way
// S3 does, with a secret of this instance and this CDN's host in the signature, so a link works
// here only, and only until it expires; anything else is refused with 403 and S3's XML error
// (AccessDenied "Request has expired", SignatureDoesNotMatch). Like R2 since February 2025, it can
// refuse any request that carries an Authorization header (400 InvalidRequest, "Missing
// x-amz-content-sha256"). Faults of its own: ignore Range, cut or stall the next bodies.

#include "HttpServer.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

namespace wharf::testbed {

class BlobCdn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobCdn)
public:
    explicit BlobCdn(QString storageRoot, QObject *parent = nullptr);

    bool listen(QString *error = nullptr); // a free port
    [[nodiscard]] QUrl baseUrl() const; // http://127.0.0.1:PORT
    [[nodiscard]] QString hostPort() const;

    [[nodiscard]] QList<HttpRequest> requests() const { return m_http->requests(); }
    [[nodiscard]] qsizetype requestCount() const { return m_http->requestCount(); }
    // The status each request in requests() was answered with, in the same order.
    [[nodiscard]] QList<int> statuses() const { return m_statuses; }
    [[nodiscard]] qint64 bytesServed() const { return m_bytesServed; }
    void clearRequests(); // and their statuses and the bytes served

    // Signed links only: a request without a valid, unexpired signature for this CDN is refused.
    void setRequireSignedLinks(bool required) { m_requireSigned = required; }
    // X-Amz-Expires of the links signedLink() makes; 1200 s (20 minutes) as R2's.
    void setLinkLifetimeSeconds(int seconds) { m_lifetimeSeconds = seconds; }
    [[nodiscard]] int linkLifetimeSeconds() const { return m_lifetimeSeconds; }
    // A presigned link to the blob on this CDN, signed at `signedAt` (a moment long enough ago makes
    // one that has already expired). Empty unless `digest` is sha256:<64 hex>.
    [[nodiscard]] QUrl signedLink(QStringView digest, const QDateTime &signedAt = QDateTime::currentDateTimeUtc()) const;
    // 400 InvalidRequest to any request that carries Authorization, as R2 answered proxies that
    // forwarded the registry's headers.
    void setRefuseAuthorization(bool refuse) { m_refuseAuthorization = refuse; }
    // Answer 200 with the whole blob whatever Range says (a CDN that does not do ranges).
    void setIgnoreRange(bool ignore) { m_ignoreRange = ignore; }
    // The next `count` bodies longer than `afterBytes` stop after that many bytes: the connection
    // closes (a truncated transfer), or with `stall` it stays open and silent until the client
    // gives up.
    void cutNextBodies(qint64 afterBytes, int count = 1, bool stall = false);

    // The data file of a blob under a storage root; empty unless `digest` is sha256:<64 hex>, so a
    // hostile digest can never name another file.
    [[nodiscard]] static QString blobFile(const QString &storageRoot, QStringView digest);

Q_SIGNALS:
    void requestReceived(const wharf::testbed::HttpRequest &request);

private:
    void handle(const HttpRequest &request, HttpResponder &responder);
    void respond(HttpResponder &responder, int status, const QByteArray &body, const HttpHeaders &headers);
    // Why a signed request must be refused (an S3 <Error> document), or empty when it is good.
    [[nodiscard]] QByteArray signatureProblem(const HttpRequest &request) const;
    [[nodiscard]] QByteArray signature(const QByteArray &host, const QString &path, const QByteArray &canonicalQuery,
                                       const QByteArray &amzDate) const;

    QString m_root;
    HttpServer *m_http;
    QList<int> m_statuses;
    qint64 m_bytesServed = 0;
    QByteArray m_secret; // per instance: a link signed here is worthless on another BlobCdn
    bool m_requireSigned = false;
    int m_lifetimeSeconds = 1200;
    bool m_refuseAuthorization = false;
    bool m_ignoreRange = false;
    qint64 m_cutAfter = -1;
    int m_cutsLeft = 0;
    bool m_cutStalls = false;
};

} // namespace wharf::testbed
