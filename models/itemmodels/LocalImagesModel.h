#pragma once
// The Local images pane's model: what the store holds, one row per stored image (reference,
// platform, manifest digest, when it was pulled) with its layer bytes split into shared (layers
// another stored image uses too, so removing this one frees none of them) and unique (what removing
// it and collecting garbage would free). The GUI thread never touches the store: refresh(), remove()
// and exportImage() run on the thread pool and come back through queued continuations; refresh()
// replaces the whole data set (a reset), remove() takes its row out and updates the other rows'
// shared/unique split in place.

#include "core/Error.h"
#include "store/ImageExporter.h"
#include "store/ImageStore.h"
#include "store/StoredImage.h"

#include <QAbstractTableModel>
#include <QList>

#include <atomic>
#include <memory>
#include <optional>

namespace wharf {

// How a remove() ended.
struct LocalImageRemoval
{
    StoredImage image;
    std::optional<Error> error;
};

// How an exportImage() ended.
struct LocalImageExport
{
    StoredImage image;
    QString path;
    ImageExporter::Format format = ImageExporter::Format::DockerArchive;
    std::optional<Error> error;
    ExportReport report; // when there is no error
};

class LocalImagesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalImagesModel)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    enum Column {
        ReferenceColumn,
        PlatformColumn,
        DigestColumn,
        SizeColumn,
        SharedColumn,
        UniqueColumn,
        PulledColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the column's value unformatted, for sorting and copying
        ReferenceRole,                   // the full normalised reference
        FamiliarReferenceRole,           // as Docker shows it (nginx:latest)
        PlatformRole,                    // "os/arch[/variant]"
        ManifestDigestRole,
        MediaTypeRole,
        IndexDigestRole,                 // the index the platform came from, if any
        RefNameRole,                     // the name other tools address it by (oci:STORE:NAME)
        SizeRole,                        // qint64 layer bytes; invalid when the manifest is unreadable
        SharedBytesRole,                 // qint64
        UniqueBytesRole,                 // qint64
        LayerCountRole,                  // int
        PulledAtRole,                    // QDateTime (UTC)
    };
    Q_ENUM(Role)

    explicit LocalImagesModel(ImageStore store, QObject *parent = nullptr);
    // Running exports are told to stop; their results are dropped.
    ~LocalImagesModel() override;

    [[nodiscard]] const ImageStore &store() const { return m_store; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] std::optional<StoredImage> image(int row) const;

    // Reads the store on a worker and replaces the rows; refreshed() when done. A refresh asked for
    // while one runs starts again after it, so the last call always sees the latest store.
    void refresh();
    // Removes the row's image from the store on a worker (its blobs stay until gc);
    // removeFinished() tells how it went. False when the row does not exist.
    bool remove(int row);
    // Writes the row's image to `path` on a worker; exportFinished() tells how it went.
    bool exportImage(int row, const QString &path, ImageExporter::Format format);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // After each refresh: no error when the rows now show the store.
    void refreshed(const std::optional<wharf::Error> &error);
    void removeFinished(const wharf::LocalImageRemoval &result);
    void exportFinished(const wharf::LocalImageExport &result);

private:
    // One image and its layers, as read on the worker.
    struct Entry
    {
        StoredImage image;
        std::optional<QList<Descriptor>> layers; // nullopt: the manifest could not be read
        qint64 size = -1;
        qint64 shared = 0;
        qint64 unique = 0;
    };

    // Worker side: images() and every image's manifest. Store I/O only, no model state.
    [[nodiscard]] static Result<QList<Entry>> readStore(const ImageStore &store);
    // The shared/unique split, from the layer lists alone (no I/O).
    static void splitShared(QList<Entry> &entries);
    void startRefresh();
    void applyRefresh(const Result<QList<Entry>> &entries);
    [[nodiscard]] int rowOf(const StoredImage &image) const;
    [[nodiscard]] QVariant rawValue(const Entry &entry, int column) const;
    [[nodiscard]] QString displayText(const Entry &entry, int column) const;
    void setLoading(bool loading);

    ImageStore m_store;
    QList<Entry> m_entries;
    bool m_loading = false;
    bool m_refreshAgain = false;
    // Shared with the export workers, which may outlive the model by a few chunks.
    std::shared_ptr<std::atomic_bool> m_cancelExports = std::make_shared<std::atomic_bool>(false);
};

} // namespace wharf
