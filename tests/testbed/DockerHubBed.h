#pragma once
// Docker Hub on loopback, for the tests and benchmarks that drive the window or the CLI as a
// person would: the test bed's images in a real docker-registry (official images under library/
// too, as Docker Hub names them), the fault proxy in front of it — where tests count requests,
// inject faults or add latency — and the Hub emulator for search, repository details and tags.
// start() points WHARF_DOCKERHUB_REGISTRY_URL at the proxy, so "docker.io" goes there.

#include "FaultProxy.h"
#include "HubEmulator.h"
#include "RegistryProcess.h"
#include "TestbedImages.h"

#include <QTemporaryDir>

#include <memory>

namespace wharf::testbed {

class DockerHubBed final
{
    Q_DISABLE_COPY_MOVE(DockerHubBed)
public:
    DockerHubBed() = default;

    // False, with `error`, when the images, the registry or a server cannot be had.
    bool start(QString *error);

    [[nodiscard]] const TestbedImages &images() const { return m_images; }
    [[nodiscard]] RegistryProcess &registry() { return m_registry; }
    [[nodiscard]] FaultProxy &proxy() { return *m_proxy; }
    [[nodiscard]] HubEmulator &hub() { return *m_hub; }

private:
    TestbedImages m_images;
    QTemporaryDir m_root;
    RegistryProcess m_registry;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<HubEmulator> m_hub;
};

} // namespace wharf::testbed
