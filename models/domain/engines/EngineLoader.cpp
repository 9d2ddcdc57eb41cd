#include "engines/EngineLoader.h"

#include "documents/DocumentParser.h"
#include "engines/EngineApi.h"
#include "reference/ImageReference.h"
#include "store/BlobArrivals.h"
#include "store/ImageExporter.h"
#include "store/ImageStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <chrono>
#include <future>

namespace wharf {

namespace {

// Where a load's time goes: reaching the engine, sending the archive, the engine's own work after
// the last byte (unpacking), the check. QT_LOGGING_RULES="wharf.engines.debug=true" or --verbose.
Q_LOGGING_CATEGORY(lcEngines, "wharf.engines", QtInfoMsg)

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::EngineLoader)
};

// Docker reports "arm64" where an index says "arm64" with variant v8; both mean the same machine.
bool sameVariant(const Platform &wanted, const Platform &got)
{
    if (wanted.variant == got.variant)
        return true;
    return wanted.architecture == QLatin1StringView("arm64") && (wanted.variant.isEmpty() || wanted.variant == QLatin1StringView("v8"))
        && (got.variant.isEmpty() || got.variant == QLatin1StringView("v8"));
}

} // namespace

QString EngineLoader::engineName(const QString &reference, EngineKind kind)
{
    auto parsed = ImageReference::parseDockerRef(reference);
    if (!parsed || !parsed->hasTag())
        return {};
    return (kind == EngineKind::Podman ? parsed->name() : parsed->familiarName()) + u':' + parsed->tag();
}

namespace {

// What one load needs on its way (EngineLoader::load's arguments and what it set up).
struct Load
{
    const ImageStore &store;
    const StoredImage &image;
    const EngineEndpoint &endpoint;
    const EngineLoader::Options &options;
    ImageExporter::Options exportOptions;
    QString destination; // "Docker (/run/docker.sock)", for messages
    std::atomic<qint64> *sent;
    QElapsedTimer clock;
    std::atomic<qint64> sentAtMs{0}; // when the last archive was all sent
    std::atomic_int stages{0};

    // One archive into the engine (the whole image, or a stage of it); its config's digest.
    // `allSent` runs once the archive is all written (not when it fails).
    Result<Digest> send(EngineApi &api, const ImageExporter::Options &exporting, bool last, const std::function<void()> &allSent = {})
    {
        std::optional<Digest> config;
        auto loaded = api.load(
            [&](QIODevice &body) -> Result<void> {
                auto written = ImageExporter::exportToDevice(store, image, body, destination, ImageExporter::Format::DockerArchive,
                                                             exporting);
                if (!written)
                    return wharf::unexpected(written.error());
                config = written->config;
                if (allSent)
                    allSent();
                if (last) {
                    sentAtMs = clock.elapsed();
                    if (options.archiveSent)
                        options.archiveSent->store(true);
                }
                return {};
            },
            sent);
        if (!loaded)
            return wharf::unexpected(loaded.error());
        ++stages;
        return *config;
    }
};

// The label on a stage's image: what it is, should one be left behind (Wharf killed mid-load):
// `docker image prune --filter label=wharf.load-stage` removes it.
const QString kStageLabel = QStringLiteral("wharf.load-stage");

// The image's config cut to its first `layers` layers: rootfs.diff_ids and the history up to the
// step that made the last of them, labelled with `loadId` too, so that two loads of one image (a
// retry while the cancelled one still removes its stages) never share a stage image.
QByteArray stageConfig(QJsonObject config, qsizetype layers, const QString &reference, const QString &loadId)
{
    QJsonObject rootfs = config.value(u"rootfs").toObject();
    const QJsonArray diffIds = rootfs.value(u"diff_ids").toArray();
    QJsonArray kept;
    for (qsizetype i = 0; i < layers && i < diffIds.size(); ++i)
        kept.append(diffIds[i]);
    rootfs.insert(u"diff_ids", kept);
    config.insert(u"rootfs", rootfs);
    QJsonArray history;
    qsizetype made = 0;
    for (const QJsonValue &step : config.value(u"history").toArray()) {
        if (made == layers)
            break;
        history.append(step);
        if (!step.toObject().value(u"empty_layer").toBool())
            ++made;
    }
    config.insert(u"history", history);
    QJsonObject run = config.value(u"config").toObject();
    QJsonObject labels = run.value(u"Labels").toObject();
    labels.insert(kStageLabel, QStringLiteral("%1 of %2 layers of %3 (load %4)").arg(layers).arg(diffIds.size()).arg(reference, loadId));
    run.insert(u"Labels", labels);
    config.insert(u"config", run);
    return QJsonDocument(config).toJson(QJsonDocument::Compact);
}

// A stage holds layers up to this many bytes (or one layer, when larger).
constexpr qint64 kStageBytes = 64 * 1024 * 1024;

// Whether `flag` is set; null never is.
bool isSet(const std::atomic_bool *flag)
{
    return flag && flag->load(std::memory_order_relaxed);
}

// Waits for `future` in 50 ms slices; false when `cancel` was set first.
template <typename Future>
bool awaitReady(const Future &future, const std::atomic_bool *cancel)
{
    while (future.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready)
        if (isSet(cancel))
            return false;
    return true;
}

// One stage on its own connection and thread: the archive all written (`sent`), then Docker's
// answer (the stage's config digest: the image it made). The thread holds the promise only (the
// run holds the thread's state: holding the run would be a cycle).
struct StageRun
{
    std::shared_ptr<std::promise<void>> sentPromise = std::make_shared<std::promise<void>>();
    std::shared_future<void> sent = sentPromise->get_future().share();
    std::shared_future<Result<Digest>> answer;
};

// Following a pull into Docker, in stages: as soon as the layers from the bottom up to some layer
// are in the store, they go to Docker as an image of their own (a config cut to them, untagged),
// which Docker unpacks while the pull goes on; a later stage names the layers below it without
// sending them (Docker's load takes a layer it has by chain ID and never opens its file), and the
// last stage is the image's own config, tagged. So Docker unpacks each layer soon after it
// arrives, as its own pull does, rather than only once it has a whole archive.
// Two stages at most are under way: while Docker unpacks one, the next one's layers stream in,
// its last entry held back until the one before has answered (Docker looks for the layers below
// only then). The stage images are removed at the end, whatever the outcome (the image, when
// there is one, holds their layers). Stage connections carry no cancel flag: a stage whose archive
// is all sent is let finish (Docker would make its image anyway) before its image is removed.
Result<Digest> loadInStages(Load &load, const ImageManifest &manifest, const QJsonObject &config)
{
    const qsizetype count = manifest.layers.size();
    const std::atomic_bool *cancel = load.options.cancel;
    const QString loadId = QString::number(QRandomGenerator::global()->generate64(), 16);
    QList<std::shared_ptr<StageRun>> runs;
    std::optional<Error> failure;
    qsizetype from = 0;
    while (from < count && !failure) {
        // The stage before has all gone over (or failed): gather what has arrived since.
        if (!runs.isEmpty()) {
            const auto &previous = runs.last();
            while (previous->sent.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready
                   && previous->answer.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready && !isSet(cancel)) {
            }
        }
        if (isSet(cancel))
            break;
        if (auto next = load.options.arrivals->awaitAny({manifest.layers[from].digest}, cancel); !next) {
            failure = next.error();
            break;
        }
        // What has arrived above it, up to kStageBytes: Docker should be able to take in the next
        // stage while it unpacks this one, or it waits for the archive between stages.
        qsizetype to = from + 1;
        qint64 bytes = manifest.layers[from].size;
        while (to < count && load.options.arrivals->isStored(manifest.layers[to].digest)
               && bytes + manifest.layers[to].size <= kStageBytes) {
            bytes += manifest.layers[to].size;
            ++to;
        }
        const bool last = to == count;
        ImageExporter::Options exporting = load.exportOptions;
        exporting.stage = ImageExporter::Options::Stage{last ? QByteArray() : stageConfig(config, to, load.image.reference, loadId), from, to, {}};
        if (!last)
            exporting.repoTags = QStringList();
        auto run = std::make_shared<StageRun>();
        if (!runs.isEmpty()) {
            exporting.stage->beforeManifest = [before = runs.last()->answer, cancel]() -> Result<void> {
                if (!awaitReady(before, cancel))
                    return fail(Error::Code::Cancelled, Tr::tr("the load was cancelled"));
                if (!before.get())
                    return wharf::unexpected(before.get().error());
                return {};
            };
        }
        const int number = int(runs.size()) + 1;
        run->answer = std::async(std::launch::async, [&load, sentPromise = run->sentPromise, exporting, last, number, from, to,
                                                      count]() -> Result<Digest> {
                          EngineApi api(load.endpoint); // no cancel: the exporter checks it while it writes
                          qCDebug(lcEngines).noquote() << "stage" << number << "(layers" << from + 1 << "to" << to << "of" << count
                                                       << ") begins at" << load.clock.elapsed() << "ms";
                          auto answer = load.send(api, exporting, last, [&sentPromise, &load, number] {
                              qCDebug(lcEngines).noquote() << "stage" << number << "all sent at" << load.clock.elapsed() << "ms";
                              sentPromise->set_value();
                          });
                          releaseThreadHashingState(); // OpenSSL's per-thread state (see Digest.h)
                          qCDebug(lcEngines).noquote() << "stage" << number << "(layers" << from + 1 << "to" << to << "of" << count
                                                       << ") answered at" << load.clock.elapsed() << "ms";
                          return answer;
                      }).share();
        runs.append(run);
        from = to;
    }
    // Every stage has answered before anything is removed or returned.
    std::optional<Digest> image;
    QStringList stageImages;
    for (const auto &run : std::as_const(runs)) {
        const Result<Digest> &answer = run->answer.get();
        if (!answer) {
            if (!failure)
                failure = answer.error();
        } else if (run == runs.last() && from == count && !failure) {
            image = *answer;
        } else {
            stageImages.append(answer->toString());
        }
    }
    EngineApi api(load.endpoint);
    for (const QString &stage : std::as_const(stageImages))
        if (auto removed = api.remove(stage); !removed)
            qCWarning(lcEngines).noquote() << "could not remove the load's stage image" << stage << removed.error().message();
    if (failure)
        return wharf::unexpected(*failure);
    if (!image)
        return fail(Error::Code::Cancelled, Tr::tr("the load was cancelled"));
    return *image;
}

} // namespace

Result<EngineLoader::Report> EngineLoader::load(const ImageStore &store, const StoredImage &image, const EngineEndpoint &endpoint,
                                                const Options &options)
{
    const QString engine = EngineLocator::kindName(endpoint.kind);
    std::atomic<qint64> localSent{0};
    Load load{store, image, endpoint, options, {}, engine + QStringLiteral(" (") + endpoint.address() + u')',
              options.sent ? options.sent : &localSent, {}};
    load.clock.start();
    EngineApi api(endpoint, options.cancel);
    // Ask first: a missing or forbidden socket is reported before any layer is read.
    auto version = api.version();
    if (!version)
        return wharf::unexpected(version.error());
    qCDebug(lcEngines).noquote() << engine << "answered /version after" << load.clock.elapsed() << "ms";

    Report report;
    report.kind = endpoint.kind;
    report.name = engineName(image.reference, endpoint.kind);
    load.exportOptions.cancel = options.cancel;
    load.exportOptions.limits = options.limits;
    load.exportOptions.repoTags = report.name.isEmpty() ? QStringList() : QStringList{report.name};
    load.exportOptions.gzipLayersAsStored = true; // the engine decompresses once, and checks the diff_ids itself
    load.exportOptions.arrivals = options.arrivals;

    // In stages only into Docker's own layer store (its load is the one whose behaviour stages
    // rely on), following a pull of more than one layer; not into a Podman answering on the
    // Docker socket (DOCKER_HOST=…/podman.sock), whose load wants every layer's file.
    std::optional<ImageManifest> manifest;
    QJsonObject config;
    if (options.arrivals && endpoint.kind == EngineKind::Docker && options.inStages
        && !version->name.startsWith(QLatin1StringView("Podman"))) {
        auto storage = api.storage();
        auto stored = store.readImageManifest(image.manifest);
        if (storage && !storage->containerdImageStore && stored && stored->layers.size() > 1) {
            auto bytes = store.readBlob(stored->config.digest, kMaxConfigSize);
            if (bytes)
                config = QJsonDocument::fromJson(*bytes).object();
            if (!config.isEmpty())
                manifest = std::move(*stored);
        }
        qCDebug(lcEngines).noquote() << engine << "stores images with" << (storage ? storage->driver : storage.error().message())
                                     << (manifest ? "; loading in stages" : "; loading whole");
    }
    auto loaded = manifest ? loadInStages(load, *manifest, config) : load.send(api, load.exportOptions, true);
    if (!loaded) {
        qCDebug(lcEngines).noquote() << "load failed after" << load.clock.elapsed() << "ms:" << loaded.error().message();
        return wharf::unexpected(loaded.error());
    }
    // The bytes sent when the archive was complete; from then on the engine unpacks.
    qCDebug(lcEngines).noquote() << "archive of" << load.sent->load() << "bytes sent by" << load.sentAtMs << "ms;" << engine
                                 << "answered at" << load.clock.elapsed() << "ms";
    report.bytesSent = load.sent->load();
    report.id = *loaded;
    report.stages = load.stages;

    // What does the engine hold now? By name when there is one, else by ID.
    const QString lookup = report.name.isEmpty() ? report.id.toString() : report.name;
    auto facts = api.inspect(lookup);
    if (!facts) {
        if (facts.error().code() == Error::Code::NotFound)
            //: %1 Docker or Podman, %2 an image name
            return fail(Error::Code::EngineRefused, Tr::tr("%1 accepted the archive but has no image %2 afterwards").arg(engine, lookup));
        return wharf::unexpected(facts.error());
    }
    if (facts->id != report.id.toString())
        //: %1 Docker or Podman, %2 an image name, %3 and %4 image IDs
        return fail(Error::Code::EngineRefused, Tr::tr("%1 holds %2 as image ID %3, not %4").arg(engine, lookup, facts->id, report.id.toString()));
    report.platform = facts->platform;
    report.variantRecorded = facts->variantRecorded;
    const Platform &wanted = image.platform;
    if (!wanted.isEmpty()
        && (facts->platform.os != wanted.os || facts->platform.architecture != wanted.architecture
            || (facts->variantRecorded && !sameVariant(wanted, facts->platform))))
        //: %1 Docker or Podman, %2 an image name, %3 and %4 platforms (linux/arm/v7)
        return fail(Error::Code::EngineRefused, Tr::tr("%1 records %2 as %3, not %4")
                                                    .arg(engine, lookup, facts->platform.toString(), wanted.toString()));
    qCDebug(lcEngines).noquote() << engine << "described" << lookup << "at" << load.clock.elapsed() << "ms";
    if (!facts->variantRecorded)
        report.platform.variant = wanted.variant; // the archive's config says it; the engine just does not show it

    if (!wanted.isEmpty() && (version->os != wanted.os || version->architecture != wanted.architecture))
        //: %1 a platform (linux/arm/v7), %2 Docker or Podman, %3 the engine's platform (linux/amd64)
        report.emulationNote = Tr::tr("%1 does not run natively on this %2 (%3): containers from it need emulation (QEMU binfmt)")
                                   .arg(wanted.toString(), engine, version->os + u'/' + version->architecture);
    return report;
}

qint64 EngineLoader::estimateBytes(const ImageStore &store, const StoredImage &image, bool inStages)
{
    auto manifest = store.readImageManifest(image.manifest);
    if (!manifest)
        return -1;
    const auto padded = [](qint64 size) { return (size + 511) / 512 * 512; };
    // The entries ImageExporter writes: the config, each layer's folder and file, manifest.json
    // (about 120 bytes a layer), then the end of the archive (TarWriter sends no block padding).
    qint64 bytes = 512 + padded(manifest->config.size);
    for (const Descriptor &layer : std::as_const(manifest->layers))
        bytes += 512 + 512 + padded(layer.size);
    const qint64 ending = 512 + padded(200 + 120 * manifest->layers.size()) + 1024;
    // At most one stage a layer; a stage's config is the image's, a little shorter, plus a label.
    const qint64 stages = inStages && manifest->layers.size() > 1 ? manifest->layers.size() : 1;
    return bytes + (stages - 1) * (512 + padded(manifest->config.size + 200)) + stages * ending;
}

QString EngineLoader::summary(const Report &report)
{
    const QString engine = EngineLocator::kindName(report.kind);
    if (report.name.isEmpty())
        //: %1 Docker or Podman, %2 a platform, %3 an image ID
        return Tr::tr("Loaded into %1 untagged (%2), image ID %3").arg(engine, report.platform.toString(), report.id.toString());
    //: %1 Docker or Podman, %2 an image name (nginx:1.27), %3 a platform, %4 an image ID
    return Tr::tr("Loaded into %1 as %2 (%3), image ID %4").arg(engine, report.name, report.platform.toString(), report.id.toString());
}

} // namespace wharf
