#include "cli/Cli.h"

#include "cli/CliContext.h"
#include "cli/Commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli)
};

QString usageText()
{
    return Tr::tr("Usage: wharf [--verbose] [COMMAND] [OPTIONS]\n"
              "\n"
              "Without a command, Wharf opens its window.\n"
              "With --verbose (or WHARF_VERBOSE=1), every request and cache hit is logged on stderr.\n"
              "\n"
              "Commands:\n"
              "  search QUERY [--registry HOST] [--limit N] [--json]   search Docker Hub or a registry's catalog\n"
              "    [--os OS] [--arch ARCH] [--badge B] [--sort S]      Docker Hub by platform, badge, pulls or recency\n"
              "  repos [NAMESPACE] [--filter TEXT] [--json]            a Docker Hub namespace's repositories (yours, signed in)\n"
              "  tags REPO [--limit N] [--platforms] [--json]          list a repository's tags\n"
              "  inspect REF [--platform P] [--json]                   platforms, layers, config and history\n"
              "    (inspect and layers take docker-daemon:NAME, containers-storage:NAME: images in Docker, Podman)\n"
              "  layers REF [--platform P] [--json]                    layers with their build steps, sizes and wasted space\n"
              "    [--files DIGEST] [--merged] [--diff REF2]           one layer's files, the merged tree, or a diff of two images\n"
              "    [--store DIR]                                       read layers the store already holds from it\n"
              "  login REGISTRY -u USER --password-stdin               keep credentials in the system keychain\n"
              "  logout REGISTRY                                       forget them\n"
              "  pull REF [--platform P] [--store DIR] [--jobs N]      pull one platform into the local store\n"
              "    [--to store|docker|podman]                          and from there into Docker or Podman\n"
              "  load REF --to docker|podman [--platform P]            send a stored image into Docker or Podman\n"
              "  images [--store DIR] [--json]                         list the images in the local store\n"
              "    [--engine docker|podman]                            or Docker's or Podman's, as docker image ls does\n"
              "  rm REF [--platform P] [--prune] [--store DIR]         remove an image (--prune: and the blobs only it used)\n"
              "  gc [--dry-run] [--store DIR] [--json]                 delete blobs no stored image uses\n"
              "  verify [--store DIR] [--json]                         re-hash the store, report what is wrong\n"
              "  export REF -o FILE [--format F] [--platform P]        write a stored image as docker-archive or oci-archive\n"
              "\n"
              "Run “wharf COMMAND --help” for a command's options.\n");
}

} // namespace

bool wantsVerbose(int argc, char *argv[])
{
    for (int i = 1; i < argc && std::strcmp(argv[i], "--") != 0; ++i) {
        if (std::strcmp(argv[i], "--verbose") == 0)
            return true;
    }
    return false;
}

bool wantsCli(int argc, char *argv[])
{
    int at = 1;
    while (at < argc && std::strcmp(argv[at], "--verbose") == 0)
        ++at;
    if (at >= argc)
        return false;
    const char *first = argv[at];
    return first[0] != '-' || std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0
        || std::strcmp(first, "--version") == 0;
}

int run(QCoreApplication &app)
{
    QStringList arguments = app.arguments().mid(1);
    // --verbose may stand anywhere before "--"; main() has already acted on it.
    const qsizetype end = arguments.indexOf(QStringLiteral("--"));
    for (qsizetype i = (end < 0 ? arguments.size() : end) - 1; i >= 0; --i) {
        if (arguments.at(i) == QLatin1StringView("--verbose"))
            arguments.removeAt(i);
    }
    const QString command = arguments.takeFirst();
    if (command == QLatin1StringView("--help") || command == QLatin1StringView("-h") || command == QLatin1StringView("help")) {
        QTextStream(stdout) << usageText();
        return kExitOk;
    }
    if (command == QLatin1StringView("--version")) {
        QTextStream(stdout) << "wharf " << QCoreApplication::applicationVersion() << '\n';
        return kExitOk;
    }
    using Command = int (*)(CliContext &, const QStringList &);
    const std::pair<QLatin1StringView, Command> commands[] = {
        {QLatin1StringView("search"), searchCommand},   {QLatin1StringView("tags"), tagsCommand},
        {QLatin1StringView("inspect"), inspectCommand}, {QLatin1StringView("login"), loginCommand},
        {QLatin1StringView("logout"), logoutCommand},   {QLatin1StringView("images"), imagesCommand},
        {QLatin1StringView("rm"), rmCommand},           {QLatin1StringView("gc"), gcCommand},
        {QLatin1StringView("verify"), verifyCommand},
        {QLatin1StringView("export"), exportCommand},
        {QLatin1StringView("pull"), pullCommand},
        {QLatin1StringView("load"), loadCommand},
        {QLatin1StringView("layers"), layersCommand},
        {QLatin1StringView("repos"), reposCommand},
    };
    for (const auto &[name, function] : commands) {
        if (command == name) {
            CliContext context;
            return function(context, arguments);
        }
    }
    QTextStream(stderr) << "wharf: error: " << Tr::tr("unknown command “%1”").arg(command.left(100)) << ' '
                        << CliContext::helpPointer(QString()) << Qt::endl;
    return kExitUsage;
}

} // namespace wharf::cli
