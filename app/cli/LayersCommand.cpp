// wharf layers REF [--platform P] [--files DIGEST] [--merged] [--diff REF2] [--store DIR] [--json]
// An image's layers down to the file: each layer with the build step that made it, its size and
// what it wastes (efficiency after dive: models/layers/ImageEfficiency.h); one layer's entries
// with what it added, modified and deleted (--files); the merged file system, up to a layer or of
// the whole image (--merged); and what changed from one image to another (--diff). Layers are
// listed from the local store when their blobs are there, else streamed from the registry (never
// stored), a few at a time. The JSON shapes (JsonShapes.h) are documented in the README and kept stable.
//
// A layer is named by its digest ("sha256:<64 hex>") or a unique prefix of at least 12 hex digits,
// with or without "sha256:" — the short form the text output prints. A blob used twice in one image
// names its first place.

#include "cli/CliContext.h"
#include "cli/EngineCommands.h"
#include "documents/ImageHistory.h"
#include "documents/MediaTypes.h"
#include "engines/EngineImageReader.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/JsonShapes.h"
#include "cli/LayerViews.h"
#include "cli/StoreOptions.h"
#include "layers/FileModeText.h"
#include "layers/ImageDiff.h"
#include "layers/ImageEfficiency.h"
#include "layers/LayerStack.h"
#include "layers/LayerStackJob.h"
#include "reference/ImageReference.h"
#include "services/EngineJobs.h"
#include "registry/ImageInspectJob.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QRegularExpression>

#include <memory>

#include <unistd.h>

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::layers)
};

constexpr int kMinimumDigestPrefix = 12;
constexpr int kTextOffenders = 10;

QChar markLetter(FileMark mark)
{
    switch (mark) {
    case FileMark::Added:
        return u'A';
    case FileMark::Modified:
        return u'M';
    case FileMark::Deleted:
        return u'D';
    case FileMark::None:
        break;
    }
    return u' ';
}

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString signedBytes(qint64 delta)
{
    if (delta > 0)
        return QStringLiteral("+") + humanBytes(delta);
    if (delta < 0)
        return QStringLiteral("−") + humanBytes(-delta);
    return QStringLiteral("±0 B");
}

// --files DIGEST: "sha256:<hex>" or "<hex>", lowercase, at least kMinimumDigestPrefix digits.
struct LayerSelector
{
    QString algorithm; // empty: any
    QString hex;
};

std::optional<LayerSelector> parseSelector(const QString &text)
{
    static const QRegularExpression grammar(QStringLiteral("^(?:(sha256|sha384|sha512):)?([0-9a-f]+)$"));
    const QRegularExpressionMatch m = grammar.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    LayerSelector s{m.captured(1), m.captured(2)};
    const qsizetype full = s.algorithm == u"sha512" ? 128 : s.algorithm == u"sha384" ? 96 : s.algorithm.isEmpty() ? 128 : 64;
    if (s.hex.size() < kMinimumDigestPrefix || s.hex.size() > full)
        return std::nullopt;
    if (!s.algorithm.isEmpty() && s.hex.size() == full && !Digest::parse(text))
        return std::nullopt;
    return s;
}

// The first layer the selector names; an error when none or several distinct blobs match.
Result<int> selectLayer(const LayerSelector &selector, const QList<Descriptor> &layers, const QString &reference)
{
    int found = -1;
    for (int i = 0; i < layers.size(); ++i) {
        const Digest &d = layers.at(i).digest;
        if ((!selector.algorithm.isEmpty() && d.algorithm() != selector.algorithm) || !d.encoded().startsWith(selector.hex))
            continue;
        if (found < 0) {
            found = i;
        } else if (layers.at(found).digest != d) {
            return fail(Error::Code::NotFound,
                        Tr::tr("%1 matches more than one layer of %2 (%3 and %4); give more of the digest")
                            .arg(selector.hex, reference, layers.at(found).digest.shortForm(), d.shortForm()));
        }
    }
    if (found < 0)
        return fail(Error::Code::NotFound, Tr::tr("%1 has no layer %2; “wharf layers %1” lists them").arg(reference, selector.hex));
    return found;
}

// Lists `layers` of the image `image` (a few at a time), reporting progress on a terminal.
std::unique_ptr<LayerStackJob> listLayers(CliContext &cx, const InspectedImage &image, const QList<Descriptor> &layers,
                                          const QString &storeRoot, const QHash<QString, LayerListing> &known = {})
{
    std::unique_ptr<LayerStackJob> job(
        new LayerStackJob(&cx.registry(), image.manifest.registry, image.manifest.repository, layers, storeRoot));
    job->setKnownListings(known);
    const bool terminal = isatty(STDERR_FILENO) == 1;
    bool drew = false;
    if (terminal) {
        QObject::connect(job.get(), &LayerStackJob::progress, job.get(), [&cx, &drew](qint64 read, qint64 total, int done, int count) {
            //: %1 of %2 layers listed, %3 of %4 bytes read
            const QString line = total >= 0
                ? Tr::tr("Listing layers: %1 of %2, %3 of %4").arg(done).arg(count).arg(humanBytes(read), humanBytes(total))
                //: %1 of %2 layers listed, %3 bytes read (sizes unknown: Docker schema 1)
                : Tr::tr("Listing layers: %1 of %2, %3 read").arg(done).arg(count).arg(humanBytes(read));
            cx.err() << '\r' << line << "\x1b[K" << Qt::flush;
            drew = true;
        });
    }
    cx.wait(job.get());
    QObject::disconnect(job.get(), &LayerStackJob::progress, nullptr, nullptr); // `drew` goes out of scope
    if (drew)
        cx.err() << "\r\x1b[K" << Qt::flush;
    return job;
}

// Docker schema 1 records no layer sizes; a layer read whole and verified has one.
void fillUnknownSizes(InspectedImage &image, const QList<LayerListing> &listings)
{
    QHash<QString, qint64> read;
    for (const LayerListing &listing : listings)
        if (listing.complete)
            read.insert(listing.layer.toString(), listing.compressedSize);
    const auto fill = [&read](Descriptor &layer) {
        if (layer.size < 0)
            layer.size = read.value(layer.digest.toString(), -1);
    };
    for (Descriptor &layer : image.imageManifest.layers)
        fill(layer);
    for (HistoryRow &row : image.history.rows)
        if (row.layer)
            fill(*row.layer);
}

std::unique_ptr<ImageInspectJob> inspect(CliContext &cx, const ImageReference &reference, const std::optional<Platform> &platform)
{
    std::unique_ptr<ImageInspectJob> job(new ImageInspectJob(&cx.registry(), reference, platform));
    cx.wait(job.get());
    return job;
}

// ---------------------------------------------------------------------------------------------
// wharf layers REF: layers, history, efficiency

void printOverview(QTextStream &out, const InspectedImage &image, const LayerStack &stack, const ImageEfficiency &e)
{
    const auto line = [&out](const QString &label, const QString &value) {
        out << QString(label + u':').leftJustified(14) << value << '\n';
    };
    const QList<Descriptor> &layers = image.imageManifest.layers;
    qint64 uncompressed = 0;
    for (const LayerListing &listing : stack.layers())
        uncompressed += listing.uncompressedSize;
    line(Tr::tr("Reference"), image.reference.familiarString());
    line(Tr::tr("Platform"), image.chosen.platform.value_or(Platform()).toString());
    line(Tr::tr("Manifest"), image.manifest.digest.toString());
    line(Tr::tr("Layers"),
         Tr::tr("%1, %2 compressed, %3 as tar, %4 in files")
             .arg(layers.size())
             .arg(humanBytes(image.imageManifest.totalLayerSize()), humanBytes(uncompressed), humanBytes(e.totalBytes)));

    const auto layerSummary = [&](int i) {
        const LayerListing &listing = stack.layer(i);
        QString text = Tr::tr("%1  %2  %n entries, %3 in files", nullptr, entryCount(listing))
                           .arg(layers.at(i).digest.shortForm(), humanBytes(layers.at(i).size), humanBytes(e.layerBytes.value(i)));
        if (e.layerWastedBytes.value(i) > 0)
            text += Tr::tr(", %1 wasted").arg(humanBytes(e.layerWastedBytes.value(i)));
        return text;
    };
    if (!image.history.rows.isEmpty()) {
        out << Tr::tr("History (%1 steps):").arg(image.history.rows.size()) << '\n';
        if (!image.history.instructionsMatchLayers)
            out << Tr::tr("  (the history does not match the layers; layers are listed without their instructions)") << '\n';
        int layer = 0;
        for (const HistoryRow &h : image.history.rows) {
            const QString what = h.layer ? layerSummary(layer++) : Tr::tr("(empty layer)");
            out << "  " << humanDate(h.created) << "  " << what << '\n';
            const QString instruction = h.instruction();
            if (!instruction.isEmpty())
                out << "      " << instruction << '\n';
        }
    } else {
        for (int i = 0; i < layers.size(); ++i)
            out << "  " << layerSummary(i) << '\n';
    }

    out << Tr::tr("Efficiency:") << '\n';
    out << "  " << QString(Tr::tr("Score") + u':').leftJustified(14) << percent(e.score) << '\n';
    out << "  " << QString(Tr::tr("Wasted") + u':').leftJustified(14)
        << Tr::tr("%1 of %2 in files (copies overwritten or deleted by later layers)")
               .arg(humanBytes(e.wastedBytes), humanBytes(e.totalBytes))
        << '\n';
    if (e.offenders.isEmpty())
        return;
    out << Tr::tr("  Worst offenders (%1 of %2):").arg(std::min<qsizetype>(kTextOffenders, e.offenders.size())).arg(e.offenders.size())
        << '\n';
    QList<QStringList> rows;
    for (qsizetype i = 0; i < e.offenders.size() && i < kTextOffenders; ++i) {
        const ImageEfficiency::Offender &o = e.offenders.at(i);
        rows.append(
            {u"    " + humanBytes(o.wastedBytes), QString::number(o.copies), o.removed ? Tr::tr("%1 (removed)").arg(o.path) : o.path});
    }
    out << table({Tr::tr("    WASTED"), Tr::tr("COPIES"), Tr::tr("PATH")}, rows);
}

// ---------------------------------------------------------------------------------------------
// --files / --merged: one tree

QString shownPath(const FileTree &tree, int index)
{
    const FileNode &node = tree.node(index);
    QString path = tree.path(index);
    if (node.isDirectory())
        path += u'/';
    if (node.entry.type == LayerEntry::Type::Symlink)
        path += u" -> " + node.entry.linkTarget;
    else if (node.entry.type == LayerEntry::Type::Hardlink)
        path += Tr::tr(" (hard link to %1)").arg(node.entry.linkTarget);
    else if (node.entry.type == LayerEntry::Type::Whiteout)
        path += Tr::tr(" (whiteout; nothing below)");
    if (node.opaque)
        path += Tr::tr(" (opaque: lower contents hidden)");
    return path;
}

void printTree(QTextStream &out, const InspectedImage &image, const FileTree &tree, const TreeView &view)
{
    if (view.layer >= 0) {
        const Descriptor &d = image.imageManifest.layers.at(view.layer);
        out << Tr::tr("Layer %1 of %2: %3, %4")
                   .arg(view.layer + 1)
                   .arg(image.imageManifest.layers.size())
                   .arg(d.digest.toString(), humanBytes(d.size))
            << '\n';
        int layer = 0;
        for (const HistoryRow &h : image.history.rows) {
            if (!h.layer)
                continue;
            if (layer++ == view.layer && !h.instruction().isEmpty())
                out << "  " << h.instruction() << '\n';
        }
        out << (view.kind == TreeView::Kind::LayerOnly ? Tr::tr("This layer only") : Tr::tr("Merged up to this layer")) << ": "
            << Tr::tr("%1 added (A), %2 modified (M), %3 deleted (D)")
                   .arg(tree.count(FileMark::Added))
                   .arg(tree.count(FileMark::Modified))
                   .arg(tree.count(FileMark::Deleted))
            << '\n';
    } else {
        out << Tr::tr("%1: the merged file system, %2 in files").arg(image.reference.familiarString(), humanBytes(tree.root().totalSize))
            << '\n';
    }
    const bool marks = view.layer >= 0;
    QList<QStringList> rows;
    for (const int i : tree.depthFirst()) {
        const FileNode &n = tree.node(i);
        const LayerEntry &e = n.entry;
        const bool metadata = !n.implied && !e.isDeletion();
        const bool sized = e.type == LayerEntry::Type::File || e.type == LayerEntry::Type::Directory;
        QStringList row;
        if (marks)
            row.append(QString(markLetter(n.mark)));
        row.append(metadata ? fileModeText(e.type, e.mode) : QStringLiteral("-"));
        row.append(metadata ? QStringLiteral("%1:%2").arg(e.uid).arg(e.gid) : QStringLiteral("-"));
        row.append(sized ? humanBytes(n.totalSize) : QString());
        row.append(shownPath(tree, i));
        rows.append(row);
    }
    QStringList header{Tr::tr("MODE"), Tr::tr("OWNER"), Tr::tr("SIZE"), Tr::tr("PATH")};
    if (marks)
        header.prepend(QStringLiteral(" "));
    out << table(header, rows);
}

// ---------------------------------------------------------------------------------------------
// --diff REF2

void printDiff(QTextStream &out, const InspectedImage &from, const InspectedImage &to, const ImageDiff &diff,
               const QHash<QString, qint64> &sizes)
{
    out << QString(Tr::tr("From") + u':').leftJustified(8) << from.reference.familiarString() << "  " << from.manifest.digest.shortForm()
        << '\n';
    out << QString(Tr::tr("To") + u':').leftJustified(8) << to.reference.familiarString() << "  " << to.manifest.digest.shortForm() << '\n';
    const qint64 fromSize = from.imageManifest.totalLayerSize();
    const qint64 toSize = to.imageManifest.totalLayerSize();
    const QString sizeChange = fromSize < 0 || toSize < 0 ? QStringLiteral("-") : signedBytes(toSize - fromSize);
    out << Tr::tr(
               "Layers: %1 in common (the first %2 shared as a base), %3 only in the first, %4 only in the second; %5 → %6 compressed (%7)")
               .arg(diff.commonLayers.size())
               .arg(diff.sharedPrefix)
               .arg(diff.onlyInFrom.size())
               .arg(diff.onlyInTo.size())
               .arg(humanBytes(fromSize), humanBytes(toSize), sizeChange)
        << '\n';
    QList<QStringList> layerRows;
    for (const ImageDiff::Layer &l : diff.commonLayers)
        layerRows.append({QStringLiteral("  ="), l.digest.shortForm(), humanBytes(sizeOf(sizes, l))});
    for (const ImageDiff::Layer &l : diff.onlyInFrom)
        layerRows.append({QStringLiteral("  -"), l.digest.shortForm(), humanBytes(sizeOf(sizes, l))});
    for (const ImageDiff::Layer &l : diff.onlyInTo)
        layerRows.append({QStringLiteral("  +"), l.digest.shortForm(), humanBytes(sizeOf(sizes, l))});
    if (!layerRows.isEmpty())
        out << table({QStringLiteral("  "), Tr::tr("LAYER"), Tr::tr("SIZE")}, layerRows);
    out << Tr::tr("Files: %1 added (%2), %3 removed (%4), %5 changed (%6); %7 → %8 in files (%9)")
               .arg(diff.added)
               .arg(signedBytes(diff.addedBytes))
               .arg(diff.removed)
               .arg(signedBytes(-diff.removedBytes))
               .arg(diff.changed)
               .arg(signedBytes(diff.changedDelta))
               .arg(humanBytes(diff.fromTotalBytes), humanBytes(diff.toTotalBytes), signedBytes(diff.totalDelta()))
        << '\n';
    if (diff.files.isEmpty())
        return;
    QList<QStringList> rows;
    for (const ImageDiff::File &f : diff.files) {
        const LayerEntry &entry = f.to ? *f.to : *f.from;
        QString path = f.path;
        if (entry.type == LayerEntry::Type::Directory)
            path += u'/';
        const QString letter = f.change == ImageDiff::Change::Added ? QStringLiteral("+")
            : f.change == ImageDiff::Change::Removed                ? QStringLiteral("-")
                                                                    : QStringLiteral("~");
        if (f.change == ImageDiff::Change::Changed)
            path += QStringLiteral("  (") + differenceNames(f.differences).join(QStringLiteral(", ")) + u')';
        rows.append({u"  " + letter, f.sizeDelta() != 0 ? signedBytes(f.sizeDelta()) : QString(), path});
    }
    out << table({QStringLiteral("  "), Tr::tr("SIZE"), Tr::tr("PATH (what changed)")}, rows);
}

// An image in Docker or Podman as the layer views know one (EngineImageReader): an engine keeps
// no manifest, so the image ID stands for it and each layer is its diff ID, as stored (a plain tar).
// nullopt after the one error line was printed (`exitCode` says which).
std::optional<std::pair<InspectedImage, LayerStack>> readEngineImage(CliContext &cx, EngineKind kind, const QString &name, int *exitCode)
{
    *exitCode = kExitFailure;
    const auto endpoint = reachEngine(cx, kind);
    if (!endpoint)
        return std::nullopt;
    EngineImageReader::Options options;
    auto contents = EngineImageReader::read(*endpoint, name, options);
    if (!contents) {
        cx.fail(contents.error());
        return std::nullopt;
    }
    // Named as the engine lists it, as the window shows it.
    InspectedImage image = EngineImageJob::inspected(*contents, contents->facts.repoTags.isEmpty() ? name : contents->facts.repoTags.first());
    return std::pair{std::move(image), LayerStack(contents->layers)};
}

// wharf layers docker-daemon:NAME …: the same views, over the engine's export.
int layersOfEngineImage(CliContext &cx, EngineKind kind, const QString &name, const std::optional<LayerSelector> &selector, bool merged,
                        bool files, bool json)
{
    int exitCode = kExitOk;
    auto read = readEngineImage(cx, kind, name, &exitCode);
    if (!read)
        return exitCode;
    const InspectedImage &image = read->first;
    const LayerStack &stack = read->second;
    const QList<Descriptor> &layers = image.imageManifest.layers;

    TreeView view;
    if (selector) {
        const Result<int> index = selectLayer(*selector, layers, name);
        if (!index)
            return cx.fail(index.error());
        view.layer = *index;
        view.kind = merged ? TreeView::Kind::MergedUpTo : TreeView::Kind::LayerOnly;
    }
    if (!files && !merged) {
        const ImageEfficiency efficiency = ImageEfficiency::measure(stack);
        if (json)
            cx.out() << QJsonDocument(layersOverviewJson(image, stack, efficiency)).toJson(QJsonDocument::Indented);
        else
            printOverview(cx.out(), image, stack, efficiency);
        return kExitOk;
    }
    const FileTree tree = view.kind == TreeView::Kind::LayerOnly ? stack.layerTree(view.layer)
        : view.kind == TreeView::Kind::MergedUpTo                ? stack.mergedTree(view.layer)
                                                                 : stack.finalTree();
    if (json)
        cx.out() << QJsonDocument(layersTreeJson(image, stack, tree, view)).toJson(QJsonDocument::Indented);
    else
        printTree(cx.out(), image, tree, view);
    return kExitOk;
}

} // namespace


int layersCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Show an image's layers with the build steps that made them, their sizes and the space they waste; "
               "one layer's files; the merged file system; or what changed from one image to another."));
    parser.addPositionalArgument(QStringLiteral("reference"), Tr::tr("nginx:1.27, ghcr.io/owner/app@sha256:…, localhost:5000/app:tag"));
    parser.addOption({QStringLiteral("platform"), Tr::tr("Platform to show for a multi-platform image (default: this machine's)."),
                      QStringLiteral("os/arch[/variant]")});
    parser.addOption({QStringLiteral("files"),
                      Tr::tr("List one layer's entries: what it added (A), modified (M) and deleted (D). DIGEST is the layer's "
                             "digest or a unique prefix of at least 12 hex digits."),
                      QStringLiteral("DIGEST")});
    parser.addOption(
        {QStringLiteral("merged"), Tr::tr("List the merged file system: up to the layer given with --files, else of the whole image.")});
    parser.addOption({QStringLiteral("diff"), Tr::tr("Compare with another image: layers in common and the files that differ."),
                      QStringLiteral("REF2")});
    parser.addOption(storeOption());
    parser.addOption({QStringLiteral("json"), Tr::tr("Print JSON.")});
    if (const auto done = cx.parse(parser, QStringLiteral("layers"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return cx.usage(Tr::tr(
            "usage: wharf layers REF [--platform os/arch[/variant]] [--files DIGEST] [--merged] [--diff REF2] [--store DIR] [--json]"));
    const bool diffing = parser.isSet(QStringLiteral("diff"));
    const bool files = parser.isSet(QStringLiteral("files"));
    const bool merged = parser.isSet(QStringLiteral("merged"));
    if (diffing && (files || merged))
        return cx.usage(Tr::tr("--diff compares whole images: it cannot be combined with --files or --merged"));
    std::optional<LayerSelector> selector;
    if (files) {
        selector = parseSelector(parser.value(QStringLiteral("files")));
        if (!selector)
            return cx.failUsage(Error(Error::Code::InvalidDigest,
                                      Tr::tr("“%1” is not a layer digest: give sha256:<hex> or at least %2 of its hex digits")
                                          .arg(parser.value(QStringLiteral("files")))
                                          .arg(kMinimumDigestPrefix)));
    }
    // docker-daemon:NAME, containers-storage:NAME: the image's export read straight from the engine.
    const auto engineFrom = engineSource(positional.first());
    const auto engineTo = diffing ? engineSource(parser.value(QStringLiteral("diff"))) : std::nullopt;
    if (diffing && (engineFrom || engineTo)) {
        // "My local build against the Hub's tag": either side may be in an engine, the other in a registry.
        const auto platformArg = cx.platform(parser);
        if (!platformArg)
            return kExitUsage;
        const QString storeRoot = parser.isSet(QStringLiteral("store")) ? parser.value(QStringLiteral("store")) : ImageStore::defaultRoot();
        int exitCode = kExitOk;
        const auto side = [&](const QString &argument) -> std::optional<std::pair<InspectedImage, LayerStack>> {
            if (const auto source = engineSource(argument))
                return readEngineImage(cx, source->first, source->second, &exitCode);
            auto reference = ImageReference::parseDockerRef(argument);
            if (!reference) {
                exitCode = cx.failUsage(reference.error());
                return std::nullopt;
            }
            const auto job = inspect(cx, *reference, *platformArg);
            if (job->error()) {
                exitCode = cx.fail(*job->error());
                return std::nullopt;
            }
            InspectedImage image = job->result();
            const auto listed = listLayers(cx, image, image.imageManifest.layers, storeRoot);
            if (listed->error()) {
                exitCode = cx.fail(*listed->error());
                return std::nullopt;
            }
            fillUnknownSizes(image, listed->listings());
            // Against an engine image, whose layers are known only by diff ID, the registry's are
            // named by diff ID too (and sized uncompressed): the same layer is then in common.
            QList<LayerListing> listings = listed->stack().layers();
            if (image.config && image.config->diffIds.size() == listings.size()) {
                for (qsizetype i = 0; i < listings.size(); ++i) {
                    listings[i].layer = image.config->diffIds.at(i);
                    image.imageManifest.layers[i].digest = image.config->diffIds.at(i);
                    image.imageManifest.layers[i].size = listings.at(i).uncompressedSize;
                }
            }
            return std::pair{std::move(image), LayerStack(std::move(listings))};
        };
        const auto from = side(positional.first());
        if (!from)
            return exitCode;
        const auto to = side(parser.value(QStringLiteral("diff")));
        if (!to)
            return exitCode;
        QHash<QString, qint64> sizes;
        for (const auto *image : {&from->first, &to->first})
            for (const Descriptor &d : image->imageManifest.layers)
                sizes.insert(d.digest.toString(), d.size);
        const ImageDiff diff = ImageDiff::compare(from->second, to->second);
        if (parser.isSet(QStringLiteral("json")))
            cx.out() << QJsonDocument(layersDiffJson(from->first, to->first, diff, sizes)).toJson(QJsonDocument::Indented);
        else
            printDiff(cx.out(), from->first, to->first, diff, sizes);
        return kExitOk;
    }
    if (const auto source = engineFrom) {
        if (parser.isSet(QStringLiteral("platform")))
            return cx.usage(Tr::tr("an image in an engine has one platform: --platform does not apply"));
        return layersOfEngineImage(cx, source->first, source->second, selector, merged, files, parser.isSet(QStringLiteral("json")));
    }
    auto reference = ImageReference::parseDockerRef(positional.first());
    if (!reference)
        return cx.failUsage(reference.error());
    std::optional<ImageReference> other;
    if (diffing) {
        auto parsed = ImageReference::parseDockerRef(parser.value(QStringLiteral("diff")));
        if (!parsed)
            return cx.failUsage(parsed.error());
        other = *parsed;
    }
    const auto platformArg = cx.platform(parser);
    if (!platformArg)
        return kExitUsage;
    const std::optional<Platform> platform = *platformArg;
    const QString storeRoot = parser.isSet(QStringLiteral("store")) ? parser.value(QStringLiteral("store")) : ImageStore::defaultRoot();
    const bool json = parser.isSet(QStringLiteral("json"));

    const auto image = inspect(cx, *reference, platform);
    if (image->error())
        return cx.fail(*image->error());
    InspectedImage inspected = image->result();
    const QList<Descriptor> &layers = inspected.imageManifest.layers;

    if (diffing) {
        const auto otherImage = inspect(cx, *other, platform);
        if (otherImage->error())
            return cx.fail(*otherImage->error());
        const auto fromJob = listLayers(cx, inspected, layers, storeRoot);
        if (fromJob->error())
            return cx.fail(*fromJob->error());
        fillUnknownSizes(inspected, fromJob->listings());
        QHash<QString, LayerListing> known;
        for (const LayerListing &listing : fromJob->listings())
            known.insert(listing.layer.toString(), listing);
        InspectedImage second = otherImage->result();
        const auto toJob = listLayers(cx, second, second.imageManifest.layers, storeRoot, known);
        if (toJob->error())
            return cx.fail(*toJob->error());
        fillUnknownSizes(second, toJob->listings());
        QHash<QString, qint64> sizes;
        for (const Descriptor &d : layers)
            sizes.insert(d.digest.toString(), d.size);
        for (const Descriptor &d : second.imageManifest.layers)
            sizes.insert(d.digest.toString(), d.size);
        const ImageDiff diff = ImageDiff::compare(fromJob->stack(), toJob->stack());
        if (json)
            cx.out() << QJsonDocument(layersDiffJson(inspected, second, diff, sizes)).toJson(QJsonDocument::Indented);
        else
            printDiff(cx.out(), inspected, second, diff, sizes);
        return kExitOk;
    }

    TreeView view;
    if (selector) {
        const Result<int> index = selectLayer(*selector, layers, reference->familiarString());
        if (!index)
            return cx.fail(index.error());
        view.layer = *index;
        view.kind = merged ? TreeView::Kind::MergedUpTo : TreeView::Kind::LayerOnly;
    }
    const QList<Descriptor> needed = view.layer >= 0 ? layers.mid(0, view.layer + 1) : layers;
    const auto listed = listLayers(cx, inspected, needed, storeRoot);
    if (listed->error())
        return cx.fail(*listed->error());
    const LayerStack stack = listed->stack();
    fillUnknownSizes(inspected, listed->listings());

    if (!files && !merged) {
        const ImageEfficiency efficiency = ImageEfficiency::measure(stack);
        if (json)
            cx.out() << QJsonDocument(layersOverviewJson(inspected, stack, efficiency)).toJson(QJsonDocument::Indented);
        else
            printOverview(cx.out(), inspected, stack, efficiency);
        return kExitOk;
    }
    const FileTree tree = view.kind == TreeView::Kind::LayerOnly ? stack.layerTree(view.layer)
        : view.kind == TreeView::Kind::MergedUpTo                ? stack.mergedTree(view.layer)
                                                                 : stack.finalTree();
    if (json)
        cx.out() << QJsonDocument(layersTreeJson(inspected, stack, tree, view)).toJson(QJsonDocument::Indented);
    else
        printTree(cx.out(), inspected, tree, view);
    return kExitOk;
}

} // namespace wharf::cli
