#pragma once
// Logins kept in memory for this run only: where the login dialog puts a checked password when
// no system keychain is available, so it is still used until Wharf quits and never touches a
// file. The window's credential chain asks this source first. Safe to use from any thread.

#include "credentials/CredentialSource.h"

#include <QHash>
#include <QMutex>

namespace wharf {

class SessionCredentialSource final : public CredentialSource
{
public:
    SessionCredentialSource() = default;

    // `registry` as normaliseRegistryName() spells it. Replaces what was kept before.
    void remember(const QString &registry, const Credentials &credentials);
    void forget(const QString &registry);
    [[nodiscard]] bool contains(const QString &registry) const;
    // Each registry with a login kept, and its user name (never the secret).
    [[nodiscard]] QHash<QString, QString> usernames() const;

    void lookup(const QString &registry, QObject *context, Callback done) override;

private:
    mutable QMutex m_mutex;
    QHash<QString, Credentials> m_credentials;
};

} // namespace wharf
