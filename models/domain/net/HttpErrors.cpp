#include "net/HttpErrors.h"

namespace wharf::net {

Error::Code errorCodeOf(int status)
{
    switch (status) {
    case 401:
        return Error::Code::Unauthorized;
    case 403:
        return Error::Code::Denied;
    case 404:
        return Error::Code::NotFound;
    case 408:
        return Error::Code::Timeout;
    case 429:
        return Error::Code::RateLimited;
    default:
        return Error::Code::ServerError;
    }
}

bool isWorthRetrying(const HttpResponse &response, int maxWaitSeconds)
{
    // The link a redirect gave was refused (Docker Hub's CDNs: expired, or signed for another
    // CDN); the origin hands out a fresh one, never the same.
    if ((response.status == 401 || response.status == 403) && response.isFromRedirectTarget())
        return true;
    if (!RetryPolicy::isRetryableStatus(response.status))
        return false;
    const auto wait = RetryPolicy::retryAfterMs(response);
    return !wait || *wait <= qint64(maxWaitSeconds) * 1000;
}

Error statusError(const HttpResponse &response, const QString &message)
{
    return Error(errorCodeOf(response.status), message, isWorthRetrying(response));
}

} // namespace wharf::net
