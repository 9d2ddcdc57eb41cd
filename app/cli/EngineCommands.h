#pragma once
// What `wharf pull --to`, `wharf load` and `wharf images --engine` share: the engine named on the
// command line, and one stored image sent into it with progress on stderr.

#include "engines/EngineEndpoint.h"
#include "store/StoredImage.h"

#include <QString>

#include <optional>
#include <utility>

namespace wharf {
class EngineLoadJob;
class ImageStore;
}

namespace wharf::cli {

class CliContext;

// --to docker|podman (nullopt for "store"), or an exit code after a usage error.
struct EngineTarget
{
    std::optional<EngineKind> kind;
};
[[nodiscard]] std::optional<EngineTarget> engineTarget(CliContext &cx, const QString &value, bool storeAllowed);

// The engine found the way its own client finds it, and answering (GET /_ping): an endpoint, or
// nullopt after "wharf: error: …" was printed.
[[nodiscard]] std::optional<EngineEndpoint> reachEngine(CliContext &cx, EngineKind kind);

// Streams `image` into the engine, then checks what the engine holds; prints the result line on
// stdout. Ctrl+C cancels (the engine keeps nothing). Returns the exit code.
int loadIntoEngine(CliContext &cx, const ImageStore &store, const StoredImage &image, const EngineEndpoint &endpoint);

// "Loading REF (PLATFORM) into Docker at unix://…" on stderr.
void announceEngineLoad(CliContext &cx, const StoredImage &image, const EngineEndpoint &endpoint);
// "Docker: 12 MiB of about 400 MiB sent", or "Docker: sent, unpacking…" once `job` is.
[[nodiscard]] QString engineLoadLine(const EngineLoadJob &job, qint64 sent);
// Runs `job` (started or not) to its end, drawing engineLoadLine() on a terminal; Ctrl+C cancels
// it. Prints the result line on stdout (or the error). Returns the exit code.
int finishEngineLoad(CliContext &cx, EngineLoadJob &job);

// "docker-daemon:NAME" → (Docker, NAME), "containers-storage:NAME" → (Podman, NAME), as skopeo
// names these transports; nullopt for anything else (a registry reference).
[[nodiscard]] std::optional<std::pair<EngineKind, QString>> engineSource(const QString &argument);

// `wharf inspect docker-daemon:NAME`: what the engine says of one image — ID, names, platform,
// created, size, layers (diff IDs), config and build history.
int inspectEngineImage(CliContext &cx, EngineKind kind, const QString &name, bool json);

// `docker image ls` of the engine (with each image's platform): wharf images --engine KIND.
int engineImages(CliContext &cx, EngineKind kind, bool json);

} // namespace wharf::cli
