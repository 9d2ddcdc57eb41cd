#include "documents/DocumentEnvelope.h"

#include "documents/JsonFields.h"
#include "documents/MediaTypes.h"

#include <QCoreApplication>

namespace wharf {

using namespace Qt::StringLiterals;

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Documents)
};

} // namespace

Result<DocumentEnvelope> DocumentEnvelope::read(const QJsonObject &object, const QString &mediaType, Kind kind)
{
    if (auto version = JsonFields::readSchemaVersion(object); !version)
        return wharf::unexpected(version.error());

    auto declared = JsonFields::readString(object, "mediaType"_L1, QString());
    if (!declared)
        return wharf::unexpected(declared.error());
    if (object.value("mediaType"_L1).isString() && *declared != mediaType)
        return fail(Error::Code::MediaTypeMismatch,
                    (kind == Kind::Index ? Tr::tr("the index says it is “%1” but was expected to be “%2”")
                                         : Tr::tr("the manifest says it is “%1” but was expected to be “%2”"))
                        .arg(declared->left(140), mediaType));

    DocumentEnvelope envelope;
    auto artifactType = JsonFields::readString(object, "artifactType"_L1, QString());
    if (!artifactType)
        return wharf::unexpected(artifactType.error());
    if (object.value("artifactType"_L1).isString() && !MediaTypes::isWellFormed(*artifactType))
        return JsonFields::malformed(Tr::tr("“artifactType” is not a valid media type"));
    envelope.m_artifactType = *artifactType;

    auto annotations = JsonFields::readStringMap(object, "annotations"_L1, QString());
    if (!annotations)
        return wharf::unexpected(annotations.error());
    envelope.m_annotations = *annotations;
    return envelope;
}

Result<Descriptor> DocumentEnvelope::descriptor(const QJsonObject &json, const QString &path)
{
    auto d = Descriptor::fromJson(json, path);
    if (!d && d.error().code() == Error::Code::UnsupportedDigest) {
        if (!m_unverifiable)
            m_unverifiable = d.error();
        return Descriptor();
    }
    return d;
}

Result<QList<Descriptor>> DocumentEnvelope::descriptors(const QJsonObject &object, QLatin1StringView key)
{
    auto array = JsonFields::readArray(object, key, QString(), JsonFields::Presence::Required);
    if (!array)
        return wharf::unexpected(array.error());
    QList<Descriptor> result;
    result.reserve(array->size());
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = JsonFields::elementPath(QString(key), i);
        if (!array->at(i).isObject())
            return JsonFields::malformed(Tr::tr("“%1” must be an object").arg(path));
        auto entry = descriptor(array->at(i).toObject(), path);
        if (!entry)
            return wharf::unexpected(entry.error());
        result.append(*entry);
    }
    return result;
}

Result<std::optional<Descriptor>> DocumentEnvelope::subject(const QJsonObject &object)
{
    if (object.value("subject"_L1).isObject()) {
        auto subject = descriptor(object.value("subject"_L1).toObject(), u"subject"_s);
        if (!subject)
            return wharf::unexpected(subject.error());
        return std::optional<Descriptor>(*subject);
    }
    if (auto subject = JsonFields::readObject(object, "subject"_L1, QString()); !subject)
        return wharf::unexpected(subject.error());
    return std::optional<Descriptor>();
}

Result<void> DocumentEnvelope::finish() const
{
    if (m_unverifiable)
        return wharf::unexpected(*m_unverifiable);
    return {};
}

} // namespace wharf
