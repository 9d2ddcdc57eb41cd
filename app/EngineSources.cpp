#include "EngineSources.h"

#include "LocalImagesPane.h"
#include "RepositoryPane.h"
#include "itemmodels/EngineImagesModel.h"
#include "itemmodels/PullListModel.h"
#include "layers/LayerMapLoader.h"
#include "services/BrowseSession.h"
#include "services/EngineTargets.h"
#include "services/StoredImageJob.h"

#include <QLocale>

#include <memory>

namespace wharf {

namespace {

bool sameEndpoint(const EngineEndpoint &a, const EngineEndpoint &b)
{
    return a.transport == b.transport && a.socketPath == b.socketPath && a.program == b.program
        && a.programArguments == b.programArguments;
}

} // namespace

EngineSources::EngineSources(Parts parts, QObject *parent) : QObject(parent), m_parts(std::move(parts))
{
    connect(m_parts.pane, &LocalImagesPane::engineOpenRequested, this, &EngineSources::open);
    connect(m_parts.session, &BrowseSession::resolving, this, &EngineSources::updateSource);
    connect(m_parts.session, &BrowseSession::engineReadProgress, this, [this](qint64 bytesRead) {
        if (const std::optional<EngineImageSource> &source = m_parts.session->engineSource())
            //: %1: an image name, %2: Docker or Podman, %3: a size read so far
            Q_EMIT statusMessage(tr("Reading %1 from %2: %3…")
                                     .arg(source->name, EngineLocator::kindName(source->endpoint.kind),
                                          QLocale().formattedDataSize(bytesRead)));
    });
    connect(m_parts.session, &BrowseSession::resolved, this, [this] {
        updateSource();
        // The engine's image is what the layer map shows of it (its layers by diff ID); the
        // store's actions set the map for the other images.
        if (!m_parts.session->isFromEngine() || !m_parts.layerMap || !m_parts.session->image())
            return;
        LayerMapLoader *map = m_parts.layerMap;
        map->setLocalImages(StoredImageJob::mapImages({*m_parts.session->image()}));
        // A registry load the tag's choice started a moment ago would map the registry's image.
        if (map->state() == LayerMapLoader::State::Loading)
            map->load(map->selections());
    });
    if (m_parts.pulls) {
        connect(m_parts.pulls, &PullListModel::loadFinished, this,
                [this](const QString &, EngineKind kind, const EngineLoadReport &, const std::optional<Error> &error) {
                    if (!error)
                        m_parts.pane->engineImagesChanged(kind);
                });
    }
    if (!m_parts.targets) {
        for (const EngineKind kind : EngineTargets::kinds)
            m_parts.pane->setEngine(kind, nullptr, tr("No container engine is set for this window"));
        return;
    }
    connect(m_parts.targets, &EngineTargets::changed, this, &EngineSources::onTargetChanged);
    for (const EngineKind kind : EngineTargets::kinds)
        onTargetChanged(kind);
}

void EngineSources::onTargetChanged(EngineKind kind)
{
    EngineImagesModel *&model = m_models.at(static_cast<size_t>(kind));
    const EngineTargets::State state = m_parts.targets->state(kind);
    const auto endpoint = m_parts.targets->endpoint(kind);
    const bool same = model && endpoint && sameEndpoint(model->endpoint(), *endpoint);
    // Asked again (View → Refresh, the window opening): the list stays while the engine is asked.
    if (state == EngineTargets::State::Checking && same)
        return;
    if (state == EngineTargets::State::Ready && endpoint) {
        // Another endpoint: a new list; the old one goes once the pane shows the new one.
        std::unique_ptr<EngineImagesModel> old;
        if (!same) {
            old.reset(std::exchange(model, new EngineImagesModel(*endpoint, this)));
            connect(model, &EngineImagesModel::removeFinished, this,
                    [this, kind](const EngineImageRemoval &removal) { onRemoved(kind, removal); });
        }
        m_parts.pane->setEngine(kind, model, m_parts.targets->description(kind));
        model->refresh();
        return;
    }
    m_parts.pane->setEngine(kind, nullptr, m_parts.targets->description(kind));
    delete std::exchange(model, nullptr);
}

void EngineSources::open(EngineKind kind, int row)
{
    EngineImagesModel *model = this->model(kind);
    const auto image = model ? model->image(row) : std::nullopt;
    if (!image)
        return;
    EngineImageSource source;
    source.endpoint = model->endpoint();
    source.name = model->index(row, 0).data(EngineImagesModel::NameRole).toString();
    source.imageId = image->id;
    if (source.name.isEmpty())
        source.name = image->id; // untagged: by its ID
    Q_EMIT openRequested(source);
    //: %1: an image name, %2: Docker or Podman
    Q_EMIT statusMessage(tr("Opening %1 from %2…").arg(source.name, EngineLocator::kindName(kind)));
}

void EngineSources::onRemoved(EngineKind kind, const EngineImageRemoval &removal)
{
    const QString engine = EngineLocator::kindName(kind);
    if (removal.error)
        //: %1: an image name, %2: Docker or Podman, %3: why (the engine's own words)
        Q_EMIT statusMessage(tr("Could not remove %1 from %2: %3").arg(removal.name, engine, removal.error->message()));
    else
        //: %1: an image name, %2: Docker or Podman
        Q_EMIT statusMessage(tr("Removed %1 from %2").arg(removal.name, engine));
}

void EngineSources::updateSource()
{
    if (!m_parts.repositoryPane)
        return;
    const std::optional<EngineImageSource> &source = m_parts.session->engineSource();
    if (!source) {
        m_parts.repositoryPane->setSource({});
        return;
    }
    const QString engine = EngineLocator::kindName(source->endpoint.kind);
    const auto id = Digest::parse(source->imageId);
    if (!id || source->name == source->imageId)
        //: where the image on show is from: %1 Docker or Podman, %2 its image ID
        m_parts.repositoryPane->setSource(tr("%1 · untagged image %2").arg(engine, id ? id->shortForm() : source->imageId));
    else
        //: where the image on show is from: %1 Docker or Podman, %2 its name, %3 its image ID
        m_parts.repositoryPane->setSource(tr("%1 · %2, image ID %3").arg(engine, source->name, id->shortForm()));
}

} // namespace wharf
