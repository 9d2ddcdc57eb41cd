#pragma once
// Turns the bytes of a manifest, index, config, descriptor or oci-layout file into a document, or
// into the reason it was refused. The one place that decides what a manifest response *is*: from
// the Content-Type the registry sent (never from what was asked for in Accept), cross-checked
// against the document's own mediaType and shape so that one digest can never be read both as an
// image and as an index (CVE-2021-41190).
//
// These functions only parse. Callers hash the exact bytes they received before or after calling
// them, never a re-serialisation (CVE-2014-8179).

#include "core/Error.h"
#include "documents/Descriptor.h"
#include "documents/ImageConfig.h"
#include "documents/ImageIndex.h"
#include "documents/ImageManifest.h"
#include "documents/Schema1Manifest.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <variant>

namespace wharf {

// Bounded in-memory reads (CVE-2020-1702): c/image's limits. containerd uses 4·1048·1048.
inline constexpr qsizetype kMaxManifestSize = 4 * 1024 * 1024;
inline constexpr qsizetype kMaxConfigSize = 4 * 1024 * 1024;

// A Schema1Manifest is read to be shown (inspect, history, layers), never pulled.
using ManifestDocument = std::variant<ImageManifest, ImageIndex, Schema1Manifest>;

// A manifest or index as served with `contentType` (parameters such as "; charset=utf-8" ignored).
// A generic or missing Content-Type (empty, application/json, application/octet-stream, text/plain)
// falls back to the document's mediaType field, then to its shape when that is unambiguous.
// A signed schema 1 manifest is read from its signed payload (see digestedManifestBytes).
// Errors: TooLarge; MalformedDocument (not JSON, not an object, trailing data, duplicate keys, wrong
// types, schemaVersion ≠ 2, or ≠ 1 for schema 1, a broken schema 1 signature envelope);
// MediaTypeMismatch (mediaType field ≠ Content-Type, or fields of another kind: `manifests` in a
// manifest, `config`/`layers` in an index, either in schema 1, `fsLayers`/`history` in the others);
// UnsupportedMediaType (not a manifest type); and the Descriptor::fromJson and
// Schema1Manifest::fromJson errors.
[[nodiscard]] Result<ManifestDocument> parseManifest(QByteArrayView bytes, QStringView contentType);

// The bytes a manifest's digest is computed over, as registries compute Docker-Content-Digest and
// c/image's manifest.Digest does: the bytes themselves, except for a signed Docker schema 1
// manifest, whose digest covers its JWS payload — the document without its "signatures" (see
// Schema1Manifest::signedPayload), which a registry re-signs on every GET. Errors: those of
// reading the signatures (MalformedDocument, TooLarge).
[[nodiscard]] Result<QByteArray> digestedManifestBytes(const QByteArray &bytes, QStringView contentType);

// A manifest or index fetched through a descriptor (by digest, or from a layout's index.json): size
// and digest are verified first, then the descriptor's media type is the expected type, whatever
// the Content-Type said (image-spec media-types.md). Adds SizeMismatch and DigestMismatch.
[[nodiscard]] Result<ManifestDocument> parseManifest(QByteArrayView bytes, const Descriptor &expected);

// An image config blob. Only call it for MediaTypes::isImageConfig() configs: other config types
// belong to artifacts and MUST NOT be parsed as image configs (manifest.md).
[[nodiscard]] Result<ImageConfig> parseConfig(QByteArrayView bytes);

// A lone descriptor document (application/vnd.oci.descriptor.v1+json).
[[nodiscard]] Result<Descriptor> parseDescriptor(QByteArrayView bytes);

// An OCI layout's "oci-layout" file; returns imageLayoutVersion. A version other than 1.0.0 is
// Error::Code::Unsupported.
[[nodiscard]] Result<QString> parseLayoutHeader(QByteArrayView bytes);

} // namespace wharf
