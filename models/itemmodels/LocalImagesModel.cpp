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
    if (row < 0 || row >= m_entries.size())
        return std::nullopt;
    return m_entries.at(row).image;
}

Result<QList<LocalImagesModel::Entry>> LocalImagesModel::readStore(const ImageStore &store)
{
    auto images = store.images();
    if (!images)
        return wharf::unexpected(images.error());
    QList<Entry> entries;
    entries.reserve(images->size());
    for (const StoredImage &image : std::as_const(*images)) {
        Entry entry{image};
        // An unreadable manifest is `wharf verify`'s to explain; the row stays, without sizes.
        if (auto manifest = store.readImageManifest(image.manifest))
            entry.layers = manifest->layers;
        entries.append(std::move(entry));
    }
    splitShared(entries);
    return entries;
}

void LocalImagesModel::splitShared(QList<Entry> &entries)
{
    // Counted once per image, so an image that lists one layer twice does not share it with itself.
    QHash<QString, int> users;
    for (const Entry &entry : std::as_const(entries)) {
        if (!entry.layers)
            continue;
        QSet<QString> seen;
        for (const Descriptor &layer : *entry.layers) {
            const QString digest = layer.digest.toString();
            if (!seen.contains(digest)) {
                seen.insert(digest);
                ++users[digest];
            }
        }
    }
    for (Entry &entry : entries) {
        entry.size = entry.layers ? 0 : -1;
        entry.shared = entry.unique = 0;
        if (!entry.layers)
            continue;
        for (const Descriptor &layer : *entry.layers) {
            entry.size += layer.size;
            (users.value(layer.digest.toString()) > 1 ? entry.shared : entry.unique) += layer.size;
        }
    }
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
                        [this](const Result<QList<Entry>> &entries) { applyRefresh(entries); });
}

void LocalImagesModel::applyRefresh(const Result<QList<Entry>> &entries)
{
    if (m_refreshAgain) {
        // The store changed while this read ran: this answer may already be stale.
        m_refreshAgain = false;
        startRefresh();
        return;
    }
    if (entries) {
        beginResetModel();
        m_entries = *entries;
        endResetModel();
    }
    setLoading(false);
    Q_EMIT refreshed(entries ? std::nullopt : std::optional<Error>(entries.error()));
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
    for (int row = 0; row < m_entries.size(); ++row) {
        const StoredImage &other = m_entries.at(row).image;
        if (other.reference == image.reference && other.platform.normalized() == image.platform.normalized())
            return row;
    }
    return -1;
}

bool LocalImagesModel::remove(int row)
{
    if (row < 0 || row >= m_entries.size())
        return false;
    const StoredImage image = m_entries.at(row).image;
    auto removal = QtConcurrent::run([store = m_store, image] {
        LocalImageRemoval result{image, std::nullopt};
        // Exactly this entry: the stored reference is already normalised, and the platform picks one of several.
        if (auto removed = store.removeImage(image.reference, image.platform); !removed)
            result.error = removed.error();
        return result;
    });
    continueOnEventLoop(removal, this, [this](const LocalImageRemoval &result) {
        // The row may have moved (a refresh in between); find it again.
        if (const int row = rowOf(result.image); row >= 0 && (!result.error || result.error->code() == Error::Code::NotFound)) {
            beginRemoveRows({}, row, row);
            m_entries.removeAt(row);
            endRemoveRows();
            // Layers this image shared may now belong to one image alone.
            QList<Entry> before = m_entries;
            splitShared(m_entries);
            for (int i = 0; i < m_entries.size(); ++i)
                if (m_entries.at(i).shared != before.at(i).shared)
                    Q_EMIT dataChanged(index(i, SharedColumn), index(i, UniqueColumn));
        }
        Q_EMIT removeFinished(result);
    });
    return true;
}

bool LocalImagesModel::exportImage(int row, const QString &path, ImageExporter::Format format)
{
    if (row < 0 || row >= m_entries.size())
        return false;
    auto exported = QtConcurrent::run([store = m_store, image = m_entries.at(row).image, path, format, cancel = m_cancelExports] {
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
    return parent.isValid() ? 0 : int(m_entries.size());
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
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry, index.column());
    case Qt::ToolTipRole:
        return index.column() == ReferenceColumn ? entry.image.reference : QString();
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
    });
    return names;
}

} // namespace wharf
