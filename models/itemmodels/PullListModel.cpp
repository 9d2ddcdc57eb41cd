#include "itemmodels/PullListModel.h"

#include "itemmodels/ItemRoles.h"

#include "pull/PullEngine.h"
#include "pull/PullHandle.h"
#include "services/EngineJobs.h"

#include <QLocale>
#include <QScopeGuard>

#include <algorithm>

namespace wharf {

namespace {

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

PullListModel::PullListModel(PullEngine *engine, QObject *parent)
    : QAbstractItemModel(parent), m_engine(engine)
{
}

PullListModel::~PullListModel()
{
    // Handles belong to the engine: stop listening, leave the pulls to it. A load stops (the
    // engine keeps nothing of it).
    for (const auto &pull : m_pulls) {
        if (pull->handle)
            pull->handle->disconnect(this);
        if (pull->load) {
            pull->load->disconnect(this);
            pull->load->cancel();
        }
    }
}

int PullListModel::add(PullHandle *handle, const PullRequest &request)
{
    return insert(request, std::nullopt, [this, handle](Pull *pull) { watch(pull, handle); });
}

int PullListModel::pull(const PullRequest &request, const std::optional<EngineEndpoint> &into)
{
    if (!m_engine)
        return -1;
    return insert(request, into, [this](Pull *pull) { start(pull); });
}

int PullListModel::insert(const PullRequest &request, const std::optional<EngineEndpoint> &into,
                          const std::function<void(Pull *)> &begin)
{
    const int before = activeCount();
    auto pull = std::make_unique<Pull>();
    pull->request = request;
    pull->request.baseFirst = into.has_value(); // the engine unpacks bottom up as layers arrive
    pull->platform = request.platform ? request.platform->toString() : QString();
    pull->into = into;
    Pull *raw = pull.get();
    const int row = int(m_pulls.size());
    beginInsertRows({}, row, row);
    m_pulls.push_back(std::move(pull));
    endInsertRows();
    begin(raw);
    emitActiveCountIfChanged(before);
    return row;
}

void PullListModel::start(Pull *pull)
{
    PullHandle *handle = m_engine->pull(pull->request);
    // Into an engine, the load follows the pull from its plan on: each layer goes to the engine as
    // soon as it is in the store, so the engine's copy overlaps the download.
    if (pull->into && handle)
        follow(pull, new EngineLoadJob(m_engine->store(), handle, *pull->into, this));
    watch(pull, handle);
}

void PullListModel::watch(Pull *pull, PullHandle *handle)
{
    pull->handle = handle;
    if (!handle) {
        onFinished(pull, PullOutcome{Error(Error::Code::Cancelled, tr("The pull could not be started.")), {}});
        return;
    }
    connect(handle, &PullHandle::planned, this, [this, pull](const PullPlan &plan) { onPlanned(pull, plan); });
    connect(handle, &PullHandle::progress, this, [this, pull](const PullProgress &progress) { onProgress(pull, progress); });
    connect(handle, &PullHandle::finished, this, [this, pull](const PullOutcome &outcome) { onFinished(pull, outcome); });
    if (handle->isFinished()) // it ended before we were told about it
        onFinished(pull, handle->outcome());
}

void PullListModel::onPlanned(Pull *pull, const PullPlan &plan)
{
    const int row = rowOf(pull);
    if (row < 0 || isFinished(pull->state))
        return;
    pull->planned = true;
    pull->platform = plan.platform.toString();
    pull->bytesToFetch = plan.bytesToFetch;
    pull->state = State::Queued;
    pull->clock.start();
    updateLayers(pull, plan.blobs);
    Q_EMIT dataChanged(pullIndex(row, PlatformColumn), pullIndex(row, EtaColumn));
}

void PullListModel::onProgress(Pull *pull, const PullProgress &progress)
{
    const int row = rowOf(pull);
    // The engine ticks from the start; before the plan its progress says nothing yet.
    if (row < 0 || isFinished(pull->state) || !pull->planned)
        return;
    const State state = progress.bytesFetched > 0 ? State::Downloading : pull->state;
    const bool stateChanged = state != pull->state;
    const bool moved = progress.bytesFetched != pull->bytesFetched || progress.bytesToFetch != pull->bytesToFetch
                       || progress.bytesPerSecond != pull->bytesPerSecond || progress.etaSeconds != pull->etaSeconds;
    pull->state = state;
    pull->bytesFetched = progress.bytesFetched;
    pull->bytesToFetch = progress.bytesToFetch;
    pull->bytesPerSecond = progress.bytesPerSecond;
    pull->etaSeconds = progress.etaSeconds;
    updateLayers(pull, progress.blobs);
    if (moved || stateChanged)
        Q_EMIT dataChanged(pullIndex(row, stateChanged ? StateColumn : ProgressColumn), pullIndex(row, EtaColumn));
}

void PullListModel::onFinished(Pull *pull, const PullOutcome &outcome)
{
    if (PullHandle *handle = pull->handle) {
        handle->disconnect(this);
        handle->deleteLater();
    }
    pull->handle.clear();
    const int row = rowOf(pull);
    // Ended already: the load failed or was cancelled first, and stopped the pull.
    if (row < 0 || isFinished(pull->state))
        return;
    if (!outcome.error) {
        pull->stored = true;
        pull->bytesFetched = outcome.result.bytesFetched;
        pull->bytesToFetch = std::max(pull->bytesToFetch, outcome.result.bytesFetched);
        if (!outcome.result.image.platform.isEmpty())
            pull->platform = outcome.result.image.platform.toString();
    }
    pull->downloadMs = pull->clock.isValid() ? pull->clock.elapsed() : 0;
    // A finished pull keeps its average rate (shown as such); a stopped one has none.
    pull->bytesPerSecond = !outcome.error && pull->downloadMs > 0 && pull->bytesFetched > 0
                               ? double(pull->bytesFetched) * 1000.0 / double(pull->downloadMs)
                               : 0;
    if (outcome.error) {
        // A load following this pull ends with the pull's error by itself; the row says the pull's.
        if (EngineLoadJob *load = pull->load) {
            load->disconnect(this);
            pull->load.clear();
        }
        return finish(pull, outcome.error->code() == Error::Code::Cancelled ? State::Cancelled : State::Failed, outcome.error);
    }
    if (!pull->load)
        return finish(pull, State::Done, std::nullopt);
    // The store's part is done and said (the store changed); the engine's goes on.
    pull->pullReported = true;
    Q_EMIT pullFinished(pull->request.reference.toString(),
                        pull->request.platform ? pull->request.platform->toString() : QString(), std::nullopt);
    pull->state = State::Loading;
    pull->etaSeconds = -1;
    updateImageTotals(pull);
    Q_EMIT dataChanged(pullIndex(row, 0), pullIndex(row, ColumnCount - 1));
    if (!pull->layers.isEmpty())
        Q_EMIT dataChanged(layerIndex(row, 0, StateColumn), layerIndex(row, int(pull->layers.size()) - 1, ProgressColumn));
    Q_EMIT loadStarted(pull->request.reference.toString(), pull->into->kind);
}

void PullListModel::follow(Pull *pull, EngineLoadJob *job)
{
    pull->load = job;
    pull->loadSent = 0;
    pull->loadExpected = -1;
    pull->unpacking = false;
    pull->loaded = {};
    connect(job, &EngineLoadJob::progress, this, [this, pull](qint64 sent, qint64 expected) {
        const int at = rowOf(pull);
        if (at < 0 || isFinished(pull->state))
            return;
        pull->loadSent = sent;
        pull->loadExpected = expected;
        if (pull->state == State::Loading)
            Q_EMIT dataChanged(pullIndex(at, StateColumn), pullIndex(at, ProgressColumn));
    });
    connect(job, &EngineLoadJob::unpacking, this, [this, pull] {
        const int at = rowOf(pull);
        if (at < 0 || isFinished(pull->state))
            return;
        pull->unpacking = true;
        Q_EMIT dataChanged(pullIndex(at, StateColumn), pullIndex(at, ColumnCount - 1));
    });
    connect(job, &Job::finished, this, [this, pull, job] { onLoadFinished(pull, job); });
    job->start();
}

void PullListModel::onLoadFinished(Pull *pull, EngineLoadJob *job)
{
    if (rowOf(pull) < 0 || pull->load != job || isFinished(pull->state))
        return;
    pull->load.clear();
    const std::optional<Error> error = job->error();
    if (!error) {
        pull->loaded = job->report();
        pull->stored = true; // the archive ends only once the pull has completed (its signal may come after)
    }
    // The load ended before the pull (the engine went away, or Cancel): the pull stops with it.
    if (PullHandle *handle = pull->handle) {
        handle->disconnect(this);
        handle->cancel();
        handle->deleteLater();
        pull->handle.clear();
    }
    const EngineKind kind = pull->into->kind;
    finish(pull, !error ? State::Done : error->code() == Error::Code::Cancelled ? State::Cancelled : State::Failed, error);
    Q_EMIT loadFinished(pull->request.reference.toString(), kind, pull->loaded, error);
}

void PullListModel::finish(Pull *pull, State state, std::optional<Error> error)
{
    const int row = rowOf(pull);
    const int before = activeCount();
    pull->state = state;
    pull->error = std::move(error);
    if (state != State::Done && !pull->stored)
        pull->bytesPerSecond = 0;
    pull->etaSeconds = -1;
    updateImageTotals(pull);
    Q_EMIT dataChanged(pullIndex(row, 0), pullIndex(row, ColumnCount - 1));
    // Layers still in flight now read "stopped": the state they show depends on the pull's.
    if (!pull->layers.isEmpty())
        Q_EMIT dataChanged(layerIndex(row, 0, StateColumn), layerIndex(row, int(pull->layers.size()) - 1, ProgressColumn));
    emitActiveCountIfChanged(before);
    // Once a run: the store's part, unless it was said when the load took over.
    if (!pull->pullReported) {
        pull->pullReported = true;
        Q_EMIT pullFinished(pull->request.reference.toString(),
                            pull->request.platform ? pull->request.platform->toString() : QString(), pull->error);
    }
}

void PullListModel::updateImageTotals(Pull *pull)
{
    if (pull->layers.isEmpty()) {
        if (pull->stored && pull->imageBytes >= 0)
            pull->imageBytesHere = pull->imageBytes;
        return;
    }
    qint64 total = 0;
    qint64 here = 0;
    for (const PullBlob &blob : std::as_const(pull->layers)) {
        const qint64 size = std::max<qint64>(0, blob.descriptor.size);
        total += size;
        const bool complete = pull->stored || blob.state == PullBlob::State::Present
                              || blob.state == PullBlob::State::Done;
        here += complete ? size : std::clamp<qint64>(blob.received, 0, size);
    }
    pull->imageBytes = total;
    pull->imageBytesHere = here;
}

void PullListModel::updateLayers(Pull *pull, QList<PullBlob> blobs)
{
    blobs.removeIf([](const PullBlob &b) { return b.isConfig; });
    const int row = rowOf(pull);
    if (blobs.isEmpty() || row < 0)
        return;
    const auto totals = qScopeGuard([pull] { updateImageTotals(pull); });
    const QModelIndex parent = pullIndex(row);
    if (pull->layers.size() != blobs.size()) {
        // First sight of the plan (or, defensively, a different one): the rows go in as one batch.
        if (!pull->layers.isEmpty()) {
            beginRemoveRows(parent, 0, int(pull->layers.size()) - 1);
            pull->layers.clear();
            endRemoveRows();
        }
        beginInsertRows(parent, 0, int(blobs.size()) - 1);
        pull->layers = std::move(blobs);
        endInsertRows();
        return;
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < blobs.size(); ++i) {
        const PullBlob &was = pull->layers.at(i);
        const PullBlob &now = blobs.at(i);
        if (was.state != now.state || was.received != now.received) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    pull->layers = std::move(blobs);
    if (first >= 0)
        Q_EMIT dataChanged(layerIndex(row, first, StateColumn), layerIndex(row, last, ProgressColumn));
}

bool PullListModel::cancel(int row)
{
    if (row < 0 || row >= int(m_pulls.size()))
        return false;
    Pull *pull = m_pulls[row].get();
    if (isFinished(pull->state))
        return false;
    if (pull->unpacking)
        return false; // the engine has the whole archive: nothing can call it back now
    if (pull->load) {
        pull->load->cancel(); // finished(Cancelled) at once, the pull it follows stopped with it
        return true;
    }
    if (!pull->handle)
        return false;
    pull->handle->cancel();
    return true;
}

bool PullListModel::retry(int row)
{
    if (!m_engine || row < 0 || row >= int(m_pulls.size()))
        return false;
    Pull *pull = m_pulls[row].get();
    if (pull->state != State::Failed && pull->state != State::Cancelled)
        return false;
    const int before = activeCount();
    // The new run plans afresh (layers finished meanwhile are now "present"): its rows come with it.
    if (!pull->layers.isEmpty()) {
        beginRemoveRows(pullIndex(row), 0, int(pull->layers.size()) - 1);
        pull->layers.clear();
        endRemoveRows();
    }
    pull->state = State::Planning;
    pull->planned = false;
    pull->stored = false;
    pull->pullReported = false;
    pull->error.reset();
    pull->bytesFetched = 0;
    pull->bytesToFetch = -1;
    pull->bytesPerSecond = 0;
    pull->etaSeconds = -1;
    pull->downloadMs = 0;
    pull->clock.invalidate();
    // imageBytes and imageBytesHere stay: the image is the same, and so is what of it is here.
    Q_EMIT dataChanged(pullIndex(row, 0), pullIndex(row, ColumnCount - 1));
    start(pull);
    emitActiveCountIfChanged(before);
    return true;
}

void PullListModel::removeFinished()
{
    // From the bottom up, one remove per contiguous run of finished rows.
    int last = int(m_pulls.size()) - 1;
    while (last >= 0) {
        if (!isFinished(m_pulls[last]->state)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && isFinished(m_pulls[first - 1]->state))
            --first;
        beginRemoveRows({}, first, last);
        m_pulls.erase(m_pulls.begin() + first, m_pulls.begin() + last + 1);
        endRemoveRows();
        last = first - 1;
    }
}

int PullListModel::activeCount() const
{
    return int(std::count_if(m_pulls.cbegin(), m_pulls.cend(), [](const auto &p) { return !isFinished(p->state); }));
}

void PullListModel::emitActiveCountIfChanged(int before)
{
    if (const int now = activeCount(); now != before)
        Q_EMIT activeCountChanged(now);
}

int PullListModel::rowOf(const Pull *pull) const
{
    const auto it = std::find_if(m_pulls.cbegin(), m_pulls.cend(), [pull](const auto &p) { return p.get() == pull; });
    return it == m_pulls.cend() ? -1 : int(it - m_pulls.cbegin());
}

QModelIndex PullListModel::pullIndex(int row, int column) const
{
    return index(row, column);
}

QModelIndex PullListModel::layerIndex(int row, int layer, int column) const
{
    return index(layer, column, pullIndex(row));
}

QModelIndex PullListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    // A layer row points at its pull, which stays put while rows around it come and go.
    return createIndex(row, column, m_pulls[parent.row()].get());
}

QModelIndex PullListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const int row = rowOf(static_cast<const Pull *>(child.internalPointer()));
    return row < 0 ? QModelIndex() : createIndex(row, 0, nullptr);
}

int PullListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_pulls.size());
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    return int(m_pulls[parent.row()]->layers.size());
}

int PullListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags PullListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalPointer())
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant PullListModel::data(const QModelIndex &index, int role) const
{
    if (role == ItemRole::CopyText)
        role = ReferenceRole;
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const auto *pull = static_cast<const Pull *>(index.internalPointer()))
        return layerData(*pull, index.row(), index.column(), role);
    return pullData(*m_pulls[index.row()], index.column(), role);
}

QVariant PullListModel::pullData(const Pull &pull, int column, int role) const
{
    const double progress = progressOf(pull);
    const bool running = !isFinished(pull.state);
    switch (role) {
    case KindRole:
        return QVariant::fromValue(RowKind::Pull);
    case ReferenceRole:
        return pull.request.reference.toString();
    case PlatformRole:
        return pull.platform;
    case StateRole:
        return QVariant::fromValue(pull.state);
    case BytesDoneRole:
        return pull.imageBytesHere;
    case BytesTotalRole:
        return pull.imageBytes;
    case BytesFetchedRole:
        return pull.bytesFetched;
    case BytesToFetchRole:
        return pull.bytesToFetch;
    case ProgressRole:
        return progress;
    case RateRole:
        return pull.bytesPerSecond;
    case EtaRole:
        return pull.etaSeconds;
    case ErrorRole:
        return pull.error && pull.state == State::Failed ? pull.error->message() : QString();
    case ErrorCodeRole:
        return pull.error ? QVariant::fromValue(pull.error->code()) : QVariant();
    case CanCancelRole:
        return running && !pull.unpacking;
    case CanRetryRole:
        return m_engine && (pull.state == State::Failed || pull.state == State::Cancelled);
    case TargetRole:
        return pull.into ? EngineLocator::kindName(pull.into->kind) : QString();
    case LoadSummaryRole:
        return pull.state == State::Done && pull.into ? EngineLoader::summary(pull.loaded) : QString();
    case LoadNoteRole:
        return pull.state == State::Done ? pull.loaded.emulationNote : QString();
    case RawValueRole:
        switch (column) {
        case ReferenceColumn:
            return pull.request.reference.toString();
        case PlatformColumn:
            return pull.platform;
        case StateColumn:
            return int(pull.state);
        case ProgressColumn:
            return progress;
        case RateColumn:
            return pull.bytesPerSecond;
        case EtaColumn:
            return pull.etaSeconds;
        case ErrorColumn:
            return pull.error && pull.state == State::Failed ? pull.error->message() : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case ReferenceColumn:
            return pull.request.reference.toString();
        case StateColumn:
            if (pull.state == State::Done && pull.into)
                return pull.loaded.emulationNote.isEmpty() ? EngineLoader::summary(pull.loaded)
                                                           : EngineLoader::summary(pull.loaded) + u'\n' + pull.loaded.emulationNote;
            if (pull.state == State::Cancelled && pull.stored)
                //: %1 Docker or Podman
                return tr("The load into %1 was stopped; the engine keeps nothing of it, Wharf's store keeps the image")
                    .arg(EngineLocator::kindName(pull.into->kind));
            return pull.error && pull.state == State::Failed ? pull.error->message() : QString();
        case ErrorColumn:
            return pull.error && pull.state == State::Failed ? pull.error->message() : QString();
        case ProgressColumn:
            if (pull.state == State::Loading)
                //: %1 Docker or Podman
                return tr("The image is in Wharf's store and is now streamed into %1").arg(EngineLocator::kindName(pull.into->kind));
            if (pull.bytesToFetch < 0)
                return QString();
            //: %1 and %2 are sizes: what this run of a pull downloaded, and what it had to
            return tr("This run fetched %1 of %2; the rest of the image was already here")
                .arg(formatSize(pull.bytesFetched), formatSize(pull.bytesToFetch));
        case RateColumn:
            return pull.stored && pull.bytesPerSecond > 0 ? tr("The average rate of the download") : QString();
        default:
            return QString();
        }
    case Qt::DisplayRole:
        switch (column) {
        case ReferenceColumn:
            return pull.request.reference.familiarString();
        case PlatformColumn:
            return pull.platform;
        case StateColumn:
            return stateText(pull);
        case ProgressColumn:
            if (pull.state == State::Loading) {
                const QString engine = EngineLocator::kindName(pull.into->kind);
                if (pull.unpacking)
                    //: the archive was sent; the engine unpacks its layers. %1 Docker or Podman
                    return tr("%1 is unpacking the layers").arg(engine);
                if (pull.loadExpected > 0)
                    //: "Sent 120 MB of 400 MB to Docker"
                    return tr("Sent %1 of %2 to %3").arg(formatSize(pull.loadSent), formatSize(pull.loadExpected), engine);
                return tr("Sent %1 to %2").arg(formatSize(pull.loadSent), engine);
            }
            if (pull.imageBytes < 0)
                return QString();
            if (pull.bytesToFetch == 0 && pull.imageBytesHere >= pull.imageBytes)
                //: every layer of the image was in the store already: "Nothing to fetch: all 12.3 MB here"
                return tr("Nothing to fetch: all %1 here").arg(formatSize(pull.imageBytes));
            //: the image's bytes in the store of all its bytes: "3.1 MB of 12.3 MB"
            return tr("%1 of %2").arg(formatSize(pull.imageBytesHere), formatSize(pull.imageBytes));
        case RateColumn:
            if (pull.state == State::Downloading)
                //: a transfer rate: "1.2 MB/s"
                return tr("%1/s").arg(formatSize(qint64(pull.bytesPerSecond)));
            if (pull.stored && pull.bytesPerSecond > 0)
                //: the average transfer rate of a finished pull: "avg 1.2 MB/s"
                return tr("avg %1/s").arg(formatSize(qint64(pull.bytesPerSecond)));
            return QString();
        case EtaColumn: {
            if (pull.state != State::Downloading || pull.etaSeconds < 0)
                return QString();
            const int s = pull.etaSeconds;
            if (s < 60)
                //: time left, in seconds
                return tr("%1 s").arg(s);
            if (s < 3600)
                //: time left: minutes and seconds
                return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
            //: time left: hours and minutes
            return tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
        }
        case ErrorColumn:
            return pull.error && pull.state == State::Failed ? pull.error->message() : QString();
        default:
            return {};
        }
    default:
        return {};
    }
}

double PullListModel::progressOf(const Pull &pull)
{
    if (pull.state == State::Done)
        return 1.0;
    if (pull.state == State::Loading)
        // What was sent of the archive; busy once it is all sent and the engine unpacks.
        return !pull.unpacking && pull.loadExpected > 0 ? std::min(0.99, double(pull.loadSent) / double(pull.loadExpected)) : -1.0;
    if (pull.imageBytes > 0)
        return double(pull.imageBytesHere) / double(pull.imageBytes);
    return pull.planned ? 0.0 : -1.0;
}

QString PullListModel::stateText(const Pull &pull)
{
    const QString engine = pull.into ? EngineLocator::kindName(pull.into->kind) : QString();
    switch (pull.state) {
    case State::Queued:
        return tr("Queued");
    case State::Planning:
        return tr("Resolving");
    case State::Downloading:
        return tr("Downloading");
    case State::Loading:
        //: %1 Docker or Podman
        return tr("Loading into %1").arg(engine);
    case State::Done:
        //: %1 Docker or Podman
        return pull.into ? tr("In %1").arg(engine) : tr("Done");
    case State::Failed:
        return tr("Failed");
    case State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

PullListModel::LayerState PullListModel::layerState(const PullBlob &blob, const Pull &pull)
{
    const State pullState = pull.stored ? State::Done : pull.state;
    switch (blob.state) {
    case PullBlob::State::Present:
        return LayerState::Present;
    case PullBlob::State::Done:
        return LayerState::Done;
    case PullBlob::State::Failed:
        return LayerState::Failed;
    case PullBlob::State::Waiting:
    case PullBlob::State::Downloading:
        if (pullState == State::Failed || pullState == State::Cancelled)
            return LayerState::Stopped;
        if (pullState == State::Done)
            return LayerState::Done;
        return blob.state == PullBlob::State::Waiting ? LayerState::Waiting : LayerState::Downloading;
    }
    return LayerState::Waiting;
}

QVariant PullListModel::layerData(const Pull &pull, int layer, int column, int role) const
{
    const PullBlob &blob = pull.layers.at(layer);
    const LayerState state = layerState(blob, pull);
    const qint64 size = blob.descriptor.size;
    const double progress = size > 0 ? double(blob.received) / double(size) : 1.0;
    switch (role) {
    case KindRole:
        return QVariant::fromValue(RowKind::Layer);
    case ReferenceRole:
        return pull.request.reference.toString();
    case LayerStateRole:
        return QVariant::fromValue(state);
    case BytesDoneRole:
        return blob.received;
    case BytesTotalRole:
        return size;
    case ProgressRole:
        return progress;
    case DigestRole:
        return blob.descriptor.digest.toString();
    case RawValueRole:
        switch (column) {
        case ReferenceColumn:
            return blob.descriptor.digest.toString();
        case StateColumn:
            return int(state);
        case ProgressColumn:
            return progress;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return column == ReferenceColumn ? blob.descriptor.digest.toString() : QString();
    case Qt::DisplayRole:
        switch (column) {
        case ReferenceColumn:
            return blob.descriptor.digest.shortForm();
        case StateColumn:
            switch (state) {
            case LayerState::Present:
                return tr("Already here");
            case LayerState::Waiting:
                return tr("Waiting");
            case LayerState::Downloading:
                return tr("Downloading");
            case LayerState::Done:
                return tr("Done");
            case LayerState::Failed:
                return tr("Failed");
            case LayerState::Stopped:
                return tr("Stopped");
            }
            return {};
        case ProgressColumn:
            return tr("%1 of %2").arg(formatSize(blob.received), formatSize(size));
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant PullListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ReferenceColumn:
        return tr("Image");
    case PlatformColumn:
        return tr("Platform");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case RateColumn:
        return tr("Rate");
    case EtaColumn:
        return tr("Time left");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

QHash<int, QByteArray> PullListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert({
        {KindRole, "kind"},
        {RawValueRole, "rawValue"},
        {ReferenceRole, "reference"},
        {PlatformRole, "platform"},
        {StateRole, "state"},
        {LayerStateRole, "layerState"},
        {BytesDoneRole, "bytesDone"},
        {BytesTotalRole, "bytesTotal"},
        {ProgressRole, "progress"},
        {RateRole, "rate"},
        {BytesFetchedRole, "bytesFetched"},
        {BytesToFetchRole, "bytesToFetch"},
        {EtaRole, "eta"},
        {ErrorRole, "error"},
        {ErrorCodeRole, "errorCode"},
        {DigestRole, "digest"},
        {CanCancelRole, "canCancel"},
        {CanRetryRole, "canRetry"},
        {TargetRole, "target"},
        {LoadSummaryRole, "loadSummary"},
        {LoadNoteRole, "loadNote"},
    });
    return names;
}

} // namespace wharf
