// How a person gets around the window (issue 12): the image's tabs with room for the layer map,
// Files, Efficiency and Compare; the keyboard between panes; Compare with the mouse; panes that
// always show the current image or say why not; measuring waste only when it is cheap or asked;
// the last session coming back. Driven with mouse and key events, offscreen, on the test bed.
#include "ComparePane.h"
#include "EfficiencyPanel.h"
#include "ImagePane.h"
#include "LayerFilesPane.h"
#include "LayerMapPane.h"
#include "LayerMapView.h"
#include "MainWindow.h"
#include "PlatformsPane.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/ImageEfficiencyModel.h"
#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/SearchModel.h"
#include "itemmodels/TagListModel.h"
#include "LocalImagesPane.h"
#include "PullsPane.h"
#include "RepositoryPane.h"

#include "WindowBed.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

// Picks `text` from a combo box's list with the mouse: opens the popup, clicks the row.
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

QTabWidget *imageTabs(MainWindow &window)
{
    return window.findChild<QTabWidget *>(u"imageTabs"_s);
}

} // namespace

class TestWindowFlow final : public QObject, protected WindowBed
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startBed(); }
    void init() { resetForTest(); }
    void cleanup() { tearDownTest(); }

    void compareWithTheMouse();
    void keyboardBetweenPanes();
};

// Defect 1: the "with" box kept nothing a person picked with the mouse, so Compare did nothing.
void TestWindowFlow::compareWithTheMouse()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickImage(window, u"layers"_s, u"base"_s);
    if (QTest::currentTestFailed())
        return;

    // To the Compare tab by its tab, with the mouse.
    QTabWidget *tabs = imageTabs(window);
    QVERIFY(tabs);
    QTabBar *bar = tabs->tabBar();
    const int compareTab = tabs->indexOf(window.comparePane());
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(compareTab).center());
    QCOMPARE(tabs->currentWidget(), window.comparePane());

    ComparePane *pane = window.comparePane();
    pickFromList(pane->tagBox(), u"app"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(pane->tagBox()->currentText(), u"app"_s);
    // Focus moves on (a click elsewhere): the choice stays.
    QTest::mouseClick(pane->platformBox()->lineEdit(), Qt::LeftButton);
    QCOMPARE(pane->otherTag(), u"app"_s);
    QVERIFY(pane->compareButton()->isEnabled());
    QSignalSpy states(window.diffModel(), &ImageDiffModel::stateChanged);
    QTest::mouseClick(pane->compareButton(), Qt::LeftButton);
    QVERIFY(states.wait(kTimeout));
    QTRY_COMPARE_WITH_TIMEOUT(window.diffModel()->state(), ImageDiffModel::State::Ready, kTimeout);
    QCOMPARE(window.diffModel()->diff().onlyInTo.size(), 2);

    // Typed and Enter: the same.
    pane->tagBox()->lineEdit()->selectAll();
    QTest::keyClicks(pane->tagBox()->lineEdit(), u"base"_s);
    QTest::keyClick(pane->tagBox()->lineEdit(), Qt::Key_Return);
    QCOMPARE(pane->otherTag(), u"base"_s);
    screenshot(&window, u"compare-by-mouse"_s);
}

namespace {

// Whether `pane` (or what it is in) holds the keyboard.
bool holdsFocus(const QWidget *pane)
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && (focus == pane || pane->isAncestorOf(focus));
}

} // namespace

// Defect 3: Tab walked the Tags table's cells for ever and nothing reached Platforms, Image or the
// docks. Now Tab leaves a table, F6 / Ctrl+Tab visit every pane in reading order, and the pane
// that has the keyboard says so in its heading.
void TestWindowFlow::keyboardBetweenPanes()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;

    QTableView *tags = window.tagsPane()->view();
    tags->setFocus(Qt::MouseFocusReason);
    QVERIFY(tags->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY2(!tags->hasFocus(), "Tab stayed in the Tags table");

    // F6 from the search box: Tags, Repository, Platforms, the Image tab, Pulls, Local images, Search.
    window.searchPane()->queryEdit()->setFocus(Qt::MouseFocusReason);
    QVERIFY(holdsFocus(window.searchPane()));
    const QList<QWidget *> order{window.tagsPane(),     window.repositoryPane(), window.platformsPane(),
                                 window.imagePane(),    window.pullsPane(),      window.localImagesPane(),
                                 window.searchPane()};
    for (QWidget *pane : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        QVERIFY2(holdsFocus(pane), qPrintable(u"F6 should reach %1, focus is on %2"_s.arg(
                                        QString::fromLatin1(pane->metaObject()->className()),
                                        QApplication::focusWidget() ? QString::fromLatin1(QApplication::focusWidget()->metaObject()->className())
                                                                    : u"nothing"_s)));
    }
    // The Tags heading shows it has the keyboard, and only it.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QVERIFY(holdsFocus(window.tagsPane()));
    QVERIFY(window.tagsPane()->parentWidget()->property("paneActive").toBool());
    QVERIFY(!window.searchPane()->parentWidget()->property("paneActive").toBool());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
    QVERIFY(holdsFocus(window.searchPane()));
    // In the platform list, the keys choose (Down: the next platform).
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QVERIFY(holdsFocus(window.platformsPane()));
    screenshot(&window, u"keyboard-platforms-focused"_s);
}

QTEST_MAIN(TestWindowFlow)
#include "tst_windowflow.moc"
