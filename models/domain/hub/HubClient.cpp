#include "hub/HubClient.h"

#include "net/HostRules.h"
#include "net/HttpErrors.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <algorithm>

namespace wharf {

namespace {
constexpr qint64 kMaxHubResponse = 8 * 1024 * 1024;
}

HubRequest::HubRequest(HubClient *client, QUrl url, QString what, QObject *parent)
    : Job(parent), m_client(client), m_url(std::move(url)), m_what(std::move(what))
{
}

void HubRequest::run()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the Docker Hub client is gone")));
        return;
    }
    net::HttpRequestSpec spec;
    spec.url = m_url;
    spec.headers = {{"Accept", "application/json"}};
    spec.maxBodyBytes = kMaxHubResponse;
    spec.retry = m_client->retryPolicy();
    spec.allowPlainHttp = [](const QUrl &url) { return net::isLoopbackHost(url.host()); };
    auto *exchange = new net::HttpExchange(m_client->network(), std::move(spec), this);
    m_exchange = exchange;
    connect(exchange, &Job::finished, this, [this, exchange] { onFinished(exchange); });
    exchange->start();
}

void HubRequest::abort()
{
    if (m_exchange)
        m_exchange->cancel();
}

void HubRequest::onFinished(net::HttpExchange *exchange)
{
    if (isFinished())
        return;
    if (exchange->error()) {
        fail(exchange->error()->withContext(tr("Docker Hub (%1)").arg(m_what)));
        return;
    }
    const net::HttpResponse &response = exchange->response();
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QString hubMessage = QString(body.value(QLatin1StringView("message")).toString()
                                       + body.value(QLatin1StringView("detail")).toString()).left(200);
    switch (response.status) {
    case 200:
        break;
    case 404:
        fail(net::statusError(response, tr("%1 not found on Docker Hub").arg(m_what)));
        return;
    case 401:
        fail(net::statusError(response, tr("Docker Hub requires a login for %1").arg(m_what)));
        return;
    case 403:
        fail(net::statusError(response, tr("Docker Hub denied access to %1").arg(m_what)));
        return;
    case 429:
        fail(net::statusError(response, tr("Docker Hub is rate limiting requests; %1").arg(net::RetryPolicy::retryLaterText(response))));
        return;
    default:
        fail(net::statusError(response, tr("Docker Hub answered HTTP %1 for %2%3").arg(response.status).arg(m_what)
                                            .arg(hubMessage.isEmpty() ? QString() : u": " + hubMessage)));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        fail(Error(Error::Code::MalformedDocument, tr("Docker Hub sent malformed JSON for %1").arg(m_what)));
        return;
    }
    m_json = doc.object();
    emitResult();
}

HubClient::HubClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network ? network : new QNetworkAccessManager(this))
{
    const QString override = qEnvironmentVariable("WHARF_HUB_URL");
    m_baseUrl = QUrl(override.isEmpty() ? QStringLiteral("https://hub.docker.com") : override);
}

QUrl HubClient::endpoint(const QString &path, const QList<std::pair<QString, QString>> &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    if (!query.isEmpty()) {
        // Encoded here, not by QUrlQuery: it leaves '+' as is (a space to Hub) and decodes a
        // "%41" the user typed, so a search for "c++" would become one for "c  ".
        QByteArray encoded;
        for (const auto &[key, value] : query) {
            if (!encoded.isEmpty())
                encoded += '&';
            encoded += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
        }
        url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
    }
    return url;
}

HubRequest *HubClient::search(const QString &query, int pageSize)
{
    const int size = std::clamp(pageSize, 1, kMaxPageSize);
    return new HubRequest(this,
                          endpoint(QStringLiteral("/v2/search/repositories/"),
                                   {{QStringLiteral("query"), query}, {QStringLiteral("page_size"), QString::number(size)}}),
                          tr("search “%1”").arg(query), this);
}

HubRequest *HubClient::repository(const QString &namespaceName, const QString &repository)
{
    return new HubRequest(this, endpoint(u"/v2/repositories/" + namespaceName + u'/' + repository + u'/'),
                          tr("repository %1/%2").arg(namespaceName, repository), this);
}

HubRequest *HubClient::tags(const QString &namespaceName, const QString &repository, int pageSize)
{
    const int size = std::clamp(pageSize, 1, kMaxPageSize);
    return new HubRequest(this,
                          endpoint(u"/v2/repositories/" + namespaceName + u'/' + repository + u"/tags/",
                                   {{QStringLiteral("page_size"), QString::number(size)}}),
                          tr("tags of %1/%2").arg(namespaceName, repository), this);
}

HubRequest *HubClient::tag(const QString &namespaceName, const QString &repository, const QString &tag)
{
    return new HubRequest(this, endpoint(u"/v2/repositories/" + namespaceName + u'/' + repository + u"/tags/" + tag),
                          tr("tag %1 of %2/%3").arg(tag, namespaceName, repository), this);
}

HubRequest *HubClient::page(const QUrl &url, const QString &what)
{
    return new HubRequest(this, url, what, this);
}

} // namespace wharf
