#pragma once
// A container engine's images for the Local images area, one row per name as `docker image ls`
// shows them (an image with two tags is two rows; an untagged one is one row, <none>): repository,
// tag, image ID, platform, created, size. refresh() lists the engine on the thread pool
// (EngineImagesJob: GET /images/json, then each image inspected for its platform) and replaces
// every row (a reset); remove() takes one name (or an untagged image's ID) out of the engine
// (EngineRemoveJob, no force: the engine refuses while a container uses it) and refreshes.
// The endpoint is EngineLocator::locate(kind)'s; the GUI thread never touches the socket.

#include "core/Error.h"
#include "engines/EngineApi.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

namespace wharf {

class EngineImagesJob;

// How a remove() ended.
struct EngineImageRemoval
{
    QString name; // the tag, or the image ID of an untagged image
    std::optional<Error> error;
};

class EngineImagesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineImagesModel)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    enum Column { RepositoryColumn, TagColumn, ImageIdColumn, PlatformColumn, CreatedColumn, SizeColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the column's value unformatted, for sorting and copying
        NameRole,                        // "nginx:1.27" (what remove() and `docker run` take); empty when untagged
        ImageIdRole,                     // "sha256:…" (the config digest)
        PlatformRole,                    // "os/arch[/variant]"
        CreatedRole,                     // QDateTime (UTC)
        SizeRole,                        // qint64
        RepoDigestsRole,                 // QStringList
        LayerCountRole,                  // int (RootFS.Layers)
    };
    Q_ENUM(Role)

    explicit EngineImagesModel(EngineEndpoint endpoint, QObject *parent = nullptr);
    ~EngineImagesModel() override;

    [[nodiscard]] const EngineEndpoint &endpoint() const { return m_endpoint; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    // The row's image (all its names, its platform); nullopt for a row that does not exist.
    [[nodiscard]] std::optional<EngineImage> image(int row) const;

    // Lists the engine again; refreshed() when done. Asked for while one runs, it runs once more after.
    void refresh();
    // Removes the row's name from the engine (the image goes with its last name); removeFinished()
    // tells how it went, then the rows are refreshed. False when the row does not exist.
    bool remove(int row);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void loadingChanged(bool loading);
    // After each refresh: no error when the rows now show the engine (Denied, EngineUnavailable… otherwise).
    void refreshed(const std::optional<wharf::Error> &error);
    void removeFinished(const wharf::EngineImageRemoval &result);

private:
    struct Row
    {
        EngineImage image;
        QString name; // one of image.repoTags, or empty
    };

    void startRefresh();
    void setLoading(bool loading);
    [[nodiscard]] QString displayText(const Row &row, int column) const;
    [[nodiscard]] QVariant rawValue(const Row &row, int column) const;

    const EngineEndpoint m_endpoint;
    QList<Row> m_rows;
    QPointer<EngineImagesJob> m_job;
    bool m_loading = false;
    bool m_refreshAgain = false;
};

} // namespace wharf

Q_DECLARE_METATYPE(wharf::EngineImageRemoval)
