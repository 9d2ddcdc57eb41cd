#include "registry/RegistryRequest.h"

#include "net/HostRules.h"
#include "net/HttpErrors.h"
#include "registry/RegistryClient.h"
#include "registry/RegistryErrors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace wharf {

namespace {

constexpr qint64 kMaxTokenResponse = 1024 * 1024;
constexpr int kMinTokenLifetimeSeconds = 60; // token spec: never less than 60 s, and the default

QByteArray basicAuthorization(const Credentials &c)
{
    return "Basic " + (c.username + u':' + c.secret).toUtf8().toBase64();
}

} // namespace

RegistryRequest::RegistryRequest(RegistryClient *client, Spec spec, QObject *parent)
    : Job(parent),
      m_client(client),
      m_spec(std::move(spec))
{}

void RegistryRequest::run()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the registry client is gone")));
        return;
    }
    prepareAuthorization();
}

void RegistryRequest::abort()
{
    if (m_exchange)
        m_exchange->cancel();
}

QStringList RegistryRequest::requestScopes() const
{
    if (!m_spec.scopes.isEmpty())
        return m_spec.scopes;
    if (!m_spec.repository.isEmpty())
        return {u"repository:" + m_spec.repository + u":pull"};
    return {};
}

QString RegistryRequest::tokenKey() const
{
    return TokenCache::key(m_spec.registry, requestScopes());
}

void RegistryRequest::withCredentials(std::function<void()> next)
{
    if (m_credentialsLooked) {
        next();
        return;
    }
    m_client->credentials(m_spec.registry, this, [this, next = std::move(next)](Result<std::optional<Credentials>> result) {
        m_credentialsLooked = true;
        if (result)
            m_credentials = *result;
        else
            m_credentialError = result.error();
        next();
    });
}

void RegistryRequest::prepareAuthorization()
{
    // Send what the registry asked for last time, so most requests need no 401 round trip.
    const std::optional<AuthChallenge> known = m_client->knownChallenge(m_spec.registry);
    if (!known) {
        send();
        return;
    }
    if (known->scheme == AuthChallenge::Scheme::Bearer) {
        const QString token = m_client->tokens().find(tokenKey());
        if (!token.isEmpty()) {
            m_authorization = "Bearer " + token.toUtf8();
            send();
        } else {
            fetchToken(*known);
        }
        return;
    }
    withCredentials([this] {
        if (m_credentials && !m_credentials->username.isEmpty())
            m_authorization = basicAuthorization(*m_credentials);
        send();
    });
}

void RegistryRequest::send()
{
    net::HttpRequestSpec http;
    http.url = m_spec.url;
    http.method = m_spec.method;
    http.headers = m_spec.headers;
    http.maxBodyBytes = m_spec.maxBodyBytes;
    http.sink = m_spec.sink;
    http.validateSuccess = m_spec.validateSuccess;
    http.transferTimeoutMs = m_client->transferTimeoutMs();
    http.retry = m_client->retryPolicy();
    const QUrl origin = m_client->baseUrl(m_spec.registry);
    // Credentials go to the registry's own origin only: a redirect to a CDN or anywhere else
    // gets a request without Authorization.
    http.authorization = [origin, auth = m_authorization](const QUrl &url) { return net::sameOrigin(url, origin) ? auth : QByteArray(); };
    http.allowPlainHttp = [client = m_client](const QUrl &url) { return client && client->allowsPlainHttp(url); };

    auto *exchange = new net::HttpExchange(m_client->network(), std::move(http), this);
    m_exchange = exchange;
    connect(exchange, &net::HttpExchange::progress, this, &RegistryRequest::progress);
    connect(exchange, &Job::finished, this, [this, exchange] { onExchangeFinished(exchange); });
    exchange->start();
}

void RegistryRequest::onExchangeFinished(net::HttpExchange *exchange)
{
    if (isFinished())
        return;
    if (exchange->error()) {
        fail(*exchange->error());
        return;
    }
    const net::HttpResponse &response = exchange->response();
    if (!response.header("ratelimit-limit").isEmpty() || !response.header("ratelimit-remaining").isEmpty())
        m_client->noteRateLimit(m_spec.registry,
                                RateLimit::fromHeaders(response.header("ratelimit-limit"), response.header("ratelimit-remaining"),
                                                       response.header("docker-ratelimit-source")));
    const bool hadCredentials = m_credentials && !m_credentials->isEmpty();
    if (response.isFromRedirectTarget() && !response.isSuccess() && !m_spec.acceptedStatuses.contains(response.status)) {
        // Where the registry sent Wharf (a CDN) said no, after the exchange's fresh links: not the
        // registry's answer, so no challenge from there gets the registry's credentials.
        fail(redirectTargetError(response, {m_spec.registry, m_spec.repository, m_spec.what, hadCredentials}, exchange->attempts()));
        return;
    }
    if (response.status == 401) {
        bool &used = m_authorization.isEmpty() ? m_challenged : m_refreshed;
        if (!used) {
            used = true;
            handleChallenge(response);
            return;
        }
    }
    if (response.isSuccess() || m_spec.acceptedStatuses.contains(response.status)) {
        m_response = response;
        emitResult();
        return;
    }
    const Error error = registryError(response, {m_spec.registry, m_spec.repository, m_spec.what, hadCredentials});
    if (error.code() == Error::Code::Unauthorized)
        failUnauthorized(error);
    else
        fail(error);
}

void RegistryRequest::failUnauthorized(const Error &error)
{
    if (m_credentialError)
        fail(Error(Error::Code::Credentials,
                   tr("%1 refused anonymous access, and its credentials could not be read: %2")
                       .arg(m_spec.registry, m_credentialError->message())));
    else
        fail(error);
}

void RegistryRequest::handleChallenge(const net::HttpResponse &response)
{
    const QList<AuthChallenge> challenges = AuthChallenge::parse(response.headerValues("WWW-Authenticate"));
    if (challenges.isEmpty()) {
        fail(registryError(response, {m_spec.registry, m_spec.repository, m_spec.what, false}));
        return;
    }
    const AuthChallenge &challenge = challenges.first();
    m_client->rememberChallenge(m_spec.registry, challenge);
    if (challenge.scheme == AuthChallenge::Scheme::Bearer) {
        m_client->tokens().remove(tokenKey());
        fetchToken(challenge);
        return;
    }
    if (!m_authorization.isEmpty()) {
        // Basic credentials were sent and refused: sending them again cannot help.
        fail(registryError(response, {m_spec.registry, m_spec.repository, m_spec.what, true}));
        return;
    }
    withCredentials([this] {
        if (!m_credentials || m_credentials->username.isEmpty()) {
            failUnauthorized(Error(Error::Code::Unauthorized, tr("%1 requires a login: run “wharf login %1”").arg(m_spec.registry)));
            return;
        }
        m_authorization = basicAuthorization(*m_credentials);
        send();
    });
}

void RegistryRequest::fetchToken(const AuthChallenge &challenge)
{
    withCredentials([this, challenge] {
        QUrl realm(challenge.realm());
        if (!realm.isValid() || realm.host().isEmpty()) {
            fail(Error(Error::Code::Unauthorized, tr("%1 sent an authentication challenge without a valid realm").arg(m_spec.registry)));
            return;
        }
        QStringList scopes = requestScopes();
        for (const QString &s : challenge.scopes())
            if (!scopes.contains(s))
                scopes.append(s);

        net::HttpRequestSpec http;
        http.maxBodyBytes = kMaxTokenResponse;
        http.transferTimeoutMs = m_client->transferTimeoutMs();
        http.retry = m_client->retryPolicy();
        http.allowPlainHttp = [client = m_client](const QUrl &url) { return client && client->allowsPlainHttp(url); };
        const Credentials creds = m_credentials.value_or(Credentials());
        if (!creds.identityToken.isEmpty()) {
            // OAuth2 refresh-token grant (distribution's oauth.md); the token never goes in a URL.
            QUrlQuery form;
            form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
            form.addQueryItem(QStringLiteral("refresh_token"), creds.identityToken);
            form.addQueryItem(QStringLiteral("service"), challenge.service());
            form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("wharf"));
            form.addQueryItem(QStringLiteral("scope"), scopes.join(u' '));
            http.url = realm;
            http.method = "POST";
            http.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
            http.body = form.toString(QUrl::FullyEncoded).toUtf8();
        } else {
            QUrlQuery query(realm);
            if (!challenge.service().isEmpty())
                query.addQueryItem(QStringLiteral("service"), challenge.service());
            for (const QString &scope : std::as_const(scopes))
                query.addQueryItem(QStringLiteral("scope"), scope);
            realm.setQuery(query);
            http.url = realm;
            if (!creds.username.isEmpty()) {
                const QByteArray auth = basicAuthorization(creds);
                const QUrl tokenOrigin = realm;
                http.authorization = [auth, tokenOrigin](const QUrl &url) {
                    return net::sameOrigin(url, tokenOrigin) ? auth : QByteArray();
                };
            }
        }
        auto *exchange = new net::HttpExchange(m_client->network(), std::move(http), this);
        m_exchange = exchange;
        connect(exchange, &Job::finished, this, [this, exchange] { onTokenFinished(exchange); });
        exchange->start();
    });
}

void RegistryRequest::onTokenFinished(net::HttpExchange *exchange)
{
    if (isFinished())
        return;
    const QString realmHost = net::hostPort(exchange->spec().url);
    if (exchange->error()) {
        fail(exchange->error()->withContext(tr("getting a token from %1").arg(realmHost)));
        return;
    }
    const net::HttpResponse &response = exchange->response();
    const bool hadCredentials = m_credentials && !m_credentials->isEmpty();
    if (response.status == 401 || response.status == 403) {
        if (hadCredentials)
            fail(
                Error(Error::Code::Unauthorized,
                      tr("%1 rejected the username or password for %2; check them with “wharf login %2”").arg(realmHost, m_spec.registry)));
        else
            failUnauthorized(Error(Error::Code::Unauthorized, tr("%1 requires a login: run “wharf login %1”").arg(m_spec.registry)));
        return;
    }
    if (!response.isSuccess()) {
        fail(net::statusError(response, tr("the token server %1 answered HTTP %2").arg(realmHost).arg(response.status)));
        return;
    }
    const QJsonObject json = QJsonDocument::fromJson(response.body).object();
    QString token = json.value(QStringLiteral("access_token")).toString();
    if (token.isEmpty())
        token = json.value(QStringLiteral("token")).toString();
    if (token.isEmpty()) {
        fail(Error(Error::Code::MalformedDocument, tr("the token server %1 sent no token").arg(realmHost)));
        return;
    }
    const int expiresIn = std::max(kMinTokenLifetimeSeconds, json.value(QStringLiteral("expires_in")).toInt(kMinTokenLifetimeSeconds));
    QDateTime issued = QDateTime::fromString(json.value(QStringLiteral("issued_at")).toString(), Qt::ISODateWithMs);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // A server clock far off ours would make the token look expired or eternal: trust our clock then.
    if (!issued.isValid() || std::abs(issued.secsTo(now)) > 300)
        issued = now;
    m_client->tokens().insert(tokenKey(), token, issued.addSecs(expiresIn));
    m_authorization = "Bearer " + token.toUtf8();
    send();
}

} // namespace wharf
