#pragma once
// Registry credentials in the operating system's keychain (Secret Service / KWallet on Linux,
// Keychain on macOS, Credential Manager on Windows) through QtKeychain. There is no plaintext
// fallback: without a keychain, storing fails with a Credentials error and nothing is ever written
// to a file (QtKeychain's insecureFallback stays off). Looking up in a keychain that is not there
// (no D-Bus, no Secret Service: a server, CI, SSH) finds nothing, so Docker's config.json and
// credential helpers still answer; a keychain that is there but fails (locked, refused) is an
// error, which a chain reports without letting it hide the other sources (failuresAreAdvisory()).
//
// One entry per registry: service "wharf", key "registry:<registry>", value the compact JSON
// {"username":…,"secret":…,"identitytoken":…}.

#include "credentials/CredentialSource.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace wharf {

class KeychainStore final : public QObject, public CredentialSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainStore)
public:
    static constexpr QLatin1StringView Service{"wharf"};
    // An entry is a few hundred bytes; anything far larger was not written by Wharf.
    static constexpr qsizetype MaxEntrySize = 64 * 1024;

    using DoneCallback = std::function<void(Result<void>)>;

    // Whether this machine has a keychain to keep a login in, asked before anything is stored
    // (the login dialog says where a password will go before the person types it).
    struct Availability
    {
        bool available = false;
        // What keeps the secrets, when it can be told ("GNOME Keyring", "KWallet", "KeePassXC");
        // else empty.
        QString name;
    };
    using AvailabilityCallback = std::function<void(Availability)>;

    explicit KeychainStore(QObject *parent = nullptr);
    // Callers still waiting are answered with a Cancelled error.
    ~KeychainStore() override;

    [[nodiscard]] static QString keyFor(const QString &registry);

    // Each callback is called exactly once, later, from `context`'s event loop. An entry that
    // does not exist is std::nullopt for lookup() and success for erase(). Safe to call from any
    // thread; the keychain jobs run on this object's thread.
    void lookup(const QString &registry, QObject *context, Callback done) override;
    [[nodiscard]] bool failuresAreAdvisory() const override { return true; }
    void store(const QString &registry, const Credentials &credentials, QObject *context, DoneCallback done);
    void erase(const QString &registry, QObject *context, DoneCallback done);

    // Asks off the GUI thread (the session bus can be slow to answer, or not answer) and calls
    // `done` once, later, from `context`'s event loop.
    static void checkAvailability(QObject *context, AvailabilityCallback done);
    // The same, blocking: for a worker thread or the command line.
    [[nodiscard]] static Availability availability();

private:
    // Runs on this object's thread: starts `job` and hands it to `finished` when it ends.
    void runJob(QKeychain::Job *job, std::function<void(QKeychain::Job &)> finished,
                std::function<void(const Error &)> abandoned);
    void onThisThread(std::function<void()> work);
    [[nodiscard]] Error failure(const QKeychain::Job &job, const QString &registry) const;
    // No keychain to ask at all, as opposed to one that failed.
    [[nodiscard]] static bool isUnavailable(const QKeychain::Job &job);

    // Jobs are never deleted before they finish (QtKeychain's backends call back into them), so
    // the store only remembers how to answer their callers if it goes away first.
    QHash<QKeychain::Job *, std::function<void(const Error &)>> m_pending;
};

} // namespace wharf
