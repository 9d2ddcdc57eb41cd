#include "engines/EngineLoader.h"

#include "engines/EngineApi.h"
#include "reference/ImageReference.h"
#include "store/ImageExporter.h"
#include "store/ImageStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

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

Result<EngineLoader::Report> EngineLoader::load(const ImageStore &store, const StoredImage &image, const EngineEndpoint &endpoint,
                                                const Options &options)
{
    const QString engine = EngineLocator::kindName(endpoint.kind);
    QElapsedTimer clock;
    clock.start();
    EngineApi api(endpoint, options.cancel);
    // Ask first: a missing or forbidden socket is reported before any layer is read.
    auto version = api.version();
    if (!version)
        return wharf::unexpected(version.error());

    Report report;
    report.kind = endpoint.kind;
    report.name = engineName(image.reference, endpoint.kind);
    ImageExporter::Options exportOptions;
    exportOptions.cancel = options.cancel;
    exportOptions.limits = options.limits;
    exportOptions.repoTags = report.name.isEmpty() ? QStringList() : QStringList{report.name};
    exportOptions.gzipLayersAsStored = true; // the engine decompresses once, and checks the diff_ids itself
    exportOptions.arrivals = options.arrivals;
    std::optional<ImageExporter::Report> exported;
    std::atomic<qint64> localSent{0};
    std::atomic<qint64> *sent = options.sent ? options.sent : &localSent;
    const QString destination = engine + QStringLiteral(" (") + endpoint.address() + u')';
    qCDebug(lcEngines).noquote() << engine << "answered /version after" << clock.elapsed() << "ms";
    qint64 sentAtMs = 0;
    auto loaded = api.load(
        [&](QIODevice &body) -> Result<void> {
            auto written = ImageExporter::exportToDevice(store, image, body, destination, ImageExporter::Format::DockerArchive,
                                                         exportOptions);
            if (!written)
                return wharf::unexpected(written.error());
            exported = *written;
            sentAtMs = clock.elapsed();
            if (options.archiveSent)
                options.archiveSent->store(true);
            return {};
        },
        sent);
    if (!loaded) {
        qCDebug(lcEngines).noquote() << "load failed after" << clock.elapsed() << "ms:" << loaded.error().message();
        return wharf::unexpected(loaded.error());
    }
    // The bytes sent when the archive was complete; from then on the engine unpacks.
    qCDebug(lcEngines).noquote() << "archive of" << sent->load() << "bytes sent by" << sentAtMs << "ms;" << engine << "answered at"
                                 << clock.elapsed() << "ms";
    report.bytesSent = sent->load();
    report.id = exported->config;

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
    qCDebug(lcEngines).noquote() << engine << "described" << lookup << "at" << clock.elapsed() << "ms";
    if (!facts->variantRecorded)
        report.platform.variant = wanted.variant; // the archive's config says it; the engine just does not show it

    if (!wanted.isEmpty() && (version->os != wanted.os || version->architecture != wanted.architecture))
        //: %1 a platform (linux/arm/v7), %2 Docker or Podman, %3 the engine's platform (linux/amd64)
        report.emulationNote = Tr::tr("%1 does not run natively on this %2 (%3): containers from it need emulation (QEMU binfmt)")
                                   .arg(wanted.toString(), engine, version->os + u'/' + version->architecture);
    return report;
}

qint64 EngineLoader::estimateBytes(const ImageStore &store, const StoredImage &image)
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
    return bytes + 512 + padded(200 + 120 * manifest->layers.size()) + 1024;
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
