// KeychainStore against a real Secret Service: a gnome-keyring-daemon on a private D-Bus session
// bus, started by tests/run-with-keyring.sh (ctest runs this test through it). Also checks the
// other half of the promise: with no keychain at all, every call fails with a Credentials error
// and nothing is written to disk instead.

#include "credentials/KeychainStore.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <qt6keychain/keychain.h>

using namespace wharf;

using LookupResult = Result<std::optional<Credentials>>;

namespace {

// Set by noKeychainStoresNothing for the copy of this program it starts without a keychain.
constexpr const char *ChildVariable = "WHARF_KEYCHAIN_TEST_CHILD";

bool isChild()
{
    return qEnvironmentVariableIsSet(ChildVariable);
}

// Collects what a callback receives. Declare it before the context object it is used with, so
// that the context dies first and a late answer can never reach a destroyed collector.
template <typename T>
struct Answers
{
    QList<T> received;
    auto callback()
    {
        return [this](T result) { received.append(std::move(result)); };
    }
};

// Every file under `root`, so that a test can show that nothing was written.
QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

} // namespace

Q_DECLARE_METATYPE(wharf::Credentials)

class tst_Keychain final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void storeLookupErase_data();
    void storeLookupErase();
    void entryFormat();
    void storeReplaces();
    void unknownEntryIsNothing();
    void eraseUnknownSucceeds();
    void hubAliasesShareOneEntry();
    void emptyCredentialsAreRefused();
    void foreignEntryIsAnError();

    void noKeychainStoresNothing_data();
    void noKeychainStoresNothing();
    void noKeychainChild();

private:
    void store(KeychainStore &keychain, const QString &registry, const Credentials &credentials);
    void erase(KeychainStore &keychain, const QString &registry);
    [[nodiscard]] LookupResult lookup(KeychainStore &keychain, const QString &registry);
};

void tst_Keychain::initTestCase()
{
    if (isChild())
        return;
    if (!qEnvironmentVariableIsSet("WHARF_TEST_KEYRING"))
        QSKIP("needs a private keyring: run through tests/run-with-keyring.sh (ctest does)");
}

void tst_Keychain::store(KeychainStore &keychain, const QString &registry, const Credentials &credentials)
{
    Answers<Result<void>> answers;
    QObject context;
    keychain.store(registry, credentials, &context, answers.callback());
    QVERIFY(answers.received.isEmpty());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY2(answers.received.first(),
             answers.received.first() ? "" : qPrintable(answers.received.first().error().message()));
}

void tst_Keychain::erase(KeychainStore &keychain, const QString &registry)
{
    Answers<Result<void>> answers;
    QObject context;
    keychain.erase(registry, &context, answers.callback());
    QVERIFY(answers.received.isEmpty());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY2(answers.received.first(),
             answers.received.first() ? "" : qPrintable(answers.received.first().error().message()));
}

LookupResult tst_Keychain::lookup(KeychainStore &keychain, const QString &registry)
{
    Answers<LookupResult> answers;
    QObject context;
    keychain.lookup(registry, &context, answers.callback());
    if (!answers.received.isEmpty())
        return fail(Error::Code::Unsupported, QStringLiteral("lookup answered synchronously"));
    if (!QTest::qWaitFor([&] { return !answers.received.isEmpty(); }, 10000))
        return fail(Error::Code::Timeout, QStringLiteral("lookup did not answer"));
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    if (answers.received.size() != 1)
        return fail(Error::Code::Unsupported, QStringLiteral("lookup answered more than once"));
    return answers.received.first();
}

void tst_Keychain::storeLookupErase_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<Credentials>("credentials");

    QTest::addRow("password") << QStringLiteral("password.example:5000")
                              << Credentials{QStringLiteral("alice"), QStringLiteral("hunter2"), {}};
    QTest::addRow("identity token") << QStringLiteral("token.example")
                                    << Credentials{QStringLiteral("bob"), {}, QStringLiteral("refresh-token")};
    QTest::addRow("JSON metacharacters and unicode")
        << QStringLiteral("awkward.example")
        << Credentials{QString::fromUtf8("jörg"), QString::fromUtf8("p\"a\\ss}{\n wörd"), {}};
    QTest::addRow("6 KB token") << QStringLiteral("big.example")
                                << Credentials{QStringLiteral("carol"), {}, QString(6 * 1024, QLatin1Char('t'))};
    QTest::addRow("hub") << QStringLiteral("docker.io")
                         << Credentials{QStringLiteral("dave"), QStringLiteral("dckr_pat_x"), {}};
}

void tst_Keychain::storeLookupErase()
{
    QFETCH(QString, registry);
    QFETCH(Credentials, credentials);

    KeychainStore keychain;
    store(keychain, registry, credentials);
    if (QTest::currentTestFailed())
        return;

    const LookupResult found = lookup(keychain, registry);
    QVERIFY2(found, found ? "" : qPrintable(found.error().message()));
    QVERIFY(found->has_value());
    QCOMPARE((*found)->username, credentials.username);
    QCOMPARE((*found)->secret, credentials.secret);
    QCOMPARE((*found)->identityToken, credentials.identityToken);

    // A second store object reads the same keychain.
    KeychainStore other;
    const LookupResult again = lookup(other, registry);
    QVERIFY(again && again->has_value());
    QVERIFY(**again == credentials);

    erase(keychain, registry);
    if (QTest::currentTestFailed())
        return;
    const LookupResult gone = lookup(keychain, registry);
    QVERIFY2(gone, gone ? "" : qPrintable(gone.error().message()));
    QVERIFY(!gone->has_value());
}

void tst_Keychain::entryFormat()
{
    // Service "wharf", key "registry:<registry>", compact JSON: what other tools (and later
    // versions of Wharf) can rely on. Read back with QtKeychain itself.
    KeychainStore keychain;
    const QString registry = QStringLiteral("format.example:5000");
    QCOMPARE(KeychainStore::keyFor(registry), QStringLiteral("registry:format.example:5000"));
    store(keychain, registry, Credentials{QStringLiteral("alice"), QStringLiteral("s3cret"), QStringLiteral("tok")});
    if (QTest::currentTestFailed())
        return;

    QKeychain::ReadPasswordJob job(QString(KeychainStore::Service));
    job.setAutoDelete(false);
    job.setKey(QStringLiteral("registry:format.example:5000"));
    QSignalSpy finished(&job, &QKeychain::Job::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(job.error(), QKeychain::NoError);
    const QByteArray value = job.binaryData();
    QVERIFY(!value.contains('\n'));
    QVERIFY(!value.contains(' '));
    const QJsonObject object = QJsonDocument::fromJson(value).object();
    QCOMPARE(object.value(QLatin1StringView("username")).toString(), QStringLiteral("alice"));
    QCOMPARE(object.value(QLatin1StringView("secret")).toString(), QStringLiteral("s3cret"));
    QCOMPARE(object.value(QLatin1StringView("identitytoken")).toString(), QStringLiteral("tok"));

    erase(keychain, registry);
}

void tst_Keychain::storeReplaces()
{
    KeychainStore keychain;
    const QString registry = QStringLiteral("replace.example");
    store(keychain, registry, Credentials{QStringLiteral("old"), QStringLiteral("old-secret"), {}});
    store(keychain, registry, Credentials{QStringLiteral("new"), QStringLiteral("new-secret"), {}});
    if (QTest::currentTestFailed())
        return;
    const LookupResult found = lookup(keychain, registry);
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->username, QStringLiteral("new"));
    QCOMPARE((*found)->secret, QStringLiteral("new-secret"));
    erase(keychain, registry);
}

void tst_Keychain::unknownEntryIsNothing()
{
    KeychainStore keychain;
    const LookupResult found = lookup(keychain, QStringLiteral("never-stored.example"));
    QVERIFY2(found, found ? "" : qPrintable(found.error().message()));
    QVERIFY(!found->has_value());
}

void tst_Keychain::eraseUnknownSucceeds()
{
    KeychainStore keychain;
    erase(keychain, QStringLiteral("never-stored.example"));
}

void tst_Keychain::hubAliasesShareOneEntry()
{
    KeychainStore keychain;
    QCOMPARE(KeychainStore::keyFor(QStringLiteral("index.docker.io")), QStringLiteral("registry:docker.io"));
    store(keychain, QStringLiteral("docker.io"), Credentials{QStringLiteral("hub"), QStringLiteral("pat"), {}});
    if (QTest::currentTestFailed())
        return;
    const LookupResult found = lookup(keychain, QStringLiteral("registry-1.docker.io"));
    QVERIFY(found && found->has_value());
    QCOMPARE((*found)->username, QStringLiteral("hub"));
    erase(keychain, QStringLiteral("index.docker.io"));
    const LookupResult gone = lookup(keychain, QStringLiteral("docker.io"));
    QVERIFY(gone && !gone->has_value());
}

void tst_Keychain::emptyCredentialsAreRefused()
{
    Answers<Result<void>> answers;
    QObject context;
    KeychainStore keychain;
    keychain.store(QStringLiteral("empty.example"), Credentials{}, &context, answers.callback());
    QVERIFY(answers.received.isEmpty());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY(!answers.received.first());
    QCOMPARE(answers.received.first().error().code(), Error::Code::Credentials);
}

void tst_Keychain::foreignEntryIsAnError()
{
    // An entry under Wharf's key that Wharf did not write is not silently "no credentials".
    QKeychain::WritePasswordJob job(QString(KeychainStore::Service));
    job.setAutoDelete(false);
    job.setKey(KeychainStore::keyFor(QStringLiteral("foreign.example")));
    job.setBinaryData("not JSON at all");
    QSignalSpy finished(&job, &QKeychain::Job::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(job.error(), QKeychain::NoError);

    KeychainStore keychain;
    const LookupResult found = lookup(keychain, QStringLiteral("foreign.example"));
    QVERIFY(!found);
    QCOMPARE(found.error().code(), Error::Code::Credentials);
    QVERIFY(!found.error().message().contains(QStringLiteral("not JSON")));
    erase(keychain, QStringLiteral("foreign.example"));
}

void tst_Keychain::noKeychainStoresNothing_data()
{
    QTest::addColumn<QString>("busAddress"); // empty: no session bus configured at all

    QTest::addRow("bus address points nowhere") << QStringLiteral("unix:path=%1/no-such-bus");
    QTest::addRow("no session bus configured") << QString();
}

void tst_Keychain::noKeychainStoresNothing()
{
    if (isChild())
        QSKIP("this is the child");
    QFETCH(QString, busAddress);

    // QtKeychain picks its backend once per process and GLib keeps its bus connection, so the
    // keychain-less world is a fresh copy of this program with its own, empty HOME.
    QTemporaryDir home;
    QTemporaryDir runtime;
    QVERIFY(home.isValid() && runtime.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("DISPLAY"),
                                QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("WHARF_TEST_KEYRING"),
                                QStringLiteral("GNOME_KEYRING_CONTROL"), QStringLiteral("XDG_CURRENT_DESKTOP"),
                                QStringLiteral("DESKTOP_SESSION"), QStringLiteral("KDE_FULL_SESSION")})
        environment.remove(name);
    if (!busAddress.isEmpty())
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress.arg(runtime.path()));
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    environment.insert(QString::fromLatin1(ChildVariable), QStringLiteral("1"));

    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.setWorkingDirectory(home.path());
    QSignalSpy finished(&child, &QProcess::finished);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noKeychainChild")});
    QVERIFY(finished.wait(60000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : tst_Keychain::noKeychainChild()"), output.constData());

    // No plaintext fallback: not a file in HOME (QSettings, a keyring file, anything).
    const QStringList written = filesUnder(home.path()) + filesUnder(runtime.path());
    QVERIFY2(written.isEmpty(), qPrintable(written.join(QLatin1Char('\n'))));
}

void tst_Keychain::noKeychainChild()
{
    if (!isChild())
        QSKIP("runs in the copy of this program that noKeychainStoresNothing starts");

    const QString registry = QStringLiteral("nokeychain.example:5000");
    KeychainStore keychain;
    {
        Answers<Result<void>> answers;
        QObject context;
        keychain.store(registry, Credentials{QStringLiteral("alice"), QStringLiteral("hunter2"), {}}, &context,
                       answers.callback());
        QTRY_COMPARE_WITH_TIMEOUT(answers.received.size(), 1, 30000);
        QVERIFY(!answers.received.first());
        QCOMPARE(answers.received.first().error().code(), Error::Code::Credentials);
        QVERIFY(!answers.received.first().error().message().contains(QStringLiteral("hunter2")));
        qInfo("store: %s", qPrintable(answers.received.first().error().message()));
    }
    {
        // No keychain is "nothing from the keychain": Docker's config.json and credential helpers
        // must still answer on a server, in CI or over SSH (tst_headless drives that end to end).
        const LookupResult found = lookup(keychain, registry);
        QVERIFY2(found, qPrintable(found ? QString() : found.error().message()));
        QVERIFY(!found->has_value());
    }
    {
        Answers<Result<void>> answers;
        QObject context;
        keychain.erase(registry, &context, answers.callback());
        QTRY_COMPARE_WITH_TIMEOUT(answers.received.size(), 1, 30000);
        QVERIFY(!answers.received.first());
        QCOMPARE(answers.received.first().error().code(), Error::Code::Credentials);
    }
}

QTEST_GUILESS_MAIN(tst_Keychain)
#include "tst_keychain.moc"
