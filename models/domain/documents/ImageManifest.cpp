#include "documents/ImageManifest.h"

#include "documents/DocumentEnvelope.h"
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
    auto envelope = DocumentEnvelope::read(object, mediaType, DocumentEnvelope::Kind::Manifest);
    if (!envelope)
        return wharf::unexpected(envelope.error());
    ImageManifest m;
    m.mediaType = mediaType;
    m.artifactType = envelope->artifactType();
    m.annotations = envelope->annotations();

    auto configObject = JsonFields::readObject(object, "config"_L1, QString(), Presence::Required);
    if (!configObject)
        return wharf::unexpected(configObject.error());
    auto config = envelope->descriptor(*configObject, u"config"_s);
    if (!config)
        return wharf::unexpected(config.error());
    m.config = *config;

    auto layers = envelope->descriptors(object, "layers"_L1);
    if (!layers)
        return wharf::unexpected(layers.error());
    m.layers = *layers;

    auto subject = envelope->subject(object);
    if (!subject)
        return wharf::unexpected(subject.error());
    m.subject = *subject;

    if (m.layers.isEmpty() && !m.isArtifact())
        return JsonFields::malformed(Tr::tr("the image manifest lists no layers"));
    if (auto verdict = envelope->finish(); !verdict)
        return wharf::unexpected(verdict.error());
    return m;
}

bool ImageManifest::isDocker() const
{
    return mediaType == MediaTypes::DockerManifest;
}

bool ImageManifest::isSchema1() const
{
    return MediaTypes::isSchema1(mediaType);
}

bool ImageManifest::isArtifact() const
{
    if (isSchema1())
        return false; // its config is in the manifest: always an image
    // Early Docker pushes labelled the image config application/octet-stream; that is still an image.
    return !artifactType.isEmpty() || (!MediaTypes::isImageConfig(config.mediaType) && config.mediaType != "application/octet-stream"_L1);
}

qint64 ImageManifest::totalLayerSize() const
{
    qint64 total = 0;
    for (const Descriptor &layer : layers) {
        if (layer.size < 0)
            return -1;
        if (layer.size > std::numeric_limits<qint64>::max() - total)
            return std::numeric_limits<qint64>::max();
        total += layer.size;
    }
    return total;
}

} // namespace wharf
