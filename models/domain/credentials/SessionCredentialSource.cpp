// In-memory, per-run credentials (see the header).
#include "credentials/SessionCredentialSource.h"

#include <QMutexLocker>

namespace wharf {

void SessionCredentialSource::remember(const QString &registry, const Credentials &credentials)
{
    const QMutexLocker locker(&m_mutex);
    m_credentials.insert(registry, credentials);
}

void SessionCredentialSource::forget(const QString &registry)
{
    const QMutexLocker locker(&m_mutex);
    m_credentials.remove(registry);
}

bool SessionCredentialSource::contains(const QString &registry) const
{
    const QMutexLocker locker(&m_mutex);
    return m_credentials.contains(registry);
}

QHash<QString, QString> SessionCredentialSource::usernames() const
{
    const QMutexLocker locker(&m_mutex);
    QHash<QString, QString> names;
    for (auto it = m_credentials.cbegin(); it != m_credentials.cend(); ++it)
        names.insert(it.key(), it->username);
    return names;
}

void SessionCredentialSource::lookup(const QString &registry, QObject *context, Callback done)
{
    std::optional<Credentials> found;
    {
        const QMutexLocker locker(&m_mutex);
        if (const auto it = m_credentials.constFind(registry); it != m_credentials.cend())
            found = *it;
    }
    deliverLater(context, std::move(done), Result<std::optional<Credentials>>(std::move(found)));
}

} // namespace wharf
