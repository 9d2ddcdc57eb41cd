#pragma once
// Fetches what the layer map draws: for each chosen tag of one repository, its manifest (an index
// is followed to each runnable platform manifest, or only to the platform asked for; attestations
// are never mapped), then each image's config for the build history, joined with the layers
// (mergeHistory). At most maxConcurrent() requests are in flight. Every document is verified by
// ManifestJob/BlobJob, and a platform manifest must have the size its index gives.
//
// Tags naming the same manifest (aliases) become one image carrying all their names. A selection
// that cannot be mapped (an unknown tag, a platform the tag lacks) is a problem, not a failure:
// the map shows the rest and problems() says what is missing. The job fails only when nothing at
// all could be mapped (with the first problem's error), or on cancel. Images come in selection
// order, platforms in index order.

#include "core/Job.h"
#include "documents/Descriptor.h"
#include "documents/ImageManifest.h"
#include "layers/LayerGraph.h"
#include "reference/Platform.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <deque>
#include <functional>
#include <optional>

namespace wharf {

class BlobJob;
class ManifestJob;
class RegistryClient;

struct LayerMapSelection
{
    QString tag;
    std::optional<Platform> platform; // none: every runnable platform of the tag

    friend bool operator==(const LayerMapSelection &, const LayerMapSelection &) = default;
};

class LayerMapJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerMapJob)
public:
    struct Problem
    {
        QString what; // "multi:latest", "multi:latest linux/s390x"
        Error error;
    };

    static constexpr int kDefaultMaxConcurrent = 4;
    static constexpr int kDefaultMaxImages = 64;

    LayerMapJob(RegistryClient *client, QString registry, QString repository, QList<LayerMapSelection> selections,
                QObject *parent = nullptr);
    ~LayerMapJob() override;

    void setMaxConcurrent(int requests) { m_maxConcurrent = std::max(1, requests); }
    [[nodiscard]] int maxConcurrent() const { return m_maxConcurrent; }
    // More images than this are not fetched (a problem says so): a map of hundreds is unreadable.
    void setMaxImages(int images) { m_maxImages = std::max(1, images); }

    // Valid once finished.
    [[nodiscard]] const QList<LayerGraph::Image> &images() const { return m_images; }
    [[nodiscard]] const QList<Problem> &problems() const { return m_problems; }
    // Every runnable platform the tags offer ("os/arch[/variant]"), in order of first appearance.
    [[nodiscard]] const QStringList &platforms() const { return m_platforms; }
    // The most requests that were in flight at once (for tests of the concurrency cap).
    [[nodiscard]] int peakConcurrent() const { return m_peak; }

Q_SIGNALS:
    // Requests finished of those known so far (the total grows as indexes are read).
    void progress(int done, int total);

protected:
    void run() override;
    void abort() override;

private:
    // One image to map: a platform manifest of an index, or a tag's single manifest.
    struct Slot
    {
        int selection = 0;      // the first selection that asked for it (ordering)
        int position = 0;       // its place in the index (ordering)
        QStringList tags;
        Descriptor descriptor;  // of the platform manifest (index entries: known before it is fetched)
        std::optional<Platform> wanted; // a single manifest's platform must match this
        ImageManifest manifest;
        bool done = false;
        LayerGraph::Image image;
    };

    void enqueue(std::function<Job *()> makeJob);
    void pump();
    void settled();
    void onTopLevel(const QString &tag, const QList<int> &selections, ManifestJob *job);
    void onPlatformManifest(int slot, ManifestJob *job);
    void onConfig(int slot, BlobJob *job);
    int addSlot(int selection, int position, const QString &tag, const Descriptor &descriptor);
    void fetchConfig(int slot, const Descriptor &config);
    void problem(const QString &what, const Error &error);
    [[nodiscard]] int firstSelection(const QString &tag) const;
    void finish();
    [[nodiscard]] QString describe(const QString &tag, const std::optional<Platform> &platform = std::nullopt) const;

    QPointer<RegistryClient> m_client;
    QString m_registry;
    QString m_repository;
    QList<LayerMapSelection> m_selections;
    int m_maxConcurrent = kDefaultMaxConcurrent;
    int m_maxImages = kDefaultMaxImages;

    std::deque<std::function<Job *()>> m_queue;
    QList<QPointer<Job>> m_running;
    int m_done = 0;
    int m_total = 0;
    int m_peak = 0;
    QList<Slot> m_slots;
    QHash<QString, int> m_slotByManifest; // platform manifest digest → slot
    bool m_tooManyReported = false;

    QList<LayerGraph::Image> m_images;
    QList<Problem> m_problems;
    QStringList m_platforms;
};

} // namespace wharf
