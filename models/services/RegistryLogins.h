#pragma once
// The logins Wharf keeps, for File → Log Out and `wharf logout` alike: which registries have one
// (in the system keychain, or for this run only), and logging out of one. Logging out removes the
// keychain entry and this run's copy, and makes the clients forget what they derived from the
// login (the registry client's looked-up credentials and bearer tokens, the Docker Hub sign-in),
// so the next request goes out as whatever is left: Docker's own config.json, or anonymous.
//
// A keychain cannot be listed through QtKeychain, so finding logins asks it about the registries
// a caller names (the ones Wharf has logged in to, docker.io, the registries on show); this run's
// logins are all known.

#include "core/Error.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

namespace wharf {

class HubClient;
class KeychainStore;
class RegistryClient;
class SessionCredentialSource;

class RegistryLogins final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryLogins)
public:
    enum class Kept { InKeychain, ForThisRun };
    Q_ENUM(Kept)

    struct Login
    {
        QString registry; // as normaliseRegistryName() spells it
        Kept kept = Kept::InKeychain;
        QString username;
    };

    // None is owned; `session` may be null (the command line), `keychain` too (a window without one).
    RegistryLogins(KeychainStore *keychain, SessionCredentialSource *session, QObject *parent = nullptr);

    // The logins kept for `candidates` and every login of this run, sorted by registry, a registry
    // once (this run's login first: it is the one used). `done` is called once, later, from
    // `context`'s event loop; a keychain that fails on a registry just does not list it.
    void find(const QStringList &candidates, QObject *context, std::function<void(QList<Login>)> done);

    // The clients whose cached credentials, tokens and sign-in to drop once the login is gone; both
    // may be null. Called before logOut(); not owned.
    void setClients(RegistryClient *registry, HubClient *hub);
    // Removes `registry`'s login wherever it is kept: this run's copy at once, the keychain entry
    // (nothing there is success). `done` gets where a login was removed from, or the keychain's error.
    void logOut(const QString &registry, QObject *context, std::function<void(Result<QList<Kept>>)> done);

private:
    QPointer<KeychainStore> m_keychain;
    SessionCredentialSource *m_session;
    QPointer<RegistryClient> m_registry;
    QPointer<HubClient> m_hub;
};

} // namespace wharf
