#pragma once
// The few Engine API calls Wharf makes, on Docker or Podman alike (Podman answers Docker's paths;
// a Podman endpoint with no service is asked through its program instead, PodmanCli):
// who the engine is, its images (`docker image ls`), one image's facts (`docker image inspect`),
// removing one, and loading a docker-archive streamed as it is produced. Synchronous, over
// EngineClient; JSON answers are capped (16 MiB) and read defensively.

#include "core/Digest.h"
#include "core/Error.h"
#include "engines/EngineClient.h"
#include "reference/Platform.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <utility>

namespace wharf {

struct EngineVersion
{
    QString name; // "Docker Engine - Community", "Podman Engine"
    QString version;
    QString os; // the engine's own platform: what it runs without emulation
    QString architecture;
};

struct EngineImage
{
    QString id; // "sha256:…": the config digest
    QStringList repoTags; // "nginx:1.27" (Docker), "docker.io/library/nginx:1.27" (Podman); empty when untagged
    QStringList repoDigests;
    QDateTime created;
    qint64 size = 0;
    // From inspect (list() leaves these empty; inspect() fills them).
    Platform platform; // Docker 20.10 records no variant
    bool variantRecorded = false; // the engine's answer had a Variant key
    QStringList diffIds; // RootFS.Layers
    QJsonObject config; // inspect's Config: Env, Entrypoint, Cmd, WorkingDir, User, ExposedPorts, Labels…

    // One of repoTags as `docker image ls` shows it: "nginx:1.27" → ("nginx", "1.27");
    // "host:5000/app" (no tag) → ("host:5000/app", "").
    [[nodiscard]] static std::pair<QString, QString> splitName(const QString &name);
};

// How the engine keeps images (GET /info).
struct EngineStorage
{
    QString driver; // "overlay2", "vfs", "overlayfs" (the containerd snapshotter)…
    // Docker's containerd image store (Docker ≥ 24, `driver-type: io.containerd.snapshotter.v1`),
    // whose load is containerd's import rather than the layer store's.
    bool containerdImageStore = false;
};

// One build step, newest first (GET /images/{name}/history, `docker history`).
struct EngineHistoryStep
{
    QString id; // the image of this step, or "<missing>"
    QDateTime created;
    QString createdBy;
    qint64 size = 0; // bytes its layer adds; 0 for a step that made none
    QString comment;
};

class EngineApi
{
public:
    static constexpr qint64 kMaxJson = 16 * 1024 * 1024;

    explicit EngineApi(EngineEndpoint endpoint, const std::atomic_bool *cancel = nullptr);

    [[nodiscard]] const EngineEndpoint &endpoint() const { return m_client.endpoint(); }

    // GET /_ping; the connection errors of EngineClient.
    [[nodiscard]] Result<void> ping();
    [[nodiscard]] Result<EngineVersion> version();
    // GET /info, what it says of storage.
    [[nodiscard]] Result<EngineStorage> storage();
    // GET /images/json, in the engine's order.
    [[nodiscard]] Result<QList<EngineImage>> images();
    // GET /images/{name}/json; NotFound when the engine has no such image.
    [[nodiscard]] Result<EngineImage> inspect(const QString &name);
    // GET /images/{name}/history, newest step first.
    [[nodiscard]] Result<QList<EngineHistoryStep>> history(const QString &name);
    // DELETE /images/{name}; NotFound, or EngineRefused (in use by a container without force).
    [[nodiscard]] Result<void> remove(const QString &name, bool force = false);
    // POST /images/load with the docker-archive `writeArchive` produces. The names the engine says
    // it loaded ("Loaded image: x:tag", "Loaded image ID: sha256:…"); EngineRefused with the
    // engine's own words when it rejects the archive (it says so in the body of a 200).
    [[nodiscard]] Result<QStringList> load(const std::function<Result<void>(QIODevice &)> &writeArchive,
                                           std::atomic<qint64> *sent = nullptr);

private:
    [[nodiscard]] bool usesCli() const;
    Result<QJsonValue> getJson(const QString &path);
    [[nodiscard]] Error statusError(const EngineClient::Response &response, const QString &what) const;

    EngineClient m_client;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace wharf
