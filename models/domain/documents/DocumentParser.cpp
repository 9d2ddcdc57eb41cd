#include "documents/DocumentParser.h"

#include "documents/JsonFields.h"
#include "documents/MediaTypes.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <initializer_list>
#include <optional>
#include <span>

namespace wharf {

using namespace Qt::StringLiterals;

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Documents)
};

// The members that identify a format (c/image's "essential" fields). Matched case-insensitively
// because Go's decoder, used by most registries and clients, matches field names that way.
bool hasMemberCaseInsensitive(const QJsonObject &object, QLatin1StringView name)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

Result<void> rejectForeignMembers(const QJsonObject &object, std::initializer_list<QLatin1StringView> foreign, const QString &mediaType)
{
    for (QLatin1StringView name : foreign)
        if (hasMemberCaseInsensitive(object, name))
            return fail(Error::Code::MediaTypeMismatch,
                        Tr::tr("the document was served as “%1” but has a “%2” field, which belongs to a different kind "
                               "of document")
                            .arg(mediaType, name));
    return {};
}

// A top-level member spelled like a known one in another case ("MediaType") is read by Go clients
// as that member and ignored here: refuse it rather than disagree with them about the document.
Result<void> rejectMisspelledMembers(const QJsonObject &object, std::span<const QLatin1StringView> known)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        for (QLatin1StringView name : known)
            if (it.key() != name && it.key().compare(name, Qt::CaseInsensitive) == 0)
                return JsonFields::malformed(Tr::tr("the field “%1” must be spelled “%2”").arg(it.key(), name));
    return {};
}

constexpr QLatin1StringView kSchema2Members[] = {
    "schemaVersion"_L1, "mediaType"_L1, "artifactType"_L1, "config"_L1, "layers"_L1, "manifests"_L1, "subject"_L1, "annotations"_L1,
};
constexpr QLatin1StringView kSchema1Members[] = {
    "schemaVersion"_L1, "mediaType"_L1, "name"_L1, "tag"_L1, "architecture"_L1, "fsLayers"_L1, "history"_L1, "signatures"_L1,
};

bool isGenericContentType(const QString &type)
{
    return type.isEmpty() || type == "application/json"_L1 || type == "application/octet-stream"_L1 || type == "text/plain"_L1;
}

// No usable Content-Type and no mediaType field: decide from the members, as c/image's
// GuessMIMEType does, but only when exactly one kind fits.
Result<QString> typeFromShape(const QJsonObject &object)
{
    const QJsonValue version = object.value("schemaVersion"_L1);
    if ((version.isDouble() && version.toDouble() == 1.0) || hasMemberCaseInsensitive(object, "fsLayers"_L1))
        return QString(object.contains("signatures"_L1) ? MediaTypes::DockerSchema1Signed : MediaTypes::DockerSchema1Manifest);
    const bool indexShaped = hasMemberCaseInsensitive(object, "manifests"_L1);
    const bool manifestShaped = hasMemberCaseInsensitive(object, "config"_L1) || hasMemberCaseInsensitive(object, "layers"_L1);
    if (indexShaped && manifestShaped)
        return fail(Error::Code::MediaTypeMismatch,
                    Tr::tr("the document has both “manifests” and “config”/“layers”, so it could be read as an index "
                           "or as a manifest"));
    // A Docker manifest list always declares its mediaType, so an undeclared index is OCI.
    if (indexShaped)
        return QString(MediaTypes::OciIndex);
    if (manifestShaped) {
        const QJsonValue configType = object.value("config"_L1).toObject().value("mediaType"_L1);
        return QString(configType.toString() == MediaTypes::DockerConfig ? MediaTypes::DockerManifest : MediaTypes::OciManifest);
    }
    return fail(Error::Code::UnsupportedMediaType,
                Tr::tr("the document declares no media type and does not look like a manifest or an index"));
}

// A signed schema 1 manifest is hashed and read without its signatures (libtrust's JWS payload).
bool isSignedSchema1(const QJsonObject &object, const QString &type)
{
    return MediaTypes::isSchema1(type) && object.contains("signatures"_L1);
}

Result<QString> effectiveType(const QJsonObject &object, const QString &served)
{
    auto declared = JsonFields::readString(object, "mediaType"_L1, QString());
    if (!declared)
        return declared;
    const bool hasDeclared = object.value("mediaType"_L1).isString();
    if (hasDeclared && !MediaTypes::isWellFormed(*declared))
        return JsonFields::malformed(Tr::tr("“mediaType” is not a valid media type"));

    if (isGenericContentType(served))
        return hasDeclared ? declared : typeFromShape(object);
    if (!MediaTypes::isIndex(served) && !MediaTypes::isManifest(served) && !MediaTypes::isSchema1(served))
        return fail(Error::Code::UnsupportedMediaType, Tr::tr("“%1” is not a manifest or index type Wharf can read").arg(served.left(140)));
    // distribution-spec: if the manifest has a mediaType field, clients SHOULD reject it unless it
    // matches the Content-Type.
    if (hasDeclared && *declared != served)
        return fail(Error::Code::MediaTypeMismatch,
                    Tr::tr("the document says it is “%1” but was served as “%2”").arg(declared->left(140), served));
    return served;
}

Result<ManifestDocument> parseAs(const QJsonObject &object, const QString &type)
{
    if (MediaTypes::isSchema1(type)) {
        if (auto ok = rejectForeignMembers(object, {"config"_L1, "layers"_L1, "manifests"_L1}, type); !ok)
            return wharf::unexpected(ok.error());
        if (auto ok = rejectMisspelledMembers(object, kSchema1Members); !ok)
            return wharf::unexpected(ok.error());
        auto manifest = Schema1Manifest::fromJson(object, type);
        if (!manifest)
            return wharf::unexpected(manifest.error());
        return ManifestDocument(std::move(*manifest));
    }
    if (MediaTypes::isIndex(type)) {
        if (auto ok = rejectForeignMembers(object, {"config"_L1, "layers"_L1, "fsLayers"_L1, "history"_L1}, type); !ok)
            return wharf::unexpected(ok.error());
        if (auto ok = rejectMisspelledMembers(object, kSchema2Members); !ok)
            return wharf::unexpected(ok.error());
        auto index = ImageIndex::fromJson(object, type);
        if (!index)
            return wharf::unexpected(index.error());
        return ManifestDocument(std::move(*index));
    }
    if (MediaTypes::isManifest(type)) {
        if (auto ok = rejectForeignMembers(object, {"manifests"_L1, "fsLayers"_L1, "history"_L1}, type); !ok)
            return wharf::unexpected(ok.error());
        if (auto ok = rejectMisspelledMembers(object, kSchema2Members); !ok)
            return wharf::unexpected(ok.error());
        auto manifest = ImageManifest::fromJson(object, type);
        if (!manifest)
            return wharf::unexpected(manifest.error());
        return ManifestDocument(std::move(*manifest));
    }
    return fail(Error::Code::UnsupportedMediaType, Tr::tr("“%1” is not a manifest or index type Wharf can read").arg(type.left(140)));
}

// The JWS payload when the bytes are a signed schema 1 manifest (only such a type, or a generic
// one, can be), nothing when the digest covers the bytes themselves.
Result<std::optional<QByteArray>> signedPayloadOf(QByteArrayView bytes, QStringView contentType)
{
    const QString served = MediaTypes::stripParameters(contentType);
    if (!MediaTypes::isSchema1(served) && !isGenericContentType(served))
        return std::optional<QByteArray>();
    auto object = JsonFields::parseObject(bytes, kMaxManifestSize);
    if (!object)
        return wharf::unexpected(object.error());
    const auto type = effectiveType(*object, served);
    if (!type || !isSignedSchema1(*object, *type))
        return std::optional<QByteArray>(); // what is wrong with it, parseManifest() says
    auto payload = Schema1Manifest::signedPayload(bytes, *object);
    if (!payload)
        return wharf::unexpected(payload.error());
    return std::optional<QByteArray>(std::move(*payload));
}

} // namespace

Result<ManifestDocument> parseManifest(QByteArrayView bytes, QStringView contentType)
{
    auto object = JsonFields::parseObject(bytes, kMaxManifestSize);
    if (!object)
        return wharf::unexpected(object.error());
    auto type = effectiveType(*object, MediaTypes::stripParameters(contentType));
    if (!type)
        return wharf::unexpected(type.error());
    if (isSignedSchema1(*object, *type)) {
        // Read what the digest covers, never the signatures around it.
        auto payload = Schema1Manifest::signedPayload(bytes, *object);
        if (!payload)
            return wharf::unexpected(payload.error());
        object = JsonFields::parseObject(*payload, kMaxManifestSize);
        if (!object)
            return wharf::unexpected(object.error().withContext(Tr::tr("the signed part of the manifest")));
        if (object->contains("signatures"_L1))
            return JsonFields::malformed(Tr::tr("the signed part of the manifest has signatures of its own"));
    }
    return parseAs(*object, *type);
}

Result<QByteArray> digestedManifestBytes(const QByteArray &bytes, QStringView contentType)
{
    auto payload = signedPayloadOf(bytes, contentType);
    if (!payload)
        return wharf::unexpected(payload.error());
    return payload->value_or(bytes);
}

Result<ManifestDocument> parseManifest(QByteArrayView bytes, const Descriptor &expected)
{
    if (bytes.size() > kMaxManifestSize)
        return fail(Error::Code::TooLarge,
                    Tr::tr("the document is %1 bytes, more than the %2 bytes Wharf accepts").arg(bytes.size()).arg(kMaxManifestSize));
    // A default Digest would compare equal to the verifier's "could not compute" result.
    if (!expected.digest.isValid())
        return fail(Error::Code::InvalidDigest, Tr::tr("the descriptor has no digest to verify the document against"));
    const QString &type = expected.mediaType;
    const auto payload = signedPayloadOf(bytes, type);
    if (!payload)
        return wharf::unexpected(payload.error());
    const QByteArrayView digested = *payload ? QByteArrayView(**payload) : bytes;
    if (auto verified = verifyBytes(digested, expected.digest, expected.size); !verified)
        return wharf::unexpected(verified.error());
    if (!MediaTypes::isIndex(type) && !MediaTypes::isManifest(type) && !MediaTypes::isSchema1(type))
        return fail(Error::Code::UnsupportedMediaType, Tr::tr("“%1” is not a manifest or index type Wharf can read").arg(type.left(140)));
    return parseManifest(bytes, QStringView(type));
}

Result<ImageConfig> parseConfig(QByteArrayView bytes)
{
    auto object = JsonFields::parseObject(bytes, kMaxConfigSize);
    if (!object)
        return wharf::unexpected(object.error());
    return ImageConfig::fromJson(*object);
}

Result<Descriptor> parseDescriptor(QByteArrayView bytes)
{
    auto object = JsonFields::parseObject(bytes, kMaxManifestSize);
    if (!object)
        return wharf::unexpected(object.error());
    return Descriptor::fromJson(*object);
}

Result<QString> parseLayoutHeader(QByteArrayView bytes)
{
    auto object = JsonFields::parseObject(bytes, kMaxManifestSize);
    if (!object)
        return wharf::unexpected(object.error());
    auto version = JsonFields::readString(*object, "imageLayoutVersion"_L1, QString(), JsonFields::Presence::Required);
    if (!version)
        return version;
    if (*version != "1.0.0"_L1)
        return fail(Error::Code::Unsupported,
                    Tr::tr("OCI image layout version “%1” is not supported (only 1.0.0 is)").arg(version->left(40)));
    return version;
}

} // namespace wharf
