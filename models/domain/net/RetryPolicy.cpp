#include "net/RetryPolicy.h"

#include "net/HttpExchange.h"

#include <QLocale>
#include <QtGlobal>

#include <algorithm>

namespace wharf::net {

namespace {

// A non-negative decimal integer, saturated at `cap` instead of overflowing; nullopt when the text
// is not one (a sign, a fraction, letters).
std::optional<qint64> boundedInteger(QByteArrayView text, qint64 cap)
{
    if (text.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        if (value < cap)
            value = std::min<qint64>(cap, value * 10 + (c - '0')); // value < cap ≤ 2^62/10: no overflow
    }
    return value;
}

// Seconds or a Unix time, as a delay from `now`.
std::optional<qint64> numericDelayMs(QByteArrayView text, const QDateTime &now)
{
    // 10^12 is far above any Unix time this century and still leaves room to multiply by 1000.
    const auto number = boundedInteger(text, RetryPolicy::kEpochThreshold * 1000);
    if (!number)
        return std::nullopt;
    if (*number > RetryPolicy::kEpochThreshold) {
        const qint64 seconds = *number - now.toSecsSinceEpoch();
        return std::clamp<qint64>(seconds, 0, RetryPolicy::kEpochThreshold) * 1000;
    }
    return *number * 1000;
}

} // namespace

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
        if (const auto delay = numericDelayMs(value, now))
            return delay;
        // RFC 9110 IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
        if (value.size() <= 64) {
            QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(value),
                                                     QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
            if (when.isValid()) {
                when.setTimeSpec(Qt::UTC);
                return std::clamp<qint64>(now.msecsTo(when), 0, kMaxDelayMs);
            }
        }
    }
    if (const QByteArray legacy = xRetryAfter.trimmed(); !legacy.isEmpty())
        return numericDelayMs(legacy, now);
    return std::nullopt;
}

std::optional<qint64> RetryPolicy::retryAfterMs(const HttpResponse &response, const QDateTime &now)
{
    if (auto delay = retryAfterMs(response.header("Retry-After"), response.header("X-Retry-After"), now))
        return delay;
    // Docker Hub's API: the moment its per-minute window resets.
    const QByteArray reset = response.header("X-RateLimit-Reset").trimmed();
    if (const auto number = boundedInteger(reset, kEpochThreshold * 1000); number && *number > kEpochThreshold)
        return numericDelayMs(reset, now);
    return std::nullopt;
}

QString RetryPolicy::retryLaterText(const HttpResponse &response, const QDateTime &now)
{
    const auto delay = retryAfterMs(response, now);
    if (!delay)
        return tr("try again later");
    const qint64 seconds = (*delay + 999) / 1000;
    if (seconds >= qint64(366) * 24 * 3600)
        return tr("the server asks to wait more than a year; try again later");
    const QDateTime when = now.addSecs(seconds).toUTC();
    const QString at = when.toString(seconds >= 24 * 3600 ? QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")
                                                          : QStringLiteral("HH:mm:ss 'UTC'"));
    if (seconds < 120)
        return tr("try again in %n second(s) (after %1)", nullptr, int(seconds)).arg(at);
    if (seconds < 2 * 3600)
        return tr("try again in %n minute(s) (after %1)", nullptr, int((seconds + 59) / 60)).arg(at);
    return tr("try again in %n hour(s) (after %1)", nullptr, int((seconds + 3599) / 3600)).arg(at);
}

} // namespace wharf::net
