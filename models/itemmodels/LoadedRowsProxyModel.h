#pragma once
// The rows a paged model has already loaded, and never more: canFetchMore() is false. For widgets
// that would otherwise page through everything on their own — a QComboBox's popup and completer
// ask for the next page each time one arrives, which on a Docker Hub repository with 10,000 tags
// downloads all 100 pages before the Tags pane gets to paint its first one. A row's edit text is
// its display text when the source has none: an editable combo box shows and completes EditRole,
// and without it a tag picked from the list left the box empty.

#include <QIdentityProxyModel>

namespace wharf {

class LoadedRowsProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadedRowsProxyModel)
public:
    explicit LoadedRowsProxyModel(QObject *parent = nullptr);

    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace wharf
