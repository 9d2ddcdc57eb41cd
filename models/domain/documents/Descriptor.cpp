#include "documents/Descriptor.h"

#include "documents/JsonFields.h"
#include "documents/MediaTypes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

namespace wharf {

using namespace Qt::StringLiterals;
using JsonFields::Presence;

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Documents)
};

constexpr auto kAttestationType = "vnd.docker.reference.type"_L1;
constexpr auto kAttestationDigest = "vnd.docker.reference.digest"_L1;

Result<QString> readMediaType(const QJsonObject &object, QLatin1StringView key, const QString &path,
                              Presence presence)
{
    auto value = JsonFields::readString(object, key, path, presence);
    if (!value)
        return value;
    const bool given = object.value(key).isString();
    if (given && !MediaTypes::isWellFormed(*value))
        return JsonFields::malformed(Tr::tr("“%1” is not a valid media type in “%2”")
                                         .arg(value->left(140), JsonFields::memberPath(path, key)));
    return value;
}

// The schema's "format": "uri" as gojsonschema checks it: parses, and is absolute (has a scheme).
bool isAbsoluteUri(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.scheme().isEmpty();
}

// Standard alphabet with padding, as the schema's base64 encoding requires; Qt's decoder alone
// also accepts unpadded input, which the image-spec vectors reject.
bool isStrictBase64(const QString &text)
{
    if (text.size() % 4 != 0)
        return false;
    qsizetype padding = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'=') {
            ++padding;
            continue;
        }
        if (padding > 0)
            return false;
        const bool alphabet = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')
            || c == u'+' || c == u'/';
        if (!alphabet)
            return false;
    }
    return padding <= 2;
}

Result<Platform> readPlatform(const QJsonObject &object, const QString &path)
{
    // Types are checked here because Platform::fromJson is lenient by design (it also reads
    // platforms Wharf writes itself).
    for (QLatin1StringView key : {"architecture"_L1, "os"_L1}) {
        if (auto v = JsonFields::readString(object, key, path, Presence::Required); !v)
            return wharf::unexpected(v.error());
    }
    for (QLatin1StringView key : {"variant"_L1, "os.version"_L1}) {
        if (auto v = JsonFields::readString(object, key, path); !v)
            return wharf::unexpected(v.error());
    }
    // "features" is the Docker manifest list's reserved field; typed the same way.
    for (QLatin1StringView key : {"os.features"_L1, "features"_L1}) {
        if (auto v = JsonFields::readStringArray(object, key, path); !v)
            return wharf::unexpected(v.error());
    }
    return Platform::fromJson(object);
}

} // namespace

Result<Descriptor> Descriptor::fromJson(const QJsonObject &object, const QString &path)
{
    Descriptor d;

    auto mediaType = readMediaType(object, "mediaType"_L1, path, Presence::Required);
    if (!mediaType)
        return wharf::unexpected(mediaType.error());
    d.mediaType = *mediaType;

    auto size = JsonFields::readSize(object, "size"_L1, path);
    if (!size)
        return wharf::unexpected(size.error());
    d.size = *size;

    auto urls = JsonFields::readStringArray(object, "urls"_L1, path);
    if (!urls)
        return wharf::unexpected(urls.error());
    for (qsizetype i = 0; i < urls->size(); ++i)
        if (!isAbsoluteUri(urls->at(i)))
            return JsonFields::malformed(
                Tr::tr("“%1” is not a valid URL").arg(JsonFields::elementPath(JsonFields::memberPath(path, "urls"_L1), i)));
    d.urls = *urls;

    auto annotations = JsonFields::readStringMap(object, "annotations"_L1, path);
    if (!annotations)
        return wharf::unexpected(annotations.error());
    d.annotations = *annotations;

    auto artifactType = readMediaType(object, "artifactType"_L1, path, Presence::Optional);
    if (!artifactType)
        return wharf::unexpected(artifactType.error());
    d.artifactType = *artifactType;

    auto platformObject = JsonFields::readObject(object, "platform"_L1, path);
    if (!platformObject)
        return wharf::unexpected(platformObject.error());
    if (object.value("platform"_L1).isObject()) {
        auto platform = readPlatform(*platformObject, JsonFields::memberPath(path, "platform"_L1));
        if (!platform)
            return wharf::unexpected(platform.error());
        d.platform = *platform;
    }

    auto data = JsonFields::readString(object, "data"_L1, path);
    if (!data)
        return wharf::unexpected(data.error());
    const bool hasData = object.value("data"_L1).isString();
    if (hasData && !isStrictBase64(*data))
        return JsonFields::malformed(
            Tr::tr("“%1” is not valid base64").arg(JsonFields::memberPath(path, "data"_L1)));

    // The digest comes last so that a document broken in some other way is reported as broken,
    // not merely as unverifiable.
    auto digestText = JsonFields::readString(object, "digest"_L1, path, Presence::Required);
    if (!digestText)
        return wharf::unexpected(digestText.error());
    auto digest = Digest::parse(*digestText);
    if (!digest)
        return wharf::unexpected(digest.error().withContext(JsonFields::memberPath(path, "digest"_L1)));
    d.digest = *digest;

    if (hasData) {
        auto decoded = QByteArray::fromBase64Encoding(data->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return JsonFields::malformed(
                Tr::tr("“%1” is not valid base64").arg(JsonFields::memberPath(path, "data"_L1)));
        // Embedded data MUST be the described blob (descriptor.md); a mismatch means the document
        // lies about its content, so the whole document is refused rather than the data dropped.
        if (auto verified = verifyBytes(*decoded, d.digest, d.size); !verified)
            return wharf::unexpected(verified.error().withContext(JsonFields::memberPath(path, "data"_L1)));
        d.data = std::move(*decoded);
    }
    return d;
}

QJsonObject Descriptor::toJson() const
{
    QJsonObject object{
        {u"mediaType"_s, mediaType},
        {u"digest"_s, digest.toString()},
        {u"size"_s, QJsonValue(size)},
    };
    if (platform)
        object.insert(u"platform"_s, platform->toJson());
    if (!annotations.isEmpty()) {
        QJsonObject map;
        for (auto it = annotations.begin(); it != annotations.end(); ++it)
            map.insert(it.key(), it.value());
        object.insert(u"annotations"_s, map);
    }
    if (!urls.isEmpty())
        object.insert(u"urls"_s, QJsonArray::fromStringList(urls));
    if (!artifactType.isEmpty())
        object.insert(u"artifactType"_s, artifactType);
    if (data)
        object.insert(u"data"_s, QString::fromLatin1(data->toBase64()));
    return object;
}

bool Descriptor::isAttestation() const
{
    return annotations.value(kAttestationType) == "attestation-manifest"_L1 || (platform && platform->isUnknown());
}

Digest Descriptor::attestedDigest() const
{
    const auto parsed = Digest::parse(annotations.value(kAttestationDigest));
    return parsed ? *parsed : Digest();
}

} // namespace wharf
