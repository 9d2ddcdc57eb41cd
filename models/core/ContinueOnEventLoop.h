#pragma once
// Hands a worker's result to a QObject from the event loop, always. QFuture::then(context, …) calls
// its continuation straight away when the work has already finished by the time it is attached, so
// a model's refreshed()/pullCostChanged() could otherwise fire inside the very call that asked for
// it; the models promise their callers a signal from the event loop, as a Job does.

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace wharf {

template <typename T, typename Handler>
void continueOnEventLoop(QFuture<T> future, QObject *context, Handler handler)
{
    // A watcher owned by `context`, not a continuation: Qt 6.4 asserts in then(context, …) when the
    // context is deleted before the work ends (which a cancelled job's worker routinely outlives),
    // and a then() without a context crashed in the worker thread (QPromise::start on an empty
    // interface, qfuture_impl.h) when the work ended just as it was attached — seen with listings
    // already in hand, whose tree is built in microseconds. The watcher's signal always comes
    // through the event loop (also for work already finished), on the context's thread, and never
    // after the context is gone (the watcher goes with it).
    if (!context)
        return;
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, handler = std::move(handler)]() mutable {
        watcher->deleteLater();
        const QFuture<T> done = watcher->future();
        if (done.isCanceled() || done.resultCount() < 1)
            return; // the work threw, or was cancelled: no result to hand over
        handler(done.result());
    });
    watcher->setFuture(std::move(future));
}

} // namespace wharf
