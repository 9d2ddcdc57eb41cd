#include "itemmodels/ImageEfficiencyModel.h"

#include "core/ContinueOnEventLoop.h"
#include "layers/LayerStackJob.h"

#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace wharf {

ImageEfficiencyModel::ImageEfficiencyModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

ImageEfficiencyModel::~ImageEfficiencyModel()
{
    m_load.abandon(this);
}

void ImageEfficiencyModel::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void ImageEfficiencyModel::clear()
{
    m_load.abandon(this);
    if (!m_efficiency.offenders.isEmpty()) {
        beginResetModel();
        m_efficiency = {};
        endResetModel();
    }
    m_efficiency = {};
    m_stack = {};
    m_error.reset();
    setState(State::Idle);
}

void ImageEfficiencyModel::analyse(RegistryClient *client, const QString &registry, const QString &repository,
                                   const QList<Descriptor> &layers, const QString &storeRoot)
{
    clear();
    auto *job = new LayerStackJob(client, registry, repository, layers, storeRoot, this);
    m_load.track(job);
    connect(job, &LayerStackJob::progress, this, &ImageEfficiencyModel::progress);
    connect(job, &Job::finished, this, [this, job] {
        m_load.done();
        measure(job->stack(), job->error());
    });
    setState(State::Loading);
    job->start();
}

void ImageEfficiencyModel::setStack(const LayerStack &stack)
{
    clear();
    measure(stack, std::nullopt);
}

void ImageEfficiencyModel::measure(const LayerStack &stack, std::optional<Error> loadError)
{
    setState(State::Loading);
    const quint64 generation = m_load.generation();
    // Every entry of every layer, merged by path: a worker's job for a big image.
    auto measured = QtConcurrent::run([stack] { return ImageEfficiency::measure(stack); });
    bool anyRead = stack.isEmpty();
    for (const LayerListing &listing : stack.layers())
        anyRead = anyRead || !listing.entries.isEmpty() || listing.complete;
    std::optional<Error> error = stack.firstError();
    if (!error && loadError && loadError->code() != Error::Code::Cancelled)
        error = loadError;
    continueOnEventLoop(measured, this, [this, generation, stack, anyRead, error](const ImageEfficiency &efficiency) {
        if (!m_load.isCurrent(generation))
            return;
        beginResetModel();
        m_efficiency = efficiency;
        m_stack = stack;
        endResetModel();
        m_error = error;
        setState(anyRead ? State::Ready : State::Error);
    });
}

int ImageEfficiencyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_efficiency.offenders.size());
}

int ImageEfficiencyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageEfficiencyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImageEfficiency::Offender &offender = m_efficiency.offenders.at(index.row());
    switch (role) {
    case PathRole:
        return offender.path;
    case WastedBytesRole:
        return offender.wastedBytes;
    case CopiesRole:
        return offender.copies;
    case RemovedRole:
        return offender.removed;
    case RawValueRole:
        switch (index.column()) {
        case PathColumn: return offender.path;
        case WastedColumn: return offender.wastedBytes;
        case CopiesColumn: return offender.copies;
        case FinalColumn: return offender.removed;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case PathColumn: return QString(u'/' + offender.path);
        case WastedColumn: return QLocale().formattedDataSize(offender.wastedBytes);
        case CopiesColumn: return QLocale().toString(offender.copies);
        case FinalColumn: return offender.removed ? tr("removed") : tr("kept");
        }
        return {};
    case Qt::ToolTipRole:
        return offender.removed
                   ? tr("/%1: %2 in %n copies, all gone from the final image", nullptr, offender.copies)
                         .arg(offender.path, QLocale().formattedDataSize(offender.wastedBytes))
                   : tr("/%1: %2 in %n copies that a later copy hides", nullptr, offender.copies - 1)
                         .arg(offender.path, QLocale().formattedDataSize(offender.wastedBytes));
    case Qt::TextAlignmentRole:
        if (index.column() == WastedColumn || index.column() == CopiesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant ImageEfficiencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PathColumn: return tr("Path");
    case WastedColumn: return tr("Wasted");
    case CopiesColumn: return tr("Copies");
    case FinalColumn: return tr("Final image");
    }
    return {};
}

} // namespace wharf
