#include "StatePanel.h"

#include <QLabel>

namespace wharf {

StatePanel::StatePanel(QWidget *content, QWidget *parent)
    : QStackedWidget(parent),
      m_content(content),
      m_label(new QLabel(this))
{
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setMargin(12);
    m_label->setObjectName(QStringLiteral("stateMessage"));
    addWidget(m_content);
    addWidget(m_label);
}

void StatePanel::showContent()
{
    m_kind = Kind::Content;
    setCurrentWidget(m_content);
}

void StatePanel::showMessage(const QString &message)
{
    m_kind = Kind::Message;
    m_label->setStyleSheet(QString());
    m_label->setText(message);
    setCurrentWidget(m_label);
}

void StatePanel::showError(const QString &message)
{
    m_kind = Kind::Error;
    m_label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_label->setText(message);
    setCurrentWidget(m_label);
}

QString StatePanel::message() const
{
    return m_kind == Kind::Content ? QString() : m_label->text();
}

} // namespace wharf
