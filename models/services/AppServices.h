#pragma once
// The composition root: the one place that decides what Wharf talks to and how. The window and
// every CLI command get their credential chain, registry and Hub clients, document cache, store and
// pull engine here, so the two faces cannot drift apart (a setting added here reaches both, and a
// second client — the pull thread's, a layer download's — copies it with RegistryClient::settings()).
//
// Credentials, in the order asked: this run's logins (the window only: File → Log in… without a
// keychain), Wharf's keychain entries, then Docker's config.json and its credential helpers. The
// one for docker.io also signs in to Docker Hub's API (HubClient), and to dhi.io where that has
// no login of its own (DockerIdCredentials).

#include "core/Error.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include <functional>
#include <memory>

namespace wharf {

class ChainedCredentialSource;
class DockerConfigCredentials;
class DockerIdCredentials;
class HubClient;
class KeychainStore;
class PullEngine;
class SessionCredentialSource;

class AppServices final
{
    Q_DISABLE_COPY_MOVE(AppServices)
public:
    enum class Face {
        CommandLine, // one command, then exit: pulls use every core
        Window,      // long-lived: logins for this run, pulls that leave the GUI a CPU
    };

    explicit AppServices(Face face);
    ~AppServices();

    [[nodiscard]] RegistryClient &registry() { return *m_registry; }
    [[nodiscard]] HubClient &hub() { return *m_hub; }
    [[nodiscard]] CredentialSource *credentials();
    [[nodiscard]] KeychainStore &keychain() { return *m_keychain; }
    // This run's logins; the window's face only (nullptr on the command line).
    [[nodiscard]] SessionCredentialSource *session() { return m_session.get(); }

    // Told once per message when a keychain that is there failed and another source answered.
    void setCredentialWarning(std::function<void(const Error &)> warn);

    // A pull engine over `store` whose clients behave like registry() (`workers` layers at once).
    [[nodiscard]] std::unique_ptr<PullEngine> pullEngine(const ImageStore &store, int workers = 4) const;

private:
    Face m_face;
    std::unique_ptr<SessionCredentialSource> m_session;
    std::unique_ptr<KeychainStore> m_keychain;
    std::unique_ptr<DockerConfigCredentials> m_dockerConfig;
    std::unique_ptr<ChainedCredentialSource> m_credentials;
    std::unique_ptr<DockerIdCredentials> m_dockerId;
    std::unique_ptr<RegistryClient> m_registry;
    std::unique_ptr<HubClient> m_hub;
};

} // namespace wharf
