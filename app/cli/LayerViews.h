#pragma once
// What the commands work out about an image's layers before printing it, read alike by their text
// output and their --json shape (JsonShapes.h): how a stored image's layer bytes split (`wharf
// images`), which file tree `wharf layers` shows, and the sizes it reports for a listing and a layer.

#include "layers/ImageDiff.h"
#include "layers/LayerEntry.h"

#include <QHash>
#include <QString>

namespace wharf::cli {

// Layer bytes of one image, split into what no other stored image uses and what it shares, and
// the bytes on disk deleting it frees (StoreUsage, the rule the window's Local images pane uses).
struct ImageSizes
{
    qint64 total = -1;
    qint64 shared = 0;
    qint64 unique = 0;
    int layers = 0;
    qint64 freeable = 0;
};

// --files / --merged: one layer's entries, the file system merged up to a layer, or the whole image's.
struct TreeView
{
    enum class Kind { LayerOnly, MergedUpTo, Image } kind = Kind::Image;
    int layer = -1;
};

inline int entryCount(const LayerListing &listing)
{
    return int(listing.entries.size());
}

// A diff layer's compressed size as a manifest gives it (`sizes`: digest → size), else the bytes its listing read.
inline qint64 sizeOf(const QHash<QString, qint64> &sizes, const ImageDiff::Layer &layer)
{
    return sizes.value(layer.digest.toString(), layer.size);
}

} // namespace wharf::cli
