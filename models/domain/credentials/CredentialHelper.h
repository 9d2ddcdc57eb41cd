#pragma once
// One docker-credential-<name> program, spoken to with the docker-credential-helpers protocol:
// the action is the only argument, the request goes on stdin and the answer comes on stdout.
// Secrets therefore never appear on a command line, and none of them is ever logged or put into
// an error message. Each call runs the program once, asynchronously, under a timeout.

#include "core/Error.h"
#include "credentials/Credentials.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QProcess;

namespace wharf {

class CredentialHelper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialHelper)
public:
    static constexpr std::chrono::milliseconds DefaultTimeout{10'000};
    // A helper answers with a few hundred bytes; anything beyond this is not an answer.
    static constexpr qsizetype MaxOutputSize = 256 * 1024;
    // Docker's marker user name: the secret is an identity (refresh) token, not a password.
    static constexpr QLatin1StringView TokenUsername{"<token>"};

    using GetCallback = std::function<void(Result<std::optional<Credentials>>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    // `name` is the <name> of docker-credential-<name>, looked up on PATH when a call starts.
    explicit CredentialHelper(QString name, QObject *parent = nullptr);
    // Pending calls are answered with a Cancelled error; their programs are killed.
    ~CredentialHelper() override;

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] QString programName() const;
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // `serverUrl` is what Docker would pass: DockerConfig::serverAddressFor(registry).
    // Each callback is called exactly once, later, from `context`'s event loop; "credentials not
    // found" is std::nullopt, not an error. Safe to call from any thread.
    void get(const QString &serverUrl, QObject *context, GetCallback done);
    void store(const QString &serverUrl, const Credentials &credentials, QObject *context, DoneCallback done);
    void erase(const QString &serverUrl, QObject *context, DoneCallback done);

private:
    // What came back from one run of the program.
    struct Output
    {
        int exitCode = 0;
        QByteArray standardOutput;
        QByteArray standardError;
    };
    using OutputCallback = std::function<void(Result<Output>)>;

    struct Run;

    // Starts `programName() action` with `input` on stdin, on this object's thread.
    void run(const QString &action, QByteArray input, OutputCallback finish);
    void startRun(const QString &action, const QByteArray &input, const OutputCallback &finish);
    void finishRun(Run *run, Result<Output> result);
    // A `get` that exited 0: {"ServerURL","Username","Secret"}, Username "<token>" for a token.
    [[nodiscard]] Result<std::optional<Credentials>> readAnswer(const Output &output) const;
    [[nodiscard]] Error failure(const QString &action, const Output &output) const;

    QString m_name;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    QList<Run *> m_runs;
};

} // namespace wharf
