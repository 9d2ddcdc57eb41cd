#pragma once
// The Compare pane's file diff between two images: every path added, removed or changed from the
// first image's final file system to the second's (ImageDiff), with both sizes, the size change
// and what differs. compare() lists both images' layers (LayerStackJob; the second reuses the
// listings of the blobs the first already read, so a shared base is read once) and diffs them on a
// worker thread; layersModel() shows the layer half of the same diff.
//
// States as the other layer models: Idle, Loading (progress()), Ready, Error (a side could not be
// read at all). A diff of listings cut short is still shown: isIncomplete() and errorMessage().

#include "layers/LayerStackLoad.h"
#include "core/Error.h"
#include "documents/Descriptor.h"
#include "layers/ImageDiff.h"
#include "layers/LayerStack.h"

#include <QAbstractTableModel>

#include <optional>

namespace wharf {

class ImageDiffLayersModel;
class LayerStackJob;
class RegistryClient;

class ImageDiffModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageDiffModel)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum Column {
        PathColumn,
        ChangeColumn,   // added / removed / changed
        FromSizeColumn,
        ToSizeColumn,
        DeltaColumn,    // signed
        DetailsColumn,  // what differs: "size, mode"
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the column's value unformatted, for sorting
        PathRole,                        // QString, relative ("etc/motd")
        ChangeRole,                      // int: ImageDiff::Change
        FromSizeRole,                    // qint64
        ToSizeRole,                      // qint64
        SizeDeltaRole,                   // qint64
        DifferencesRole,                 // int: ImageDiff::Differences
        LayerOnlyRole,                   // bool: changed only because another blob holds it (maybe the same bytes)
    };
    Q_ENUM(Role)

    enum class State { Idle, Loading, Ready, Error };
    Q_ENUM(State)

    explicit ImageDiffModel(QObject *parent = nullptr);
    ~ImageDiffModel() override;

    // Lists both images' layers (base first) and diffs them; the names label the two sides ("base",
    // "app"). `storeRoot` may be empty. Any earlier compare is cancelled.
    void compare(RegistryClient *client, const QString &registry, const QString &repository,
                 const QList<Descriptor> &fromLayers, const QList<Descriptor> &toLayers, const QString &fromName,
                 const QString &toName, const QString &storeRoot = {});
    // As compare(), with the first image already listed (an image read from a container engine:
    // its layers are known only by diff ID) and the second's layers named by their diff IDs
    // (`toDiffIds`, its config's rootfs.diff_ids; used when there is one per layer): the layers
    // both hold are then in common, and are not read again.
    void compareWithListed(RegistryClient *client, const QString &registry, const QString &repository, const LayerStack &from,
                           const QList<Descriptor> &toLayers, const QList<Digest> &toDiffIds, const QString &fromName,
                           const QString &toName, const QString &storeRoot = {});
    void clear();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const ImageDiff &diff() const { return m_diff; }
    [[nodiscard]] bool isIncomplete() const { return m_state == State::Ready && !m_diff.complete; }
    [[nodiscard]] QString errorMessage() const { return m_error ? m_error->message() : QString(); }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }
    [[nodiscard]] const QString &fromName() const { return m_fromName; }
    [[nodiscard]] const QString &toName() const { return m_toName; }
    [[nodiscard]] ImageDiffLayersModel *layersModel() const { return m_layers; }
    // The row of a path; -1 when the diff does not list it.
    [[nodiscard]] int rowOfPath(const QString &path) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] static QString changeText(ImageDiff::Change change);
    [[nodiscard]] static QString differencesText(ImageDiff::Differences differences);

Q_SIGNALS:
    void stateChanged();
    // While listing: compressed bytes read of `total`, layers listed of `layers` (one side at a time).
    void progress(qint64 read, qint64 total, int layersDone, int layers);

private:
    void listTo(RegistryClient *client, const QString &registry, const QString &repository,
                const QList<Descriptor> &toLayers, const QString &storeRoot, const LayerStack &from,
                const QList<Digest> &toDiffIds = {});
    void diffStacks(const LayerStack &from, const LayerStack &to, std::optional<Error> loadError);
    void setState(State state);
    [[nodiscard]] QVariant rawValue(const ImageDiff::File &file, int column) const;

    State m_state = State::Idle;
    ImageDiff m_diff;
    std::optional<Error> m_error;
    QString m_fromName;
    QString m_toName;
    ImageDiffLayersModel *m_layers;
    LayerStackLoad m_load;
};

} // namespace wharf
