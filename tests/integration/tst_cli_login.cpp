// `wharf login` / `wharf logout` end to end: the password comes on stdin, is checked against a
// real registry (bearer tokens from the test token server, and htpasswd), lands in a real
// gnome-keyring (tests/run-with-keyring.sh), and later commands use it; a wrong password stores
// nothing; without a keychain nothing is stored anywhere.
#include "RegistryProcess.h"
#include "TestbedImages.h"
#include "TestSupport.h"
#include "TokenServer.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

ProgramRun runWharf(const QStringList &arguments, const QByteArray &stdinData = {},
                    const QProcessEnvironment &env = testEnvironment())
{
    return runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments, env, stdinData, 60'000);
}

} // namespace

class TestCliLogin final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tokenRegistryLoginFlow();
    void htpasswdLogin_data();
    void htpasswdLogin();
    void noKeychainStoresNothing();

private:
    TestbedImages m_images;
    TokenServer m_tokens;
    RegistryProcess m_tokenRegistry;
    RegistryProcess m_basic;
    QTemporaryDir m_tmp;
};

void TestCliLogin::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("WHARF_TEST_KEYRING"))
        QSKIP("needs a private keyring: run through tests/run-with-keyring.sh (ctest does)");
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    m_tokens.addUser(u"bob"_s, u"hunter2"_s);
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::EmptyToken); // a private registry
    QVERIFY2(m_tokens.listen(&error), qPrintable(error));
    RegistryOptions token;
    token.storageRoot = m_images.storageRoot();
    token = m_tokens.registryOptions(token);
    QVERIFY2(m_tokenRegistry.start(token, &error), qPrintable(error));

    const QString htpasswd = m_tmp.filePath(u"htpasswd"_s);
    QVERIFY(RegistryProcess::makeHtpasswd(htpasswd, u"alice"_s, u"s3cret"_s, &error));
    RegistryOptions basic;
    basic.storageRoot = m_images.storageRoot();
    basic.auth = RegistryOptions::Auth::Htpasswd;
    basic.htpasswdFile = htpasswd;
    QVERIFY2(m_basic.start(basic, &error), qPrintable(error));
}

void TestCliLogin::tokenRegistryLoginFlow()
{
    const QString reg = m_tokenRegistry.hostPort();
    const QStringList inspect{u"inspect"_s, reg + u"/multi:latest"_s, u"--json"_s};

    const ProgramRun anonymous = runWharf(inspect);
    QCOMPARE(anonymous.exitCode, 1); // private: anonymous tokens grant nothing

    const ProgramRun wrong = runWharf({u"login"_s, reg, u"-u"_s, u"bob"_s, u"--password-stdin"_s}, "not-the-password\n");
    QCOMPARE(wrong.exitCode, 1);
    QCOMPARE(wrong.err.trimmed().split('\n').size(), 1);
    QVERIFY(!wrong.err.contains("not-the-password"));
    QCOMPARE(runWharf(inspect).exitCode, 1); // nothing was stored

    const int before = m_tokens.tokensIssued();
    const ProgramRun right = runWharf({u"login"_s, reg, u"-u"_s, u"bob"_s, u"--password-stdin"_s}, "hunter2\n");
    QCOMPARE(right.exitCode, 0);
    QVERIFY(m_tokens.tokensIssued() > before);

    const ProgramRun authorised = runWharf(inspect);
    QCOMPARE(authorised.exitCode, 0);
    QVERIFY(authorised.out.contains(m_images.digest(u"multi"_s, u"latest"_s).toUtf8()));
    QCOMPARE(m_tokens.requests().last().header("Authorization"), "Basic " + QByteArray("bob:hunter2").toBase64());

    const ProgramRun logout = runWharf({u"logout"_s, reg});
    QCOMPARE(logout.exitCode, 0);
    QVERIFY2(logout.out.contains("Removed the credentials"), logout.out.constData());
    QCOMPARE(runWharf(inspect).exitCode, 1);
    // Once more: nothing left to remove, and it says so; a host no registry can have is refused.
    const ProgramRun again = runWharf({u"logout"_s, reg});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains("had no credentials"), again.out.constData());
    QCOMPARE(runWharf({u"logout"_s, u"not a registry!!/x"_s}).exitCode, 2);
}

void TestCliLogin::htpasswdLogin_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("wrong") << QByteArray("nope\n") << 1;
    QTest::addRow("empty") << QByteArray("\n") << 2;
    QTest::addRow("right") << QByteArray("s3cret\n") << 0;
}

void TestCliLogin::htpasswdLogin()
{
    QFETCH(QByteArray, password);
    QFETCH(int, exitCode);
    const QString reg = m_basic.hostPort();
    const ProgramRun r = runWharf({u"login"_s, reg, u"-u"_s, u"alice"_s, u"--password-stdin"_s}, password);
    QCOMPARE(r.exitCode, exitCode);
    const ProgramRun tags = runWharf({u"tags"_s, reg + u"/multi"_s});
    QCOMPARE(tags.exitCode, exitCode == 0 ? 0 : 1);
    if (exitCode == 0)
        QCOMPARE(runWharf({u"logout"_s, reg}).exitCode, 0);
}

void TestCliLogin::noKeychainStoresNothing()
{
    QTemporaryDir home;
    QProcessEnvironment env = testEnvironment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/wharf-bus"_s);
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    const ProgramRun r = runWharf({u"login"_s, m_basic.hostPort(), u"-u"_s, u"alice"_s, u"--password-stdin"_s}, "s3cret\n", env);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.trimmed().split('\n').size(), 1);
    QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("s3cret"), qPrintable(f.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestCliLogin)
#include "tst_cli_login.moc"
