#pragma once
// An OCI content descriptor: what a manifest, index or layout says about one blob (its media type,
// digest and size, and where it runs). Parsing validates every field against the image-spec schema
// and the digest against what Wharf can verify, so a Descriptor from fromJson() is safe to use in a
// path or URL (CVE-2024-3727).

#include "core/Digest.h"
#include "core/Error.h"
#include "reference/Platform.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace wharf {

struct Descriptor
{
    QString mediaType;
    Digest digest;
    qint64 size = 0;
    std::optional<Platform> platform;
    QMap<QString, QString> annotations;
    // Foreign-layer mirrors. Untrusted: never send credentials there (CVE-2020-15157).
    QStringList urls;
    QString artifactType;
    // The blob itself when embedded; only ever set once it matched size and digest.
    std::optional<QByteArray> data;

    // Parses one descriptor object. `path` names it in messages ("layers[2]"). Errors:
    // MalformedDocument (wrong shape or types), InvalidDigest, UnsupportedDigest (grammar-valid
    // but not verifiable: such content must not be fetched or trusted), SizeMismatch or
    // DigestMismatch (embedded `data` that is not the described blob).
    [[nodiscard]] static Result<Descriptor> fromJson(const QJsonObject &object, const QString &path = QString());
    [[nodiscard]] QJsonObject toJson() const;

    // A buildkit attestation manifest in an index, which must never be picked as a platform.
    [[nodiscard]] bool isAttestation() const;
    // The runnable manifest an attestation describes; invalid when absent or malformed.
    [[nodiscard]] Digest attestedDigest() const;

    friend bool operator==(const Descriptor &, const Descriptor &) = default;
};

} // namespace wharf
