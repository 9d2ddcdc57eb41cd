#pragma once
// The one LayerStackJob a model waits for, and a generation count that tells the current load's
// result from a late one still running on a worker. abandon() disconnects the job from its
// receiver before cancelling it, so a superseded load never reaches the model, and retires every
// result a worker is still computing. Shared by LayerFilesModel, ImageEfficiencyModel and
// ImageDiffModel.

#include <QPointer>

namespace wharf {

class LayerStackJob;

class LayerStackLoad
{
public:
    // The job now loading (the caller connects and starts it).
    void track(LayerStackJob *job);
    // Its finished() has come.
    void done();
    void abandon(const QObject *receiver);

    // Taken before handing work to a worker; isCurrent() when the result comes back.
    [[nodiscard]] quint64 generation() const { return m_generation; }
    [[nodiscard]] bool isCurrent(quint64 generation) const { return generation == m_generation; }

private:
    QPointer<LayerStackJob> m_job;
    quint64 m_generation = 0;
};

} // namespace wharf
