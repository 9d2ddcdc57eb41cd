#include "layers/LayerMapJob.h"

#include "documents/DocumentParser.h"
#include "documents/ImageHistory.h"
#include "documents/MediaTypes.h"
#include "reference/PlatformMatcher.h"
#include "registry/BlobJob.h"
#include "registry/ManifestJob.h"
#include "registry/RegistryClient.h"

#include <algorithm>

namespace wharf {

namespace {

// An image's label lists at most this many of its tags, then says how many more.
constexpr int kTagsInLabel = 3;

} // namespace

LayerMapJob::LayerMapJob(RegistryClient *client, QString registry, QString repository, QList<LayerMapSelection> selections, QObject *parent)
    : Job(parent),
      m_client(client),
      m_registry(std::move(registry)),
      m_repository(std::move(repository)),
      m_selections(std::move(selections))
{}

LayerMapJob::~LayerMapJob()
{
    abort();
}

QString LayerMapJob::describe(const QString &tag, const std::optional<Platform> &platform) const
{
    const QString name = m_repository.section(QLatin1Char('/'), -1) + QLatin1Char(':') + tag;
    return platform ? name + QLatin1Char(' ') + platform->toString() : name;
}

void LayerMapJob::run()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the registry client is gone")));
        return;
    }
    // One request per tag, whatever number of platforms of it were chosen.
    QStringList tags;
    QHash<QString, QList<int>> selectionsOf;
    for (int i = 0; i < m_selections.size(); ++i) {
        const QString &tag = m_selections.at(i).tag;
        if (!selectionsOf.contains(tag))
            tags.append(tag);
        selectionsOf[tag].append(i);
    }
    for (const QString &tag : std::as_const(tags)) {
        const QList<int> selections = selectionsOf.value(tag);
        enqueue([this, tag, selections]() -> Job * {
            auto *job = m_client->fetchManifest(m_registry, m_repository, tag);
            connect(job, &Job::finished, this, [this, tag, selections, job] { onTopLevel(tag, selections, job); });
            return job;
        });
    }
    settled();
}

void LayerMapJob::abort()
{
    m_queue.clear();
    const QList<QPointer<Job>> running = std::exchange(m_running, {});
    for (const QPointer<Job> &job : running) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->cancel();
        }
    }
}

void LayerMapJob::enqueue(std::function<Job *()> makeJob)
{
    m_queue.push_back(std::move(makeJob));
    ++m_total;
    pump();
}

void LayerMapJob::pump()
{
    if (!m_client && !isFinished()) {
        abort();
        fail(Error(Error::Code::Cancelled, tr("the registry client is gone")));
        return;
    }
    while (!isFinished() && m_running.size() < m_maxConcurrent && !m_queue.empty()) {
        std::function<Job *()> make = std::move(m_queue.front());
        m_queue.pop_front();
        Job *job = make();
        m_running.append(job);
        m_peak = std::max(m_peak, int(m_running.size()));
        // After the handler make() connected, so its follow-up requests are queued before the
        // count of running requests says whether the work is done.
        connect(job, &Job::finished, this, [this](Job *finished) {
            m_running.removeAll(finished);
            ++m_done;
            Q_EMIT progress(m_done, m_total);
            pump();
            settled();
        });
        job->start();
    }
}

void LayerMapJob::settled()
{
    if (isFinished() || !m_running.isEmpty() || !m_queue.empty())
        return;
    finish();
}

int LayerMapJob::firstSelection(const QString &tag) const
{
    for (int i = 0; i < m_selections.size(); ++i)
        if (m_selections.at(i).tag == tag)
            return i;
    return int(m_selections.size());
}

void LayerMapJob::problem(const QString &what, const Error &error)
{
    m_problems.append(Problem{what, error});
}

int LayerMapJob::addSlot(int selection, int position, const QString &tag, const Descriptor &descriptor)
{
    const QString key = descriptor.digest.toString();
    if (const auto it = m_slotByManifest.constFind(key); it != m_slotByManifest.constEnd()) {
        Slot &existing = m_slots[*it];
        if (!existing.tags.contains(tag))
            existing.tags.append(tag);
        // Answers come in any order; the map keeps the order the tags were chosen in.
        if (std::pair(selection, position) < std::pair(existing.selection, existing.position)) {
            existing.selection = selection;
            existing.position = position;
        }
        return -1;
    }
    if (m_slots.size() >= m_maxImages) {
        if (!m_tooManyReported) {
            m_tooManyReported = true;
            problem(describe(tag, descriptor.platform),
                    Error(Error::Code::TooLarge, tr("only the first %n images are mapped", nullptr, m_maxImages)));
        }
        return -1;
    }
    Slot slot;
    slot.selection = selection;
    slot.position = position;
    slot.tags = {tag};
    slot.descriptor = descriptor;
    m_slots.append(slot);
    m_slotByManifest.insert(key, int(m_slots.size() - 1));
    return int(m_slots.size() - 1);
}

void LayerMapJob::onTopLevel(const QString &tag, const QList<int> &selections, ManifestJob *job)
{
    if (isFinished())
        return;
    if (job->error()) {
        problem(describe(tag), *job->error());
        return;
    }
    const FetchedManifest &fetched = job->result();
    if (const auto *index = std::get_if<ImageIndex>(&*fetched.document)) {
        const QList<Descriptor> runnable = index->platformManifests();
        QList<Platform> candidates;
        for (const Descriptor &d : runnable) {
            const Platform platform = d.platform.value_or(Platform());
            candidates.append(platform);
            // As the index spells it ("linux/arm64/v8"), as the Platforms pane shows it.
            const QString name = platform.toString();
            if (!platform.isEmpty() && !m_platforms.contains(name))
                m_platforms.append(name);
        }
        for (const int selection : selections) {
            const std::optional<Platform> &wanted = m_selections.at(selection).platform;
            QList<qsizetype> chosen;
            if (!wanted) {
                for (qsizetype i = 0; i < runnable.size(); ++i)
                    chosen.append(i);
            } else if (const qsizetype best = PlatformMatcher::onlyStrict(wanted->normalized()).selectBest(candidates); best >= 0) {
                chosen.append(best);
            } else {
                problem(describe(tag, wanted),
                        Error(Error::Code::NoMatchingPlatform, tr("%1 has no image for %2").arg(describe(tag), wanted->toString())));
            }
            for (const qsizetype i : std::as_const(chosen)) {
                const int slot = addSlot(selection, int(i), tag, runnable.at(i));
                if (slot < 0)
                    continue;
                const Descriptor descriptor = runnable.at(i);
                enqueue([this, slot, descriptor]() -> Job * {
                    auto *next = m_client->fetchManifest(m_registry, m_repository, descriptor.digest.toString());
                    connect(next, &Job::finished, this, [this, slot, next] { onPlatformManifest(slot, next); });
                    return next;
                });
            }
        }
        return;
    }

    if (std::holds_alternative<Schema1Manifest>(*fetched.document)) {
        // Node sizes and shared bytes are what the map is made of, and schema 1 records neither.
        problem(describe(tag),
                Error(Error::Code::UnsupportedMediaType,
                      tr("%1 is a Docker schema 1 image, whose manifest records no layer sizes: the map "
                         "leaves it out (the Image pane lists its layers)")
                          .arg(describe(tag))));
        return;
    }
    // A single-platform image: its platform is only known from its config.
    const auto *manifest = std::get_if<ImageManifest>(&*fetched.document);
    if (!manifest) {
        problem(describe(tag), Error(Error::Code::UnsupportedMediaType, tr("%1 is neither an image nor an index").arg(describe(tag))));
        return;
    }
    Descriptor descriptor;
    descriptor.mediaType = fetched.mediaType;
    descriptor.digest = fetched.digest;
    descriptor.size = fetched.size;
    const int slot = addSlot(selections.constFirst(), 0, tag, descriptor);
    if (slot < 0)
        return;
    QList<Platform> wanted;
    for (const int selection : selections) {
        if (!m_selections.at(selection).platform) {
            wanted.clear(); // one selection takes any platform
            break;
        }
        wanted.append(m_selections.at(selection).platform->normalized());
    }
    m_slots[slot].wanted = wanted.isEmpty() ? std::nullopt : std::optional<Platform>(wanted.constFirst());
    m_slots[slot].manifest = *manifest;
    fetchConfig(slot, manifest->config);
}

void LayerMapJob::onPlatformManifest(int slot, ManifestJob *job)
{
    if (isFinished())
        return;
    const Descriptor &expected = m_slots.at(slot).descriptor;
    const QString what = describe(m_slots.at(slot).tags.constFirst(), expected.platform);
    if (job->error()) {
        problem(what, *job->error());
        return;
    }
    const FetchedManifest &fetched = job->result();
    // The index said what this digest is; a registry serving something else is lying (CVE-2021-41190).
    if (fetched.size != expected.size) {
        problem(what,
                Error(Error::Code::SizeMismatch,
                      tr("the manifest for %1 is %2 bytes but the index says %3")
                          .arg(expected.digest.toString())
                          .arg(fetched.size)
                          .arg(expected.size)));
        return;
    }
    auto reparsed = parseManifest(fetched.bytes, expected);
    if (!reparsed) {
        problem(what, reparsed.error());
        return;
    }
    const auto *manifest = std::get_if<ImageManifest>(&*reparsed);
    if (!manifest) {
        problem(what,
                Error(Error::Code::UnsupportedMediaType,
                      tr("%1 points to a nested index, which Wharf does not map").arg(expected.digest.toString())));
        return;
    }
    m_slots[slot].manifest = *manifest;
    fetchConfig(slot, manifest->config);
}

void LayerMapJob::fetchConfig(int slot, const Descriptor &config)
{
    enqueue([this, slot, config]() -> Job * {
        auto *blob = m_client->fetchBlob(m_registry, m_repository, config, kMaxConfigSize);
        connect(blob, &Job::finished, this, [this, slot, blob] { onConfig(slot, blob); });
        return blob;
    });
}

void LayerMapJob::onConfig(int index, BlobJob *job)
{
    if (isFinished())
        return;
    Slot &slot = m_slots[index];
    const QString what = describe(slot.tags.constFirst(), slot.descriptor.platform);
    if (job->error()) {
        problem(what, job->error()->withContext(tr("fetching the image config")));
        return;
    }
    QStringList createdBy(slot.manifest.layers.size());
    Platform platform = slot.descriptor.platform.value_or(Platform());
    if (MediaTypes::isImageConfig(slot.manifest.config.mediaType)) {
        auto config = parseConfig(job->data());
        if (!config) {
            problem(what, config.error().withContext(tr("the image config")));
            return;
        }
        if (!slot.descriptor.platform) {
            platform = Platform{config->os, config->architecture, config->variant, config->osVersion, {}}.normalized();
            if (!platform.isEmpty() && !m_platforms.contains(platform.toString()))
                m_platforms.append(platform.toString());
        }
        const ImageHistory history = mergeHistory(slot.manifest, *config);
        qsizetype layer = 0;
        for (const HistoryRow &row : history.rows) {
            if (!row.layer)
                continue;
            if (layer < createdBy.size())
                createdBy[layer] = row.instruction();
            ++layer;
        }
    }
    if (slot.wanted && !PlatformMatcher::onlyStrict(*slot.wanted).matches(platform)) {
        problem(describe(slot.tags.constFirst(), slot.wanted),
                Error(Error::Code::NoMatchingPlatform,
                      tr("%1 is a single-platform image for %2, not %3")
                          .arg(describe(slot.tags.constFirst()), platform.toString(), slot.wanted->toString())));
        return;
    }
    slot.image.platform = platform.isEmpty() ? QString() : platform.toString();
    slot.image.manifestDigest = slot.descriptor.digest;
    slot.image.layers.reserve(slot.manifest.layers.size());
    for (qsizetype i = 0; i < slot.manifest.layers.size(); ++i) {
        const Descriptor &d = slot.manifest.layers.at(i);
        slot.image.layers.append(LayerGraph::Layer{d.digest, d.size, d.mediaType, createdBy.at(i)});
    }
    slot.done = true;
}

void LayerMapJob::finish()
{
    QList<int> order;
    for (int i = 0; i < m_slots.size(); ++i)
        if (m_slots.at(i).done)
            order.append(i);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        const Slot &x = m_slots.at(a);
        const Slot &y = m_slots.at(b);
        return std::pair(x.selection, x.position) < std::pair(y.selection, y.position);
    });
    for (const int i : std::as_const(order)) {
        LayerGraph::Image image = m_slots.at(i).image;
        image.tags = m_slots.at(i).tags;
        std::stable_sort(image.tags.begin(), image.tags.end(),
                         [this](const QString &a, const QString &b) { return firstSelection(a) < firstSelection(b); });
        QString names = image.tags.mid(0, kTagsInLabel).join(QStringLiteral(", "));
        if (image.tags.size() > kTagsInLabel)
            names = tr("%1 +%n more", nullptr, int(image.tags.size() - kTagsInLabel)).arg(names);
        image.label = image.platform.isEmpty() ? names : names + QLatin1Char(' ') + image.platform;
        m_images.append(std::move(image));
    }
    m_slots.clear();
    if (m_images.isEmpty() && !m_problems.isEmpty()) {
        fail(m_problems.constFirst().error);
        return;
    }
    emitResult();
}

} // namespace wharf
