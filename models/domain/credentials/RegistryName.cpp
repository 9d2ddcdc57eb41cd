// Registry names for credentials: Docker's own rules (DockerConfig) plus the Hub's web host names,
// which people paste from the browser.
#include "credentials/RegistryName.h"

#include <QRegularExpression>

#include "credentials/DockerConfig.h"

namespace wharf {

QString normaliseRegistryName(QString text)
{
    const QString host = DockerConfig::canonicalRegistry(DockerConfig::convertToHostname(text));
    // A host as image references write it (distribution/reference's domain): dot-separated labels
    // of letters, digits and inner hyphens, or a bracketed IPv6 address, and an optional port.
    static const QRegularExpression domain(QStringLiteral(
        "^(?:(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])(?:\\.(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9]))*|\\[[0-9a-f:]+\\])(?::[0-9]{1,5})?$"));
    if (!domain.match(host).hasMatch())
        return {};
    if (host == QLatin1StringView("hub.docker.com") || host == QLatin1StringView("registry.hub.docker.com"))
        return QStringLiteral("docker.io");
    return host;
}

} // namespace wharf
