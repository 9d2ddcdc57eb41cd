#include "itemmodels/LoadedRowsProxyModel.h"

namespace wharf {

LoadedRowsProxyModel::LoadedRowsProxyModel(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

bool LoadedRowsProxyModel::canFetchMore(const QModelIndex &) const
{
    return false;
}

void LoadedRowsProxyModel::fetchMore(const QModelIndex &)
{
}

QVariant LoadedRowsProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::EditRole) {
        const QVariant edit = QIdentityProxyModel::data(index, Qt::EditRole);
        return edit.isValid() ? edit : QIdentityProxyModel::data(index, Qt::DisplayRole);
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace wharf
