#pragma once
// A stand-in for the CDN a registry redirects blob GETs to (FaultProxy's RedirectTo): on
// 127.0.0.1, it serves GET/HEAD <anything>/blobs/sha256:<hex> from a docker-registry storage root
// (<root>/docker/registry/v2/blobs/sha256/<2>/<hex>/data), streamed from disk, honouring
// `Range: bytes=N-[M]` with 206 and Content-Range. Every request is recorded with its headers, so a
// test can assert that the registry's Authorization never arrives here.

#include "HttpServer.h"

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
    [[nodiscard]] QUrl baseUrl() const;     // http://127.0.0.1:PORT
    [[nodiscard]] QString hostPort() const;

    [[nodiscard]] QList<HttpRequest> requests() const { return m_http->requests(); }
    [[nodiscard]] qsizetype requestCount() const { return m_http->requestCount(); }
    void clearRequests() { m_http->clearRequests(); }
    [[nodiscard]] qint64 bytesServed() const { return m_bytesServed; }

    // The data file of a blob under a storage root; empty unless `digest` is sha256:<64 hex>, so a
    // hostile digest can never name another file.
    [[nodiscard]] static QString blobFile(const QString &storageRoot, QStringView digest);

private:
    void handle(const HttpRequest &request, HttpResponder &responder);

    QString m_root;
    HttpServer *m_http;
    qint64 m_bytesServed = 0;
};

} // namespace wharf::testbed
