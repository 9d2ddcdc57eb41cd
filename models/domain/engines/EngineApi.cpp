#include "engines/EngineApi.h"

#include "engines/PodmanCli.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wharf {

std::pair<QString, QString> EngineImage::splitName(const QString &name)
{
    const qsizetype colon = name.lastIndexOf(u':');
    if (colon > name.lastIndexOf(u'/'))
        return {name.left(colon), name.mid(colon + 1)};
    return {name, QString()};
}

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::EngineApi)
};

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        if (item.isString() && item.toString() != QLatin1StringView("<none>:<none>") && item.toString() != QLatin1StringView("<none>@<none>"))
            list.append(item.toString());
    return list;
}

// Docker's Created: seconds in the list, RFC 3339 in inspect.
QDateTime createdOf(const QJsonValue &value)
{
    if (value.isDouble())
        return QDateTime::fromSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// The engine's message from an error body ({"message": "…"}), one line, bounded.
QString engineMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString message = object.value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(300)).trimmed();
    return message.simplified().left(300);
}

} // namespace

EngineApi::EngineApi(EngineEndpoint endpoint, const std::atomic_bool *cancel) : m_client(std::move(endpoint), cancel), m_cancel(cancel) {}

Error EngineApi::statusError(const EngineClient::Response &response, const QString &what) const
{
    const QString engine = EngineLocator::kindName(endpoint().kind);
    const QString message = engineMessage(response.body);
    if (response.status == 404)
        //: %1 Docker or Podman, %2 what was asked (an image name), %3 the engine's message
        return Error(Error::Code::NotFound, Tr::tr("%1 has no %2 (%3)").arg(engine, what, message));
    if (response.status == 409 || response.status == 400 || response.status == 403)
        return Error(Error::Code::EngineRefused, Tr::tr("%1 refused: %2").arg(engine, message));
    //: %1 Docker or Podman, %2 an HTTP status code, %3 the engine's message
    return Error(Error::Code::ServerError, Tr::tr("%1 answered %2: %3").arg(engine).arg(response.status).arg(message));
}

Result<QJsonValue> EngineApi::getJson(const QString &path)
{
    auto response = m_client.request("GET", path, kMaxJson);
    if (!response)
        return wharf::unexpected(response.error());
    if (response->status != 200)
        return wharf::unexpected(statusError(*response, path));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(response->body, &error);
    if (document.isNull())
        return fail(Error::Code::MalformedDocument,
                    Tr::tr("%1 answered %2 with something that is not JSON").arg(EngineLocator::kindName(endpoint().kind), path));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

bool EngineApi::usesCli() const
{
    return endpoint().transport == EngineEndpoint::Transport::Cli;
}

Result<void> EngineApi::ping()
{
    if (usesCli()) {
        auto version = PodmanCli(endpoint(), m_cancel).version();
        return version ? Result<void>() : wharf::unexpected(version.error());
    }
    auto response = m_client.request("GET", QStringLiteral("/_ping"), 1024);
    if (!response)
        return wharf::unexpected(response.error());
    if (response->status != 200)
        return wharf::unexpected(statusError(*response, QStringLiteral("/_ping")));
    return {};
}

Result<EngineVersion> EngineApi::version()
{
    if (usesCli())
        return PodmanCli(endpoint(), m_cancel).version();
    auto json = getJson(QStringLiteral("/version"));
    if (!json)
        return wharf::unexpected(json.error());
    const QJsonObject object = json->toObject();
    EngineVersion version;
    version.version = object.value(QStringLiteral("Version")).toString();
    version.os = object.value(QStringLiteral("Os")).toString();
    version.architecture = object.value(QStringLiteral("Arch")).toString();
    const QJsonArray components = object.value(QStringLiteral("Components")).toArray();
    version.name = components.isEmpty() ? EngineLocator::kindName(endpoint().kind)
                                        : components.first().toObject().value(QStringLiteral("Name")).toString();
    return version;
}

Result<EngineStorage> EngineApi::storage()
{
    if (usesCli())
        return fail(Error::Code::Unsupported, Tr::tr("the podman program does not say how it stores images"));
    auto json = getJson(QStringLiteral("/info"));
    if (!json)
        return wharf::unexpected(json.error());
    const QJsonObject object = json->toObject();
    EngineStorage storage;
    storage.driver = object.value(QStringLiteral("Driver")).toString();
    for (const QJsonValue &pair : object.value(QStringLiteral("DriverStatus")).toArray()) {
        const QJsonArray entry = pair.toArray();
        if (entry.size() == 2 && entry[0].toString() == QLatin1StringView("driver-type")
            && entry[1].toString().startsWith(QLatin1StringView("io.containerd.snapshotter")))
            storage.containerdImageStore = true;
    }
    return storage;
}

Result<QList<EngineImage>> EngineApi::images()
{
    if (usesCli())
        return PodmanCli(endpoint(), m_cancel).images();
    auto json = getJson(QStringLiteral("/images/json"));
    if (!json)
        return wharf::unexpected(json.error());
    if (!json->isArray())
        return fail(Error::Code::MalformedDocument, Tr::tr("%1's image list is not a list").arg(EngineLocator::kindName(endpoint().kind)));
    QList<EngineImage> images;
    for (const QJsonValue &value : json->toArray()) {
        const QJsonObject object = value.toObject();
        EngineImage image;
        image.id = object.value(QStringLiteral("Id")).toString();
        image.repoTags = stringList(object.value(QStringLiteral("RepoTags")));
        image.repoDigests = stringList(object.value(QStringLiteral("RepoDigests")));
        image.created = createdOf(object.value(QStringLiteral("Created")));
        image.size = qint64(object.value(QStringLiteral("Size")).toDouble());
        if (!image.id.isEmpty())
            images.append(std::move(image));
    }
    return images;
}

Result<EngineImage> EngineApi::inspect(const QString &name)
{
    if (usesCli())
        return PodmanCli(endpoint(), m_cancel).inspect(name);
    auto json = getJson(QStringLiteral("/images/") + name + QStringLiteral("/json"));
    if (!json)
        return wharf::unexpected(json.error());
    const QJsonObject object = json->toObject();
    EngineImage image;
    image.id = object.value(QStringLiteral("Id")).toString();
    if (image.id.isEmpty())
        return fail(Error::Code::MalformedDocument, Tr::tr("%1 described %2 without an ID").arg(EngineLocator::kindName(endpoint().kind), name));
    image.repoTags = stringList(object.value(QStringLiteral("RepoTags")));
    image.repoDigests = stringList(object.value(QStringLiteral("RepoDigests")));
    image.created = createdOf(object.value(QStringLiteral("Created")));
    image.size = qint64(object.value(QStringLiteral("Size")).toDouble());
    image.platform.os = object.value(QStringLiteral("Os")).toString();
    image.platform.architecture = object.value(QStringLiteral("Architecture")).toString();
    image.variantRecorded = object.contains(QStringLiteral("Variant"));
    image.platform.variant = object.value(QStringLiteral("Variant")).toString();
    image.diffIds = stringList(object.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")));
    image.config = object.value(QStringLiteral("Config")).toObject();
    return image;
}

Result<QList<EngineHistoryStep>> EngineApi::history(const QString &name)
{
    if (usesCli())
        return PodmanCli(endpoint(), m_cancel).history(name);
    auto json = getJson(QStringLiteral("/images/") + name + QStringLiteral("/history"));
    if (!json)
        return wharf::unexpected(json.error());
    QList<EngineHistoryStep> steps;
    for (const QJsonValue &value : json->toArray()) {
        const QJsonObject object = value.toObject();
        steps.append({object.value(QStringLiteral("Id")).toString(), createdOf(object.value(QStringLiteral("Created"))),
                      object.value(QStringLiteral("CreatedBy")).toString(), qint64(object.value(QStringLiteral("Size")).toDouble()),
                      object.value(QStringLiteral("Comment")).toString()});
    }
    return steps;
}

Result<void> EngineApi::remove(const QString &name, bool force)
{
    if (usesCli())
        return PodmanCli(endpoint(), m_cancel).remove(name, force);
    auto response = m_client.request("DELETE", QStringLiteral("/images/") + name + (force ? QStringLiteral("?force=1") : QString()), kMaxJson);
    if (!response)
        return wharf::unexpected(response.error());
    if (response->status != 200)
        return wharf::unexpected(statusError(*response, name));
    return {};
}

Result<QStringList> EngineApi::load(const std::function<Result<void>(QIODevice &)> &writeArchive, std::atomic<qint64> *sent)
{
    if (usesCli())
        return PodmanCli(endpoint(), m_cancel).load(writeArchive, sent);
    const QString engine = EngineLocator::kindName(endpoint().kind);
    auto response = m_client.postStreaming(QStringLiteral("/images/load?quiet=1"), "application/x-tar", writeArchive, kMaxJson, sent);
    if (!response)
        return wharf::unexpected(response.error());
    if (response->status != 200)
        //: %1 Docker or Podman, %2 the engine's words
        return fail(Error::Code::EngineRefused, Tr::tr("%1 refused the image: %2").arg(engine, engineMessage(response->body)));
    // A JSON stream: {"stream":"Loaded image: x:tag\n"} lines, or {"error":"…","errorDetail":{…}}.
    QStringList loaded;
    for (const QByteArray &line : response->body.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.contains(QStringLiteral("error")))
            return fail(Error::Code::EngineRefused,
                        Tr::tr("%1 refused the image: %2").arg(engine, object.value(QStringLiteral("error")).toString().simplified().left(300)));
        const QString stream = object.value(QStringLiteral("stream")).toString().trimmed();
        for (const QString &text : stream.split(u'\n', Qt::SkipEmptyParts)) {
            static const QLatin1StringView kImage("Loaded image: ");
            static const QLatin1StringView kId("Loaded image ID: ");
            static const QLatin1StringView kPodman("Loaded image(s): ");
            if (text.startsWith(kImage))
                loaded.append(text.mid(kImage.size()).trimmed());
            else if (text.startsWith(kId))
                loaded.append(text.mid(kId.size()).trimmed());
            else if (text.startsWith(kPodman))
                loaded.append(text.mid(kPodman.size()).trimmed().split(u',', Qt::SkipEmptyParts));
        }
    }
    return loaded;
}

} // namespace wharf
