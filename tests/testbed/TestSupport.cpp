#include "TestSupport.h"

#include <QJsonDocument>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

QJsonObject ProgramRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QList<QByteArray> ProgramRun::errLines() const
{
    return err.trimmed().split('\n');
}

QProcessEnvironment testEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.remove(u"LANGUAGE"_s);
    env.insert(u"WHARF_LANG"_s, u"en"_s);       // whatever ui/language this machine's settings say
    env.remove(u"WHARF_STORE"_s);
    env.insert(u"DOCKER_CONFIG"_s, u"/nonexistent-wharf-test"_s);
    env.insert(u"WHARF_RETRY_BASE_MS"_s, u"20"_s);
    // Each run starts cold (the cache of verified documents is in memory only), so what one test
    // fetched never hides a request another expects; tst_requestbudget points it at a folder.
    env.insert(u"WHARF_CACHE"_s, u"off"_s);
    // docker.io's registry and Docker Hub's API stay on loopback unless a test points them at its
    // test bed: a closed port (discard) answers "connection refused", never the Internet.
    if (!env.contains(u"WHARF_DOCKERHUB_REGISTRY_URL"_s))
        env.insert(u"WHARF_DOCKERHUB_REGISTRY_URL"_s, u"http://127.0.0.1:9"_s);
    if (!env.contains(u"WHARF_HUB_URL"_s))
        env.insert(u"WHARF_HUB_URL"_s, u"http://127.0.0.1:9"_s);
    return env;
}

ProgramRun runProgram(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                      const QByteArray &standardInput, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    if (!process.waitForStarted(5000))
        return {};
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
    if (!finished.wait(timeoutMs))
        process.kill();
    return ProgramRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                      process.readAllStandardError()};
}

} // namespace wharf::testbed
