#pragma once
// One image the store keeps: the reference it was pulled as, the platform, and the manifest that
// index.json points at. The unit `wharf images` lists and `wharf rm` removes; the pull engine
// hands one to ImageStore::addImage() once every blob is in.

#include "documents/Descriptor.h"
#include "reference/Platform.h"

#include <QDateTime>
#include <QString>

namespace wharf {

struct StoredImage
{
    // Full and normalised (ImageReference::parseDockerRef): docker.io/library/nginx:latest, or
    // docker.io/library/nginx@sha256:… for a pull by digest.
    QString reference;
    // The platform of `manifest` (for a single-platform image, the one its config names).
    Platform platform;
    // The platform manifest (or the single manifest): digest, size, mediaType.
    Descriptor manifest;
    // Optional: "sha256:…" of the index the platform was picked from.
    QString indexDigest;
    QDateTime pulledAt;
    // Read back from index.json: the org.opencontainers.image.ref.name other tools address it by
    // (skopeo inspect oci:STORE:<refName>). Ignored by addImage(), which computes it.
    QString refName;
};

} // namespace wharf
