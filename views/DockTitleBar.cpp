#include "DockTitleBar.h"

#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QStyle>
#include <QToolButton>

namespace wharf {

DockTitleBar::DockTitleBar(QDockWidget *dock, const QIcon &icon)
    : QWidget(dock),
      m_dock(dock),
      m_title(new QLabel(dock->windowTitle(), this)),
      m_float(new QToolButton(this)),
      m_close(new QToolButton(this))
{
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    auto *iconLabel = new QLabel(this);
    iconLabel->setPixmap(icon.pixmap(iconSize, iconSize));
    m_title->setObjectName(QStringLiteral("paneHeading"));
    QFont font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);
    for (QToolButton *button : {m_float, m_close}) {
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus);
        button->setIconSize(QSize(iconSize * 3 / 4, iconSize * 3 / 4));
    }
    m_float->setObjectName(QStringLiteral("dockFloat"));
    m_float->setIcon(style()->standardIcon(QStyle::SP_TitleBarNormalButton, nullptr, this));
    m_float->setToolTip(tr("Detach or attach again"));
    m_close->setObjectName(QStringLiteral("dockClose"));
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton, nullptr, this));
    m_close->setToolTip(tr("Hide (the View menu brings it back)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 2, 2);
    layout->setSpacing(6);
    layout->addWidget(iconLabel);
    layout->addWidget(m_title, 1);
    layout->addWidget(m_float);
    layout->addWidget(m_close);

    connect(m_float, &QToolButton::clicked, m_dock, [this] { m_dock->setFloating(!m_dock->isFloating()); });
    connect(m_close, &QToolButton::clicked, m_dock, &QDockWidget::close);
    connect(m_dock, &QDockWidget::windowTitleChanged, m_title, &QLabel::setText);
    connect(m_dock, &QDockWidget::featuresChanged, this, &DockTitleBar::updateButtons);
    updateButtons();
}

QSize DockTitleBar::sizeHint() const
{
    return layout()->sizeHint();
}

QSize DockTitleBar::minimumSizeHint() const
{
    return layout()->minimumSize();
}

void DockTitleBar::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dock->features().testFlag(QDockWidget::DockWidgetFloatable)) {
        m_dock->setFloating(!m_dock->isFloating());
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void DockTitleBar::updateButtons()
{
    m_float->setVisible(m_dock->features().testFlag(QDockWidget::DockWidgetFloatable));
    m_close->setVisible(m_dock->features().testFlag(QDockWidget::DockWidgetClosable));
}

} // namespace wharf
