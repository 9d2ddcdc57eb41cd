#pragma once
// A multi-platform image: a Docker manifest list or an OCI image index, one descriptor per platform
// manifest. Buildkit adds attestation manifests (platform unknown/unknown) that must never be
// offered as platforms; platformManifests() and attestations() keep the two apart.

#include "core/Error.h"
#include "documents/Descriptor.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace wharf {

struct ImageIndex
{
    int schemaVersion = 2;
    // The effective type (Docker list or OCI index), whether or not the document spells it out.
    QString mediaType;
    QString artifactType;
    QList<Descriptor> manifests;
    QMap<QString, QString> annotations;
    std::optional<Descriptor> subject;

    // `mediaType` is the type the caller settled on (MediaTypes::isIndex). Child media types are
    // only checked for form: unknown ones MUST NOT be an error (image-index.md).
    [[nodiscard]] static Result<ImageIndex> fromJson(const QJsonObject &object, const QString &mediaType);

    // Runnable manifests in index order (the first match wins, image-index.md).
    [[nodiscard]] QList<Descriptor> platformManifests() const;
    [[nodiscard]] QList<Descriptor> attestations() const;
};

} // namespace wharf
