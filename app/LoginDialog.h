#pragma once
// Signs in to one registry from the window: user name and password (or access token), checked
// against the registry exactly as `wharf login` checks them (a fresh client that knows only these
// credentials pings /v2/ through the registry's own auth flow), without blocking the GUI thread.
// A login that works is kept in the system keychain; without a keychain it is kept for this run
// only (SessionCredentialSource) and the dialog says so. A login that fails keeps the dialog open
// with the reason.

#include "credentials/Credentials.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace wharf {

class Job;
class KeychainStore;
class RegistryClient;
class RegistryRequest;
class SessionCredentialSource;
class StaticCredentialSource;

class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)
public:
    // Neither store is owned; both must outlive the dialog.
    LoginDialog(KeychainStore *keychain, SessionCredentialSource *session, QWidget *parent = nullptr);
    ~LoginDialog() override;

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

private:
    void startCheck();
    void onPingFinished(Job *job);
    void storeInKeychain();
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

    // The check in flight; the client and its source live as long as the request.
    std::unique_ptr<StaticCredentialSource> m_source;
    std::unique_ptr<RegistryClient> m_client;
    std::unique_ptr<RegistryRequest> m_ping;

    QString m_checkedRegistry;
    Credentials m_checked;
    bool m_busy = false;
    bool m_abandoned = false; // rejected while checking or storing
    bool m_done = false; // logged in for this run only: OK now just closes
};

} // namespace wharf
