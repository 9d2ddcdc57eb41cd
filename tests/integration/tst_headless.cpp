// Wharf on a machine without a keychain — a server, CI, an SSH session: no D-Bus session bus and no
// display. Docker's config.json must still sign the CLI and the window's credential chain in to
// registries that need it (htpasswd Basic and bearer tokens), for pull, inspect, tags and layers;
// the missing keychain is no error and nothing about it is printed.
#include "credentials/ChainedCredentialSource.h"
#include "credentials/DockerConfigCredentials.h"
#include "credentials/KeychainStore.h"
#include "credentials/SessionCredentialSource.h"
#include "registry/ManifestJob.h"
#include "registry/RegistryClient.h"

#include "RegistryProcess.h"
#include "TestbedImages.h"
#include "TestSupport.h"
#include "TokenServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

const QString kUser = u"alice"_s;
const QString kPassword = u"s3cret-Pa55"_s;

// What a CI job or an SSH session has: no session bus to find, no display.
QProcessEnvironment headless(const QString &dockerConfig, const QString &home)
{
    QProcessEnvironment env = testEnvironment();
    for (const QString &name : {u"DBUS_SESSION_BUS_ADDRESS"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"WHARF_TEST_KEYRING"_s})
        env.remove(name);
    env.insert(u"XDG_RUNTIME_DIR"_s, home); // no $XDG_RUNTIME_DIR/bus either
    env.insert(u"HOME"_s, home);
    env.insert(u"DOCKER_CONFIG"_s, dockerConfig);
    env.remove(u"QT_QPA_PLATFORM"_s);
    return env;
}

bool writeDockerConfig(const QString &folder, const QString &registry)
{
    const QByteArray auth = (kUser + u':' + kPassword).toUtf8().toBase64();
    const QJsonObject config{{u"auths"_s, QJsonObject{{registry, QJsonObject{{u"auth"_s, QString::fromLatin1(auth)}}}}}};
    QFile file(folder + u"/config.json"_s);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(config).toJson()) > 0;
}

} // namespace

class TestHeadless final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cliUsesConfigJson_data();
    void cliUsesConfigJson();
    void windowChainUsesConfigJson_data();
    void windowChainUsesConfigJson();
    void failingKeychainDoesNotHideConfigJson();

private:
    [[nodiscard]] QString hostPort(const QString &which) const;

    TestbedImages m_images;
    TokenServer m_tokens;
    RegistryProcess m_tokenRegistry;
    RegistryProcess m_basic;
    QTemporaryDir m_tmp;
};

void TestHeadless::initTestCase()
{
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")); // main() below makes sure
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    m_tokens.addUser(kUser, kPassword);
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::EmptyToken); // private: anonymous sees nothing
    QVERIFY2(m_tokens.listen(&error), qPrintable(error));
    RegistryOptions token;
    token.storageRoot = m_images.storageRoot();
    token.readOnly = true;
    token = m_tokens.registryOptions(token);
    QVERIFY2(m_tokenRegistry.start(token, &error), qPrintable(error));

    RegistryOptions basic;
    basic.storageRoot = m_images.storageRoot();
    basic.readOnly = true;
    basic.auth = RegistryOptions::Auth::Htpasswd;
    basic.htpasswdFile = m_tmp.filePath(u"htpasswd"_s);
    QVERIFY2(RegistryProcess::makeHtpasswd(basic.htpasswdFile, kUser, kPassword, &error), qPrintable(error));
    QVERIFY2(m_basic.start(basic, &error), qPrintable(error));
}

QString TestHeadless::hostPort(const QString &which) const
{
    return which == u"token" ? m_tokenRegistry.hostPort() : m_basic.hostPort();
}

void TestHeadless::cliUsesConfigJson_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("command");
    for (const QString &registry : {u"htpasswd"_s, u"token"_s}) {
        for (const QString &command : {u"inspect"_s, u"tags"_s, u"layers"_s, u"pull"_s})
            QTest::addRow("%s %s", qPrintable(registry), qPrintable(command)) << registry << command;
    }
}

void TestHeadless::cliUsesConfigJson()
{
    QFETCH(QString, registry);
    QFETCH(QString, command);
    QTemporaryDir home;
    QVERIFY(writeDockerConfig(home.path(), hostPort(registry)));
    const QProcessEnvironment env = headless(home.path(), home.path());
    const QString image = hostPort(registry) + u"/multi:latest"_s;
    QStringList arguments{command};
    if (command == u"tags")
        arguments << hostPort(registry) + u"/multi"_s;
    else
        arguments << image << u"--platform"_s << u"linux/arm64"_s;
    if (command == u"pull" || command == u"layers")
        arguments << u"--store"_s << home.filePath(u"store"_s);
    const ProgramRun run = runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments, env);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(!run.err.contains("keychain"), run.err.constData()); // no keychain is nothing to mention
    QVERIFY(!run.out.isEmpty());
    if (command == u"tags")
        QVERIFY(run.out.contains("latest"));
    if (command == u"inspect")
        QVERIFY(run.out.contains(m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s).toUtf8()));

    // Without config.json the same command is refused: the credentials really came from there.
    QTemporaryDir empty;
    const ProgramRun refused = runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments, headless(empty.path(), empty.path()));
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.errLines().size(), 1);
}

void TestHeadless::windowChainUsesConfigJson_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addRow("htpasswd") << u"htpasswd"_s;
    QTest::addRow("token") << u"token"_s;
}

// The chain the window builds (this run's logins, the keychain, Docker's config), in a process
// that has no session bus.
void TestHeadless::windowChainUsesConfigJson()
{
    QFETCH(QString, registry);
    QTemporaryDir home;
    QVERIFY(writeDockerConfig(home.path(), hostPort(registry)));
    SessionCredentialSource session;
    KeychainStore keychain;
    DockerConfigCredentials docker(home.filePath(u"config.json"_s));
    ChainedCredentialSource chain({&session, &keychain, &docker});
    QList<Error> warnings;
    chain.setWarningHandler([&warnings](const Error &e) { warnings.append(e); });

    QObject context;
    std::optional<Result<std::optional<Credentials>>> answer;
    chain.lookup(hostPort(registry), &context, [&answer](Result<std::optional<Credentials>> r) { answer = std::move(r); });
    QTRY_VERIFY(answer.has_value());
    QVERIFY2(answer->has_value(), qPrintable(answer->has_value() ? QString() : answer->error().message()));
    QVERIFY(answer->value().has_value());
    QCOMPARE(answer->value()->username, kUser);
    QVERIFY(warnings.isEmpty());

    RegistryClient client;
    client.setCredentialSource(&chain);
    std::unique_ptr<ManifestJob> job(client.fetchManifest(hostPort(registry), u"multi"_s, u"latest"_s));
    job->setAutoDelete(false);
    QSignalSpy finished(job.get(), &Job::finished);
    job->start();
    QVERIFY(finished.wait(30'000));
    QVERIFY2(!job->error(), qPrintable(job->error() ? job->error()->message() : QString()));
    QCOMPARE(job->result().digest.toString(), m_images.digest(u"multi"_s, u"latest"_s));
}

namespace {

// A keychain that is there but refuses (locked): its failures are advisory, as KeychainStore's are.
class LockedKeychain final : public CredentialSource
{
public:
    void lookup(const QString &registry, QObject *context, Callback done) override
    {
        ++asked;
        deliverLater(context, std::move(done),
                     Result<std::optional<Credentials>>(
                         wharf::unexpected(Error(Error::Code::Credentials, u"the keychain is locked ("_s + registry + u')'))));
    }
    [[nodiscard]] bool failuresAreAdvisory() const override { return true; }
    int asked = 0;
};

} // namespace

void TestHeadless::failingKeychainDoesNotHideConfigJson()
{
    QTemporaryDir home;
    QVERIFY(writeDockerConfig(home.path(), m_basic.hostPort()));
    LockedKeychain locked;
    DockerConfigCredentials docker(home.filePath(u"config.json"_s));
    ChainedCredentialSource chain({&locked, &docker});
    QList<Error> warnings;
    chain.setWarningHandler([&warnings](const Error &e) { warnings.append(e); });
    QObject context;
    for (int round = 0; round < 2; ++round) {
        std::optional<Result<std::optional<Credentials>>> answer;
        chain.lookup(m_basic.hostPort(), &context, [&answer](Result<std::optional<Credentials>> r) { answer = std::move(r); });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->has_value());
        QCOMPARE(answer->value()->username, kUser);
    }
    QCOMPARE(locked.asked, 2);
    QCOMPARE(warnings.size(), 1); // reported once, not per lookup
    QCOMPARE(warnings.first().code(), Error::Code::Credentials);

    // With nothing else to answer, the keychain's failure is the answer (the registry's refusal
    // can then name it).
    ChainedCredentialSource alone({&locked});
    std::optional<Result<std::optional<Credentials>>> answer;
    alone.lookup(m_basic.hostPort(), &context, [&answer](Result<std::optional<Credentials>> r) { answer = std::move(r); });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->has_value());
    QCOMPARE(answer->error().code(), Error::Code::Credentials);
}

int main(int argc, char *argv[])
{
    // This process has no session bus either, whatever the machine running the tests has.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    QTemporaryDir runtime;
    qputenv("XDG_RUNTIME_DIR", runtime.path().toLocal8Bit());
    QCoreApplication app(argc, argv);
    TestHeadless test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_headless.moc"
