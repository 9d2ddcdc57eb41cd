#pragma once
// Asks several credential sources in turn (say, the keychain, then Docker's configuration) and
// answers with the first one that has credentials for the registry. A source that fails ends the
// lookup with its error: going on to the next one would mean signing in with credentials the user
// did not pick for this registry, or none at all, after a broken helper (CVE-2021-41092).

#include "credentials/CredentialSource.h"

#include <memory>
#include <vector>

namespace wharf {

class ChainedCredentialSource final : public CredentialSource
{
public:
    // The sources are not owned; they must outlive every lookup started through the chain.
    explicit ChainedCredentialSource(std::vector<CredentialSource *> sources);

    [[nodiscard]] const std::vector<CredentialSource *> &sources() const { return *m_sources; }

    void lookup(const QString &registry, QObject *context, Callback done) override;

private:
    using Sources = std::vector<CredentialSource *>;

    // Shared with lookups in flight, so the chain itself may go away before they finish.
    static void lookupFrom(std::shared_ptr<const Sources> sources, std::size_t index, const QString &registry,
                           QObject *context, Callback done);

    std::shared_ptr<const Sources> m_sources;
};

} // namespace wharf
