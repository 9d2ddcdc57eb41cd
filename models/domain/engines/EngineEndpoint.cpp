#include "engines/EngineEndpoint.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::EngineLocator)
};

constexpr qint64 kMaxJsonFile = 1024 * 1024;
const QString kDockerDefaultSocket = QStringLiteral("/var/run/docker.sock");

// "unix:///path" (or a bare absolute path) into an endpoint; other schemes are Unsupported.
Result<EngineEndpoint> fromHost(EngineKind kind, const QString &host, const QString &origin)
{
    EngineEndpoint endpoint;
    endpoint.kind = kind;
    endpoint.origin = origin;
    if (host.startsWith(u'/')) {
        endpoint.socketPath = host;
        return endpoint;
    }
    if (host.startsWith(QLatin1StringView("unix://")) && host.size() > 7) {
        endpoint.socketPath = host.mid(7);
        return endpoint;
    }
    //: %1 is Docker or Podman, %2 an address such as tcp://host:2376, %3 where it was set (DOCKER_HOST)
    return fail(Error::Code::Unsupported, Tr::tr("Wharf reaches %1 over a unix socket only; %2 (from %3) is not one")
                                              .arg(EngineLocator::kindName(kind), host.left(200), origin));
}

Result<QJsonObject> readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::EngineUnavailable, Tr::tr("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(kMaxJsonFile + 1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (bytes.size() > kMaxJsonFile || !document.isObject())
        return fail(Error::Code::EngineUnavailable, Tr::tr("%1 is not a JSON object").arg(path));
    return document.object();
}

Result<EngineEndpoint> locateDocker(const EngineLocator::Environment &environment)
{
    const QProcessEnvironment &variables = environment.variables;
    const QString host = variables.value(QStringLiteral("DOCKER_HOST"));
    if (!host.isEmpty())
        return fromHost(EngineKind::Docker, host, QStringLiteral("DOCKER_HOST"));

    const QString home = environment.home.isEmpty() ? QDir::homePath() : environment.home;
    const QString configDir = variables.contains(QStringLiteral("DOCKER_CONFIG")) ? variables.value(QStringLiteral("DOCKER_CONFIG"))
                                                                                 : home + QStringLiteral("/.docker");
    QString context = variables.value(QStringLiteral("DOCKER_CONTEXT"));
    QString origin = QStringLiteral("DOCKER_CONTEXT");
    if (context.isEmpty()) {
        const QString configPath = configDir + QStringLiteral("/config.json");
        if (QFileInfo::exists(configPath)) {
            auto config = readJsonObject(configPath);
            if (!config)
                return wharf::unexpected(config.error());
            context = config->value(QStringLiteral("currentContext")).toString();
            origin = configPath;
        }
    }
    if (!context.isEmpty() && context != QLatin1StringView("default")) {
        // The CLI keeps a context under the sha256 of its name (docker/cli context/store).
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(context.toUtf8(), QCryptographicHash::Sha256).toHex());
        const QString metaPath = configDir + QStringLiteral("/contexts/meta/") + hash + QStringLiteral("/meta.json");
        auto meta = readJsonObject(metaPath);
        if (!meta)
            //: %1 is a docker context's name, %2 where it was chosen, %3 why it cannot be read
            return fail(Error::Code::EngineUnavailable, Tr::tr("the docker context “%1” (from %2) cannot be read: %3")
                                                            .arg(context.left(100), origin, meta.error().message()));
        const QString contextHost = meta->value(QStringLiteral("Endpoints"))
                                        .toObject()
                                        .value(QStringLiteral("docker"))
                                        .toObject()
                                        .value(QStringLiteral("Host"))
                                        .toString();
        if (contextHost.isEmpty())
            return fail(Error::Code::EngineUnavailable,
                        Tr::tr("the docker context “%1” names no Docker endpoint (%2)").arg(context.left(100), metaPath));
        //: %1 is a docker context's name
        return fromHost(EngineKind::Docker, contextHost, Tr::tr("docker context “%1”").arg(context.left(100)));
    }
    return fromHost(EngineKind::Docker, kDockerDefaultSocket, Tr::tr("default"));
}

Result<EngineEndpoint> locatePodman(const EngineLocator::Environment &environment)
{
    const QProcessEnvironment &variables = environment.variables;
    const QString host = variables.value(QStringLiteral("CONTAINER_HOST"));
    if (!host.isEmpty())
        return fromHost(EngineKind::Podman, host, QStringLiteral("CONTAINER_HOST"));
    const QString runtimeDir = variables.value(QStringLiteral("XDG_RUNTIME_DIR"));
    if (!runtimeDir.isEmpty()) {
        const QString rootless = runtimeDir + QStringLiteral("/podman/podman.sock");
        if (QFileInfo::exists(rootless))
            return fromHost(EngineKind::Podman, rootless, QStringLiteral("XDG_RUNTIME_DIR"));
    }
    if (QFileInfo::exists(environment.podmanRootfulSocket))
        return fromHost(EngineKind::Podman, environment.podmanRootfulSocket, Tr::tr("default"));
    const QString program = QStandardPaths::findExecutable(QStringLiteral("podman"),
                                                           variables.value(QStringLiteral("PATH")).split(u':', Qt::SkipEmptyParts));
    if (!program.isEmpty()) {
        EngineEndpoint endpoint;
        endpoint.kind = EngineKind::Podman;
        endpoint.transport = EngineEndpoint::Transport::Cli;
        endpoint.program = program;
        endpoint.origin = QStringLiteral("PATH");
        return endpoint;
    }
    return fromHost(EngineKind::Podman, environment.podmanRootfulSocket, Tr::tr("default"));
}

} // namespace

QString EngineEndpoint::address() const
{
    return transport == Transport::Cli ? program : QStringLiteral("unix://") + socketPath;
}

Result<EngineEndpoint> EngineLocator::locate(EngineKind kind, const Environment &environment)
{
    return kind == EngineKind::Docker ? locateDocker(environment) : locatePodman(environment);
}

Result<EngineEndpoint> EngineLocator::locate(EngineKind kind)
{
    return locate(kind, Environment());
}

QString EngineLocator::kindName(EngineKind kind)
{
    return kind == EngineKind::Docker ? QStringLiteral("Docker") : QStringLiteral("Podman");
}

std::optional<EngineKind> EngineLocator::kindFromName(QStringView name)
{
    if (name.compare(u"docker", Qt::CaseInsensitive) == 0)
        return EngineKind::Docker;
    if (name.compare(u"podman", Qt::CaseInsensitive) == 0)
        return EngineKind::Podman;
    return std::nullopt;
}

} // namespace wharf
