// wharf pull REF [--platform P] [--to store|docker|podman] [--store DIR] [--jobs N]
// One platform of an image into the local store, through the same engine the window uses: the
// layers are downloaded, hashed and written on worker threads; this thread only draws progress
// (bars on stderr when it is a terminal, nothing otherwise) and prints the result. With --to an
// engine, the image streams into it while the pull runs (EngineLoadJob following the pull: each
// layer as soon as it is in the store), and is checked there once the pull is done.

#include "cli/CliContext.h"
#include "cli/EngineCommands.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/StoreOptions.h"
#include "pull/PullEngine.h"
#include "pull/PullHandle.h"
#include "registry/RegistryClient.h"
#include "services/EngineJobs.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace wharf::cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::pull)
};

// Ctrl+C cancels the pull cleanly (partial layers kept) instead of killing the process mid-write.
std::atomic_bool g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted.store(true); }

// Bars for the layers moving now (at most --jobs of them), then one line for the whole pull. Drawn
// only after the plan's header line, and only ever over the lines drawn last time.
class ProgressBars
{
public:
    explicit ProgressBars(QTextStream &err) : m_err(err) {}

    // `engineLine`: how far the load into an engine that follows the pull has got (or nothing).
    void draw(const PullProgress &p, const QString &engineLine)
    {
        QStringList lines;
        int layers = 0;
        int finished = 0;
        for (const PullBlob &b : p.blobs) {
            if (b.isConfig)
                continue;
            ++layers;
            finished += b.state == PullBlob::State::Present || b.state == PullBlob::State::Done ? 1 : 0;
            if (b.state != PullBlob::State::Downloading)
                continue;
            const qint64 size = std::max<qint64>(1, b.descriptor.size);
            const int filled = int(20 * std::clamp<qint64>(b.received, 0, size) / size);
            lines.append(b.descriptor.digest.shortForm() + u" [" + QString(filled, u'#') + QString(20 - filled, u' ') + u"] "
                         + humanBytes(b.received) + u" / " + humanBytes(b.descriptor.size));
        }
        const QString eta = p.etaSeconds > 0 ? Tr::tr("ETA %1 s").arg(p.etaSeconds) : QString();
        lines.append(Tr::tr("%1 of %2 layers  %3 of %4  %5/s  %6")
                         .arg(finished)
                         .arg(layers)
                         .arg(humanBytes(p.bytesFetched), humanBytes(p.bytesToFetch), humanBytes(qint64(p.bytesPerSecond)), eta)
                         .trimmed());
        if (!engineLine.isEmpty())
            lines.append(engineLine);
        if (m_drawn > 0)
            m_err << "\x1b[" << m_drawn << "F"; // back to the first line drawn last time
        for (const QString &line : std::as_const(lines))
            m_err << "\x1b[2K" << line << '\n';
        // Fewer lines than last time (layers finished): clear what is left of the old ones.
        for (int extra = int(lines.size()); extra < m_drawn; ++extra)
            m_err << "\x1b[2K\n";
        if (m_drawn > lines.size())
            m_err << "\x1b[" << (m_drawn - lines.size()) << "F";
        m_err.flush();
        m_drawn = int(lines.size());
    }

private:
    QTextStream &m_err;
    int m_drawn = 0;
};

} // namespace

int pullCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Pull one platform of an image into the local store."));
    parser.addPositionalArgument(QStringLiteral("reference"), Tr::tr("nginx:1.27, ghcr.io/owner/app@sha256:…, localhost:5000/app:tag"));
    parser.addOption({QStringLiteral("platform"), Tr::tr("Platform to pull (default: this machine's)."), QStringLiteral("os/arch[/variant]")});
    parser.addOption({QStringLiteral("jobs"), Tr::tr("Layers downloaded at once (default 4)."), QStringLiteral("N"), QStringLiteral("4")});
    parser.addOption(storeOption());
    parser.addOption({QStringLiteral("to"), Tr::tr("Where the image ends up: store (the default), docker or podman (through the store)."),
                      QStringLiteral("TARGET"), QStringLiteral("store")});
    if (const auto done = cx.parse(parser, QStringLiteral("pull"), arguments))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return cx.usage(Tr::tr("usage: wharf pull REF [--platform os/arch[/variant]] [--to store|docker|podman] [--store DIR] [--jobs N]"));
    const auto target = engineTarget(cx, parser.value(QStringLiteral("to")), true);
    if (!target)
        return kExitUsage;
    auto reference = ImageReference::parseDockerRef(parser.positionalArguments().first());
    if (!reference)
        return cx.failUsage(reference.error());
    PullRequest request;
    request.reference = *reference;
    const auto platform = cx.platform(parser);
    if (!platform)
        return kExitUsage;
    request.platform = *platform;
    bool ok = false;
    request.jobs = parser.value(QStringLiteral("jobs")).toInt(&ok);
    if (!ok || request.jobs < 1 || request.jobs > 16)
        return cx.usage(Tr::tr("--jobs takes a number from 1 to 16"));
    auto store = openStore(parser);
    if (!store)
        return cx.fail(store.error());
    // An engine that cannot be reached is said before anything is downloaded.
    std::optional<EngineEndpoint> endpoint;
    if (target->kind) {
        endpoint = reachEngine(cx, *target->kind);
        if (!endpoint)
            return kExitFailure;
    }

    request.baseFirst = endpoint.has_value(); // the engine unpacks bottom up as layers arrive
    const std::unique_ptr<PullEngine> engine = cx.services().pullEngine(*store, request.jobs);
    PullHandle *handle = engine->pull(request);
    // Into an engine: the load starts with the pull and sends each layer once it is in the store.
    std::unique_ptr<EngineLoadJob> load;
    qint64 engineSent = 0;
    if (endpoint) {
        load = std::make_unique<EngineLoadJob>(*store, handle, *endpoint);
        load->setAutoDelete(false);
        QObject::connect(load.get(), &EngineLoadJob::progress, load.get(), [&engineSent](qint64 sent, qint64) { engineSent = sent; });
        load->start();
    }

    const bool terminal = isatty(STDERR_FILENO) == 1;
    ProgressBars bars(cx.err());
    QEventLoop loop;
    bool planned = false;
    QObject::connect(handle, &PullHandle::planned, &loop, [&cx, terminal, &planned, &endpoint](const PullPlan &plan) {
        planned = true;
        if (endpoint)
            announceEngineLoad(cx, plan.storedImage(), *endpoint);
        if (!terminal)
            return;
        int resumable = 0;
        for (const PullBlob &b : plan.blobs)
            resumable += !b.isConfig && b.resumedFrom > 0 ? 1 : 0;
        QString header = Tr::tr("%1 (%2): %n layer(s)", nullptr, plan.layerCount()).arg(plan.reference, plan.platform.toString());
        header += Tr::tr(", %n already present", nullptr, plan.layersPresent());
        if (resumable > 0)
            header += Tr::tr(", %n resumed", nullptr, resumable);
        header += Tr::tr("; %1 to fetch").arg(humanBytes(plan.bytesToFetch));
        cx.err() << header << Qt::endl;
    });
    if (terminal)
        QObject::connect(handle, &PullHandle::progress, &loop, [&bars, &planned, &load, &engineSent](const PullProgress &p) {
            if (planned) // progress ticks while the image is resolved have nothing to draw yet
                bars.draw(p, load ? engineLoadLine(*load, engineSent) : QString());
        });
    QObject::connect(handle, &PullHandle::finished, &loop, &QEventLoop::quit);

    g_interrupted.store(false);
    auto previous = std::signal(SIGINT, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [handle] {
        if (g_interrupted.load())
            handle->cancel();
    });
    interruptPoll.start(100);
    loop.exec();
    std::signal(SIGINT, previous);

    const PullOutcome &outcome = handle->outcome();
    if (outcome.error) {
        if (load && !load->isFinished()) {
            // It ends with the pull's error at its next step: wait for it to drop the connection.
            QEventLoop dropped;
            QObject::connect(load.get(), &Job::finished, &dropped, &QEventLoop::quit);
            dropped.exec();
        }
        return cx.fail(*outcome.error);
    }
    const PullResult &r = outcome.result;
    cx.out() << Tr::tr("Pulled %1 (%2) %3: fetched %4 in %5 s, %n layer(s) already present; store %6", nullptr,
                       r.layersPresent)
                    .arg(r.image.reference, r.image.platform.toString(), r.image.manifest.digest.toString(),
                         humanBytes(r.bytesFetched), QString::number(double(r.elapsedMs) / 1000.0, 'f', 2), store->root())
             << '\n';
    if (load) {
        cx.out().flush();
        return finishEngineLoad(cx, *load);
    }
    return kExitOk;
}

} // namespace wharf::cli
