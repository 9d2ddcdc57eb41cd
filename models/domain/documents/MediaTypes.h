#pragma once
// The Docker and OCI media types Wharf recognises, and the few questions asked about them: which
// documents are indexes or manifests, which blobs are filesystem layers, and how a Content-Type
// header is reduced to a bare media type before it is compared (distribution-spec: clients SHOULD
// ignore parameters).

#include <QAnyStringView>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

namespace wharf::MediaTypes {

// Manifests and indexes.
inline constexpr QLatin1StringView DockerManifestList("application/vnd.docker.distribution.manifest.list.v2+json");
inline constexpr QLatin1StringView DockerManifest("application/vnd.docker.distribution.manifest.v2+json");
inline constexpr QLatin1StringView OciIndex("application/vnd.oci.image.index.v1+json");
inline constexpr QLatin1StringView OciManifest("application/vnd.oci.image.manifest.v1+json");
// Docker's deprecated schema 1 (Schema1Manifest): read to be shown, never pulled.
inline constexpr QLatin1StringView DockerSchema1Manifest("application/vnd.docker.distribution.manifest.v1+json");
inline constexpr QLatin1StringView DockerSchema1Signed("application/vnd.docker.distribution.manifest.v1+prettyjws");

// Configs.
inline constexpr QLatin1StringView DockerConfig("application/vnd.docker.container.image.v1+json");
inline constexpr QLatin1StringView OciConfig("application/vnd.oci.image.config.v1+json");
inline constexpr QLatin1StringView DockerAttestationConfig("application/vnd.docker.attestation.config.v1+json");

// Layers.
inline constexpr QLatin1StringView DockerLayerGzip("application/vnd.docker.image.rootfs.diff.tar.gzip");
inline constexpr QLatin1StringView DockerLayerTar("application/vnd.docker.image.rootfs.diff.tar");
inline constexpr QLatin1StringView DockerForeignLayerGzip("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");
inline constexpr QLatin1StringView DockerForeignLayerTar("application/vnd.docker.image.rootfs.foreign.diff.tar");
inline constexpr QLatin1StringView OciLayerTar("application/vnd.oci.image.layer.v1.tar");
inline constexpr QLatin1StringView OciLayerGzip("application/vnd.oci.image.layer.v1.tar+gzip");
inline constexpr QLatin1StringView OciLayerZstd("application/vnd.oci.image.layer.v1.tar+zstd");
inline constexpr QLatin1StringView OciNondistributableLayerTar("application/vnd.oci.image.layer.nondistributable.v1.tar");
inline constexpr QLatin1StringView OciNondistributableLayerGzip("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");
inline constexpr QLatin1StringView OciNondistributableLayerZstd("application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");

// Artifacts and the rest.
inline constexpr QLatin1StringView InToto("application/vnd.in-toto+json");
inline constexpr QLatin1StringView OciEmpty("application/vnd.oci.empty.v1+json");
inline constexpr QLatin1StringView OciDescriptor("application/vnd.oci.descriptor.v1+json");
inline constexpr QLatin1StringView OciLayoutHeader("application/vnd.oci.layout.header.v1+json");

// Exact, case-sensitive comparisons: media types inside documents are compared as written
// (image-spec); only Content-Type headers are normalised, by stripParameters().
[[nodiscard]] bool isIndex(QAnyStringView mediaType);
[[nodiscard]] bool isManifest(QAnyStringView mediaType);
[[nodiscard]] bool isSchema1(QAnyStringView mediaType);
[[nodiscard]] bool isImageConfig(QAnyStringView mediaType);
// Tar layers Wharf can read (plain, gzip, zstd), including foreign/non-distributable ones.
[[nodiscard]] bool isLayer(QAnyStringView mediaType);
// Foreign (Docker) and non-distributable (OCI) layers: the only ones whose `urls` mean anything.
[[nodiscard]] bool isNonDistributableLayer(QAnyStringView mediaType);

// The image-spec descriptor pattern: type "/" subtype, each 1–127 characters from a fixed set.
[[nodiscard]] bool isWellFormed(QAnyStringView mediaType);

// "Application/vnd.oci.image.index.v1+json; charset=utf-8 " → "application/vnd.oci.image.index.v1+json".
[[nodiscard]] QString stripParameters(QStringView contentType);

} // namespace wharf::MediaTypes
