#pragma once
// Runs a real `docker-registry` (CNCF Distribution 2.8) on 127.0.0.1 for integration tests: writes
// its YAML config into a temporary folder, lets the kernel pick the port (the registry logs the
// address it bound, so there is no race with other tests for a "free" port), waits until /v2/
// answers, and kills the process on stop() and in the destructor. The child also dies with the test
// process (PR_SET_PDEATHSIG), so a crashed test leaves no registry behind. Several processes may
// serve the same storage root at once; readOnly keeps tests from changing the shared fixture.

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QDeadlineTimer;
class QProcess;
class QTemporaryDir;

namespace wharf::testbed {

struct RegistryOptions
{
    enum class Auth {
        None, // anonymous pull and push
        Htpasswd, // HTTP Basic against htpasswdFile (bcrypt entries; see makeHtpasswd)
        Token, // Bearer tokens from tokenRealm, signed by a key certified in tokenRootCertBundle
    };
    Auth auth = Auth::None;
    QString storageRoot; // distribution filesystem root; empty = a fresh, empty one
    bool readOnly = false; // refuse pushes and deletes (storage maintenance read-only mode)
    // Accept pushes of Docker schema 1 manifests (compatibility.schema1.enabled; distribution 2.8
    // refuses them by default, but serves those already stored either way).
    bool schema1Pushes = false;
    QString htpasswdFile; // Auth::Htpasswd
    QString tokenRealm; // Auth::Token: realm URL, service, issuer, PEM certificate bundle
    QString tokenService;
    QString tokenIssuer;
    QString tokenRootCertBundle;
};

class RegistryProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryProcess)
public:
    explicit RegistryProcess(QObject *parent = nullptr);
    ~RegistryProcess() override;

    // Starts the registry (stopping a running one first) and waits, at most 10 s, until GET /v2/
    // answers 200 or 401. On failure the process is gone and `error` says why, with the log.
    bool start(const RegistryOptions &options, QString *error = nullptr);
    // Kills the process and waits for it; logText() stays readable until the next start().
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] qint64 processId() const; // 0 when not running
    [[nodiscard]] quint16 port() const; // 0 when not running
    [[nodiscard]] QString hostPort() const; // "127.0.0.1:PORT"
    [[nodiscard]] QUrl baseUrl() const; // http://127.0.0.1:PORT
    [[nodiscard]] QString storageRoot() const;
    // The registry's log (stderr and access log), for failure diagnostics.
    [[nodiscard]] QString logText() const;

    // Adds a bcrypt entry for `user` to `path` (created when missing), via `htpasswd -niB`.
    static bool makeHtpasswd(const QString &path, const QString &user, const QString &password, QString *error = nullptr);
    // $WHARF_DOCKER_REGISTRY, else `docker-registry` (Debian) or `registry` (upstream) on PATH.
    [[nodiscard]] static QString executable();

private:
    bool writeConfig(const RegistryOptions &options, QString *error);
    bool waitForPort(const QDeadlineTimer &deadline, QString *error);
    bool waitForApi(const QDeadlineTimer &deadline, QString *error);
    [[nodiscard]] QString configPath() const;
    [[nodiscard]] QString logPath() const;
    bool fail(const QString &message, QString *error);

    std::unique_ptr<QTemporaryDir> m_dir; // config, log, and the storage when none was given
    QProcess *m_process = nullptr;
    QString m_storageRoot;
    quint16 m_port = 0;
};

} // namespace wharf::testbed
