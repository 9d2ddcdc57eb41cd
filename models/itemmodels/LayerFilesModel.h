#pragma once
// The Layers pane's file tree: the entries of one layer of an image, either "this layer only" (its
// own tar, with what its whiteouts and opaque directories removed from the layers below) or
// "merged up to this layer" (the file system as a container would see it with the layers up to
// this one, plus what this layer removed). Every node says what the layer did to it relative to
// the layers below (MarkRole: added, modified, deleted); a deletion is always shown as one (its
// own type text and mark, DeletedRole), never as a plain file. Directories show the total size of
// the live files below them.
//
// load() lists the layers up to the chosen one (from the local store when the blobs are there,
// else streamed from the registry, a few at a time: LayerStackJob) and builds both trees on a
// worker thread; setLayers() does the same from listings already read. While that runs the model
// is Loading (and keeps no rows); then Ready, Empty (nothing in the chosen view), or Error (the
// chosen layer could not be read at all). A listing that was cut short still shows what was read:
// isIncomplete() is then true and errorMessage() says why. Switching the view is a reset.
//
// Raw values live in their roles (qint64 sizes, quint32 modes, enum values as int) and in
// RawValueRole per column, so LayerFilesProxyModel sorts and filters on them.

#include "layers/LayerStackLoad.h"
#include "core/Error.h"
#include "documents/Descriptor.h"
#include "layers/FileTree.h"
#include "layers/LayerStack.h"

#include <QAbstractItemModel>
#include <QList>

#include <memory>
#include <optional>

namespace wharf {

class LayerStackJob;
class RegistryClient;

class LayerFilesModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerFilesModel)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    Q_PROPERTY(bool incomplete READ isIncomplete NOTIFY stateChanged)
    Q_PROPERTY(View view READ view WRITE setView NOTIFY viewChanged)
    Q_PROPERTY(int layerIndex READ layerIndex NOTIFY layerChanged)
public:
    enum Column {
        NameColumn,
        SizeColumn,       // a file's size; a directory's live total; what a deletion removed
        TypeColumn,
        ModeColumn,       // "-rw-r--r--"
        OwnerColumn,      // "uid:gid"
        LinkTargetColumn, // symlink and hard link targets
        MarkColumn,       // added / modified / deleted
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the column's value unformatted, for sorting and copying
        PathRole,                        // QString: the path in the image, relative ("etc/motd")
        NameRole,                        // QString: the last path component
        EntryTypeRole,                   // int: LayerEntry::Type (for a deletion, the type of what was deleted)
        SizeRole,                        // qint64: as SizeColumn
        ModeRole,                        // quint32: permission and set-id bits (07777)
        ModeTextRole,                    // QString: "drwxr-xr-x"
        UidRole,                         // qint64
        GidRole,                         // qint64
        ModificationTimeRole,            // QDateTime (UTC); invalid for implied directories
        LinkTargetRole,                  // QString
        MarkRole,                        // int: FileMark
        DeletedRole,                     // bool: this layer deleted it (whiteout, opaque directory, replacement)
        OpaqueRole,                      // bool: this layer made the directory opaque
        ImpliedRole,                     // bool: a directory no layer has an entry for
        IsDirectoryRole,                 // bool
        SourceLayerRole,                 // int: the layer the entry comes from (0 = base), -1 when none
        SourceLayerDigestRole,           // QString: that layer's digest, empty when none
        DescendantCountRole,             // int: nodes below (live and deleted)
    };
    Q_ENUM(Role)

    enum class View {
        LayerOnly, // this layer's own entries (and what it deleted)
        Merged,    // the merge of the layers up to this one (and what this layer deleted)
    };
    Q_ENUM(View)

    enum class State {
        Idle,    // nothing chosen
        Loading, // listing layers, or building the trees
        Ready,
        Empty,   // nothing to show in this view (an empty layer)
        Error,   // the chosen layer could not be read at all
    };
    Q_ENUM(State)

    explicit LayerFilesModel(QObject *parent = nullptr);
    ~LayerFilesModel() override;

    // Lists layers 0…index of the image whose manifest has `layers` (base first) and shows layer
    // `index`. `storeRoot` may be empty. The client is not owned. Any earlier load is cancelled.
    void load(RegistryClient *client, const QString &registry, const QString &repository, const QList<Descriptor> &layers,
              int index, const QString &storeRoot = {});
    // Shows layer `index` of listings already read (layers after it are ignored).
    void setLayers(const LayerStack &stack, int index);
    void clear();

    [[nodiscard]] View view() const { return m_view; }
    void setView(View view);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString errorMessage() const { return m_error ? m_error->message() : QString(); }
    [[nodiscard]] std::optional<Error::Code> errorCode() const;
    [[nodiscard]] bool isIncomplete() const { return m_incomplete; }
    [[nodiscard]] int layerIndex() const { return m_layerIndex; }
    [[nodiscard]] const FileTree &tree() const;
    // How many nodes this layer added, modified and deleted (in the "this layer only" view).
    [[nodiscard]] int count(FileMark mark) const;

    // The tree node of an index, and back; -1 / invalid when there is none.
    [[nodiscard]] int nodeOf(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexOfNode(int node, int column = 0) const;
    // The index at a path in the image ("usr/bin/env"); invalid when the view has no such path.
    [[nodiscard]] QModelIndex indexOfPath(const QString &path) const;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] bool hasChildren(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Display text for a type, as the Type column shows it (also for `wharf layers`).
    [[nodiscard]] static QString typeText(LayerEntry::Type type, bool deleted);
    [[nodiscard]] static QString markText(FileMark mark);

Q_SIGNALS:
    void stateChanged();
    void viewChanged();
    void layerChanged();
    // While listing: compressed bytes read of `total`, layers listed of `layers`.
    void progress(qint64 read, qint64 total, int layersDone, int layers);

private:
    struct Trees;
    void build(const LayerStack &stack, int index, std::optional<Error> loadError);
    void setState(State state);
    [[nodiscard]] QVariant rawValue(const FileNode &node, int column) const;
    [[nodiscard]] QString displayText(const FileNode &node, int column) const;

    View m_view = View::LayerOnly;
    State m_state = State::Idle;
    std::optional<Error> m_error;
    bool m_incomplete = false;
    int m_layerIndex = -1;
    QList<Digest> m_layerDigests;
    std::shared_ptr<const Trees> m_trees; // both views, built together
    LayerStackLoad m_load;
};

} // namespace wharf
