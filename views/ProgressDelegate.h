#pragma once
// Paints the Pulls pane's progress cell as a progress bar with "bytes of total" on it, for a pull
// row and for each of its layer rows (PullListModel's ProgressRole, BytesDoneRole, BytesTotalRole;
// rate and time left have columns of their own). The text is elided to one line when the column is
// narrow. A row whose total is not known yet shows a busy bar.

#include <QStyledItemDelegate>

namespace wharf {

class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)
public:
    explicit ProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The text painted on the bar, e.g. "3.1 MB of 12.3 MB".
    [[nodiscard]] static QString progressText(const QModelIndex &index);
};

} // namespace wharf
