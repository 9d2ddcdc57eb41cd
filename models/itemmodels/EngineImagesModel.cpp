#include "itemmodels/EngineImagesModel.h"

#include "itemmodels/ItemRoles.h"
#include "services/EngineJobs.h"

#include <QLocale>

namespace wharf {

EngineImagesModel::EngineImagesModel(EngineEndpoint endpoint, QObject *parent) : QAbstractTableModel(parent), m_endpoint(std::move(endpoint))
{
}

EngineImagesModel::~EngineImagesModel()
{
    if (m_job) {
        m_job->disconnect(this); // its finished() must not reach a model being destroyed
        m_job->cancel();
    }
}

std::optional<EngineImage> EngineImagesModel::image(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row).image;
}

void EngineImagesModel::refresh()
{
    if (m_loading) {
        m_refreshAgain = true;
        return;
    }
    startRefresh();
}

void EngineImagesModel::startRefresh()
{
    setLoading(true);
    auto *job = new EngineImagesJob(m_endpoint, this);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job->succeeded()) {
            QList<Row> rows;
            for (const EngineImage &image : job->images()) {
                if (image.repoTags.isEmpty())
                    rows.append({image, QString()});
                for (const QString &name : image.repoTags)
                    rows.append({image, name});
            }
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
        }
        const std::optional<Error> error = job->error();
        if (m_refreshAgain) {
            m_refreshAgain = false;
            startRefresh();
            return;
        }
        setLoading(false);
        Q_EMIT refreshed(error);
    });
    job->start();
}

bool EngineImagesModel::remove(int row)
{
    if (row < 0 || row >= m_rows.size())
        return false;
    const Row &r = m_rows.at(row);
    const QString name = r.name.isEmpty() ? r.image.id : r.name;
    auto *job = new EngineRemoveJob(m_endpoint, name, false, this);
    connect(job, &Job::finished, this, [this, job, name] {
        Q_EMIT removeFinished({name, job->error()});
        refresh();
    });
    job->start();
    return true;
}

void EngineImagesModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

int EngineImagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EngineImagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EngineImagesModel::displayText(const Row &row, int column) const
{
    const QLocale locale;
    const auto [repository, tag] = EngineImage::splitName(row.name);
    switch (column) {
    case RepositoryColumn:
        return row.name.isEmpty() ? QStringLiteral("<none>") : repository;
    case TagColumn:
        return row.name.isEmpty() || tag.isEmpty() ? QStringLiteral("<none>") : tag;
    case ImageIdColumn:
        return row.image.id.section(u':', 1).left(12);
    case PlatformColumn:
        return row.image.platform.toString();
    case CreatedColumn:
        return row.image.created.isValid() ? locale.toString(row.image.created.toLocalTime(), QLocale::ShortFormat) : QString();
    case SizeColumn:
        return locale.formattedDataSize(row.image.size);
    default:
        return {};
    }
}

QVariant EngineImagesModel::rawValue(const Row &row, int column) const
{
    switch (column) {
    case RepositoryColumn:
    case TagColumn:
        return displayText(row, column);
    case ImageIdColumn:
        return row.image.id;
    case PlatformColumn:
        return row.image.platform.toString();
    case CreatedColumn:
        return row.image.created;
    case SizeColumn:
        return row.image.size;
    default:
        return {};
    }
}

QVariant EngineImagesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == ImageIdColumn ? row.image.id : QString();
    case ItemRole::CopyText:
        return row.name.isEmpty() ? row.image.id : row.name;
    case RawValueRole:
        return rawValue(row, index.column());
    case NameRole:
        return row.name;
    case ImageIdRole:
        return row.image.id;
    case PlatformRole:
        return row.image.platform.toString();
    case CreatedRole:
        return row.image.created;
    case SizeRole:
        return row.image.size;
    case RepoDigestsRole:
        return row.image.repoDigests;
    case LayerCountRole:
        return int(row.image.diffIds.size());
    default:
        return {};
    }
}

QVariant EngineImagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RepositoryColumn:
        return tr("Repository");
    case TagColumn:
        return tr("Tag");
    case ImageIdColumn:
        return tr("Image ID");
    case PlatformColumn:
        return tr("Platform");
    case CreatedColumn:
        return tr("Created");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

QHash<int, QByteArray> EngineImagesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({
        {RawValueRole, "rawValue"},
        {NameRole, "name"},
        {ImageIdRole, "imageId"},
        {PlatformRole, "platform"},
        {CreatedRole, "created"},
        {SizeRole, "size"},
        {RepoDigestsRole, "repoDigests"},
        {LayerCountRole, "layerCount"},
    });
    return names;
}

} // namespace wharf
