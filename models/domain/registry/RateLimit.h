#pragma once
// Docker Hub's pull-rate headers (ratelimit-limit / ratelimit-remaining as "N;w=SECONDS",
// docker-ratelimit-source). Absent headers mean "not limited" or "not told": values stay -1.

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace wharf {

struct RateLimit
{
    int limit = -1;
    int remaining = -1;
    int windowSeconds = -1;
    QString source;

    [[nodiscard]] bool isKnown() const { return limit >= 0 || remaining >= 0; }
    [[nodiscard]] static RateLimit fromHeaders(const QByteArray &limit, const QByteArray &remaining, const QByteArray &source);

    friend bool operator==(const RateLimit &, const RateLimit &) = default;
};

} // namespace wharf

Q_DECLARE_METATYPE(wharf::RateLimit)
