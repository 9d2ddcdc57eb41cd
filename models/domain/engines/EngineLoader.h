#pragma once
// One stored image into a container engine: the docker-archive ImageExporter writes is streamed
// into POST /images/load as it is produced (no temporary archive), then the engine is asked what
// it now holds — the name `docker pull` would have given ("nginx:1.27", "host:5000/app:tag"; for
// Podman, what `podman pull` gives), the config digest as the image ID, the image's OS,
// architecture and variant (where the engine shows a variant: neither Docker 20.10 nor Podman 4.3
// does; the archive's config carries it) — and any difference is an error. An image the engine cannot
// run natively is loaded anyway, with a note about emulation.
//
// Synchronous: EngineLoadJob runs it on a worker thread (the window, `wharf load`, `wharf pull --to`),
// after a pull or while one runs (Options::arrivals; into Docker's own layer store in stages that
// Docker unpacks while the pull runs, Options::inStages). Cancelled (from any thread, through
// Options::cancel) drops the connection before the archive ends, and the engine discards what it
// had received, and the stages it has are removed: no half image.

#include "archive/LayerDecompressor.h"
#include "core/Digest.h"
#include "core/Error.h"
#include "engines/EngineEndpoint.h"
#include "reference/Platform.h"
#include "store/StoredImage.h"

#include <atomic>

namespace wharf {

class BlobArrivals;
class ImageStore;

class EngineLoader
{
public:
    struct Options
    {
        const std::atomic_bool *cancel = nullptr;
        std::atomic<qint64> *sent = nullptr; // archive bytes sent so far, for progress
        std::atomic_bool *archiveSent = nullptr; // set once the whole archive is sent: the engine unpacks from then on
        LayerDecompressor::Limits limits;
        // The image is still being pulled (PullHandle::arrivals(); `image` is PullPlan::storedImage(),
        // its manifest and config already stored): each layer goes to the engine as soon as the pull
        // has committed it, so the engine's copy of the archive overlaps the download, and the
        // archive is only finished once the pull has completed. A failed or cancelled pull ends the
        // load with the pull's error, the connection dropped mid-archive: the engine keeps nothing.
        BlobArrivals *arrivals = nullptr;
        // Following a pull into Docker's own layer store (not its containerd image store), load in
        // stages: each run of layers from the bottom goes in as soon as the store has it, as an
        // untagged stage image that the next stage replaces, so Docker unpacks while the pull
        // runs (Docker's load only unpacks once it has a whole archive). False: one archive.
        bool inStages = true;
    };

    struct Report
    {
        EngineKind kind = EngineKind::Docker;
        QString name; // as `docker pull` names it; empty for an image pulled by digest (loaded untagged)
        Digest id; // the config digest, which the engine showed as the image ID
        Platform platform; // what the engine recorded
        bool variantRecorded = false;
        qint64 bytesSent = 0;
        int stages = 0; // archives sent: 1, or more when loaded in stages
        QString emulationNote; // non-empty when the engine runs on another platform
    };

    // The name the engine's own pull gives: Docker's familiar form ("nginx:1.27" for
    // docker.io/library/nginx:1.27, "user/app:tag", "host:5000/app:tag"); Podman's fully qualified
    // one ("docker.io/library/nginx:1.27": podman pull writes it so, and Podman 4 would file a
    // short name from an archive under localhost/). Empty for a reference without a tag.
    [[nodiscard]] static QString engineName(const QString &reference, EngineKind kind);

    // Errors: those of EngineClient (Denied, EngineUnavailable, Unsupported), of ImageExporter
    // (a damaged store blob), EngineRefused (the engine rejected the archive, or holds something
    // else than what was sent afterwards), Cancelled.
    [[nodiscard]] static Result<Report> load(const ImageStore &store, const StoredImage &image, const EngineEndpoint &endpoint,
                                             const Options &options);

    // "Loaded into Docker as nginx:1.27 (linux/arm64/v8), image ID sha256:…"
    [[nodiscard]] static QString summary(const Report &report);

    // About how many archive bytes a load sends, for a progress bar: the config and the layers as
    // stored (gzip layers go as they are), plus tar headers. Low for zstd layers, which are sent
    // uncompressed. `inStages`: the load may go in stages (into Docker, following a pull), each of
    // which sends a config and a manifest.json of its own. -1 when the manifest cannot be read.
    [[nodiscard]] static qint64 estimateBytes(const ImageStore &store, const StoredImage &image, bool inStages = false);
};

using EngineLoadReport = EngineLoader::Report;

} // namespace wharf
