#pragma once
// How much of an image's layer content is dead weight, after dive (wagoodman/dive,
// dive/filetree/efficiency.go and dive/image/analysis.go).
//
// Wharf's figures, from the layers' tar listings (uncompressed file bytes; hard links, directories
// and other entries count zero):
//   totalBytes   the bytes of every file entry of every layer (dive's "discovered" sum);
//   wastedBytes  the bytes of file entries the final image does not show: copies overwritten by a
//                later entry of the same path, or deleted by a whiteout, an opaque directory or a
//                non-directory replacing a directory. A copy a surviving hard link still points to
//                is not wasted.
//   keptBytes    totalBytes - wastedBytes, the files the final image holds;
//   score        keptBytes / totalBytes (1 when there are no file bytes at all).
// dive scores each path by its *smallest* copy (score = Σ min / Σ all copies), which is the same as
// Wharf's unless a path's last copy is larger than an earlier one (a growing file); dive's "wasted
// bytes" sums *every* copy of a path that appears more than once, the surviving one included, and
// a deleted directory counts at the directory. Wharf counts only the copies that cannot be seen,
// per file path, so wastedBytes is what rebuilding the image without them would save.
//
// The offenders are the paths with wasted bytes, most first (then by path): the bytes wasted, how
// many file copies of the path the layers hold (the surviving one included), and whether the path
// is gone from the final image.

#include "layers/LayerEntry.h"

#include <QList>
#include <QString>

namespace wharf {

class LayerStack;

struct ImageEfficiency
{
    struct Offender
    {
        QString path;
        qint64 wastedBytes = 0;
        int copies = 0;       // file entries of this path in all layers
        bool removed = false; // the final image does not have the path
    };

    qint64 totalBytes = 0;
    qint64 wastedBytes = 0;
    qint64 keptBytes = 0;
    double score = 1.0;
    // Per layer, base first: its file bytes, and how many of them the final image does not show.
    QList<qint64> layerBytes;
    QList<qint64> layerWastedBytes;
    QList<Offender> offenders; // every path with waste, most wasted first
    bool complete = true;      // every listing was whole (otherwise the figures cover what was read)

    [[nodiscard]] static ImageEfficiency measure(const LayerStack &layers);
};

} // namespace wharf
