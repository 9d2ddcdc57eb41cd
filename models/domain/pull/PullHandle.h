#pragma once
// The caller's side of one pull (the GUI's or the CLI's thread): the signals of the PullJob
// running on the pull thread arrive here queued, and cancel() reaches the job through a shared
// flag, so the caller never touches an object of another thread.

#include "pull/PullTypes.h"
#include "store/BlobArrivals.h"

#include <QObject>

#include <memory>
#include <optional>

namespace wharf {

class PullHandle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullHandle)
public:
    PullHandle(CancelFlag cancel, std::shared_ptr<BlobArrivals> arrivals, QObject *parent = nullptr)
        : QObject(parent), m_cancel(std::move(cancel)), m_arrivals(std::move(arrivals))
    {
    }

    // Stops the pull soon; finished() still comes, with a Cancelled error. Partial layers stay
    // in the store's ingest area for the next pull to resume.
    void cancel() { m_cancel->store(true); }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const PullOutcome &outcome() const { return m_outcome; }
    // The plan once planned() has come (what a load that follows the pull sends).
    [[nodiscard]] const std::optional<PullPlan> &plan() const { return m_plan; }
    // Each blob of the image as the pull commits it, fed from the pull's own threads without
    // waiting for this one, then closed with the outcome (ImageExporter::Options::arrivals).
    [[nodiscard]] const std::shared_ptr<BlobArrivals> &arrivals() const { return m_arrivals; }

Q_SIGNALS:
    void planned(const wharf::PullPlan &plan);
    void progress(const wharf::PullProgress &progress);
    void finished(const wharf::PullOutcome &outcome);

private:
    friend class PullEngine;
    void finish(const PullOutcome &outcome)
    {
        m_finished = true;
        m_outcome = outcome;
        Q_EMIT finished(outcome);
    }

    CancelFlag m_cancel;
    std::shared_ptr<BlobArrivals> m_arrivals;
    std::optional<PullPlan> m_plan;
    bool m_finished = false;
    PullOutcome m_outcome;
};

} // namespace wharf
