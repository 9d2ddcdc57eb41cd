#include "itemmodels/HistoryModel.h"

#include "core/DateText.h"
#include "itemmodels/ItemRoles.h"

#include "registry/ImageInspectJob.h"

#include <QLocale>

namespace wharf {

HistoryModel::HistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void HistoryModel::setImage(const InspectedImage &image)
{
    setHistory(image.history);
}

void HistoryModel::setHistory(const ImageHistory &history)
{
    beginResetModel();
    m_history = history;
    m_layerIndex.clear();
    m_layerIndex.reserve(m_history.rows.size());
    int layer = 0;
    for (const HistoryRow &row : std::as_const(m_history.rows))
        m_layerIndex.append(row.layer ? layer++ : -1);
    endResetModel();
    Q_EMIT historyChanged();
}

void HistoryModel::clear()
{
    setHistory(ImageHistory());
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_history.rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags HistoryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (role == ItemRole::CopyText)
        role = LayerDigestRole;
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryRow &row = m_history.rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row(), index.column());
    case Qt::ToolTipRole:
        // The whole command, however long: the cell itself may be elided.
        return index.column() == InstructionColumn ? row.createdBy : QString();
    case RawValueRole:
        return rawValue(index.row(), index.column());
    case StepRole:
        return index.row();
    case CreatedRole:
        return row.created;
    case CreatedByRole:
        return row.createdBy;
    case InstructionRole:
        return row.instruction();
    case CommentRole:
        return row.comment;
    case EmptyLayerRole:
        return row.emptyLayer;
    case LayerIndexRole:
        return m_layerIndex.at(index.row());
    case LayerDigestRole:
        return row.layer ? row.layer->digest.toString() : QString();
    case LayerSizeRole:
        return row.layer && row.layer->size >= 0 ? QVariant(row.layer->size) : QVariant();
    case LayerMediaTypeRole:
        return row.layer ? row.layer->mediaType : QString();
    case DiffIdRole:
        return row.diffId ? row.diffId->toString() : QString();
    default:
        return {};
    }
}

QVariant HistoryModel::rawValue(int rowNumber, int column) const
{
    const HistoryRow &row = m_history.rows.at(rowNumber);
    switch (column) {
    case CreatedColumn:
        return row.created;
    case InstructionColumn:
        return row.createdBy;
    case SizeColumn:
        // Empty steps sort below every real layer, even an empty tar.
        return row.layer ? row.layer->size : qint64(-1);
    case LayerDigestColumn:
        return row.layer ? row.layer->digest.toString() : QString();
    case DiffIdColumn:
        return row.diffId ? row.diffId->toString() : QString();
    case CommentColumn:
        return row.comment;
    default:
        return {};
    }
}

QString HistoryModel::displayText(int rowNumber, int column) const
{
    const HistoryRow &row = m_history.rows.at(rowNumber);
    switch (column) {
    case CreatedColumn:
        return DateText::dateTime(row.created);
    case InstructionColumn:
        return row.instruction();
    case SizeColumn:
        //: a layer whose size its manifest does not record (Docker schema 1)
        if (row.layer && row.layer->size < 0)
            return tr("unknown");
        if (row.layer)
            return QLocale().formattedDataSize(row.layer->size);
        //: a build step (ENV, CMD, …) that changed only the config
        return row.emptyLayer ? tr("no layer") : QString();
    case LayerDigestColumn:
        return row.layer ? row.layer->digest.toString() : QString();
    case DiffIdColumn:
        return row.diffId ? row.diffId->toString() : QString();
    case CommentColumn:
        return row.comment;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CreatedColumn:
        return tr("Created");
    case InstructionColumn:
        return tr("Instruction");
    case SizeColumn:
        return tr("Size");
    case LayerDigestColumn:
        return tr("Layer digest");
    case DiffIdColumn:
        return tr("Diff ID");
    case CommentColumn:
        return tr("Comment");
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({
        {RawValueRole, "rawValue"},
        {StepRole, "step"},
        {CreatedRole, "created"},
        {CreatedByRole, "createdBy"},
        {InstructionRole, "instruction"},
        {CommentRole, "comment"},
        {EmptyLayerRole, "emptyLayer"},
        {LayerIndexRole, "layerIndex"},
        {LayerDigestRole, "layerDigest"},
        {LayerSizeRole, "layerSize"},
        {LayerMediaTypeRole, "layerMediaType"},
        {DiffIdRole, "diffId"},
    });
    return names;
}

} // namespace wharf
