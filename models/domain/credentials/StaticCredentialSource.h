#pragma once
// Credentials known up front, for one registry: what `wharf login` checks against the registry
// before anything is stored, and what tests hand the registry client.

#include "credentials/CredentialSource.h"

namespace wharf {

class StaticCredentialSource final : public CredentialSource
{
public:
    StaticCredentialSource(QString registry, Credentials credentials)
        : m_registry(std::move(registry)), m_credentials(std::move(credentials)) {}

    void lookup(const QString &registry, QObject *context, Callback done) override
    {
        deliverLater(context, std::move(done),
                     Result<std::optional<Credentials>>(registry == m_registry ? std::optional<Credentials>(m_credentials)
                                                                               : std::nullopt));
    }

private:
    QString m_registry;
    Credentials m_credentials;
};

} // namespace wharf
