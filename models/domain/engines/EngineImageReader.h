#pragma once
// An image in Docker or Podman read for its files: GET /images/{name}/get (what `docker save`
// writes) streamed straight into the layer reader — no temporary archive, the same caps on a
// hostile archive as a registry layer (LayerReadLimits, for the outer archive and each layer).
// The archive's entries may come in any order and a layer's entry name need not say which layer
// it is (Docker 20.10 writes <v1 id>/layer.tar; Podman <diff_id>.tar; newer engines
// blobs/sha256/<hex>), so every layer-shaped entry is listed while its bytes are hashed here, and
// kept only when the hash is one of the image's diff IDs (from GET /images/{name}/json); the config
// entry is kept only when it hashes to the image ID. Anything the image names but the archive
// lacks is an error. Synchronous; cancel from any thread.

#include "core/Error.h"
#include "documents/ImageConfig.h"
#include "engines/EngineApi.h"
#include "archive/LayerArchiveReader.h"
#include "layers/LayerEntry.h"

#include <atomic>

namespace wharf {

struct EngineImageContents
{
    EngineImage facts; // the engine's inspect
    QByteArray configBytes; // hashes to facts.id
    ImageConfig config;
    QList<LayerListing> layers; // in RootFS order; LayerListing::layer is the diff ID
};

class EngineImageReader
{
public:
    struct Options
    {
        const std::atomic_bool *cancel = nullptr;
        LayerReadLimits limits;
        std::atomic<qint64> *bytesRead = nullptr; // archive bytes so far, for progress
    };

    // Errors: EngineClient's, NotFound (no such image), Unsupported (Podman without its service),
    // MalformedDocument (the archive lacks a layer or the config, or they do not hash right; a
    // layer the reader refuses), the reader's TooLarge, Cancelled.
    [[nodiscard]] static Result<EngineImageContents> read(const EngineEndpoint &endpoint, const QString &name, const Options &options);
};

} // namespace wharf
