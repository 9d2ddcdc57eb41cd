#include "PlatformChipsDelegate.h"

#include "itemmodels/TagListModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace wharf {

namespace {

constexpr int kPadding = 5; // inside a chip, left and right
constexpr int kGap = 4;     // between chips
constexpr int kMargin = 3;  // around the row of chips

int chipWidth(const QFontMetrics &metrics, const QString &text)
{
    return metrics.horizontalAdvance(text) + 2 * kPadding;
}

} // namespace

PlatformChipsDelegate::PlatformChipsDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QString PlatformChipsDelegate::chipText(const QString &platform)
{
    return platform.startsWith(u"linux/") ? platform.mid(6) : platform;
}

QStringList PlatformChipsDelegate::visibleChips(const QStringList &platforms, const QFontMetrics &metrics, int width)
{
    QStringList chips;
    int used = kMargin;
    for (qsizetype i = 0; i < platforms.size(); ++i) {
        const QString text = chipText(platforms.at(i));
        const int w = chipWidth(metrics, text);
        const qsizetype rest = platforms.size() - i - 1;
        // Room for this chip, and for a "+N" after it when more follow.
        const int after = rest > 0 ? kGap + chipWidth(metrics, QStringLiteral("+%1").arg(rest)) : 0;
        if (used + w + after + kMargin > width) {
            // Does not fit: "+N" for this one and the rest (dropping the previous chip if need be).
            const qsizetype hidden = platforms.size() - i;
            const QString more = QStringLiteral("+%1").arg(hidden);
            if (used + chipWidth(metrics, more) + kMargin > width && !chips.isEmpty()) {
                chips.removeLast();
                chips.append(QStringLiteral("+%1").arg(hidden + 1));
            } else {
                chips.append(more);
            }
            return chips;
        }
        chips.append(text);
        used += w + kGap;
    }
    return chips;
}

void PlatformChipsDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStringList platforms = index.data(TagListModel::PlatformsRole).toStringList();
    if (platforms.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor fill = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Highlight);
    QColor background = fill;
    background.setAlphaF(selected ? 0.25f : 0.14f);
    const QColor text = selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);

    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.9 : font.pointSizeF());
    const QFontMetrics metrics(font);
    const QStringList chips = visibleChips(platforms, metrics, option.rect.width());
    const int height = qMin(option.rect.height() - 2, metrics.height() + 2);
    int x = option.rect.left() + kMargin;
    const int y = option.rect.top() + (option.rect.height() - height) / 2;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    for (const QString &chip : chips) {
        const QRect rect(x, y, chipWidth(metrics, chip), height);
        QPainterPath path;
        path.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
        painter->fillPath(path, background);
        painter->setPen(fill);
        painter->drawPath(path);
        painter->setPen(text);
        painter->drawText(rect, Qt::AlignCenter, chip);
        x += rect.width() + kGap;
    }
    painter->restore();
}

QSize PlatformChipsDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QStringList platforms = index.data(TagListModel::PlatformsRole).toStringList();
    if (platforms.isEmpty())
        return size;
    int width = 2 * kMargin;
    for (const QString &platform : platforms)
        width += chipWidth(option.fontMetrics, chipText(platform)) + kGap;
    size.setWidth(width);
    return size;
}

} // namespace wharf
