#include "WindowBed.h"

#include "ImagePane.h"
#include "PlatformsPane.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/LocalImagesModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "itemmodels/SearchModel.h"
#include "itemmodels/TagListModel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QTimer>
#include <QContextMenuEvent>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

void screenshot(QWidget *window, const QString &name)
{
    const QString dir = QStringLiteral(WHARF_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(window->grab().save(dir + u'/' + name + u".png"));
}

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

void pickFromList(QComboBox *box, const QString &text)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(box->width() - 6, box->height() / 2));
    QAbstractItemView *list = box->view();
    QTRY_VERIFY(list->isVisible());
    const QModelIndexList found = list->model()->match(list->model()->index(0, box->modelColumn()), Qt::DisplayRole, text, 1,
                                                       Qt::MatchExactly);
    QVERIFY2(!found.isEmpty(), qPrintable(text));
    list->scrollTo(found.constFirst());
    const QPoint at = list->visualRect(found.constFirst()).center();
    // A person's click comes a moment after the popup opened (QComboBox ignores a release that
    // follows its opening click too closely), and picks on release.
    QTest::qWait(QApplication::doubleClickInterval() + 50);
    QTest::mouseMove(list->viewport(), at);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(!list->isVisible());
}

bool pickFromContextMenu(QWidget *target, const QPoint &pos, const QString &actionName)
{
    bool picked = false;
    bool opened = false;
    // The menu runs its own event loop: it is answered from a timer while it is up.
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        opened = true;
        poll.stop();
        QAction *action = menu->findChild<QAction *>(actionName);
        if (!action)
            for (QAction *candidate : menu->actions())
                if (candidate->objectName() == actionName)
                    action = candidate;
        if (action && action->isEnabled() && action->isVisible()) {
            menu->setActiveAction(action);
            QTest::keyClick(menu, Qt::Key_Return);
            picked = true;
        } else {
            menu->close();
        }
    });
    poll.start();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, target->mapToGlobal(pos));
    QApplication::sendEvent(target, &event);
    // A menu shown without exec() (popup()) is answered here.
    for (int i = 0; i < 50 && !opened; ++i)
        QTest::qWait(20);
    poll.stop();
    return picked;
}

ScopedEnv::ScopedEnv(const char *name, const QByteArray &value)
    : m_name(name), m_had(qEnvironmentVariableIsSet(name)), m_old(qgetenv(name))
{
    qputenv(name, value);
}

ScopedEnv::~ScopedEnv()
{
    if (m_had)
        qputenv(m_name, m_old);
    else
        qunsetenv(m_name);
}

void checkFitsSmallScreen(const QWidget &window, const char *when, int shownWidth)
{
    QApplication::processEvents();
    const QSize hint = window.minimumSizeHint().expandedTo(window.minimumSize());
    if (hint.width() > 1280)
        for (const QDockWidget *dock : window.findChildren<QDockWidget *>())
            if (dock->isVisible()) {
                qWarning() << dock->objectName() << dock->minimumSizeHint() << dock->widget()->minimumSizeHint();
                for (const QWidget *w : dock->widget()->findChildren<QWidget *>())
                    if (w->isVisible() && w->minimumSizeHint().width() > 300)
                        qWarning() << "   " << w->metaObject()->className() << w->objectName() << w->minimumSizeHint();
            }
    QVERIFY2(hint.width() <= 1280 && hint.height() <= 800,
             qPrintable(u"%1: minimum %2×%3"_s.arg(QLatin1StringView(when)).arg(hint.width()).arg(hint.height())));
    QVERIFY2(window.width() <= shownWidth, qPrintable(u"%1: window grew to %2"_s.arg(QLatin1StringView(when)).arg(window.width())));
}

void WindowBed::startBed()
{
    QStandardPaths::setTestModeEnabled(true);
    // Settings of this test process alone: window suites run in parallel, and a shared file let one
    // suite's init() clear what another had just saved.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    // As main() names the application, so QSettings() (Localization) and Preferences agree.
    QCoreApplication::setOrganizationName(u"Wharf"_s);
    QCoreApplication::setApplicationName(u"wharf"_s);
    qunsetenv("WHARF_LANG");
    // The English catalog, as main() installs it: plural forms ("1 layer") instead of the source's "(s)".
    QVERIFY(m_localization.install(QLocale(QLocale::English, QLocale::UnitedStates)));
    QString error;
    QVERIFY2(m_bed.start(&error), qPrintable(error));
    m_proxy = &m_bed.proxy();
    m_hub = &m_bed.hub();
    m_hub->setRepositoryInfo(u"library/multi"_s, u"A multi-platform sample"_s,
                             u"# multi\n\nA **multi-platform** image with *attestations*.\n\n- linux/amd64\n- linux/arm64\n"_s,
                             4321, 12'345'678);
}

void WindowBed::resetForTest()
{
    QSettings(u"Wharf"_s, u"wharf"_s).clear();
    m_proxy->clearRules();
    m_proxy->clearRecords();
    m_hub->setRateLimited(false);
    m_exportTarget = {};
    m_suggestedExportName.clear();
    m_revealed.clear();
    m_extractFolder.clear();
    m_extractAsked.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = ImageStore::open(m_dir->filePath(u"store"_s));
    QVERIFY(store);
    m_store = *store;
    // Failures are the point of several tests: retry once, quickly.
    net::RetryPolicy fast;
    fast.maxAttempts = 2;
    fast.baseDelayMs = 50;
    m_client = std::make_unique<RegistryClient>();
    m_client->setRetryPolicy(fast);
    m_hubClient = std::make_unique<HubClient>(m_client->network());
    m_hubClient->setBaseUrl(m_hub->baseUrl());
    m_hubClient->setRetryPolicy(fast);
    PullEngine::Options options;
    options.workers = 4;
    options.client.retry = fast;
    m_engine = std::make_unique<PullEngine>(*m_store, options);
}

void WindowBed::tearDownTest()
{
    m_engine.reset();
    m_hubClient.reset();
    m_client.reset();
    m_store.reset();
    m_dir.reset();
}

MainWindow::Services WindowBed::services() const
{
    MainWindow::Services s;
    s.registry = m_client.get();
    s.hub = m_hubClient.get();
    s.store = m_store;
    s.engine = m_engine.get();
    return s;
}

void WindowBed::useFakeDesktop(MainWindow &window)
{
    MainWindow::Desktop desktop;
    desktop.chooseExportTarget = [this](QWidget *, const QString &suggested) -> std::optional<MainWindow::ExportTarget> {
        m_suggestedExportName = suggested;
        if (m_exportTarget.path.isEmpty())
            return std::nullopt;
        return m_exportTarget;
    };
    desktop.reveal = [this](const QString &path) {
        m_revealed << path;
        return true;
    };
    desktop.chooseExtractFolder = [this](QWidget *, const QString &fileName) {
        m_extractAsked << fileName;
        return m_extractFolder;
    };
    window.setDesktop(std::move(desktop));
}

void WindowBed::pickMulti(MainWindow &window)
{
    QTest::keyClicks(window.searchPane()->queryEdit(), u"multi"_s);
    // This search's answer, not the last one's.
    QTRY_VERIFY_WITH_TIMEOUT(window.searchModel()->query() == u"multi" && window.searchModel()->state() == SearchModel::State::Ready,
                             kTimeout);
    QCOMPARE(window.searchPane()->statePanel()->kind(), StatePanel::Kind::Content);
    QModelIndex multi;
    for (int row = 0; row < window.searchModel()->rowCount(); ++row) {
        const QModelIndex index = window.searchModel()->index(row);
        if (index.data(SearchModel::NameRole).toString() == u"multi")
            multi = index;
    }
    QVERIFY(multi.isValid());
    QVERIFY(multi.data(SearchModel::OfficialRole).toBool());
    window.searchPane()->resultsView()->setCurrentIndex(multi);

    QTRY_VERIFY_WITH_TIMEOUT(window.tagModel()->rowCount() > 0, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
}

void WindowBed::pickMultiLatest(MainWindow &window)
{
    pickMulti(window);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.tagsPane()->selectTag(u"latest"_s));
    QTRY_VERIFY2_WITH_TIMEOUT(window.platformModel()->platformCount() == 3,
                              qPrintable(window.platformsPane()->statePanel()->message()), kTimeout);
}

void WindowBed::pullArm64(MainWindow &window)
{
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
    QTest::mouseClick(window.platformsPane()->pullButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Done, 60'000);
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesModel()->rowCount(), 1, kTimeout);
}

void WindowBed::pickImage(MainWindow &window, const QString &name, const QString &tag)
{
    QTest::keyClicks(window.searchPane()->queryEdit(), name);
    QTRY_VERIFY_WITH_TIMEOUT(window.searchModel()->query() == name && window.searchModel()->state() == SearchModel::State::Ready,
                             kTimeout);
    QModelIndex found;
    for (int row = 0; row < window.searchModel()->rowCount(); ++row) {
        const QModelIndex index = window.searchModel()->index(row);
        if (index.data(SearchModel::NameRole).toString() == name)
            found = index;
    }
    QVERIFY(found.isValid());
    window.searchPane()->resultsView()->setCurrentIndex(found);
    QTRY_VERIFY_WITH_TIMEOUT(window.tagsPane()->selectTag(tag), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.historyModel()->rowCount() > 0, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.imageLayers().size(), m_images.layerDigests(name, tag).size(), kTimeout);
}

void WindowBed::clickHistoryLayer(MainWindow &window, int layer)
{
    QTableView *history = window.imagePane()->historyView();
    for (int row = 0; row < window.historyModel()->rowCount(); ++row) {
        const QModelIndex index = window.historyModel()->index(row, HistoryModel::InstructionColumn);
        if (index.data(HistoryModel::LayerIndexRole).toInt() == layer) {
            history->scrollTo(index);
            QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, history->visualRect(index).center());
            QCOMPARE(history->currentIndex().row(), row);
            return;
        }
    }
    QFAIL("no history row for that layer");
}

QString WindowBed::layerDigestOfCurrentImage(MainWindow &window) const
{
    HistoryModel *history = window.historyModel();
    for (int row = 0; row < history->rowCount(); ++row) {
        const QString digest = history->index(row, 0).data(HistoryModel::LayerDigestRole).toString();
        if (!digest.isEmpty())
            return digest;
    }
    return {};
}

} // namespace wharf::testbed
