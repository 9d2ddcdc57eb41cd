#pragma once
// Logging in, for File → Log In… and `wharf login` alike: the credentials are checked against the
// registry (GET /v2/ with a client that knows nothing but them, so a stored login cannot mask a
// wrong one), then kept in the system keychain. Without a keychain, and with a session source to
// fall back on (the window's), they are kept for this run only; nothing is ever written to a file.
// The secret is wiped from the job as soon as it is no longer needed.

#include "core/Job.h"
#include "credentials/Credentials.h"
#include "registry/RegistryClient.h"

#include <QPointer>

#include <memory>

namespace wharf {

class KeychainStore;
class RegistryRequest;
class SessionCredentialSource;
class StaticCredentialSource;

class LoginJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginJob)
public:
    enum class Stage { Checking, Saving };
    Q_ENUM(Stage)
    enum class Kept { InKeychain, ForThisRun };
    Q_ENUM(Kept)

    // `settings` are the caller's client's (insecure registries, retries); its credentials are not
    // used. `session` may be null (the command line: no keychain is an error there).
    LoginJob(const RegistryClient::Settings &settings, QString registry, Credentials credentials, KeychainStore *keychain,
             SessionCredentialSource *session, QObject *parent = nullptr);
    ~LoginJob() override;

    [[nodiscard]] const QString &registry() const { return m_registry; }
    [[nodiscard]] Stage stage() const { return m_stage; }
    // Where the login was kept, once it succeeded.
    [[nodiscard]] Kept kept() const { return m_kept; }

Q_SIGNALS:
    void stageChanged(wharf::LoginJob::Stage stage);

protected:
    void run() override;
    void abort() override;

private:
    void onChecked();
    void save();

    RegistryClient::Settings m_settings;
    QString m_registry;
    Credentials m_credentials;
    QPointer<KeychainStore> m_keychain;
    SessionCredentialSource *m_session;
    std::unique_ptr<StaticCredentialSource> m_source;
    std::unique_ptr<RegistryClient> m_client;
    QPointer<RegistryRequest> m_ping;
    Stage m_stage = Stage::Checking;
    Kept m_kept = Kept::InKeychain;
};

} // namespace wharf
