// wharf login REGISTRY -u USER --password-stdin   /   wharf logout REGISTRY
// The password is read from standard input only (never from the command line, where other users
// could see it), checked against the registry, and then stored in the system keychain only.

#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "credentials/KeychainStore.h"
#include "credentials/RegistryName.h"
#include "registry/RegistryClient.h"
#include "services/LoginJob.h"
#include "services/RegistryLogins.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>

#include <memory>

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::login)
};

constexpr qint64 kMaxSecret = 8 * 1024;

} // namespace

int loginCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Check credentials against a registry and keep them in the system keychain."));
    parser.addPositionalArgument(QStringLiteral("registry"), Tr::tr("docker.io, ghcr.io, localhost:5000, …"));
    parser.addOption({{QStringLiteral("u"), QStringLiteral("username")}, Tr::tr("User name."), Tr::tr("user")});
    parser.addOption({QStringLiteral("password-stdin"), Tr::tr("Read the password or access token from standard input.")});
    if (const auto done = cx.parse(parser, QStringLiteral("login"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(QStringLiteral("username")) || !parser.isSet(QStringLiteral("password-stdin")))
        return cx.usage(Tr::tr("usage: echo \"$TOKEN\" | wharf login REGISTRY -u USER --password-stdin"));
    const QString registry = normaliseRegistryName(positional.first());
    if (registry.isEmpty())
        return cx.usage(Tr::tr("“%1” is not a registry host").arg(positional.first()));

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return cx.fail(Error(Error::Code::Io, Tr::tr("cannot read standard input")));
    QByteArray secret = in.read(kMaxSecret + 1);
    if (secret.size() > kMaxSecret)
        return cx.fail(Error(Error::Code::Credentials, Tr::tr("the password on standard input is longer than %1 bytes").arg(kMaxSecret)));
    while (secret.endsWith('\n') || secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty())
        return cx.usage(Tr::tr("no password on standard input"));

    const Credentials credentials{parser.value(QStringLiteral("username")), QString::fromUtf8(secret), {}};
    secret.fill('\0');

    // Checked with a client that knows nothing else, then kept in the keychain (LoginJob, as the
    // window's dialog does); without a keychain that is an error here: there is no later to use it in.
    std::unique_ptr<LoginJob> login(new LoginJob(cx.registry().settings(), registry, credentials, &cx.keychain(), nullptr));
    cx.wait(login.get());
    if (login->error())
        return cx.fail(*login->error());
    cx.out() << Tr::tr("Login succeeded for %1; the credentials are in the system keychain.").arg(registry) << '\n';
    return kExitOk;
}

int logoutCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Remove a registry's credentials from the system keychain."));
    parser.addPositionalArgument(QStringLiteral("registry"), Tr::tr("docker.io, ghcr.io, localhost:5000, …"));
    if (const auto done = cx.parse(parser, QStringLiteral("logout"), arguments))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return cx.usage(Tr::tr("usage: wharf logout REGISTRY"));
    const QString registry = normaliseRegistryName(parser.positionalArguments().first());
    if (registry.isEmpty())
        return cx.usage(Tr::tr("“%1” is not a registry host").arg(parser.positionalArguments().first()));
    // The window's File → Log Out does the same (RegistryLogins); this process keeps no tokens.
    RegistryLogins logins(&cx.keychain(), nullptr);
    QEventLoop loop;
    Result<QList<RegistryLogins::Kept>> removed;
    logins.logOut(registry, &loop, [&](Result<QList<RegistryLogins::Kept>> result) {
        removed = std::move(result);
        loop.quit();
    });
    loop.exec();
    if (!removed)
        return cx.fail(removed.error());
    if (removed->isEmpty())
        cx.out() << Tr::tr("The system keychain had no credentials for %1.").arg(registry) << '\n';
    else
        cx.out() << Tr::tr("Removed the credentials for %1 from the system keychain.").arg(registry) << '\n';
    return kExitOk;
}

} // namespace wharf::cli
