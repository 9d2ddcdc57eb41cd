#include "documents/ImageManifest.h"

#include "documents/JsonFields.h"
#include "documents/MediaTypes.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <limits>

namespace wharf {

using namespace Qt::StringLiterals;
using JsonFields::Presence;

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Documents)
};

} // namespace

Result<ImageManifest> ImageManifest::fromJson(const QJsonObject &object, const QString &mediaType)
{
    ImageManifest m;
    m.mediaType = mediaType;

    if (auto version = JsonFields::readSchemaVersion(object); !version)
        return std::unexpected(version.error());

    auto declared = JsonFields::readString(object, "mediaType"_L1, QString());
    if (!declared)
        return std::unexpected(declared.error());
    if (object.value("mediaType"_L1).isString() && *declared != mediaType)
        return fail(Error::Code::MediaTypeMismatch,
                    Tr::tr("the manifest says it is “%1” but was expected to be “%2”").arg(declared->left(140), mediaType));

    auto artifactType = JsonFields::readString(object, "artifactType"_L1, QString());
    if (!artifactType)
        return std::unexpected(artifactType.error());
    if (object.value("artifactType"_L1).isString() && !MediaTypes::isWellFormed(*artifactType))
        return JsonFields::malformed(Tr::tr("“artifactType” is not a valid media type"));
    m.artifactType = *artifactType;

    auto annotations = JsonFields::readStringMap(object, "annotations"_L1, QString());
    if (!annotations)
        return std::unexpected(annotations.error());
    m.annotations = *annotations;

    // An unverifiable digest is reported only when nothing else is wrong: "broken" is the more
    // useful verdict, and either way the document is refused.
    std::optional<Error> unverifiable;
    auto readDescriptor = [&unverifiable](const QJsonObject &json, const QString &path) -> Result<Descriptor> {
        auto d = Descriptor::fromJson(json, path);
        if (!d && d.error().code() == Error::Code::UnsupportedDigest) {
            if (!unverifiable)
                unverifiable = d.error();
            return Descriptor();
        }
        return d;
    };

    auto configObject = JsonFields::readObject(object, "config"_L1, QString(), Presence::Required);
    if (!configObject)
        return std::unexpected(configObject.error());
    auto config = readDescriptor(*configObject, u"config"_s);
    if (!config)
        return std::unexpected(config.error());
    m.config = *config;

    auto layers = JsonFields::readArray(object, "layers"_L1, QString(), Presence::Required);
    if (!layers)
        return std::unexpected(layers.error());
    m.layers.reserve(layers->size());
    for (qsizetype i = 0; i < layers->size(); ++i) {
        const QString path = JsonFields::elementPath(u"layers"_s, i);
        if (!layers->at(i).isObject())
            return JsonFields::malformed(Tr::tr("“%1” must be an object").arg(path));
        auto layer = readDescriptor(layers->at(i).toObject(), path);
        if (!layer)
            return std::unexpected(layer.error());
        m.layers.append(*layer);
    }

    if (object.value("subject"_L1).isObject()) {
        auto subject = readDescriptor(object.value("subject"_L1).toObject(), u"subject"_s);
        if (!subject)
            return std::unexpected(subject.error());
        m.subject = *subject;
    } else if (auto subject = JsonFields::readObject(object, "subject"_L1, QString()); !subject) {
        return std::unexpected(subject.error());
    }

    if (m.layers.isEmpty() && !m.isArtifact())
        return JsonFields::malformed(Tr::tr("the image manifest lists no layers"));

    if (unverifiable)
        return std::unexpected(*unverifiable);
    return m;
}

bool ImageManifest::isDocker() const
{
    return mediaType == MediaTypes::DockerManifest;
}

bool ImageManifest::isArtifact() const
{
    // Early Docker pushes labelled the image config application/octet-stream; that is still an image.
    return !artifactType.isEmpty()
        || (!MediaTypes::isImageConfig(config.mediaType) && config.mediaType != "application/octet-stream"_L1);
}

qint64 ImageManifest::totalLayerSize() const
{
    qint64 total = 0;
    for (const Descriptor &layer : layers) {
        if (layer.size > std::numeric_limits<qint64>::max() - total)
            return std::numeric_limits<qint64>::max();
        total += layer.size;
    }
    return total;
}

} // namespace wharf
