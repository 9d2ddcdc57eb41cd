// Fuzzes DockerConfig::parse (models/credentials): the bytes as ~/.docker/config.json, then the
// route Docker's precedence picks for Docker Hub, a registry with a port and a loopback one.

#include "credentials/DockerConfig.h"

#include <QByteArrayView>
#include <QStringList>

#include <cstddef>
#include <cstdint>

using namespace wharf;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Result<DockerConfig> config = DockerConfig::parse(QByteArrayView(data, qsizetype(size)), u"fuzz.json"_s);
    if (!config)
        return 0;
    (void)config->isEmpty();
    (void)config->credsStore();
    static const QStringList registries = {u"docker.io"_s, u"registry.example:5000"_s, u"localhost"_s};
    for (const QString &registry : registries) {
        const DockerConfig::Route route = config->routeFor(registry);
        (void)route.credentials.isEmpty();
        (void)route.helper.size();
    }
    return 0;
}
