#include "documents/ImageIndex.h"

#include "documents/DocumentEnvelope.h"
#include "documents/MediaTypes.h"

namespace wharf {

using namespace Qt::StringLiterals;
Result<ImageIndex> ImageIndex::fromJson(const QJsonObject &object, const QString &mediaType)
{
    auto envelope = DocumentEnvelope::read(object, mediaType, DocumentEnvelope::Kind::Index);
    if (!envelope)
        return wharf::unexpected(envelope.error());
    ImageIndex index;
    index.mediaType = mediaType;
    index.artifactType = envelope->artifactType();
    index.annotations = envelope->annotations();

    // Required, but may be empty (image-index.md).
    auto manifests = envelope->descriptors(object, "manifests"_L1);
    if (!manifests)
        return wharf::unexpected(manifests.error());
    index.manifests = *manifests;

    auto subject = envelope->subject(object);
    if (!subject)
        return wharf::unexpected(subject.error());
    index.subject = *subject;

    if (auto verdict = envelope->finish(); !verdict)
        return wharf::unexpected(verdict.error());
    return index;
}

QList<Descriptor> ImageIndex::platformManifests() const
{
    QList<Descriptor> runnable;
    for (const Descriptor &d : manifests)
        if (!d.isAttestation())
            runnable.append(d);
    return runnable;
}

QList<Descriptor> ImageIndex::attestations() const
{
    QList<Descriptor> found;
    for (const Descriptor &d : manifests)
        if (d.isAttestation())
            found.append(d);
    return found;
}

} // namespace wharf
