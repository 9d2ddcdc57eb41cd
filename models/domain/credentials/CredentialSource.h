#pragma once
// Where the registry client asks for the credentials of one registry: the OS keychain, Docker's
// config.json and credential helpers, or a chain of those. Lookups are asynchronous because the
// answers come from other processes (D-Bus, docker-credential-* programs).

#include "core/Error.h"
#include "credentials/Credentials.h"

#include <QMetaObject>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace wharf {

class CredentialSource
{
public:
    CredentialSource() = default;
    virtual ~CredentialSource() = default;
    Q_DISABLE_COPY_MOVE(CredentialSource)

    // nullopt: this source has nothing for the registry (not an error). An error means the source
    // could not answer; callers must fail closed on it rather than try credentials from elsewhere
    // (CVE-2021-41092).
    using Callback = std::function<void(Result<std::optional<Credentials>>)>;

    // `registry` is the reference domain as Wharf normalises it: "docker.io" for Docker Hub,
    // otherwise "host[:port]".
    // Calls `done` exactly once, later, from the event loop of `context`'s thread (never
    // synchronously). If `context` is destroyed first, `done` is dropped with it.
    virtual void lookup(const QString &registry, QObject *context, Callback done) = 0;

    // Whether a failure of this source may be passed over for the next source of a chain, which
    // asks for the same registry (a locked keychain must not hide config.json); the failure is
    // still reported. Docker's own sources stay strict: a broken credential helper ends the lookup.
    [[nodiscard]] virtual bool failuresAreAdvisory() const { return false; }
};

// Hands `result` to `done` from `context`'s event loop, so callers never see a synchronous
// answer and always get it on the thread they asked from. Dropped if `context` dies first.
template <typename Value, typename Done>
void deliverLater(QObject *context, Done done, Value result)
{
    QMetaObject::invokeMethod(
        context,
        [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

} // namespace wharf
