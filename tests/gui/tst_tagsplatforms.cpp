// The Tags, Platforms and Pulls panes as a person meets them (issue 12, defects 2, 6, 7 and 8, and
// the context menus), driven with the mouse and the keyboard in the real window, offscreen, over
// the registry test bed as Docker Hub: a header click sorts the tags (newest version first,
// `latest` on top, other names after the versions), platform chips and whole tooltips, a new filter
// scrolls to the top, a bad regular expression says why, the rows' context menus, every platform's
// size and cost up front, "Pulled ✓", the cost after a cancelled pull, whole-image totals after a
// Retry, the average rate and columns that fit. Screenshots of the fixed states go to
// <build>/screenshots (tags-chips, platforms-sizes, platform-pulled, pull-done).

#include "ComparePane.h"
#include "LayerMapPane.h"
#include "MainWindow.h"
#include "PlatformChipsDelegate.h"
#include "PlatformsPane.h"
#include "PullsPane.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/LocalImagesModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "itemmodels/SearchModel.h"
#include "itemmodels/TagFilterProxyModel.h"
#include "itemmodels/TagListModel.h"
#include "itemmodels/TagTableModel.h"
#include "store/ImageStore.h"

#include "FaultProxy.h"
#include "TestbedImages.h"
#include "WindowBed.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QTreeView>

#include <algorithm>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

QStringList shownTags(const TagsPane *pane)
{
    QStringList names;
    const QAbstractItemModel *model = pane->view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, 0).data(TagListModel::NameRole).toString());
    return names;
}

QModelIndex tagIndex(const TagsPane *pane, const QString &tag, int column = 0)
{
    const QAbstractItemModel *model = pane->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(TagListModel::NameRole).toString() == tag)
            return model->index(row, column);
    }
    return {};
}

void clickHeader(QHeaderView *header, int section)
{
    const QPoint at(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

// A right click on `index` (press, release, then the context menu event the window system sends),
// and the menu's action named `action` picked (WindowBed's pickFromContextMenu). False when there
// was no menu or no such (enabled) action in it.
bool chooseFromContextMenu(QAbstractItemView *view, const QModelIndex &index, const QString &action)
{
    view->scrollTo(index);
    const QPoint at = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::RightButton, {}, at);
    const bool chosen = pickFromContextMenu(view->viewport(), at, action);
    QApplication::processEvents();
    return chosen;
}

// The tooltip a person sees when the pointer rests on `index`.
QString toolTipAt(QAbstractItemView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    const QPoint at = view->visualRect(index).center();
    QHelpEvent event(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &event);
    const QString text = QToolTip::isVisible() ? QToolTip::text() : QString();
    QToolTip::hideText();
    return text;
}

bool isVersionLike(const QString &tag)
{
    return tag.front().isDigit() || (tag.startsWith(u'v') && tag.size() > 1 && tag.at(1).isDigit());
}

} // namespace

class TestTagsPlatforms final : public QObject, protected WindowBed
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // defect 2
    void tagsNewestFirstOverTheWholeList();
    // defect 7
    void tagsChipsAndWholeTooltips();
    void tagsFilterScrollsToTopAndExplainsABadPattern();
    // context menus
    void tagsContextMenu();
    void platformsContextMenuAndEnter();
    // defect 6
    void platformsSizedUpFront();
    // defect 8
    void pulledPlatformSaysPulled();
    void cancelRetryKeepTheImageTotals();

private:
    void openRepository(MainWindow &window, const QString &name);
};

void TestTagsPlatforms::initTestCase()
{
    startBed();
}

void TestTagsPlatforms::init()
{
    resetForTest();
}

void TestTagsPlatforms::cleanup()
{
    tearDownTest();
}

void TestTagsPlatforms::openRepository(MainWindow &window, const QString &name)
{
    QTest::keyClicks(window.searchPane()->queryEdit(), name);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Ready, kTimeout);
    QModelIndex found;
    for (int row = 0; row < window.searchModel()->rowCount(); ++row) {
        if (window.searchModel()->index(row).data(SearchModel::NameRole).toString() == name)
            found = window.searchModel()->index(row);
    }
    QVERIFY(found.isValid());
    QListView *results = window.searchPane()->resultsView();
    results->scrollTo(found);
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualRect(found).center());
    QTRY_COMPARE_WITH_TIMEOUT(window.tagModel()->state(), TagListModel::State::Ready, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
}

void TestTagsPlatforms::tagsNewestFirstOverTheWholeList()
{
    MainWindow window(services());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openRepository(window, u"manytags"_s);
    if (QTest::currentTestFailed())
        return;
    const QStringList all = m_images.tags(u"manytags"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.tagModel()->rowCount(), all.size(), kTimeout);

    // As the pane opens: newest first, over all 260 tags.
    TagsPane *pane = window.tagsPane();
    QStringList shown = shownTags(pane);
    QCOMPARE(shown.size(), all.size());
    QCOMPARE(shown.first(), u"latest"_s);
    QCOMPARE(shown.at(1), u"2.19"_s);
    QVERIFY(shown.indexOf(u"2.0"_s) < shown.indexOf(u"2.0.0-rc.10"_s));
    QVERIFY(shown.indexOf(u"2.0.0-rc.10"_s) < shown.indexOf(u"2.0.0-rc.9"_s));
    QVERIFY(shown.indexOf(u"2.0.0-rc.9"_s) < shown.indexOf(u"2.0.0-rc.1"_s));
    QVERIFY(shown.indexOf(u"2.0.0-rc.1"_s) < shown.indexOf(u"v1.9.19"_s));
    QVERIFY(shown.indexOf(u"v1.9.0"_s) < shown.indexOf(u"v1.2.19"_s));
    // After the oldest version, the other names by name: dev, edge, main, the nightlies, stable.
    QCOMPARE(shown.at(shown.indexOf(u"v1.0.0"_s) + 1), u"dev"_s);
    QCOMPARE(shown.last(), u"stable"_s);
    for (qsizetype i = 1; i < shown.size(); ++i) {
        // Every version comes before every other name.
        if (!isVersionLike(shown.at(i)))
            QVERIFY2(!isVersionLike(shown.value(i + 1, u"x"_s)), qPrintable(shown.at(i) + u" before "_s + shown.value(i + 1)));
    }

    // A click on the Tag header turns the versions round; `latest` and the names stay put.
    QHeaderView *header = pane->view()->horizontalHeader();
    clickHeader(header, TagTableModel::NameColumn);
    QCOMPARE(pane->filterProxy()->currentSortOrder(), Qt::AscendingOrder);
    const QStringList oldest = shownTags(pane);
    QCOMPARE(oldest.first(), u"latest"_s);
    QCOMPARE(oldest.at(1), u"v1.0.0"_s);
    QVERIFY(oldest.indexOf(u"2.0.0-rc.1"_s) < oldest.indexOf(u"2.0.0-rc.9"_s));
    QVERIFY(oldest.indexOf(u"2.0.0-rc.9"_s) < oldest.indexOf(u"2.0.0-rc.10"_s));
    QVERIFY(oldest.indexOf(u"2.0.0-rc.10"_s) < oldest.indexOf(u"2.0"_s));
    QCOMPARE(oldest.last(), u"stable"_s);
    // And back.
    clickHeader(header, TagTableModel::NameColumn);
    QCOMPARE(shownTags(pane), shown);
}

void TestTagsPlatforms::tagsChipsAndWholeTooltips()
{
    MainWindow window(services());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    TagsPane *pane = window.tagsPane();
    QTableView *view = pane->view();
    const QStringList platforms = m_images.platforms(u"multi"_s, u"latest"_s);
    QCOMPARE(platforms.size(), 3);

    // Chips, one per platform, painted by their delegate: all three fit the column.
    auto *chips = qobject_cast<PlatformChipsDelegate *>(view->itemDelegateForColumn(TagTableModel::PlatformsColumn));
    QVERIFY(chips);
    const QModelIndex cell = tagIndex(pane, u"latest"_s, TagTableModel::PlatformsColumn);
    QVERIFY(cell.isValid());
    QFont chipFont = view->font();
    chipFont.setPointSizeF(chipFont.pointSizeF() * 0.9);
    const QStringList visible = PlatformChipsDelegate::visibleChips(platforms, QFontMetrics(chipFont), view->columnWidth(TagTableModel::PlatformsColumn));
    QCOMPARE(visible.size(), 3);
    for (const QString &chip : visible)
        QVERIFY2(!chip.startsWith(u'+'), qPrintable(chip));
    QCOMPARE(PlatformChipsDelegate::chipText(u"linux/arm64/v8"_s), u"arm64/v8"_s);
    QCOMPARE(PlatformChipsDelegate::chipText(u"windows/amd64"_s), u"windows/amd64"_s);
    // Narrow, the chips that do not fit become "+N", never a cut-off label.
    const QStringList narrow = PlatformChipsDelegate::visibleChips(platforms, QFontMetrics(chipFont), 80);
    QVERIFY(!narrow.isEmpty());
    QVERIFY(narrow.last().startsWith(u'+'));

    // Tooltips are the whole of the cell: every platform, the full date, tag and digest.
    const QString platformsTip = toolTipAt(view, cell);
    for (const QString &platform : platforms)
        QVERIFY2(platformsTip.contains(platform), qPrintable(platformsTip));
    QVERIFY2(!platformsTip.contains(u"sha256:"_s), qPrintable(platformsTip));
    const QModelIndex pushed = tagIndex(pane, u"latest"_s, TagTableModel::LastPushedColumn);
    const QDateTime when = pushed.data(TagListModel::LastPushedRole).toDateTime();
    QVERIFY(when.isValid());
    const QString dateTip = toolTipAt(view, pushed);
    QCOMPARE(dateTip, QLocale().toString(when.toLocalTime(), QLocale::LongFormat));
    QVERIFY2(dateTip.contains(QString::number(when.toLocalTime().date().year())), qPrintable(dateTip));
    const QString nameTip = toolTipAt(view, tagIndex(pane, u"latest"_s));
    QVERIFY2(nameTip.startsWith(u"latest"_s), qPrintable(nameTip));
    QVERIFY2(nameTip.contains(m_images.digest(u"multi"_s, u"latest"_s)), qPrintable(nameTip));
    screenshot(&window, u"tags-chips"_s);
}

void TestTagsPlatforms::tagsFilterScrollsToTopAndExplainsABadPattern()
{
    MainWindow window(services());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openRepository(window, u"manytags"_s);
    if (QTest::currentTestFailed())
        return;
    TagsPane *pane = window.tagsPane();
    QTableView *view = pane->view();
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 260, kTimeout);

    // Every alias in the "Same image as" tooltip (all 260 tags are one image), not a digest.
    QTRY_VERIFY_WITH_TIMEOUT(tagIndex(pane, u"stable"_s).data(TagListModel::AliasCountRole).toInt() == 259, kTimeout);
    const QString aliasesTip = toolTipAt(view, tagIndex(pane, u"stable"_s, TagTableModel::AliasesColumn));
    QVERIFY2(aliasesTip.contains(u"259"_s), qPrintable(aliasesTip.left(200)));
    for (const QString &tag : m_images.tags(u"manytags"_s)) {
        if (tag != u"stable")
            QVERIFY2(aliasesTip.contains(tag), qPrintable(tag));
    }

    // Scrolled to the end of the list, a new filter shows its first matches at the top.
    QScrollBar *scroll = view->verticalScrollBar();
    QVERIFY(scroll->maximum() > 0);
    QTest::keyClick(scroll, Qt::Key_End);
    QCOMPARE(scroll->value(), scroll->maximum());
    QTest::keyClicks(pane->filterEdit(), u"2."_s);
    QTRY_VERIFY(view->model()->rowCount() < 260);
    QVERIFY(view->model()->rowCount() > 0);
    QCOMPARE(scroll->value(), 0);
    QCOMPARE(view->rowAt(0), 0);
    QCOMPARE(view->model()->index(0, 0).data(TagListModel::NameRole).toString(), u"2.19"_s);

    // A pattern that is not a regular expression says why where the table was.
    auto *regex = pane->findChild<QCheckBox *>();
    QVERIFY(regex);
    QTest::mouseClick(regex, Qt::LeftButton, {}, QPoint(4, regex->height() / 2));
    QVERIFY(regex->isChecked());
    pane->filterEdit()->clear();
    QTest::keyClicks(pane->filterEdit(), u"v1.(9"_s);
    QVERIFY(pane->filterProxy()->invalidPattern());
    QCOMPARE(pane->statePanel()->kind(), StatePanel::Kind::Message);
    const QString why = pane->statePanel()->message();
    QVERIFY2(why.contains(u"v1.(9"_s) && why.contains(u"regular expression"_s), qPrintable(why));
    QVERIFY2(why.contains(pane->filterProxy()->patternError()), qPrintable(why));
    screenshot(&window, u"tags-bad-regex"_s);
    checkFitsSmallScreen(window, "a bad regular expression explained");
    // Closing the parenthesis brings the matches back.
    QTest::keyClick(pane->filterEdit(), Qt::Key_ParenRight);
    QVERIFY(!pane->filterProxy()->invalidPattern());
    QCOMPARE(pane->statePanel()->kind(), StatePanel::Kind::Content);
    QCOMPARE(view->model()->rowCount(), 20); // v1.9.0 … v1.9.19
}

void TestTagsPlatforms::tagsContextMenu()
{
    MainWindow window(services());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickImage(window, u"layers"_s, u"base"_s);
    if (QTest::currentTestFailed())
        return;
    TagsPane *pane = window.tagsPane();
    QTableView *view = pane->view();
    QCOMPARE(pane->currentTag(), u"base"_s);
    QStringList names;
    for (QAction *action : pane->rowActions())
        names.append(action->objectName());
    QCOMPARE(names, (QStringList{u"copyTagAction"_s, u"copyDigestAction"_s, u"copyPullCommandAction"_s, u"pullTagAction"_s,
                                 u"compareTagAction"_s, u"mapLayersAction"_s}));
    const QModelIndex app = tagIndex(pane, u"app"_s);
    QVERIFY(app.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(!app.data(TagListModel::DigestRole).toString().isEmpty(), kTimeout);

    // The copies are about the row under the pointer; the image on show stays.
    QVERIFY(chooseFromContextMenu(view, app, u"copyTagAction"_s));
    QCOMPARE(QApplication::clipboard()->text(), u"app"_s);
    QCOMPARE(pane->currentTag(), u"base"_s);
    QVERIFY(chooseFromContextMenu(view, app, u"copyDigestAction"_s));
    QCOMPARE(QApplication::clipboard()->text(), m_images.digest(u"layers"_s, u"app"_s));
    QVERIFY(chooseFromContextMenu(view, app, u"copyPullCommandAction"_s));
    QCOMPARE(QApplication::clipboard()->text(), u"docker pull layers:app"_s);
    QCOMPARE(pane->currentTag(), u"base"_s);

    // Show in Layer Map adds the tag to the map's choice.
    QVERIFY(chooseFromContextMenu(view, app, u"mapLayersAction"_s));
    QStringList checked = window.layerMapPane()->checkedTags();
    checked.sort();
    QCOMPARE(checked, (QStringList{u"app"_s, u"base"_s}));

    // Compare With This Tag: the image on show (base) against app.
    QVERIFY(chooseFromContextMenu(view, app, u"compareTagAction"_s));
    QCOMPARE(window.comparePane()->otherTag(), u"app"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.diffModel()->state(), ImageDiffModel::State::Ready, kTimeout);
    QCOMPARE(pane->currentTag(), u"base"_s);

    // Pull: the tag is shown and its platform (this machine's, the only one) pulled.
    QVERIFY(chooseFromContextMenu(view, app, u"pullTagAction"_s));
    QCOMPARE(pane->currentTag(), u"app"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 1, kTimeout);
    QVERIFY(window.pullModel()->pullIndex(0).data(PullListModel::ReferenceRole).toString().endsWith(u"layers:app"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Done, 60'000);
}

void TestTagsPlatforms::platformsContextMenuAndEnter()
{
    MainWindow window(services());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    PlatformsPane *pane = window.platformsPane();
    QTreeView *view = pane->view();
    QTRY_COMPARE_WITH_TIMEOUT(pane->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    PlatformModel *model = window.platformModel();
    int arm64 = -1;
    for (int row = 0; row < model->platformCount(); ++row) {
        if (model->platformIndex(row).data(PlatformModel::PlatformRole).toString().startsWith(u"linux/arm64"_s))
            arm64 = row;
    }
    QVERIFY(arm64 >= 0);
    const QModelIndex arm64Index = model->platformIndex(arm64);

    // Copy Digest from the row's menu.
    QVERIFY(chooseFromContextMenu(view, arm64Index.siblingAtColumn(PlatformModel::DigestColumn), u"copyPlatformDigestAction"_s));
    QCOMPARE(QApplication::clipboard()->text(), arm64Index.data(PlatformModel::DigestRole).toString());
    QCOMPARE(pane->currentPlatform(), arm64);

    // An attestation row offers the copy, not a pull.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(model->sectionIndex(PlatformModel::AttestationsSection)).center());
    QTest::keyClick(view, Qt::Key_Right); // opens the section
    QTRY_VERIFY(view->isExpanded(model->sectionIndex(PlatformModel::AttestationsSection)));
    QVERIFY(!chooseFromContextMenu(view, model->attestationIndex(0), u"pullPlatformAction"_s));
    QVERIFY(chooseFromContextMenu(view, model->attestationIndex(0), u"copyPlatformDigestAction"_s));
    QCOMPARE(QApplication::clipboard()->text(), model->attestationIndex(0).data(PlatformModel::DigestRole).toString());

    // Click the arm64 row, press Enter: that platform is pulled (the README's promise).
    view->scrollTo(arm64Index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(arm64Index).center());
    QCOMPARE(pane->currentPlatform(), arm64);
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 1, kTimeout);
    QVERIFY(window.pullModel()->pullIndex(0).data(PullListModel::PlatformRole).toString().startsWith(u"linux/arm64"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Done, 60'000);

    // The menu's Pull on another platform pulls that one.
    const int other = arm64 == 0 ? 1 : 0;
    QVERIFY(chooseFromContextMenu(view, model->platformIndex(other), u"pullPlatformAction"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 2, kTimeout);
    QCOMPARE(window.pullModel()->pullIndex(1).data(PullListModel::PlatformRole).toString(),
             model->platformIndex(other).data(PlatformModel::PlatformRole).toString());
}

void TestTagsPlatforms::platformsSizedUpFront()
{
    MainWindow window(services());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    PlatformsPane *pane = window.platformsPane();
    PlatformModel *model = window.platformModel();
    QTRY_COMPARE_WITH_TIMEOUT(pane->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    const int shown = model->shownPlatformRow();
    QVERIFY(shown >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(model->platformIndex(shown).data(PlatformModel::PullCostStateRole).value<PlatformModel::PullCostState>(),
                              PlatformModel::PullCostState::Known, kTimeout);

    // Without clicking any: every platform says its image size and what a pull would cost.
    QCOMPARE(model->headerData(PlatformModel::SizeColumn, Qt::Horizontal).toString(), u"Image size"_s);
    for (int row = 0; row < model->platformCount(); ++row) {
        const QString platform = model->platformIndex(row).data(PlatformModel::PlatformRole).toString();
        const QString size = model->platformIndex(row, PlatformModel::SizeColumn).data().toString();
        const QString cost = model->platformIndex(row, PlatformModel::PullCostColumn).data().toString();
        QVERIFY2(!size.isEmpty() && size != u"—"_s, qPrintable(platform + u": "_s + size));
        QVERIFY2(!cost.isEmpty(), qPrintable(platform));
        if (row == shown) {
            QVERIFY2(!cost.startsWith(u"≤"_s), qPrintable(cost)); // counted: its manifest came with the tag
        } else {
            // Docker Hub's size, free; counting the layers costs the platform's manifest GET.
            QVERIFY2(cost.startsWith(u"≤ "_s), qPrintable(cost));
            QVERIFY(model->platformIndex(row).data(PlatformModel::SizeHintRole).toLongLong() > 0);
            QVERIFY(model->platformIndex(row, PlatformModel::PullCostColumn).data(Qt::ToolTipRole).toString().contains(u"request"_s));
        }
    }

    // The attestations say what they are and for which platform, and are not clipped.
    QTreeView *view = pane->view();
    const QModelIndex attestations = model->sectionIndex(PlatformModel::AttestationsSection);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(attestations).center());
    QTest::keyClick(view, Qt::Key_Right);
    QTRY_VERIFY(view->isExpanded(attestations));
    QVERIFY(model->attestationCount() > 0);
    QApplication::processEvents();
    for (int row = 0; row < model->attestationCount(); ++row) {
        const QModelIndex name = model->attestationIndex(row);
        const QString text = name.data().toString();
        QVERIFY2(text.startsWith(u"Provenance/SBOM for linux/"_s), qPrintable(text));
        QVERIFY2(view->visualRect(name).width() >= view->fontMetrics().horizontalAdvance(text), qPrintable(text));
        QVERIFY(model->attestationIndex(row, PlatformModel::SizeColumn).data().toString().isEmpty()); // no manifest sizes there
        QVERIFY(name.data(Qt::ToolTipRole).toString().contains(name.data(PlatformModel::DigestRole).toString()));
    }
    screenshot(&window, u"platforms-sizes"_s);
    checkFitsSmallScreen(window, "platforms sized", 1600);

    // Selecting another platform counts it (its manifest, once) and replaces the bound.
    const int other = shown == 0 ? 1 : 0;
    const QModelIndex otherIndex = model->platformIndex(other);
    view->scrollTo(otherIndex);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(otherIndex).center());
    QTRY_COMPARE_WITH_TIMEOUT(otherIndex.data(PlatformModel::PullCostStateRole).value<PlatformModel::PullCostState>(),
                              PlatformModel::PullCostState::Known, kTimeout);
    QVERIFY(!model->platformIndex(other, PlatformModel::PullCostColumn).data().toString().startsWith(u"≤"_s));
    QCOMPARE(model->platformIndex(other, PlatformModel::SizeColumn).data(PlatformModel::RawValueRole).toLongLong(),
             otherIndex.data(PlatformModel::CompressedSizeRole).toLongLong());
}

void TestTagsPlatforms::pulledPlatformSaysPulled()
{
    MainWindow window(services());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pullArm64(window);
    if (QTest::currentTestFailed())
        return;
    PlatformsPane *pane = window.platformsPane();
    QPushButton *pull = pane->pullButton();
    // Pulled ✓, and nothing more to pull: not the button, not Enter, not the menu.
    QTRY_COMPARE_WITH_TIMEOUT(pull->text(), u"Pulled ✓"_s, kTimeout);
    QVERIFY(!pull->isEnabled());
    const int arm64 = pane->currentPlatform();
    QVERIFY(window.platformModel()->platformIndex(arm64).data(PlatformModel::PulledRole).toBool());
    QCOMPARE(window.platformModel()->platformIndex(arm64, PlatformModel::PullCostColumn).data().toString(), u"pulled ✓"_s);
    QVERIFY2(pane->costLabel()->text().contains(u"in the local store"_s), qPrintable(pane->costLabel()->text()));
    QTest::keyClick(pane->view(), Qt::Key_Return);
    QTest::mouseClick(pull, Qt::LeftButton);
    QVERIFY(!chooseFromContextMenu(pane->view(), window.platformModel()->platformIndex(arm64), u"pullPlatformAction"_s));
    QTest::qWait(200);
    QCOMPARE(window.pullModel()->rowCount(), 1);
    screenshot(&window, u"platform-pulled"_s);

    // The finished pull: the whole image here, its average rate, every column in view at 1600 px.
    const QModelIndex done = window.pullModel()->pullIndex(0);
    const qint64 total = done.data(PullListModel::BytesTotalRole).toLongLong();
    QVERIFY(total > 0);
    QCOMPARE(done.data(PullListModel::BytesDoneRole).toLongLong(), total);
    const QString rate = window.pullModel()->pullIndex(0, PullListModel::RateColumn).data().toString();
    QVERIFY2(rate.startsWith(u"avg "_s) && rate.endsWith(u"/s"_s), qPrintable(rate));
    QTreeView *pulls = window.pullsPane()->view();
    QApplication::processEvents();
    QCOMPARE(pulls->horizontalScrollBar()->maximum(), 0);
    QHeaderView *header = pulls->header();
    for (int column : {int(PullListModel::RateColumn), int(PullListModel::EtaColumn)}) {
        QVERIFY(!pulls->isColumnHidden(column));
        QVERIFY(header->sectionViewportPosition(column) + header->sectionSize(column) <= pulls->viewport()->width());
    }
    QVERIFY(header->sectionSize(PullListModel::RateColumn) >= pulls->fontMetrics().horizontalAdvance(rate));
    screenshot(&window, u"pull-done"_s);
    checkFitsSmallScreen(window, "a platform pulled", 1600);
}

void TestTagsPlatforms::cancelRetryKeepTheImageTotals()
{
    MainWindow window(services());
    // No automatic efficiency listing: its downloads would hold the stalled connections below.
    window.setAutoAnalyseLimit(0);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    PlatformsPane *pane = window.platformsPane();
    QVERIFY(pane->selectPlatform(u"linux/arm64"_s));
    const int arm64 = pane->currentPlatform();
    PlatformModel *model = window.platformModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->platformIndex(arm64).data(PlatformModel::PullCostStateRole).value<PlatformModel::PullCostState>(),
                              PlatformModel::PullCostState::Known, kTimeout);
    const qint64 whole = model->platformIndex(arm64).data(PlatformModel::BytesToFetchRole).toLongLong();
    QCOMPARE(whole, model->platformIndex(arm64).data(PlatformModel::CompressedSizeRole).toLongLong());

    // Every layer of arm64 stalls after 200 kB: Cancel stops the pull with those bytes in the store.
    QString platform;
    for (const QString &p : m_images.platforms(u"multi"_s, u"latest"_s)) {
        if (p.startsWith(u"linux/arm64"_s))
            platform = p;
    }
    QVERIFY(!platform.isEmpty());
    QList<int> stalls;
    for (const QString &layer : m_images.layerDigests(u"multi"_s, u"latest"_s, platform))
        stalls.append(m_proxy->addRule({"GET", FaultRule::blobPath(layer), fault::StallAt{200'000}, -1}));
    QTest::mouseClick(pane->pullButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 1, kTimeout);
    const QModelIndex pull = window.pullModel()->pullIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(stalls.cbegin(), stalls.cend(), [this](int rule) { return m_proxy->applied(rule) > 0; }),
                             kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(pull.data(PullListModel::BytesDoneRole).toLongLong() >= 100'000, kTimeout);
    QCOMPARE(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Downloading);
    QCOMPARE(pull.data(PullListModel::BytesTotalRole).toLongLong(), whole);
    QTest::mouseClick(window.pullsPane()->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Cancelled,
                              kTimeout);

    // The preview counts what is on disk now: the layers done and the bytes of the stopped one.
    QTRY_VERIFY_WITH_TIMEOUT(model->platformIndex(arm64).data(PlatformModel::BytesToFetchRole).toLongLong() <= whole - 100'000,
                             kTimeout);
    QTRY_VERIFY2_WITH_TIMEOUT(pane->costLabel()->text().contains(u"kept from a stopped pull"_s), qPrintable(pane->costLabel()->text()),
                              kTimeout);
    const qint64 toFetch = model->platformIndex(arm64).data(PlatformModel::BytesToFetchRole).toLongLong();
    // The pull row still speaks of the whole image.
    QCOMPARE(pull.data(PullListModel::BytesTotalRole).toLongLong(), whole);
    QVERIFY(pull.data(PullListModel::BytesDoneRole).toLongLong() >= 100'000);

    // Retry: the totals still mean the image, and end at all of it.
    m_proxy->clearRules();
    QTest::mouseClick(window.pullsPane()->retryButton(), Qt::LeftButton);
    QCOMPARE(pull.data(PullListModel::BytesTotalRole).toLongLong(), whole);
    QTRY_COMPARE_WITH_TIMEOUT(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Done, 60'000);
    QCOMPARE(pull.data(PullListModel::BytesTotalRole).toLongLong(), whole);
    QCOMPARE(pull.data(PullListModel::BytesDoneRole).toLongLong(), whole);
    QVERIFY(pull.data(PullListModel::BytesFetchedRole).toLongLong() <= toFetch);
    const QString progress = window.pullModel()->pullIndex(0, PullListModel::ProgressColumn).data().toString();
    const QString wholeText = QLocale().formattedDataSize(whole);
    QCOMPARE(progress, u"%1 of %1"_s.arg(wholeText));
    QTRY_COMPARE_WITH_TIMEOUT(pane->pullButton()->text(), u"Pulled ✓"_s, kTimeout);
}

QTEST_MAIN(TestTagsPlatforms)
#include "tst_tagsplatforms.moc"
