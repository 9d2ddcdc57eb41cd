#include "credentials/DockerConfigCredentials.h"

#include "credentials/CredentialHelper.h"
#include "credentials/DockerConfig.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>

namespace wharf {

DockerConfigCredentials::DockerConfigCredentials(QObject *parent)
    : DockerConfigCredentials(QString(), parent)
{
}

DockerConfigCredentials::DockerConfigCredentials(QString configPath, QObject *parent)
    : QObject(parent), m_configPath(std::move(configPath)), m_helperTimeout(CredentialHelper::DefaultTimeout)
{
}

QString DockerConfigCredentials::configPath() const
{
    return m_configPath.isEmpty() ? DockerConfig::defaultPath() : m_configPath;
}

void DockerConfigCredentials::setHelperTimeout(std::chrono::milliseconds timeout)
{
    m_helperTimeout = timeout;
    for (CredentialHelper *helper : std::as_const(m_helpers))
        helper->setTimeout(timeout);
}

void DockerConfigCredentials::lookup(const QString &registry, QObject *context, Callback done)
{
    // The helpers are children of this object and live on its thread.
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this,
            [this, registry, context = QPointer(context), done = std::move(done)]() mutable {
                if (context)
                    lookup(registry, context, std::move(done));
            },
            Qt::QueuedConnection);
        return;
    }

    // Read on each lookup: the file is small and bounded, and caching it would miss `docker login`.
    const Result<DockerConfig> config = DockerConfig::load(configPath());
    if (!config) {
        deliverLater(context, std::move(done), Result<std::optional<Credentials>>(wharf::unexpected(config.error())));
        return;
    }

    const DockerConfig::Route route = config->routeFor(registry);
    switch (route.kind) {
    case DockerConfig::Route::Kind::Helper:
        // The helper answers through `context` itself: exactly once, later.
        helper(route.helper)->get(DockerConfig::serverAddressFor(registry), context, std::move(done));
        return;
    case DockerConfig::Route::Kind::Stored:
        deliverLater(context, std::move(done), Result<std::optional<Credentials>>(route.credentials));
        return;
    case DockerConfig::Route::Kind::Nothing:
        break;
    }
    deliverLater(context, std::move(done), Result<std::optional<Credentials>>(std::nullopt));
}

CredentialHelper *DockerConfigCredentials::helper(const QString &name)
{
    CredentialHelper *&helper = m_helpers[name];
    if (!helper) {
        helper = new CredentialHelper(name, this);
        helper->setTimeout(m_helperTimeout);
    }
    return helper;
}

} // namespace wharf
