#pragma once
// Sorting and "find by name" for the Layers pane's file tree (LayerFilesModel). The find text is a
// case-insensitive substring of the name (or a wildcard pattern, "*.so*", when it has * ? or [);
// a folder stays visible while anything below it matches, so every match keeps the path to it.
// "Changes only" keeps what the layer added, modified or deleted (and their folders). Sorting is
// by any column's raw value (sizes as bytes, modes as numbers), folders before everything else,
// then by name; the tree is read straight from the source model, never through display text.

#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QString>

namespace wharf {

class LayerFilesModel;

class LayerFilesProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerFilesProxyModel)
    Q_PROPERTY(QString findText READ findText WRITE setFindText NOTIFY filterChanged)
    Q_PROPERTY(bool changesOnly READ changesOnly WRITE setChangesOnly NOTIFY filterChanged)
    Q_PROPERTY(bool foldersFirst READ foldersFirst WRITE setFoldersFirst NOTIFY sortChanged)
public:
    explicit LayerFilesProxyModel(QObject *parent = nullptr);
    ~LayerFilesProxyModel() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    [[nodiscard]] const QString &findText() const { return m_findText; }
    void setFindText(const QString &text);
    [[nodiscard]] bool changesOnly() const { return m_changesOnly; }
    void setChangesOnly(bool changesOnly);
    [[nodiscard]] bool foldersFirst() const { return m_foldersFirst; }
    void setFoldersFirst(bool foldersFirst);

Q_SIGNALS:
    void filterChanged();
    void sortChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    [[nodiscard]] bool nameMatches(const QString &name) const;

    const LayerFilesModel *m_files = nullptr;
    QString m_findText;
    bool m_wildcard = false;
    QRegularExpression m_pattern;
    bool m_changesOnly = false;
    bool m_foldersFirst = true;
};

} // namespace wharf
