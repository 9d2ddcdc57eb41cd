// The login dialog (see the header). The check mirrors app/cli/LoginCommand.cpp.
#include "LoginDialog.h"

#include "credentials/KeychainStore.h"
#include "credentials/RegistryName.h"
#include "credentials/SessionCredentialSource.h"
#include "credentials/StaticCredentialSource.h"
#include "registry/RegistryClient.h"
#include "registry/RegistryRequest.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wharf {

LoginDialog::LoginDialog(KeychainStore *keychain, SessionCredentialSource *session, QWidget *parent)
    : QDialog(parent)
    , m_keychain(keychain)
    , m_session(session)
    , m_registryEdit(new QLineEdit(this))
    , m_userEdit(new QLineEdit(this))
    , m_secretEdit(new QLineEdit(this))
    , m_keychainNote(new QLabel(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Log In to a Registry"));
    m_registryEdit->setObjectName(QStringLiteral("registry"));
    m_registryEdit->setPlaceholderText(tr("docker.io, ghcr.io, localhost:5000, …"));
    m_userEdit->setObjectName(QStringLiteral("username"));
    m_secretEdit->setObjectName(QStringLiteral("secret"));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setText(tr("Remember in the system keychain: the password is stored there, never in a file."));
    m_keychainNote->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Registry:"), m_registryEdit);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(tr("&Password or access token:"), m_secretEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_keychainNote);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    for (QLineEdit *edit : {m_registryEdit, m_userEdit, m_secretEdit})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::updateOkButton);
    updateOkButton();
    // Wide enough that a refusal reads as a sentence, not a column of words.
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
}

LoginDialog::~LoginDialog()
{
    if (m_ping) {
        disconnect(m_ping.get(), nullptr, this, nullptr);
        m_ping->cancel();
    }
}

void LoginDialog::setRegistry(const QString &registry)
{
    m_registryEdit->setText(registry);
    m_userEdit->setFocus();
}

QString LoginDialog::registry() const
{
    return normaliseRegistryName(m_registryEdit->text());
}

void LoginDialog::accept()
{
    if (m_done) {
        QDialog::accept();
        return;
    }
    if (m_busy || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    startCheck();
}

void LoginDialog::reject()
{
    // Escape while checking: stop the check; nothing has been stored yet (or the store finishes
    // on its own and only its answer is dropped with this dialog).
    if (m_ping) {
        disconnect(m_ping.get(), nullptr, this, nullptr);
        m_ping->cancel();
        m_ping.release()->deleteLater();
        m_client.release()->deleteLater();
    }
    m_abandoned = true;
    QDialog::reject();
}

void LoginDialog::startCheck()
{
    m_abandoned = false;
    m_checkedRegistry = registry();
    if (m_checkedRegistry.isEmpty()) {
        showError(tr("“%1” is not a registry host.").arg(m_registryEdit->text().trimmed()));
        return;
    }
    m_checked = Credentials{m_userEdit->text().trimmed(), m_secretEdit->text(), {}};
    setBusy(true, tr("Checking…"));

    // A client that knows nothing but these credentials, so a stored login cannot mask a wrong one.
    m_source = std::make_unique<StaticCredentialSource>(m_checkedRegistry, m_checked);
    m_client = std::make_unique<RegistryClient>();
    m_client->setCredentialSource(m_source.get());
    m_ping.reset(m_client->ping(m_checkedRegistry));
    m_ping->setAutoDelete(false);
    connect(m_ping.get(), &Job::finished, this, &LoginDialog::onPingFinished);
    m_ping->start();
}

void LoginDialog::onPingFinished(Job *job)
{
    Q_ASSERT(job == m_ping.get());
    const std::optional<Error> error = job->error();
    // Not deleted from inside its own signal.
    m_ping.release()->deleteLater();
    m_client.release()->deleteLater();
    if (error) {
        m_checked = {};
        showError(error->message());
        return;
    }
    storeInKeychain();
}

void LoginDialog::storeInKeychain()
{
    setBusy(true, tr("Saving to the system keychain…"));
    m_keychain->store(m_checkedRegistry, m_checked, this, [this](Result<void> stored) {
        if (stored) {
            finishLogin(true);
        } else if (stored.error().code() == Error::Code::Credentials) {
            // No keychain to write to: the login still works until Wharf quits, and nothing is
            // written anywhere else (there is no plaintext fallback).
            m_session->remember(m_checkedRegistry, m_checked);
            finishLogin(false);
        } else if (!m_abandoned) {
            showError(stored.error().message());
        }
    });
}

void LoginDialog::finishLogin(bool storedInKeychain)
{
    m_checked = {};
    m_secretEdit->clear();
    Q_EMIT loggedIn(m_checkedRegistry, storedInKeychain);
    if (m_abandoned) // closed while the keychain was still writing: the login stands, the dialog stays shut
        return;
    if (storedInKeychain) {
        setBusy(false);
        QDialog::accept();
        return;
    }
    m_done = true;
    setBusy(false, tr("No system keychain is available; Wharf will use this login until you quit."));
    for (QLineEdit *edit : {m_registryEdit, m_userEdit, m_secretEdit})
        edit->setEnabled(false);
    m_keychainNote->hide();
    m_buttons->setStandardButtons(QDialogButtonBox::Ok);
    m_buttons->button(QDialogButtonBox::Ok)->setFocus();
}

void LoginDialog::showError(const QString &message)
{
    setBusy(false, message);
    m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_secretEdit->selectAll();
    m_secretEdit->setFocus();
}

void LoginDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    for (QLineEdit *edit : {m_registryEdit, m_userEdit, m_secretEdit})
        edit->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
    m_status->setStyleSheet(QString());
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    if (!busy)
        updateOkButton();
}

void LoginDialog::updateOkButton()
{
    if (QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok))
        ok->setEnabled(m_done
                       || (!m_registryEdit->text().trimmed().isEmpty() && !m_userEdit->text().trimmed().isEmpty()
                           && !m_secretEdit->text().isEmpty()));
}

} // namespace wharf
