#include "net/RetryPolicy.h"

#include <QLocale>
#include <QtGlobal>

#include <algorithm>

namespace wharf::net {

RetryPolicy RetryPolicy::fromEnvironment()
{
    RetryPolicy policy;
    bool ok = false;
    const int attempts = qEnvironmentVariableIntValue("WHARF_RETRY_ATTEMPTS", &ok);
    if (ok && attempts >= 1 && attempts <= 20)
        policy.maxAttempts = attempts;
    const int base = qEnvironmentVariableIntValue("WHARF_RETRY_BASE_MS", &ok);
    if (ok && base >= 0 && base <= 60'000)
        policy.baseDelayMs = base;
    return policy;
}

int RetryPolicy::backoffMs(int retryIndex) const
{
    qint64 delay = baseDelayMs;
    for (int i = 0; i < retryIndex && delay < maxDelayMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, maxDelayMs));
}

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 429 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
}

std::optional<qint64> RetryPolicy::retryAfterMs(const QByteArray &retryAfter, const QByteArray &xRetryAfter,
                                                const QDateTime &now)
{
    const QByteArray value = retryAfter.trimmed();
    if (!value.isEmpty()) {
        bool ok = false;
        const qint64 seconds = value.toLongLong(&ok);
        if (ok)
            return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);
        // RFC 9110 IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
        QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(value), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        if (when.isValid()) {
            when.setTimeSpec(Qt::UTC);
            return std::max<qint64>(0, now.msecsTo(when));
        }
    }
    const QByteArray legacy = xRetryAfter.trimmed();
    if (!legacy.isEmpty()) {
        bool ok = false;
        const qint64 number = legacy.toLongLong(&ok);
        if (ok && number > 1'000'000'000) // an epoch timestamp (Hub's older API)
            return std::max<qint64>(0, now.msecsTo(QDateTime::fromSecsSinceEpoch(number, Qt::UTC)));
        if (ok && number >= 0)
            return number * 1000;
    }
    return std::nullopt;
}

} // namespace wharf::net
