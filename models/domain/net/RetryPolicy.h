#pragma once
// How often and how long to wait before trying a request again: bounded exponential backoff,
// honouring a server's Retry-After in every form servers send — seconds, an HTTP date, or a Unix
// time (Docker Hub's API has been seen sending `Retry-After: 1746136938`; its older docs named
// the header X-Retry-After and called it an epoch). A number above 10^9 is a point in time, not a
// count of seconds. Values are bounded before any arithmetic, so no header can overflow a delay.

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace wharf::net {

struct HttpResponse;

struct RetryPolicy
{
    Q_DECLARE_TR_FUNCTIONS(wharf::net::RetryPolicy)
public:
    int maxAttempts = 4;          // first try included
    int baseDelayMs = 500;        // doubles each retry
    int maxDelayMs = 10'000;
    // A server may ask for a wait up to this long and Wharf waits it; a longer Retry-After ends the
    // retries at once with a message that says when to try again (documented in the README).
    static constexpr int kMaxRetryAfterSeconds = 60;
    int maxRetryAfterSeconds = kMaxRetryAfterSeconds;

    // Integers above this are Unix times (2001-09-09 onwards), below it seconds to wait.
    static constexpr qint64 kEpochThreshold = 1'000'000'000;
    // Any delay beyond this (about 31 years) is "far in the future"; it keeps arithmetic in range.
    static constexpr qint64 kMaxDelayMs = qint64(kEpochThreshold) * 1000;

    // WHARF_RETRY_ATTEMPTS / WHARF_RETRY_BASE_MS override the defaults (tests, slow links).
    [[nodiscard]] static RetryPolicy fromEnvironment();

    [[nodiscard]] int backoffMs(int retryIndex) const;
    [[nodiscard]] static bool isRetryableStatus(int httpStatus);
    // Delay asked for by the server, in milliseconds, at most kMaxDelayMs; nullopt when absent or
    // unparsable. Retry-After wins over X-Retry-After.
    [[nodiscard]] static std::optional<qint64> retryAfterMs(const QByteArray &retryAfter, const QByteArray &xRetryAfter,
                                                            const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The same, read from a response; X-RateLimit-Reset (a Unix time) is the last resort.
    [[nodiscard]] static std::optional<qint64> retryAfterMs(const HttpResponse &response,
                                                            const QDateTime &now = QDateTime::currentDateTimeUtc());
    // "try again in 42 minutes (after 14:05 UTC)", or "try again later" when the server said nothing.
    [[nodiscard]] static QString retryLaterText(const HttpResponse &response,
                                                const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace wharf::net
