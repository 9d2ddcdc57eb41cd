#include "EngineBed.h"

#include "engines/EngineApi.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <unistd.h>

#ifndef WHARF_ENGINE_BED_DIR
#define WHARF_ENGINE_BED_DIR ""
#endif

namespace wharf::testbed {

namespace {

// dockerd bind-mounts its data root onto itself (rprivate propagation) and unmounts it on a clean
// shutdown only: after a kill, detach whatever is still mounted under our folders before removing them.
void detachMountsUnder(const QString &folder)
{
    if (folder.isEmpty())
        return;
    QFile mounts(QStringLiteral("/proc/self/mounts"));
    if (!mounts.open(QIODevice::ReadOnly))
        return;
    QStringList points;
    for (const QByteArray &line : mounts.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 2)
            continue;
        const QString point = QString::fromUtf8(fields.at(1)).replace(QStringLiteral("\\040"), QStringLiteral(" "));
        if (point == folder || point.startsWith(folder + u'/'))
            points.prepend(point); // innermost first
    }
    for (const QString &point : std::as_const(points))
        ::umount2(QFile::encodeName(point).constData(), MNT_DETACH);
}

// Who made a data folder: the test process's pid, so a later run can tell a folder whose test
// died (a crash kills the engine through PR_SET_PDEATHSIG, with no clean shutdown and its bind
// mount left) from one a suite running beside it is using.
constexpr auto kOwnerFile = "wharf-test-owner";

// Folders under `base` left by tests that died: their mounts detached, then removed. A folder
// without an owner file is one being set up right now, and is left alone.
void sweepAbandoned(const QString &base)
{
    const QDir dir(base);
    for (const QFileInfo &entry : dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile owner(entry.filePath() + u'/' + QLatin1StringView(kOwnerFile));
        if (!owner.open(QIODevice::ReadOnly))
            continue;
        const qint64 pid = owner.readAll().trimmed().toLongLong();
        owner.close();
        if (pid <= 0 || ::kill(pid_t(pid), 0) == 0 || errno != ESRCH)
            continue;
        detachMountsUnder(entry.filePath());
        QDir(entry.filePath()).removeRecursively();
    }
}

} // namespace

struct EngineBed::Engine
{
    EngineKind kind;
    std::unique_ptr<QTemporaryDir> data; // under the build tree: images (vfs copies every layer)
    std::unique_ptr<QTemporaryDir> run; // under /tmp: sockets and exec roots need short paths
    QProcess *process = nullptr;
    QString socket;

    [[nodiscard]] QString logPath() const { return run ? run->filePath(QStringLiteral("engine.log")) : QString(); }
};

EngineBed::EngineBed(QObject *parent)
    : QObject(parent), m_docker(std::make_unique<Engine>(Engine{EngineKind::Docker, {}, {}, nullptr, {}})),
      m_podman(std::make_unique<Engine>(Engine{EngineKind::Podman, {}, {}, nullptr, {}}))
{
}

EngineBed::~EngineBed()
{
    stopAll();
}

EngineBed::Engine &EngineBed::engine(EngineKind kind)
{
    return kind == EngineKind::Docker ? *m_docker : *m_podman;
}

const EngineBed::Engine &EngineBed::engine(EngineKind kind) const
{
    return kind == EngineKind::Docker ? *m_docker : *m_podman;
}

QString EngineBed::executable(EngineKind kind)
{
    const QByteArray variable = kind == EngineKind::Docker ? "WHARF_DOCKERD" : "WHARF_PODMAN";
    const QString configured = qEnvironmentVariable(variable.constData());
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::findExecutable(kind == EngineKind::Docker ? QStringLiteral("dockerd") : QStringLiteral("podman"),
                                          {QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/local/bin"), QStringLiteral("/usr/sbin"),
                                           QStringLiteral("/usr/bin"), QStringLiteral("/sbin"), QStringLiteral("/bin")});
}

bool EngineBed::start(EngineKind kind, QString *error)
{
    stop(kind);
    Engine &e = engine(kind);
    const QString name = EngineLocator::kindName(kind);
    const auto failWith = [&](const QString &message) {
        const QString log = logText(kind);
        stop(kind);
        if (error)
            *error = name + QStringLiteral(" test engine: ") + message
                   + (log.isEmpty() ? QString() : QStringLiteral("\n--- its log ---\n") + log.right(4000));
        return false;
    };
    const QString program = executable(kind);
    if (program.isEmpty())
        return failWith(kind == EngineKind::Docker ? QStringLiteral("dockerd is not installed (scripts/setup-deps --test installs docker.io)")
                                                   : QStringLiteral("podman is not installed (scripts/setup-deps --test installs it)"));
    if (kind == EngineKind::Docker && ::geteuid() != 0)
        return failWith(QStringLiteral("dockerd needs root; run the engine tests as root (CI does)"));

    const QString base = QStringLiteral(WHARF_ENGINE_BED_DIR);
    if (!base.isEmpty()) {
        QDir().mkpath(base);
        sweepAbandoned(base);
    }
    e.data = std::make_unique<QTemporaryDir>((base.isEmpty() ? QDir::tempPath() : base) + u'/' + name.toLower() + QStringLiteral("-XXXXXX"));
    e.run = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/wharf-") + name.toLower().left(1) + QStringLiteral("-XXXXXX"));
    if (!e.data->isValid() || !e.run->isValid())
        return failWith(QStringLiteral("cannot create its folders"));
    e.socket = e.run->filePath(QStringLiteral("api.sock"));
    if (QFile owner(e.data->filePath(QLatin1StringView(kOwnerFile))); owner.open(QIODevice::WriteOnly))
        owner.write(QByteArray::number(QCoreApplication::applicationPid()));

    QStringList arguments;
    if (kind == EngineKind::Docker) {
        arguments = {QStringLiteral("--data-root"), e.data->path(),
                     QStringLiteral("--exec-root"), e.run->filePath(QStringLiteral("x")),
                     QStringLiteral("--pidfile"), e.run->filePath(QStringLiteral("dockerd.pid")),
                     QStringLiteral("-H"), QStringLiteral("unix://") + e.socket,
                     QStringLiteral("--storage-driver=vfs"), QStringLiteral("--iptables=false"), QStringLiteral("--ip6tables=false"),
                     QStringLiteral("--bridge=none"), QStringLiteral("--insecure-registry=127.0.0.0/8"),
                     QStringLiteral("--config-file"), e.run->filePath(QStringLiteral("daemon.json"))};
        QFile config(e.run->filePath(QStringLiteral("daemon.json")));
        if (!config.open(QIODevice::WriteOnly) || config.write("{}\n") < 0)
            return failWith(QStringLiteral("cannot write daemon.json"));
    } else {
        arguments = {QStringLiteral("--root"), e.data->path(), QStringLiteral("--runroot"), e.run->filePath(QStringLiteral("r")),
                     QStringLiteral("--storage-driver"), QStringLiteral("vfs"), QStringLiteral("system"), QStringLiteral("service"),
                     QStringLiteral("--time"), QStringLiteral("0"), QStringLiteral("unix://") + e.socket};
    }
    e.process = new QProcess(this);
    e.process->setProgram(program);
    e.process->setArguments(arguments);
    e.process->setWorkingDirectory(e.run->path());
    e.process->setStandardOutputFile(e.logPath());
    e.process->setStandardErrorFile(e.logPath(), QIODevice::Append);
    e.process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    e.process->start();
    if (!e.process->waitForStarted(10000))
        return failWith(QStringLiteral("cannot start %1: %2").arg(program, e.process->errorString()));

    EngineApi api(endpoint(kind));
    const QDeadlineTimer deadline(60000);
    QString last;
    for (;;) {
        if (e.process->state() != QProcess::Running)
            return failWith(QStringLiteral("%1 exited with code %2 before answering").arg(program).arg(e.process->exitCode()));
        if (QFile::exists(e.socket)) {
            auto pinged = api.ping();
            if (pinged)
                return true;
            last = pinged.error().message();
        }
        if (deadline.hasExpired())
            return failWith(QStringLiteral("no answer to /_ping within 60 s (%1)").arg(last));
        QThread::msleep(100);
    }
}

void EngineBed::stop(EngineKind kind)
{
    Engine &e = engine(kind);
    if (e.process) {
        if (e.process->state() != QProcess::NotRunning) {
            e.process->terminate(); // SIGTERM to its pid: dockerd stops its containerd too
            if (!e.process->waitForFinished(15000)) {
                e.process->kill();
                e.process->waitForFinished(5000);
            }
        }
        delete e.process;
        e.process = nullptr;
    }
    if (e.data)
        detachMountsUnder(e.data->path());
    if (e.run)
        detachMountsUnder(e.run->path());
    e.run.reset();
    e.data.reset();
    e.socket.clear();
}

void EngineBed::stopAll()
{
    stop(EngineKind::Docker);
    stop(EngineKind::Podman);
}

bool EngineBed::isRunning(EngineKind kind) const
{
    const Engine &e = engine(kind);
    return e.process && e.process->state() == QProcess::Running;
}

qint64 EngineBed::processId(EngineKind kind) const
{
    return isRunning(kind) ? engine(kind).process->processId() : 0;
}

QString EngineBed::socketPath(EngineKind kind) const
{
    return engine(kind).socket;
}

EngineEndpoint EngineBed::endpoint(EngineKind kind) const
{
    EngineEndpoint endpoint;
    endpoint.kind = kind;
    endpoint.socketPath = socketPath(kind);
    endpoint.origin = QStringLiteral("test bed");
    return endpoint;
}

EngineEndpoint EngineBed::podmanCliEndpoint() const
{
    const Engine &e = engine(EngineKind::Podman);
    EngineEndpoint endpoint;
    endpoint.kind = EngineKind::Podman;
    endpoint.transport = EngineEndpoint::Transport::Cli;
    endpoint.program = executable(EngineKind::Podman);
    if (e.data && e.run)
        endpoint.programArguments = {QStringLiteral("--root"), e.data->path(), QStringLiteral("--runroot"), e.run->filePath(QStringLiteral("r")),
                                     QStringLiteral("--storage-driver"), QStringLiteral("vfs")};
    endpoint.origin = QStringLiteral("test bed");
    return endpoint;
}

QString EngineBed::logText(EngineKind kind) const
{
    QFile log(engine(kind).logPath());
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll());
}

} // namespace wharf::testbed
