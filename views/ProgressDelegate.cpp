#include "ProgressDelegate.h"

#include "itemmodels/PullListModel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace wharf {

ProgressDelegate::ProgressDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QString ProgressDelegate::progressText(const QModelIndex &index)
{
    // The model says it ("3.1 MB of 12.3 MB", "all 12.3 MB here"); the sums below are for a
    // model that gives only the numbers.
    if (const QString text = index.data(Qt::DisplayRole).toString(); !text.isEmpty())
        return text;
    const QLocale locale;
    const qint64 done = index.data(PullListModel::BytesDoneRole).toLongLong();
    const qint64 total = index.data(PullListModel::BytesTotalRole).toLongLong();
    if (total == 0)
        return tr("Nothing to fetch");
    return total >= 0 ? tr("%1 of %2").arg(locale.formattedDataSize(done), locale.formattedDataSize(total))
                      : locale.formattedDataSize(done);
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant progress = index.data(PullListModel::ProgressRole);
    if (!progress.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    bar.minimum = 0;
    const double fraction = progress.toDouble();
    if (fraction < 0) {
        bar.maximum = 0; // busy: the total is not known yet
        bar.progress = 0;
    } else {
        bar.maximum = 1000;
        bar.progress = int(qBound(0.0, fraction, 1.0) * 1000);
    }
    bar.text = option.fontMetrics.elidedText(progressText(index), Qt::ElideRight, bar.rect.width() - 8);
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(qMax(size.width(), option.fontMetrics.horizontalAdvance(progressText(index)) + 24));
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 8));
    return size;
}

} // namespace wharf
