#include "itemmodels/LayerFilesModel.h"

#include "itemmodels/ItemRoles.h"

#include "core/ContinueOnEventLoop.h"
#include "layers/FileModeText.h"
#include "layers/LayerStackJob.h"

#include <QDateTime>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace wharf {

// Both views of one layer, with each node's row under its parent (what parent() needs).
struct LayerFilesModel::Trees
{
    FileTree layer;
    FileTree merged;
    QList<int> layerRows;
    QList<int> mergedRows;
};

namespace {

QList<int> rowsOf(const FileTree &tree)
{
    QList<int> rows(tree.size(), 0);
    for (int i = 0; i < tree.size(); ++i) {
        const QList<int> &children = tree.node(i).children;
        for (int row = 0; row < children.size(); ++row)
            rows[children.at(row)] = row;
    }
    return rows;
}

const FileTree &emptyTree()
{
    static const FileTree empty;
    return empty;
}

} // namespace

LayerFilesModel::LayerFilesModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

LayerFilesModel::~LayerFilesModel()
{
    m_load.abandon(this);
}

std::optional<Error::Code> LayerFilesModel::errorCode() const
{
    return m_error ? std::optional<Error::Code>(m_error->code()) : std::nullopt;
}

const FileTree &LayerFilesModel::tree() const
{
    if (!m_trees)
        return emptyTree();
    return m_view == View::LayerOnly ? m_trees->layer : m_trees->merged;
}

int LayerFilesModel::count(FileMark mark) const
{
    return m_trees ? m_trees->layer.count(mark) : 0;
}

void LayerFilesModel::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void LayerFilesModel::clear()
{
    m_load.abandon(this);
    beginResetModel();
    m_trees.reset();
    m_layerDigests.clear();
    endResetModel();
    const bool layerWas = m_layerIndex != -1;
    m_layerIndex = -1;
    const bool stateWas = m_state != State::Idle || m_error || m_incomplete;
    m_error.reset();
    m_incomplete = false;
    m_state = State::Idle;
    if (stateWas)
        Q_EMIT stateChanged();
    if (layerWas)
        Q_EMIT layerChanged();
}

void LayerFilesModel::load(RegistryClient *client, const QString &registry, const QString &repository,
                           const QList<Descriptor> &layers, int index, const QString &storeRoot)
{
    clear();
    m_layerIndex = index;
    Q_EMIT layerChanged();
    if (index < 0 || index >= layers.size()) {
        m_error = Error(Error::Code::NotFound, tr("The image has no layer %1.").arg(index + 1));
        setState(State::Error);
        return;
    }
    auto *job = new LayerStackJob(client, registry, repository, layers.mid(0, index + 1), storeRoot, this);
    m_load.track(job);
    connect(job, &LayerStackJob::progress, this, &LayerFilesModel::progress);
    connect(job, &Job::finished, this, [this, job, index] {
        m_load.done();
        std::optional<Error> error = job->error();
        build(job->stack(), index, std::move(error));
    });
    setState(State::Loading);
    job->start();
}

void LayerFilesModel::setLayers(const LayerStack &stack, int index)
{
    clear();
    m_layerIndex = index;
    Q_EMIT layerChanged();
    if (index < 0 || index >= stack.size()) {
        m_error = Error(Error::Code::NotFound, tr("The image has no layer %1.").arg(index + 1));
        setState(State::Error);
        return;
    }
    build(stack, index, std::nullopt);
}

void LayerFilesModel::build(const LayerStack &stack, int index, std::optional<Error> loadError)
{
    setState(State::Loading);
    const quint64 generation = m_load.generation();
    // A big image is hundreds of thousands of entries: merge them off the GUI thread.
    auto built = QtConcurrent::run([stack, index] {
        auto trees = std::make_shared<Trees>();
        trees->layer = stack.layerTree(index);
        trees->merged = stack.mergedTree(index);
        trees->layerRows = rowsOf(trees->layer);
        trees->mergedRows = rowsOf(trees->merged);
        return std::shared_ptr<const Trees>(std::move(trees));
    });
    QList<Digest> digests;
    for (const LayerListing &listing : stack.layers())
        digests.append(listing.layer);
    const LayerListing &chosen = stack.layer(index);
    const bool unreadable = chosen.entries.isEmpty() && chosen.error.has_value();
    const bool incomplete = !stack.isComplete(index);
    std::optional<Error> error = stack.firstError(index);
    if (!error && loadError && loadError->code() != Error::Code::Cancelled)
        error = loadError;
    continueOnEventLoop(built, this, [this, generation, digests, unreadable, incomplete, error](std::shared_ptr<const Trees> trees) {
        if (!m_load.isCurrent(generation))
            return;
        beginResetModel();
        m_trees = std::move(trees);
        m_layerDigests = digests;
        endResetModel();
        m_error = error;
        m_incomplete = incomplete;
        // From Loading (build() set it), so stateChanged also announces the error and incomplete.
        setState(unreadable ? State::Error : (tree().size() > 1 ? State::Ready : State::Empty));
    });
}

void LayerFilesModel::setView(View view)
{
    if (view == m_view)
        return;
    beginResetModel();
    m_view = view;
    endResetModel();
    Q_EMIT viewChanged();
    if (m_state == State::Ready || m_state == State::Empty)
        setState(tree().size() > 1 ? State::Ready : State::Empty);
}

int LayerFilesModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return int(index.internalId());
}

QModelIndex LayerFilesModel::indexOfNode(int node, int column) const
{
    if (!m_trees || node <= 0 || node >= tree().size() || column < 0 || column >= ColumnCount)
        return {};
    const QList<int> &rows = m_view == View::LayerOnly ? m_trees->layerRows : m_trees->mergedRows;
    return createIndex(rows.at(node), column, quintptr(node));
}

QModelIndex LayerFilesModel::indexOfPath(const QString &path) const
{
    return indexOfNode(tree().find(path));
}

QModelIndex LayerFilesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int parentNode = parent.isValid() ? nodeOf(parent) : 0;
    return createIndex(row, column, quintptr(tree().node(parentNode).children.at(row)));
}

QModelIndex LayerFilesModel::parent(const QModelIndex &child) const
{
    const int node = nodeOf(child);
    if (node <= 0)
        return {};
    return indexOfNode(tree().node(node).parent);
}

int LayerFilesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const int node = parent.isValid() ? nodeOf(parent) : 0;
    return node < 0 ? 0 : int(tree().node(node).children.size());
}

int LayerFilesModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool LayerFilesModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags LayerFilesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (tree().node(nodeOf(index)).children.isEmpty())
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QString LayerFilesModel::typeText(LayerEntry::Type type, bool deleted)
{
    switch (type) {
    case LayerEntry::Type::File: return deleted ? tr("deleted file") : tr("file");
    case LayerEntry::Type::Directory: return deleted ? tr("deleted folder") : tr("folder");
    case LayerEntry::Type::Symlink: return deleted ? tr("deleted symbolic link") : tr("symbolic link");
    case LayerEntry::Type::Hardlink: return deleted ? tr("deleted hard link") : tr("hard link");
    case LayerEntry::Type::CharDevice: return deleted ? tr("deleted character device") : tr("character device");
    case LayerEntry::Type::BlockDevice: return deleted ? tr("deleted block device") : tr("block device");
    case LayerEntry::Type::Fifo: return deleted ? tr("deleted FIFO") : tr("FIFO");
    //: a whiteout entry whose path was not there in the layers below
    case LayerEntry::Type::Whiteout: return tr("whiteout (nothing below)");
    case LayerEntry::Type::OpaqueDirectory: return tr("opaque marker");
    }
    return {};
}

QString LayerFilesModel::markText(FileMark mark)
{
    switch (mark) {
    //: what a layer did to a path: it was not there below
    case FileMark::Added: return tr("added");
    //: what a layer did to a path: it was there below and the layer wrote it again
    case FileMark::Modified: return tr("modified");
    //: what a layer did to a path: it was there below and the layer removed it
    case FileMark::Deleted: return tr("deleted");
    case FileMark::None: break;
    }
    return {};
}

QVariant LayerFilesModel::rawValue(const FileNode &node, int column) const
{
    switch (column) {
    case NameColumn: return node.name;
    case SizeColumn: return node.totalSize;
    case TypeColumn: return int(node.entry.type);
    case ModeColumn: return node.entry.mode;
    case OwnerColumn: return node.entry.uid;
    case LinkTargetColumn: return node.entry.linkTarget;
    case MarkColumn: return int(node.mark);
    default: return {};
    }
}

QString LayerFilesModel::displayText(const FileNode &node, int column) const
{
    const LayerEntry &e = node.entry;
    switch (column) {
    case NameColumn:
        return node.name;
    case SizeColumn: {
        const bool sized = e.type == LayerEntry::Type::File || e.type == LayerEntry::Type::Directory;
        if (!sized)
            return {};
        const QString size = QLocale().formattedDataSize(node.totalSize);
        //: the bytes a deletion removed from the image
        return node.isDeleted() ? tr("−%1").arg(size) : size;
    }
    case TypeColumn:
        return typeText(e.type, node.isDeleted() && !e.isDeletion());
    case ModeColumn:
        return node.implied ? QString() : fileModeText(e.type, e.mode);
    case OwnerColumn:
        return node.implied || e.isDeletion() ? QString() : QStringLiteral("%1:%2").arg(e.uid).arg(e.gid);
    case LinkTargetColumn:
        return e.type == LayerEntry::Type::Symlink || e.type == LayerEntry::Type::Hardlink ? e.linkTarget : QString();
    case MarkColumn:
        return markText(node.mark);
    default:
        return {};
    }
}

QVariant LayerFilesModel::data(const QModelIndex &index, int role) const
{
    if (role == ItemRole::CopyText)
        role = PathRole;
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int nodeIndex = nodeOf(index);
    const FileNode &node = tree().node(nodeIndex);
    const LayerEntry &e = node.entry;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(node, index.column());
    case Qt::ToolTipRole:
        if (index.column() != NameColumn)
            return {};
        if (node.isDeleted())
            return e.type == LayerEntry::Type::Whiteout ? tr("%1: deleted by this layer, but it was not there below").arg(e.path)
                                                         : tr("%1: deleted by this layer").arg(e.path);
        if (node.opaque)
            return tr("%1: this layer hides what the layers below had in this folder").arg(e.path);
        return e.path;
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case RawValueRole:
        return rawValue(node, index.column());
    case PathRole:
        return e.path;
    case NameRole:
        return node.name;
    case EntryTypeRole:
        return int(e.type);
    case SizeRole:
        return node.totalSize;
    case ModeRole:
        return e.mode;
    case ModeTextRole:
        return node.implied ? QString() : fileModeText(e.type, e.mode);
    case UidRole:
        return e.uid;
    case GidRole:
        return e.gid;
    case ModificationTimeRole:
        return node.implied ? QDateTime() : QDateTime::fromSecsSinceEpoch(e.mtime, Qt::UTC);
    case LinkTargetRole:
        return e.linkTarget;
    case MarkRole:
        return int(node.mark);
    case DeletedRole:
        return node.isDeleted();
    case OpaqueRole:
        return node.opaque;
    case ImpliedRole:
        return node.implied;
    case IsDirectoryRole:
        return node.isDirectory();
    case SourceLayerRole:
        return node.layer;
    case SourceLayerDigestRole:
        return node.layer >= 0 && node.layer < m_layerDigests.size() ? m_layerDigests.at(node.layer).toString() : QString();
    case DescendantCountRole:
        return node.descendants;
    default:
        return {};
    }
}

QVariant LayerFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case SizeColumn: return tr("Size");
    case TypeColumn: return tr("Type");
    case ModeColumn: return tr("Mode");
    //: uid:gid of a file
    case OwnerColumn: return tr("Owner");
    case LinkTargetColumn: return tr("Link target");
    //: what this layer did to the file: added, modified or deleted
    case MarkColumn: return tr("Change");
    default: return {};
    }
}

QHash<int, QByteArray> LayerFilesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert({
        {RawValueRole, "rawValue"},
        {PathRole, "path"},
        {NameRole, "name"},
        {EntryTypeRole, "entryType"},
        {SizeRole, "size"},
        {ModeRole, "mode"},
        {ModeTextRole, "modeText"},
        {UidRole, "uid"},
        {GidRole, "gid"},
        {ModificationTimeRole, "modificationTime"},
        {LinkTargetRole, "linkTarget"},
        {MarkRole, "mark"},
        {DeletedRole, "deleted"},
        {OpaqueRole, "opaque"},
        {ImpliedRole, "implied"},
        {IsDirectoryRole, "isDirectory"},
        {SourceLayerRole, "sourceLayer"},
        {SourceLayerDigestRole, "sourceLayerDigest"},
        {DescendantCountRole, "descendantCount"},
    });
    return names;
}

} // namespace wharf
