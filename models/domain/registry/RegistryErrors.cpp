#include "registry/RegistryErrors.h"

#include "net/HostRules.h"
#include "net/HttpErrors.h"
#include "net/RetryPolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::RegistryErrors)
};

// The code and message of an S3-style error document (Cloudflare R2, CloudFront, S3):
// <Error><Code>AccessDenied</Code><Message>Request has expired</Message>…</Error>.
std::pair<QString, QString> storageError(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    if (!xml.readNextStartElement() || xml.name() != QLatin1StringView("Error"))
        return {};
    QString code;
    QString message;
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1StringView("Code"))
            code = xml.readElementText().left(64).simplified();
        else if (xml.name() == QLatin1StringView("Message"))
            message = xml.readElementText().left(300).simplified();
        else
            xml.skipCurrentElement();
    }
    return {code, message};
}

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
        // (A registry may name a missing thing under another status; it is missing all the same.)
        if (code == QLatin1StringView("NAME_UNKNOWN"))
            return Error(Error::Code::NotFound, Tr::tr("repository %1 not found").arg(where));
        if (!c.what.isEmpty())
            return Error(Error::Code::NotFound, Tr::tr("%1 not found in %2").arg(c.what, where));
        return Error(Error::Code::NotFound, Tr::tr("%1 not found").arg(where));
    }
    // Codes and retrying as for every server (net/HttpErrors); the words are the registry's.
    if (status == 401) {
        if (c.hadCredentials)
            return net::statusError(response,
                                    Tr::tr("%1 rejected the credentials for %2; check them with “wharf login %1”").arg(c.registry, where));
        return net::statusError(
            response, Tr::tr("access to %1 was refused: the repository does not exist or needs “wharf login %2”").arg(where, c.registry));
    }
    if (status == 403)
        return net::statusError(response, Tr::tr("access to %1 is denied%2").arg(where, detail.isEmpty() ? QString() : u": " + detail));
    if (status == 429) // worth another try only when the server's wait is within Wharf's bound
        return net::statusError(response,
                                Tr::tr("%1 is rate limiting requests%2; %3")
                                    .arg(c.registry, detail.isEmpty() ? QString() : u" (" + detail + u')',
                                         net::RetryPolicy::retryLaterText(response)));
    if (status == 416)
        return Error(Error::Code::ServerError, Tr::tr("%1 refused the requested byte range").arg(c.registry), true);
    if (status >= 500)
        return net::statusError(
            response, Tr::tr("%1 failed with HTTP %2%3").arg(c.registry).arg(status).arg(detail.isEmpty() ? QString() : u": " + detail));
    return net::statusError(response,
                            Tr::tr("%1 answered HTTP %2 for %3%4")
                                .arg(c.registry)
                                .arg(status)
                                .arg(c.what.isEmpty() ? where : c.what)
                                .arg(detail.isEmpty() ? QString() : u": " + detail));
}

Error redirectTargetError(const net::HttpResponse &response, const RegistryErrorContext &c, int attempts)
{
    const int status = response.status;
    const QString cdn = net::hostPort(response.url);
    const QString where = c.repository.isEmpty() ? c.registry : c.registry + u'/' + c.repository;
    const QString what = c.what.isEmpty() ? where : c.what;
    const auto [code, message] = storageError(response.body);
    const QString detail = message.isEmpty() ? code : message;
    const QString statusText = QString::number(status) + (detail.isEmpty() ? QString() : u": " + detail);

    if (status == 401 || status == 403) {
        const bool expired = message.contains(QLatin1StringView("expired"), Qt::CaseInsensitive)
            || code == QLatin1StringView("ExpiredToken") || code == QLatin1StringView("RequestExpired");
        if (expired)
            return Error(Error::Code::LinkExpired,
                         Tr::tr("%1 refused the signed download link for %2 because it had expired (%n link(s) from %3 "
                                "tried); try again later",
                                nullptr, attempts)
                             .arg(cdn, what, c.registry));
        return Error(Error::Code::LinkExpired,
                     Tr::tr("%1 refused the signed download link for %2 (HTTP %4, %n link(s) from %3 tried); such links "
                            "expire and are good on one CDN only: try again later",
                            nullptr, attempts)
                         .arg(cdn, what, c.registry, statusText));
    }
    if (status == 404)
        return Error(Error::Code::NotFound, Tr::tr("%1 not found at %2, where %3 sent the download").arg(what, cdn, c.registry));
    return net::statusError(response,
                            Tr::tr("%1, where %2 sent the download of %3, answered HTTP %4").arg(cdn, c.registry, what, statusText));
}

} // namespace wharf
