#include "CdnRedirects.h"

#include "BlobCdn.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

struct CdnRedirects::State
{
    QList<QPointer<BlobCdn>> cdns;
    QHash<QString, int> turns; // links handed out so far, per blob: picks the next CDN
    QString expireDigest;
    int expireCount = 0;
    QList<Link> links;
    QList<HttpRequest> stale;

    QUrl linkFor(const HttpRequest &request)
    {
        const QString path = request.path();
        const QString digest = path.mid(path.lastIndexOf(u"/blobs/"_s) + 7);
        const int cdn = int(turns[digest]++ % cdns.size());
        bool expired = false;
        if (expireCount != 0 && (expireDigest.isEmpty() || expireDigest == digest)) {
            expired = true;
            if (expireCount > 0)
                --expireCount;
        }
        BlobCdn *target = cdns.at(cdn);
        if (!target)
            return {};
        // An hour past its lifetime: expired whatever the clock does during the test.
        const QDateTime signedAt =
            expired ? QDateTime::currentDateTimeUtc().addSecs(-target->linkLifetimeSeconds() - 3600) : QDateTime::currentDateTimeUtc();
        const QUrl url = target->signedLink(digest, signedAt);
        links.append({digest, cdn, url, expired, 0});
        return url;
    }

    // Which link a request at CDN `cdn` carried; it is stale unless that is the newest link of its
    // blob. (Two links signed in the same second for the same blob and CDN are equal: the newest
    // of the equal ones is taken.)
    void noteUse(int cdn, const HttpRequest &request)
    {
        const auto matches = [&](const Link &l) {
            return l.cdn == cdn && l.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) == request.target;
        };
        const auto used = std::find_if(links.rbegin(), links.rend(), matches);
        if (used == links.rend()) {
            stale.append(request);
            return;
        }
        ++used->uses;
        const QString &digest = used->digest;
        const bool newer = std::any_of(links.rbegin(), used, [&digest](const Link &l) { return l.digest == digest; });
        if (newer)
            stale.append(request);
    }
};

CdnRedirects::CdnRedirects(QList<BlobCdn *> cdns) : m_state(std::make_shared<State>())
{
    for (qsizetype i = 0; i < cdns.size(); ++i) {
        m_state->cdns.append(cdns[i]);
        m_connections.append(QObject::connect(cdns[i], &BlobCdn::requestReceived, cdns[i],
                                              [state = m_state, i](const HttpRequest &r) { state->noteUse(int(i), r); }));
    }
}

CdnRedirects::~CdnRedirects()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        QObject::disconnect(c);
}

fault::RedirectBy CdnRedirects::action() const
{
    return {[state = m_state](const HttpRequest &request) { return state->linkFor(request); }};
}

void CdnRedirects::expireLinks(const QString &digest, int count)
{
    m_state->expireDigest = digest;
    m_state->expireCount = count;
}

QList<CdnRedirects::Link> CdnRedirects::links() const
{
    return m_state->links;
}

int CdnRedirects::linkCount(const QString &digest) const
{
    return int(std::ranges::count_if(m_state->links, [&digest](const Link &l) { return digest.isEmpty() || l.digest == digest; }));
}

QList<HttpRequest> CdnRedirects::staleRequests() const
{
    return m_state->stale;
}

} // namespace wharf::testbed
