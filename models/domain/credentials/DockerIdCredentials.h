#pragma once
// Registries that take the Docker ID: Docker Hardened Images' registry (dhi.io) is signed in to
// with the same user and password or access token as Docker Hub. Without a login of its own there,
// such a registry is asked with the one saved for docker.io; any other registry is asked as is.

#include "credentials/CredentialSource.h"

namespace wharf {

class DockerIdCredentials final : public CredentialSource
{
public:
    // `inner` is not owned.
    explicit DockerIdCredentials(CredentialSource *inner) : m_inner(inner) {}

    [[nodiscard]] static bool takesDockerId(const QString &registry);

    void lookup(const QString &registry, QObject *context, Callback done) override;
    [[nodiscard]] bool failuresAreAdvisory() const override { return m_inner->failuresAreAdvisory(); }

private:
    CredentialSource *m_inner;
};

} // namespace wharf
