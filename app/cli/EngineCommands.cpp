// wharf load REF [--platform P] --to docker|podman [--store DIR]
// wharf pull … --to docker|podman, wharf images --engine docker|podman (the helpers below)
// A stored image goes into Docker or Podman through their Engine API (EngineLoader: the
// docker-archive streamed into POST /images/load, then checked with GET /images/{name}/json).

#include "cli/EngineCommands.h"

#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/StoreOptions.h"
#include "core/Digest.h"
#include "engines/EngineApi.h"
#include "engines/EngineLoader.h"
#include "services/EngineJobs.h"
#include "store/ImageStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::engines)
};

std::atomic_bool g_interrupted{false};
extern "C" void onEngineLoadInterrupt(int) { g_interrupted.store(true); }

} // namespace

std::optional<EngineTarget> engineTarget(CliContext &cx, const QString &value, bool storeAllowed)
{
    if (storeAllowed && (value.isEmpty() || value == QLatin1StringView("store")))
        return EngineTarget{};
    if (const auto kind = EngineLocator::kindFromName(value))
        return EngineTarget{*kind};
    cx.usage(storeAllowed ? Tr::tr("--to takes store, docker or podman, not “%1”").arg(value.left(100))
                          : Tr::tr("--to takes docker or podman, not “%1”").arg(value.left(100)));
    return std::nullopt;
}

std::optional<EngineEndpoint> reachEngine(CliContext &cx, EngineKind kind)
{
    auto endpoint = EngineLocator::locate(kind);
    if (!endpoint) {
        cx.fail(endpoint.error());
        return std::nullopt;
    }
    if (auto pinged = EngineApi(*endpoint).ping(); !pinged) {
        cx.fail(pinged.error());
        return std::nullopt;
    }
    return *endpoint;
}

void announceEngineLoad(CliContext &cx, const StoredImage &image, const EngineEndpoint &endpoint)
{
    //: %1 an image reference, %2 a platform, %3 Docker or Podman, %4 its socket
    cx.err() << Tr::tr("Loading %1 (%2) into %3 at %4")
                    .arg(image.reference, image.platform.toString(), EngineLocator::kindName(endpoint.kind), endpoint.address())
             << Qt::endl;
}

QString engineLoadLine(const EngineLoadJob &job, qint64 sent)
{
    const QString engine = EngineLocator::kindName(job.endpoint().kind);
    const qint64 expected = job.expectedBytes();
    if (job.isUnpacking())
        //: %1 Docker or Podman: everything is sent, the engine is unpacking the layers
        return Tr::tr("%1: sent, unpacking…").arg(engine);
    if (expected > 0)
        //: %1 Docker or Podman, %2 and %3 amounts of data (12.5 MiB of about 400 MiB)
        return Tr::tr("%1: %2 of about %3 sent").arg(engine, humanBytes(sent), humanBytes(expected));
    //: %1 Docker or Podman, %2 an amount of data (12.5 MiB)
    return Tr::tr("%1: %2 sent").arg(engine, humanBytes(sent));
}

int loadIntoEngine(CliContext &cx, const ImageStore &store, const StoredImage &image, const EngineEndpoint &endpoint)
{
    announceEngineLoad(cx, image, endpoint);
    EngineLoadJob job(store, image, endpoint);
    job.setAutoDelete(false);
    return finishEngineLoad(cx, job);
}

int finishEngineLoad(CliContext &cx, EngineLoadJob &job)
{
    const bool terminal = isatty(STDERR_FILENO) == 1;
    QEventLoop loop;
    qint64 sent = 0;
    QObject::connect(&job, &EngineLoadJob::progress, &loop, [&sent](qint64 bytes, qint64) { sent = bytes; });
    QObject::connect(&job, &Job::finished, &loop, &QEventLoop::quit);
    g_interrupted.store(false);
    auto previous = std::signal(SIGINT, onEngineLoadInterrupt);
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (g_interrupted.load())
            job.cancel(); // finished() comes at once; the worker drops the connection within 100 ms
        else if (terminal)
            cx.err() << "\x1b[2K\r" << engineLoadLine(job, sent) << Qt::flush;
    });
    tick.start(200);
    if (!job.isFinished()) {
        job.start();
        loop.exec();
    }
    std::signal(SIGINT, previous);
    if (terminal)
        cx.err() << "\x1b[2K\r" << Qt::flush;

    if (job.error())
        return cx.fail(*job.error());
    const EngineLoadReport &report = job.report();
    cx.out() << EngineLoader::summary(report) << '\n';
    if (!report.emulationNote.isEmpty())
        cx.err() << Tr::tr("note: %1").arg(report.emulationNote) << Qt::endl;
    return kExitOk;
}

std::optional<std::pair<EngineKind, QString>> engineSource(const QString &argument)
{
    static const QLatin1StringView kDocker("docker-daemon:");
    static const QLatin1StringView kPodman("containers-storage:");
    if (argument.startsWith(kDocker))
        return std::pair{EngineKind::Docker, argument.mid(kDocker.size())};
    if (argument.startsWith(kPodman))
        return std::pair{EngineKind::Podman, argument.mid(kPodman.size())};
    return std::nullopt;
}

int inspectEngineImage(CliContext &cx, EngineKind kind, const QString &name, bool json)
{
    const QString prefix = kind == EngineKind::Docker ? QStringLiteral("docker-daemon:") : QStringLiteral("containers-storage:");
    // A name goes into the request path: keep to what image names and IDs are made of.
    static const QRegularExpression kName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,511}$"));
    if (!kName.match(name).hasMatch() || name.contains(QLatin1StringView("..")))
        return cx.failUsage(Error(Error::Code::InvalidReference, Tr::tr("“%1” is not an image name or ID").arg(name.left(100))));
    const auto endpoint = reachEngine(cx, kind);
    if (!endpoint)
        return kExitFailure;
    EngineApi api(*endpoint);
    auto image = api.inspect(name);
    if (!image)
        return cx.fail(image.error());
    auto history = api.history(name);
    if (!history)
        return cx.fail(history.error());
    if (json) {
        QJsonArray steps;
        for (const EngineHistoryStep &step : std::as_const(*history))
            steps.append(QJsonObject{{QStringLiteral("created"), step.created.toUTC().toString(Qt::ISODate)},
                                     {QStringLiteral("createdBy"), step.createdBy},
                                     {QStringLiteral("size"), step.size},
                                     {QStringLiteral("comment"), step.comment}});
        cx.out() << QJsonDocument(QJsonObject{
                                      {QStringLiteral("source"), QString(prefix + name)},
                                      {QStringLiteral("engine"), EngineLocator::kindName(kind)},
                                      {QStringLiteral("id"), image->id},
                                      {QStringLiteral("repoTags"), QJsonArray::fromStringList(image->repoTags)},
                                      {QStringLiteral("repoDigests"), QJsonArray::fromStringList(image->repoDigests)},
                                      {QStringLiteral("platform"), image->platform.toString()},
                                      {QStringLiteral("created"), image->created.toUTC().toString(Qt::ISODate)},
                                      {QStringLiteral("size"), image->size},
                                      {QStringLiteral("layers"), QJsonArray::fromStringList(image->diffIds)},
                                      {QStringLiteral("config"), image->config},
                                      {QStringLiteral("history"), steps},
                                  })
                           .toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    const auto line = [&cx](const QString &label, const QString &value) {
        cx.out() << QString(label + u':').leftJustified(14) << value << '\n';
    };
    line(Tr::tr("Image"), prefix + name);
    line(Tr::tr("Engine"), EngineLocator::kindName(kind) + QStringLiteral(" (") + endpoint->address() + u')');
    line(Tr::tr("Image ID"), image->id);
    line(Tr::tr("Names"), image->repoTags.join(QStringLiteral(", ")));
    if (!image->repoDigests.isEmpty())
        line(Tr::tr("Digests"), image->repoDigests.join(QStringLiteral(", ")));
    line(Tr::tr("Platform"), image->platform.toString());
    line(Tr::tr("Created"), humanDate(image->created));
    line(Tr::tr("Size"), humanBytes(image->size));
    //: %1 counts layers
    cx.out() << Tr::tr("Layers (%1, as diff IDs):").arg(image->diffIds.size()) << '\n';
    for (const QString &diffId : std::as_const(image->diffIds))
        cx.out() << "  " << diffId << '\n';
    cx.out() << Tr::tr("History (newest first):") << '\n';
    QList<QStringList> rows;
    for (const EngineHistoryStep &step : std::as_const(*history))
        rows.append({humanDate(step.created), step.size > 0 ? humanBytes(step.size) : QStringLiteral("-"), step.createdBy.simplified().left(120)});
    cx.out() << table({Tr::tr("  CREATED"), Tr::tr("SIZE"), Tr::tr("CREATED BY")}, rows);
    return kExitOk;
}

int engineImages(CliContext &cx, EngineKind kind, bool json)
{
    const auto endpoint = reachEngine(cx, kind);
    if (!endpoint)
        return kExitFailure;
    EngineApi api(*endpoint);
    auto images = api.images();
    if (!images)
        return cx.fail(images.error());
    // The list has no platform: one inspect per image (a local socket, a few ms each).
    for (EngineImage &image : *images) {
        if (auto facts = api.inspect(image.id); facts) {
            image.platform = facts->platform;
            image.variantRecorded = facts->variantRecorded;
        }
    }
    if (json) {
        QJsonArray array;
        for (const EngineImage &image : std::as_const(*images))
            array.append(QJsonObject{
                {QStringLiteral("id"), image.id},
                {QStringLiteral("repoTags"), QJsonArray::fromStringList(image.repoTags)},
                {QStringLiteral("repoDigests"), QJsonArray::fromStringList(image.repoDigests)},
                {QStringLiteral("platform"), image.platform.toString()},
                {QStringLiteral("size"), image.size},
                {QStringLiteral("created"), image.created.toUTC().toString(Qt::ISODate)},
            });
        cx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const EngineImage &image : std::as_const(*images)) {
        const QString shortId = image.id.section(u':', 1).left(12);
        const QStringList tags = image.repoTags.isEmpty() ? QStringList{QStringLiteral("<none>:<none>")} : image.repoTags;
        for (const QString &name : tags) {
            const auto [repository, tag] = EngineImage::splitName(name);
            rows.append({repository, tag.isEmpty() ? QStringLiteral("<none>") : tag, shortId, image.platform.toString(),
                         humanDate(image.created), humanBytes(image.size)});
        }
    }
    cx.out() << table({Tr::tr("REPOSITORY"), Tr::tr("TAG"), Tr::tr("IMAGE ID"), Tr::tr("PLATFORM"), Tr::tr("CREATED"), Tr::tr("SIZE")}, rows);
    return kExitOk;
}

int loadCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Send an image from the local store into Docker or Podman, as docker pull would have "
                                            "named it."));
    parser.addPositionalArgument(QStringLiteral("reference"), Tr::tr("nginx:1.27, docker.io/library/nginx:latest, …"));
    parser.addOption({QStringLiteral("to"), Tr::tr("The engine: docker or podman."), QStringLiteral("ENGINE")});
    parser.addOption({QStringLiteral("platform"), Tr::tr("The platform to load when the store keeps several of REF."),
                      QStringLiteral("os/arch[/variant]")});
    parser.addOption(storeOption());
    if (const auto done = cx.parse(parser, QStringLiteral("load"), arguments))
        return *done;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("to")))
        return cx.usage(Tr::tr("usage: wharf load REF --to docker|podman [--platform os/arch[/variant]] [--store DIR]"));
    const auto target = engineTarget(cx, parser.value(QStringLiteral("to")), false);
    if (!target)
        return kExitUsage;
    const auto platformArg = cx.platform(parser);
    if (!platformArg)
        return kExitUsage;
    auto store = openStore(parser);
    if (!store)
        return cx.fail(store.error());
    const auto image = findOneImage(*store, parser.positionalArguments().first(), *platformArg);
    if (!image)
        return isUsageError(image.error()) ? cx.failUsage(image.error()) : cx.fail(image.error());
    const auto endpoint = reachEngine(cx, *target->kind);
    if (!endpoint)
        return kExitFailure;
    return loadIntoEngine(cx, *store, *image, *endpoint);
}

} // namespace wharf::cli
