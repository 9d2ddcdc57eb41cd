// The window's Help menu, View → Refresh and the way it writes counts, dates and passing messages
// (issue 12, defect 16 and the Help and Refresh items), driven as a person would: shortcuts
// pressed on the window, menu items triggered, dialogs found as the active modal window.
//   - Ctrl+? lists every shortcut the window's actions and shortcuts have (read from them);
//   - Help → About names the version, the Qt it runs on and the licenses; F1 shows the README;
//   - F5 shows a tag pushed since, and the new image of a tag that moved, asking the unchanged
//     tag again with a HEAD only (no manifest GET);
//   - the Repository header says "updated … ago" with the full date in its tooltip; Korean dates
//     keep four-digit years; plural forms are real in English; status messages expire;
//   - the config table shows label names whole.
#include "EfficiencyPanel.h"
#include "HelpDialogs.h"
#include "ImagePane.h"
#include "Localization.h"
#include "MainWindow.h"
#include "RepositoryPane.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "core/DateText.h"
#include "hub/HubTypes.h"
#include "itemmodels/ConfigModel.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ImageEfficiencyModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/SearchModel.h"
#include "itemmodels/TagListModel.h"
#include "registry/DocumentCache.h"
#include "registry/RegistryClient.h"

#include "DockerHubBed.h"
#include "FaultProxy.h"
#include "TestSupport.h"
#include "WindowBed.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

// The names a list of shortcuts gives an action: "&Log In…" is "Log In".
QString plain(QString text)
{
    text.remove(QRegularExpression(u"&(?!&)"_s));
    while (text.endsWith(u'…'))
        text.chop(1);
    return text.trimmed();
}

void showActive(MainWindow &window)
{
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

} // namespace

class tst_HelpAndText final : public QObject, protected WindowBed
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_locale = QLocale();
        startBed();
        // English as the application installs it: with its plural forms.
        QVERIFY(m_english.install(QLocale(QLocale::English)));
    }
    void init()
    {
        resetForTest();
        // As the real window has it: tags are asked with a HEAD, documents come from the cache.
        m_client->setDocumentCache(std::make_shared<DocumentCache>(m_dir->filePath(u"cache"_s)));
    }
    void cleanup()
    {
        QLocale::setDefault(m_locale);
        tearDownTest();
    }

    void shortcutsListEveryShortcut();
    void aboutNamesVersionQtAndLicenses();
    void readmeOpensOffline();
    void refreshShowsServerChanges();
    void repositoryHeaderSaysHowLongAgo();
    void datesKeepFourDigitYearsInKorean();
    void countsHaveRealPluralForms();
    void statusMessagesExpire();
    void configNamesAreWhole();
    void efficiencyPathsElideInTheMiddle();

private:
    QLocale m_locale;
    Localization m_english;
};

void tst_HelpAndText::shortcutsListEveryShortcut()
{
    MainWindow window(services());
    useFakeDesktop(window);
    showActive(window);

    if (QGuiApplication::platformName() == u"xcb" && !QStandardPaths::findExecutable(u"xdotool"_s).isEmpty()) {
        // On a real X server, the keys a person presses: Ctrl with Shift+/ (what types "?").
        const ProgramRun pressed = runProgram(u"xdotool"_s, {u"key"_s, u"--clearmodifiers"_s, u"ctrl+shift+slash"_s});
        QCOMPARE(pressed.exitCode, 0);
    } else {
        QTest::keyClick(&window, Qt::Key_Question, Qt::ControlModifier);
    }
    ShortcutsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<ShortcutsDialog *>(QApplication::activeModalWidget())));
    QVERIFY(dialog->isVisible());
    QTableWidget *table = dialog->table();

    // Every action of the window with a key is listed with that key, and nothing else is.
    QMultiHash<QString, QString> listed;
    for (int row = 0; row < table->rowCount(); ++row)
        listed.insert(table->item(row, 0)->text(), table->item(row, 2)->text());
    int withKeys = 0;
    for (const QAction *action : window.findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        ++withKeys;
        const QString key = action->shortcut().toString(QKeySequence::NativeText);
        bool found = false;
        for (const QString &keys : listed.values(plain(action->text())))
            found = found || keys.split(u", "_s).contains(key);
        QVERIFY2(found, qPrintable(u"%1 (%2) is not listed"_s.arg(action->text(), key)));
    }
    QVERIFY(withKeys >= 6); // Quit, Find, Copy, Settings, Refresh, the Help items
    QVERIFY(listed.contains(u"Refresh"_s));
    QCOMPARE(listed.value(u"Refresh"_s), QKeySequence(Qt::Key_F5).toString(QKeySequence::NativeText));
    QVERIFY(listed.contains(u"Keyboard Shortcuts"_s));
    screenshot(dialog, u"help-shortcuts"_s);

    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!QApplication::activeModalWidget());
}

void tst_HelpAndText::aboutNamesVersionQtAndLicenses()
{
    MainWindow window(services());
    showActive(window);
    auto *about = window.findChild<QAction *>(u"aboutAction"_s);
    QVERIFY(about);
    about->trigger();
    AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<AboutDialog *>(QApplication::activeModalWidget())));
    auto *text = dialog->findChild<QLabel *>(u"aboutText"_s);
    QVERIFY(text);
    const QString html = text->text();
    QVERIFY2(html.contains(QStringLiteral(WHARF_VERSION)), qPrintable(html));
    QVERIFY(html.contains(QString::fromLatin1(qVersion())));
    for (const char *license : {"LGPL-3.0", "BSD-3-Clause", "BSD-2-Clause", "Apache-2.0"})
        QVERIFY2(html.contains(QLatin1StringView(license)), license);
    for (const char *component : {"Qt", "QtKeychain", "libarchive", "OpenSSL"})
        QVERIFY2(html.contains(QLatin1StringView(component)), component);
    dialog->adjustSize();
    screenshot(dialog, u"about"_s);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!QApplication::activeModalWidget());
}

void tst_HelpAndText::readmeOpensOffline()
{
    MainWindow window(services());
    showActive(window);
    QVERIFY(window.findChild<QAction *>(u"readmeAction"_s));
    QTest::keyClick(&window, Qt::Key_F1);
    ReadmeDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ReadmeDialog *>()) && dialog->isVisible());
    const QString text = dialog->browser()->toPlainText();
    QVERIFY2(text.contains(u"Wharf"_s), qPrintable(text.left(200)));
    QVERIFY(text.size() > 1000); // the whole README, compiled in: no network, no file next to the binary
    screenshot(dialog, u"readme"_s);
    // Asking again brings the same window forward.
    QTest::keyClick(&window, Qt::Key_F1);
    QCOMPARE(window.findChildren<ReadmeDialog *>().size(), 1);
}

void tst_HelpAndText::refreshShowsServerChanges()
{
    // A repository of its own, so that pushing to it changes nothing another test reads.
    const QString registry = m_bed.registry().hostPort();
    const auto push = [&](const QString &layoutTag, const QString &tag) {
        const ProgramRun copied = runProgram(u"skopeo"_s, {u"--insecure-policy"_s, u"copy"_s, u"--quiet"_s, u"--dest-tls-verify=false"_s,
                                                            u"oci:"_s + m_images.layoutPath() + u':' + layoutTag,
                                                            u"docker://"_s + registry + u"/library/refreshme:"_s + tag});
        QVERIFY2(copied.exitCode == 0, copied.err.constData());
    };
    push(u"single"_s, u"1.0"_s);
    if (QTest::currentTestFailed())
        return;
    // The Hub emulator lists what the registry holds, pushed repositories included.
    m_hub->setStorageRoot(m_bed.registry().storageRoot());
    const auto restore = qScopeGuard([this] { m_hub->setStorageRoot(m_images.storageRoot()); });

    MainWindow window(services());
    useFakeDesktop(window);
    showActive(window);
    QTest::keyClicks(window.searchPane()->queryEdit(), u"refreshme"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->rowCount(), 1, kTimeout);
    window.searchPane()->resultsView()->setCurrentIndex(window.searchModel()->index(0));
    QTRY_VERIFY_WITH_TIMEOUT(window.tagsPane()->selectTag(u"1.0"_s), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.historyModel()->rowCount() > 0, kTimeout);
    QCOMPARE(window.tagModel()->rowCount(), 1);
    const QString before = layerDigestOfCurrentImage(window);
    QVERIFY(!before.isEmpty());

    // Nothing changed: F5 asks the tag with a HEAD, and fetches no manifest again.
    m_proxy->clearRecords();
    QTest::keyClick(&window, Qt::Key_F5);
    // The status bar names what is asked again, platform included.
    QVERIFY2(window.statusBar()->currentMessage().contains(u"refreshme:1.0 (linux/amd64)"_s), qPrintable(window.statusBar()->currentMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->currentTag(), u"1.0"_s, kTimeout);
    int heads = 0;
    for (const UpstreamResponse &response : m_proxy->upstreamResponses()) {
        if (!response.target.contains("/manifests/1.0"))
            continue;
        QVERIFY2(response.method == "HEAD", QByteArray(response.method + ' ' + response.target).constData());
        ++heads;
    }
    QCOMPARE(heads, 1);
    QCOMPARE(layerDigestOfCurrentImage(window), before);

    // On the server: a new tag, and 1.0 moved to another image.
    push(u"multi-arm64"_s, u"2.0"_s);
    push(u"multi-amd64"_s, u"1.0"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window.tagModel()->rowCount(), 1); // the window has not asked yet

    QTest::keyClick(&window, Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(window.tagModel()->rowCount(), 2, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->currentTag(), u"1.0"_s, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(layerDigestOfCurrentImage(window) != before && !layerDigestOfCurrentImage(window).isEmpty(), kTimeout);
    QCOMPARE(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content);
    QVERIFY(window.findChild<QAction *>(u"refreshAction"_s));
}

void tst_HelpAndText::repositoryHeaderSaysHowLongAgo()
{
    MainWindow window(services());
    showActive(window);
    pickMulti(window);
    if (QTest::currentTestFailed())
        return;
    auto *stats = window.repositoryPane()->findChild<QLabel *>(u"repositoryStats"_s);
    QVERIFY(stats);
    QTRY_VERIFY_WITH_TIMEOUT(stats->text().contains(u"updated"_s), kTimeout);
    const QRegularExpression relative(u"updated (just now|\\d+ (minute|hour|day|month|year)s? ago)"_s);
    QVERIFY2(relative.match(stats->text()).hasMatch(), qPrintable(stats->text()));
    // The full date, with its four-digit year, is in the tooltip.
    QVERIFY2(QRegularExpression(u"20\\d\\d"_s).match(stats->toolTip()).hasMatch(), qPrintable(stats->toolTip()));

    // Relative ages pick the unit a person would.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(DateText::relative(now.addSecs(-10), now), u"just now"_s);
    QVERIFY(DateText::relative(now.addSecs(-3 * 86'400), now).contains(u"3"_s));
    QVERIFY(DateText::relative(now.addDays(-800), now).contains(u"2"_s));
}

void tst_HelpAndText::datesKeepFourDigitYearsInKorean()
{
    const QLocale korean(QLocale::Korean, QLocale::SouthKorea);
    const QDateTime when(QDate(2026, 3, 7), QTime(14, 5), Qt::UTC);
    QVERIFY2(!korean.toString(when, QLocale::ShortFormat).contains(u"2026"_s), "Qt's Korean short format has two-digit years");
    QVERIFY2(DateText::dateTime(when, korean).contains(u"2026"_s), qPrintable(DateText::dateTime(when, korean)));
    QVERIFY(DateText::date(when.date(), korean).contains(u"2026"_s));
    QVERIFY(DateText::dateTime(when, QLocale(QLocale::English, QLocale::UnitedStates)).contains(u"2026"_s));
    QCOMPARE(DateText::withFullYear(u"yy. M. d."_s), u"yyyy. M. d."_s);
    QCOMPARE(DateText::withFullYear(u"yyyy-MM-dd 'yy'"_s), u"yyyy-MM-dd 'yy'"_s);

    // The Image pane's history, in a Korean locale.
    QLocale::setDefault(korean);
    MainWindow window(services());
    showActive(window);
    pickImage(window, u"multi"_s, u"latest"_s);
    if (QTest::currentTestFailed())
        return;
    const QString created = window.historyModel()->index(0, HistoryModel::CreatedColumn).data().toString();
    QVERIFY2(QRegularExpression(u"\\b20\\d\\d\\b"_s).match(created).hasMatch(), qPrintable(created));
}

void tst_HelpAndText::countsHaveRealPluralForms()
{
    RepositoryPane pane;
    pane.setRepository(u"multi"_s, u"multi"_s);
    HubRepositoryDetails details;
    details.stars = 1;
    details.pulls = 1;
    pane.setDetails(details);
    auto *stats = pane.findChild<QLabel *>(u"repositoryStats"_s);
    QVERIFY2(!stats->text().contains(u"(s)"_s), qPrintable(stats->text()));
    QVERIFY2(stats->text().contains(u"1 star"_s) && !stats->text().contains(u"stars"_s), qPrintable(stats->text()));
    QVERIFY2(stats->text().contains(u"1 pull"_s) && !stats->text().contains(u"pulls"_s), qPrintable(stats->text()));
    details.stars = 4321;
    details.pulls = 12'345'678'901; // more than an int holds
    pane.setDetails(details);
    QVERIFY2(stats->text().contains(QLocale().toString(4321) + u" stars"_s), qPrintable(stats->text()));
    QVERIFY2(stats->text().contains(QLocale().toString(Q_INT64_C(12'345'678'901)) + u" pulls"_s), qPrintable(stats->text()));
}

void tst_HelpAndText::statusMessagesExpire()
{
    MainWindow window(services());
    showActive(window);
    QVERIFY(!window.statusBar()->currentMessage().isEmpty()); // "Ready"
    // Passing messages go away on their own (kStatusMessageMs: 10 s).
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().isEmpty(), 15'000);
}

void tst_HelpAndText::configNamesAreWhole()
{
    MainWindow window(services());
    showActive(window);
    pickImage(window, u"multi"_s, u"latest"_s);
    if (QTest::currentTestFailed())
        return;
    QTableView *config = window.imagePane()->configView();
    QTRY_VERIFY_WITH_TIMEOUT(config->model()->rowCount() > 0, kTimeout);
    int labelRow = -1;
    for (int row = 0; row < config->model()->rowCount(); ++row) {
        if (config->model()->index(row, ConfigModel::KeyColumn).data().toString() == u"org.opencontainers.image.source")
            labelRow = row;
    }
    QVERIFY(labelRow >= 0);
    const QModelIndex label = config->model()->index(labelRow, ConfigModel::KeyColumn);
    const int needed = config->fontMetrics().horizontalAdvance(label.data().toString());
    QVERIFY2(config->columnWidth(ConfigModel::KeyColumn) >= needed,
             qPrintable(u"%1 px for a name of %2 px"_s.arg(config->columnWidth(ConfigModel::KeyColumn)).arg(needed)));
    QCOMPARE(label.data(Qt::ToolTipRole).toString(), u"org.opencontainers.image.source"_s);
}

// Already so on main (a guard, and the screenshot for the issue): a worst offender's path too long
// for its column keeps its start and its end, and the whole path is in the tooltip.
void tst_HelpAndText::efficiencyPathsElideInTheMiddle()
{
    MainWindow window(services());
    showActive(window);
    pickImage(window, u"layers"_s, u"app"_s);
    if (QTest::currentTestFailed())
        return;
    QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier); // the Efficiency tab
    QTRY_COMPARE_WITH_TIMEOUT(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Ready, kTimeout);
    QTableView *offenders = window.efficiencyPanel()->offendersView();
    QTRY_VERIFY(offenders->isVisible());
    QCOMPARE(offenders->textElideMode(), Qt::ElideMiddle);
    QVERIFY(!offenders->wordWrap());
    const QModelIndex first = offenders->model()->index(0, ImageEfficiencyModel::PathColumn);
    const QString path = first.data(ImageEfficiencyModel::PathRole).toString();
    QCOMPARE(path, u"usr/share/doc/pkg/changelog.bin"_s);
    QVERIFY2(first.data(Qt::ToolTipRole).toString().contains(u'/' + path), qPrintable(first.data(Qt::ToolTipRole).toString()));
    screenshot(&window, u"efficiency-offenders"_s);
}

QTEST_MAIN(tst_HelpAndText)
#include "tst_helpandtext.moc"
