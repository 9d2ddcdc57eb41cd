#pragma once
// The Compare pane's layer table: the layers two images have in common (the shared base first, in
// the first image's order), then those only the first has, then those only the second has — the
// layer half of an ImageDiff, one row per blob: its short digest, compressed size, and where it
// sits in each image. ImageDiffModel fills it alongside the file diff.

#include "layers/ImageDiff.h"

#include <QAbstractTableModel>

namespace wharf {

class ImageDiffLayersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageDiffLayersModel)
public:
    enum Column {
        WhereColumn,  // "in both", "only in base", "only in app"
        DigestColumn, // short digest
        SizeColumn,   // compressed bytes
        PositionColumn, // "layer 1 → layer 1"
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, // the column's value unformatted, for sorting
        DigestRole,                      // "sha256:…"
        SizeRole,                        // qint64
        KindRole,                        // int: Kind
        FromIndexRole,                   // int: the layer's place in the first image, -1 when not there
        ToIndexRole,                     // int: in the second
        SharedBaseRole,                  // bool: one of the first layers both images have in the same order
    };
    Q_ENUM(Role)

    enum class Kind { Common, OnlyInFrom, OnlyInTo };
    Q_ENUM(Kind)

    explicit ImageDiffLayersModel(QObject *parent = nullptr);

    // Replaces every row (a reset). The names say which image is which ("base", "app").
    void setDiff(const ImageDiff &diff, const QString &fromName, const QString &toName);
    void clear();

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        ImageDiff::Layer layer;
        Kind kind = Kind::Common;
    };
    [[nodiscard]] QVariant rawValue(const Row &row, int column) const;

    QList<Row> m_rows;
    int m_sharedPrefix = 0;
    QString m_fromName;
    QString m_toName;
};

} // namespace wharf
