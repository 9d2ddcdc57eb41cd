#include "itemmodels/LayerFilesProxyModel.h"

#include "itemmodels/LayerFilesModel.h"

namespace wharf {

LayerFilesProxyModel::LayerFilesProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // A folder is shown when something below it matches (Qt walks the children for us).
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
    setSortRole(LayerFilesModel::RawValueRole);
}

LayerFilesProxyModel::~LayerFilesProxyModel() = default;

void LayerFilesProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_files = qobject_cast<const LayerFilesModel *>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void LayerFilesProxyModel::setFindText(const QString &text)
{
    if (text == m_findText)
        return;
    m_findText = text;
    m_wildcard = text.contains(u'*') || text.contains(u'?') || text.contains(u'[');
    if (m_wildcard) {
        m_pattern = QRegularExpression::fromWildcard(text, Qt::CaseInsensitive);
        m_wildcard = m_pattern.isValid();
    }
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void LayerFilesProxyModel::setChangesOnly(bool changesOnly)
{
    if (changesOnly == m_changesOnly)
        return;
    m_changesOnly = changesOnly;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

void LayerFilesProxyModel::setFoldersFirst(bool foldersFirst)
{
    if (foldersFirst == m_foldersFirst)
        return;
    m_foldersFirst = foldersFirst;
    invalidate();
    Q_EMIT sortChanged();
}

bool LayerFilesProxyModel::nameMatches(const QString &name) const
{
    if (m_findText.isEmpty())
        return true;
    return m_wildcard ? m_pattern.match(name).hasMatch() : name.contains(m_findText, Qt::CaseInsensitive);
}

bool LayerFilesProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_findText.isEmpty() && !m_changesOnly)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_files) {
        const FileNode &node = m_files->tree().node(m_files->nodeOf(index));
        return (!m_changesOnly || node.mark != FileMark::None) && nameMatches(node.name);
    }
    return (!m_changesOnly || index.data(LayerFilesModel::MarkRole).toInt() != int(FileMark::None))
        && nameMatches(index.data(LayerFilesModel::NameRole).toString());
}

bool LayerFilesProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftFolder = left.data(LayerFilesModel::IsDirectoryRole).toBool();
    const bool rightFolder = right.data(LayerFilesModel::IsDirectoryRole).toBool();
    // Folders stay above files whichever way the column is sorted.
    if (m_foldersFirst && leftFolder != rightFolder)
        return (sortOrder() == Qt::AscendingOrder) == leftFolder;
    if (left.column() != LayerFilesModel::NameColumn) {
        const QPartialOrdering order = QVariant::compare(left.data(LayerFilesModel::RawValueRole),
                                                         right.data(LayerFilesModel::RawValueRole));
        if (order == QPartialOrdering::Less)
            return true;
        if (order == QPartialOrdering::Greater)
            return false;
    }
    // Names as people read them (case aside), then exactly, so equal keys never swap places.
    const QString leftName = left.data(LayerFilesModel::NameRole).toString();
    const QString rightName = right.data(LayerFilesModel::NameRole).toString();
    const int byName = leftName.compare(rightName, Qt::CaseInsensitive);
    if (byName != 0)
        return byName < 0;
    return leftName < rightName;
}

} // namespace wharf
