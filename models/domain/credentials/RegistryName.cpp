// Registry names for credentials: Docker's own rules (DockerConfig) plus the Hub's web host names,
// which people paste from the browser.
#include "credentials/RegistryName.h"

#include "credentials/DockerConfig.h"

namespace wharf {

QString normaliseRegistryName(QString text)
{
    const QString host = DockerConfig::canonicalRegistry(DockerConfig::convertToHostname(text));
    if (host == QLatin1StringView("hub.docker.com") || host == QLatin1StringView("registry.hub.docker.com"))
        return QStringLiteral("docker.io");
    return host;
}

} // namespace wharf
