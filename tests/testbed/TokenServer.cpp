#include "TokenServer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

namespace {

// RFC 4648 base32 without padding.
QByteArray base32(QByteArrayView data)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QByteArray out;
    quint64 buffer = 0;
    int bits = 0;
    for (const char c : data) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            out += alphabet[(buffer >> (bits - 5)) & 0x1f];
            bits -= 5;
        }
    }
    if (bits > 0)
        out += alphabet[(buffer << (5 - bits)) & 0x1f];
    return out;
}

// libtrust's KeyID: SHA-256 of the PKIX (SubjectPublicKeyInfo) DER, first 30 bytes, base32, groups
// of four joined by ':'. distribution 2.8 indexes the rootcertbundle's keys by it.
QString libtrustKeyId(const QByteArray &spkiDer)
{
    const QByteArray encoded = base32(QCryptographicHash::hash(spkiDer, QCryptographicHash::Sha256).left(30));
    QStringList groups;
    for (qsizetype i = 0; i < encoded.size(); i += 4)
        groups.append(QString::fromLatin1(encoded.mid(i, 4)));
    return groups.join(u':');
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray errorBody(const QString &details)
{
    return QJsonDocument(QJsonObject{{u"details"_s, details}}).toJson(QJsonDocument::Compact);
}

const HttpHeaders JsonHeaders{{"Content-Type", "application/json"}};

template<typename T, void (*Free)(T *)>
struct OpenSslDeleter
{
    void operator()(T *p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, OpenSslDeleter<ECDSA_SIG, ECDSA_SIG_free>>;

} // namespace

struct TokenServer::Key
{
    PKeyPtr pkey;
    Algorithm algorithm = Algorithm::ES256;

    // JWS signature over `input`: RS256 = PKCS#1 v1.5; ES256 = raw r||s (64 bytes), not DER.
    [[nodiscard]] QByteArray sign(QByteArrayView input) const
    {
        MdCtxPtr ctx(EVP_MD_CTX_new());
        size_t length = 0;
        if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, pkey.get()) != 1
            || EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(input.data()),
                              size_t(input.size())) != 1)
            return {};
        QByteArray der(qsizetype(length), Qt::Uninitialized);
        if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(der.data()), &length,
                           reinterpret_cast<const unsigned char *>(input.data()), size_t(input.size())) != 1)
            return {};
        der.truncate(qsizetype(length));
        if (algorithm == Algorithm::RS256)
            return der;

        const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
        EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, long(der.size())));
        if (!sig)
            return {};
        const BIGNUM *r = nullptr;
        const BIGNUM *s = nullptr;
        ECDSA_SIG_get0(sig.get(), &r, &s);
        QByteArray raw(64, Qt::Uninitialized);
        auto *out = reinterpret_cast<unsigned char *>(raw.data());
        if (BN_bn2binpad(r, out, 32) != 32 || BN_bn2binpad(s, out + 32, 32) != 32)
            return {};
        return raw;
    }
};

TokenServer::TokenServer(QObject *parent)
    : QObject(parent), m_http(new HttpServer(this))
{
    m_http->setMaxBodySize(64 * 1024);
    m_http->setHandler([this](const HttpRequest &request, HttpResponder &responder) { handle(request, responder); });
}

TokenServer::~TokenServer() = default;

bool TokenServer::generateKey(QString *error)
{
    auto fail = [error](const QString &what) {
        if (error)
            *error = u"token server: %1 failed"_s.arg(what);
        return false;
    };
    if (!m_dir.isValid())
        return fail(u"creating a temporary directory"_s);

    auto key = std::make_unique<Key>();
    key->algorithm = m_algorithm;
    key->pkey.reset(m_algorithm == Algorithm::ES256 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                                                    : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
    if (!key->pkey)
        return fail(u"generating the key"_s);

    X509Ptr cert(X509_new());
    if (!cert)
        return fail(u"creating the certificate"_s);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), long(QRandomGenerator::global()->bounded(1, 1 << 30)));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 7L * 24 * 3600);
    X509_set_pubkey(cert.get(), key->pkey.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("wharf testbed token signer"),
                               -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (X509_sign(cert.get(), key->pkey.get(), EVP_sha256()) <= 0)
        return fail(u"signing the certificate"_s);

    BioPtr pem(BIO_new(BIO_s_mem()));
    if (!pem || PEM_write_bio_X509(pem.get(), cert.get()) != 1)
        return fail(u"encoding the certificate"_s);
    char *pemData = nullptr;
    const long pemSize = BIO_get_mem_data(pem.get(), &pemData);
    QFile file(rootCertBundlePath());
    if (!file.open(QIODevice::WriteOnly) || file.write(pemData, pemSize) != pemSize)
        return fail(u"writing %1"_s.arg(file.fileName()));
    file.close();

    unsigned char *der = nullptr;
    const int derSize = i2d_PUBKEY(key->pkey.get(), &der);
    if (derSize <= 0)
        return fail(u"encoding the public key"_s);
    m_keyId = libtrustKeyId(QByteArray(reinterpret_cast<const char *>(der), derSize));
    OPENSSL_free(der);

    m_key = std::move(key);
    return true;
}

bool TokenServer::listen(QString *error)
{
    if (!m_key && !generateKey(error))
        return false;
    return m_http->listen(error);
}

QUrl TokenServer::realm() const
{
    QUrl url = m_http->baseUrl();
    url.setPath(u"/token"_s);
    return url;
}

QString TokenServer::rootCertBundlePath() const
{
    return m_dir.filePath(u"token-signer.pem"_s);
}

void TokenServer::addUser(const QString &user, const QString &password)
{
    m_users.insert(user, password);
}

void TokenServer::setAnonymousPull(bool allowed)
{
    m_anonymous = allowed ? AnonymousAccess::Pull : AnonymousAccess::EmptyToken;
}

void TokenServer::failNextRequests(int count, int status)
{
    m_failCount = count;
    m_failStatus = status;
}

void TokenServer::issueExpiredTokens(int count)
{
    m_expiredCount = count;
}

bool TokenServer::authenticate(const QString &user, const QString &password) const
{
    const auto it = m_users.constFind(user);
    return it != m_users.cend() && it.value() == password;
}

TokenServer::Grant TokenServer::grant(const QStringList &scopes, bool authenticated) const
{
    const bool allowed = authenticated || m_anonymous == AnonymousAccess::Pull;
    Grant result;
    for (const QString &scope : scopes) {
        // type:name:actions, where the name may itself hold one ':' (host:port), so split at the
        // first and the last colon.
        const qsizetype first = scope.indexOf(u':');
        const qsizetype last = scope.lastIndexOf(u':');
        if (first <= 0 || last <= first)
            continue;
        const QString type = scope.left(first);
        const QString name = scope.mid(first + 1, last - first - 1);
        const QStringList requested = scope.mid(last + 1).split(u',', Qt::SkipEmptyParts);
        QStringList actions;
        if (allowed && type == u"repository" && requested.contains(u"pull"_s))
            actions = {u"pull"_s};
        else if (allowed && type == u"registry" && name == u"catalog" && requested.contains(u"*"_s))
            actions = {u"*"_s};
        result.access.append(QJsonObject{{u"type"_s, type}, {u"name"_s, name}, {u"actions"_s, QJsonArray::fromStringList(actions)}});
        if (!actions.isEmpty())
            result.scopes.append(type % u':' % name % u':' % actions.join(u','));
    }
    return result;
}

QByteArray TokenServer::signClaims(const QJsonObject &claims) const
{
    if (!m_key)
        return {};
    const QJsonObject header{{u"typ"_s, u"JWT"_s},
                             {u"alg"_s, m_algorithm == Algorithm::ES256 ? u"ES256"_s : u"RS256"_s},
                             {u"kid"_s, m_keyId}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                             + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature = m_key->sign(input);
    return signature.isEmpty() ? QByteArray() : input + '.' + base64Url(signature);
}

QJsonObject TokenServer::decodeClaims(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(parts.at(1), QByteArray::Base64UrlEncoding
                                                                          | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? QJsonDocument::fromJson(*decoded).object() : QJsonObject();
}

QByteArray TokenServer::issue(const QString &subject, const Grant &grant, QDateTime *issuedAt)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 iat = now.toSecsSinceEpoch();
    if (m_expiredCount > 0) {
        --m_expiredCount;
        iat -= m_lifetime + 120; // exp lands 120 s in the past, beyond the registry's 60 s leeway
    }
    const QJsonObject claims{
        {u"iss"_s, m_issuer},
        {u"sub"_s, subject},
        {u"aud"_s, m_service}, // distribution 2.8 wants a string here, not a list
        {u"exp"_s, iat + m_lifetime},
        {u"nbf"_s, iat - 1},
        {u"iat"_s, iat},
        {u"jti"_s, QString::fromLatin1(QByteArray::number(QRandomGenerator::global()->generate64(), 16))},
        {u"access"_s, grant.access},
    };
    const QByteArray token = signClaims(claims);
    if (!token.isEmpty()) {
        ++m_tokensIssued;
        Q_EMIT tokenIssued(subject, grant.access);
    }
    *issuedAt = now;
    return token;
}

void TokenServer::handle(const HttpRequest &request, HttpResponder &responder)
{
    if (request.path() != u"/token") {
        responder.respond(404, errorBody(u"not found"_s), JsonHeaders);
        return;
    }
    if (m_failCount > 0) {
        --m_failCount;
        responder.respond(m_failStatus, errorBody(u"injected failure"_s), JsonHeaders);
        return;
    }
    if (request.method == "GET")
        handleGet(request, responder);
    else if (request.method == "POST" && m_postEnabled)
        handlePost(request, responder);
    else
        responder.respond(405, errorBody(u"method not allowed"_s), {{"Content-Type", "application/json"}, {"Allow", "GET"}});
}

void TokenServer::handleGet(const HttpRequest &request, HttpResponder &responder)
{
    const QUrlQuery query = request.query();
    const QString service = query.queryItemValue(u"service"_s, QUrl::FullyDecoded);
    if (!service.isEmpty() && service != m_service) {
        responder.respond(400, errorBody(u"unknown service %1"_s.arg(service)), JsonHeaders);
        return;
    }

    QString subject;
    const QByteArray authorization = request.header("Authorization");
    if (authorization.startsWith("Basic ")) {
        const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(6).trimmed(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        const QByteArray credentials = decoded ? *decoded : QByteArray();
        const qsizetype colon = credentials.indexOf(':');
        const QString user = colon > 0 ? QString::fromUtf8(credentials.left(colon)) : QString();
        if (!authenticate(user, colon > 0 ? QString::fromUtf8(credentials.mid(colon + 1)) : QString())) {
            responder.respond(401, errorBody(u"incorrect username or password"_s), JsonHeaders);
            return;
        }
        subject = user;
    } else if (m_anonymous == AnonymousAccess::Deny) {
        responder.respond(401, errorBody(u"authentication required"_s),
                          {{"Content-Type", "application/json"}, {"WWW-Authenticate", "Basic realm=\"wharf-testbed\""}});
        return;
    }

    QStringList scopes;
    const QStringList scopeParams = query.allQueryItemValues(u"scope"_s, QUrl::FullyDecoded);
    for (const QString &param : scopeParams)
        scopes += param.split(u' ', Qt::SkipEmptyParts);

    QDateTime issuedAt;
    const QByteArray token = issue(subject, grant(scopes, !subject.isEmpty()), &issuedAt);
    if (token.isEmpty()) {
        responder.respond(500, errorBody(u"signing failed"_s), JsonHeaders);
        return;
    }
    QJsonObject body{{u"token"_s, QString::fromLatin1(token)},
                     {u"access_token"_s, QString::fromLatin1(token)},
                     {u"expires_in"_s, m_lifetime},
                     {u"issued_at"_s, issuedAt.toString(Qt::ISODateWithMs)}};
    if (m_transform)
        m_transform(body);
    responder.respondJson(200, QJsonDocument(body));
}

void TokenServer::handlePost(const HttpRequest &request, HttpResponder &responder)
{
    QByteArray form = request.body;
    form.replace('+', "%20");
    const QUrlQuery fields{QString::fromLatin1(form)};
    auto field = [&fields](const QString &name) { return fields.queryItemValue(name, QUrl::FullyDecoded); };
    auto oauthError = [&responder](int status, const QString &code) {
        responder.respond(status, QJsonDocument(QJsonObject{{u"error"_s, code}}).toJson(QJsonDocument::Compact), JsonHeaders);
    };

    if (field(u"client_id"_s).isEmpty()) {
        oauthError(400, u"invalid_request"_s);
        return;
    }
    const QString grantType = field(u"grant_type"_s);
    if (grantType != u"password" && grantType != u"refresh_token") {
        oauthError(400, u"unsupported_grant_type"_s);
        return;
    }
    const QString service = field(u"service"_s);
    if (!service.isEmpty() && service != m_service) {
        responder.respond(400, errorBody(u"unknown service %1"_s.arg(service)), JsonHeaders);
        return;
    }
    QString user;
    if (grantType == u"refresh_token") {
        // An identity token (Docker's `identitytoken`) stands for the user it was issued to.
        user = m_refreshTokens.value(field(u"refresh_token"_s));
        if (user.isEmpty()) {
            oauthError(401, u"invalid_grant"_s);
            return;
        }
    } else {
        user = field(u"username"_s);
        if (!authenticate(user, field(u"password"_s))) {
            responder.respond(401, errorBody(u"incorrect username or password"_s), JsonHeaders);
            return;
        }
    }

    const Grant granted = grant(field(u"scope"_s).split(u' ', Qt::SkipEmptyParts), true);
    QDateTime issuedAt;
    const QByteArray token = issue(user, granted, &issuedAt);
    if (token.isEmpty()) {
        responder.respond(500, errorBody(u"signing failed"_s), JsonHeaders);
        return;
    }
    QJsonObject body{{u"access_token"_s, QString::fromLatin1(token)},
                     {u"scope"_s, granted.scopes.join(u' ')},
                     {u"expires_in"_s, m_lifetime},
                     {u"issued_at"_s, issuedAt.toString(Qt::ISODateWithMs)}};
    if (m_transform)
        m_transform(body);
    responder.respondJson(200, QJsonDocument(body));
}

RegistryOptions TokenServer::registryOptions(RegistryOptions base) const
{
    base.auth = RegistryOptions::Auth::Token;
    base.tokenRealm = realm().toString();
    base.tokenService = service();
    base.tokenIssuer = issuer();
    base.tokenRootCertBundle = rootCertBundlePath();
    return base;
}

} // namespace wharf::testbed
