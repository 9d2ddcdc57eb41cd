#include "itemmodels/LocalImagesModel.h"

#include "itemmodels/ItemRoles.h"

#include "core/ContinueOnEventLoop.h"

#include "reference/ImageReference.h"

#include <QFuture>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

namespace wharf {

LocalImagesModel::LocalImagesModel(ImageStore store, QObject *parent)
    : QAbstractTableModel(parent), m_store(std::move(store))
{
}

LocalImagesModel::~LocalImagesModel()
{
    m_cancelExports->store(true);
}

std::optional<StoredImage> LocalImagesModel::image(int row) const
{
    if (row < 0 || row >= m_usage.images.size())
        return std::nullopt;
    return m_usage.images.at(row).image;
}

qint64 LocalImagesModel::reclaimableIn(const ImageStore &store)
{
    auto report = store.collectGarbage(ImageStore::GcMode::DryRun);
    return report ? report->bytesRemoved + report->ingestBytesRemoved : -1;
}

LocalImagesModel::Read LocalImagesModel::readStore(const ImageStore &store)
{
    return {store.usage(), reclaimableIn(store)};
}

void LocalImagesModel::refresh()
{
    if (m_loading) {
        m_refreshAgain = true;
        return;
    }
    startRefresh();
}

void LocalImagesModel::startRefresh()
{
    setLoading(true);
    continueOnEventLoop(QtConcurrent::run([store = m_store] { return readStore(store); }), this,
                        [this](const Read &read) { applyRefresh(read); });
}

void LocalImagesModel::applyRefresh(const Read &read)
{
    if (m_refreshAgain) {
        // The store changed while this read ran: this answer may already be stale.
        m_refreshAgain = false;
        startRefresh();
        return;
    }
    if (read.usage) {
        beginResetModel();
        m_usage = *read.usage;
        sortEntries();
        endResetModel();
    }
    if (read.reclaimable >= 0)
        setReclaimable(read.reclaimable);
    setLoading(false);
    Q_EMIT refreshed(read.usage ? std::nullopt : std::optional<Error>(read.usage.error()));
}

void LocalImagesModel::updateReclaimable()
{
    continueOnEventLoop(QtConcurrent::run([store = m_store] { return reclaimableIn(store); }), this, [this](qint64 bytes) {
        if (bytes >= 0)
            setReclaimable(bytes);
    });
}

void LocalImagesModel::setReclaimable(qint64 bytes)
{
    if (m_reclaimable == bytes)
        return;
    m_reclaimable = bytes;
    Q_EMIT reclaimableChanged(bytes);
}

void LocalImagesModel::setPending(int delta)
{
    m_pending += delta;
    Q_EMIT pendingChangesChanged();
}

void LocalImagesModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

int LocalImagesModel::rowOf(const StoredImage &image) const
{
    for (int row = 0; row < m_usage.images.size(); ++row) {
        const StoredImage &other = m_usage.images.at(row).image;
        if (other.reference == image.reference && other.platform.normalized() == image.platform.normalized())
            return row;
    }
    return -1;
}

bool LocalImagesModel::remove(int row)
{
    if (row < 0 || row >= m_usage.images.size())
        return false;
    const StoredImage image = m_usage.images.at(row).image;
    auto removal = QtConcurrent::run([store = m_store, image] {
        LocalImageRemoval result{image, std::nullopt};
        // Exactly this entry: the stored reference is already normalised, and the platform picks one of several.
        if (auto removed = store.removeImageWithBlobs(image.reference, image.platform); !removed) {
            result.error = removed.error();
        } else {
            result.blobsFreed = removed->blobsRemoved;
            result.bytesFreed = removed->bytesRemoved;
            result.blobsKept = removed->blobsKept;
        }
        return result;
    });
    setPending(+1);
    continueOnEventLoop(removal, this, [this](const LocalImageRemoval &result) {
        // The row may have moved (a refresh or a sort in between); find it again.
        if (const int row = rowOf(result.image); row >= 0 && (!result.error || result.error->code() == Error::Code::NotFound)) {
            beginRemoveRows({}, row, row);
            const StoreUsage before = m_usage;
            m_usage.removeAt(row);
            endRemoveRows();
            // Layers and blobs this image shared may now belong to one image alone.
            for (int i = 0; i < m_usage.images.size(); ++i) {
                const ImageUsage &now = m_usage.images.at(i);
                const ImageUsage &then = before.images.at(i < row ? i : i + 1);
                if (now.shared != then.shared || now.freeable != then.freeable)
                    Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1)); // FreeableBytesRole is on every column
            }
        }
        setPending(-1);
        updateReclaimable();
        Q_EMIT removeFinished(result);
    });
    return true;
}

void LocalImagesModel::collectGarbage()
{
    setPending(+1);
    auto collected = QtConcurrent::run([store = m_store] {
        LocalImageCleanup result;
        if (auto report = store.collectGarbage())
            result.report = *report;
        else
            result.error = report.error();
        return result;
    });
    continueOnEventLoop(collected, this, [this](const LocalImageCleanup &result) {
        setPending(-1);
        updateReclaimable();
        Q_EMIT cleanupFinished(result);
    });
}

void LocalImagesModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    if (column < 0 || column >= ColumnCount)
        return; // index.json's order comes back with the next refresh
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<StoredImage> images;
    images.reserve(before.size());
    for (const QModelIndex &index : before)
        images.append(m_usage.images.at(index.row()).image);
    sortEntries();
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowOf(images.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void LocalImagesModel::sortEntries()
{
    if (m_sortColumn < 0 || m_sortColumn >= ColumnCount)
        return;
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(m_usage.images.begin(), m_usage.images.end(), [this, column, descending](const Entry &a, const Entry &b) {
        const QVariant x = rawValue(descending ? b : a, column);
        const QVariant y = rawValue(descending ? a : b, column);
        if (x.typeId() == QMetaType::QString)
            return QString::localeAwareCompare(x.toString(), y.toString()) < 0;
        return QVariant::compare(x, y) == QPartialOrdering::Less;
    });
}

bool LocalImagesModel::exportImage(int row, const QString &path, ImageExporter::Format format)
{
    if (row < 0 || row >= m_usage.images.size())
        return false;
    auto exported = QtConcurrent::run([store = m_store, image = m_usage.images.at(row).image, path, format, cancel = m_cancelExports] {
        LocalImageExport job{image, path, format, std::nullopt, {}};
        ImageExporter::Options options;
        options.cancel = cancel.get();
        if (auto report = ImageExporter::exportImage(store, job.image, job.path, job.format, options))
            job.report = *report;
        else
            job.error = report.error();
        return job;
    });
    continueOnEventLoop(exported, this, [this](const LocalImageExport &result) { Q_EMIT exportFinished(result); });
    return true;
}

int LocalImagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_usage.images.size());
}

int LocalImagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags LocalImagesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant LocalImagesModel::rawValue(const Entry &entry, int column) const
{
    switch (column) {
    case ReferenceColumn:
        return entry.image.reference;
    case PlatformColumn:
        return entry.image.platform.toString();
    case DigestColumn:
        return entry.image.manifest.digest.toString();
    case SizeColumn:
        return entry.size;
    case SharedColumn:
        return entry.shared;
    case UniqueColumn:
        return entry.unique;
    case PulledColumn:
        return entry.image.pulledAt;
    default:
        return {};
    }
}

QString LocalImagesModel::displayText(const Entry &entry, int column) const
{
    const QLocale locale;
    switch (column) {
    case ReferenceColumn: {
        const auto parsed = ImageReference::parseDockerRef(entry.image.reference);
        return parsed ? parsed->familiarString() : entry.image.reference;
    }
    case PlatformColumn:
        return entry.image.platform.toString();
    case DigestColumn:
        return entry.image.manifest.digest.toString();
    case SizeColumn:
        //: the size of an image whose manifest cannot be read
        return entry.size < 0 ? tr("unknown") : locale.formattedDataSize(entry.size);
    case SharedColumn:
        return entry.layers ? locale.formattedDataSize(entry.shared) : QString();
    case UniqueColumn:
        return entry.layers ? locale.formattedDataSize(entry.unique) : QString();
    case PulledColumn:
        return entry.image.pulledAt.isValid() ? locale.toString(entry.image.pulledAt.toLocalTime(), QLocale::ShortFormat)
                                              : QString();
    default:
        return {};
    }
}

QVariant LocalImagesModel::data(const QModelIndex &index, int role) const
{
    if (role == ItemRole::CopyText)
        role = ReferenceRole;
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_usage.images.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ReferenceColumn)
            return entry.image.reference;
        if (index.column() == UniqueColumn || index.column() == SharedColumn)
            //: %1: a size; what deleting the image from the local store frees on disk
            return tr("Deleting it frees %1: the layers no other stored image uses, its manifest and its config")
                .arg(QLocale().formattedDataSize(entry.freeable));
        return QString();
    case RawValueRole:
        return rawValue(entry, index.column());
    case ReferenceRole:
        return entry.image.reference;
    case FamiliarReferenceRole:
        return displayText(entry, ReferenceColumn);
    case PlatformRole:
        return entry.image.platform.toString();
    case ManifestDigestRole:
        return entry.image.manifest.digest.toString();
    case MediaTypeRole:
        return entry.image.manifest.mediaType;
    case IndexDigestRole:
        return entry.image.indexDigest;
    case RefNameRole:
        return entry.image.refName;
    case SizeRole:
        return entry.size < 0 ? QVariant() : QVariant(entry.size);
    case SharedBytesRole:
        return entry.shared;
    case UniqueBytesRole:
        return entry.unique;
    case LayerCountRole:
        return entry.layers ? int(entry.layers->size()) : 0;
    case PulledAtRole:
        return entry.image.pulledAt;
    case FreeableBytesRole:
        return entry.freeable;
    case ManifestPathRole:
        return m_store.blobPath(entry.image.manifest.digest);
    default:
        return {};
    }
}

QVariant LocalImagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ReferenceColumn:
        return tr("Image");
    case PlatformColumn:
        return tr("Platform");
    case DigestColumn:
        return tr("Digest");
    case SizeColumn:
        return tr("Size");
    case SharedColumn:
        //: layer bytes other stored images use too
        return tr("Shared");
    case UniqueColumn:
        //: layer bytes only this image uses: what removing it frees
        return tr("Unique");
    case PulledColumn:
        return tr("Pulled");
    default:
        return {};
    }
}

QHash<int, QByteArray> LocalImagesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({
        {RawValueRole, "rawValue"},
        {ReferenceRole, "reference"},
        {FamiliarReferenceRole, "familiarReference"},
        {PlatformRole, "platform"},
        {ManifestDigestRole, "manifestDigest"},
        {MediaTypeRole, "mediaType"},
        {IndexDigestRole, "indexDigest"},
        {RefNameRole, "refName"},
        {SizeRole, "size"},
        {SharedBytesRole, "sharedBytes"},
        {UniqueBytesRole, "uniqueBytes"},
        {LayerCountRole, "layerCount"},
        {PulledAtRole, "pulledAt"},
        {FreeableBytesRole, "freeableBytes"},
        {ManifestPathRole, "manifestPath"},
    });
    return names;
}

} // namespace wharf
