#include "documents/JsonFields.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <cmath>

namespace wharf::JsonFields {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Documents)
};

// Absent and null are the same for optional members; for required ones both are an error.
bool isMissing(const QJsonValue &value) { return value.isUndefined() || value.isNull(); }

wharf::unexpected<Error> missing(const QString &path)
{
    return malformed(Tr::tr("the required field “%1” is missing").arg(path));
}

} // namespace

QString memberPath(const QString &objectPath, QLatin1StringView key)
{
    return objectPath.isEmpty() ? QString(key) : objectPath + u'.' + key;
}

QString elementPath(const QString &arrayPath, qsizetype index)
{
    return arrayPath + u'[' + QString::number(index) + u']';
}

wharf::unexpected<Error> malformed(const QString &message)
{
    return fail(Error::Code::MalformedDocument, message);
}

Result<QString> readString(const QJsonObject &object, QLatin1StringView key, const QString &path, Presence presence)
{
    const QJsonValue value = object.value(key);
    const QString where = memberPath(path, key);
    if (isMissing(value))
        return presence == Presence::Required ? Result<QString>(missing(where)) : Result<QString>(QString());
    if (!value.isString())
        return malformed(Tr::tr("“%1” must be a string").arg(where));
    return value.toString();
}

Result<QStringList> readStringArray(const QJsonObject &object, QLatin1StringView key, const QString &path,
                                    Presence presence)
{
    const QJsonValue value = object.value(key);
    const QString where = memberPath(path, key);
    if (isMissing(value))
        return presence == Presence::Required ? Result<QStringList>(missing(where)) : Result<QStringList>();
    if (!value.isArray())
        return malformed(Tr::tr("“%1” must be a list of strings").arg(where));
    const QJsonArray array = value.toArray();
    QStringList strings;
    strings.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        if (!element.isString())
            return malformed(Tr::tr("“%1” must be a string").arg(elementPath(where, i)));
        strings.append(element.toString());
    }
    return strings;
}

Result<QMap<QString, QString>> readStringMap(const QJsonObject &object, QLatin1StringView key, const QString &path)
{
    const QJsonValue value = object.value(key);
    const QString where = memberPath(path, key);
    if (isMissing(value))
        return QMap<QString, QString>();
    if (!value.isObject())
        return malformed(Tr::tr("“%1” must be an object of strings").arg(where));
    const QJsonObject map = value.toObject();
    QMap<QString, QString> strings;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it.value().isString())
            return malformed(Tr::tr("“%1” in “%2” must be a string").arg(it.key().left(200), where));
        strings.insert(it.key(), it.value().toString());
    }
    return strings;
}

Result<QStringList> readObjectKeys(const QJsonObject &object, QLatin1StringView key, const QString &path)
{
    const QJsonValue value = object.value(key);
    const QString where = memberPath(path, key);
    if (isMissing(value))
        return QStringList();
    if (!value.isObject())
        return malformed(Tr::tr("“%1” must be an object").arg(where));
    const QJsonObject map = value.toObject();
    for (auto it = map.begin(); it != map.end(); ++it)
        if (!it.value().isObject())
            return malformed(Tr::tr("“%1” in “%2” must be an object").arg(it.key().left(200), where));
    return map.keys();
}

Result<bool> readBool(const QJsonObject &object, QLatin1StringView key, const QString &path)
{
    const QJsonValue value = object.value(key);
    if (isMissing(value))
        return false;
    if (!value.isBool())
        return malformed(Tr::tr("“%1” must be true or false").arg(memberPath(path, key)));
    return value.toBool();
}

Result<qint64> readSize(const QJsonObject &object, QLatin1StringView key, const QString &path, Presence presence)
{
    const QJsonValue value = object.value(key);
    const QString where = memberPath(path, key);
    if (isMissing(value))
        return presence == Presence::Required ? Result<qint64>(missing(where)) : Result<qint64>(-1);
    // toInteger() falls back to the default for fractions and for anything outside qint64.
    const double asDouble = value.toDouble(-1);
    const qint64 asInteger = value.toInteger(-1);
    if (!value.isDouble() || !std::isfinite(asDouble) || asDouble < 0 || asInteger < 0)
        return malformed(Tr::tr("“%1” must be a whole number of bytes, zero or more").arg(where));
    return asInteger;
}

Result<QJsonObject> readObject(const QJsonObject &object, QLatin1StringView key, const QString &path,
                               Presence presence)
{
    const QJsonValue value = object.value(key);
    const QString where = memberPath(path, key);
    if (isMissing(value))
        return presence == Presence::Required ? Result<QJsonObject>(missing(where)) : Result<QJsonObject>();
    if (!value.isObject())
        return malformed(Tr::tr("“%1” must be an object").arg(where));
    return value.toObject();
}

Result<QJsonArray> readArray(const QJsonObject &object, QLatin1StringView key, const QString &path,
                             Presence presence)
{
    const QJsonValue value = object.value(key);
    const QString where = memberPath(path, key);
    if (isMissing(value))
        return presence == Presence::Required ? Result<QJsonArray>(missing(where)) : Result<QJsonArray>();
    if (!value.isArray())
        return malformed(Tr::tr("“%1” must be a list").arg(where));
    return value.toArray();
}

Result<int> readSchemaVersion(const QJsonObject &object)
{
    const QJsonValue value = object.value(QLatin1StringView("schemaVersion"));
    if (isMissing(value))
        return missing(QStringLiteral("schemaVersion"));
    if (!value.isDouble() || value.toDouble() != 2.0)
        return malformed(Tr::tr("“schemaVersion” must be 2"));
    return 2;
}

} // namespace wharf::JsonFields
