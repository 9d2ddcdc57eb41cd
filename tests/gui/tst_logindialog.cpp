// The login dialog against a real token-auth registry (TokenServer + docker-registry) and a real
// gnome-keyring (tests/run-with-keyring.sh): a wrong password keeps the dialog open and stores
// nothing; the right one lands in the keychain and closes it; without a keychain (a copy of this
// program whose session bus points nowhere) the login is kept for the run only, the dialog says
// so, and no file anywhere holds the password. And the same from the main window: File → Log In…
// with a wrong password (a clear error, nothing stored), then the right one (kept in the keychain),
// after which the private repository the window could not list before browses down to its platforms.
// The dialog says where a login will be kept before anything is typed (the keychain by name, or
// this run only), and File → Log Out lists the kept logins (keychain and this run's) and removes
// one: the keychain entry goes, and so do the tokens the window held, so the private repository is
// refused again.
#include "LoginDialog.h"
#include "MainWindow.h"
#include "PlatformsPane.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "RegistryProcess.h"
#include "TestbedImages.h"
#include "TokenServer.h"
#include "credentials/ChainedCredentialSource.h"
#include "credentials/KeychainStore.h"
#include "credentials/SessionCredentialSource.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/TagListModel.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"
#include "WindowBed.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *ChildVariable = "WHARF_LOGINDIALOG_TEST_CHILD";
constexpr const char *RegistryVariable = "WHARF_LOGINDIALOG_TEST_REGISTRY";

bool isChild()
{
    return qEnvironmentVariableIsSet(ChildVariable);
}

using Lookup = Result<std::optional<Credentials>>;

std::optional<Lookup> lookupIn(CredentialSource &source, const QString &registry)
{
    QObject context;
    std::optional<Lookup> answer;
    source.lookup(registry, &context, [&](Lookup result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20'000))
        return std::nullopt;
    return answer;
}

void fillIn(LoginDialog &dialog, const QString &user, const QString &secret)
{
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"username"_s), user);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"secret"_s), secret);
}

QPushButton *okButton(LoginDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class tst_LoginDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void secretIsHidden();
    void wrongPasswordKeepsDialogOpen();
    void notARegistryHostAsksNothing();
    void rightPasswordGoesToKeychain();
    void noKeychainKeepsLoginForSession();
    void noKeychainChild();
    void windowLoginThenPrivateBrowse();
    void windowLogOut();

private:
    QString registry() const;

    TestbedImages m_images;
    TokenServer m_tokens;
    RegistryProcess m_registry;
};

void tst_LoginDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The window's rate-limit meter asks "docker.io"; here that must stay on loopback (and fail).
    qputenv("WHARF_DOCKERHUB_REGISTRY_URL", "http://127.0.0.1:9");
    if (isChild())
        return; // the parent's registry is named in the environment
    if (qEnvironmentVariableIsEmpty("WHARF_TEST_KEYRING"))
        QSKIP("needs a private keyring: run through tests/run-with-keyring.sh (ctest does)");
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    m_tokens.addUser(u"bob"_s, u"hunter2"_s);
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::EmptyToken);
    QVERIFY2(m_tokens.listen(&error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    options = m_tokens.registryOptions(options);
    QVERIFY2(m_registry.start(options, &error), qPrintable(error));
}

QString tst_LoginDialog::registry() const
{
    return isChild() ? qEnvironmentVariable(RegistryVariable) : m_registry.hostPort();
}

void tst_LoginDialog::secretIsHidden()
{
    if (isChild())
        QSKIP("parent only");
    KeychainStore keychain;
    SessionCredentialSource session;
    LoginDialog dialog(&keychain, &session);
    dialog.setRegistry(u"HTTPS://Index.Docker.io/v1/"_s);
    QCOMPARE(dialog.registry(), u"docker.io"_s);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"secret"_s)->echoMode(), QLineEdit::Password);
    QVERIFY(!okButton(dialog)->isEnabled()); // nothing to check yet
    fillIn(dialog, u"bob"_s, u"x"_s);
    QVERIFY(okButton(dialog)->isEnabled());
}

void tst_LoginDialog::wrongPasswordKeepsDialogOpen()
{
    if (isChild())
        QSKIP("parent only");
    KeychainStore keychain;
    SessionCredentialSource session;
    LoginDialog dialog(&keychain, &session);
    QSignalSpy loggedIn(&dialog, &LoginDialog::loggedIn);
    dialog.setRegistry(registry());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillIn(dialog, u"bob"_s, u"not-the-password"_s);

    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog.isBusy()); // asynchronous: the GUI thread goes on
    QVERIFY(!okButton(dialog)->isEnabled());
    auto *status = dialog.findChild<QLabel *>(u"status"_s);
    QVERIFY(status->isVisible());

    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 30'000);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(status->isVisible());
    QVERIFY(!status->text().isEmpty());
    QVERIFY(!status->text().contains(u'\n'));
    QVERIFY(!status->text().contains(u"not-the-password"_s));
    QVERIFY(okButton(dialog)->isEnabled()); // try again
    QCOMPARE(loggedIn.size(), 0);

    const auto stored = lookupIn(keychain, registry());
    QVERIFY(stored && *stored);
    QVERIFY(!stored->value().has_value());
    QVERIFY(!session.contains(registry()));
}

// Issue 12, defect 13: a host no registry can have is refused in the dialog, before any request.
void tst_LoginDialog::notARegistryHostAsksNothing()
{
    if (isChild())
        QSKIP("parent only");
    KeychainStore keychain;
    SessionCredentialSource session;
    LoginDialog dialog(&keychain, &session);
    QSignalSpy loggedIn(&dialog, &LoginDialog::loggedIn);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *host = dialog.findChild<QLineEdit *>(u"registry"_s);
    QVERIFY(host);
    host->setFocus();
    QTest::keyClicks(host, u"not a registry!!/x"_s);
    fillIn(dialog, u"bob"_s, u"secret"_s);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(!dialog.isBusy()); // nothing was asked
    auto *status = dialog.findChild<QLabel *>(u"status"_s);
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().contains(u"not a registry host"_s), qPrintable(status->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(loggedIn.size(), 0);
    QVERIFY(!session.contains(u"not a registry!!"_s));
}

void tst_LoginDialog::rightPasswordGoesToKeychain()
{
    if (isChild())
        QSKIP("parent only");
    KeychainStore keychain;
    SessionCredentialSource session;
    LoginDialog dialog(&keychain, &session);
    QSignalSpy loggedIn(&dialog, &LoginDialog::loggedIn);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.setRegistry(registry());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Before anything is typed, the dialog says where the login will go (issue 12, defect 13).
    auto *note = dialog.findChild<QLabel *>(u"keychainNote"_s);
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(u"GNOME Keyring"_s), 20'000);
    QVERIFY2(note->text().startsWith(u"Saved in your keychain"_s), qPrintable(note->text()));
    fillIn(dialog, u"bob"_s, u"hunter2"_s);
    const int tokensBefore = m_tokens.tokensIssued();

    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(accepted.wait(30'000));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QVERIFY(m_tokens.tokensIssued() > tokensBefore);
    QCOMPARE(loggedIn.size(), 1);
    QCOMPARE(loggedIn.first().at(0).toString(), registry());
    QCOMPARE(loggedIn.first().at(1).toBool(), true);

    const auto stored = lookupIn(keychain, registry());
    QVERIFY(stored && *stored);
    QVERIFY(stored->value().has_value());
    QCOMPARE(stored->value()->username, u"bob"_s);
    QCOMPARE(stored->value()->secret, u"hunter2"_s);
    QVERIFY(!session.contains(registry()));

    bool erased = false;
    QObject context;
    keychain.erase(registry(), &context, [&](Result<void> r) { erased = bool(r); });
    QTRY_VERIFY_WITH_TIMEOUT(erased, 20'000);
}

void tst_LoginDialog::noKeychainKeepsLoginForSession()
{
    if (isChild())
        QSKIP("this is the child");
    // QtKeychain picks its backend once per process, so the keychain-less world is a fresh copy
    // of this program with its own empty HOME and a session bus address that leads nowhere.
    QTemporaryDir home;
    QTemporaryDir runtime;
    QVERIFY(home.isValid() && runtime.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"WHARF_TEST_KEYRING"_s, u"GNOME_KEYRING_CONTROL"_s,
                                u"XDG_CURRENT_DESKTOP"_s, u"DESKTOP_SESSION"_s, u"KDE_FULL_SESSION"_s})
        environment.remove(name);
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=%1/no-such-bus"_s.arg(runtime.path()));
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u".config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u".local/share"_s));
    environment.insert(u"XDG_CACHE_HOME"_s, home.filePath(u".cache"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(QString::fromLatin1(ChildVariable), u"1"_s);
    environment.insert(QString::fromLatin1(RegistryVariable), registry());

    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.setWorkingDirectory(home.path());
    QSignalSpy finished(&child, &QProcess::finished);
    child.start(QCoreApplication::applicationFilePath(), {u"noKeychainChild"_s});
    QVERIFY(finished.wait(60'000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : tst_LoginDialog::noKeychainChild()"), output.constData());

    // No plaintext fallback: no file the child could write holds the password.
    for (const QString &root : {home.path(), runtime.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            QVERIFY2(!file.readAll().contains("hunter2"), qPrintable(file.fileName()));
        }
    }
}

void tst_LoginDialog::noKeychainChild()
{
    if (!isChild())
        QSKIP("runs in the copy of this program that noKeychainKeepsLoginForSession starts");
    KeychainStore keychain;
    SessionCredentialSource session;
    LoginDialog dialog(&keychain, &session);
    QSignalSpy loggedIn(&dialog, &LoginDialog::loggedIn);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.setRegistry(registry());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Said before the password is typed, not only after the login (issue 12, defect 13).
    auto *note = dialog.findChild<QLabel *>(u"keychainNote"_s);
    QTRY_VERIFY_WITH_TIMEOUT(note->text().startsWith(u"No keychain on this machine"_s), 20'000);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"until Wharf closes"_s), qPrintable(note->text()));
    fillIn(dialog, u"bob"_s, u"hunter2"_s);
    dialog.adjustSize();
    screenshot(&dialog, u"login-no-keychain"_s);

    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(loggedIn.wait(30'000));
    QCOMPARE(loggedIn.first().at(0).toString(), registry());
    QCOMPARE(loggedIn.first().at(1).toBool(), false);
    // Still open, saying the login lasts for this run only.
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.isBusy());
    auto *status = dialog.findChild<QLabel *>(u"status"_s);
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), LoginDialog::tr("No system keychain is available; Wharf will use this login until you quit."));
    QVERIFY(session.contains(registry()));
    const auto kept = lookupIn(session, registry());
    QVERIFY(kept && *kept && kept->value().has_value());
    QCOMPARE(kept->value()->username, u"bob"_s);
    QCOMPARE(kept->value()->secret, u"hunter2"_s);

    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void tst_LoginDialog::windowLoginThenPrivateBrowse()
{
    if (isChild())
        QSKIP("parent only");
    KeychainStore keychain;
    SessionCredentialSource session;
    ChainedCredentialSource credentials({&session, &keychain});
    RegistryClient client;
    client.setCredentialSource(&credentials);
    QTemporaryDir storeDir;
    auto store = ImageStore::open(storeDir.filePath(u"store"_s));
    QVERIFY(store);
    MainWindow::Services services;
    services.registry = &client;
    services.store = *store;
    services.keychain = &keychain;
    services.session = &session;
    MainWindow window(services);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Anonymous callers get a token that grants nothing: the repository is private to them.
    const QString repository = registry() + u"/multi"_s;
    Q_EMIT window.searchPane()->repositorySelected(repository);
    StatePanel *tags = window.tagsPane()->statePanel();
    QTRY_COMPARE_WITH_TIMEOUT(tags->kind(), StatePanel::Kind::Error, 30'000);
    QVERIFY(window.tagModel()->errorCode() == Error::Code::Unauthorized
            || window.tagModel()->errorCode() == Error::Code::Denied);

    // File → Log In…, for the registry of the repository on screen.
    auto *login = window.findChild<QAction *>(u"loginAction"_s);
    QVERIFY(login && login->isEnabled());
    login->trigger();
    LoginDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<LoginDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->registry(), registry());
    QSignalSpy loggedIn(dialog, &LoginDialog::loggedIn);

    // A wrong password: one clear sentence, the dialog stays, nothing is stored.
    fillIn(*dialog, u"bob"_s, u"wrong-password"_s);
    QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30'000);
    auto *status = dialog->findChild<QLabel *>(u"status"_s);
    QVERIFY(dialog->isVisible());
    QVERIFY(status->isVisible() && !status->text().isEmpty());
    QVERIFY(!status->text().contains(u"wrong-password"_s));
    QCOMPARE(loggedIn.size(), 0);
    const auto nothing = lookupIn(keychain, registry());
    QVERIFY(nothing && *nothing && !nothing->value().has_value());
    QVERIFY(!session.contains(registry()));
    {
        // For review: the dialog with its error, over the window (the offscreen platform does not
        // apply the layout's minimum size to a top-level, so lay the dialog out first).
        dialog->adjustSize();
        QPixmap shot = window.grab();
        const QPixmap dialogShot = dialog->grab();
        QPainter painter(&shot);
        const QPoint at((shot.width() - dialogShot.width()) / 2, (shot.height() - dialogShot.height()) / 3);
        painter.fillRect(QRect(at + QPoint(4, 4), dialogShot.size()), QColor(0, 0, 0, 60));
        painter.drawPixmap(at, dialogShot);
        painter.end();
        const QString dir = QStringLiteral(WHARF_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u"/11-login-dialog.png"_s));
    }

    // The right one: stored in the keychain, the dialog closes, the window says so.
    auto *secret = dialog->findChild<QLineEdit *>(u"secret"_s);
    secret->clear();
    QTest::keyClicks(secret, u"hunter2"_s);
    QPointer<LoginDialog> open = dialog;
    QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 30'000);
    QCOMPARE(loggedIn.first().at(1).toBool(), true);
    QTRY_VERIFY(!open || !open->isVisible());
    QVERIFY(window.statusBar()->currentMessage().contains(registry()));
    const auto stored = lookupIn(keychain, registry());
    QVERIFY(stored && *stored && stored->value().has_value());
    QCOMPARE(stored->value()->username, u"bob"_s);

    // Now the private repository lists its tags (Retry in the Tags pane) and resolves a tag.
    QVERIFY(tags->retryButton()->isVisible());
    QTest::mouseClick(tags->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tags->kind(), StatePanel::Kind::Content, 30'000);
    QVERIFY(window.tagsPane()->selectTag(u"latest"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.platformModel()->platformCount(), 3, 30'000);
    QCOMPARE(window.platformsPane()->statePanel()->kind(), StatePanel::Kind::Content);

    bool erased = false;
    QObject context;
    keychain.erase(registry(), &context, [&](Result<void> r) { erased = bool(r); });
    QTRY_VERIFY_WITH_TIMEOUT(erased, 20'000);
}

// Issue 12, defect 13: File → Log Out per registry.
void tst_LoginDialog::windowLogOut()
{
    if (isChild())
        QSKIP("parent only");
    KeychainStore keychain;
    SessionCredentialSource session;
    ChainedCredentialSource credentials({&session, &keychain});
    RegistryClient client;
    client.setCredentialSource(&credentials);
    QTemporaryDir storeDir;
    auto store = ImageStore::open(storeDir.filePath(u"store"_s));
    QVERIFY(store);
    MainWindow::Services services;
    services.registry = &client;
    services.store = *store;
    services.keychain = &keychain;
    services.session = &session;
    MainWindow window(services);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Logged in through the window (kept in the keychain), and another registry for this run only.
    auto *login = window.findChild<QAction *>(u"loginAction"_s);
    login->trigger();
    LoginDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<LoginDialog *>()) && dialog->isVisible());
    QSignalSpy loggedIn(dialog, &LoginDialog::loggedIn);
    auto *host = dialog->findChild<QLineEdit *>(u"registry"_s);
    host->clear();
    QTest::keyClicks(host, registry());
    fillIn(*dialog, u"bob"_s, u"hunter2"_s);
    QTest::mouseClick(okButton(*dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 30'000);
    QVERIFY(loggedIn.first().at(1).toBool());
    session.remember(u"elsewhere.example:5000"_s, Credentials{u"carol"_s, u"pw"_s, {}});

    // The private repository lists its tags with the login.
    const QString repository = registry() + u"/multi"_s;
    Q_EMIT window.searchPane()->repositorySelected(repository);
    StatePanel *tags = window.tagsPane()->statePanel();
    QTRY_COMPARE_WITH_TIMEOUT(tags->kind(), StatePanel::Kind::Content, 30'000);

    // File → Log Out ▸ lists both, saying where each is kept.
    QMenu *fileMenu = nullptr;
    for (QAction *top : window.menuBar()->actions()) {
        if (top->menu() && top->menu()->actions().contains(login))
            fileMenu = top->menu();
    }
    QVERIFY(fileMenu);
    auto *logoutMenu = window.findChild<QMenu *>(u"logoutMenu"_s);
    QVERIFY(logoutMenu);
    QVERIFY(logoutMenu->isEnabled());
    fileMenu->popup(window.mapToGlobal(QPoint(10, 10)));
    QVERIFY(QTest::qWaitForWindowExposed(fileMenu));
    fileMenu->setActiveAction(logoutMenu->menuAction());
    QTest::keyClick(fileMenu, Qt::Key_Right); // opens the submenu, as a person would
    QTRY_VERIFY(logoutMenu->isVisible());
    const auto logoutActions = [&] {
        QHash<QString, QAction *> byRegistry;
        for (QAction *action : logoutMenu->actions()) {
            if (action->objectName() == u"logoutAction")
                byRegistry.insert(action->data().toString(), action);
        }
        return byRegistry;
    };
    QTRY_COMPARE_WITH_TIMEOUT(logoutActions().size(), 2, 20'000);
    QAction *fromKeychain = logoutActions().value(registry());
    QAction *forThisRun = logoutActions().value(u"elsewhere.example:5000"_s);
    QVERIFY(fromKeychain && forThisRun);
    QVERIFY2(fromKeychain->text().contains(u"keychain"_s) && fromKeychain->text().contains(u"bob"_s), qPrintable(fromKeychain->text()));
    QVERIFY2(forThisRun->text().contains(u"this session"_s), qPrintable(forThisRun->text()));
    {
        // For review: the window with File → Log Out open.
        QPixmap shot = window.grab();
        QPainter painter(&shot);
        const QPoint fileAt = window.mapFromGlobal(fileMenu->pos());
        painter.drawPixmap(fileAt, fileMenu->grab());
        painter.drawPixmap(window.mapFromGlobal(logoutMenu->pos()), logoutMenu->grab());
        painter.end();
        const QString dir = QStringLiteral(WHARF_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u"/logout-menu.png"_s));
    }

    // Log out of the keychain's: gone from the keychain, the status bar says so, and the window's
    // tokens went with it: the private repository is refused again.
    fromKeychain->trigger();
    logoutMenu->hide();
    fileMenu->hide();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(u"Logged out of "_s + registry()), 20'000);
    QVERIFY2(window.statusBar()->currentMessage().contains(u"keychain"_s), qPrintable(window.statusBar()->currentMessage()));
    const auto gone = lookupIn(keychain, registry());
    QVERIFY(gone && *gone && !gone->value().has_value());
    window.findChild<QAction *>(u"refreshAction"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(tags->kind(), StatePanel::Kind::Error, 30'000);
    QVERIFY(window.tagModel()->errorCode() == Error::Code::Unauthorized || window.tagModel()->errorCode() == Error::Code::Denied);

    // And of this run's: forgotten, and no longer listed (the menu is listed afresh after a logout).
    QTRY_COMPARE_WITH_TIMEOUT(logoutActions().size(), 1, 20'000);
    forThisRun = logoutActions().value(u"elsewhere.example:5000"_s);
    QVERIFY(forThisRun);
    forThisRun->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(u"elsewhere.example:5000"_s), 20'000);
    QVERIFY(!session.contains(u"elsewhere.example:5000"_s));
    QTRY_VERIFY_WITH_TIMEOUT(logoutActions().isEmpty(), 20'000);
    QVERIFY(window.findChild<QAction *>(u"noLoginsAction"_s));
}

QTEST_MAIN(tst_LoginDialog)
#include "tst_logindialog.moc"
