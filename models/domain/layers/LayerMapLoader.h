#pragma once
// What the layer map pane shows, and the one object that fetches it: the repository in view, the
// tags × platforms chosen, and the LayerGraph built from them by a LayerMapJob. A new load cancels
// the one in flight, and answers about an earlier repository or choice are dropped. The pane reads
// state(), graph() and problems(); the window only calls setRepository() when a repository is
// picked (the pane's chooser calls load()).

#include "core/Error.h"
#include "layers/LayerGraph.h"
#include "layers/LayerMapJob.h"

#include <QObject>
#include <QPointer>

namespace wharf {

class RegistryClient;

class LayerMapLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerMapLoader)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
public:
    enum class State {
        NoRepository, // nothing to map yet
        Idle,         // a repository, but nothing chosen (or the choice was cleared)
        Loading,
        Ready,        // graph() holds the map (which may be empty when the tags have no layers)
        Failed,       // errorMessage() says why
    };
    Q_ENUM(State)

    explicit LayerMapLoader(RegistryClient *client, QObject *parent = nullptr);
    ~LayerMapLoader() override;

    // `registry` is the reference's domain (as RegistryClient takes it), `repository` its path.
    // Clears the map; does not load anything.
    void setRepository(const QString &registry, const QString &repository);
    [[nodiscard]] const QString &registry() const { return m_registry; }
    [[nodiscard]] const QString &repository() const { return m_repository; }

    // Fetches and maps these tags × platforms (replacing the map). An empty list clears it.
    void load(const QList<LayerMapSelection> &selections);
    // Images of this repository that the local store keeps (StoredImageJob::mapImages): a choice
    // they all cover is mapped from them with no request, and an empty choice maps them all, so a
    // stored image has a map offline. An empty list forgets them (the image on show is the
    // registry's again), as does setRepository().
    void setLocalImages(QList<LayerGraph::Image> images);
    void cancel();
    void clear();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const LayerGraph &graph() const { return m_graph; }
    [[nodiscard]] const QList<LayerMapSelection> &selections() const { return m_selections; }
    [[nodiscard]] const QList<LayerMapJob::Problem> &problems() const { return m_problems; }
    // Every platform the mapped tags offer, for a platform chooser.
    [[nodiscard]] const QStringList &platforms() const { return m_platforms; }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }
    [[nodiscard]] QString errorMessage() const { return m_error ? m_error->message() : QString(); }
    // Requests done and known so far while Loading.
    [[nodiscard]] int progressDone() const { return m_done; }
    [[nodiscard]] int progressTotal() const { return m_total; }

    // Requests in flight at once; images mapped at most (LayerMapJob's defaults otherwise).
    void setMaxConcurrent(int requests) { m_maxConcurrent = requests; }
    void setMaxImages(int images) { m_maxImages = images; }

Q_SIGNALS:
    // setRepository() was called: whatever was chosen belonged to the previous repository.
    void repositoryChanged();
    void stateChanged(wharf::LayerMapLoader::State state);
    void progress(int done, int total);
    // The graph was replaced (also when it was cleared).
    void graphChanged();

private:
    void setState(State state);
    void onFinished(LayerMapJob *job, quint64 generation);
    // The local images `selections` ask for; nullopt when one of them has none.
    [[nodiscard]] std::optional<QList<LayerGraph::Image>> localChoice(const QList<LayerMapSelection> &selections) const;

    QPointer<RegistryClient> m_client;
    QString m_registry;
    QString m_repository;
    QList<LayerMapSelection> m_selections;
    QList<LayerGraph::Image> m_localImages;
    bool m_graphIsLocal = false; // graph() was drawn from m_localImages
    State m_state = State::NoRepository;
    LayerGraph m_graph;
    QList<LayerMapJob::Problem> m_problems;
    QStringList m_platforms;
    std::optional<Error> m_error;
    QPointer<LayerMapJob> m_job;
    quint64 m_generation = 0;
    int m_done = 0;
    int m_total = 0;
    int m_maxConcurrent = LayerMapJob::kDefaultMaxConcurrent;
    int m_maxImages = LayerMapJob::kDefaultMaxImages;
};

} // namespace wharf
