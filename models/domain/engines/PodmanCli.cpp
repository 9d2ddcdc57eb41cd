#include "engines/PodmanCli.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>

#include <optional>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::PodmanCli)
};

constexpr int kSliceMs = 100;
constexpr qint64 kMaxBuffered = 1 << 20;
constexpr int kStartTimeoutMs = 10 * 1000;

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// The program's standard input as a device, with back-pressure: writes wait while more than
// 1 MiB is queued for the pipe.
class ProcessInput final : public QIODevice
{
public:
    ProcessInput(QProcess &process, const std::atomic_bool *cancel, std::atomic<qint64> *sent)
        : m_process(process), m_cancel(cancel), m_sent(sent)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    [[nodiscard]] const std::optional<Error> &failure() const { return m_failure; }

    Result<void> drain(qint64 limit)
    {
        while (m_process.bytesToWrite() > limit) {
            if (cancelled(m_cancel))
                return fail(Error::Code::Cancelled, Tr::tr("cancelled"));
            if (m_process.state() != QProcess::Running)
                return fail(Error::Code::EngineRefused, Tr::tr("podman load stopped reading the image"));
            m_process.waitForBytesWritten(kSliceMs);
        }
        return {};
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        m_process.write(data, length);
        if (auto drained = drain(kMaxBuffered); !drained) {
            m_failure = drained.error();
            setErrorString(drained.error().message());
            return -1;
        }
        if (m_sent)
            m_sent->fetch_add(length, std::memory_order_relaxed);
        return length;
    }

private:
    QProcess &m_process;
    const std::atomic_bool *m_cancel;
    std::atomic<qint64> *m_sent;
    std::optional<Error> m_failure;
};

QString withPrefix(const QString &id)
{
    return id.contains(u':') ? id : QStringLiteral("sha256:") + id;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

PodmanCli::PodmanCli(EngineEndpoint endpoint, const std::atomic_bool *cancel) : m_endpoint(std::move(endpoint)), m_cancel(cancel) {}

Error PodmanCli::failed(const Output &output, const QString &what) const
{
    const QString message = QString::fromUtf8(output.err).trimmed().section(u'\n', -1).simplified().left(300);
    if (message.contains(QLatin1StringView("image not known")) || message.contains(QLatin1StringView("no such image")))
        //: %1 an image name, %2 podman's message
        return Error(Error::Code::NotFound, Tr::tr("Podman has no %1 (%2)").arg(what, message));
    //: %1 the podman command (podman load), %2 its exit code, %3 its message
    return Error(Error::Code::EngineRefused, Tr::tr("%1 failed (exit code %2): %3").arg(what).arg(output.exitCode).arg(message));
}

Result<PodmanCli::Output> PodmanCli::run(const QStringList &arguments, const std::function<Result<void>(QIODevice &)> &input,
                                         std::atomic<qint64> *sent)
{
    QProcess process;
    process.setProgram(m_endpoint.program);
    process.setArguments(m_endpoint.programArguments + arguments);
    process.start(input ? QIODevice::ReadWrite : QIODevice::ReadOnly);
    if (!process.waitForStarted(kStartTimeoutMs))
        //: %1 the podman program's path, %2 the system's reason
        return fail(Error::Code::EngineUnavailable, Tr::tr("cannot run %1: %2").arg(m_endpoint.program, process.errorString()));
    const auto stop = [&process] {
        process.kill();
        process.waitForFinished(5000);
    };
    if (input) {
        ProcessInput device(process, m_cancel, sent);
        auto written = input(device);
        if (!written && device.failure())
            written = wharf::unexpected(*device.failure());
        if (written)
            written = device.drain(0);
        if (!written) {
            stop(); // a load cut short: podman stores nothing
            return wharf::unexpected(written.error());
        }
        process.closeWriteChannel();
    }
    Output output;
    while (process.state() != QProcess::NotRunning) {
        if (cancelled(m_cancel)) {
            stop();
            return fail(Error::Code::Cancelled, Tr::tr("cancelled"));
        }
        process.waitForFinished(kSliceMs);
        output.out += process.readAllStandardOutput();
        output.err += process.readAllStandardError();
        if (output.out.size() > EngineApi::kMaxJson || output.err.size() > EngineApi::kMaxJson) {
            stop();
            return fail(Error::Code::TooLarge, Tr::tr("podman wrote more than %1 bytes").arg(EngineApi::kMaxJson));
        }
    }
    output.out += process.readAllStandardOutput();
    output.err += process.readAllStandardError();
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return output;
}

Result<EngineVersion> PodmanCli::version()
{
    auto output = run({QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("json")});
    if (!output)
        return wharf::unexpected(output.error());
    if (output->exitCode != 0)
        return wharf::unexpected(failed(*output, QStringLiteral("podman version")));
    const QJsonObject client = QJsonDocument::fromJson(output->out).object().value(QStringLiteral("Client")).toObject();
    EngineVersion version;
    version.name = QStringLiteral("Podman");
    version.version = client.value(QStringLiteral("Version")).toString();
    const QString osArch = client.value(QStringLiteral("OsArch")).toString();
    version.os = osArch.section(u'/', 0, 0);
    version.architecture = osArch.section(u'/', 1, 1);
    return version;
}

Result<QList<EngineImage>> PodmanCli::images()
{
    auto output = run({QStringLiteral("images"), QStringLiteral("--format"), QStringLiteral("json")});
    if (!output)
        return wharf::unexpected(output.error());
    if (output->exitCode != 0)
        return wharf::unexpected(failed(*output, QStringLiteral("podman images")));
    QList<EngineImage> images;
    QSet<QString> seen; // podman images lists an image once per name
    for (const QJsonValue &value : QJsonDocument::fromJson(output->out).array()) {
        const QJsonObject object = value.toObject();
        EngineImage image;
        image.id = withPrefix(object.value(QStringLiteral("Id")).toString());
        if (image.id.size() <= 7 || seen.contains(image.id))
            continue;
        seen.insert(image.id);
        image.repoTags = strings(object.value(QStringLiteral("Names")));
        image.repoDigests = strings(object.value(QStringLiteral("RepoDigests")));
        image.created = QDateTime::fromSecsSinceEpoch(qint64(object.value(QStringLiteral("Created")).toDouble()), Qt::UTC);
        image.size = qint64(object.value(QStringLiteral("Size")).toDouble());
        images.append(std::move(image));
    }
    return images;
}

Result<EngineImage> PodmanCli::inspect(const QString &name)
{
    auto output = run({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"), QStringLiteral("json"), name});
    if (!output)
        return wharf::unexpected(output.error());
    if (output->exitCode != 0)
        return wharf::unexpected(failed(*output, name));
    const QJsonObject object = QJsonDocument::fromJson(output->out).array().first().toObject();
    EngineImage image;
    image.id = withPrefix(object.value(QStringLiteral("Id")).toString());
    if (image.id.size() <= 7)
        return fail(Error::Code::MalformedDocument, Tr::tr("podman image inspect described %1 without an ID").arg(name));
    image.repoTags = strings(object.value(QStringLiteral("RepoTags")));
    image.repoDigests = strings(object.value(QStringLiteral("RepoDigests")));
    image.created = QDateTime::fromString(object.value(QStringLiteral("Created")).toString(), Qt::ISODateWithMs);
    image.size = qint64(object.value(QStringLiteral("Size")).toDouble());
    image.platform.os = object.value(QStringLiteral("Os")).toString();
    image.platform.architecture = object.value(QStringLiteral("Architecture")).toString();
    image.variantRecorded = object.contains(QStringLiteral("Variant"));
    image.platform.variant = object.value(QStringLiteral("Variant")).toString();
    image.diffIds = strings(object.value(QStringLiteral("RootFS")).toObject().value(QStringLiteral("Layers")));
    image.config = object.value(QStringLiteral("Config")).toObject();
    return image;
}

Result<QList<EngineHistoryStep>> PodmanCli::history(const QString &name)
{
    auto output = run({QStringLiteral("image"), QStringLiteral("history"), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--no-trunc"), name});
    if (!output)
        return wharf::unexpected(output.error());
    if (output->exitCode != 0)
        return wharf::unexpected(failed(*output, name));
    QList<EngineHistoryStep> steps;
    for (const QJsonValue &value : QJsonDocument::fromJson(output->out).array()) {
        const QJsonObject object = value.toObject();
        // podman 4 writes id, created, CreatedBy, size, comment
        steps.append({object.value(QStringLiteral("id")).toString(),
                      QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs),
                      object.value(QStringLiteral("CreatedBy")).toString(), qint64(object.value(QStringLiteral("size")).toDouble()),
                      object.value(QStringLiteral("comment")).toString()});
    }
    return steps;
}

Result<void> PodmanCli::remove(const QString &name, bool force)
{
    QStringList arguments{QStringLiteral("rmi")};
    if (force)
        arguments.append(QStringLiteral("--force"));
    arguments.append(name);
    auto output = run(arguments);
    if (!output)
        return wharf::unexpected(output.error());
    if (output->exitCode != 0)
        return wharf::unexpected(failed(*output, name));
    return {};
}

Result<QStringList> PodmanCli::load(const std::function<Result<void>(QIODevice &)> &writeArchive, std::atomic<qint64> *sent)
{
    auto output = run({QStringLiteral("load"), QStringLiteral("--quiet")}, writeArchive, sent);
    if (!output)
        return wharf::unexpected(output.error());
    if (output->exitCode != 0)
        return fail(Error::Code::EngineRefused,
                    //: %1 podman's own words
                    Tr::tr("Podman refused the image: %1").arg(QString::fromUtf8(output->err).trimmed().section(u'\n', -1).simplified().left(300)));
    QStringList loaded;
    for (const QString &line : QString::fromUtf8(output->out).split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1StringView(": "));
        if (line.startsWith(QLatin1StringView("Loaded image")) && colon > 0)
            loaded.append(line.mid(colon + 2).trimmed().split(u',', Qt::SkipEmptyParts));
    }
    return loaded;
}

} // namespace wharf
