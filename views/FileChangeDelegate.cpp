#include "FileChangeDelegate.h"

#include "Icons.h"

#include <QApplication>
#include <QPalette>

namespace wharf {

FileChangeDelegate::FileChangeDelegate(ChangeOf changeOf, int iconColumn, QObject *parent)
    : QStyledItemDelegate(parent),
      m_changeOf(std::move(changeOf)),
      m_iconColumn(iconColumn)
{
}

QColor FileChangeDelegate::colour(Change change)
{
    switch (change) {
    case Change::Added: return QColor(0x1e, 0x84, 0x49);
    case Change::Modified: return QColor(0xa0, 0x62, 0x00);
    case Change::Deleted: return QColor(0xc0, 0x39, 0x2b);
    case Change::Faint: return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
    case Change::None: break;
    }
    return {};
}

void FileChangeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const Change change = m_changeOf(index);
    if (change == Change::None) {
        if (m_plainIcon && index.column() == m_iconColumn) {
            option->icon = m_plainIcon(index);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
        return;
    }
    const QColor colour = FileChangeDelegate::colour(change);
    // Selected rows keep the highlight's text colour: the icon and the strike still say it.
    option->palette.setColor(QPalette::Text, colour);
    if (change == Change::Deleted)
        option->font.setStrikeOut(true);
    if (change == Change::Faint)
        option->font.setItalic(true);
    if (index.column() != m_iconColumn)
        return;
    Icons::Name icon = Icons::Name::FileModified;
    switch (change) {
    case Change::Added: icon = Icons::Name::FileAdded; break;
    case Change::Deleted: icon = Icons::Name::FileDeleted; break;
    case Change::Modified:
    case Change::Faint: icon = Icons::Name::FileModified; break;
    case Change::None: return;
    }
    option->icon = Icons::icon(icon);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

} // namespace wharf
