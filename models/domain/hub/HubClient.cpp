#include "hub/HubClient.h"

#include "credentials/CredentialSource.h"
#include "hub/HubTypes.h"
#include "net/HostRules.h"
#include "net/HttpErrors.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QUrlQuery>

#include <algorithm>

namespace wharf {

namespace {

constexpr qint64 kMaxHubResponse = 8 * 1024 * 1024;
constexpr qint64 kMaxTokenResponse = 64 * 1024;
// The Hub says its API tokens live ten minutes; one is renewed this long before its `exp`.
constexpr int kTokenLifetimeSeconds = 600;
constexpr int kTokenMarginSeconds = 30;

// The page number a URL asks for (1 when it does not say).
int pageOf(const QUrl &url)
{
    const QUrlQuery query(url);
    const int page = query.queryItemValue(QStringLiteral("page")).toInt();
    const int from = query.queryItemValue(QStringLiteral("from")).toInt();
    return std::max({1, page, from > 0 ? 2 : 1});
}

// A JWT's `exp`, or invalid when it carries none (the Hub's tokens are JWTs).
QDateTime jwtExpiry(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const auto payload = QByteArray::fromBase64Encoding(parts.at(1), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!payload)
        return {};
    const qint64 exp = QJsonDocument::fromJson(*payload).object().value(QLatin1StringView("exp")).toInteger(0);
    return exp > 0 ? QDateTime::fromSecsSinceEpoch(exp, Qt::UTC) : QDateTime();
}

QString secretHash(const Credentials &credentials)
{
    return QString::fromLatin1(QCryptographicHash::hash(credentials.secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// Sets a parser as the request's check of the shape (a route that answers otherwise is treated as gone).
template <typename Parse> HubRequest *validated(HubRequest *request, Parse parse)
{
    request->setValidator([parse](const QJsonObject &json, const QUrl &url) -> std::optional<Error> {
        if (auto parsed = parse(json, url); !parsed)
            return parsed.error();
        return std::nullopt;
    });
    return request;
}

} // namespace

HubRequest::HubRequest(HubClient *client, QList<QUrl> routes, std::optional<HubRoute> route, QString what, QObject *parent)
    : Job(parent),
      m_client(client),
      m_routes(std::move(routes)),
      m_route(route),
      m_what(std::move(what))
{
    m_url = m_routes.value(0);
}

void HubRequest::run()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the Docker Hub client is gone")));
        return;
    }
    m_client->withBearer(this, [this](const QByteArray &bearer) { send(bearer); });
}

void HubRequest::send(const QByteArray &bearer)
{
    if (isFinished() || !m_client)
        return;
    m_signedIn = !bearer.isEmpty();
    m_url = m_routes.at(m_routeIndex);
    net::HttpRequestSpec spec;
    spec.url = m_url;
    spec.headers = {{"Accept", "application/json"}};
    spec.maxBodyBytes = kMaxHubResponse;
    spec.retry = m_client->retryPolicy();
    spec.allowPlainHttp = [](const QUrl &url) { return net::isLoopbackHost(url.host()); };
    if (!bearer.isEmpty()) {
        // The Hub's own host only: a `next` that points elsewhere gets no token.
        const QUrl hub = m_client->baseUrl();
        spec.authorization = [hub, bearer](const QUrl &url) {
            return url.scheme() == hub.scheme() && url.host() == hub.host() && url.port() == hub.port() ? "Bearer " + bearer : QByteArray();
        };
    }
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

bool HubRequest::tryNextRoute()
{
    if (m_routeIndex + 1 >= m_routes.size() || !m_client)
        return false;
    ++m_routeIndex;
    send(m_signedIn ? m_client->m_bearer : QByteArray());
    return true;
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
    if (m_client)
        m_client->noteResponse(response);
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QString hubMessage =
        QString(body.value(QLatin1StringView("message")).toString() + body.value(QLatin1StringView("detail")).toString()).left(200);
    // A route that is gone answers 410, or a 404 that is not the Hub's documented error (which
    // carries `message` and `errinfo`: the repository or tag asked for does not exist, at any route).
    const bool routeGone = response.status == 410
        || (response.status == 404 && !body.contains(QLatin1StringView("errinfo")) && !body.contains(QLatin1StringView("message")));
    if (routeGone && tryNextRoute())
        return;
    // Deep tag pages are for signed-in callers since 2026-08; the status is not documented, the
    // words are ("pagination offset too large for anonymous requests; sign in to page further").
    if (!m_signedIn && pageOf(m_url) > 1 && response.status >= 400 && response.status < 500 && response.status != 404
        && response.status != 429) {
        m_anonymousLimit = true;
        fail(Error(Error::Code::Unauthorized, tr("Docker Hub lists only the first pages of %1 without signing in").arg(m_what)));
        return;
    }
    switch (response.status) {
    case 200:
        break;
    case 404:
    case 410:
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
        fail(net::statusError(response,
                              tr("Docker Hub answered HTTP %1 for %2%3")
                                  .arg(response.status)
                                  .arg(m_what)
                                  .arg(hubMessage.isEmpty() ? QString() : u": " + hubMessage)));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    std::optional<Error> invalid;
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        invalid = Error(Error::Code::MalformedDocument, tr("Docker Hub sent malformed JSON for %1").arg(m_what));
    else if (m_validate)
        invalid = m_validate(doc.object(), m_url);
    if (invalid) {
        // A route that answers with something else than its documented shape is treated as gone.
        if (!tryNextRoute())
            fail(*invalid);
        return;
    }
    if (m_routeIndex > 0 && m_route && m_client)
        m_client->rememberLegacy(*m_route);
    m_json = doc.object();
    emitResult();
}

HubClient::HubClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent),
      m_network(network ? network : new QNetworkAccessManager(this))
{
    const QString override = qEnvironmentVariable("WHARF_HUB_URL");
    m_baseUrl = QUrl(override.isEmpty() ? QStringLiteral("https://hub.docker.com") : override);
}

HubClient::~HubClient() = default;

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

QList<QUrl> HubClient::routes(HubRoute route, QUrl current, QUrl legacy) const
{
    if (isLegacy(route))
        return {std::move(legacy)};
    return {std::move(current), std::move(legacy)};
}

HubRequest *HubClient::search(const HubSearchQuery &query, int from, int size)
{
    size = std::clamp(size, 1, kMaxPageSize);
    from = std::clamp(from, 0, hub::kMaxSearchOffset - size);
    QList<std::pair<QString, QString>> v4{{QStringLiteral("query"), query.text},
                                          {QStringLiteral("from"), QString::number(from)},
                                          {QStringLiteral("size"), QString::number(size)}};
    const auto addList = [&v4](const QString &key, const QStringList &values) {
        if (!values.isEmpty())
            v4.append({key, values.join(u',')});
    };
    addList(QStringLiteral("operating_systems"), query.operatingSystems);
    addList(QStringLiteral("architectures"), query.architectures);
    addList(QStringLiteral("badges"), query.badges);
    if (query.order != HubSearchQuery::Order::BestMatch) {
        v4.append({QStringLiteral("sort"),
                   query.order == HubSearchQuery::Order::MostPulled ? QStringLiteral("pull_count") : QStringLiteral("updated_at")});
        v4.append({QStringLiteral("order"), QStringLiteral("desc")});
    }
    const QUrl legacy = endpoint(QStringLiteral("/v2/search/repositories/"),
                                 {{QStringLiteral("query"), query.text},
                                  {QStringLiteral("page"), QString::number(from / size + 1)},
                                  {QStringLiteral("page_size"), QString::number(size)}});
    return validated(new HubRequest(this, routes(HubRoute::Search, endpoint(QStringLiteral("/api/search/v4"), v4), legacy),
                                    HubRoute::Search, tr("search “%1”").arg(query.text), this),
                     [](const QJsonObject &json, const QUrl &url) { return hub::parseSearchPage(json, url); });
}

HubRequest *HubClient::search(const QString &text, int size)
{
    HubSearchQuery query;
    query.text = text;
    return search(query, 0, size);
}

HubRequest *HubClient::repository(const QString &namespaceName, const QString &repository)
{
    return validated(new HubRequest(this,
                                    routes(HubRoute::Repository,
                                           endpoint(u"/v2/namespaces/" + namespaceName + u"/repositories/" + repository),
                                           endpoint(u"/v2/repositories/" + namespaceName + u'/' + repository + u'/')),
                                    HubRoute::Repository, tr("repository %1/%2").arg(namespaceName, repository), this),
                     [](const QJsonObject &json, const QUrl &) { return hub::parseRepository(json); });
}

HubRequest *HubClient::tags(const QString &namespaceName, const QString &repository, int pageSize)
{
    const QList<std::pair<QString, QString>> query{{QStringLiteral("page_size"), QString::number(std::clamp(pageSize, 1, kMaxPageSize))}};
    return validated(new HubRequest(this,
                                    routes(HubRoute::Tags,
                                           endpoint(u"/v2/namespaces/" + namespaceName + u"/repositories/" + repository + u"/tags", query),
                                           endpoint(u"/v2/repositories/" + namespaceName + u'/' + repository + u"/tags/", query)),
                                    HubRoute::Tags, tr("tags of %1/%2").arg(namespaceName, repository), this),
                     [](const QJsonObject &json, const QUrl &) { return hub::parseTagsPage(json); });
}

HubRequest *HubClient::tag(const QString &namespaceName, const QString &repository, const QString &tag)
{
    return validated(new HubRequest(this,
                                    routes(HubRoute::Tag,
                                           endpoint(u"/v2/namespaces/" + namespaceName + u"/repositories/" + repository + u"/tags/" + tag),
                                           endpoint(u"/v2/repositories/" + namespaceName + u'/' + repository + u"/tags/" + tag)),
                                    HubRoute::Tag, tr("tag %1 of %2/%3").arg(tag, namespaceName, repository), this),
                     [](const QJsonObject &json, const QUrl &) { return hub::parseTag(json); });
}

HubRequest *HubClient::repositories(const QString &namespaceName, const QString &nameFilter, const QString &ordering, int pageSize)
{
    QList<std::pair<QString, QString>> query{{QStringLiteral("page_size"), QString::number(std::clamp(pageSize, 1, kMaxPageSize))}};
    if (!nameFilter.isEmpty())
        query.append({QStringLiteral("name"), nameFilter});
    if (!ordering.isEmpty())
        query.append({QStringLiteral("ordering"), ordering});
    return validated(new HubRequest(this,
                                    routes(HubRoute::Repositories, endpoint(u"/v2/namespaces/" + namespaceName + u"/repositories", query),
                                           endpoint(u"/v2/repositories/" + namespaceName + u'/', query)),
                                    HubRoute::Repositories, tr("repositories of %1").arg(namespaceName), this),
                     [](const QJsonObject &json, const QUrl &) { return hub::parseRepositoriesPage(json); });
}

HubRequest *HubClient::page(const QUrl &url, const QString &what)
{
    return new HubRequest(this, {url}, std::nullopt, what, this);
}

void HubClient::setCredentialSource(CredentialSource *source)
{
    m_credentials = source;
    forgetSignIn();
}

void HubClient::forgetSignIn()
{
    m_bearer.clear();
    m_bearerExpires = {};
    m_user.clear();
    m_refusedUser.clear();
    m_refusedSecretHash.clear();
}

void HubClient::withBearer(QObject *context, std::function<void(const QByteArray &bearer)> done)
{
    if (!m_credentials) {
        done({});
        return;
    }
    if (!m_bearer.isEmpty() && QDateTime::currentDateTimeUtc().addSecs(kTokenMarginSeconds) < m_bearerExpires) {
        done(m_bearer);
        return;
    }
    m_waiting.append({context, std::move(done)});
    if (m_signingIn)
        return;
    m_signingIn = true;
    m_bearer.clear();
    m_credentials->lookup(QStringLiteral("docker.io"), this, [this](Result<std::optional<Credentials>> found) {
        if (!found) {
            Q_EMIT signInFailed(found.error());
            finishSignIn({});
            return;
        }
        // An identity token (Docker Desktop's OAuth) is for the registry only; the Hub wants a secret.
        if (!*found || (*found)->username.isEmpty() || (*found)->secret.isEmpty()) {
            finishSignIn({});
            return;
        }
        const Credentials credentials = **found;
        if (credentials.username == m_refusedUser && secretHash(credentials) == m_refusedSecretHash) {
            finishSignIn({});
            return;
        }
        net::HttpRequestSpec spec;
        spec.url = endpoint(QStringLiteral("/v2/auth/token"));
        spec.method = "POST";
        spec.headers = {{"Accept", "application/json"}, {"Content-Type", "application/json"}};
        spec.body =
            QJsonDocument(QJsonObject{{QStringLiteral("identifier"), credentials.username}, {QStringLiteral("secret"), credentials.secret}})
                .toJson(QJsonDocument::Compact);
        spec.maxBodyBytes = kMaxTokenResponse;
        spec.allowPlainHttp = [](const QUrl &url) { return net::isLoopbackHost(url.host()); };
        spec.maxRedirects = 0; // a secret in a body is not sent on to anywhere else
        auto *exchange = new net::HttpExchange(m_network, std::move(spec), this);
        connect(exchange, &Job::finished, this, [this, exchange, credentials] {
            const net::HttpResponse &response = exchange->response();
            if (!exchange->error())
                noteResponse(response);
            const QByteArray token =
                QJsonDocument::fromJson(response.body).object().value(QLatin1StringView("access_token")).toString().toLatin1();
            if (exchange->error() || response.status != 200 || token.isEmpty()) {
                Error error = exchange->error() ? *exchange->error()
                    : response.status == 200    ? Error(Error::Code::MalformedDocument, tr("Docker Hub sent no access token"))
                                                : net::statusError(response, tr("Docker Hub refused the password or access token"));
                if (error.code() == Error::Code::Unauthorized || error.code() == Error::Code::Denied) {
                    m_refusedUser = credentials.username;
                    m_refusedSecretHash = secretHash(credentials);
                }
                Q_EMIT signInFailed(error.withContext(tr("signing in to Docker Hub as %1").arg(credentials.username)));
                finishSignIn({});
                return;
            }
            const QDateTime expires = jwtExpiry(token);
            m_bearerExpires = expires.isValid() ? expires : QDateTime::currentDateTimeUtc().addSecs(kTokenLifetimeSeconds);
            const bool changed = m_user != credentials.username;
            m_user = credentials.username;
            if (changed)
                Q_EMIT signedIn(m_user);
            finishSignIn(token);
        });
        exchange->start();
    });
}

void HubClient::finishSignIn(const QByteArray &bearer)
{
    m_bearer = bearer;
    if (bearer.isEmpty())
        m_user.clear();
    m_signingIn = false;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &[context, done] : waiting) {
        if (context)
            done(bearer);
    }
}

void HubClient::noteResponse(const net::HttpResponse &response)
{
    const QByteArray limit = response.header("X-RateLimit-Limit").trimmed();
    if (limit.isEmpty())
        return;
    HubApiLimit next;
    next.limit = limit.toInt();
    bool ok = false;
    const int remaining = response.header("X-RateLimit-Remaining").trimmed().toInt(&ok);
    next.remaining = ok ? remaining : -1;
    const qint64 reset = response.header("X-RateLimit-Reset").trimmed().toLongLong(&ok);
    if (ok && reset > 0)
        next.reset = QDateTime::fromSecsSinceEpoch(reset, Qt::UTC);
    const bool changed = next.limit != m_apiLimit.limit || next.remaining != m_apiLimit.remaining;
    m_apiLimit = next;
    if (changed)
        Q_EMIT apiLimitChanged();
}

} // namespace wharf
