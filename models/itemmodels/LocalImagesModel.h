#pragma once
// The Local images pane's model: what the store holds, one row per stored image (reference,
// platform, manifest digest, when it was pulled) with its layer bytes split into shared (layers
// another stored image uses too) and unique, and what deleting it frees (StoreUsage: every blob no
// other entry keeps), plus the store's reclaimable bytes (what garbage collection would delete
// now). The GUI thread never touches the store: refresh(), remove(), collectGarbage() and
// exportImage() run on the thread pool and come back through queued continuations; refresh()
// replaces the whole data set (a reset), remove() deletes the image and the blobs only it kept and
// takes its row out, updating the other rows' figures in place. Rows sort by a column's raw value
// (sort(), as a header click asks), and stay sorted across refreshes.

#include "core/Error.h"
#include "store/ImageExporter.h"
#include "store/ImageStore.h"
#include "store/StoreUsage.h"
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
    // What was deleted with it: the blobs only it kept (ImageStore::removeImageWithBlobs).
    int blobsFreed = 0;
    qint64 bytesFreed = 0;
    std::optional<Error> blobsKept; // why its blobs stayed, when they did
};

// How a collectGarbage() ended.
struct LocalImageCleanup
{
    std::optional<Error> error;
    GcReport report; // when there is no error
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
    Q_PROPERTY(qint64 reclaimableBytes READ reclaimableBytes NOTIFY reclaimableChanged)
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
        FreeableBytesRole,               // qint64: bytes on disk deleting it frees
        ManifestPathRole,                // the manifest blob's file in the store
    };
    Q_ENUM(Role)

    explicit LocalImagesModel(ImageStore store, QObject *parent = nullptr);
    // Running exports are told to stop; their results are dropped.
    ~LocalImagesModel() override;

    [[nodiscard]] const ImageStore &store() const { return m_store; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] std::optional<StoredImage> image(int row) const;
    // The row showing `image` (same reference and platform); -1 when there is none.
    [[nodiscard]] int rowOf(const StoredImage &image) const;
    // Bytes of blobs no image keeps (and no pull in progress protects): what collectGarbage() would
    // delete. Read with every refresh and after each removal.
    [[nodiscard]] qint64 reclaimableBytes() const { return m_reclaimable; }
    // Removals and collections still running.
    [[nodiscard]] int pendingChanges() const { return m_pending; }

    // Reads the store on a worker and replaces the rows; refreshed() when done. A refresh asked for
    // while one runs starts again after it, so the last call always sees the latest store.
    void refresh();
    // Removes the row's image from the store on a worker, with the blobs only it kept (what
    // FreeableBytesRole said); removeFinished() tells how it went. False when the row does not exist.
    bool remove(int row);
    // Collects the store's garbage on a worker (ImageStore::collectGarbage(), as `wharf gc`);
    // cleanupFinished() tells how it went.
    void collectGarbage();
    // Writes the row's image to `path` on a worker; exportFinished() tells how it went.
    bool exportImage(int row, const QString &path, ImageExporter::Format format);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    // By the column's RawValueRole; a column out of range keeps index.json's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // After each refresh: no error when the rows now show the store.
    void refreshed(const std::optional<wharf::Error> &error);
    void removeFinished(const wharf::LocalImageRemoval &result);
    void cleanupFinished(const wharf::LocalImageCleanup &result);
    void reclaimableChanged(qint64 bytes);
    void pendingChangesChanged();
    void exportFinished(const wharf::LocalImageExport &result);

private:
    using Entry = ImageUsage;
    struct Read
    {
        Result<StoreUsage> usage = StoreUsage();
        qint64 reclaimable = -1; // -1: could not be worked out
    };

    // Worker side: the store's usage and what gc would free. Store I/O only, no model state.
    [[nodiscard]] static Read readStore(const ImageStore &store);
    [[nodiscard]] static qint64 reclaimableIn(const ImageStore &store);
    void startRefresh();
    void applyRefresh(const Read &read);
    void updateReclaimable();
    void setReclaimable(qint64 bytes);
    void setPending(int delta);
    void sortEntries();
    [[nodiscard]] QVariant rawValue(const Entry &entry, int column) const;
    [[nodiscard]] QString displayText(const Entry &entry, int column) const;
    void setLoading(bool loading);

    ImageStore m_store;
    StoreUsage m_usage; // its images are the rows, in the order shown
    qint64 m_reclaimable = 0;
    int m_pending = 0;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_loading = false;
    bool m_refreshAgain = false;
    // Shared with the export workers, which may outlive the model by a few chunks.
    std::shared_ptr<std::atomic_bool> m_cancelExports = std::make_shared<std::atomic_bool>(false);
};

} // namespace wharf
