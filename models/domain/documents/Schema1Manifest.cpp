#include "documents/Schema1Manifest.h"

#include "documents/DocumentParser.h"
#include "documents/JsonFields.h"
#include "documents/MediaTypes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QList>
#include <QRegularExpression>
#include <QSet>

namespace wharf {

using namespace Qt::StringLiterals;
using JsonFields::Presence;

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Documents)
};

// One build step: what its v1Compatibility says.
struct V1Image
{
    QString id;
    QString parent;
    bool throwaway = false;
    ImageConfig::HistoryEntry step;
    QJsonObject json;
};

// moby's v1.ValidateID: the legacy image ids are 64 lowercase hex digits.
bool isImageId(const QString &id)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(u"[a-f0-9]{64}"_s));
    return pattern.match(id).hasMatch();
}

Result<QByteArray> decodeBase64Url(const QString &text, const QString &where)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return JsonFields::malformed(Tr::tr("“%1” is not base64url").arg(where));
    return *decoded;
}

Result<V1Image> readV1Image(const QString &text, const QString &path)
{
    auto object = JsonFields::parseObject(text.toUtf8(), kMaxManifestSize);
    if (!object)
        return wharf::unexpected(object.error().withContext(path));
    V1Image image;
    image.json = *object;

    auto id = JsonFields::readString(*object, "id"_L1, path, Presence::Required);
    auto parent = JsonFields::readString(*object, "parent"_L1, path);
    auto created = JsonFields::readString(*object, "created"_L1, path);
    auto author = JsonFields::readString(*object, "author"_L1, path);
    auto comment = JsonFields::readString(*object, "comment"_L1, path);
    for (const auto *field : {&id, &parent, &created, &author, &comment})
        if (!*field)
            return wharf::unexpected(field->error());
    if (!isImageId(*id))
        return JsonFields::malformed(
            Tr::tr("“%1” is not an image ID of 64 lowercase hex digits").arg(JsonFields::memberPath(path, "id"_L1)));
    auto throwaway = JsonFields::readBool(*object, "throwaway"_L1, path);
    if (!throwaway)
        return wharf::unexpected(throwaway.error());
    const QString containerPath = JsonFields::memberPath(path, "container_config"_L1);
    auto container = JsonFields::readObject(*object, "container_config"_L1, path);
    if (!container)
        return wharf::unexpected(container.error());
    auto cmd = JsonFields::readStringArray(*container, "Cmd"_L1, containerPath);
    if (!cmd)
        return wharf::unexpected(cmd.error());

    image.id = *id;
    image.parent = *parent;
    image.throwaway = *throwaway;
    // As moby's HistoryFromConfig and c/image make a schema 2 history entry of it.
    image.step.created = created->isEmpty() ? QDateTime() : QDateTime::fromString(*created, Qt::ISODateWithMs);
    image.step.createdBy = cmd->join(u' ');
    image.step.author = *author;
    image.step.comment = *comment;
    image.step.emptyLayer = *throwaway;
    return image;
}

// moby's fixManifestLayers: one chain of ids from the top-most step down to the base, whose parent
// is nobody (Windows base layers may name one outside the manifest). An id repeated right after
// itself is a step Docker pushed twice and is dropped, with its layer; anywhere else it is an error.
Result<void> checkParentChain(QList<V1Image> &images, QList<Digest> &blobSums)
{
    const bool windows = images.constFirst().json.value("os"_L1).toString() == "windows"_L1;
    if (!images.constLast().parent.isEmpty() && !windows)
        return JsonFields::malformed(Tr::tr("the base layer’s step names a parent image, but nothing is below it"));
    QSet<QString> seen;
    QString previous;
    for (const V1Image &image : std::as_const(images)) {
        if (image.id != previous && seen.contains(image.id))
            return JsonFields::malformed(Tr::tr("the image ID %1 appears more than once in “history”").arg(image.id));
        previous = image.id;
        seen.insert(image.id);
    }
    for (qsizetype i = images.size() - 2; i >= 0; --i) {
        if (images.at(i).id == images.at(i + 1).id) {
            images.removeAt(i);
            blobSums.removeAt(i);
        } else if (images.at(i).parent != images.at(i + 1).id) {
            return JsonFields::malformed(Tr::tr("the image %1 names %2 as its parent, but the step below it is %3")
                                             .arg(images.at(i).id, images.at(i).parent.left(80), images.at(i + 1).id));
        }
    }
    return {};
}

} // namespace

Result<Schema1Manifest> Schema1Manifest::fromJson(const QJsonObject &object, const QString &mediaType)
{
    const QJsonValue version = object.value("schemaVersion"_L1);
    if (!version.isDouble() || version.toDouble() != 1.0)
        return JsonFields::malformed(Tr::tr("“schemaVersion” must be 1"));
    auto declared = JsonFields::readString(object, "mediaType"_L1, QString());
    auto name = JsonFields::readString(object, "name"_L1, QString());
    auto tag = JsonFields::readString(object, "tag"_L1, QString());
    auto architecture = JsonFields::readString(object, "architecture"_L1, QString());
    for (const auto *field : {&declared, &name, &tag, &architecture})
        if (!*field)
            return wharf::unexpected(field->error());
    if (!declared->isEmpty() && *declared != mediaType)
        return fail(Error::Code::MediaTypeMismatch,
                    Tr::tr("the manifest says it is “%1” but was expected to be “%2”").arg(declared->left(140), mediaType));

    auto fsLayers = JsonFields::readArray(object, "fsLayers"_L1, QString(), Presence::Required);
    if (!fsLayers)
        return wharf::unexpected(fsLayers.error());
    auto history = JsonFields::readArray(object, "history"_L1, QString(), Presence::Required);
    if (!history)
        return wharf::unexpected(history.error());
    if (fsLayers->size() != history->size())
        return JsonFields::malformed(Tr::tr("the manifest lists %1 layers in “fsLayers” but %2 steps in “history”, which must pair up")
                                         .arg(fsLayers->size())
                                         .arg(history->size()));
    if (fsLayers->isEmpty())
        return JsonFields::malformed(Tr::tr("the image manifest lists no layers"));

    QList<Digest> blobSums;
    QList<V1Image> images;
    blobSums.reserve(fsLayers->size());
    images.reserve(history->size());
    for (qsizetype i = 0; i < fsLayers->size(); ++i) {
        const QString layerPath = JsonFields::elementPath(u"fsLayers"_s, i);
        if (!fsLayers->at(i).isObject())
            return JsonFields::malformed(Tr::tr("“%1” must be an object").arg(layerPath));
        auto blobSum = JsonFields::readString(fsLayers->at(i).toObject(), "blobSum"_L1, layerPath, Presence::Required);
        if (!blobSum)
            return wharf::unexpected(blobSum.error());
        auto digest = Digest::parse(*blobSum);
        if (!digest)
            return wharf::unexpected(digest.error().withContext(JsonFields::memberPath(layerPath, "blobSum"_L1)));
        blobSums.append(*digest);

        const QString stepPath = JsonFields::elementPath(u"history"_s, i);
        if (!history->at(i).isObject())
            return JsonFields::malformed(Tr::tr("“%1” must be an object").arg(stepPath));
        const QString v1Path = JsonFields::memberPath(stepPath, "v1Compatibility"_L1);
        auto text = JsonFields::readString(history->at(i).toObject(), "v1Compatibility"_L1, stepPath, Presence::Required);
        if (!text)
            return wharf::unexpected(text.error());
        auto image = readV1Image(*text, v1Path);
        if (!image)
            return wharf::unexpected(image.error());
        images.append(std::move(*image));
    }
    if (auto chain = checkParentChain(images, blobSums); !chain)
        return wharf::unexpected(chain.error());

    Schema1Manifest m;
    m.mediaType = mediaType;
    m.name = *name;
    m.tag = *tag;
    m.image.schemaVersion = 1;
    m.image.mediaType = mediaType;
    QList<ImageConfig::HistoryEntry> steps;
    steps.reserve(images.size());
    for (qsizetype i = images.size() - 1; i >= 0; --i) {
        const V1Image &image = images.at(i);
        steps.append(image.step);
        if (image.throwaway)
            continue; // a step that only changed the config: its blob is an empty tar, not a layer
        Descriptor layer;
        layer.mediaType = MediaTypes::DockerLayerGzip;
        layer.digest = blobSums.at(i);
        layer.size = -1;
        m.image.layers.append(layer);
    }

    // The top-most step's JSON is the image config, as moby's MakeConfigFromV1Config makes it; the
    // manifest's own `architecture` wins, and images from before Windows containers say no os.
    QJsonObject top = images.constFirst().json;
    if (!architecture->isEmpty())
        top.insert("architecture"_L1, *architecture);
    if (!top.contains("os"_L1))
        top.insert("os"_L1, u"linux"_s);
    top.insert("rootfs"_L1, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, QJsonArray()}});
    top.remove("history"_L1);
    auto config = ImageConfig::fromJson(top);
    if (!config)
        return wharf::unexpected(config.error().withContext(u"history[0].v1Compatibility"_s));
    m.config = std::move(*config);
    m.config.history = std::move(steps);
    return m;
}

Result<QByteArray> Schema1Manifest::signedPayload(QByteArrayView bytes, const QJsonObject &object)
{
    auto signatures = JsonFields::readArray(object, "signatures"_L1, QString(), Presence::Required);
    if (!signatures)
        return wharf::unexpected(signatures.error());
    if (signatures->isEmpty())
        return JsonFields::malformed(Tr::tr("“signatures” lists no signature"));
    qint64 formatLength = -1;
    QByteArray formatTail;
    for (qsizetype i = 0; i < signatures->size(); ++i) {
        const QString path = JsonFields::memberPath(JsonFields::elementPath(u"signatures"_s, i), "protected"_L1);
        if (!signatures->at(i).isObject())
            return JsonFields::malformed(Tr::tr("“%1” must be an object").arg(JsonFields::elementPath(u"signatures"_s, i)));
        auto encoded = JsonFields::readString(signatures->at(i).toObject(), "protected"_L1, JsonFields::elementPath(u"signatures"_s, i),
                                              Presence::Required);
        if (!encoded)
            return wharf::unexpected(encoded.error());
        auto headerBytes = decodeBase64Url(*encoded, path);
        if (!headerBytes)
            return wharf::unexpected(headerBytes.error());
        auto header = JsonFields::parseObject(*headerBytes, kMaxManifestSize);
        if (!header)
            return wharf::unexpected(header.error().withContext(path));
        auto length = JsonFields::readSize(*header, "formatLength"_L1, path);
        auto tailText = JsonFields::readString(*header, "formatTail"_L1, path, Presence::Required);
        if (!length)
            return wharf::unexpected(length.error());
        if (!tailText)
            return wharf::unexpected(tailText.error());
        auto tail = decodeBase64Url(*tailText, JsonFields::memberPath(path, "formatTail"_L1));
        if (!tail)
            return wharf::unexpected(tail.error());
        if (i == 0) {
            formatLength = *length;
            formatTail = *tail;
        } else if (*length != formatLength || *tail != formatTail) {
            return JsonFields::malformed(Tr::tr("the manifest’s signatures do not agree on what they sign"));
        }
    }
    if (formatLength > bytes.size())
        return JsonFields::malformed(
            Tr::tr("the signature covers %1 bytes, but the manifest has only %2").arg(formatLength).arg(bytes.size()));
    QByteArray payload;
    payload.reserve(qsizetype(formatLength) + formatTail.size());
    payload.append(bytes.first(qsizetype(formatLength)));
    payload.append(formatTail);
    return payload;
}

} // namespace wharf
