#include "itemmodels/ImageDiffModel.h"

#include "core/ContinueOnEventLoop.h"
#include "itemmodels/ImageDiffLayersModel.h"
#include "layers/LayerStackJob.h"
#include "registry/RegistryClient.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace wharf {

namespace {

QString signedSize(qint64 delta)
{
    if (delta == 0)
        return QStringLiteral("0");
    const QString size = QLocale().formattedDataSize(delta < 0 ? -delta : delta);
    return (delta < 0 ? QStringLiteral("−") : QStringLiteral("+")) + size;
}

bool anyRead(const LayerStack &stack)
{
    if (stack.isEmpty())
        return true;
    for (const LayerListing &listing : stack.layers())
        if (listing.complete || !listing.entries.isEmpty())
            return true;
    return false;
}

} // namespace

ImageDiffModel::ImageDiffModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_layers(new ImageDiffLayersModel(this))
{
}

ImageDiffModel::~ImageDiffModel()
{
    m_load.abandon(this);
}

void ImageDiffModel::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void ImageDiffModel::clear()
{
    m_load.abandon(this);
    beginResetModel();
    m_diff = {};
    endResetModel();
    m_layers->clear();
    m_error.reset();
    setState(State::Idle);
}

void ImageDiffModel::compare(RegistryClient *client, const QString &registry, const QString &repository,
                             const QList<Descriptor> &fromLayers, const QList<Descriptor> &toLayers,
                             const QString &fromName, const QString &toName, const QString &storeRoot)
{
    clear();
    m_fromName = fromName;
    m_toName = toName;
    auto *job = new LayerStackJob(client, registry, repository, fromLayers, storeRoot, this);
    m_load.track(job);
    connect(job, &LayerStackJob::progress, this, &ImageDiffModel::progress);
    connect(job, &Job::finished, this, [this, job, client = QPointer<RegistryClient>(client), registry, repository, toLayers, storeRoot] {
        m_load.done();
        if (job->isCancelled())
            return;
        listTo(client.data(), registry, repository, toLayers, storeRoot, job->stack());
    });
    setState(State::Loading);
    job->start();
}

void ImageDiffModel::compareWithListed(RegistryClient *client, const QString &registry, const QString &repository,
                                       const LayerStack &from, const QList<Descriptor> &toLayers, const QList<Digest> &toDiffIds,
                                       const QString &fromName, const QString &toName, const QString &storeRoot)
{
    clear();
    m_fromName = fromName;
    m_toName = toName;
    setState(State::Loading);
    listTo(client, registry, repository, toLayers, storeRoot, from, toDiffIds);
}

void ImageDiffModel::listTo(RegistryClient *client, const QString &registry, const QString &repository,
                            const QList<Descriptor> &toLayers, const QString &storeRoot, const LayerStack &from,
                            const QList<Digest> &toDiffIds)
{
    // The blobs both images share are read once.
    QHash<QString, LayerListing> known;
    for (const LayerListing &listing : from.layers())
        if (listing.complete)
            known.insert(listing.layer.toString(), listing);
    // Against layers known by diff ID, a layer of the same diff ID is the same layer.
    const bool byDiffId = !toDiffIds.isEmpty() && toDiffIds.size() == toLayers.size();
    if (byDiffId) {
        for (qsizetype i = 0; i < toLayers.size(); ++i)
            if (const auto same = known.constFind(toDiffIds.at(i).toString()); same != known.cend())
                known.insert(toLayers.at(i).digest.toString(), *same);
    }
    auto *job = new LayerStackJob(client, registry, repository, toLayers, storeRoot, this);
    job->setKnownListings(known);
    m_load.track(job);
    connect(job, &LayerStackJob::progress, this, &ImageDiffModel::progress);
    connect(job, &Job::finished, this, [this, job, from, toDiffIds, byDiffId] {
        m_load.done();
        if (job->isCancelled())
            return;
        if (!byDiffId) {
            diffStacks(from, job->stack(), job->error());
            return;
        }
        QList<LayerListing> listings = job->listings();
        for (qsizetype i = 0; i < listings.size(); ++i)
            listings[i].layer = toDiffIds.at(i);
        diffStacks(from, LayerStack(std::move(listings)), job->error());
    });
    job->start();
}

void ImageDiffModel::diffStacks(const LayerStack &from, const LayerStack &to, std::optional<Error> loadError)
{
    setState(State::Loading);
    const quint64 generation = m_load.generation();
    // Two final file systems merged and walked path by path: a worker's job.
    auto compared = QtConcurrent::run([from, to] { return ImageDiff::compare(from, to); });
    const bool readable = anyRead(from) && anyRead(to);
    std::optional<Error> error = from.firstError();
    if (!error)
        error = to.firstError();
    if (!error && loadError && loadError->code() != Error::Code::Cancelled)
        error = loadError;
    continueOnEventLoop(compared, this, [this, generation, readable, error](const ImageDiff &diff) {
        if (!m_load.isCurrent(generation))
            return;
        beginResetModel();
        m_diff = diff;
        endResetModel();
        m_layers->setDiff(m_diff, m_fromName, m_toName);
        m_error = error;
        setState(readable ? State::Ready : State::Error);
    });
}

int ImageDiffModel::rowOfPath(const QString &path) const
{
    for (int row = 0; row < m_diff.files.size(); ++row)
        if (m_diff.files.at(row).path == path)
            return row;
    return -1;
}

int ImageDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diff.files.size());
}

int ImageDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImageDiffModel::changeText(ImageDiff::Change change)
{
    switch (change) {
    case ImageDiff::Change::Added: return tr("added");
    case ImageDiff::Change::Removed: return tr("removed");
    case ImageDiff::Change::Changed: return tr("changed");
    }
    return {};
}

QString ImageDiffModel::differencesText(ImageDiff::Differences differences)
{
    QStringList names;
    if (differences & ImageDiff::Difference::Type)
        names << tr("type");
    if (differences & ImageDiff::Difference::Size)
        names << tr("size");
    if (differences & ImageDiff::Difference::Mode)
        names << tr("mode");
    if (differences & ImageDiff::Difference::Owner)
        names << tr("owner");
    if (differences & ImageDiff::Difference::LinkTarget)
        names << tr("link target");
    if (differences & ImageDiff::Difference::MTime)
        names << tr("time");
    if (differences & ImageDiff::Difference::Layer)
        names << tr("layer");
    return names.join(QStringLiteral(", "));
}

QVariant ImageDiffModel::rawValue(const ImageDiff::File &file, int column) const
{
    switch (column) {
    case PathColumn: return file.path;
    case ChangeColumn: return int(file.change);
    case FromSizeColumn: return file.fromSize();
    case ToSizeColumn: return file.toSize();
    case DeltaColumn: return file.sizeDelta();
    case DetailsColumn: return int(file.differences.toInt());
    }
    return {};
}

QVariant ImageDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImageDiff::File &file = m_diff.files.at(index.row());
    switch (role) {
    case RawValueRole:
        return rawValue(file, index.column());
    case PathRole:
        return file.path;
    case ChangeRole:
        return int(file.change);
    case FromSizeRole:
        return file.fromSize();
    case ToSizeRole:
        return file.toSize();
    case SizeDeltaRole:
        return file.sizeDelta();
    case DifferencesRole:
        return int(file.differences.toInt());
    case LayerOnlyRole:
        return file.change == ImageDiff::Change::Changed && file.differences == ImageDiff::Difference::Layer;
    case Qt::TextAlignmentRole:
        if (index.column() >= FromSizeColumn && index.column() <= DeltaColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (file.change == ImageDiff::Change::Changed && file.differences == ImageDiff::Difference::Layer)
            return tr("Another layer blob holds this path; nothing else in its entry differs, so the bytes may be the same.");
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case PathColumn:
            return QString(u'/' + file.path);
        case ChangeColumn:
            return changeText(file.change);
        case FromSizeColumn:
            return file.from ? QLocale().formattedDataSize(file.fromSize()) : QString();
        case ToSizeColumn:
            return file.to ? QLocale().formattedDataSize(file.toSize()) : QString();
        case DeltaColumn:
            return signedSize(file.sizeDelta());
        case DetailsColumn:
            return differencesText(file.differences);
        }
        return {};
    }
    return {};
}

QVariant ImageDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PathColumn: return tr("Path");
    case ChangeColumn: return tr("Change");
    case FromSizeColumn: return m_fromName.isEmpty() ? tr("Size before") : tr("Size in %1").arg(m_fromName);
    case ToSizeColumn: return m_toName.isEmpty() ? tr("Size after") : tr("Size in %1").arg(m_toName);
    case DeltaColumn: return tr("Δ Size");
    case DetailsColumn: return tr("What differs");
    }
    return {};
}

} // namespace wharf
