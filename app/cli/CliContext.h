#pragma once
// What every CLI command needs: the application's services (AppServices, the same composition
// root the window uses), the output streams, and a way to wait for a job without a GUI.

#include "core/Error.h"
#include "core/Job.h"
#include "reference/Platform.h"
#include "services/AppServices.h"

#include <QTextStream>

#include <optional>

#include <memory>

class QCommandLineParser;


namespace wharf::cli {

class CliContext
{
public:
    CliContext();
    ~CliContext();
    Q_DISABLE_COPY_MOVE(CliContext)

    [[nodiscard]] AppServices &services() { return m_services; }
    [[nodiscard]] RegistryClient &registry() { return m_services.registry(); }
    [[nodiscard]] HubClient &hub() { return m_services.hub(); }
    [[nodiscard]] KeychainStore &keychain() { return m_services.keychain(); }
    // Wharf's keychain entries, then Docker's config.json and credential helpers.
    [[nodiscard]] CredentialSource *credentials() { return m_services.credentials(); }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Runs the event loop until `job` finishes; the job is not auto-deleted (the caller owns it).
    void wait(Job *job);
    // Parses `arguments` for `wharf <command>`, adding --help. Returns an exit code when the
    // command is already done (help printed, or a usage error reported), nullopt to go on.
    [[nodiscard]] std::optional<int> parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments);
    // --limit as a number in [1, max], or nullopt after reporting a usage error.
    [[nodiscard]] std::optional<int> limit(const QCommandLineParser &parser, int max);

    // --platform os/arch[/variant] if given; nullopt (outer) after reporting a usage error.
    [[nodiscard]] std::optional<std::optional<Platform>> platform(const QCommandLineParser &parser);

    // "wharf: error: <message>" on stderr, on one line; returns the exit code for it.
    int fail(const Error &error);
    // A usage error: the same one line, ending in a pointer to the command's --help; exit code 2.
    int usage(const QString &message);
    // The same for input the user got wrong (a reference, digest or platform).
    int failUsage(const Error &error);
    // "(see “wharf COMMAND --help”)", or "(see “wharf --help”)" without a command.
    [[nodiscard]] static QString helpPointer(const QString &command);

private:
    AppServices m_services;
    QTextStream m_out;
    QTextStream m_err;
    QString m_command; // the subcommand being run, for the --help pointer
};

// Exit codes, documented in the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

} // namespace wharf::cli
