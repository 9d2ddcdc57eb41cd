#include "net/HostRules.h"

#include <QHostAddress>
#include <QSet>
#include <QUrlQuery>

namespace wharf::net {

bool isLoopbackHost(const QString &hostOrHostPort)
{
    QString host = hostOrHostPort.trimmed().toLower();
    if (host.startsWith(u'[')) {
        const qsizetype close = host.indexOf(u']');
        host = close > 0 ? host.mid(1, close - 1) : QString();
    } else if (host.count(u':') == 1) {
        host = host.left(host.indexOf(u':'));
    }
    if (host == QLatin1StringView("localhost") || host.endsWith(QLatin1StringView(".localhost")))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &u) { return u.scheme() == QLatin1StringView("https") ? 443 : 80; };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

QString hostPort(const QUrl &url)
{
    const QString host = url.host().contains(u':') ? u'[' + url.host() + u']' : url.host();
    return url.port() > 0 ? host + u':' + QString::number(url.port()) : host;
}

QString redactedUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (copy.hasQuery())
        copy.setQuery(QStringLiteral("REDACTED"));
    return copy.toString();
}

QString loggableUrl(const QUrl &url)
{
    static const QSet<QString> harmless{QStringLiteral("query"), QStringLiteral("page"), QStringLiteral("page_size"),
                                        QStringLiteral("n"), QStringLiteral("last"), QStringLiteral("ordering"),
                                        QStringLiteral("name"), QStringLiteral("from"), QStringLiteral("size"),
                                        QStringLiteral("scope"), QStringLiteral("service")};
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        QList<std::pair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        for (auto &[key, value] : items) {
            if (!harmless.contains(key))
                value = QStringLiteral("…");
        }
        query.setQueryItems(items);
        copy.setQuery(query);
    }
    return copy.toString();
}

} // namespace wharf::net
