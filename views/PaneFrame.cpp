#include "PaneFrame.h"

#include "DockTitleBar.h"

#include <QAction>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wharf::PaneFrame {

QWidget *titled(const QString &title, Icons::Name icon, QWidget *pane, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *iconLabel = new QLabel(box);
    const int size = box->style()->pixelMetric(QStyle::PM_SmallIconSize);
    iconLabel->setPixmap(Icons::icon(icon).pixmap(size, size));
    auto *label = new QLabel(title, box);
    label->setObjectName(QStringLiteral("paneHeading"));
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    auto *heading = new QHBoxLayout;
    heading->setSpacing(6);
    heading->addWidget(iconLabel);
    heading->addWidget(label, 1);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(heading);
    layout->addWidget(pane, 1);
    return box;
}

QDockWidget *docked(const QString &title, Icons::Name icon, const QString &name, QWidget *pane, QWidget *parent)
{
    auto *dock = new QDockWidget(title, parent);
    dock->setObjectName(name);
    dock->setWindowIcon(Icons::icon(icon)); // shown on the tab when docks are stacked
    dock->setTitleBarWidget(new DockTitleBar(dock, Icons::icon(icon)));
    dock->setWidget(pane);
    dock->toggleViewAction()->setIcon(Icons::icon(icon));
    return dock;
}

void setActive(QWidget *frame, bool active)
{
    if (!frame || (frame->property("paneActive").toBool() == active && !qobject_cast<QTabWidget *>(frame)))
        return;
    frame->setProperty("paneActive", active);
    if (auto *tabs = qobject_cast<QTabWidget *>(frame)) {
        for (int tab = 0; tab < tabs->count(); ++tab)
            tabs->tabBar()->setTabTextColor(tab, active && tab == tabs->currentIndex() ? frame->palette().color(QPalette::Highlight)
                                                                                      : QColor());
        return;
    }
    QWidget *heading = frame->findChild<QLabel *>(QStringLiteral("paneHeading"), Qt::FindDirectChildrenOnly);
    if (!heading)
        return;
    QPalette palette = frame->palette();
    if (active) {
        const QColor accent = palette.color(QPalette::Highlight);
        palette.setColor(QPalette::WindowText, accent);
        palette.setColor(QPalette::ButtonText, accent);
    }
    heading->setPalette(palette);
}

} // namespace wharf::PaneFrame
