// wharf inspect REF [--platform os/arch[/variant]] [--json]
// The index (platforms, attestations apart), then the chosen platform's manifest, config, layers
// and build history. The JSON shape (JsonShapes.h) is documented in the README and kept stable.

#include "cli/CliContext.h"
#include "cli/EngineCommands.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/JsonShapes.h"
#include "documents/MediaTypes.h"
#include "reference/ImageReference.h"
#include "registry/ImageInspectJob.h"
#include "registry/RegistryClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::inspect)
};

void printText(QTextStream &out, const InspectedImage &r)
{
    const auto line = [&out](const QString &label, const QString &value) {
        out << QString(label + u':').leftJustified(14) << value << '\n';
    };
    line(Tr::tr("Reference"), r.reference.familiarString());
    if (r.index) {
        line(Tr::tr("Index"), Tr::tr("%1  %2, %3 bytes").arg(r.index->digest.toString(), r.index->mediaType).arg(r.index->size));
        out << Tr::tr("Platforms (%1):").arg(r.platforms.size()) << '\n';
        QList<QStringList> rows;
        for (const Descriptor &d : r.platforms) {
            const Platform p = d.platform.value_or(Platform());
            QString name = p.toString();
            if (!p.osVersion.isEmpty())
                name += u" (" + p.osVersion + u')';
            const bool chosen = d.digest == r.chosen.digest;
            rows.append({chosen ? u"* " + name : u"  " + name, d.digest.toString(), humanBytes(d.size)});
        }
        out << table({Tr::tr("  PLATFORM"), Tr::tr("MANIFEST"), Tr::tr("SIZE")}, rows);
        if (!r.attestations.isEmpty()) {
            out << Tr::tr("Attestations (%1, not platforms):").arg(r.attestations.size()) << '\n';
            for (const Descriptor &d : r.attestations)
                out << "  " << d.digest.toString() << "  " << Tr::tr("for %1").arg(d.attestedDigest().shortForm()) << '\n';
        }
    }
    line(Tr::tr("Platform"), r.chosen.platform.value_or(Platform()).toString());
    line(Tr::tr("Manifest"), Tr::tr("%1  %2, %3 bytes").arg(r.manifest.digest.toString(), r.manifest.mediaType).arg(r.manifest.size));
    if (r.imageManifest.isSchema1()) {
        line(Tr::tr("Config"), Tr::tr("none: Docker schema 1 keeps it in the manifest’s history"));
        out << Tr::tr("Docker schema 1 is deprecated: it records no layer sizes, and Wharf can inspect it but not pull it.") << '\n';
    } else {
        line(Tr::tr("Config"),
             Tr::tr("%1  %2, %3 bytes")
                 .arg(r.configDescriptor.digest.toString(), r.configDescriptor.mediaType)
                 .arg(r.configDescriptor.size));
    }

    const qint64 compressed = r.imageManifest.totalLayerSize();
    out << (compressed < 0 ? Tr::tr("Layers (%1, compressed size unknown):").arg(r.imageManifest.layers.size())
                           : Tr::tr("Layers (%1, %2 compressed):").arg(r.imageManifest.layers.size()).arg(humanBytes(compressed)))
        << '\n';
    QList<QStringList> layerRows;
    for (const Descriptor &d : r.imageManifest.layers)
        layerRows.append({u"  " + d.digest.toString(), humanBytes(d.size), d.mediaType});
    out << table({Tr::tr("  DIGEST"), Tr::tr("SIZE"), Tr::tr("MEDIA TYPE")}, layerRows);

    if (!r.history.rows.isEmpty()) {
        out << Tr::tr("History (%1 steps):").arg(r.history.rows.size()) << '\n';
        if (!r.history.instructionsMatchLayers)
            out << Tr::tr("  (the history does not match the layers; layers are listed without their instructions)") << '\n';
        for (const HistoryRow &h : r.history.rows) {
            const QString what = h.layer ? h.layer->digest.shortForm() + u"  " + humanBytes(h.layer->size) : Tr::tr("(empty layer)");
            out << "  " << humanDate(h.created) << "  " << what << '\n';
            const QString instruction = h.instruction();
            if (!instruction.isEmpty())
                out << "      " << instruction << '\n';
        }
    }
    if (r.config) {
        const ImageConfig::RunConfig &c = r.config->config;
        out << Tr::tr("Run config:") << '\n';
        const auto field = [&out](const QString &label, const QString &value) {
            if (!value.isEmpty())
                out << "  " << QString(label + u':').leftJustified(14) << value << '\n';
        };
        const auto json = [](const QStringList &l) {
            return l.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(l)).toJson(QJsonDocument::Compact));
        };
        field(Tr::tr("Entrypoint"), json(c.entrypoint));
        field(Tr::tr("Cmd"), json(c.cmd));
        field(Tr::tr("WorkingDir"), c.workingDir);
        field(Tr::tr("User"), c.user);
        field(Tr::tr("Ports"), c.exposedPorts.join(QStringLiteral(", ")));
        field(Tr::tr("Volumes"), c.volumes.join(QStringLiteral(", ")));
        field(Tr::tr("StopSignal"), c.stopSignal);
        for (const QString &env : c.env)
            field(Tr::tr("Env"), env);
        for (auto it = c.labels.cbegin(); it != c.labels.cend(); ++it)
            field(Tr::tr("Label"), it.key() + u'=' + it.value());
    }
}

} // namespace

int inspectCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Show an image's platforms, manifest, config, layers and history."));
    parser.addPositionalArgument(QStringLiteral("reference"), Tr::tr("nginx:1.27, ghcr.io/owner/app@sha256:…, localhost:5000/app:tag"));
    parser.addOption({QStringLiteral("platform"), Tr::tr("Platform to show for a multi-platform image (default: this machine's)."),
                      QStringLiteral("os/arch[/variant]")});
    parser.addOption({QStringLiteral("json"), Tr::tr("Print JSON.")});
    if (const auto done = cx.parse(parser, QStringLiteral("inspect"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return cx.usage(Tr::tr("usage: wharf inspect REF [--platform os/arch[/variant]] [--json]"));
    // docker-daemon:NAME, containers-storage:NAME — an image in Docker or Podman (skopeo's transports).
    if (const auto source = engineSource(positional.first())) {
        if (parser.isSet(QStringLiteral("platform")))
            return cx.usage(Tr::tr("an image in an engine has one platform: --platform does not apply"));
        return inspectEngineImage(cx, source->first, source->second, parser.isSet(QStringLiteral("json")));
    }
    auto reference = ImageReference::parseDockerRef(positional.first());
    if (!reference)
        return cx.failUsage(reference.error());
    const auto platformArg = cx.platform(parser);
    if (!platformArg)
        return kExitUsage;
    const std::optional<Platform> platform = *platformArg;
    std::unique_ptr<ImageInspectJob> job(new ImageInspectJob(&cx.registry(), *reference, platform));
    cx.wait(job.get());
    if (job->error())
        return cx.fail(*job->error());
    if (parser.isSet(QStringLiteral("json")))
        cx.out() << QJsonDocument(inspectJson(job->result())).toJson(QJsonDocument::Indented);
    else
        printText(cx.out(), job->result());
    return kExitOk;
}

} // namespace wharf::cli
