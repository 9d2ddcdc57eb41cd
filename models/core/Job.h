#pragma once
// The contract every asynchronous operation in Wharf follows (after KDE's KJob): start() returns
// at once and the work begins from the event loop; cancel() may be called at any time; exactly one
// finished() is emitted, also on cancel; error() tells how it ended. With autoDelete (the default)
// the job deletes itself after finished(), so read results inside the finished handler.

#include "core/Error.h"

#include <QObject>

#include <optional>

namespace wharf {

class Job : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)
public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    void start();
    void cancel();

    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] bool isCancelled() const { return m_cancelled; }
    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }
    [[nodiscard]] bool succeeded() const { return m_finished && !m_error; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

Q_SIGNALS:
    void finished(wharf::Job *job);

protected:
    // Called from the event loop after start(). Must eventually call emitResult() or fail().
    virtual void run() = 0;
    // Stop any work in flight. The base class emits finished() with a Cancelled error afterwards.
    virtual void abort() {}

    void emitResult();
    void fail(const Error &error);

private:
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_autoDelete = true;
    std::optional<Error> m_error;
};

} // namespace wharf
