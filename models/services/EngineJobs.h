#pragma once
// The window's side of Docker and Podman: jobs (the Job contract: start from the event loop, one
// finished(), cancel() at any time) over the synchronous engine code, run on the thread pool.
//   EngineLoadJob   — an image into an engine (EngineLoader: streamed, then checked), with
//                     throttled progress (archive bytes sent): one already stored, or one being
//                     pulled, streamed while the pull runs ("Pull to: Docker / Podman"; into Docker
//                     in stages it unpacks meanwhile).
//   EngineImagesJob — the engine's images with their platforms, for Local images.
//   EngineRemoveJob — one image out of the engine (the window asks for confirmation first).
//   EngineImageJob  — one image of the engine read for the panes (EngineImageReader: its export
//                     streamed into the layer reader), presented as an InspectedImage whose layers
//                     are the uncompressed layers (digest = diff ID), with every layer's listing.
//   EngineVersionJob — whether an engine answers, and what it is (for "Pull to: … Docker · Podman":
//                     offer a target that answers, say why one does not).
// The endpoint comes from EngineLocator::locate(kind) (or a test bed). On cancel the worker drops
// the connection at its next step (within ~100 ms); the engine keeps nothing of a cancelled load.

#include "core/Job.h"
#include "engines/EngineApi.h"
#include "engines/EngineImageReader.h"
#include "engines/EngineLoader.h"
#include "pull/PullHandle.h"
#include "registry/ImageInspectJob.h"
#include "store/ImageStore.h"

#include <QList>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

namespace wharf {

class EngineLoadJob final : public Job
{
    Q_OBJECT
public:
    // An image already in the store.
    EngineLoadJob(ImageStore store, StoredImage image, EngineEndpoint endpoint, QObject *parent = nullptr);
    // The image `pull` (just returned by PullEngine::pull, on this thread) is bringing into `store`,
    // streamed to the engine while the pull runs: the archive's config as soon as the pull is
    // planned, then each layer as soon as the pull has verified and committed it (in the order
    // they arrive), its last entry once the pull has completed. Docker then unpacks as it does
    // after `docker load`. image() and expectedBytes() are known from the pull's planned().
    // A pull that fails or is cancelled ends this job with the pull's error (Cancelled), the
    // connection dropped mid-archive: the engine keeps nothing. cancel() cancels the pull too.
    EngineLoadJob(ImageStore store, PullHandle *pull, EngineEndpoint endpoint, QObject *parent = nullptr);
    ~EngineLoadJob() override;

    [[nodiscard]] const StoredImage &image() const { return m_image; }
    [[nodiscard]] const EngineEndpoint &endpoint() const { return m_endpoint; }
    // Valid after a successful finished(): name, ID, platform, emulation note; summary() is the line to show.
    [[nodiscard]] const EngineLoadReport &report() const { return m_report; }

    // About how many bytes the load sends (EngineLoader::estimateBytes), known before start() (a
    // stored image) or from the pull's planned(); -1 until then.
    [[nodiscard]] qint64 expectedBytes() const { return m_expectedBytes; }
    // After unpacking(): everything is sent.
    [[nodiscard]] bool isUnpacking() const { return m_unpacking; }

Q_SIGNALS:
    // Archive bytes handed to the engine so far, and expectedBytes(); at most every 100 ms, from
    // the moment the archive starts (following a pull: once it is planned, first with 0 sent).
    // While a pull runs the bytes sent trail the pull's own progress (a layer is sent once it is
    // whole). expectedBytes is an estimate (a little high): unpacking() says when all is sent.
    void progress(qint64 bytesSent, qint64 expectedBytes);
    // Once: the whole archive is in the engine, which unpacks it now with nothing more to send
    // (seconds for a large image on vfs; a busy indicator's time) before finished().
    void unpacking();

protected:
    void run() override;
    void abort() override;

private:
    void startLoading();

    struct Shared;
    std::shared_ptr<Shared> m_shared;
    ImageStore m_store;
    StoredImage m_image;
    EngineEndpoint m_endpoint;
    QPointer<PullHandle> m_pull; // followed, when the image is still being pulled
    std::shared_ptr<BlobArrivals> m_arrivals;
    bool m_loading = false;
    bool m_unpacking = false;
    EngineLoadReport m_report;
    qint64 m_expectedBytes = -1;
    QTimer m_ticker;
};

class EngineImagesJob final : public Job
{
    Q_OBJECT
public:
    explicit EngineImagesJob(EngineEndpoint endpoint, QObject *parent = nullptr);
    ~EngineImagesJob() override;

    [[nodiscard]] const EngineEndpoint &endpoint() const { return m_endpoint; }
    // GET /images/json, each inspected for its platform (EngineImage::platform).
    [[nodiscard]] const QList<EngineImage> &images() const { return m_images; }

protected:
    void run() override;
    void abort() override;

private:
    std::shared_ptr<std::atomic_bool> m_cancel;
    EngineEndpoint m_endpoint;
    QList<EngineImage> m_images;
};

class EngineVersionJob final : public Job
{
    Q_OBJECT
public:
    explicit EngineVersionJob(EngineEndpoint endpoint, QObject *parent = nullptr);
    ~EngineVersionJob() override;

    [[nodiscard]] const EngineEndpoint &endpoint() const { return m_endpoint; }
    // After success: "Docker Engine - Community" 20.10.24 linux/amd64, "Podman Engine" 4.3.1 …
    [[nodiscard]] const EngineVersion &version() const { return m_version; }

protected:
    void run() override;

private:
    EngineEndpoint m_endpoint;
    EngineVersion m_version;
};

class EngineRemoveJob final : public Job
{
    Q_OBJECT
public:
    // `name`: a tag ("nginx:1.27") or an image ID.
    EngineRemoveJob(EngineEndpoint endpoint, QString name, bool force, QObject *parent = nullptr);
    ~EngineRemoveJob() override;

protected:
    void run() override;

private:
    EngineEndpoint m_endpoint;
    QString m_name;
    bool m_force = false;
};

// An image in Docker or Podman: which engine, where it answers, and the name it is asked by (a
// tag, or the image ID of an untagged image).
struct EngineImageSource
{
    EngineEndpoint endpoint;
    QString name;
    QString imageId; // "sha256:…", when known
};

class EngineImageJob final : public Job
{
    Q_OBJECT
public:
    EngineImageJob(EngineImageSource source, QObject *parent = nullptr);
    ~EngineImageJob() override;

    [[nodiscard]] const EngineImageSource &source() const { return m_source; }
    // Valid after a successful finished().
    [[nodiscard]] const InspectedImage &result() const { return m_result; }
    // One per layer, base first, each complete, keyed by diff ID (as result()'s layers are).
    [[nodiscard]] const QList<LayerListing> &listings() const { return m_listings; }
    [[nodiscard]] const EngineImage &facts() const { return m_facts; }

    // What the panes and `wharf layers docker-daemon:NAME` show of an engine's image: the reference
    // it is named by (`name` when it is one of its tags, else its first tag; none when untagged),
    // the image ID as its digest, an OCI manifest of its uncompressed layers (digest = diff ID,
    // size = the tar's size), and its config and history.
    [[nodiscard]] static InspectedImage inspected(const EngineImageContents &contents, const QString &name);

Q_SIGNALS:
    // Archive bytes read from the engine so far; at most every 100 ms.
    void progress(qint64 bytesRead);

protected:
    void run() override;
    void abort() override;

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    EngineImageSource m_source;
    InspectedImage m_result;
    QList<LayerListing> m_listings;
    EngineImage m_facts;
    QTimer m_ticker;
};

} // namespace wharf
