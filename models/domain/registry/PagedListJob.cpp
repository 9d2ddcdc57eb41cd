#include "registry/PagedListJob.h"

#include "registry/RegistryClient.h"
#include "registry/RegistryRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace wharf {

namespace {
constexpr int kMaxPages = 10'000;            // a registry that links in circles must not hold us forever
constexpr qint64 kMaxPageBytes = 8 * 1024 * 1024;
}

PagedListJob::PagedListJob(RegistryClient *client, Kind kind, QString registry, QString repository, int limit,
                           int pageSize, QObject *parent)
    : Job(parent), m_client(client), m_kind(kind), m_registry(std::move(registry)), m_repository(std::move(repository)),
      m_limit(limit), m_pageSize(pageSize)
{
}

QUrl PagedListJob::nextPageUrl(const QList<QByteArray> &linkHeaders, const QUrl &base)
{
    // RFC 8288: <uri-reference>; param=value; rel="next", possibly several links comma-separated.
    for (const QByteArray &header : linkHeaders) {
        for (const QByteArray &link : header.split(',')) {
            const qsizetype open = link.indexOf('<');
            const qsizetype close = link.indexOf('>', open + 1);
            if (open < 0 || close < 0)
                continue;
            const QByteArray params = link.mid(close + 1).toLower();
            if (!params.contains("rel=\"next\"") && !params.contains("rel=next"))
                continue;
            const QUrl target = base.resolved(QUrl(QString::fromUtf8(link.mid(open + 1, close - open - 1).trimmed())));
            if (target.isValid())
                return target;
        }
    }
    return {};
}

void PagedListJob::run()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the registry client is gone")));
        return;
    }
    QUrl url = m_client->baseUrl(m_registry);
    url.setPath(m_kind == Kind::Tags ? u"/v2/" + m_repository + u"/tags/list" : QStringLiteral("/v2/_catalog"));
    if (m_pageSize > 0) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("n"), QString::number(m_pageSize));
        url.setQuery(query);
    }
    requestPage(url);
}

void PagedListJob::abort()
{
    if (m_request)
        m_request->cancel();
}

void PagedListJob::requestPage(const QUrl &url)
{
    m_seenPages.insert(url.toString());
    RegistryRequest::Spec spec;
    spec.registry = m_registry;
    spec.repository = m_repository;
    if (m_kind == Kind::Catalog)
        spec.scopes = {QStringLiteral("registry:catalog:*")};
    spec.url = url;
    spec.headers = {{"Accept", "application/json"}};
    spec.maxBodyBytes = kMaxPageBytes;
    spec.what = m_kind == Kind::Tags ? tr("the tag list") : tr("the repository catalog");
    auto *reply = new RegistryRequest(m_client, std::move(spec), this);
    m_request = reply;
    connect(reply, &Job::finished, this, [this, reply] { onPage(reply); });
    reply->start();
}

void PagedListJob::onPage(RegistryRequest *reply)
{
    if (isFinished())
        return;
    if (reply->error()) {
        if (m_kind == Kind::Catalog && (reply->error()->code() == Error::Code::NotFound
                                        || reply->error()->code() == Error::Code::Unauthorized
                                        || reply->error()->code() == Error::Code::Denied))
            fail(Error(Error::Code::Unsupported,
                       tr("%1 does not let Wharf list its repositories (no catalog access); name a repository instead")
                           .arg(m_registry)));
        else
            fail(*reply->error());
        return;
    }
    const net::HttpResponse &response = reply->response();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    const QString key = m_kind == Kind::Tags ? QStringLiteral("tags") : QStringLiteral("repositories");
    const QJsonValue list = doc.object().value(key);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !(list.isArray() || list.isNull() || list.isUndefined())) {
        fail(Error(Error::Code::MalformedDocument, tr("%1 sent a malformed %2").arg(m_registry, reply->spec().what)));
        return;
    }
    QStringList page;
    for (const QJsonValue &v : list.toArray()) {
        if (!v.isString()) {
            fail(Error(Error::Code::MalformedDocument, tr("%1 sent a malformed %2").arg(m_registry, reply->spec().what)));
            return;
        }
        if (m_limit >= 0 && m_names.size() + page.size() >= m_limit) {
            m_truncated = true;
            break;
        }
        const QString name = v.toString();
        if (!m_seenNames.contains(name)) { // a page served twice, or pages that overlap
            m_seenNames.insert(name);
            page.append(name);
        }
    }
    const bool nothingNew = page.isEmpty() && !list.toArray().isEmpty() && !m_truncated;
    m_names.append(page);
    m_nextUrl = nextPageUrl(response.headerValues("Link"), response.url);
    if (!page.isEmpty())
        Q_EMIT pageReceived(page);

    const bool limitReached = m_limit >= 0 && m_names.size() >= m_limit;
    if (!m_nextUrl.isValid() || limitReached) {
        emitResult();
        return;
    }
    if (m_seenPages.contains(m_nextUrl.toString()) || nothingNew) {
        // Paging in circles: the list ends here, with every name it had, and says so.
        m_endNote = tr("%1's %2 went in circles; the list ends after %n name(s)", nullptr, int(m_names.size()))
                        .arg(m_registry, reply->spec().what);
        m_nextUrl.clear();
        emitResult();
        return;
    }
    if (m_seenPages.size() >= kMaxPages) {
        m_endNote = tr("%1 linked to more than %2 pages; the list ends after %n name(s)", nullptr, int(m_names.size()))
                        .arg(m_registry).arg(kMaxPages);
        emitResult(); // hasMore() stays true
        return;
    }
    // Link targets are the registry's to choose, but credentials stay with RegistryRequest's origin rule.
    requestPage(m_nextUrl);
}

} // namespace wharf
