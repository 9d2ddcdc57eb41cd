#pragma once
// How often and how long to wait before trying a request again: bounded exponential backoff,
// honouring a server's Retry-After (seconds or HTTP date, or Hub's legacy X-Retry-After epoch).

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace wharf::net {

struct RetryPolicy
{
    int maxAttempts = 4;          // first try included
    int baseDelayMs = 500;        // doubles each retry
    int maxDelayMs = 10'000;
    int maxRetryAfterSeconds = 60; // a longer Retry-After ends the retries instead of hanging

    // WHARF_RETRY_ATTEMPTS / WHARF_RETRY_BASE_MS override the defaults (tests, slow links).
    [[nodiscard]] static RetryPolicy fromEnvironment();

    [[nodiscard]] int backoffMs(int retryIndex) const;
    [[nodiscard]] static bool isRetryableStatus(int httpStatus);
    // Delay asked for by the server, in milliseconds; nullopt when absent or unparsable.
    [[nodiscard]] static std::optional<qint64> retryAfterMs(const QByteArray &retryAfter, const QByteArray &xRetryAfter,
                                                            const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace wharf::net
