#include "layers/LayerMapLoader.h"

#include "reference/PlatformMatcher.h"
#include "registry/RegistryClient.h"

namespace wharf {

LayerMapLoader::LayerMapLoader(RegistryClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
}

LayerMapLoader::~LayerMapLoader()
{
    // Quietly: nobody should hear about a map that is going away.
    ++m_generation;
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->cancel();
    }
}

void LayerMapLoader::setRepository(const QString &registry, const QString &repository)
{
    m_registry = registry;
    m_repository = repository;
    m_platforms.clear();
    m_localImages.clear();
    clear();
    setState(repository.isEmpty() ? State::NoRepository : State::Idle);
    Q_EMIT repositoryChanged();
}

void LayerMapLoader::load(const QList<LayerMapSelection> &selections)
{
    cancel();
    m_selections = selections;
    m_problems.clear();
    m_error.reset();
    m_graphIsLocal = false;
    if (const auto local = localChoice(selections)) {
        m_graphIsLocal = true;
        m_graph = LayerGraph::build(*local);
        Q_EMIT graphChanged();
        setState(State::Ready);
        return;
    }
    if (m_repository.isEmpty() || selections.isEmpty() || !m_client) {
        clear();
        return;
    }
    auto *job = new LayerMapJob(m_client, m_registry, m_repository, selections, this);
    job->setMaxConcurrent(m_maxConcurrent);
    job->setMaxImages(m_maxImages);
    const quint64 generation = ++m_generation;
    m_done = 0;
    m_total = 0;
    connect(job, &LayerMapJob::progress, this, [this, generation](int done, int total) {
        if (generation != m_generation)
            return;
        m_done = done;
        m_total = total;
        Q_EMIT progress(done, total);
    });
    connect(job, &Job::finished, this, [this, job, generation] { onFinished(job, generation); });
    m_job = job;
    setState(State::Loading);
    job->start();
}

void LayerMapLoader::setLocalImages(QList<LayerGraph::Image> images)
{
    if (images.isEmpty() && m_localImages.isEmpty())
        return;
    m_localImages = std::move(images);
    for (const LayerGraph::Image &image : std::as_const(m_localImages))
        if (!image.platform.isEmpty() && !m_platforms.contains(image.platform))
            m_platforms.append(image.platform);
    // Map the choice again when what is shown may now come from elsewhere: nothing yet, a failed
    // (offline) load, or a map the previous local images drew.
    if (m_state == State::Idle || m_state == State::Failed || m_graphIsLocal)
        load(m_selections);
}

std::optional<QList<LayerGraph::Image>> LayerMapLoader::localChoice(const QList<LayerMapSelection> &selections) const
{
    if (m_localImages.isEmpty())
        return std::nullopt;
    if (selections.isEmpty())
        return m_localImages;
    QList<LayerGraph::Image> chosen;
    for (const LayerMapSelection &selection : selections) {
        bool found = false;
        for (const LayerGraph::Image &image : m_localImages) {
            if (!image.tags.contains(selection.tag))
                continue;
            const auto platform = Platform::parse(image.platform);
            if (selection.platform && (!platform || !PlatformMatcher::onlyStrict(*selection.platform).matches(*platform)))
                continue;
            found = true;
            const bool listed = std::any_of(chosen.cbegin(), chosen.cend(),
                                            [&image](const LayerGraph::Image &c) { return c.manifestDigest == image.manifestDigest; });
            if (!listed)
                chosen.append(image);
        }
        if (!found)
            return std::nullopt;
    }
    return chosen;
}

void LayerMapLoader::cancel()
{
    ++m_generation; // whatever the job still says is about a choice that is gone
    if (m_job)
        m_job->cancel();
    m_job = nullptr;
    if (m_state == State::Loading)
        setState(m_repository.isEmpty() ? State::NoRepository : State::Idle);
}

void LayerMapLoader::clear()
{
    cancel();
    m_selections.clear();
    m_problems.clear();
    m_error.reset();
    m_graph = LayerGraph();
    m_graphIsLocal = false;
    Q_EMIT graphChanged();
    setState(m_repository.isEmpty() ? State::NoRepository : State::Idle);
}

void LayerMapLoader::onFinished(LayerMapJob *job, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_job = nullptr;
    m_problems = job->problems();
    for (const QString &platform : job->platforms())
        if (!m_platforms.contains(platform))
            m_platforms.append(platform);
    if (job->error()) {
        m_error = *job->error();
        m_graph = LayerGraph();
        Q_EMIT graphChanged();
        setState(State::Failed);
        return;
    }
    m_graph = LayerGraph::build(job->images());
    Q_EMIT graphChanged();
    setState(State::Ready);
}

void LayerMapLoader::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace wharf
