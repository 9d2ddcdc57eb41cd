#pragma once
// A Docker schema 1 image in a real registry, made at test time as old Docker Hub images still
// are: the test bed's single:1.0 (from its OCI layout) converted and pushed by `skopeo copy
// --format v2s1`, which signs the manifest with a throwaway libtrust key. The registry must run
// with RegistryOptions::schema1Pushes; it keeps the unsigned manifest and signs it again, with its
// own key, on every GET (application/vnd.docker.distribution.manifest.v1+prettyjws).

#include <QString>
#include <QStringList>

#include <optional>

namespace wharf::testbed {

class RegistryProcess;
class TestbedImages;

struct Schema1Image
{
    QString reference; // "127.0.0.1:PORT/repository:tag"
    QString digest; // the registry's Docker-Content-Digest: of the signed payload, not of a body
    QString mediaType; // the Content-Type of a GET
    QStringList layers; // single:1.0's layers, base first: what the schema 1 manifest must read as

    // Pushes single:1.0 as `repositoryAndTag` ("old:1.0"); nullopt, with `error`, when skopeo or
    // the registry refused.
    [[nodiscard]] static std::optional<Schema1Image> push(const TestbedImages &images, const RegistryProcess &registry,
                                                          const QString &repositoryAndTag, QString *error = nullptr);
};

} // namespace wharf::testbed
