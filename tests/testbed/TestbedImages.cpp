#include "TestbedImages.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

QString TestbedImages::defaultDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("WHARF_TESTBED_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral(WHARF_TESTBED_DEFAULT_DIR) : fromEnvironment;
}

bool TestbedImages::load(const QString &directory, QString *error)
{
    const auto failed = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QFile file(QDir(directory).filePath(u"images.json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return failed(u"cannot read %1 (%2); run the testbed_images fixture (ctest -R testbed)"_s.arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failed(u"%1: %2 at %3"_s.arg(file.fileName(), parseError.errorString()).arg(parseError.offset));
    if (document.object().value("format"_L1).toInt() != 1 || !document.object().value("repositories"_L1).isObject())
        return failed(file.fileName() + u": not format 1 of build-images.sh"_s);
    m_directory = QDir(directory).absolutePath();
    m_json = document.object();
    return true;
}

QString TestbedImages::storageRoot() const
{
    return QDir(m_directory).filePath(m_json.value("storageRoot"_L1).toString());
}

QString TestbedImages::layoutPath() const
{
    return QDir(m_directory).filePath(m_json.value("layout"_L1).toString());
}

QStringList TestbedImages::repositories() const
{
    return m_json.value("repositories"_L1).toObject().keys();
}

QStringList TestbedImages::tags(const QString &repository) const
{
    // QJsonObject keeps keys sorted; for these ASCII names that is byte order.
    return m_json.value("repositories"_L1).toObject().value(repository).toObject().value("tags"_L1).toObject().keys();
}

QJsonObject TestbedImages::tag(const QString &repository, const QString &tag) const
{
    return m_json.value("repositories"_L1)
        .toObject()
        .value(repository)
        .toObject()
        .value("tags"_L1)
        .toObject()
        .value(tag)
        .toObject();
}

QString TestbedImages::digest(const QString &repository, const QString &tag) const
{
    return this->tag(repository, tag).value("digest"_L1).toString();
}

QString TestbedImages::mediaType(const QString &repository, const QString &tag) const
{
    return this->tag(repository, tag).value("mediaType"_L1).toString();
}

QStringList TestbedImages::platforms(const QString &repository, const QString &tag) const
{
    QStringList result;
    const QJsonArray images = this->tag(repository, tag).value("platforms"_L1).toArray();
    for (const QJsonValue &image : images)
        result.append(platformString(image.toObject().value("platform"_L1).toObject()));
    return result;
}

QJsonObject TestbedImages::image(const QString &repository, const QString &tag, const QString &platform) const
{
    const QJsonArray images = this->tag(repository, tag).value("platforms"_L1).toArray();
    for (const QJsonValue &image : images) {
        const QJsonObject object = image.toObject();
        if (platform.isEmpty() || platformString(object.value("platform"_L1).toObject()) == platform)
            return object;
    }
    return {};
}

QString TestbedImages::imageDigest(const QString &repository, const QString &tag, const QString &platform) const
{
    return image(repository, tag, platform).value("digest"_L1).toString();
}

QStringList TestbedImages::layerDigests(const QString &repository, const QString &tag, const QString &platform) const
{
    QStringList result;
    const QJsonArray layers = image(repository, tag, platform).value("layers"_L1).toArray();
    for (const QJsonValue &layer : layers)
        result.append(layer.toObject().value("digest"_L1).toString());
    return result;
}

QJsonArray TestbedImages::attestations(const QString &repository, const QString &tag) const
{
    return this->tag(repository, tag).value("attestations"_L1).toArray();
}

QString TestbedImages::platformString(const QJsonObject &platform)
{
    QString result = platform.value("os"_L1).toString() + u'/' + platform.value("architecture"_L1).toString();
    const QString variant = platform.value("variant"_L1).toString();
    if (!variant.isEmpty())
        result += u'/' + variant;
    return result;
}

bool TestbedImages::linkAsDockerHub(const QString &root, QString *error) const
{
    const QString v2 = QStringLiteral("/docker/registry/v2");
    const QDir source(storageRoot() + v2);
    const auto failed = [error](const QString &what) {
        if (error)
            *error = what;
        return false;
    };
    if (!QDir().mkpath(root + v2 + QStringLiteral("/repositories/library")))
        return failed(QStringLiteral("cannot create ") + root + v2);
    if (!QFile::link(source.filePath(QStringLiteral("blobs")), root + v2 + QStringLiteral("/blobs")))
        return failed(QStringLiteral("cannot link the blobs into ") + root);
    const QDir repositories(source.filePath(QStringLiteral("repositories")));
    for (const QString &name : repositories.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (name == QLatin1StringView("library"))
            continue;
        if (!QFile::link(repositories.filePath(name), root + v2 + QStringLiteral("/repositories/") + name)
            || !QFile::link(repositories.filePath(name), root + v2 + QStringLiteral("/repositories/library/") + name))
            return failed(QStringLiteral("cannot link repository ") + name);
    }
    return true;
}

} // namespace wharf::testbed
