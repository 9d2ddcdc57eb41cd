#pragma once
// A Docker/distribution bearer-token server on loopback that a real `docker-registry` trusts. At
// listen() it makes a throwaway key pair and a self-signed certificate (written to
// rootCertBundlePath(), the registry's `auth.token.rootcertbundle`) and from then on signs JWTs
// whose header names the key by its libtrust key id ("kid"), the way distribution 2.8 looks keys up.
//
// Endpoint: GET <realm>?service=…&scope=…[&scope=…] with optional `Authorization: Basic`, and the
// OAuth2 form POST (grant_type=password only; setOAuthPostEnabled(false) answers 405 so clients fall
// back to GET). Only `pull` is ever granted on repositories, `*` on registry:catalog:*. Errors are
// JSON `{"details":"…"}` like auth.docker.io's; the OAuth2 form's own errors are `{"error":"…"}`
// (invalid_request without client_id, unsupported_grant_type for anything but `password`).

#include "HttpServer.h"
#include "RegistryProcess.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

namespace wharf::testbed {

class TokenServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenServer)
public:
    enum class Algorithm { ES256, RS256 };
    Q_ENUM(Algorithm)
    enum class AnonymousAccess {
        Pull,       // anonymous requests get pull on every repository (and the catalog)
        EmptyToken, // anonymous requests get a token that grants nothing (Docker Hub, private repo)
        Deny,       // anonymous requests get 401 from the token server
    };
    Q_ENUM(AnonymousAccess)

    explicit TokenServer(QObject *parent = nullptr);
    ~TokenServer() override;

    // Before listen(): the key type (default ES256), service and issuer names.
    void setAlgorithm(Algorithm algorithm) { m_algorithm = algorithm; }
    void setService(const QString &service) { m_service = service; }
    void setIssuer(const QString &issuer) { m_issuer = issuer; }

    // Generates the key and the certificate, then binds 127.0.0.1 on a free port.
    bool listen(QString *error = nullptr);

    [[nodiscard]] QUrl realm() const;                 // http://127.0.0.1:<port>/token
    [[nodiscard]] QString service() const { return m_service; }
    [[nodiscard]] QString issuer() const { return m_issuer; }
    [[nodiscard]] QString rootCertBundlePath() const; // PEM certificate of the signing key
    // `base` set up as a docker-registry that takes this server's tokens (auth: token, realm, service,
    // issuer, root certificate bundle).
    [[nodiscard]] RegistryOptions registryOptions(RegistryOptions base = {}) const;
    [[nodiscard]] QString keyId() const { return m_keyId; }

    void addUser(const QString &user, const QString &password);
    // An OAuth2 refresh token (what Docker calls an identity token) that the POST
    // grant_type=refresh_token flow exchanges for `user`'s access tokens.
    void addRefreshToken(const QString &refreshToken, const QString &user) { m_refreshTokens.insert(refreshToken, user); }
    void setAnonymousPull(bool allowed); // Pull (default) or EmptyToken
    void setAnonymousAccess(AnonymousAccess access) { m_anonymous = access; }
    // Default 300. distribution accepts a token up to 60 s past its exp (leeway), so expiry tests
    // use issueExpiredTokens() rather than a short lifetime.
    void setTokenLifetime(int seconds) { m_lifetime = seconds; }
    void setOAuthPostEnabled(bool enabled) { m_postEnabled = enabled; }

    // Fault injection. The next `count` token requests answer `status` with a JSON error; or the
    // next `count` tokens are issued already expired (exp two minutes in the past, beyond the
    // registry's 60 s leeway) while the response still claims the normal expires_in.
    void failNextRequests(int count, int status = 500);
    void issueExpiredTokens(int count);
    // Rewrites every successful JSON answer before it is sent (drop `access_token`, set
    // `expires_in` to 0, remove `issued_at`, ...); an empty function restores the normal answer.
    void setResponseTransform(std::function<void(QJsonObject &)> transform) { m_transform = std::move(transform); }

    [[nodiscard]] QList<HttpRequest> requests() const { return m_http->requests(); }
    void clearRequests() { m_http->clearRequests(); }
    [[nodiscard]] int tokensIssued() const { return m_tokensIssued; }

    // Signs arbitrary claims with this server's key (for tests of tampered or foreign tokens).
    [[nodiscard]] QByteArray signClaims(const QJsonObject &claims) const;
    // The decoded claims of a token (no signature check); empty on malformed input.
    [[nodiscard]] static QJsonObject decodeClaims(const QByteArray &token);

Q_SIGNALS:
    void tokenIssued(const QString &subject, const QJsonArray &access);

private:
    struct Key;
    struct Grant
    {
        QJsonArray access;
        QStringList scopes; // granted scopes, for the OAuth2 `scope` field
    };

    void handle(const HttpRequest &request, HttpResponder &responder);
    void handleGet(const HttpRequest &request, HttpResponder &responder);
    void handlePost(const HttpRequest &request, HttpResponder &responder);
    // Checks credentials; false when a user was named but the password is wrong.
    bool authenticate(const QString &user, const QString &password) const;
    [[nodiscard]] Grant grant(const QStringList &scopes, bool authenticated) const;
    [[nodiscard]] QByteArray issue(const QString &subject, const Grant &grant, QDateTime *issuedAt);
    bool generateKey(QString *error);

    HttpServer *m_http;
    std::unique_ptr<Key> m_key;
    QTemporaryDir m_dir;
    Algorithm m_algorithm = Algorithm::ES256;
    QString m_service = QStringLiteral("wharf-testbed-registry");
    QString m_issuer = QStringLiteral("wharf-testbed-token-issuer");
    QString m_keyId;
    QHash<QString, QString> m_users;
    AnonymousAccess m_anonymous = AnonymousAccess::Pull;
    int m_lifetime = 300;
    bool m_postEnabled = true;
    int m_failCount = 0;
    int m_failStatus = 500;
    int m_expiredCount = 0;
    int m_tokensIssued = 0;
    std::function<void(QJsonObject &)> m_transform;
    QHash<QString, QString> m_refreshTokens;
};

} // namespace wharf::testbed
