#pragma once
// A tag list with a check box on every row, for choosing which tags the layer map compares. Sits
// on any list of tags (the Tags pane's TagListModel or its filter proxy, a QStringListModel) and
// keeps the choice by tag name, so it survives sorting, filtering and rows arriving page by page;
// names chosen before their row arrives stay chosen.

#include <QIdentityProxyModel>
#include <QSet>
#include <QStringList>

namespace wharf {

class TagCheckProxyModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagCheckProxyModel)
public:
    explicit TagCheckProxyModel(QObject *parent = nullptr);

    // The role of the source that holds the tag name (Qt::DisplayRole by default).
    void setNameRole(int role);
    [[nodiscard]] int nameRole() const { return m_nameRole; }

    // The chosen tags in the source's row order; chosen names without a row (yet) come last.
    [[nodiscard]] QStringList checkedTags() const;
    void setCheckedTags(const QStringList &tags);
    void setChecked(const QString &tag, bool checked);
    [[nodiscard]] bool isChecked(const QString &tag) const { return m_checked.contains(tag); }

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    void checkedTagsChanged();

private:
    [[nodiscard]] QString nameAt(const QModelIndex &index) const;
    void emitAllChecksChanged();

    int m_nameRole = Qt::DisplayRole;
    QSet<QString> m_checked;
    QStringList m_checkOrder; // for names that have no row
};

} // namespace wharf
