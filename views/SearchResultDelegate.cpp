#include "SearchResultDelegate.h"

#include "itemmodels/SearchModel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <limits>

namespace wharf {

namespace {

constexpr int kMargin = 6;

void drawBadge(QPainter *painter, QPoint at, const QString &text, const QColor &color, const QFontMetrics &metrics, int *width)
{
    const QRect box(at.x(), at.y(), metrics.horizontalAdvance(text) + 8, metrics.height());
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(box, 4, 4);
    painter->setPen(Qt::white);
    painter->drawText(box, Qt::AlignCenter, text);
    painter->restore();
    *width = box.width();
}

} // namespace

SearchResultDelegate::SearchResultDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QString SearchResultDelegate::statsText(const QModelIndex &index)
{
    const qint64 stars = index.data(SearchModel::StarsRole).toLongLong();
    const qint64 pulls = index.data(SearchModel::PullsRole).toLongLong();
    if (stars < 0 && pulls < 0)
        return {};
    const QLocale locale;
    const auto compact = [&locale](qint64 n) {
        if (n >= 1'000'000'000)
            return tr("%1B").arg(locale.toString(double(n) / 1e9, 'f', 1));
        if (n >= 1'000'000)
            return tr("%1M").arg(locale.toString(double(n) / 1e6, 'f', 1));
        if (n >= 10'000)
            return tr("%1K").arg(locale.toString(double(n) / 1e3, 'f', 1));
        return locale.toString(n);
    };
    // The plural follows the real count (past int, any count is "many").
    const int count = int(std::clamp<qint64>(pulls, 0, std::numeric_limits<int>::max()));
    return tr("★ %1 · %2 pull(s)", nullptr, count).arg(compact(qMax<qint64>(stars, 0)), compact(qMax<qint64>(pulls, 0)));
}

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65f);

    const QRect area = option.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const int lineHeight = qMax(boldMetrics.height(), option.fontMetrics.height());

    painter->save();
    const QString stats = statsText(index);
    const int statsWidth = stats.isEmpty() ? 0 : option.fontMetrics.horizontalAdvance(stats) + kMargin;
    painter->setFont(option.font);
    painter->setPen(dim);
    if (!stats.isEmpty())
        painter->drawText(QRect(area.x(), area.y(), area.width(), lineHeight), Qt::AlignRight | Qt::AlignVCenter, stats);

    painter->setFont(bold);
    painter->setPen(text);
    // The badges Docker Hub gives, each in its colour.
    QList<std::pair<QString, QColor>> badges;
    if (index.data(SearchModel::OfficialRole).toBool())
        badges.append({tr("Official"), QColor(0x1d, 0x63, 0xed)});
    if (index.data(SearchModel::VerifiedRole).toBool())
        badges.append({tr("Verified"), QColor(0x2e, 0x7d, 0x32)});
    if (index.data(SearchModel::OpenSourceRole).toBool())
        badges.append({tr("Open source"), QColor(0x6a, 0x1b, 0x9a)});
    if (index.data(SearchModel::HardenedRole).toBool())
        badges.append({tr("Hardened"), QColor(0x00, 0x69, 0x5c)});
    if (index.data(SearchModel::PrivateRole).toBool())
        badges.append({tr("Private"), QColor(0x61, 0x61, 0x61)});
    int badgesWidth = 0;
    for (const auto &badge : std::as_const(badges))
        badgesWidth += option.fontMetrics.horizontalAdvance(badge.first) + 12;
    const QString name = boldMetrics.elidedText(index.data(SearchModel::NameRole).toString(), Qt::ElideMiddle,
                                                qMax(40, area.width() - statsWidth - badgesWidth - kMargin));
    painter->drawText(QRect(area.x(), area.y(), area.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter, name);

    int x = area.x() + boldMetrics.horizontalAdvance(name) + kMargin;
    painter->setFont(option.font);
    int width = 0;
    for (const auto &[label, colour] : std::as_const(badges)) {
        drawBadge(painter, QPoint(x, area.y()), label, colour, option.fontMetrics, &width);
        x += width + 4;
    }

    // Second line: the description, and at the right the architectures Docker Hub lists.
    const QString description = index.data(SearchModel::DescriptionRole).toString();
    const QString architectures = index.data(SearchModel::ArchitecturesRole).toStringList().join(QStringLiteral(" · "));
    const int archWidth = architectures.isEmpty() ? 0 : option.fontMetrics.horizontalAdvance(architectures) + kMargin;
    const QRect second(area.x(), area.y() + lineHeight, area.width(), option.fontMetrics.height());
    painter->setPen(dim);
    if (!architectures.isEmpty())
        painter->drawText(second, Qt::AlignRight | Qt::AlignVCenter, architectures);
    painter->drawText(second.adjusted(0, 0, -archWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(description.isEmpty() ? index.data(SearchModel::ReferenceRole).toString() : description,
                                                    Qt::ElideRight, qMax(0, area.width() - archWidth)));
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() + option.fontMetrics.height() + kMargin;
    return {240, height};
}

} // namespace wharf
