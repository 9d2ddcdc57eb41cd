#include "services/AppServices.h"

#include "credentials/ChainedCredentialSource.h"
#include "credentials/DockerConfigCredentials.h"
#include "credentials/KeychainStore.h"
#include "credentials/SessionCredentialSource.h"
#include "credentials/DockerIdCredentials.h"
#include "hub/HubClient.h"
#include "layers/LayerBlobCache.h"
#include "layers/LayerListingCache.h"
#include "pull/PullEngine.h"
#include "registry/DocumentCache.h"

namespace wharf {

AppServices::AppServices(Face face)
    : m_face(face),
      m_keychain(std::make_unique<KeychainStore>()),
      m_dockerConfig(std::make_unique<DockerConfigCredentials>()),
      m_registry(std::make_unique<RegistryClient>())
{
    std::vector<CredentialSource *> sources{m_keychain.get(), m_dockerConfig.get()};
    if (face == Face::Window) {
        m_session = std::make_unique<SessionCredentialSource>();
        sources.insert(sources.begin(), m_session.get());
    }
    m_credentials = std::make_unique<ChainedCredentialSource>(std::move(sources));
    // dhi.io takes the Docker ID: docker.io's login where it has none of its own.
    m_dockerId = std::make_unique<DockerIdCredentials>(m_credentials.get());
    m_registry->setCredentialSource(m_dockerId.get());
    // Verified documents by digest, in memory and under DocumentCache::defaultFolder().
    m_registry->setDocumentCache(std::make_shared<DocumentCache>(DocumentCache::defaultFolder()));
    m_registry->setLayerListings(std::make_shared<LayerListingCache>());
    if (const QString layers = LayerBlobCache::defaultFolder(); !layers.isEmpty())
        m_registry->setLayerBlobCache(std::make_shared<LayerBlobCache>(layers));
    m_hub = std::make_unique<HubClient>(m_registry->network());
    // docker.io's credential also signs in to the Hub's API (private repositories, deep tag pages).
    m_hub->setCredentialSource(m_credentials.get());
}

AppServices::~AppServices() = default;

CredentialSource *AppServices::credentials()
{
    return m_dockerId.get();
}

void AppServices::setCredentialWarning(std::function<void(const Error &)> warn)
{
    m_credentials->setWarningHandler(std::move(warn));
}

std::unique_ptr<PullEngine> AppServices::pullEngine(const ImageStore &store, int workers) const
{
    PullEngine::Options options;
    options.workers = workers;
    options.client = m_registry->settings();
    // The window stays responsive while a pull keeps both cores busy; the command line has nothing
    // else to serve.
    options.workerNice = m_face == Face::Window ? PullEngine::kInteractiveNice : 0;
    return std::make_unique<PullEngine>(store, options);
}

} // namespace wharf
