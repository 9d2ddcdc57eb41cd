#include "StatePanel.h"

#include "Icons.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wharf {

StatePanel::StatePanel(QWidget *content, QWidget *parent)
    : QStackedWidget(parent),
      m_content(content),
      m_page(new QWidget(this)),
      m_icon(new QLabel(m_page)),
      m_label(new QLabel(m_page)),
      m_retry(new QPushButton(Icons::icon(Icons::Name::Retry), tr("Retry"), m_page))
{
    m_icon->setAlignment(Qt::AlignCenter);
    m_icon->setObjectName(QStringLiteral("stateIcon"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setMargin(8);
    m_label->setObjectName(QStringLiteral("stateMessage"));
    m_retry->setObjectName(QStringLiteral("stateRetry"));
    connect(m_retry, &QPushButton::clicked, this, &StatePanel::retryRequested);

    auto *layout = new QVBoxLayout(m_page);
    layout->addStretch(1);
    layout->addWidget(m_icon);
    layout->addWidget(m_label);
    layout->addWidget(m_retry, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    addWidget(m_content);
    addWidget(m_page);
}

void StatePanel::showContent()
{
    m_kind = Kind::Content;
    setCurrentWidget(m_content);
}

void StatePanel::showMessage(const QString &message)
{
    showPage(Kind::Message, message, false);
}

void StatePanel::showError(const QString &message, bool retryable)
{
    showPage(Kind::Error, message, retryable);
}

void StatePanel::showOffline(const QString &message)
{
    showPage(Kind::Offline, message, true);
}

void StatePanel::showFailure(const QString &failed, const Error &error)
{
    if (isOffline(error))
        showOffline(tr("You are offline, or the server cannot be reached.\n%1: %2").arg(failed, error.message()));
    else
        showError(tr("%1: %2").arg(failed, error.message()), isWorthRetrying(error));
}

bool StatePanel::isWorthRetrying(const Error &error)
{
    if (error.isRetryable())
        return true;
    // What can change without Wharf changing: the server, the network, a login, the disk.
    switch (error.code()) {
    case Error::Code::ServerError:
    case Error::Code::RateLimited:
    case Error::Code::Network:
    case Error::Code::Timeout:
    case Error::Code::Unauthorized:
    case Error::Code::Denied:
    case Error::Code::Credentials:
    case Error::Code::Io:
    case Error::Code::LinkExpired:
        return true;
    default:
        return false;
    }
}

void StatePanel::showPage(Kind kind, const QString &message, bool retry)
{
    m_kind = kind;
    // The sentence carries the meaning; the icon and colour only help to tell the states apart.
    switch (kind) {
    case Kind::Error:
        m_label->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_icon->setPixmap(Icons::icon(Icons::Name::Error).pixmap(32, 32));
        break;
    case Kind::Offline:
        m_label->setStyleSheet(QString());
        m_icon->setPixmap(Icons::icon(Icons::Name::Offline).pixmap(32, 32));
        break;
    case Kind::Content:
    case Kind::Message:
        m_label->setStyleSheet(QString());
        m_icon->clear();
        break;
    }
    m_icon->setVisible(kind == Kind::Error || kind == Kind::Offline);
    m_label->setText(message);
    m_retry->setVisible(retry);
    setCurrentWidget(m_page);
}

QString StatePanel::message() const
{
    return m_kind == Kind::Content ? QString() : m_label->text();
}

bool StatePanel::isOffline(const Error &error)
{
    return isOffline(error.code());
}

bool StatePanel::isOffline(std::optional<Error::Code> code)
{
    return code == Error::Code::Network;
}

} // namespace wharf
