#include "credentials/DockerIdCredentials.h"

namespace wharf {

bool DockerIdCredentials::takesDockerId(const QString &registry)
{
    return registry.compare(QLatin1StringView("dhi.io"), Qt::CaseInsensitive) == 0;
}

void DockerIdCredentials::lookup(const QString &registry, QObject *context, Callback done)
{
    if (!takesDockerId(registry)) {
        m_inner->lookup(registry, context, std::move(done));
        return;
    }
    m_inner->lookup(registry, context, [this, context, done = std::move(done)](Result<std::optional<Credentials>> own) mutable {
        if (!own || *own) {
            done(std::move(own)); // its own login, or a failure (which must not be passed over)
            return;
        }
        m_inner->lookup(QStringLiteral("docker.io"), context, std::move(done));
    });
}

} // namespace wharf
