#include "registry/RegistryErrors.h"

#include "net/RetryPolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::RegistryErrors)
};

QString firstMessage(const QByteArray &body)
{
    const QJsonObject first = QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray().first().toObject();
    QString message = first.value(QStringLiteral("message")).toString();
    return message.left(300).simplified();
}

} // namespace

QString registryErrorCode(const QByteArray &body)
{
    const QJsonObject first = QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray().first().toObject();
    return first.value(QStringLiteral("code")).toString().left(64);
}

Error registryError(const net::HttpResponse &response, const RegistryErrorContext &c)
{
    const int status = response.status;
    const QString code = registryErrorCode(response.body);
    const QString detail = firstMessage(response.body);
    const QString where = c.repository.isEmpty() ? c.registry : c.registry + u'/' + c.repository;

    if (status == 404 || code == QLatin1StringView("NAME_UNKNOWN") || code == QLatin1StringView("MANIFEST_UNKNOWN")
        || code == QLatin1StringView("BLOB_UNKNOWN")) {
        if (code == QLatin1StringView("NAME_UNKNOWN"))
            return Error(Error::Code::NotFound, Tr::tr("repository %1 not found").arg(where));
        if (!c.what.isEmpty())
            return Error(Error::Code::NotFound, Tr::tr("%1 not found in %2").arg(c.what, where));
        return Error(Error::Code::NotFound, Tr::tr("%1 not found").arg(where));
    }
    if (status == 401) {
        if (c.hadCredentials)
            return Error(Error::Code::Unauthorized, Tr::tr("%1 rejected the credentials for %2; check them with “wharf login %1”")
                                                        .arg(c.registry, where));
        return Error(Error::Code::Unauthorized,
                     Tr::tr("access to %1 was refused: the repository does not exist or needs “wharf login %2”").arg(where, c.registry));
    }
    if (status == 403)
        return Error(Error::Code::Denied, Tr::tr("access to %1 is denied%2").arg(where, detail.isEmpty() ? QString() : u": " + detail));
    if (status == 429) {
        // Worth another try only when the server did not ask for a wait longer than Wharf's bound.
        const auto wait = net::RetryPolicy::retryAfterMs(response);
        const bool soon = !wait || *wait <= qint64(net::RetryPolicy::kMaxRetryAfterSeconds) * 1000;
        return Error(Error::Code::RateLimited, Tr::tr("%1 is rate limiting requests%2; %3")
                                                   .arg(c.registry, detail.isEmpty() ? QString() : u" (" + detail + u')',
                                                        net::RetryPolicy::retryLaterText(response)),
                     soon);
    }
    if (status == 416)
        return Error(Error::Code::ServerError, Tr::tr("%1 refused the requested byte range").arg(c.registry), true);
    if (status >= 500)
        return Error(Error::Code::ServerError, Tr::tr("%1 failed with HTTP %2%3")
                                                   .arg(c.registry).arg(status).arg(detail.isEmpty() ? QString() : u": " + detail),
                     status == 502 || status == 503 || status == 504);
    return Error(Error::Code::ServerError, Tr::tr("%1 answered HTTP %2 for %3%4")
                                               .arg(c.registry).arg(status).arg(c.what.isEmpty() ? where : c.what)
                                               .arg(detail.isEmpty() ? QString() : u": " + detail));
}

} // namespace wharf
