#include "registry/RateLimit.h"

#include <QList>

namespace wharf {

namespace {

// "100;w=21600" → (100, 21600)
std::pair<int, int> parseLimitValue(const QByteArray &value)
{
    const QList<QByteArray> parts = value.trimmed().split(';');
    bool ok = false;
    const int count = parts.value(0).trimmed().toInt(&ok);
    if (!ok)
        return {-1, -1};
    int window = -1;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray p = parts[i].trimmed();
        if (p.startsWith("w=")) {
            const int w = p.mid(2).toInt(&ok);
            if (ok)
                window = w;
        }
    }
    return {count, window};
}

} // namespace

RateLimit RateLimit::fromHeaders(const QByteArray &limit, const QByteArray &remaining, const QByteArray &source)
{
    RateLimit r;
    const auto [l, lw] = parseLimitValue(limit);
    const auto [rem, rw] = parseLimitValue(remaining);
    r.limit = l;
    r.remaining = rem;
    r.windowSeconds = lw >= 0 ? lw : rw;
    r.source = QString::fromLatin1(source.trimmed().left(128));
    return r;
}

} // namespace wharf
