#pragma once
// The Pulls pane's model: the queue of pulls this window started, as a tree. One top-level row per
// pull (reference, platform, state, bytes fetched of bytes to fetch, rate, ETA, error); under it one
// row per layer of its plan (received of size, and whether it was already here, is waiting, is
// downloading, is done or failed). Rows follow the PullHandle's queued, throttled signals with
// dataChanged() on the cells that moved — never a reset while pulls run — and layers arrive as one
// insert when the plan does.
//
// A pull row's totals are always the whole image's: bytes of its layers in the store (already
// there, resumed or fetched) of all its layers' bytes, so "9 MB of 12 MB" means the same before and
// after a Retry, and "12 MB of 12 MB" when every layer was already here. What this run fetched,
// and at what rate, are roles of their own; a finished pull shows its average rate.
//
// States: Planning from add() until the plan arrives (manifests resolved, the store checked);
// Queued while no byte of the plan has arrived yet (download slots busy, connecting); Downloading;
// then Done, Failed or Cancelled. retry() re-issues the same PullRequest through the engine in the
// same row, so a cancelled pull resumes from the bytes it left in the store's ingest area.
//
// A pull into Docker or Podman (pull() with an engine) is followed by a load (EngineLoadJob on the
// pull's handle): each layer goes to the engine as soon as the pull has it in the store, so the
// engine's copy overlaps the download. Once the store has the image the row shows the second
// phase — Loading, its progress the archive bytes sent of those expected, then busy while the
// engine unpacks — and ends Done with what the engine says it holds (EngineLoadReport: name,
// platform, image ID, a note on emulation). Cancel stops both until the engine has the whole
// archive (it keeps nothing of a stopped load; the store keeps what was pulled); Retry runs both
// again (the pull then finds every layer it had here).

#include "core/Error.h"
#include "engines/EngineEndpoint.h"
#include "engines/EngineLoader.h"
#include "pull/PullTypes.h"

#include <QAbstractItemModel>
#include <QElapsedTimer>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace wharf {

class EngineLoadJob;
class PullEngine;
class PullHandle;

class PullListModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullListModel)
    Q_PROPERTY(int activeCount READ activeCount NOTIFY activeCountChanged)
public:
    enum class State { Queued, Planning, Downloading, Loading, Done, Failed, Cancelled };
    Q_ENUM(State)
    // Stopped: the pull ended (cancelled or failed elsewhere) before this layer was complete; its
    // bytes so far stay in the ingest area for a retry to resume.
    enum class LayerState { Present, Waiting, Downloading, Done, Failed, Stopped };
    Q_ENUM(LayerState)
    enum class RowKind { Pull, Layer };
    Q_ENUM(RowKind)

    enum Column {
        ReferenceColumn, // layers: the layer digest
        PlatformColumn,
        StateColumn,
        ProgressColumn,  // "3.1 MB of 12.3 MB" (pulls: of the whole image)
        RateColumn,
        EtaColumn,
        ErrorColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        KindRole = Qt::UserRole + 1, // RowKind
        RawValueRole,                // the column's value unformatted, for sorting and copying
        ReferenceRole,               // the pull's full reference (also on its layer rows)
        PlatformRole,                // "os/arch[/variant]": as planned, else as requested
        StateRole,                   // State (pulls)
        LayerStateRole,              // LayerState (layers)
        BytesDoneRole,               // qint64: the image's bytes here (pulls) / received (layers)
        BytesTotalRole,              // qint64: the image's layer bytes (pulls, -1 before the plan) / layer size
        ProgressRole,                // double 0..1 for a progress bar; -1 while unknown
        RateRole,                    // double bytes per second (pulls): now, or the average once done
        BytesFetchedRole,            // qint64: what this run fetched (pulls)
        BytesToFetchRole,            // qint64: what this run had to fetch (pulls; -1 before the plan)
        EtaRole,                     // int seconds, -1 unknown (pulls)
        ErrorRole,                   // the failure's message (pulls)
        ErrorCodeRole,               // Error::Code, invalid when there is none
        DigestRole,                  // "sha256:…" (layers)
        CanCancelRole,               // bool (pulls)
        CanRetryRole,                // bool (pulls)
        TargetRole,                  // QString "Docker"/"Podman" for a pull into an engine, empty into the store only
        LoadSummaryRole,             // QString: what the engine holds after a load ("Loaded into Docker as …")
        LoadNoteRole,                // QString: the load's note on emulation, empty when there is none
    };
    Q_ENUM(Role)

    // `engine` (not owned) is what pull() and retry() use; without one only add() works.
    explicit PullListModel(PullEngine *engine = nullptr, QObject *parent = nullptr);
    ~PullListModel() override;

    // Follows a pull started elsewhere; `request` is what it was started with (shown until the plan
    // comes, and re-issued by retry()). The model deletes the handle once it has finished.
    // Returns the new row.
    int add(PullHandle *handle, const PullRequest &request);
    // Starts a pull through the engine and adds it; -1 without an engine. With `into`, the pulled
    // image is then loaded into that container engine.
    int pull(const PullRequest &request, const std::optional<EngineEndpoint> &into = std::nullopt);
    // Asks a running pull to stop; it ends Cancelled. False when the row is not running.
    bool cancel(int row);
    // Starts a failed or cancelled pull again in the same row. False otherwise or without an engine.
    bool retry(int row);
    // Drops every Done, Failed and Cancelled row.
    void removeFinished();

    [[nodiscard]] int activeCount() const;
    [[nodiscard]] QModelIndex pullIndex(int row, int column = 0) const;
    [[nodiscard]] QModelIndex layerIndex(int row, int layer, int column = 0) const;
    [[nodiscard]] static bool isFinished(State state) { return state >= State::Done; }

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // Once per run of a pull, however it ended (error is Cancelled for a cancelled one): what the
    // window turns into a notification.
    // `platform`: what was pulled ("linux/arm64/v8"), empty when the engine chose this machine's.
    void pullFinished(const QString &reference, const QString &platform, const std::optional<wharf::Error> &error);
    // A pull into an engine: its image is in the store and now goes into the engine; then, once
    // per run, how that ended (`report` valid without an error).
    void loadStarted(const QString &reference, wharf::EngineKind kind);
    void loadFinished(const QString &reference, wharf::EngineKind kind, const wharf::EngineLoadReport &report,
                      const std::optional<wharf::Error> &error);
    void activeCountChanged(int count);

private:
    struct Pull
    {
        PullRequest request;
        QPointer<PullHandle> handle;
        State state = State::Planning;
        bool planned = false;
        QString platform;
        qint64 bytesFetched = 0;
        qint64 bytesToFetch = -1;
        qint64 imageBytes = -1; // the whole image's layers; kept across a retry until the new plan
        qint64 imageBytesHere = 0;
        double bytesPerSecond = 0;
        qint64 downloadMs = 0; // this run, from the plan to the end: for the average rate
        int etaSeconds = -1;
        std::optional<Error> error;
        QList<PullBlob> layers; // the plan's blobs without the config
        QElapsedTimer clock;    // started with the plan
        // Into an engine: where, the load in flight, and how far it got.
        std::optional<EngineEndpoint> into;
        bool stored = false; // this run's pull phase succeeded: the whole image is in the store
        bool pullReported = false; // pullFinished() was emitted for this run
        QPointer<EngineLoadJob> load; // follows the pull from its start
        qint64 loadSent = 0;
        qint64 loadExpected = -1;
        bool unpacking = false; // the engine has the whole archive (Cancel can no longer stop it)
        EngineLoadReport loaded;
    };

    void watch(Pull *pull, PullHandle *handle);
    void onPlanned(Pull *pull, const PullPlan &plan);
    void onProgress(Pull *pull, const PullProgress &progress);
    void onFinished(Pull *pull, const PullOutcome &outcome);
    // A new row at the end for `request`; `begin` then starts or follows its pull.
    int insert(const PullRequest &request, const std::optional<EngineEndpoint> &into, const std::function<void(Pull *)> &begin);
    // Starts (or starts again) the row's pull, and the load that follows it into an engine.
    void start(Pull *pull);
    void follow(Pull *pull, EngineLoadJob *job);
    void onLoadFinished(Pull *pull, EngineLoadJob *job);
    // Ends a run (either phase): the row's final state and signals.
    void finish(Pull *pull, State state, std::optional<Error> error);
    // Replaces the layer rows' values, with one dataChanged over the span that moved (or one
    // insert when there were none yet).
    void updateLayers(Pull *pull, QList<PullBlob> blobs);
    // The image's totals from its layer rows (a Done pull has every byte).
    static void updateImageTotals(Pull *pull);
    void emitActiveCountIfChanged(int before);
    [[nodiscard]] int rowOf(const Pull *pull) const;
    [[nodiscard]] QVariant pullData(const Pull &pull, int column, int role) const;
    [[nodiscard]] QVariant layerData(const Pull &pull, int layer, int column, int role) const;
    [[nodiscard]] static LayerState layerState(const PullBlob &blob, const Pull &pull);
    [[nodiscard]] static double progressOf(const Pull &pull);
    [[nodiscard]] static QString stateText(const Pull &pull);

    QPointer<PullEngine> m_engine;
    std::vector<std::unique_ptr<Pull>> m_pulls;
};

} // namespace wharf
