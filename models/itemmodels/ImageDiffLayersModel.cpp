#include "itemmodels/ImageDiffLayersModel.h"

#include <QLocale>

namespace wharf {

ImageDiffLayersModel::ImageDiffLayersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ImageDiffLayersModel::setDiff(const ImageDiff &diff, const QString &fromName, const QString &toName)
{
    beginResetModel();
    m_rows.clear();
    for (const ImageDiff::Layer &layer : diff.commonLayers)
        m_rows.append({layer, Kind::Common});
    for (const ImageDiff::Layer &layer : diff.onlyInFrom)
        m_rows.append({layer, Kind::OnlyInFrom});
    for (const ImageDiff::Layer &layer : diff.onlyInTo)
        m_rows.append({layer, Kind::OnlyInTo});
    m_sharedPrefix = diff.sharedPrefix;
    m_fromName = fromName;
    m_toName = toName;
    endResetModel();
}

void ImageDiffLayersModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_sharedPrefix = 0;
    endResetModel();
}

int ImageDiffLayersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImageDiffLayersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageDiffLayersModel::rawValue(const Row &row, int column) const
{
    switch (column) {
    case WhereColumn: return int(row.kind);
    case DigestColumn: return row.layer.digest.toString();
    case SizeColumn: return row.layer.size;
    case PositionColumn: return row.layer.fromIndex >= 0 ? row.layer.fromIndex : row.layer.toIndex;
    }
    return {};
}

QVariant ImageDiffLayersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool shared = row.kind == Kind::Common && row.layer.fromIndex == row.layer.toIndex
                        && row.layer.fromIndex < m_sharedPrefix;
    switch (role) {
    case RawValueRole:
        return rawValue(row, index.column());
    case DigestRole:
        return row.layer.digest.toString();
    case SizeRole:
        return row.layer.size;
    case KindRole:
        return int(row.kind);
    case FromIndexRole:
        return row.layer.fromIndex;
    case ToIndexRole:
        return row.layer.toIndex;
    case SharedBaseRole:
        return shared;
    case Qt::ToolTipRole:
        return row.layer.digest.toString();
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhereColumn:
            switch (row.kind) {
            case Kind::Common: return shared ? tr("shared base") : tr("in both");
            case Kind::OnlyInFrom: return tr("only in %1").arg(m_fromName);
            case Kind::OnlyInTo: return tr("only in %1").arg(m_toName);
            }
            return {};
        case DigestColumn:
            return row.layer.digest.shortForm();
        case SizeColumn:
            return QLocale().formattedDataSize(row.layer.size);
        case PositionColumn:
            if (row.kind == Kind::Common)
                return tr("layer %1 → layer %2").arg(row.layer.fromIndex + 1).arg(row.layer.toIndex + 1);
            return tr("layer %1").arg((row.kind == Kind::OnlyInFrom ? row.layer.fromIndex : row.layer.toIndex) + 1);
        }
        return {};
    }
    return {};
}

QVariant ImageDiffLayersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhereColumn: return tr("Layer");
    case DigestColumn: return tr("Digest");
    case SizeColumn: return tr("Size");
    case PositionColumn: return tr("Position");
    }
    return {};
}

} // namespace wharf
