// The login dialog (see the header). The check and the keeping are LoginJob's, as for `wharf login`.
#include "LoginDialog.h"

#include "credentials/KeychainStore.h"
#include "credentials/RegistryName.h"
#include "credentials/SessionCredentialSource.h"

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
    m_keychainNote->setText(tr("Looking for a system keychain…"));
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
    // Where the login will be kept is said before anything is typed; the bus is asked off the GUI thread.
    KeychainStore::checkAvailability(this, [this](const KeychainStore::Availability &keychain) {
        if (m_done)
            return;
        if (!keychain.available)
            m_keychainNote->setText(tr("No keychain on this machine: the login lasts until Wharf closes, and is never "
                                       "written to a file."));
        else if (keychain.name.isEmpty())
            m_keychainNote->setText(tr("Saved in your system keychain: the password is kept there, never in a file."));
        else
            m_keychainNote->setText(
                tr("Saved in your keychain (%1): the password is kept there, never in a file.").arg(keychain.name));
        Q_EMIT keychainChecked(keychain.available);
    });
    // Wide enough that a refusal reads as a sentence, not a column of words.
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
}

LoginDialog::~LoginDialog()
{
    if (m_login && m_login->stage() == LoginJob::Stage::Checking)
        m_login->cancel();
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
    if (m_login && m_login->stage() == LoginJob::Stage::Checking)
        m_login->cancel();
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
    setBusy(true, tr("Checking…"));
    auto *job = new LoginJob(m_clientSettings, m_checkedRegistry,
                             Credentials{m_userEdit->text().trimmed(), m_secretEdit->text(), {}}, m_keychain, m_session, this);
    m_login = job;
    connect(job, &LoginJob::stageChanged, this, [this](LoginJob::Stage stage) {
        if (stage == LoginJob::Stage::Saving && !m_abandoned)
            setBusy(true, tr("Saving to the system keychain…"));
    });
    connect(job, &Job::finished, this, [this, job] {
        if (job->isCancelled())
            return;
        if (job->error()) {
            if (!m_abandoned)
                showError(job->error()->message());
            return;
        }
        finishLogin(job->kept() == LoginJob::Kept::InKeychain);
    });
    job->start();
}

void LoginDialog::finishLogin(bool storedInKeychain)
{
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
