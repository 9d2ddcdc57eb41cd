#pragma once
// One image (or artifact) for one platform: a Docker schema 2 manifest or an OCI image manifest.
// It names the config blob and the layers, base layer first. Built by parseManifest(), which has
// already decided from the Content-Type that the bytes are a manifest and not an index; a Docker
// schema 1 manifest reads as one too (Schema1Manifest::image), with no config blob and layer
// sizes unknown.

#include "core/Error.h"
#include "documents/Descriptor.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace wharf {

struct ImageManifest
{
    int schemaVersion = 2;
    // The effective type (Docker v2s2 or OCI, or schema 1), whether or not the document spells it out.
    QString mediaType;
    QString artifactType;
    Descriptor config;
    QList<Descriptor> layers;
    QMap<QString, QString> annotations;
    std::optional<Descriptor> subject;

    // `mediaType` is the type the caller settled on (MediaTypes::isManifest). Errors as in
    // Descriptor::fromJson, plus MalformedDocument for a wrong schemaVersion or, for images (an
    // image config), no layers at all. Artifacts may have none (manifest.md: layers SHOULD have one).
    [[nodiscard]] static Result<ImageManifest> fromJson(const QJsonObject &object, const QString &mediaType);

    [[nodiscard]] bool isDocker() const;
    // Docker's deprecated schema 1: read for showing, never pulled.
    [[nodiscard]] bool isSchema1() const;
    // An OCI artifact rather than a runnable image: an artifactType, or a config that is not an image config.
    [[nodiscard]] bool isArtifact() const;
    // Compressed bytes to download; saturates instead of overflowing on absurd sizes; -1 when a
    // layer's size is unknown (schema 1).
    [[nodiscard]] qint64 totalLayerSize() const;
};

} // namespace wharf
