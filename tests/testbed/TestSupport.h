#pragma once
// Small helpers every integration test needs: run a Wharf job to its end, run a program (wharf,
// skopeo, tar, …) with the test environment while this test's event loop keeps the in-process
// servers answering, and read what it printed.

#include "core/Job.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStringList>

#include <memory>

namespace wharf::testbed {

struct ProgramRun
{
    int exitCode = -1; // -1 also when it did not start; -9 when it was killed
    QByteArray out;
    QByteArray err;

    [[nodiscard]] QJsonObject json() const;
    [[nodiscard]] QList<QByteArray> errLines() const;
};

// The machine's environment made predictable: English messages, no stray Docker credentials or
// store, fast retries.
[[nodiscard]] QProcessEnvironment testEnvironment();

[[nodiscard]] ProgramRun runProgram(const QString &program, const QStringList &arguments,
                                    const QProcessEnvironment &environment = testEnvironment(),
                                    const QByteArray &standardInput = {}, int timeoutMs = 120'000);

// Runs a job to its end (the event loop spins meanwhile) and keeps it for inspection.
template <typename J>
std::unique_ptr<J> runJob(J *job, int timeoutMs = 20'000)
{
    std::unique_ptr<J> owned(job);
    owned->setAutoDelete(false);
    QSignalSpy spy(owned.get(), &Job::finished);
    owned->start();
    if (!owned->isFinished() && !spy.wait(timeoutMs))
        qWarning("job did not finish in %d ms", timeoutMs);
    return owned;
}

// The error code a finished job ended with (Cancelled stands for "no error" in comparisons).
[[nodiscard]] inline Error::Code codeOf(const Job &job)
{
    return job.error() ? job.error()->code() : Error::Code::Cancelled;
}

} // namespace wharf::testbed
