// wharf images [--json], wharf rm REF [--platform P] [--prune], wharf gc [--dry-run] [--json], wharf verify [--json]
// The local store (an OCI image layout): what it holds, removing images, collecting unreferenced
// blobs and stale partial downloads, and re-hashing everything. Each takes --store DIR (default:
// $WHARF_STORE, else the app-data store). The JSON shapes (JsonShapes.h) are documented in the README.

#include "cli/CliContext.h"
#include "cli/EngineCommands.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/JsonShapes.h"
#include "cli/LayerViews.h"
#include "cli/StoreOptions.h"
#include "store/ImageStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <optional>

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::store)
};

QCommandLineOption jsonOption()
{
    return {QStringLiteral("json"), Tr::tr("Print JSON.")};
}

// The one rule of StoreUsage, as the Local images pane shows it.
ImageSizes sizesOf(const ImageUsage &usage)
{
    ImageSizes s;
    s.freeable = usage.freeable;
    if (!usage.layers)
        return s;
    s.total = usage.size;
    s.shared = usage.shared;
    s.unique = usage.unique;
    s.layers = int(usage.layers->size());
    return s;
}

} // namespace

int imagesCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("List the images in the local store, or in Docker or Podman."));
    parser.addOption(storeOption());
    parser.addOption(jsonOption());
    parser.addOption({QStringLiteral("engine"), Tr::tr("List Docker's or Podman's images instead (what docker image ls shows)."),
                      QStringLiteral("docker|podman")});
    if (const auto done = cx.parse(parser, QStringLiteral("images"), arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return cx.usage(Tr::tr("usage: wharf images [--store DIR | --engine docker|podman] [--json]"));
    if (parser.isSet(QStringLiteral("engine"))) {
        const auto target = engineTarget(cx, parser.value(QStringLiteral("engine")), false);
        if (!target)
            return kExitUsage;
        return engineImages(cx, *target->kind, parser.isSet(QStringLiteral("json")));
    }
    auto store = openStore(parser);
    if (!store)
        return cx.fail(store.error());
    auto usage = store->usage();
    if (!usage)
        return cx.fail(usage.error());
    QList<StoredImage> images;
    QList<ImageSizes> sizes;
    for (const ImageUsage &image : std::as_const(usage->images)) {
        images.append(image.image);
        sizes.append(sizesOf(image));
    }

    if (parser.isSet(QStringLiteral("json"))) {
        cx.out() << QJsonDocument(imagesJson(images, sizes)).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const StoredImage &image = images.at(i);
        const ImageSizes &s = sizes[i];
        rows.append({image.reference, image.platform.toString(), image.manifest.digest.shortForm(),
                     s.total < 0 ? Tr::tr("(unreadable)") : humanBytes(s.total), s.total < 0 ? QStringLiteral("-") : humanBytes(s.shared),
                     humanDate(image.pulledAt)});
    }
    cx.out() << table({Tr::tr("REFERENCE"), Tr::tr("PLATFORM"), Tr::tr("MANIFEST"), Tr::tr("SIZE"), Tr::tr("SHARED"), Tr::tr("PULLED")}, rows);
    return kExitOk;
}

int rmCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Remove an image from the local store. Blobs stay until “wharf gc”, or "
                                        "with --prune those only this image used go at once (what the window's Delete does)."));
    parser.addPositionalArgument(QStringLiteral("reference"), Tr::tr("nginx:1.27, docker.io/library/nginx:latest, …"));
    parser.addOption({QStringLiteral("platform"), Tr::tr("Remove only this platform (default: every platform of REF)."),
                      QStringLiteral("os/arch[/variant]")});
    parser.addOption({QStringLiteral("prune"), Tr::tr("Also delete the blobs no other stored image uses, and say what that freed.")});
    parser.addOption(storeOption());
    if (const auto done = cx.parse(parser, QStringLiteral("rm"), arguments))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return cx.usage(Tr::tr("usage: wharf rm REF [--platform os/arch[/variant]] [--prune] [--store DIR]"));
    const auto platformArg = cx.platform(parser);
    if (!platformArg)
        return kExitUsage;
    const std::optional<Platform> platform = *platformArg;
    auto store = openStore(parser);
    if (!store)
        return cx.fail(store.error());
    if (parser.isSet(QStringLiteral("prune"))) {
        auto report = store->removeImageWithBlobs(parser.positionalArguments().first(), platform);
        if (!report)
            return report.error().code() == Error::Code::InvalidReference ? cx.failUsage(report.error()) : cx.fail(report.error());
        for (const StoredImage &image : std::as_const(report->removed))
            cx.out() << Tr::tr("Removed %1 (%2) %3").arg(image.reference, image.platform.toString(), image.manifest.digest.toString()) << '\n';
        if (report->blobsKept) {
            cx.err() << Tr::tr("wharf: warning: its blobs were kept: %1").arg(report->blobsKept->message()) << '\n';
            return kExitOk;
        }
        cx.out() << Tr::tr("Deleted %n blob(s) only it used (%1).", nullptr, report->blobsRemoved).arg(humanBytes(report->bytesRemoved))
                 << '\n';
        return kExitOk;
    }
    auto removed = store->removeImage(parser.positionalArguments().first(), platform);
    if (!removed) {
        return removed.error().code() == Error::Code::InvalidReference ? cx.failUsage(removed.error()) : cx.fail(removed.error());
    }
    for (const StoredImage &image : std::as_const(*removed))
        cx.out() << Tr::tr("Removed %1 (%2) %3").arg(image.reference, image.platform.toString(), image.manifest.digest.toString()) << '\n';
    return kExitOk;
}

int gcCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Delete blobs no stored image uses, and partial downloads nobody resumed for a day."));
    parser.addOption({QStringLiteral("dry-run"), Tr::tr("Only say what would be deleted (the window's Clean Up figure).")});
    parser.addOption(storeOption());
    parser.addOption(jsonOption());
    if (const auto done = cx.parse(parser, QStringLiteral("gc"), arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return cx.usage(Tr::tr("usage: wharf gc [--dry-run] [--store DIR] [--json]"));
    auto store = openStore(parser);
    if (!store)
        return cx.fail(store.error());
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    auto report = store->collectGarbage(dryRun ? ImageStore::GcMode::DryRun : ImageStore::GcMode::Collect);
    if (!report)
        return cx.fail(report.error());
    if (parser.isSet(QStringLiteral("json"))) {
        cx.out() << QJsonDocument(gcJson(*report)).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    if (dryRun) {
        for (const QString &digest : std::as_const(report->removedDigests))
            cx.out() << Tr::tr("would delete %1").arg(digest) << '\n';
        cx.out() << Tr::tr("Would remove %n blob(s) (%1) and partial downloads of %2; nothing was deleted.", nullptr,
                           report->blobsRemoved)
                        .arg(humanBytes(report->bytesRemoved), humanBytes(report->ingestBytesRemoved))
                 << '\n';
        return kExitOk;
    }
    for (const QString &digest : std::as_const(report->removedDigests))
        cx.out() << Tr::tr("deleted %1").arg(digest) << '\n';
    cx.out() << Tr::tr("Removed %1 blobs (%2) and %3 partial downloads (%4); kept %5 blobs (%6).")
                    .arg(report->blobsRemoved).arg(humanBytes(report->bytesRemoved))
                    .arg(report->ingestsRemoved).arg(humanBytes(report->ingestBytesRemoved))
                    .arg(report->blobsKept).arg(humanBytes(report->bytesKept))
             << '\n';
    if (report->ingestsInUse > 0)
        cx.out() << Tr::tr("%1 downloads in progress were left alone.").arg(report->ingestsInUse) << '\n';
    if (report->missingBlobs > 0)
        cx.out() << Tr::tr("%1 referenced blobs are missing; run “wharf verify” for details.").arg(report->missingBlobs) << '\n';
    return kExitOk;
}

int verifyCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Re-hash every blob in the store and check what index.json refers to. "
                                        "Exits with 1 when anything is wrong."));
    parser.addOption(storeOption());
    parser.addOption(jsonOption());
    if (const auto done = cx.parse(parser, QStringLiteral("verify"), arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return cx.usage(Tr::tr("usage: wharf verify [--store DIR] [--json]"));
    auto store = openStore(parser);
    if (!store)
        return cx.fail(store.error());
    auto report = store->verify();
    if (!report)
        return cx.fail(report.error());
    if (parser.isSet(QStringLiteral("json"))) {
        cx.out() << QJsonDocument(verifyJson(*report)).toJson(QJsonDocument::Indented);
    } else {
        for (const VerifyProblem &p : std::as_const(report->problems))
            cx.out() << VerifyProblem::kindName(p.kind) << ": " << p.detail << '\n';
        cx.out() << Tr::tr("Checked %1 blobs (%2) and %3 index entries: %4.")
                        .arg(report->blobsChecked).arg(humanBytes(report->bytesChecked)).arg(report->indexEntries)
                        .arg(report->isClean() ? Tr::tr("no problems") : Tr::tr("%1 problems").arg(report->problems.size()))
                 << '\n';
    }
    return report->isClean() ? kExitOk : kExitFailure;
}

} // namespace wharf::cli
