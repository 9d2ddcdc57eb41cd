#pragma once
// Paints the Image pane's history rows: steps that produced no layer (ENV, CMD, …; HistoryModel's
// EmptyLayerRole) in grey italics so the rows that carry bytes stand out.

#include <QStyledItemDelegate>

namespace wharf {

class HistoryDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDelegate)
public:
    explicit HistoryDelegate(QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace wharf
