#pragma once
// Paints the Pulls pane's progress cell as a progress bar with "bytes of total · rate · ETA" on it,
// for a pull row and for each of its layer rows (PullListModel's ProgressRole, BytesDoneRole,
// BytesTotalRole, RateRole, EtaRole). A row whose total is not known yet shows a busy bar.

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

    // The text painted on the bar, e.g. "3.1 MB of 12.3 MB · 2.0 MB/s · 5 s left".
    [[nodiscard]] static QString progressText(const QModelIndex &index);
};

} // namespace wharf
