#pragma once
// The Image pane's config table: how a container of the inspected image starts, as key/value rows
// a view lists and copies. One row per Env entry, exposed port, volume and label, one row each for
// Entrypoint, Cmd, WorkingDir, User and StopSignal when the config sets them, and the platform
// (os/arch[/variant], os.version) the config says it was built for. Everything is the config's
// untrusted text, shown as is (CVE-2022-23648): never run, never used as a path.

#include "itemmodels/ItemRoles.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace wharf {

struct ImageConfig;
struct InspectedImage;

class ConfigModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigModel)
public:
    // Which part of the config a row comes from, in display order.
    enum class Field { Platform, OsVersion, Entrypoint, Cmd, WorkingDir, User, Env, ExposedPort, Volume, Label, StopSignal };
    Q_ENUM(Field)

    enum Column {
        FieldColumn, // the config's own key: "Env", "Entrypoint", …
        KeyColumn,   // the variable, port, volume or label name; empty for single-valued fields
        ValueColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the column's value unformatted, for sorting
        FieldRole,                       // Field
        FieldNameRole,                   // "Env", "Entrypoint", … (the config's JSON key)
        KeyRole,
        ValueRole,                       // QString, or QStringList for Entrypoint and Cmd
        CopyTextRole = ItemRole::CopyText, // what Ctrl+C puts on the clipboard: NAME=value, the JSON array, …
    };
    Q_ENUM(Role)

    explicit ConfigModel(QObject *parent = nullptr);

    // Replaces every row (a reset). An image without an image config (an artifact) has no rows.
    void setImage(const InspectedImage &image);
    void setConfig(const std::optional<ImageConfig> &config);
    void clear();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        Field field;
        QString key;
        QVariant value; // QString or QStringList
    };

    [[nodiscard]] static QString fieldName(Field field);
    [[nodiscard]] static QString valueText(const Row &row);
    [[nodiscard]] static QString copyText(const Row &row);

    QList<Row> m_rows;
};

} // namespace wharf
