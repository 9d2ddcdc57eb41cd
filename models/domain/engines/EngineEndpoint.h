#pragma once
// Where Wharf reaches a container engine, found the way the engine's own client finds it:
//   Docker: $DOCKER_HOST, else the current context ($DOCKER_CONTEXT, else config.json's
//           currentContext; its meta.json holds Endpoints.docker.Host), else /var/run/docker.sock.
//   Podman: $CONTAINER_HOST, else the rootless $XDG_RUNTIME_DIR/podman/podman.sock, else the
//           rootful /run/podman/podman.sock, else the `podman` program (no API socket at all).
// Both APIs are spoken over unix sockets only: a tcp:// or ssh:// host is reported as Unsupported
// (one line saying so) instead of being half supported.

#include "core/Error.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace wharf {

enum class EngineKind { Docker, Podman };

struct EngineEndpoint
{
    enum class Transport {
        UnixSocket, // the Engine API (Docker's, or Podman's compatible one) over a unix socket
        Cli, // Podman without a service: the `podman` program
    };
    EngineKind kind = EngineKind::Docker;
    Transport transport = Transport::UnixSocket;
    QString socketPath; // UnixSocket
    QString program; // Cli: the podman executable
    QStringList programArguments; // Cli: global options before the command (--root …; tests)
    // Where the endpoint came from, for messages: "DOCKER_HOST", "docker context “x”", "default".
    QString origin;

    // "unix:///var/run/docker.sock", or the program's path.
    [[nodiscard]] QString address() const;
};

class EngineLocator
{
public:
    // What the lookup reads: the environment and the home folder (tests give their own).
    struct Environment
    {
        QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
        QString home; // empty: QDir::homePath()
        QString podmanRootfulSocket = QStringLiteral("/run/podman/podman.sock"); // the system's
    };

    // Errors: Unsupported (a tcp:// or ssh:// host), EngineUnavailable (a context that names no
    // endpoint, an unreadable config.json). A socket that may not exist is still returned: whether
    // an engine answers there is the client's question (so the error can name the socket).
    [[nodiscard]] static Result<EngineEndpoint> locate(EngineKind kind, const Environment &environment);
    [[nodiscard]] static Result<EngineEndpoint> locate(EngineKind kind);

    // "Docker", "Podman" (names, not translated).
    [[nodiscard]] static QString kindName(EngineKind kind);
    // "docker", "podman" (case-insensitive); nullopt for anything else.
    [[nodiscard]] static std::optional<EngineKind> kindFromName(QStringView name);
};

} // namespace wharf
