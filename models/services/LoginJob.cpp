#include "services/LoginJob.h"

#include "credentials/KeychainStore.h"
#include "credentials/SessionCredentialSource.h"
#include "credentials/StaticCredentialSource.h"
#include "registry/RegistryRequest.h"

namespace wharf {

namespace {

void wipe(Credentials &credentials)
{
    credentials.secret.fill(u'\0');
    credentials.identityToken.fill(u'\0');
    credentials = {};
}

} // namespace

LoginJob::LoginJob(const RegistryClient::Settings &settings, QString registry, Credentials credentials,
                   KeychainStore *keychain, SessionCredentialSource *session, QObject *parent)
    : Job(parent), m_settings(settings), m_registry(std::move(registry)), m_credentials(std::move(credentials)),
      m_keychain(keychain), m_session(session)
{
}

LoginJob::~LoginJob()
{
    wipe(m_credentials);
}

void LoginJob::run()
{
    m_source = std::make_unique<StaticCredentialSource>(m_registry, m_credentials);
    m_client = std::make_unique<RegistryClient>();
    m_client->applySettings(m_settings);
    m_client->setCredentialSource(m_source.get()); // these credentials and no others
    m_client->setDocumentCache(nullptr);
    RegistryRequest *ping = m_client->ping(m_registry);
    m_ping = ping;
    connect(ping, &Job::finished, this, [this, ping] {
        if (isFinished())
            return;
        if (ping->error()) {
            wipe(m_credentials);
            fail(*ping->error());
            return;
        }
        onChecked();
    });
    ping->start();
}

void LoginJob::abort()
{
    // Once the keychain is writing, the login stands: only the check can be called off.
    if (m_ping)
        m_ping->cancel();
    wipe(m_credentials);
}

void LoginJob::onChecked()
{
    m_stage = Stage::Saving;
    Q_EMIT stageChanged(m_stage);
    if (!m_keychain) {
        fail(Error(Error::Code::Credentials, tr("there is no keychain to keep the login in")));
        return;
    }
    m_keychain->store(m_registry, m_credentials, this, [this](Result<void> stored) {
        if (isFinished())
            return;
        if (!stored && stored.error().code() == Error::Code::Credentials && m_session) {
            // No keychain to write to: the login still works until Wharf quits, and nothing is
            // written anywhere else (there is no plaintext fallback).
            m_session->remember(m_registry, m_credentials);
            m_kept = Kept::ForThisRun;
        } else if (!stored) {
            wipe(m_credentials);
            fail(stored.error());
            return;
        }
        wipe(m_credentials);
        emitResult();
    });
}

} // namespace wharf
