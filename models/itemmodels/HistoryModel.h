#pragma once
// The Image pane's layer table: one row per build-history step of the inspected image, joined with
// the layer it produced (mergeHistory's rows): when it was created, the full created_by text, the
// layer's digest, compressed size and diff_id, and the comment. Steps that produced no layer (ENV,
// CMD, …) are rows too, flagged by EmptyLayerRole and without layer data, so a view can dim them.
// When the history cannot be matched to the layers, the rows are the layers alone
// (instructionsMatchLayers() is false) and the view should say so.

#include "documents/ImageHistory.h"

#include <QAbstractTableModel>

namespace wharf {

struct InspectedImage;

class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)
    Q_PROPERTY(bool instructionsMatchLayers READ instructionsMatchLayers NOTIFY historyChanged)
public:
    enum Column {
        CreatedColumn,
        InstructionColumn, // created_by, without the classic builder's "/bin/sh -c #(nop)" prefix
        SizeColumn,
        LayerDigestColumn,
        DiffIdColumn,
        CommentColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the column's value unformatted, for sorting and copying
        StepRole, // int: position in the history, oldest first
        CreatedRole, // QDateTime (invalid when the config has none)
        CreatedByRole, // the full created_by text as the config has it
        InstructionRole, // created_by as the Hub shows it
        CommentRole,
        EmptyLayerRole, // bool: a metadata-only step
        LayerIndexRole, // int: which layer (0 = base), -1 for an empty step
        LayerDigestRole, // "sha256:…", empty for an empty step
        LayerSizeRole, // qint64 compressed bytes; invalid for an empty step or an unknown size (schema 1)
        LayerMediaTypeRole,
        DiffIdRole, // "sha256:…" of the uncompressed layer, when known
    };
    Q_ENUM(Role)

    explicit HistoryModel(QObject *parent = nullptr);

    // Replaces every row (a reset).
    void setImage(const InspectedImage &image);
    void setHistory(const ImageHistory &history);
    void clear();

    [[nodiscard]] bool instructionsMatchLayers() const { return m_history.instructionsMatchLayers; }
    [[nodiscard]] const ImageHistory &history() const { return m_history; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void historyChanged();

private:
    [[nodiscard]] QVariant rawValue(int row, int column) const;
    [[nodiscard]] QString displayText(int row, int column) const;

    ImageHistory m_history;
    QList<int> m_layerIndex; // per row: the layer's position in the manifest, or -1
};

} // namespace wharf
