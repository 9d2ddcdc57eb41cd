#pragma once
// The Tags pane's columns: TagListModel is a list (one row per tag, its values in roles), a table
// view wants one column per value. This proxy sits on top of a TagFilterProxyModel and shows each
// row as Tag | Platforms | Size | Last pushed | Aliases, formatting the raw roles for display and
// keeping them (and every other role) reachable on any column. Sorting by a header asks the
// filter proxy for the matching sort key, so the order is always computed on raw values.
// Layout changes (a re-sort) keep every persistent index in its column, so a selected row stays
// selected across all its cells.

#include <QIdentityProxyModel>

namespace wharf {

class TagFilterProxyModel;

class TagTableModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagTableModel)
public:
    enum Column { NameColumn, PlatformsColumn, SizeColumn, LastPushedColumn, AliasesColumn, ColumnCount };
    Q_ENUM(Column)

    explicit TagTableModel(QObject *parent = nullptr);

    // The filter proxy the rows come from (not owned).
    void setFilterProxy(TagFilterProxyModel *proxy);

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    [[nodiscard]] QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    // The whole of what the cell shows, for its tooltip: every platform, the full date, every alias.
    [[nodiscard]] static QString toolTip(const QModelIndex &source, int column);
    void onSourceLayoutAboutToBeChanged(const QList<QPersistentModelIndex> &parents, QAbstractItemModel::LayoutChangeHint hint);
    void onSourceLayoutChanged(const QList<QPersistentModelIndex> &parents, QAbstractItemModel::LayoutChangeHint hint);

    TagFilterProxyModel *m_proxy = nullptr;
    // Across a layout change: our persistent indexes and where their rows were in the source.
    QModelIndexList m_layoutIndexes;
    QList<QPersistentModelIndex> m_layoutSources;
};

} // namespace wharf
