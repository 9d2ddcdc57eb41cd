// LoadedRowsProxyModel shows a paged model's loaded rows and never asks for more, whatever a view,
// combo box or completer on top of it does — under QAbstractItemModelTester.

#include "ModelSignals.h"
#include "itemmodels/LoadedRowsProxyModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCompleter>
#include <QStringListModel>
#include <QTest>

using namespace wharf;
using namespace Qt::StringLiterals;

namespace {

// Ten rows a page, three pages; counts the pages asked for.
class PagedModel final : public QStringListModel
{
public:
    using QStringListModel::QStringListModel;
    bool canFetchMore(const QModelIndex &parent) const override { return !parent.isValid() && rowCount() < 30; }
    void fetchMore(const QModelIndex &parent) override
    {
        if (!canFetchMore(parent))
            return;
        ++fetches;
        const int first = rowCount();
        insertRows(first, 10);
        for (int i = first; i < first + 10; ++i)
            setData(index(i), u"tag-%1"_s.arg(i));
    }
    int fetches = 0;
};

// Answers DisplayRole only, as TagListModel does.
class DisplayOnlyModel final : public QAbstractListModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(index.row() == 0 ? u"app"_s : u"base"_s) : QVariant();
    }
};

} // namespace

class TestLoadedRowsProxyModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsLoadedRowsAndNeverFetches();
    void anEditableComboShowsThePickedRow();
};

void TestLoadedRowsProxyModel::showsLoadedRowsAndNeverFetches()
{
    PagedModel source;
    source.fetchMore({});
    QCOMPARE(source.rowCount(), 10);

    LoadedRowsProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    testbed::ModelSignals signals_(&proxy);
    proxy.setSourceModel(&source);
    QCOMPARE(proxy.rowCount(), 10);
    QVERIFY(source.canFetchMore({}));
    QVERIFY(!proxy.canFetchMore({}));
    proxy.fetchMore({});
    QCOMPARE(source.fetches, 1);

    // A combo box with a completer, the case that paged through every Hub page.
    QComboBox combo;
    combo.setEditable(true);
    combo.setModel(&proxy);
    combo.completer()->setCompletionPrefix(u"tag"_s);
    combo.completer()->complete();
    combo.showPopup();
    QApplication::processEvents();
    combo.hidePopup();
    QCOMPARE(source.fetches, 1);

    // Rows the source loads by itself arrive through the proxy as one insert.
    const int insertsBefore = int(signals_.inserted.count());
    source.fetchMore({});
    QCOMPARE(proxy.rowCount(), 20);
    QCOMPARE(signals_.inserted.count(), insertsBefore + 1);
    QCOMPARE(proxy.index(19, 0).data().toString(), u"tag-19"_s);
}

// An editable combo box shows a row's EditRole: over a model that only answers DisplayRole, a
// picked row used to leave the box empty (Compare's "with" box, issue 12).
void TestLoadedRowsProxyModel::anEditableComboShowsThePickedRow()
{
    DisplayOnlyModel source;
    LoadedRowsProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setSourceModel(&source);
    QCOMPARE(proxy.index(1, 0).data(Qt::EditRole).toString(), u"base"_s);
    QComboBox combo;
    combo.setEditable(true);
    combo.setModel(&proxy);
    combo.setCurrentIndex(1);
    QCOMPARE(combo.currentText(), u"base"_s);
    QCOMPARE(combo.itemText(0), u"app"_s);
}

QTEST_MAIN(TestLoadedRowsProxyModel)
#include "tst_loadedrowsproxymodel.moc"
