#pragma once
// Asks several credential sources in turn (say, the keychain, then Docker's configuration) and
// answers with the first one that has credentials for the registry. Every source is asked for the
// same registry, so passing from one to the next never sends one registry's secret to another.
//
// A source that fails ends the lookup with its error (CVE-2021-41092: no signing in with
// credentials the user did not pick after a broken helper) — unless the source says its failures
// are advisory (the keychain: locked or refusing). Then the chain goes on; if a later source
// answers, that answer wins and the failure goes to the warning handler, once per message; if none
// does, the lookup ends with the failure, so the registry's refusal can name the broken store.

#include "credentials/CredentialSource.h"

#include <QSet>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace wharf {

class ChainedCredentialSource final : public CredentialSource
{
public:
    using WarningHandler = std::function<void(const Error &)>;

    // The sources are not owned; they must outlive every lookup started through the chain.
    explicit ChainedCredentialSource(std::vector<CredentialSource *> sources);

    [[nodiscard]] const std::vector<CredentialSource *> &sources() const { return m_shared->sources; }
    // Where advisory failures passed over go (the CLI prints them on stderr); each message once,
    // on the thread of the lookup that passed it over. Set it before the first lookup.
    void setWarningHandler(WarningHandler handler);

    void lookup(const QString &registry, QObject *context, Callback done) override;

private:
    struct Shared
    {
        std::vector<CredentialSource *> sources;
        WarningHandler warn;
        std::mutex mutex; // lookups come from the GUI, the pull thread and the download threads
        QSet<QString> warned;

        void warnOnce(const Error &error);
    };

    // Shared with lookups in flight, so the chain itself may go away before they finish.
    static void lookupFrom(std::shared_ptr<Shared> shared, std::size_t index, const QString &registry, QObject *context,
                           std::optional<Error> passedOver, Callback done);

    std::shared_ptr<Shared> m_shared;
};

} // namespace wharf
