#pragma once
// The Efficiency panel's figures for one image: its layers listed (LayerStackJob: from the local
// store when the blobs are there, else streamed from the registry) and measured on a worker thread
// (ImageEfficiency: wasted bytes and score, after dive). The rows are the worst offenders — the
// paths whose copies later layers overwrote or deleted — most wasted first: path, bytes wasted,
// copies, and whether the final image still has the path.
//
// analyse() reads every layer of the image, which downloads the blobs the store does not have, so
// the window decides when that is worth it. While it runs the model is Loading (progress());
// then Ready with efficiency(), or Error when no layer could be read. A listing cut short still
// gives figures for what was read: isIncomplete() says so and errorMessage() says why. The
// listings stay available (stack()) so other panes can show the same layers without reading them
// again.

#include "layers/LayerStackLoad.h"
#include "core/Error.h"
#include "documents/Descriptor.h"
#include "layers/ImageEfficiency.h"
#include "layers/LayerStack.h"

#include <QAbstractTableModel>

#include <optional>

namespace wharf {

class LayerStackJob;
class RegistryClient;

class ImageEfficiencyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageEfficiencyModel)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum Column {
        PathColumn,
        WastedColumn,
        CopiesColumn,
        FinalColumn, // "kept" or "removed": is the path still in the final image
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the column's value unformatted, for sorting
        PathRole,                        // QString
        WastedBytesRole,                 // qint64
        CopiesRole,                      // int
        RemovedRole,                     // bool: the final image does not have the path
    };
    Q_ENUM(Role)

    enum class State {
        Idle,    // nothing analysed (or cleared)
        Loading, // listing the layers, or measuring
        Ready,
        Error,   // no layer could be read
    };
    Q_ENUM(State)

    explicit ImageEfficiencyModel(QObject *parent = nullptr);
    ~ImageEfficiencyModel() override;

    // Lists every layer of the image whose manifest has `layers` (base first) and measures it.
    // `storeRoot` may be empty. The client is not owned. Any earlier analysis is cancelled.
    void analyse(RegistryClient *client, const QString &registry, const QString &repository,
                 const QList<Descriptor> &layers, const QString &storeRoot = {});
    // Measures listings already read.
    void setStack(const LayerStack &stack);
    void clear();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const ImageEfficiency &efficiency() const { return m_efficiency; }
    [[nodiscard]] const LayerStack &stack() const { return m_stack; }
    [[nodiscard]] bool isIncomplete() const { return m_state == State::Ready && !m_efficiency.complete; }
    [[nodiscard]] QString errorMessage() const { return m_error ? m_error->message() : QString(); }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void stateChanged();
    // While listing: compressed bytes read of `total`, layers listed of `layers`.
    void progress(qint64 read, qint64 total, int layersDone, int layers);

private:
    void measure(const LayerStack &stack, std::optional<Error> loadError);
    void setState(State state);

    State m_state = State::Idle;
    ImageEfficiency m_efficiency;
    LayerStack m_stack;
    std::optional<Error> m_error;
    LayerStackLoad m_load;
};

} // namespace wharf
