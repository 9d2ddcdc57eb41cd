#pragma once
// What a pull is asked to do, what it found it must fetch (the plan, known before any layer
// moves), how far it has got (throttled progress), and what it produced. Plain values that cross
// threads by queued signals.

#include "core/Error.h"
#include "documents/Descriptor.h"
#include "reference/ImageReference.h"
#include "reference/Platform.h"
#include "store/StoredImage.h"

#include <QList>
#include <QMetaType>

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>

namespace wharf {

struct PullRequest
{
    ImageReference reference;          // normalised (ImageReference::parseDockerRef)
    std::optional<Platform> platform;  // this machine's when absent (containerd's default matcher)
    // The digest the person was shown for `reference` (its index's or its manifest's): the pull
    // resolves that, not whatever the tag points to by now, and still names the image `reference`.
    std::optional<Digest> pinned;
    int jobs = 4;                      // layers downloaded at once
    // Layers handed out base first (each still to the least-loaded download) instead of largest
    // first: an engine loading in stages (EngineLoader) unpacks them bottom up as they arrive.
    bool baseFirst = false;
};

struct PullBlob
{
    enum class State { Present, Waiting, Downloading, Done, Failed };
    Descriptor descriptor;
    State state = State::Waiting;
    bool isConfig = false;
    qint64 resumedFrom = 0; // bytes a previous, interrupted pull left in the ingest
    qint64 received = 0;    // bytes of this blob in the ingest now
    QString cachedFile;     // a copy listing it left in the LayerBlobCache: copied in, not fetched
};

struct PullPlan
{
    QString reference;
    Platform platform;
    Descriptor manifest;
    QString indexDigest;
    QList<PullBlob> blobs;   // config first, then the layers, base first
    qint64 bytesToFetch = 0; // what will really cross the network: missing blobs less resumable bytes
    qint64 bytesPresent = 0; // blobs already in the store, whichever registry they came from
    qint64 bytesCached = 0;  // layers a listing downloaded (LayerBlobCache), copied in, not fetched
    int blobsPresent = 0;    // the config included

    // The image the pull adds to the store's index when it completes (pulledAt then).
    [[nodiscard]] StoredImage storedImage() const
    {
        StoredImage image;
        image.reference = reference;
        image.platform = platform;
        image.manifest = manifest;
        image.indexDigest = indexDigest;
        return image;
    }

    // The layers alone, as people count them.
    [[nodiscard]] int layerCount() const { return int(blobs.size()) - (blobs.isEmpty() ? 0 : 1); }
    [[nodiscard]] int layersPresent() const
    {
        return int(std::count_if(blobs.cbegin(), blobs.cend(),
                                 [](const PullBlob &b) { return !b.isConfig && b.state == PullBlob::State::Present; }));
    }
    // The layers a listing downloaded, copied in rather than fetched.
    [[nodiscard]] int layersCached() const
    {
        return int(std::count_if(blobs.cbegin(), blobs.cend(), [](const PullBlob &b) { return !b.cachedFile.isEmpty(); }));
    }
};

struct PullProgress
{
    qint64 bytesToFetch = 0;
    qint64 bytesFetched = 0;
    double bytesPerSecond = 0;
    int etaSeconds = -1; // unknown
    QList<PullBlob> blobs;
};

struct PullResult
{
    StoredImage image;
    qint64 bytesFetched = 0;
    int blobsFetched = 0;
    int blobsPresent = 0;  // the config included
    int layersPresent = 0;
    qint64 elapsedMs = 0;
};

struct PullOutcome
{
    std::optional<Error> error;
    PullResult result;
};

// Shared between the caller's handle and the threads doing the work: the only thing that crosses
// threads in that direction, so cancelling never races with an object's deletion.
using CancelFlag = std::shared_ptr<std::atomic_bool>;

} // namespace wharf

Q_DECLARE_METATYPE(wharf::PullPlan)
Q_DECLARE_METATYPE(wharf::PullProgress)
Q_DECLARE_METATYPE(wharf::PullOutcome)
