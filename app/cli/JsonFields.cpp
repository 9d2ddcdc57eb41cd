#include "cli/JsonFields.h"

#include "registry/ManifestJob.h"

namespace wharf::cli {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonObject platformJson(const Platform &p)
{
    return QJsonObject{{QStringLiteral("os"), p.os},
                       {QStringLiteral("architecture"), p.architecture},
                       {QStringLiteral("variant"), orNull(p.variant)},
                       {QStringLiteral("os.version"), orNull(p.osVersion)}};
}

QJsonObject descriptorJson(const Descriptor &d)
{
    return QJsonObject{{QStringLiteral("digest"), d.digest.toString()},
                       {QStringLiteral("mediaType"), d.mediaType},
                       {QStringLiteral("size"), d.size}};
}

QJsonObject manifestJson(const FetchedManifest &m)
{
    return QJsonObject{{QStringLiteral("digest"), m.digest.toString()},
                       {QStringLiteral("mediaType"), m.mediaType},
                       {QStringLiteral("size"), m.size}};
}

} // namespace wharf::cli
