#pragma once
// What image manifests and indexes share around their own content: schemaVersion 2, a mediaType
// field that must agree with the type the caller settled on, an optional artifactType,
// annotations and a subject; and the rule that a digest Wharf cannot verify is reported only when
// nothing else in the document is wrong ("broken" is the more useful verdict, and either way the
// document is refused).

#include "core/Error.h"
#include "documents/Descriptor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace wharf {

class DocumentEnvelope
{
public:
    enum class Kind { Manifest, Index };

    // Reads schemaVersion, mediaType (checked against `mediaType`), artifactType and annotations.
    [[nodiscard]] static Result<DocumentEnvelope> read(const QJsonObject &object, const QString &mediaType, Kind kind);

    [[nodiscard]] const QString &artifactType() const { return m_artifactType; }
    [[nodiscard]] const QMap<QString, QString> &annotations() const { return m_annotations; }

    // One descriptor; an unverifiable digest is remembered for finish() instead of failing now.
    [[nodiscard]] Result<Descriptor> descriptor(const QJsonObject &json, const QString &path);
    // A required array of descriptor objects (`layers`, `manifests`).
    [[nodiscard]] Result<QList<Descriptor>> descriptors(const QJsonObject &object, QLatin1StringView key);
    // The optional `subject` descriptor.
    [[nodiscard]] Result<std::optional<Descriptor>> subject(const QJsonObject &object);
    // The document's last word once everything else passed: the unverifiable digest, if any.
    [[nodiscard]] Result<void> finish() const;

private:
    QString m_artifactType;
    QMap<QString, QString> m_annotations;
    std::optional<Error> m_unverifiable;
};

} // namespace wharf
