// Fuzzes the parsers of registry response headers: the input is one header value per line.
//   every line    a WWW-Authenticate header (AuthChallenge::parse), a Link header
//                 (PagedListJob::nextPageUrl), a Content-Range (BlobJob::parseContentRange)
//   lines 1 and 2 Retry-After and X-Retry-After (RetryPolicy::retryAfterMs, at a fixed "now"), and
//                 ratelimit-limit and ratelimit-remaining, with line 3 as docker-ratelimit-source
//                 (RateLimit::fromHeaders)
//
// Checked on every input: a delay asked for by the server is never negative.

#include "FuzzCheck.h"

#include "net/RetryPolicy.h"
#include "registry/AuthChallenge.h"
#include "registry/BlobJob.h"
#include "registry/PagedListJob.h"
#include "registry/RateLimit.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QUrl>

#include <cstddef>
#include <cstdint>

using namespace wharf;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> lines = bytes.split('\n');

    for (const AuthChallenge &challenge : AuthChallenge::parse(lines)) {
        (void)challenge.realm();
        (void)challenge.service();
        (void)challenge.scopes();
        (void)challenge.error();
    }

    static const QUrl base(u"https://registry.example:5000/v2/library/nginx/tags/list?n=100"_s);
    (void)PagedListJob::nextPageUrl(lines, base).toString();

    for (const QByteArray &line : lines)
        (void)BlobJob::parseContentRange(line);

    static const QDateTime now(QDate(2025, 1, 1), QTime(12, 0), Qt::UTC);
    if (const std::optional<qint64> delayMs = net::RetryPolicy::retryAfterMs(lines.value(0), lines.value(1), now))
        WHARF_FUZZ_CHECK(*delayMs >= 0);

    const RateLimit limit = RateLimit::fromHeaders(lines.value(0), lines.value(1), lines.value(2));
    (void)limit.isKnown();
    return 0;
}
