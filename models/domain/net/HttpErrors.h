#pragma once
// How Wharf reads an HTTP status, from every server it talks to (registries, token services,
// Docker Hub's API, the CDNs they redirect to): one Error code per status and one rule for whether
// asking again can help — 408, 502, 503, 504, 429 when the server's wait (Retry-After,
// X-RateLimit-Reset) is within Wharf's bound, and 401 or 403 from a redirect target: a CDN's
// signed link expires and is good on that CDN only, and asking again from the start fetches a
// fresh one. HttpExchange retries by this rule; RegistryErrors, the token flow and HubClient word
// the message and take the code and the retry flag from here, so no two of them disagree.

#include "core/Error.h"
#include "net/HttpExchange.h"
#include "net/RetryPolicy.h"

namespace wharf::net {

// 401 Unauthorized, 403 Denied, 404 NotFound, 408 Timeout, 429 RateLimited, anything else ServerError.
[[nodiscard]] Error::Code errorCodeOf(int status);
// Whether the same request may succeed later without anything changing on Wharf's side.
[[nodiscard]] bool isWorthRetrying(const HttpResponse &response, int maxWaitSeconds = RetryPolicy::kMaxRetryAfterSeconds);
// Error(errorCodeOf(status), message, isWorthRetrying(response)).
[[nodiscard]] Error statusError(const HttpResponse &response, const QString &message);

} // namespace wharf::net
