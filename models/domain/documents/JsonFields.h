#pragma once
// Typed reads of JSON object members under the image-spec schemas' rules: a string is a string and
// not a number, a size is a whole non-negative number, every value of a string map is a string.
// The first problem becomes a MalformedDocument error naming the member by its JSON path
// ("manifests[2].platform.os"), so the user learns where the document is broken.
//
// Optional members that are absent or JSON null read as the empty value: Go's decoders (containerd,
// c/image) treat null that way and real Docker configs carry `"Volumes": null`, `"Labels": null`.

#include "core/Error.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wharf::JsonFields {

enum class Presence {
    Required,
    Optional
};

// The bytes as one JSON object, or why not: TooLarge above `maxSize`; MalformedDocument for text that
// is not JSON, not an object, or names a member twice in one object (QJsonDocument silently keeps one
// of them while other parsers may keep the other: CVE-2014-8179).
[[nodiscard]] Result<QJsonObject> parseObject(QByteArrayView bytes, qsizetype maxSize);

[[nodiscard]] QString memberPath(const QString &objectPath, QLatin1StringView key);
[[nodiscard]] QString elementPath(const QString &arrayPath, qsizetype index);
[[nodiscard]] wharf::unexpected<Error> malformed(const QString &message);

[[nodiscard]] Result<QString> readString(const QJsonObject &object, QLatin1StringView key, const QString &path,
                                         Presence presence = Presence::Optional);
[[nodiscard]] Result<QStringList> readStringArray(const QJsonObject &object, QLatin1StringView key, const QString &path,
                                                  Presence presence = Presence::Optional);
[[nodiscard]] Result<QMap<QString, QString>> readStringMap(const QJsonObject &object, QLatin1StringView key, const QString &path);
// The schemas' mapStringObject ({"80/tcp": {}}, Volumes): only the keys carry meaning.
[[nodiscard]] Result<QStringList> readObjectKeys(const QJsonObject &object, QLatin1StringView key, const QString &path);
[[nodiscard]] Result<bool> readBool(const QJsonObject &object, QLatin1StringView key, const QString &path);
// A descriptor size: a whole number in [0, 2^63). Absent when optional reads as -1.
[[nodiscard]] Result<qint64> readSize(const QJsonObject &object, QLatin1StringView key, const QString &path,
                                      Presence presence = Presence::Required);
[[nodiscard]] Result<QJsonObject> readObject(const QJsonObject &object, QLatin1StringView key, const QString &path,
                                             Presence presence = Presence::Optional);
[[nodiscard]] Result<QJsonArray> readArray(const QJsonObject &object, QLatin1StringView key, const QString &path,
                                           Presence presence = Presence::Optional);

// Manifests and indexes: "schemaVersion" is required and is exactly the number 2.
[[nodiscard]] Result<int> readSchemaVersion(const QJsonObject &object);

} // namespace wharf::JsonFields
