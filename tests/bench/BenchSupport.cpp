#include "BenchSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

namespace wharf::bench {

double msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values[std::clamp<qsizetype>(rank - 1, 0, values.size() - 1)];
}

double maximum(const QList<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

void usePrivateHome(const QString &directory)
{
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString path = directory + u'/' + QString::fromLatin1(name).toLower();
        QDir().mkpath(path);
        qputenv(name, QFile::encodeName(path));
    }
}

QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("?");
    const QList<QByteArray> fields = file.readLine().split(' ');
    return fields.size() >= 3 ? fields[0] + ' ' + fields[1] + ' ' + fields[2] : QByteArrayLiteral("?");
}

ThreadTimes ThreadTimes::now()
{
    // Read with plain POSIX calls: this runs every few milliseconds in the latency probe.
    thread_local const int fd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    char buffer[128];
    const ssize_t n = fd < 0 ? -1 : ::pread(fd, buffer, sizeof buffer - 1, 0);
    if (n <= 0)
        return {};
    buffer[n] = 0;
    unsigned long long run = 0, wait = 0;
    if (std::sscanf(buffer, "%llu %llu", &run, &wait) != 2)
        return {};
    return {double(run) / 1e6, double(wait) / 1e6};
}

// Handles what is pending, else sleeps until something happens, at most ~5 ms (processEvents with
// a time limit never sleeps: it would spin a CPU the servers and the network thread need).
void spinOnce()
{
    static QTimer *waker = [] {
        auto *timer = new QTimer(QCoreApplication::instance());
        timer->setInterval(5);
        timer->start();
        return timer;
    }();
    Q_UNUSED(waker);
    QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        spinOnce();
    }
    return true;
}

bool report(const char *what, double valueMs, double targetMs, bool strictlyBelow)
{
    const bool pass = strictlyBelow ? valueMs < targetMs : valueMs <= targetMs;
    std::printf("  %-50s %9.1f ms   target %s %4.0f ms   %s\n", what, valueMs, strictlyBelow ? "< " : "<=", targetMs,
                pass ? "PASS" : "FAIL");
    std::fflush(stdout);
    return pass;
}

void note(const char *what, const QString &value)
{
    std::printf("  %-50s %12s\n", what, qPrintable(value));
    std::fflush(stdout);
}

FrameWatcher::FrameWatcher(QWidget *widget, QObject *parent)
    : QObject(parent),
      m_widget(widget)
{
    m_widget->installEventFilter(this);
}

FrameWatcher::~FrameWatcher()
{
    m_widget->removeEventFilter(this);
}

void FrameWatcher::arm(std::function<bool()> when)
{
    m_when = std::move(when);
    m_armed = true;
    m_done = false;
}

bool FrameWatcher::waitForFrame(int timeoutMs)
{
    const bool painted = waitUntil([this] { return m_done; }, timeoutMs);
    m_armed = false;
    return painted;
}

bool FrameWatcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget && event->type() == QEvent::Paint && m_armed && (!m_when || m_when())) {
        m_armed = false;
        m_paintStarted = Clock::now();
        // Widgets paint inside the top-level's repaint, which then flushes to the window system;
        // a zero timer posted now runs once that has returned.
        QTimer::singleShot(0, this, [this] {
            m_frameDone = Clock::now();
            m_done = true;
        });
    }
    return QObject::eventFilter(watched, event);
}

WindowRepaints::WindowRepaints(QWidget *window, QWidget *interest, QObject *parent)
    : QObject(parent),
      m_window(window),
      m_interest(interest)
{
    m_window->installEventFilter(this);
    m_interest->installEventFilter(this);
}

WindowRepaints::~WindowRepaints()
{
    m_window->removeEventFilter(this);
    m_interest->removeEventFilter(this);
}

void WindowRepaints::restart()
{
    m_repaints.clear();
    m_painting = false;
}

void WindowRepaints::settle(int quietMs, int timeoutMs)
{
    const Clock::time_point started = Clock::now();
    const auto quietSince = [&] { return m_repaints.isEmpty() ? started : m_repaints.last().done; };
    while (m_painting || msBetween(quietSince(), Clock::now()) < quietMs) {
        if (msBetween(started, Clock::now()) > timeoutMs)
            break;
        spinOnce();
    }
}

const WindowRepaints::Repaint *WindowRepaints::firstShowing() const
{
    const auto finished = [](const Repaint &r) { return r.done >= r.started; };
    for (const Repaint &r : m_repaints) {
        if (r.paintedInterest && finished(r))
            return &r;
    }
    return !m_repaints.isEmpty() && finished(m_repaints.first()) ? &m_repaints.first() : nullptr;
}

bool WindowRepaints::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::UpdateRequest) {
        m_painting = true;
        m_repaints.append({Clock::now(), {}, false});
        const qsizetype index = m_repaints.size() - 1;
        QTimer::singleShot(0, this, [this, index] {
            if (index < m_repaints.size()) {
                m_repaints[index].done = Clock::now();
                m_repaints[index].threadAtDone = ThreadTimes::now();
            }
            m_painting = false;
        });
    } else if (watched == m_interest && event->type() == QEvent::Paint && m_painting && !m_repaints.isEmpty()) {
        m_repaints.last().paintedInterest = true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace wharf::bench
