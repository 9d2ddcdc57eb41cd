#pragma once
// Paints one search result in two lines: the repository name with its "Official" / "Verified"
// badges and, on the right, stars and pulls; below it the short description, elided.

#include <QStyledItemDelegate>

namespace wharf {

class SearchResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultDelegate)
public:
    explicit SearchResultDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "★ 1.2K · 3.4M pulls", empty when the registry has neither (catalog rows).
    [[nodiscard]] static QString statsText(const QModelIndex &index);
};

} // namespace wharf
