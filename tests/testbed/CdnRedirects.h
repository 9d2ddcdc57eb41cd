#pragma once
// Docker Hub's blob redirects as they are in 2026, for FaultProxy: every blob GET the registry
// accepted is answered 307 to a link signed just then (BlobCdn::signedLink: S3 SigV4, expiring) on
// one of several CDNs, taken in turn for each blob — as Hub picks Cloudflare for one request and
// CloudFront for the next — so a client that kept an old link for a retry or a resume sends it to
// a CDN that cannot accept it, or too late. Every link handed out is recorded, and so is every
// request the CDNs receive with the link it carried: a request whose link was no longer the newest
// for its blob (or was never handed out) is stale, which is what reusing a Location looks like.

#include "FaultProxy.h"

#include <QList>
#include <QMetaObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace wharf::testbed {

class BlobCdn;

class CdnRedirects
{
public:
    struct Link
    {
        QString digest;
        int cdn = -1; // index into the list given to the constructor
        QUrl url;
        bool expired = false; // signed long enough ago to be refused
        int uses = 0; // requests the CDN received for it
    };

    // The CDNs must outlive this object and every FaultProxy rule made from action().
    explicit CdnRedirects(QList<BlobCdn *> cdns);
    ~CdnRedirects();
    CdnRedirects(const CdnRedirects &) = delete;
    CdnRedirects &operator=(const CdnRedirects &) = delete;

    // The FaultProxy action: addRule({"GET", FaultRule::blobPath(), redirects.action(), -1}).
    [[nodiscard]] fault::RedirectBy action() const;
    // The next `count` links for `digest` (any blob when empty; -1: every one from now on) are
    // signed so long ago that they have expired before the client gets them.
    void expireLinks(const QString &digest = {}, int count = -1);

    [[nodiscard]] QList<Link> links() const;
    [[nodiscard]] int linkCount(const QString &digest = {}) const;
    // CDN requests that carried an older link than the newest handed out for that blob, or one
    // that was never handed out.
    [[nodiscard]] QList<HttpRequest> staleRequests() const;

private:
    struct State;
    std::shared_ptr<State> m_state; // shared with every copy of the action
    QList<QMetaObject::Connection> m_connections;
};

} // namespace wharf::testbed
