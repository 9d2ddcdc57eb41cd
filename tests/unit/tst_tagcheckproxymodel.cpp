// TagCheckProxyModel, the layer map's tag chooser: check boxes kept by tag name across sorting,
// filtering, resets and rows that arrive later, under QAbstractItemModelTester with its signals spied.
#include "itemmodels/TagCheckProxyModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStringListModel>
#include <QTest>

using namespace wharf;
using namespace Qt::StringLiterals;

namespace {

// Two columns; the tag name in NameRole, something else on display.
class TwoColumnTags final : public QAbstractTableModel
{
public:
    static constexpr int NameRole = Qt::UserRole + 1;
    explicit TwoColumnTags(QStringList names) : m_names(std::move(names)) {}
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_names.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 2; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid))
            return {};
        if (role == NameRole)
            return m_names.at(index.row());
        if (role == Qt::DisplayRole)
            return u"row %1"_s.arg(index.row());
        return {};
    }

private:
    QStringList m_names;
};

} // namespace

class TestTagCheckProxyModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checksFollowNames();
    void setDataTogglesAndSignals();
    void nameRoleAndColumns();
    void namesWithoutRowsComeLast();
};

void TestTagCheckProxyModel::checksFollowNames()
{
    QStringListModel source({u"latest"_s, u"1.0"_s, u"2.0"_s});
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&source);
    TagCheckProxyModel checks;
    checks.setSourceModel(&sorted);
    QAbstractItemModelTester tester(&checks, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&checks, &TagCheckProxyModel::checkedTagsChanged);
    QSignalSpy data(&checks, &QAbstractItemModel::dataChanged);

    checks.setCheckedTags({u"2.0"_s, u"latest"_s, u"2.0"_s});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(data.size(), 1);
    QCOMPARE(checks.checkedTags(), (QStringList{u"latest"_s, u"2.0"_s})); // row order
    checks.setCheckedTags({u"latest"_s, u"2.0"_s});
    QCOMPARE(changed.size(), 2); // same set, other order of choice: still a change of what comes last
    checks.setCheckedTags({u"latest"_s, u"2.0"_s});
    QCOMPARE(changed.size(), 2); // nothing changed
    QCOMPARE(checks.index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(checks.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    sorted.sort(0);
    QCOMPARE(checks.checkedTags(), (QStringList{u"2.0"_s, u"latest"_s}));
    for (int row = 0; row < checks.rowCount(); ++row) {
        const QString name = checks.index(row, 0).data().toString();
        QCOMPARE(checks.index(row, 0).data(Qt::CheckStateRole).toInt() == Qt::Checked, name != u"1.0");
    }
    source.setStringList({u"2.0"_s, u"3.0"_s}); // a reset: the choice stays by name
    QCOMPARE(checks.checkedTags(), (QStringList{u"2.0"_s, u"latest"_s}));
    QVERIFY(checks.isChecked(u"latest"_s));
}

void TestTagCheckProxyModel::setDataTogglesAndSignals()
{
    QStringListModel source({u"a"_s, u"b"_s, u"c"_s});
    TagCheckProxyModel checks;
    checks.setSourceModel(&source);
    QAbstractItemModelTester tester(&checks, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&checks, &TagCheckProxyModel::checkedTagsChanged);
    QSignalSpy data(&checks, &QAbstractItemModel::dataChanged);

    QVERIFY(checks.flags(checks.index(1, 0)) & Qt::ItemIsUserCheckable);
    QVERIFY(checks.setData(checks.index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).at(0).value<QModelIndex>(), checks.index(1, 0));
    QCOMPARE(data.at(0).at(2).value<QList<int>>(), QList<int>{Qt::CheckStateRole});
    QCOMPARE(checks.checkedTags(), QStringList{u"b"_s});
    QVERIFY(checks.setData(checks.index(1, 0), Qt::Checked, Qt::CheckStateRole)); // already checked
    QCOMPARE(changed.size(), 1);
    QVERIFY(checks.setData(checks.index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(changed.size(), 2);
    QVERIFY(checks.checkedTags().isEmpty());
    QVERIFY(!checks.setData(QModelIndex(), Qt::Checked, Qt::CheckStateRole));
    // Other roles go to the source.
    QVERIFY(checks.setData(checks.index(0, 0), u"z"_s, Qt::EditRole));
    QCOMPARE(source.stringList().constFirst(), u"z"_s);
}

void TestTagCheckProxyModel::nameRoleAndColumns()
{
    TwoColumnTags source({u"latest"_s, u"1.0"_s});
    TagCheckProxyModel checks;
    checks.setSourceModel(&source);
    checks.setNameRole(TwoColumnTags::NameRole);
    QAbstractItemModelTester tester(&checks, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(checks.setData(checks.index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(checks.checkedTags(), QStringList{u"1.0"_s});
    // Only the first column has a check box.
    QVERIFY(!(checks.flags(checks.index(1, 1)) & Qt::ItemIsUserCheckable));
    QVERIFY(!checks.index(1, 1).data(Qt::CheckStateRole).isValid());
    QVERIFY(!checks.setData(checks.index(1, 1), Qt::Checked, Qt::CheckStateRole));
}

void TestTagCheckProxyModel::namesWithoutRowsComeLast()
{
    QStringListModel source;
    TagCheckProxyModel checks;
    checks.setSourceModel(&source);
    QAbstractItemModelTester tester(&checks, QAbstractItemModelTester::FailureReportingMode::Fatal);
    checks.setCheckedTags({u"later"_s, u"b"_s});
    QCOMPARE(checks.checkedTags(), (QStringList{u"later"_s, u"b"_s}));
    source.setStringList({u"a"_s, u"b"_s}); // rows arrive: b has one, later not yet
    QCOMPARE(checks.checkedTags(), (QStringList{u"b"_s, u"later"_s}));
    QCOMPARE(checks.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
}

QTEST_GUILESS_MAIN(TestTagCheckProxyModel)
#include "tst_tagcheckproxymodel.moc"
