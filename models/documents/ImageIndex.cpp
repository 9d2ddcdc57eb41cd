#include "documents/ImageIndex.h"

#include "documents/JsonFields.h"
#include "documents/MediaTypes.h"

#include <QCoreApplication>
#include <QJsonArray>

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

Result<ImageIndex> ImageIndex::fromJson(const QJsonObject &object, const QString &mediaType)
{
    ImageIndex index;
    index.mediaType = mediaType;

    if (auto version = JsonFields::readSchemaVersion(object); !version)
        return std::unexpected(version.error());

    auto declared = JsonFields::readString(object, "mediaType"_L1, QString());
    if (!declared)
        return std::unexpected(declared.error());
    if (object.value("mediaType"_L1).isString() && *declared != mediaType)
        return fail(Error::Code::MediaTypeMismatch,
                    Tr::tr("the index says it is “%1” but was expected to be “%2”").arg(declared->left(140), mediaType));

    auto artifactType = JsonFields::readString(object, "artifactType"_L1, QString());
    if (!artifactType)
        return std::unexpected(artifactType.error());
    if (object.value("artifactType"_L1).isString() && !MediaTypes::isWellFormed(*artifactType))
        return JsonFields::malformed(Tr::tr("“artifactType” is not a valid media type"));
    index.artifactType = *artifactType;

    auto annotations = JsonFields::readStringMap(object, "annotations"_L1, QString());
    if (!annotations)
        return std::unexpected(annotations.error());
    index.annotations = *annotations;

    // As in ImageManifest: "broken" outranks "unverifiable".
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

    // Required, but may be empty (image-index.md).
    auto manifests = JsonFields::readArray(object, "manifests"_L1, QString(), Presence::Required);
    if (!manifests)
        return std::unexpected(manifests.error());
    index.manifests.reserve(manifests->size());
    for (qsizetype i = 0; i < manifests->size(); ++i) {
        const QString path = JsonFields::elementPath(u"manifests"_s, i);
        if (!manifests->at(i).isObject())
            return JsonFields::malformed(Tr::tr("“%1” must be an object").arg(path));
        auto entry = readDescriptor(manifests->at(i).toObject(), path);
        if (!entry)
            return std::unexpected(entry.error());
        index.manifests.append(*entry);
    }

    if (object.value("subject"_L1).isObject()) {
        auto subject = readDescriptor(object.value("subject"_L1).toObject(), u"subject"_s);
        if (!subject)
            return std::unexpected(subject.error());
        index.subject = *subject;
    } else if (auto subject = JsonFields::readObject(object, "subject"_L1, QString()); !subject) {
        return std::unexpected(subject.error());
    }

    if (unverifiable)
        return std::unexpected(*unverifiable);
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
