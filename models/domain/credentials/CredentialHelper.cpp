#include "credentials/CredentialHelper.h"

#include "credentials/CredentialSource.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMetaObject>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace wharf {

namespace {

constexpr qsizetype MaxErrorExcerpt = 200;
constexpr qsizetype MaxStandardError = 4 * 1024;

// Docker's errCredentialsNotFoundMessage is "credentials not found in native keychain"; helpers
// for other stores word the rest differently, so only the start is compared.
bool saysNotFound(const QByteArray &text)
{
    return text.trimmed().toLower().startsWith("credentials not found");
}

// A helper's name becomes part of a program name searched on PATH; a slash would turn it into a
// path of the config author's choosing, so only plain names are accepted.
bool isPlainName(const QString &name)
{
    if (name.isEmpty() || name.size() > 100)
        return false;
    for (const QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'_' || c == u'.';
        if (!ok)
            return false;
    }
    return true;
}

// The first line of what a failing helper printed, short enough for one sentence. Never used for
// `store`, whose input held the secret, nor for anything that looks like a JSON answer.
QString excerpt(const QByteArray &text)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith('{'))
        return {};
    const qsizetype newline = trimmed.indexOf('\n');
    QString line = QString::fromUtf8(newline < 0 ? trimmed : trimmed.left(newline)).trimmed();
    if (line.size() > MaxErrorExcerpt)
        line = line.left(MaxErrorExcerpt) + QChar(0x2026);
    return line;
}

} // namespace

// One program run: the process, its timeout, and what it printed so far.
struct CredentialHelper::Run
{
    QString action;
    QProcess *process = nullptr;
    QTimer *timer = nullptr;
    Output output;
    OutputCallback finish;
};

CredentialHelper::CredentialHelper(QString name, QObject *parent)
    : QObject(parent), m_name(std::move(name))
{
}

CredentialHelper::~CredentialHelper()
{
    // Answer every caller, and reap every child here rather than in ~QProcess (which warns).
    const QList<Run *> pending = m_runs;
    for (Run *run : pending)
        finishRun(run, fail(Error::Code::Cancelled, tr("the request to %1 was cancelled").arg(programName())));
    for (QProcess *process : findChildren<QProcess *>(Qt::FindDirectChildrenOnly)) {
        process->disconnect();
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(1000);
        }
    }
}

QString CredentialHelper::programName() const
{
    return QStringLiteral("docker-credential-") + m_name;
}

void CredentialHelper::get(const QString &serverUrl, QObject *context, GetCallback done)
{
    run(QStringLiteral("get"), serverUrl.toUtf8(),
        [this, context = QPointer(context), done = std::move(done)](Result<Output> result) mutable {
            if (!context)
                return;
            Result<std::optional<Credentials>> answer = std::nullopt;
            if (!result)
                answer = wharf::unexpected(result.error());
            else if (result->exitCode == 0)
                answer = readAnswer(*result);
            else if (!saysNotFound(result->standardOutput) && !saysNotFound(result->standardError))
                answer = wharf::unexpected(failure(QStringLiteral("get"), *result));
            deliverLater(context.data(), std::move(done), std::move(answer));
        });
}

Result<std::optional<Credentials>> CredentialHelper::readAnswer(const Output &output) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output.standardOutput, &parseError);
    const QJsonValue username = document.object().value(QLatin1StringView("Username"));
    const QJsonValue secret = document.object().value(QLatin1StringView("Secret"));
    const auto isText = [](const QJsonValue &value) {
        return value.isString() || value.isUndefined() || value.isNull();
    };
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || !isText(username)
        || !isText(secret)) {
        // Not even the parser's message: the text may hold half a secret.
        return fail(Error::Code::Credentials,
                    tr("the credential helper %1 gave an answer Wharf cannot read").arg(programName()));
    }
    Credentials credentials;
    if (username.toString() == TokenUsername) {
        credentials.identityToken = secret.toString();
    } else {
        credentials.username = username.toString();
        credentials.secret = secret.toString();
    }
    if (credentials.isEmpty())
        return std::nullopt;
    return credentials;
}

void CredentialHelper::store(const QString &serverUrl, const Credentials &credentials, QObject *context,
                             DoneCallback done)
{
    // Docker's native store: an identity token travels as the secret of the "<token>" user.
    const bool token = !credentials.identityToken.isEmpty();
    const QJsonObject request{
        {QStringLiteral("ServerURL"), serverUrl},
        {QStringLiteral("Username"), token ? QString(TokenUsername) : credentials.username},
        {QStringLiteral("Secret"), token ? credentials.identityToken : credentials.secret},
    };
    run(QStringLiteral("store"), QJsonDocument(request).toJson(QJsonDocument::Compact),
        [this, context = QPointer(context), done = std::move(done)](Result<Output> result) mutable {
            if (!context)
                return;
            Result<void> answer;
            if (!result)
                answer = wharf::unexpected(result.error());
            else if (result->exitCode != 0)
                answer = wharf::unexpected(failure(QStringLiteral("store"), *result));
            deliverLater(context.data(), std::move(done), std::move(answer));
        });
}

void CredentialHelper::erase(const QString &serverUrl, QObject *context, DoneCallback done)
{
    run(QStringLiteral("erase"), serverUrl.toUtf8(),
        [this, context = QPointer(context), done = std::move(done)](Result<Output> result) mutable {
            if (!context)
                return;
            Result<void> answer;
            if (!result)
                answer = wharf::unexpected(result.error());
            else if (result->exitCode != 0 && !saysNotFound(result->standardOutput)
                     && !saysNotFound(result->standardError))
                answer = wharf::unexpected(failure(QStringLiteral("erase"), *result)); // nothing to erase is fine
            deliverLater(context.data(), std::move(done), std::move(answer));
        });
}

void CredentialHelper::run(const QString &action, QByteArray input, OutputCallback finish)
{
    // QProcess belongs to this object's thread; callers on other threads hop over to it.
    if (QThread::currentThread() == thread()) {
        startRun(action, input, finish);
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this, action, input = std::move(input), finish = std::move(finish)] { startRun(action, input, finish); },
        Qt::QueuedConnection);
}

void CredentialHelper::startRun(const QString &action, const QByteArray &input, const OutputCallback &finish)
{
    auto *run = new Run{action, nullptr, nullptr, {}, finish};
    m_runs.append(run);

    if (!isPlainName(m_name)) {
        finishRun(run, fail(Error::Code::Credentials,
                            tr("“%1” is not a valid credential helper name").arg(m_name.left(MaxErrorExcerpt))));
        return;
    }
    const QString program = QStandardPaths::findExecutable(programName());
    if (program.isEmpty()) {
        // Fail closed (CVE-2021-41092): a configured helper that is missing means "cannot tell",
        // never "no credentials".
        finishRun(run, fail(Error::Code::Credentials,
                            tr("the credential helper %1 is not installed (not found on PATH); install it or "
                               "remove it from the Docker configuration")
                                .arg(programName())));
        return;
    }

    run->process = new QProcess(this);
    run->process->setProgram(program);
    run->process->setArguments({action});
    run->timer = new QTimer(run->process);
    run->timer->setSingleShot(true);

    connect(run->process, &QProcess::readyReadStandardOutput, this, [this, run] {
        run->output.standardOutput += run->process->readAllStandardOutput();
        if (run->output.standardOutput.size() > MaxOutputSize)
            finishRun(run, fail(Error::Code::TooLarge,
                                tr("the credential helper %1 printed more than %2 bytes")
                                    .arg(programName())
                                    .arg(MaxOutputSize)));
    });
    connect(run->process, &QProcess::readyReadStandardError, this, [run] {
        const QByteArray bytes = run->process->readAllStandardError();
        run->output.standardError += bytes.left(qMax<qsizetype>(0, MaxStandardError - run->output.standardError.size()));
    });
    connect(run->process, &QProcess::errorOccurred, this, [this, run](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finishRun(run, fail(Error::Code::Credentials, tr("could not start the credential helper %1 (%2)")
                                                              .arg(programName(), run->process->errorString())));
    });
    connect(run->process, &QProcess::finished, this, [this, run](int exitCode, QProcess::ExitStatus status) {
        run->output.standardOutput += run->process->readAllStandardOutput();
        run->output.standardError += run->process->readAllStandardError().left(
            qMax<qsizetype>(0, MaxStandardError - run->output.standardError.size()));
        if (run->output.standardOutput.size() > MaxOutputSize) {
            finishRun(run, fail(Error::Code::TooLarge, tr("the credential helper %1 printed more than %2 bytes")
                                                           .arg(programName())
                                                           .arg(MaxOutputSize)));
        } else if (status == QProcess::CrashExit) {
            finishRun(run, fail(Error::Code::Credentials, tr("the credential helper %1 crashed").arg(programName())));
        } else {
            run->output.exitCode = exitCode;
            finishRun(run, std::move(run->output));
        }
    });
    connect(run->timer, &QTimer::timeout, this, [this, run] {
        finishRun(run, fail(Error::Code::Timeout,
                            tr("the credential helper %1 did not answer within %2 seconds")
                                .arg(programName())
                                .arg(double(m_timeout.count()) / 1000.0),
                            /*retryable=*/true));
    });

    run->process->start(QIODevice::ReadWrite);
    // Buffered until the program runs; the request (a secret for `store`) only ever goes here.
    run->process->write(input);
    run->process->closeWriteChannel();
    run->timer->start(m_timeout);
}

void CredentialHelper::finishRun(Run *run, Result<Output> result)
{
    if (!m_runs.removeOne(run))
        return; // already answered (a timeout racing the exit, say)
    if (QProcess *process = run->process) {
        process->disconnect(this);
        run->timer->stop();
        run->timer->disconnect(this);
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
        } else {
            connect(process, &QProcess::finished, process, &QObject::deleteLater);
            process->kill();
        }
    }
    OutputCallback finish = std::move(run->finish);
    delete run;
    finish(std::move(result));
}

Error CredentialHelper::failure(const QString &action, const Output &output) const
{
    QString detail;
    if (action != QLatin1StringView("store")) {
        detail = excerpt(output.standardError);
        if (detail.isEmpty())
            detail = excerpt(output.standardOutput);
    }
    //: %1 is a program name, %2 the action (get, store, erase), %3 its exit code
    QString message = tr("the credential helper %1 failed to %2 credentials (exit code %3)")
                          .arg(programName(), action)
                          .arg(output.exitCode);
    if (!detail.isEmpty())
        message += QStringLiteral(": ") + detail;
    return Error(Error::Code::Credentials, message);
}

} // namespace wharf
