#pragma once
// Docker and Podman as sources of images in the window: the Local images pane lists each engine
// that answers (an EngineImagesModel per engine, made when EngineTargets says it answers, dropped
// when it no longer does), says why one does not, and opens, refreshes and removes what they hold.
// Opening an engine's image is the session's (BrowseSession::openEngine()): this object names
// where the image is from in the Repository pane ("Docker · multi:latest, image ID sha256:…"),
// gives the layer map the image, and says in the status bar how far the read is and how a removal
// went. After a pull into
// an engine ("Pull to: Docker"), that engine's list is read again.

#include "engines/EngineEndpoint.h"
#include "services/EngineJobs.h"

#include <QObject>

#include <array>

namespace wharf {

class BrowseSession;
class EngineImagesModel;
class EngineTargets;
class LayerMapLoader;
class LocalImagesPane;
class PullListModel;
class RepositoryPane;
struct EngineImageRemoval;

class EngineSources final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineSources)
public:
    // None of it is owned; `targets` may be null (no engines: both tabs say so).
    struct Parts
    {
        EngineTargets *targets = nullptr;
        LocalImagesPane *pane = nullptr;
        BrowseSession *session = nullptr;
        RepositoryPane *repositoryPane = nullptr;
        LayerMapLoader *layerMap = nullptr;
        PullListModel *pulls = nullptr; // its loads into an engine refresh that engine's list
    };

    EngineSources(Parts parts, QObject *parent);

    // The engine's images, while it answers; null otherwise.
    [[nodiscard]] EngineImagesModel *model(EngineKind kind) const { return m_models.at(static_cast<size_t>(kind)); }

Q_SIGNALS:
    void statusMessage(const QString &message);
    // The person asked to open an engine's image: the window resets its panes for the image's
    // repository and has the session open it.
    void openRequested(const wharf::EngineImageSource &source);

private:
    void onTargetChanged(EngineKind kind);
    void open(EngineKind kind, int row);
    void onRemoved(EngineKind kind, const EngineImageRemoval &removal);
    // What the Repository pane says about where the image on show is from.
    void updateSource();

    Parts m_parts;
    std::array<EngineImagesModel *, 2> m_models{};
};

} // namespace wharf
