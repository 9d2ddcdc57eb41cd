// The CLI's --json documents (see JsonShapes.h); the shapes are documented in the README and kept stable.

#include "cli/JsonShapes.h"

#include "services/SearchSource.h"

#include "hub/HubTypes.h"
#include "layers/FileModeText.h"
#include "layers/FileTree.h"
#include "layers/ImageEfficiency.h"
#include "layers/LayerStack.h"
#include "reference/ImageReference.h"
#include "registry/ImageInspectJob.h"
#include "registry/ManifestJob.h"
#include "services/TagSource.h"
#include "store/StoreReports.h"
#include "store/StoredImage.h"

#include <QDateTime>

namespace wharf::cli {

namespace {

constexpr int kJsonOffenders = 100;

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

// The build steps; with `layerIndex`, each step's place among the layers too (wharf layers).
QJsonArray historyJson(const ImageHistory &history, bool layerIndex)
{
    QJsonArray array;
    int layer = 0;
    for (const HistoryRow &h : history.rows) {
        QJsonObject o{{QStringLiteral("created"), h.created.isValid() ? QJsonValue(h.created.toUTC().toString(Qt::ISODate)) : QJsonValue()},
                      {QStringLiteral("createdBy"), h.createdBy},
                      {QStringLiteral("comment"), orNull(h.comment)},
                      {QStringLiteral("emptyLayer"), h.emptyLayer}};
        o.insert(QStringLiteral("layer"), h.layer ? QJsonValue(h.layer->digest.toString()) : QJsonValue());
        if (layerIndex)
            o.insert(QStringLiteral("layerIndex"), h.layer ? QJsonValue(layer++) : QJsonValue());
        o.insert(QStringLiteral("size"), h.layer ? sizeOrNull(h.layer->size) : QJsonValue(0));
        array.append(o);
    }
    return array;
}

QString typeName(LayerEntry::Type type)
{
    switch (type) {
    case LayerEntry::Type::File:
        return QStringLiteral("file");
    case LayerEntry::Type::Directory:
        return QStringLiteral("directory");
    case LayerEntry::Type::Symlink:
        return QStringLiteral("symlink");
    case LayerEntry::Type::Hardlink:
        return QStringLiteral("hardlink");
    case LayerEntry::Type::CharDevice:
        return QStringLiteral("char");
    case LayerEntry::Type::BlockDevice:
        return QStringLiteral("block");
    case LayerEntry::Type::Fifo:
        return QStringLiteral("fifo");
    case LayerEntry::Type::Whiteout:
        return QStringLiteral("whiteout");
    case LayerEntry::Type::OpaqueDirectory:
        return QStringLiteral("opaque");
    }
    return {};
}

QJsonValue markName(FileMark mark)
{
    switch (mark) {
    case FileMark::Added:
        return QStringLiteral("added");
    case FileMark::Modified:
        return QStringLiteral("modified");
    case FileMark::Deleted:
        return QStringLiteral("deleted");
    case FileMark::None:
        break;
    }
    return QJsonValue();
}

QString octalMode(quint32 mode)
{
    return QStringLiteral("%1").arg(mode & 07777, 4, 8, QLatin1Char('0'));
}

QString viewName(TreeView::Kind kind)
{
    switch (kind) {
    case TreeView::Kind::LayerOnly:
        return QStringLiteral("layer");
    case TreeView::Kind::MergedUpTo:
        return QStringLiteral("merged");
    case TreeView::Kind::Image:
        return QStringLiteral("image");
    }
    return {};
}

QString changeName(ImageDiff::Change change)
{
    switch (change) {
    case ImageDiff::Change::Added:
        return QStringLiteral("added");
    case ImageDiff::Change::Removed:
        return QStringLiteral("removed");
    case ImageDiff::Change::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

} // namespace

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonObject platformJson(const Platform &p)
{
    return QJsonObject{{QStringLiteral("os"), p.os},
                       {QStringLiteral("architecture"), p.architecture},
                       {QStringLiteral("variant"), orNull(p.variant)},
                       {QStringLiteral("os.version"), orNull(p.osVersion)}};
}

QJsonValue sizeOrNull(qint64 size)
{
    return size < 0 ? QJsonValue() : QJsonValue(size);
}

QJsonObject descriptorJson(const Descriptor &d)
{
    if (!d.digest.isValid()) // no blob at all (a schema 1 image's config)
        return QJsonObject{{QStringLiteral("digest"), QJsonValue()},
                           {QStringLiteral("mediaType"), QJsonValue()},
                           {QStringLiteral("size"), QJsonValue()}};
    return QJsonObject{{QStringLiteral("digest"), d.digest.toString()},
                       {QStringLiteral("mediaType"), d.mediaType},
                       {QStringLiteral("size"), sizeOrNull(d.size)}};
}

QJsonObject manifestJson(const FetchedManifest &m)
{
    return QJsonObject{{QStringLiteral("digest"), m.digest.toString()},
                       {QStringLiteral("mediaType"), m.mediaType},
                       {QStringLiteral("size"), m.size}};
}

// ---------------------------------------------------------------------------------------------
// wharf inspect

QJsonObject inspectJson(const InspectedImage &r)
{
    QJsonObject root;
    root.insert(QStringLiteral("reference"), r.reference.toString());
    if (r.index) {
        QJsonArray platforms;
        for (const Descriptor &d : r.platforms) {
            QJsonObject o = descriptorJson(d);
            o.insert(QStringLiteral("platform"), platformJson(d.platform.value_or(Platform())));
            platforms.append(o);
        }
        QJsonArray attestations;
        for (const Descriptor &d : r.attestations) {
            QJsonObject o = descriptorJson(d);
            o.insert(QStringLiteral("attests"), orNull(d.attestedDigest().toString()));
            attestations.append(o);
        }
        QJsonObject index = manifestJson(*r.index);
        index.insert(QStringLiteral("platforms"), platforms);
        index.insert(QStringLiteral("attestations"), attestations);
        root.insert(QStringLiteral("index"), index);
    } else {
        root.insert(QStringLiteral("index"), QJsonValue());
    }
    root.insert(QStringLiteral("platform"), platformJson(r.chosen.platform.value_or(Platform())));
    root.insert(QStringLiteral("manifest"), manifestJson(r.manifest));
    QJsonObject config = descriptorJson(r.configDescriptor);
    if (r.config) {
        const ImageConfig &c = *r.config;
        QJsonObject labels;
        for (auto it = c.config.labels.cbegin(); it != c.config.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        config.insert(QStringLiteral("architecture"), c.architecture);
        config.insert(QStringLiteral("os"), c.os);
        config.insert(QStringLiteral("variant"), orNull(c.variant));
        config.insert(QStringLiteral("created"), c.created.isValid() ? QJsonValue(c.created.toUTC().toString(Qt::ISODate)) : QJsonValue());
        config.insert(QStringLiteral("author"), orNull(c.author));
        config.insert(QStringLiteral("user"), orNull(c.config.user));
        config.insert(QStringLiteral("env"), strings(c.config.env));
        config.insert(QStringLiteral("entrypoint"), strings(c.config.entrypoint));
        config.insert(QStringLiteral("cmd"), strings(c.config.cmd));
        config.insert(QStringLiteral("workingDir"), orNull(c.config.workingDir));
        config.insert(QStringLiteral("exposedPorts"), strings(c.config.exposedPorts));
        config.insert(QStringLiteral("volumes"), strings(c.config.volumes));
        config.insert(QStringLiteral("stopSignal"), orNull(c.config.stopSignal));
        config.insert(QStringLiteral("labels"), labels);
    }
    root.insert(QStringLiteral("config"), config);

    QJsonArray layers;
    for (qsizetype i = 0; i < r.imageManifest.layers.size(); ++i) {
        QJsonObject o = descriptorJson(r.imageManifest.layers[i]);
        const bool haveDiffIds = r.config && r.config->diffIds.size() == r.imageManifest.layers.size();
        o.insert(QStringLiteral("diffId"), haveDiffIds ? QJsonValue(r.config->diffIds[i].toString()) : QJsonValue());
        layers.append(o);
    }
    root.insert(QStringLiteral("layers"), layers);
    root.insert(QStringLiteral("history"), historyJson(r.history, false));
    root.insert(QStringLiteral("historyMatchesLayers"), r.history.instructionsMatchLayers);
    return root;
}

// ---------------------------------------------------------------------------------------------
// wharf tags

QJsonObject tagsJson(const ImageReference &repo, const QString &source, const QList<TagInfo> &tags, qsizetype leftOut)
{
    const bool more = leftOut != 0;
    QJsonArray array;
    for (const TagInfo &t : tags) {
        QJsonObject o{{QStringLiteral("name"), t.name}};
        o.insert(QStringLiteral("digest"), t.digest.isEmpty() ? QJsonValue() : QJsonValue(t.digest));
        o.insert(QStringLiteral("mediaType"), t.mediaType.isEmpty() ? QJsonValue() : QJsonValue(t.mediaType));
        o.insert(QStringLiteral("size"), t.size < 0 ? QJsonValue() : QJsonValue(t.size));
        o.insert(QStringLiteral("lastPushed"),
                 t.lastPushed.isValid() ? QJsonValue(t.lastPushed.toUTC().toString(Qt::ISODate)) : QJsonValue());
        if (t.detailsKnown) {
            QJsonArray platforms;
            for (const TagPlatform &p : t.platforms) {
                QJsonObject entry{{QStringLiteral("platform"), platformJson(p.platform)}};
                entry.insert(QStringLiteral("digest"), p.digest.isEmpty() ? QJsonValue() : QJsonValue(p.digest));
                platforms.append(entry);
            }
            o.insert(QStringLiteral("platforms"), platforms);
        } else {
            o.insert(QStringLiteral("platforms"), QJsonValue());
        }
        array.append(o);
    }
    QJsonObject document{{QStringLiteral("repository"), repo.name()},
                         {QStringLiteral("source"), source},
                         {QStringLiteral("more"), more},
                         {QStringLiteral("tags"), array}};
    document.insert(QStringLiteral("leftOut"), leftOut >= 0 ? QJsonValue(leftOut) : QJsonValue());
    return document;
}

// ---------------------------------------------------------------------------------------------
// wharf search

QJsonObject hubSearchJson(const QString &query, qint64 total, const QList<HubSearchResult> &results)
{
    QJsonArray array;
    for (const HubSearchResult &r : results)
        array.append(QJsonObject{{QStringLiteral("name"), r.name},
                                 {QStringLiteral("namespace"), r.namespaceName},
                                 {QStringLiteral("repository"), r.repository},
                                 {QStringLiteral("description"), r.description},
                                 {QStringLiteral("stars"), r.stars},
                                 {QStringLiteral("pulls"), r.pulls},
                                 {QStringLiteral("official"), r.official},
                                 {QStringLiteral("verified"), r.verified},
                                 {QStringLiteral("automated"), r.automated},
                                 {QStringLiteral("open_source"), r.openSource},
                                 {QStringLiteral("hardened"), r.hardened},
                                 {QStringLiteral("private"), r.isPrivate},
                                 {QStringLiteral("reference"), search::hubResultReference(r)},
                                 {QStringLiteral("operating_systems"), QJsonArray::fromStringList(r.operatingSystems)},
                                 {QStringLiteral("architectures"), QJsonArray::fromStringList(r.architectures)},
                                 {QStringLiteral("updated"), r.updated.isValid() ? QJsonValue(r.updated.toString(Qt::ISODate)) : QJsonValue()}});
    return QJsonObject{{QStringLiteral("registry"), QStringLiteral("docker.io")},
                       {QStringLiteral("query"), query},
                       {QStringLiteral("total"), total},
                       {QStringLiteral("results"), array}};
}

QJsonObject catalogSearchJson(const QString &registry, const QString &query, const QList<HubSearchResult> &matches)
{
    QJsonArray array;
    for (const HubSearchResult &match : matches)
        array.append(
            QJsonObject{{QStringLiteral("name"), match.name}, {QStringLiteral("repository"), QString(registry + u'/' + match.name)}});
    return QJsonObject{{QStringLiteral("registry"), registry},
                       {QStringLiteral("query"), query},
                       {QStringLiteral("total"), matches.size()},
                       {QStringLiteral("results"), array}};
}

// ---------------------------------------------------------------------------------------------
// wharf images, gc, verify

QJsonArray imagesJson(const QList<StoredImage> &images, const QList<ImageSizes> &sizes)
{
    QJsonArray list;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const StoredImage &image = images.at(i);
        const ImageSizes &s = sizes[i];
        list.append(QJsonObject{
            {QStringLiteral("reference"), image.reference},
            {QStringLiteral("refName"), image.refName},
            {QStringLiteral("platform"), orNull(image.platform.toString())},
            {QStringLiteral("manifest"), descriptorJson(image.manifest)},
            {QStringLiteral("index"), orNull(image.indexDigest)},
            {QStringLiteral("pulled"), image.pulledAt.isValid() ? QJsonValue(image.pulledAt.toUTC().toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("layers"), s.total < 0 ? QJsonValue() : QJsonValue(s.layers)},
            {QStringLiteral("size"), s.total < 0 ? QJsonValue() : QJsonValue(s.total)},
            {QStringLiteral("sharedBytes"), s.total < 0 ? QJsonValue() : QJsonValue(s.shared)},
            {QStringLiteral("uniqueBytes"), s.total < 0 ? QJsonValue() : QJsonValue(s.unique)},
            {QStringLiteral("freeableBytes"), s.freeable},
        });
    }
    return list;
}

QJsonObject gcJson(const GcReport &report)
{
    return QJsonObject{
        {QStringLiteral("blobsRemoved"), report.blobsRemoved},
        {QStringLiteral("bytesRemoved"), report.bytesRemoved},
        {QStringLiteral("removed"), QJsonArray::fromStringList(report.removedDigests)},
        {QStringLiteral("blobsKept"), report.blobsKept},
        {QStringLiteral("bytesKept"), report.bytesKept},
        {QStringLiteral("ingestsRemoved"), report.ingestsRemoved},
        {QStringLiteral("ingestBytesRemoved"), report.ingestBytesRemoved},
        {QStringLiteral("ingestsInUse"), report.ingestsInUse},
        {QStringLiteral("missingBlobs"), report.missingBlobs},
    };
}

QJsonObject verifyJson(const VerifyReport &report)
{
    QJsonArray problems;
    for (const VerifyProblem &p : report.problems)
        problems.append(QJsonObject{{QStringLiteral("kind"), VerifyProblem::kindName(p.kind)},
                                    {QStringLiteral("subject"), p.subject},
                                    {QStringLiteral("detail"), p.detail}});
    return QJsonObject{{QStringLiteral("ok"), report.isClean()},
                       {QStringLiteral("blobsChecked"), report.blobsChecked},
                       {QStringLiteral("bytesChecked"), report.bytesChecked},
                       {QStringLiteral("indexEntries"), report.indexEntries},
                       {QStringLiteral("problems"), problems}};
}

// ---------------------------------------------------------------------------------------------
// wharf layers REF: layers, history, efficiency

QJsonObject efficiencyJson(const ImageEfficiency &e)
{
    QJsonArray offenders;
    for (qsizetype i = 0; i < e.offenders.size() && i < kJsonOffenders; ++i) {
        const ImageEfficiency::Offender &o = e.offenders.at(i);
        offenders.append(QJsonObject{{QStringLiteral("path"), o.path},
                                     {QStringLiteral("wastedBytes"), o.wastedBytes},
                                     {QStringLiteral("copies"), o.copies},
                                     {QStringLiteral("removed"), o.removed}});
    }
    return QJsonObject{{QStringLiteral("score"), e.score},
                       {QStringLiteral("totalBytes"), e.totalBytes},
                       {QStringLiteral("keptBytes"), e.keptBytes},
                       {QStringLiteral("wastedBytes"), e.wastedBytes},
                       {QStringLiteral("inefficientPaths"), qint64(e.offenders.size())},
                       {QStringLiteral("offenders"), offenders}};
}

QJsonObject layersOverviewJson(const InspectedImage &image, const LayerStack &stack, const ImageEfficiency &e)
{
    QJsonObject root;
    root.insert(QStringLiteral("reference"), image.reference.toString());
    root.insert(QStringLiteral("platform"), platformJson(image.chosen.platform.value_or(Platform())));
    root.insert(QStringLiteral("manifest"), manifestJson(image.manifest));
    QJsonArray layers;
    const QList<Descriptor> &descriptors = image.imageManifest.layers;
    const bool haveDiffIds = image.config && image.config->diffIds.size() == descriptors.size();
    for (int i = 0; i < descriptors.size(); ++i) {
        QJsonObject o = descriptorJson(descriptors.at(i));
        const LayerListing &listing = stack.layer(i);
        o.insert(QStringLiteral("index"), i);
        o.insert(QStringLiteral("diffId"), haveDiffIds ? QJsonValue(image.config->diffIds.at(i).toString()) : QJsonValue());
        o.insert(QStringLiteral("uncompressedSize"), listing.uncompressedSize);
        o.insert(QStringLiteral("entries"), entryCount(listing));
        o.insert(QStringLiteral("fileBytes"), e.layerBytes.value(i));
        o.insert(QStringLiteral("wastedBytes"), e.layerWastedBytes.value(i));
        layers.append(o);
    }
    root.insert(QStringLiteral("layers"), layers);
    root.insert(QStringLiteral("history"), historyJson(image.history, true));
    root.insert(QStringLiteral("historyMatchesLayers"), image.history.instructionsMatchLayers);
    root.insert(QStringLiteral("efficiency"), efficiencyJson(e));
    return root;
}

// ---------------------------------------------------------------------------------------------
// wharf layers --files / --merged: one tree

QJsonObject layersTreeJson(const InspectedImage &image, const LayerStack &stack, const FileTree &tree, const TreeView &view)
{
    QJsonObject root;
    root.insert(QStringLiteral("reference"), image.reference.toString());
    root.insert(QStringLiteral("platform"), platformJson(image.chosen.platform.value_or(Platform())));
    root.insert(QStringLiteral("manifest"), manifestJson(image.manifest));
    if (view.layer >= 0) {
        QJsonObject layer = descriptorJson(image.imageManifest.layers.at(view.layer));
        layer.insert(QStringLiteral("index"), view.layer);
        root.insert(QStringLiteral("layer"), layer);
    } else {
        root.insert(QStringLiteral("layer"), QJsonValue());
    }
    root.insert(QStringLiteral("view"), viewName(view.kind));
    root.insert(QStringLiteral("complete"), stack.isComplete(view.layer));
    root.insert(QStringLiteral("counts"),
                QJsonObject{{QStringLiteral("added"), tree.count(FileMark::Added)},
                            {QStringLiteral("modified"), tree.count(FileMark::Modified)},
                            {QStringLiteral("deleted"), tree.count(FileMark::Deleted)}});
    QJsonArray entries;
    for (const int i : tree.depthFirst()) {
        const FileNode &n = tree.node(i);
        const LayerEntry &e = n.entry;
        const bool metadata = !n.implied && !e.isDeletion();
        entries.append(QJsonObject{
            {QStringLiteral("path"), tree.path(i)},
            {QStringLiteral("type"), typeName(e.type)},
            {QStringLiteral("size"), n.totalSize},
            {QStringLiteral("mode"), metadata ? QJsonValue(octalMode(e.mode)) : QJsonValue()},
            {QStringLiteral("permissions"), metadata ? QJsonValue(fileModeText(e.type, e.mode)) : QJsonValue()},
            {QStringLiteral("uid"), metadata ? QJsonValue(e.uid) : QJsonValue()},
            {QStringLiteral("gid"), metadata ? QJsonValue(e.gid) : QJsonValue()},
            {QStringLiteral("mtime"),
             metadata ? QJsonValue(QDateTime::fromSecsSinceEpoch(e.mtime, Qt::UTC).toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("linkTarget"), orNull(e.linkTarget)},
            {QStringLiteral("mark"), markName(n.mark)},
            {QStringLiteral("opaque"), n.opaque},
            {QStringLiteral("implied"), n.implied},
            {QStringLiteral("layer"), n.layer >= 0 ? QJsonValue(stack.layer(n.layer).layer.toString()) : QJsonValue()},
        });
    }
    root.insert(QStringLiteral("entries"), entries);
    return root;
}

// ---------------------------------------------------------------------------------------------
// wharf layers --diff REF2

QStringList differenceNames(ImageDiff::Differences d)
{
    QStringList names;
    const std::pair<ImageDiff::Difference, const char *> all[] = {{ImageDiff::Difference::Type, "type"},
                                                                  {ImageDiff::Difference::Size, "size"},
                                                                  {ImageDiff::Difference::Mode, "mode"},
                                                                  {ImageDiff::Difference::Owner, "owner"},
                                                                  {ImageDiff::Difference::LinkTarget, "linkTarget"},
                                                                  {ImageDiff::Difference::MTime, "mtime"},
                                                                  {ImageDiff::Difference::Layer, "layer"}};
    for (const auto &[flag, name] : all)
        if (d.testFlag(flag))
            names.append(QLatin1StringView(name));
    return names;
}

QJsonObject layersDiffJson(const InspectedImage &from, const InspectedImage &to, const ImageDiff &diff, const QHash<QString, qint64> &sizes)
{
    const auto side = [](const InspectedImage &image) {
        return QJsonObject{{QStringLiteral("reference"), image.reference.toString()},
                           {QStringLiteral("manifest"), image.manifest.digest.toString()},
                           {QStringLiteral("platform"), platformJson(image.chosen.platform.value_or(Platform()))}};
    };
    const auto layerList = [&sizes](const QList<ImageDiff::Layer> &layers, bool fromSide) {
        QJsonArray array;
        for (const ImageDiff::Layer &l : layers)
            array.append(QJsonObject{{QStringLiteral("digest"), l.digest.toString()},
                                     {QStringLiteral("size"), sizeOrNull(sizeOf(sizes, l))},
                                     {QStringLiteral("index"), fromSide ? l.fromIndex : l.toIndex}});
        return array;
    };
    QJsonArray common;
    for (const ImageDiff::Layer &l : diff.commonLayers)
        common.append(QJsonObject{{QStringLiteral("digest"), l.digest.toString()},
                                  {QStringLiteral("size"), sizeOrNull(sizeOf(sizes, l))},
                                  {QStringLiteral("fromIndex"), l.fromIndex},
                                  {QStringLiteral("toIndex"), l.toIndex}});
    const qint64 fromSize = from.imageManifest.totalLayerSize();
    const qint64 toSize = to.imageManifest.totalLayerSize();
    QJsonArray entries;
    for (const ImageDiff::File &f : diff.files) {
        entries.append(QJsonObject{
            {QStringLiteral("path"), f.path},
            {QStringLiteral("change"), changeName(f.change)},
            {QStringLiteral("fromType"), f.from ? QJsonValue(typeName(f.from->type)) : QJsonValue()},
            {QStringLiteral("toType"), f.to ? QJsonValue(typeName(f.to->type)) : QJsonValue()},
            {QStringLiteral("fromSize"), f.from ? QJsonValue(f.fromSize()) : QJsonValue()},
            {QStringLiteral("toSize"), f.to ? QJsonValue(f.toSize()) : QJsonValue()},
            {QStringLiteral("sizeDelta"), f.sizeDelta()},
            {QStringLiteral("differences"), QJsonArray::fromStringList(differenceNames(f.differences))},
            {QStringLiteral("fromLayer"), f.fromLayer.isValid() ? QJsonValue(f.fromLayer.toString()) : QJsonValue()},
            {QStringLiteral("toLayer"), f.toLayer.isValid() ? QJsonValue(f.toLayer.toString()) : QJsonValue()},
        });
    }
    return QJsonObject{
        {QStringLiteral("from"), side(from)},
        {QStringLiteral("to"), side(to)},
        {QStringLiteral("layers"),
         QJsonObject{{QStringLiteral("sharedPrefix"), diff.sharedPrefix},
                     {QStringLiteral("common"), common},
                     {QStringLiteral("onlyInFrom"), layerList(diff.onlyInFrom, true)},
                     {QStringLiteral("onlyInTo"), layerList(diff.onlyInTo, false)},
                     {QStringLiteral("fromSize"), sizeOrNull(fromSize)},
                     {QStringLiteral("toSize"), sizeOrNull(toSize)},
                     {QStringLiteral("sizeDelta"), fromSize < 0 || toSize < 0 ? QJsonValue() : QJsonValue(toSize - fromSize)}}},
        {QStringLiteral("files"),
         QJsonObject{{QStringLiteral("added"), diff.added},
                     {QStringLiteral("removed"), diff.removed},
                     {QStringLiteral("changed"), diff.changed},
                     {QStringLiteral("addedBytes"), diff.addedBytes},
                     {QStringLiteral("removedBytes"), diff.removedBytes},
                     {QStringLiteral("changedDelta"), diff.changedDelta},
                     {QStringLiteral("fromSize"), diff.fromTotalBytes},
                     {QStringLiteral("toSize"), diff.toTotalBytes},
                     {QStringLiteral("sizeDelta"), diff.totalDelta()},
                     {QStringLiteral("complete"), diff.complete},
                     {QStringLiteral("entries"), entries}}},
    };
}

} // namespace wharf::cli
