#pragma once
// Signs in to one registry from the window: user name and password (or access token), checked
// against the registry exactly as `wharf login` checks them (LoginJob: a fresh client that knows
// only these credentials pings /v2/ through the registry's own auth flow), without blocking the GUI.
// A login that works is kept in the system keychain; without a keychain it is kept for this run
// only (SessionCredentialSource). Which of the two it will be is said as the dialog opens, before
// anything is typed (KeychainStore::checkAvailability, off the GUI thread). A login that fails
// keeps the dialog open with the reason.

#include "registry/RegistryClient.h"
#include "services/LoginJob.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace wharf {

class KeychainStore;
class SessionCredentialSource;

class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)
public:
    // Neither store is owned; both must outlive the dialog.
    LoginDialog(KeychainStore *keychain, SessionCredentialSource *session, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // The window's client's settings (insecure registries, retries) for the check. Before OK.
    void setClientSettings(const RegistryClient::Settings &settings) { m_clientSettings = settings; }
    void setRegistry(const QString &registry);
    [[nodiscard]] QString registry() const;
    // True while the credentials are being checked or stored.
    [[nodiscard]] bool isBusy() const { return m_busy; }

    // OK checks and stores the login; the dialog closes only once that succeeded.
    void accept() override;
    void reject() override;

Q_SIGNALS:
    // `registry` as normaliseRegistryName() spells it.
    void loggedIn(const QString &registry, bool storedInKeychain);
    // The note under the form now says where a login will be kept.
    void keychainChecked(bool available);

private:
    void startCheck();
    void finishLogin(bool storedInKeychain);
    void showError(const QString &message);
    void setBusy(bool busy, const QString &status = {});
    void updateOkButton();

    KeychainStore *m_keychain;
    SessionCredentialSource *m_session;

    QLineEdit *m_registryEdit;
    QLineEdit *m_userEdit;
    QLineEdit *m_secretEdit;
    QLabel *m_keychainNote;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;

    RegistryClient::Settings m_clientSettings;
    QPointer<LoginJob> m_login; // the login in flight
    QString m_checkedRegistry;
    bool m_busy = false;
    bool m_abandoned = false; // rejected while checking or storing
    bool m_done = false; // logged in for this run only: OK now just closes
};

} // namespace wharf
