#include "documents/JsonFields.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QList>
#include <QSet>

#include <cmath>
#include <optional>

namespace wharf::JsonFields {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Documents)
};

// Absent and null are the same for optional members; for required ones both are an error.
bool isMissing(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

wharf::unexpected<Error> missing(const QString &path)
{
    return malformed(Tr::tr("the required field “%1” is missing").arg(path));
}

// Finds the first object that names the same member twice. QJsonDocument silently keeps one of
// them while other parsers may keep the other, so a document that hashes as one thing could be read
// as another (CVE-2014-8179). Runs only on text QJsonDocument has accepted, so it just tracks
// nesting and decodes member names; escapes are decoded so "\u0064igest" and "digest" collide.
class DuplicateKeyScanner
{
public:
    explicit DuplicateKeyScanner(QByteArrayView json) : m_json(json) {}

    [[nodiscard]] std::optional<QString> firstDuplicate()
    {
        struct Frame
        {
            bool isObject;
            bool expectingKey;
            QSet<QString> keys;
        };
        QList<Frame> stack;
        while (m_pos < m_json.size()) {
            const char c = m_json.at(m_pos);
            switch (c) {
            case '{':
                stack.append({true, true, {}});
                ++m_pos;
                break;
            case '[':
                stack.append({false, false, {}});
                ++m_pos;
                break;
            case '}':
            case ']':
                if (!stack.isEmpty())
                    stack.removeLast();
                ++m_pos;
                break;
            case ',':
                if (!stack.isEmpty() && stack.last().isObject)
                    stack.last().expectingKey = true;
                ++m_pos;
                break;
            case '"':
                if (!stack.isEmpty() && stack.last().isObject && stack.last().expectingKey) {
                    const QString key = readString();
                    Frame &frame = stack.last();
                    frame.expectingKey = false;
                    if (frame.keys.contains(key))
                        return key;
                    frame.keys.insert(key);
                } else {
                    skipString();
                }
                break;
            default:
                ++m_pos;
                break;
            }
        }
        return std::nullopt;
    }

private:
    // At an opening quote; leaves m_pos after the closing one.
    void skipString()
    {
        ++m_pos;
        while (m_pos < m_json.size()) {
            const char c = m_json.at(m_pos++);
            if (c == '\\')
                ++m_pos;
            else if (c == '"')
                return;
        }
    }

    QString readString()
    {
        QString decoded;
        ++m_pos;
        qsizetype runStart = m_pos;
        auto flushRun = [&] { decoded += QString::fromUtf8(m_json.sliced(runStart, m_pos - runStart)); };
        while (m_pos < m_json.size()) {
            const char c = m_json.at(m_pos);
            if (c == '"') {
                flushRun();
                ++m_pos;
                return decoded;
            }
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flushRun();
            if (m_pos + 1 >= m_json.size())
                break;
            const char escaped = m_json.at(m_pos + 1);
            m_pos += 2;
            switch (escaped) {
            case 'b':
                decoded += u'\b';
                break;
            case 'f':
                decoded += u'\f';
                break;
            case 'n':
                decoded += u'\n';
                break;
            case 'r':
                decoded += u'\r';
                break;
            case 't':
                decoded += u'\t';
                break;
            case 'u':
                if (m_pos + 4 <= m_json.size()) {
                    bool ok = false;
                    const ushort unit = m_json.sliced(m_pos, 4).toByteArray().toUShort(&ok, 16);
                    // UTF-16 code units, so an escaped surrogate pair decodes as Qt decodes it.
                    decoded += QChar(ok ? unit : ushort(0xfffd));
                    m_pos += 4;
                }
                break;
            default:
                decoded += QLatin1Char(escaped);
                break; // \" \\ \/
            }
            runStart = m_pos;
        }
        return decoded;
    }

    QByteArrayView m_json;
    qsizetype m_pos = 0;
};

} // namespace

Result<QJsonObject> parseObject(QByteArrayView bytes, qsizetype maxSize)
{
    if (bytes.size() > maxSize)
        return fail(Error::Code::TooLarge,
                    Tr::tr("the document is %1 bytes, more than the %2 bytes Wharf accepts").arg(bytes.size()).arg(maxSize));
    QJsonParseError error;
    // fromRawData: no copy; QJsonDocument does not keep a reference to the input.
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(Tr::tr("the document is not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return malformed(Tr::tr("the document is not a JSON object"));
    if (const auto key = DuplicateKeyScanner(bytes).firstDuplicate())
        return malformed(Tr::tr("the document names the field “%1” twice").arg(key->left(100)));
    return document.object();
}

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

Result<QStringList> readStringArray(const QJsonObject &object, QLatin1StringView key, const QString &path, Presence presence)
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

Result<QJsonObject> readObject(const QJsonObject &object, QLatin1StringView key, const QString &path, Presence presence)
{
    const QJsonValue value = object.value(key);
    const QString where = memberPath(path, key);
    if (isMissing(value))
        return presence == Presence::Required ? Result<QJsonObject>(missing(where)) : Result<QJsonObject>();
    if (!value.isObject())
        return malformed(Tr::tr("“%1” must be an object").arg(where));
    return value.toObject();
}

Result<QJsonArray> readArray(const QJsonObject &object, QLatin1StringView key, const QString &path, Presence presence)
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
