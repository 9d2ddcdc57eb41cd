#include "TagTableModel.h"

#include "TagFilterProxyModel.h"
#include "TagListModel.h"
#include "core/DateText.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace wharf {

TagTableModel::TagTableModel(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

void TagTableModel::setFilterProxy(TagFilterProxyModel *proxy)
{
    m_proxy = proxy;
    setSourceModel(proxy);
    // QIdentityProxyModel carries persistent indexes through a layout change by mapping them to
    // the source and back; our source has one column, so every index would come back in column 0
    // (a selected row shrinks to its first cell after sorting). These handlers keep the column.
    disconnect(proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, nullptr);
    disconnect(proxy, &QAbstractItemModel::layoutChanged, this, nullptr);
    connect(proxy, &QAbstractItemModel::layoutAboutToBeChanged, this, &TagTableModel::onSourceLayoutAboutToBeChanged);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, &TagTableModel::onSourceLayoutChanged);
    // The identity proxy only forwards the changed cells of column 0; every column shows that row.
    connect(proxy, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                Q_EMIT dataChanged(index(topLeft.row(), 0), index(bottomRight.row(), ColumnCount - 1), roles);
            });
}

QModelIndex TagTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column);
}

QModelIndex TagTableModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex TagTableModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int TagTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int TagTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->rowCount();
}

QModelIndex TagTableModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel())
        return {};
    return sourceModel()->index(proxyIndex.row(), 0);
}

QModelIndex TagTableModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    // Our indexes carry no internal pointer (the rows are flat), unlike the filter proxy's.
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel())
        return {};
    return index(sourceIndex.row(), sourceIndex.column());
}

QVariant TagTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QModelIndex source = mapToSource(index);
    if (role == Qt::ToolTipRole)
        return toolTip(source, index.column());
    if (role != Qt::DisplayRole)
        return source.data(role);
    const QLocale locale;
    switch (index.column()) {
    case NameColumn:
        return source.data(TagListModel::NameRole);
    case PlatformsColumn: {
        const QStringList platforms = source.data(TagListModel::PlatformsRole).toStringList();
        if (platforms.isEmpty() && source.data(TagListModel::DetailsFailedRole).toBool())
            return tr("unavailable");
        if (platforms.isEmpty() && !source.data(TagListModel::DetailsLoadedRole).toBool())
            return tr("…");
        return platforms.join(u"  ");
    }
    case SizeColumn: {
        const qint64 size = source.data(TagListModel::SizeRole).toLongLong();
        return size < 0 ? QString() : locale.formattedDataSize(size);
    }
    case LastPushedColumn: {
        const QDateTime when = source.data(TagListModel::LastPushedRole).toDateTime();
        return DateText::dateTime(when, locale);
    }
    case AliasesColumn:
        return source.data(TagListModel::AliasesRole).toStringList().join(u", ");
    default:
        return {};
    }
}

QString TagTableModel::toolTip(const QModelIndex &source, int column)
{
    // Each cell's tooltip is the whole of what the cell may cut short.
    const QLocale locale;
    switch (column) {
    case NameColumn: {
        const QString digest = source.data(TagListModel::DigestRole).toString();
        const QString name = source.data(TagListModel::NameRole).toString();
        return digest.isEmpty() ? name : name + u'\n' + digest;
    }
    case PlatformsColumn: {
        const QStringList platforms = source.data(TagListModel::PlatformsRole).toStringList();
        if (platforms.isEmpty())
            return source.data(TagListModel::DetailsFailedRole).toBool() ? tr("The platforms of this tag could not be read.")
                                                                         : QString();
        //: tooltip of the Tags pane's Platforms cell; %n platforms follow, one a line
        return tr("%n platform(s):", nullptr, int(platforms.size())) + u'\n' + platforms.join(u'\n');
    }
    case SizeColumn: {
        const qint64 size = source.data(TagListModel::SizeRole).toLongLong();
        //: %1 is a size (12.3 MB), %2 the exact number of bytes
        return size < 0 ? QString() : tr("%1 compressed (%2 bytes)").arg(locale.formattedDataSize(size), locale.toString(size));
    }
    case LastPushedColumn: {
        const QDateTime when = source.data(TagListModel::LastPushedRole).toDateTime();
        return when.isValid() ? locale.toString(when.toLocalTime(), QLocale::LongFormat) : QString();
    }
    case AliasesColumn: {
        const QStringList aliases = source.data(TagListModel::AliasesRole).toStringList();
        if (aliases.isEmpty())
            return QString();
        // Rich text, so a tooltip of 260 aliases wraps instead of running off the screen.
        //: tooltip of the Tags pane's "Same image as" cell; the %n tags follow
        return u"<p>"_s + tr("The same image as %n tag(s):", nullptr, int(aliases.size())).toHtmlEscaped() + u"</p><p>"_s
               + aliases.join(u", ").toHtmlEscaped() + u"</p>"_s;
    }
    default:
        return {};
    }
}

QVariant TagTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QIdentityProxyModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Tag");
    case PlatformsColumn:
        return tr("Platforms");
    case SizeColumn:
        return tr("Size");
    case LastPushedColumn:
        return tr("Last pushed");
    case AliasesColumn:
        return tr("Same image as");
    default:
        return {};
    }
}

void TagTableModel::onSourceLayoutAboutToBeChanged(const QList<QPersistentModelIndex> &, LayoutChangeHint hint)
{
    // A flat table: the only parent there is is the root.
    Q_EMIT layoutAboutToBeChanged({}, hint);
    m_layoutIndexes = persistentIndexList();
    m_layoutSources.clear();
    m_layoutSources.reserve(m_layoutIndexes.size());
    for (const QModelIndex &index : std::as_const(m_layoutIndexes))
        m_layoutSources.append(QPersistentModelIndex(mapToSource(index)));
}

void TagTableModel::onSourceLayoutChanged(const QList<QPersistentModelIndex> &, LayoutChangeHint hint)
{
    QModelIndexList moved;
    moved.reserve(m_layoutIndexes.size());
    for (qsizetype i = 0; i < m_layoutIndexes.size(); ++i) {
        const QModelIndex source = m_layoutSources.at(i);
        moved.append(source.isValid() ? index(source.row(), m_layoutIndexes.at(i).column()) : QModelIndex());
    }
    changePersistentIndexList(m_layoutIndexes, moved);
    m_layoutIndexes.clear();
    m_layoutSources.clear();
    Q_EMIT layoutChanged({}, hint);
}

void TagTableModel::sort(int column, Qt::SortOrder order)
{
    if (!m_proxy)
        return;
    switch (column) {
    case SizeColumn:
        m_proxy->setSortKey(TagFilterProxyModel::SortKey::Size);
        break;
    case LastPushedColumn:
        m_proxy->setSortKey(TagFilterProxyModel::SortKey::LastPushed);
        break;
    case NameColumn:
        m_proxy->setSortKey(TagFilterProxyModel::SortKey::SemanticVersion);
        break;
    default:
        m_proxy->setSortKey(TagFilterProxyModel::SortKey::Name);
        break;
    }
    m_proxy->setSortOrder(order);
}

} // namespace wharf
