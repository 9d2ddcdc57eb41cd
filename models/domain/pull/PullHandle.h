#pragma once
// The caller's side of one pull (the GUI's or the CLI's thread): the signals of the PullJob
// running on the pull thread arrive here queued, and cancel() reaches the job through a shared
// flag, so the caller never touches an object of another thread.

#include "pull/PullTypes.h"

#include <QObject>

namespace wharf {

class PullHandle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullHandle)
public:
    explicit PullHandle(CancelFlag cancel, QObject *parent = nullptr) : QObject(parent), m_cancel(std::move(cancel)) {}

    // Stops the pull soon; finished() still comes, with a Cancelled error. Partial layers stay
    // in the store's ingest area for the next pull to resume.
    void cancel() { m_cancel->store(true); }
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const PullOutcome &outcome() const { return m_outcome; }

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
    bool m_finished = false;
    PullOutcome m_outcome;
};

} // namespace wharf
