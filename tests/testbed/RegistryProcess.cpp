#include "RegistryProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace wharf::testbed {

namespace {

constexpr auto StartTimeout = 10s;

// A YAML double-quoted scalar: paths and URLs may hold spaces, colons or '#'.
QString yamlString(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

// Runs the event loop for `duration`, so that a waiting start() still lets queued work happen.
void spin(std::chrono::milliseconds duration)
{
    QEventLoop loop;
    QTimer::singleShot(duration, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

RegistryProcess::RegistryProcess(QObject *parent) : QObject(parent) {}

RegistryProcess::~RegistryProcess()
{
    stop();
}

QString RegistryProcess::executable()
{
    const QString fromEnvironment = qEnvironmentVariable("WHARF_DOCKER_REGISTRY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    for (const QString &name : {u"docker-registry"_s, u"registry"_s}) {
        const QString path = QStandardPaths::findExecutable(name);
        if (!path.isEmpty())
            return path;
    }
    return u"docker-registry"_s;
}

bool RegistryProcess::start(const RegistryOptions &options, QString *error)
{
    stop();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return fail(u"cannot create a temporary folder: "_s + m_dir->errorString(), error);
    if (!writeConfig(options, error))
        return false;

    m_process = new QProcess(this);
    m_process->setProgram(executable());
    m_process->setArguments({u"serve"_s, configPath()});
    // The log goes to a file, never to a pipe: a test that does not run the event loop for a while
    // must not stall a chatty registry on a full pipe.
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(logPath());
    m_process->setStandardInputFile(QProcess::nullDevice());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : environment.keys()) {
        if (key.startsWith(u"REGISTRY_"_s)) // would override the config file
            environment.remove(key);
    }
    m_process->setProcessEnvironment(environment);
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start();
    if (!m_process->waitForStarted(int(std::chrono::milliseconds(StartTimeout).count())))
        return fail(u"cannot run %1: %2"_s.arg(m_process->program(), m_process->errorString()), error);

    const QDeadlineTimer deadline(StartTimeout);
    if (!waitForPort(deadline, error) || !waitForApi(deadline, error))
        return false;
    return true;
}

bool RegistryProcess::writeConfig(const RegistryOptions &options, QString *error)
{
    m_storageRoot = options.storageRoot;
    if (m_storageRoot.isEmpty()) {
        m_storageRoot = m_dir->filePath(u"storage"_s);
        if (!QDir().mkpath(m_storageRoot))
            return fail(u"cannot create "_s + m_storageRoot, error);
    } else if (!QFileInfo(m_storageRoot).isDir()) {
        return fail(u"the storage root %1 is not a folder (did the testbed_images fixture run?)"_s.arg(m_storageRoot), error);
    }
    m_storageRoot = QFileInfo(m_storageRoot).absoluteFilePath();

    QString yaml = u"version: 0.1\n"
                   "log:\n"
                   "  level: info\n"
                   "  formatter: text\n"
                   "storage:\n"
                   "  filesystem:\n"
                   "    rootdirectory: %1\n"
                   "  maintenance:\n"
                   "    uploadpurging:\n"
                   "      enabled: false\n"
                   "    readonly:\n"
                   "      enabled: %2\n"
                   "http:\n"
                   "  addr: 127.0.0.1:0\n"
                   "  secret: %3\n"_s.arg(yamlString(m_storageRoot), options.readOnly ? u"true"_s : u"false"_s, randomHex(16));

    if (options.schema1Pushes)
        yaml += u"compatibility:\n"
                "  schema1:\n"
                "    enabled: true\n"_s;

    switch (options.auth) {
    case RegistryOptions::Auth::None:
        break;
    case RegistryOptions::Auth::Htpasswd:
        if (!QFileInfo::exists(options.htpasswdFile))
            return fail(u"Auth::Htpasswd needs an existing htpasswdFile, not '%1'"_s.arg(options.htpasswdFile), error);
        yaml += u"auth:\n"
                "  htpasswd:\n"
                "    realm: wharf-testbed\n"
                "    path: %1\n"_s.arg(yamlString(QFileInfo(options.htpasswdFile).absoluteFilePath()));
        break;
    case RegistryOptions::Auth::Token:
        if (options.tokenRealm.isEmpty() || options.tokenService.isEmpty() || options.tokenIssuer.isEmpty()
            || !QFileInfo::exists(options.tokenRootCertBundle)) {
            return fail(u"Auth::Token needs tokenRealm, tokenService, tokenIssuer and an existing tokenRootCertBundle"_s, error);
        }
        yaml += u"auth:\n"
                "  token:\n"
                "    realm: %1\n"
                "    service: %2\n"
                "    issuer: %3\n"
                "    rootcertbundle: %4\n"_s.arg(yamlString(options.tokenRealm), yamlString(options.tokenService),
                                                 yamlString(options.tokenIssuer),
                                                 yamlString(QFileInfo(options.tokenRootCertBundle).absoluteFilePath()));
        break;
    }

    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(yaml.toUtf8()) < 0)
        return fail(u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString()), error);
    return true;
}

bool RegistryProcess::waitForPort(const QDeadlineTimer &deadline, QString *error)
{
    // Logged once the listener is bound: `msg="listening on 127.0.0.1:40569"`.
    static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    while (true) {
        const QRegularExpressionMatch match = listening.match(logText());
        if (match.hasMatch()) {
            m_port = match.captured(1).toUShort();
            return true;
        }
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(25))
            return fail(u"docker-registry exited during start-up"_s, error);
        if (deadline.hasExpired())
            return fail(u"docker-registry did not report its address within 10 s"_s, error);
    }
}

bool RegistryProcess::waitForApi(const QDeadlineTimer &deadline, QString *error)
{
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    int lastStatus = 0;
    QString lastError;
    while (true) {
        QNetworkRequest request(baseUrl().resolved(QUrl(u"/v2/"_s)));
        request.setTransferTimeout(int(std::clamp<qint64>(deadline.remainingTime(), 100, 2000)));
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QEventLoop loop;
        connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        lastError = reply->errorString();
        // 200 anonymous, 401 with authentication: either way the API is up.
        if (lastStatus == 200 || lastStatus == 401)
            return true;
        if (m_process->state() == QProcess::NotRunning)
            return fail(u"docker-registry exited during start-up"_s, error);
        if (deadline.hasExpired()) {
            return fail(u"GET /v2/ did not answer 200 or 401 within 10 s (last: %1 %2)"_s.arg(lastStatus).arg(lastError), error);
        }
        spin(50ms);
    }
}

void RegistryProcess::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        delete m_process;
        m_process = nullptr;
    }
    m_port = 0;
}

bool RegistryProcess::fail(const QString &message, QString *error)
{
    if (error) {
        const QString log = logText();
        *error = log.isEmpty() ? message : message + u"\n--- registry log ---\n"_s + log;
    }
    stop();
    return false;
}

bool RegistryProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running && m_port != 0;
}

qint64 RegistryProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

quint16 RegistryProcess::port() const
{
    return m_port;
}

QString RegistryProcess::hostPort() const
{
    return u"127.0.0.1:"_s + QString::number(m_port);
}

QUrl RegistryProcess::baseUrl() const
{
    return QUrl(u"http://"_s + hostPort());
}

QString RegistryProcess::storageRoot() const
{
    return m_storageRoot;
}

QString RegistryProcess::configPath() const
{
    return m_dir ? m_dir->filePath(u"config.yml"_s) : QString();
}

QString RegistryProcess::logPath() const
{
    return m_dir ? m_dir->filePath(u"registry.log"_s) : QString();
}

QString RegistryProcess::logText() const
{
    QFile file(logPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool RegistryProcess::makeHtpasswd(const QString &path, const QString &user, const QString &password, QString *error)
{
    // -i reads the password from stdin, so it never shows in the process list.
    QProcess htpasswd;
    htpasswd.start(u"htpasswd"_s, {u"-niB"_s, user});
    if (!htpasswd.waitForStarted(5000)) {
        if (error)
            *error = u"cannot run htpasswd (apache2-utils): "_s + htpasswd.errorString();
        return false;
    }
    htpasswd.write(password.toUtf8() + '\n');
    htpasswd.closeWriteChannel();
    if (!htpasswd.waitForFinished(10000) || htpasswd.exitStatus() != QProcess::NormalExit || htpasswd.exitCode() != 0) {
        if (error)
            *error = u"htpasswd failed: "_s + QString::fromUtf8(htpasswd.readAllStandardError());
        return false;
    }
    const QByteArray entry = htpasswd.readAllStandardOutput().trimmed() + '\n';

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(entry) != entry.size()) {
        if (error)
            *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace wharf::testbed
