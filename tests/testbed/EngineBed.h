#pragma once
// Real container engines for the integration tests, started by the test itself, as root, with no
// network and nothing shared with the machine's own engines:
//   Docker — Debian's dockerd with its own --data-root (under the build tree), --exec-root, pid
//            file and socket, vfs storage, no iptables and no bridge; loopback registries (the
//            test registry) are insecure, as dockerd has them by default and as --insecure-registry
//            says again here.
//   Podman — `podman system service` on a private socket, with its own --root and --runroot.
// start() waits until each answers GET /_ping; stop() and the destructor end each by its pid
// (SIGTERM, then SIGKILL after 15 s) and remove the folders. The children also die with the test
// process (PR_SET_PDEATHSIG; dockerd's containerd dies with dockerd). An engine that cannot start
// is an error naming the reason and the engine's log: tests fail on it, they never skip.

#include "engines/EngineEndpoint.h"

#include <QObject>
#include <QString>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace wharf::testbed {

class EngineBed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineBed)
public:
    explicit EngineBed(QObject *parent = nullptr);
    ~EngineBed() override;

    // Starts the engine (at most 60 s until /_ping answers). False, with `error`, otherwise.
    bool start(EngineKind kind, QString *error);
    void stop(EngineKind kind);
    void stopAll();

    [[nodiscard]] bool isRunning(EngineKind kind) const;
    [[nodiscard]] qint64 processId(EngineKind kind) const; // 0 when not running
    [[nodiscard]] QString socketPath(EngineKind kind) const;
    // The endpoint a client uses (origin "test bed").
    [[nodiscard]] EngineEndpoint endpoint(EngineKind kind) const;
    // Podman without its service: the podman program over the same storage as the running service.
    [[nodiscard]] EngineEndpoint podmanCliEndpoint() const;
    // stdout and stderr of the engine so far, for failure messages.
    [[nodiscard]] QString logText(EngineKind kind) const;

    // The program started for `kind`: $WHARF_DOCKERD / $WHARF_PODMAN, else dockerd / podman on PATH.
    [[nodiscard]] static QString executable(EngineKind kind);

private:
    struct Engine;
    Engine &engine(EngineKind kind);
    [[nodiscard]] const Engine &engine(EngineKind kind) const;

    std::unique_ptr<Engine> m_docker;
    std::unique_ptr<Engine> m_podman;
};

} // namespace wharf::testbed
