#include "cli/CliContext.h"

#include "hub/HubClient.h"


#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QRegularExpression>

namespace wharf::cli {

CliContext::CliContext()
    : m_services(AppServices::Face::CommandLine),
      m_out(stdout),
      m_err(stderr)
{
    // A keychain that is there but failed, passed over because config.json answered: say so once.
    m_services.setCredentialWarning([](const Error &error) {
        QTextStream(stderr) << "wharf: warning: " << error.message().simplified() << Qt::endl;
    });
    // A saved Docker Hub login the Hub refuses: said once; the command goes on anonymously.
    QObject::connect(&m_services.hub(), &HubClient::signInFailed, &m_services.hub(), [](const Error &error) {
        QTextStream(stderr) << "wharf: warning: " << error.message().simplified() << Qt::endl;
    });
}

CliContext::~CliContext() = default;

void CliContext::wait(Job *job)
{
    job->setAutoDelete(false);
    if (job->isFinished())
        return;
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
}

std::optional<int> CliContext::parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    parser.addHelpOption();
    m_command = command;
    if (!parser.parse(QStringList{u"wharf " + command} + arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString &name = unknown.first();
            return usage(QCoreApplication::translate("wharf::cli", "unknown option “%1”")
                             .arg((name.size() == 1 ? u"-" : u"--") + name.left(100)));
        }
        // QCommandLineParser's own sentences ("Missing value after 'x'."), in Wharf's quoting.
        QString text = parser.errorText().simplified();
        static const QRegularExpression quoted(QStringLiteral("'([^']*)'"));
        text.replace(quoted, QStringLiteral("“\\1”"));
        if (text.endsWith(u'.'))
            text.chop(1);
        if (!text.isEmpty())
            text[0] = text[0].toLower();
        return usage(text);
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the executable's path; users type "wharf <command>".
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        if (const qsizetype at = help.indexOf(program); at >= 0 && !program.isEmpty())
            help.replace(at, program.size(), u"wharf " + command);
        m_out << help;
        return kExitOk;
    }
    return std::nullopt;
}

std::optional<int> CliContext::limit(const QCommandLineParser &parser, int max)
{
    bool ok = false;
    const int value = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (ok && value >= 1 && value <= max)
        return value;
    usage(QCoreApplication::translate("wharf::cli", "--limit takes a number from 1 to %1").arg(max));
    return std::nullopt;
}

int CliContext::fail(const Error &error)
{
    m_out.flush();
    m_err << "wharf: error: " << error.message().simplified() << Qt::endl;
    return kExitFailure;
}

std::optional<std::optional<Platform>> CliContext::platform(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("platform")))
        return std::optional<Platform>();
    auto parsed = Platform::parse(parser.value(QStringLiteral("platform")));
    if (!parsed) {
        failUsage(parsed.error());
        return std::nullopt;
    }
    return std::optional<Platform>(*parsed);
}

int CliContext::failUsage(const Error &error)
{
    return usage(error.message());
}

int CliContext::usage(const QString &message)
{
    m_out.flush();
    m_err << "wharf: error: " << message.simplified() << ' ' << helpPointer(m_command) << Qt::endl;
    return kExitUsage;
}

QString CliContext::helpPointer(const QString &command)
{
    return QCoreApplication::translate("wharf::cli", "(see “%1 --help”)")
        .arg(command.isEmpty() ? QStringLiteral("wharf") : u"wharf " + command);
}

} // namespace wharf::cli
