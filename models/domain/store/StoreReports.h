#pragma once
// What ImageStore::collectGarbage(), ImageStore::removeImageWithBlobs() and ImageStore::verify()
// found: counts and bytes for a summary line, and lists the CLI prints one per line (or as JSON).

#include "core/Error.h"
#include "store/StoredImage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wharf {

struct GcReport
{
    int blobsRemoved = 0;
    qint64 bytesRemoved = 0;
    QStringList removedDigests;
    int blobsKept = 0;
    qint64 bytesKept = 0;
    int ingestsRemoved = 0;
    qint64 ingestBytesRemoved = 0;
    // Partial downloads some process is writing right now: never touched.
    int ingestsInUse = 0;
    // Referenced from index.json (or a manifest) but not in blobs/: nothing to collect, but worth
    // knowing; `wharf verify` says which.
    int missingBlobs = 0;
};

// What a removal that frees its blobs did (the window's Delete, `wharf rm --prune`).
struct RemovalReport
{
    QList<StoredImage> removed;
    // Blobs only the removed entries kept (no other entry of index.json, no live lease).
    int blobsRemoved = 0;
    qint64 bytesRemoved = 0;
    QStringList removedDigests;
    // Set when what the other entries keep could not be worked out (one of them cannot be
    // followed): the entries are gone but every blob stayed, as gc would have refused too.
    std::optional<Error> blobsKept;
};

struct VerifyProblem
{
    enum class Kind {
        Corrupt,            // a blob whose bytes do not hash to its name (flipped, truncated)
        SizeMismatch,       // a blob whose length differs from the size a descriptor gives
        Missing,            // referenced from index.json or a manifest, but not in blobs/
        Misnamed,           // a file in blobs/<algorithm>/ whose name is not a valid digest
        Foreign,            // anything else under blobs/: folders, links, unknown algorithms
        BadIndexEntry,      // an index.json entry that is not a usable descriptor
        UnreadableManifest, // a manifest or index blob that does not parse
    };
    Kind kind = Kind::Corrupt;
    // The digest, or the path relative to the store for files without a valid digest name.
    QString subject;
    // One sentence for the user.
    QString detail;

    // "corrupt", "size-mismatch", "missing", "misnamed", "foreign", "bad-index-entry",
    // "unreadable-manifest": stable names for the CLI's JSON.
    [[nodiscard]] static QString kindName(Kind kind);
};

struct VerifyReport
{
    int blobsChecked = 0;
    qint64 bytesChecked = 0;
    int indexEntries = 0;
    QList<VerifyProblem> problems;

    [[nodiscard]] bool isClean() const { return problems.isEmpty(); }
};

} // namespace wharf
