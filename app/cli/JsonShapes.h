#pragma once
// This module owns every stable --json shape the CLI prints (documented in the README): one function
// per document, so a shape is changed in one place and reads the same in every command. The pieces
// several documents share (a platform, a descriptor, a manifest) are here too.

#include "cli/LayerViews.h"
#include "documents/Descriptor.h"
#include "layers/ImageDiff.h"
#include "reference/Platform.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace wharf {
class FileTree;
class ImageReference;
class LayerStack;
struct FetchedManifest;
struct GcReport;
struct HubSearchResult;
struct ImageEfficiency;
struct InspectedImage;
struct StoredImage;
struct TagInfo;
struct VerifyReport;
} // namespace wharf

namespace wharf::cli {

// null for an empty string, the string otherwise
[[nodiscard]] QJsonValue orNull(const QString &s);
// {"os", "architecture", "variant", "os.version"}, absent parts as null
[[nodiscard]] QJsonObject platformJson(const Platform &p);
// null for a size that is not known (negative: Docker schema 1 records none), the size otherwise
[[nodiscard]] QJsonValue sizeOrNull(qint64 size);
// {"digest", "mediaType", "size"}; all null for a descriptor of nothing (no valid digest)
[[nodiscard]] QJsonObject descriptorJson(const Descriptor &d);
[[nodiscard]] QJsonObject manifestJson(const FetchedManifest &m);

// wharf inspect: the index with its platforms and attestations, the chosen manifest, config, layers and history.
[[nodiscard]] QJsonObject inspectJson(const InspectedImage &image);

// wharf tags: `source` is "hub" or "registry"; `leftOut` counts tags known but not shown, -1 when
// how many more exist is unknown.
[[nodiscard]] QJsonObject tagsJson(const ImageReference &repo, const QString &source, const QList<TagInfo> &tags, qsizetype leftOut);

// wharf search: Docker Hub's results (`total` as Docker Hub counts them), or a registry's catalog matches.
[[nodiscard]] QJsonObject hubSearchJson(const QString &query, qint64 total, const QList<HubSearchResult> &results);
[[nodiscard]] QJsonObject catalogSearchJson(const QString &registry, const QString &query, const QList<HubSearchResult> &matches);

// wharf images (an array, one object per image; `sizes` parallel to `images`), wharf gc, wharf verify.
[[nodiscard]] QJsonArray imagesJson(const QList<StoredImage> &images, const QList<ImageSizes> &sizes);
[[nodiscard]] QJsonObject gcJson(const GcReport &report);
[[nodiscard]] QJsonObject verifyJson(const VerifyReport &report);

// wharf layers: layers, history and efficiency; --files / --merged: one tree; --diff REF2.
[[nodiscard]] QJsonObject layersOverviewJson(const InspectedImage &image, const LayerStack &stack, const ImageEfficiency &efficiency);
[[nodiscard]] QJsonObject layersTreeJson(const InspectedImage &image, const LayerStack &stack, const FileTree &tree, const TreeView &view);
[[nodiscard]] QJsonObject layersDiffJson(const InspectedImage &from, const InspectedImage &to, const ImageDiff &diff,
                                         const QHash<QString, qint64> &sizes);
// The "efficiency" object of layersOverviewJson: score, bytes and the worst offenders.
[[nodiscard]] QJsonObject efficiencyJson(const ImageEfficiency &efficiency);
// What differs about a changed path ("type", "size", "mode", …); the text output lists the same names.
[[nodiscard]] QStringList differenceNames(ImageDiff::Differences d);

} // namespace wharf::cli
