#pragma once
// A Docker image manifest in the deprecated schema 1 format (application/vnd.docker.distribution.
// manifest.v1+json, or +prettyjws when signed), which Docker Hub still serves for old images. Wharf
// reads it to show it — layers, build history, platform and run config — and never pulls it.
//
// Read as moby's pullSchema1 and c/image's Schema1 read it: `fsLayers` and `history` list the
// top-most layer first and pair up one to one; each history entry's `v1Compatibility` is the legacy
// image JSON of that step (id, parent, created, container_config.Cmd, throwaway, …), and the
// top-most one also holds os and the run config; the ids form one parent chain (an id repeated next
// to itself is dropped, as Docker drops it). What comes out is in the shapes the rest of Wharf knows:
// an ImageManifest with the layers base first, throwaway steps left out, sizes unknown (-1: schema 1
// does not record them) and no config blob; and an ImageConfig built from the top-most step, with
// one history entry per step and no diff_ids.

#include "core/Error.h"
#include "documents/ImageConfig.h"
#include "documents/ImageManifest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace wharf {

struct Schema1Manifest
{
    QString mediaType; // the effective type (MediaTypes::isSchema1)
    QString name; // the repository and tag the manifest names: untrusted text, shown only
    QString tag;
    ImageManifest image;
    ImageConfig config;

    // `object` is the unsigned document (for a signed one, its payload: see signedPayload()).
    // Errors: MalformedDocument (schemaVersion ≠ 1, wrong types, fsLayers and history of different
    // lengths or empty, a v1Compatibility that is not a JSON object or has no valid id, ids that do
    // not form one parent chain, a top-most step that is not a valid config), and the digest errors
    // of a blobSum (InvalidDigest, UnsupportedDigest).
    [[nodiscard]] static Result<Schema1Manifest> fromJson(const QJsonObject &object, const QString &mediaType);

    // The bytes a signed manifest's digest covers, rebuilt as libtrust rebuilds its JWS payload from
    // the signatures' protected header: the first `formatLength` bytes, then the base64url
    // `formatTail` (the closing brace that "signatures" displaced). Registries compute
    // Docker-Content-Digest over these, and re-sign them on every GET. `object` is `bytes` parsed.
    // Errors: MalformedDocument (no signatures, a protected header that is not base64url JSON with
    // both fields, signatures that disagree, a length past the end).
    [[nodiscard]] static Result<QByteArray> signedPayload(QByteArrayView bytes, const QJsonObject &object);
};

} // namespace wharf
