#pragma once
// One authorised request to a registry. Sends what the registry is known to want up front
// (a cached bearer token for the scope, or Basic credentials); on 401 it reads the challenge,
// fetches a token from the realm (anonymous or with credentials), and tries once more. A 2xx
// response is the result; anything else becomes a typed error (RegistryErrors).

#include "core/Job.h"
#include "credentials/Credentials.h"
#include "net/HttpExchange.h"
#include "registry/AuthChallenge.h"

#include <QPointer>

#include <optional>

namespace wharf {

class RegistryClient;

class RegistryRequest final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryRequest)
public:
    struct Spec {
        QString registry;
        QString repository;    // for the pull scope; empty for registry-wide calls
        QStringList scopes;    // defaults to repository:<repository>:pull
        QUrl url;              // absolute, on the registry's base URL
        QByteArray method = "GET";
        QList<std::pair<QByteArray, QByteArray>> headers;
        qint64 maxBodyBytes = 4 * 1024 * 1024;
        QIODevice *sink = nullptr;
        QString what;          // for messages: "manifest latest", "tag list", …
        QList<int> acceptedStatuses; // besides 2xx (none by default)
        std::function<std::optional<Error>(const net::HttpResponse &)> validateSuccess;
    };

    RegistryRequest(RegistryClient *client, Spec spec, QObject *parent = nullptr);

    [[nodiscard]] const net::HttpResponse &response() const { return m_response; }
    [[nodiscard]] const Spec &spec() const { return m_spec; }

Q_SIGNALS:
    void progress(qint64 received, qint64 total);

protected:
    void run() override;
    void abort() override;

private:
    void withCredentials(std::function<void()> next);
    void prepareAuthorization();
    void send();
    void onExchangeFinished(net::HttpExchange *exchange);
    void handleChallenge(const net::HttpResponse &response);
    void fetchToken(const AuthChallenge &challenge);
    void onTokenFinished(net::HttpExchange *exchange);
    [[nodiscard]] QStringList requestScopes() const;
    [[nodiscard]] QString tokenKey() const;
    void failUnauthorized(const Error &error);

    QPointer<RegistryClient> m_client;
    Spec m_spec;
    net::HttpResponse m_response;
    QPointer<net::HttpExchange> m_exchange;
    std::optional<Credentials> m_credentials;
    // A credential store that could not answer (no keychain, a broken helper) does not stop an
    // anonymous attempt, which sends no secret anywhere; it explains a refusal that follows.
    std::optional<Error> m_credentialError;
    bool m_credentialsLooked = false;
    QByteArray m_authorization;
    // A 401 to an anonymous request starts the auth flow; a 401 to an authorised one (an expired
    // or revoked token) gets one fresh token. Each happens at most once per request.
    bool m_challenged = false;
    bool m_refreshed = false;
};

} // namespace wharf
