#include "core/Job.h"

#include <QCoreApplication>
#include <QTimer>

namespace wharf {

Job::Job(QObject *parent)
    : QObject(parent)
{
}

Job::~Job() = default;

void Job::start()
{
    if (m_started)
        return;
    m_started = true;
    QTimer::singleShot(0, this, [this] {
        if (!m_finished)
            run();
    });
}

void Job::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    abort();
    fail(Error(Error::Code::Cancelled, QCoreApplication::translate("wharf::Job", "cancelled")));
}

void Job::emitResult()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

void Job::fail(const Error &error)
{
    if (m_finished)
        return;
    m_error = error;
    emitResult();
}

} // namespace wharf
