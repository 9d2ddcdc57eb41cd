// wharf pull REF [--platform P] [--store DIR] [--jobs N]
// One platform of an image into the local store, through the same engine the window uses: the
// layers are downloaded, hashed and written on worker threads; this thread only draws progress
// (bars on stderr when it is a terminal, nothing otherwise) and prints the result.

#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/StoreOptions.h"
#include "pull/PullEngine.h"
#include "pull/PullHandle.h"
#include "registry/RegistryClient.h"

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

class ProgressBars
{
public:
    explicit ProgressBars(QTextStream &err) : m_err(err) {}

    void draw(const PullProgress &p)
    {
        QStringList lines;
        for (const PullBlob &b : p.blobs) {
            if (b.isConfig)
                continue;
            const qint64 size = std::max<qint64>(1, b.descriptor.size);
            const int filled = int(20 * b.received / size);
            QString state;
            switch (b.state) {
            case PullBlob::State::Present: state = Tr::tr("already present"); break;
            case PullBlob::State::Done: state = Tr::tr("done"); break;
            case PullBlob::State::Failed: state = Tr::tr("failed"); break;
            default: state = humanBytes(b.received) + u" / " + humanBytes(b.descriptor.size);
            }
            lines.append(b.descriptor.digest.shortForm() + u" [" + QString(filled, u'#') + QString(20 - filled, u' ') + u"] " + state);
        }
        const QString eta = p.etaSeconds >= 0 ? Tr::tr("ETA %1 s").arg(p.etaSeconds) : QString();
        lines.append(Tr::tr("%1 of %2  %3/s  %4").arg(humanBytes(p.bytesFetched), humanBytes(p.bytesToFetch),
                                                       humanBytes(qint64(p.bytesPerSecond)), eta));
        if (m_drawn > 0)
            m_err << "\x1b[" << m_drawn << "F"; // back to the first line drawn last time
        for (const QString &line : std::as_const(lines))
            m_err << "\x1b[2K" << line << '\n';
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
    if (const auto done = cx.parse(parser, QStringLiteral("pull"), arguments))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return cx.usage(Tr::tr("usage: wharf pull REF [--platform os/arch[/variant]] [--store DIR] [--jobs N]"));
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

    PullEngine::Options options;
    options.workers = request.jobs;
    options.client.credentials = cx.credentials();
    PullEngine engine(*store, options);
    PullHandle *handle = engine.pull(request);

    const bool terminal = isatty(STDERR_FILENO) == 1;
    ProgressBars bars(cx.err());
    QEventLoop loop;
    QObject::connect(handle, &PullHandle::planned, &loop, [&cx, terminal](const PullPlan &plan) {
        if (!terminal)
            return;
        cx.err() << Tr::tr("%1 (%2): %3 layers, %4 already present; %5 to fetch")
                        .arg(plan.reference, plan.platform.toString())
                        .arg(plan.blobs.size() - 1)
                        .arg(plan.blobsPresent)
                        .arg(humanBytes(plan.bytesToFetch))
                 << Qt::endl;
    });
    if (terminal)
        QObject::connect(handle, &PullHandle::progress, &loop, [&bars](const PullProgress &p) { bars.draw(p); });
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
    if (outcome.error)
        return cx.fail(*outcome.error);
    const PullResult &r = outcome.result;
    cx.out() << Tr::tr("Pulled %1 (%2) %3: fetched %4 in %5 s, %6 blobs already present; store %7")
                    .arg(r.image.reference, r.image.platform.toString(), r.image.manifest.digest.toString(),
                         humanBytes(r.bytesFetched), QString::number(double(r.elapsedMs) / 1000.0, 'f', 2))
                    .arg(r.blobsPresent)
                    .arg(store->root())
             << '\n';
    return kExitOk;
}

} // namespace wharf::cli
