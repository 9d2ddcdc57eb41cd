#pragma once
// A parsed WWW-Authenticate challenge (RFC 7235): the scheme and its parameters. A response may
// carry several challenges, in several headers or comma-joined in one; Wharf prefers Bearer over
// Basic, like containerd, and ignores schemes it does not speak.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wharf {

struct AuthChallenge
{
    enum class Scheme { Bearer, Basic };

    Scheme scheme = Scheme::Bearer;
    QMap<QString, QString> parameters; // keys lower-cased

    [[nodiscard]] QString realm() const { return parameters.value(QStringLiteral("realm")); }
    [[nodiscard]] QString service() const { return parameters.value(QStringLiteral("service")); }
    // "scope" may hold several space-separated scopes.
    [[nodiscard]] QStringList scopes() const;
    // "error" (invalid_token, insufficient_scope): the token was refused, not merely missing.
    [[nodiscard]] QString error() const { return parameters.value(QStringLiteral("error")); }

    // Parses every header value given (one per WWW-Authenticate header), best scheme first.
    [[nodiscard]] static QList<AuthChallenge> parse(const QList<QByteArray> &headerValues);
};

} // namespace wharf
