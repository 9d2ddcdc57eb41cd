// wharf export REF -o FILE.tar [--format docker-archive|oci-archive] [--platform P] [--store DIR]
// Writes one stored image as a tar that `docker load`, `podman load` and skopeo read
// (ImageExporter says what goes in). REF is looked up the way `wharf rm` does; a reference kept for
// several platforms needs --platform.

#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/StoreOptions.h"
#include "store/ImageExporter.h"
#include "store/ImageStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <optional>

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::exporting)
};

} // namespace

int exportCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Write an image from the local store to a tar file that docker load, "
                                            "podman load and skopeo read."));
    parser.addPositionalArgument(QStringLiteral("reference"), Tr::tr("nginx:1.27, docker.io/library/nginx:latest, …"));
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, Tr::tr("The tar file to write (replaced if it exists)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("format"), Tr::tr("docker-archive (the default: what docker save writes) or oci-archive."),
                      QStringLiteral("FORMAT"), QStringLiteral("docker-archive")});
    parser.addOption({QStringLiteral("platform"), Tr::tr("The platform to export when the store keeps several of REF."),
                      QStringLiteral("os/arch[/variant]")});
    parser.addOption(storeOption());
    if (const auto done = cx.parse(parser, QStringLiteral("export"), arguments))
        return *done;
    const QString usage = Tr::tr("usage: wharf export REF -o FILE [--format docker-archive|oci-archive] "
                                 "[--platform os/arch[/variant]] [--store DIR]");
    if (parser.positionalArguments().size() != 1 || parser.value(QStringLiteral("output")).isEmpty())
        return cx.usage(usage);
    const auto format = ImageExporter::formatFromName(parser.value(QStringLiteral("format")));
    if (!format)
        return cx.usage(Tr::tr("unknown format “%1”; use docker-archive or oci-archive").arg(parser.value(QStringLiteral("format")).left(100)));
    const auto platformArg = cx.platform(parser);
    if (!platformArg)
        return kExitUsage;
    const std::optional<Platform> platform = *platformArg;

    auto store = openStore(parser);
    if (!store)
        return cx.fail(store.error());
    const auto found = findOneImage(*store, parser.positionalArguments().first(), platform);
    if (!found)
        return isUsageError(found.error()) ? cx.failUsage(found.error()) : cx.fail(found.error());
    const StoredImage &image = *found;
    auto report = ImageExporter::exportImage(*store, image, parser.value(QStringLiteral("output")), *format);
    if (!report)
        return cx.fail(report.error());
    //: %1 reference, %2 platform, %3 file, %4 format (docker-archive/oci-archive), %5 size
    cx.out() << Tr::tr("Wrote %1 (%2) to %3 as %4, %5")
                    .arg(image.reference, image.platform.toString(), report->path, ImageExporter::formatName(report->format),
                         humanBytes(report->bytes))
             << '\n';
    return kExitOk;
}

} // namespace wharf::cli
