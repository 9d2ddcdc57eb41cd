#include "DockerHubBed.h"

namespace wharf::testbed {

bool DockerHubBed::start(QString *error)
{
    if (!m_images.load(TestbedImages::defaultDirectory(), error))
        return false;
    if (!m_root.isValid()) {
        if (error)
            *error = QStringLiteral("no temporary folder for the registry storage");
        return false;
    }
    if (!m_images.linkAsDockerHub(m_root.path(), error))
        return false;
    RegistryOptions anonymous;
    anonymous.storageRoot = m_root.path();
    if (!m_registry.start(anonymous, error))
        return false;
    m_proxy = std::make_unique<FaultProxy>(m_registry.hostPort());
    if (!m_proxy->listen(error))
        return false;
    m_hub = std::make_unique<HubEmulator>();
    m_hub->setStorageRoot(m_images.storageRoot());
    if (!m_hub->listen(error))
        return false;
    qputenv("WHARF_DOCKERHUB_REGISTRY_URL", m_proxy->baseUrl().toString().toUtf8());
    return true;
}

} // namespace wharf::testbed
