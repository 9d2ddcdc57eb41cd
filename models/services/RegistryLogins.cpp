// Finding and removing kept logins (see the header).
#include "services/RegistryLogins.h"

#include "credentials/KeychainStore.h"
#include "credentials/RegistryName.h"
#include "credentials/SessionCredentialSource.h"
#include "hub/HubClient.h"
#include "registry/RegistryClient.h"

#include <QSet>

#include <algorithm>
#include <memory>

namespace wharf {

namespace {

constexpr QLatin1StringView kDockerHub{"docker.io"};

} // namespace

RegistryLogins::RegistryLogins(KeychainStore *keychain, SessionCredentialSource *session, QObject *parent)
    : QObject(parent), m_keychain(keychain), m_session(session)
{
}

void RegistryLogins::setClients(RegistryClient *registry, HubClient *hub)
{
    m_registry = registry;
    m_hub = hub;
}

void RegistryLogins::find(const QStringList &candidates, QObject *context, std::function<void(QList<Login>)> done)
{
    struct Search
    {
        QList<Login> found;
        int waiting = 0;
        std::function<void(QList<Login>)> done;

        void finish()
        {
            std::sort(found.begin(), found.end(), [](const Login &a, const Login &b) {
                return a.registry != b.registry ? a.registry < b.registry : a.kept == Kept::ForThisRun;
            });
            done(std::move(found));
        }
    };
    auto search = std::make_shared<Search>();
    search->done = std::move(done);
    if (m_session) {
        const QHash<QString, QString> kept = m_session->usernames();
        for (auto it = kept.cbegin(); it != kept.cend(); ++it)
            search->found.append({it.key(), Kept::ForThisRun, it.value()});
    }
    QSet<QString> names;
    for (const QString &candidate : candidates) {
        if (const QString name = normaliseRegistryName(candidate); !name.isEmpty())
            names.insert(name);
    }
    if (!m_keychain || names.isEmpty()) {
        QMetaObject::invokeMethod(context, [search] { search->finish(); }, Qt::QueuedConnection);
        return;
    }
    // Without a keychain there is nothing to ask it (and asking would only fail, slowly).
    KeychainStore::checkAvailability(context, [this, search, names, context = QPointer(context)](KeychainStore::Availability keychain) {
        if (!keychain.available || !m_keychain || !context) {
            search->finish();
            return;
        }
        search->waiting = int(names.size());
        for (const QString &registry : names) {
            m_keychain->lookup(registry, context, [search, registry](Result<std::optional<Credentials>> result) {
                if (result && result->has_value())
                    search->found.append({registry, Kept::InKeychain, (*result)->username});
                if (--search->waiting == 0)
                    search->finish();
            });
        }
    });
}

void RegistryLogins::logOut(const QString &registry, QObject *context, std::function<void(Result<QList<Kept>>)> done)
{
    QList<Kept> removed;
    if (m_session && m_session->contains(registry)) {
        m_session->forget(registry);
        removed.append(Kept::ForThisRun);
    }
    const auto forgetDerived = [this, registry] {
        // What the clients took from the login goes with it: the next request asks again.
        if (m_registry)
            m_registry->forgetCredentials(registry);
        if (m_hub && registry == kDockerHub)
            m_hub->forgetSignIn();
    };
    if (!m_keychain) {
        forgetDerived();
        QMetaObject::invokeMethod(context, [done = std::move(done), removed] { done(removed); }, Qt::QueuedConnection);
        return;
    }
    // Asked first, so the answer can say whether the keychain held one.
    m_keychain->lookup(registry, context, [this, registry, context = QPointer(context), removed, forgetDerived,
                                           done = std::move(done)](Result<std::optional<Credentials>> had) mutable {
        if (!m_keychain || !context) {
            forgetDerived();
            return;
        }
        const bool inKeychain = had && had->has_value();
        if (!inKeychain && had) {
            forgetDerived();
            done(removed);
            return;
        }
        m_keychain->erase(registry, context, [removed, inKeychain, forgetDerived, done = std::move(done)](Result<void> erased) mutable {
            forgetDerived();
            if (!erased) {
                done(wharf::unexpected(erased.error()));
                return;
            }
            if (inKeychain)
                removed.append(Kept::InKeychain);
            done(removed);
        });
    });
}

} // namespace wharf
