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

} // namespace wharf
