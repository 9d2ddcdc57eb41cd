#pragma once
// Paints what a layer or a diff did to a path so that it cannot be mistaken for anything else:
// added rows green with a plus, modified amber with a dot, deleted red, struck through, with a
// minus — the text ("added", "deleted") stays in its own column for those who do not see colour.
// The model says which is which through `changeOf`, so the Files pane (FileMark) and the Compare
// pane (ImageDiff::Change) share one look.

#include <QStyledItemDelegate>

#include <functional>

namespace wharf {

class FileChangeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileChangeDelegate)
public:
    enum class Change { None, Added, Modified, Deleted, Faint };
    using ChangeOf = std::function<Change(const QModelIndex &index)>;
    using IconOf = std::function<QIcon(const QModelIndex &index)>;

    // `iconColumn`: the column that carries the change's icon (the name or path); `plainIcon`, when
    // set, gives the icon of an unchanged row there (a folder, a file), so names stay aligned.
    FileChangeDelegate(ChangeOf changeOf, int iconColumn, QObject *parent = nullptr);
    void setPlainIcon(IconOf plainIcon) { m_plainIcon = std::move(plainIcon); }

    [[nodiscard]] static QColor colour(Change change);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    ChangeOf m_changeOf;
    IconOf m_plainIcon;
    int m_iconColumn;
};

} // namespace wharf
