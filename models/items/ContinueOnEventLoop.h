#pragma once
// Hands a worker's result to a QObject from the event loop, always. QFuture::then(context, …) calls
// its continuation straight away when the work has already finished by the time it is attached, so
// a model's refreshed()/pullCostChanged() could otherwise fire inside the very call that asked for
// it; the models promise their callers a signal from the event loop, as a Job does.

#include <QFuture>
#include <QMetaObject>
#include <QObject>

#include <utility>

namespace wharf {

template <typename T, typename Handler>
void continueOnEventLoop(QFuture<T> future, QObject *context, Handler handler)
{
    // The first hop follows `context`'s lifetime (dropped if it is gone), the second makes it queued.
    future.then(context, [context, handler = std::move(handler)](T result) mutable {
        QMetaObject::invokeMethod(
            context, [handler = std::move(handler), result = std::move(result)]() mutable { handler(result); },
            Qt::QueuedConnection);
    });
}

} // namespace wharf
