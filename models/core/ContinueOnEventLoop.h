#pragma once
// Hands a worker's result to a QObject from the event loop, always. QFuture::then(context, …) calls
// its continuation straight away when the work has already finished by the time it is attached, so
// a model's refreshed()/pullCostChanged() could otherwise fire inside the very call that asked for
// it; the models promise their callers a signal from the event loop, as a Job does.

#include <QCoreApplication>
#include <QFuture>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <utility>

namespace wharf {

template <typename T, typename Handler>
void continueOnEventLoop(QFuture<T> future, QObject *context, Handler handler)
{
    // Not future.then(context, …): Qt 6.4 asserts there (qfuture_impl.h, Q_ASSERT(context)) when the
    // context is deleted before the work ends — which a cancelled job's worker routinely outlives.
    // So the first hop runs where the work ended, with no context, and the second goes through the
    // application object to the event loop, where `context` is checked on its own thread.
    future.then([guard = QPointer<QObject>(context), handler = std::move(handler)](T result) mutable {
        QCoreApplication *app = QCoreApplication::instance();
        if (!app)
            return;
        QMetaObject::invokeMethod(
            app,
            [guard = std::move(guard), handler = std::move(handler), result = std::move(result)]() mutable {
                if (guard)
                    handler(result);
            },
            Qt::QueuedConnection);
    });
}

} // namespace wharf
