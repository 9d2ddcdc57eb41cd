#pragma once
// What the window benchmarks (bench_tagspane, bench_pullprobe) share: a private home so the
// window's settings and store never touch the user's, a monotonic clock that is comparable across
// threads, statistics, the figure/target/PASS-FAIL lines, and FrameWatcher, which tells when a
// widget's next frame has been painted and handed to the window system.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QWidget;

namespace wharf::bench {

using Clock = std::chrono::steady_clock;

[[nodiscard]] double msBetween(Clock::time_point from, Clock::time_point to);
[[nodiscard]] double median(QList<double> values);
// The nearest-rank percentile (0 < p <= 100) of `values`; 0 when empty.
[[nodiscard]] double percentile(QList<double> values, double p);
[[nodiscard]] double maximum(const QList<double> &values);

// Points XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME and XDG_STATE_HOME under `directory`, so
// QSettings, ImageStore::defaultRoot() and caches are this run's. Call before QApplication exists.
void usePrivateHome(const QString &directory);

// The first three fields of /proc/loadavg ("1.04 1.65 1.90"): how busy the machine was.
[[nodiscard]] QByteArray loadAverage();

// The calling thread's scheduler account (/proc/thread-self/schedstat): time it ran on a CPU and
// time it was runnable but waited for one. A stall with much waiting is the machine's load, not
// the code's.
struct ThreadTimes
{
    double runMs = 0;
    double waitMs = 0;
    [[nodiscard]] static ThreadTimes now();
    [[nodiscard]] ThreadTimes operator-(const ThreadTimes &earlier) const
    {
        return {runMs - earlier.runMs, waitMs - earlier.waitMs};
    }
};

// Handles the pending events, or sleeps until there are some (at most ~5 ms).
void spinOnce();
// Spins the event loop until `done()` or `timeoutMs`; false on timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

// Prints one figure against its target and returns whether it is met:
//   "  <what>   <value> ms   target < 30 ms   PASS"
// `strictlyBelow` chooses '<' over '<='.
bool report(const char *what, double valueMs, double targetMs, bool strictlyBelow);
// A figure without a target.
void note(const char *what, const QString &value);

// Watches one widget for its next paint. arm() before the action; waitForFrame() returns once the
// widget has been painted (while `when()` holds, if given) and the event that painted it — the
// window's whole repaint and flush — has returned: a zero timer posted from the paint runs then.
class FrameWatcher final : public QObject
{
    Q_DISABLE_COPY_MOVE(FrameWatcher)
public:
    explicit FrameWatcher(QWidget *widget, QObject *parent = nullptr);
    ~FrameWatcher() override;

    void arm(std::function<bool()> when = {});
    // False on timeout (nothing painted).
    bool waitForFrame(int timeoutMs = 5000);

    [[nodiscard]] Clock::time_point paintStarted() const { return m_paintStarted; }
    [[nodiscard]] Clock::time_point frameDone() const { return m_frameDone; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_widget;
    std::function<bool()> m_when;
    bool m_armed = false;
    bool m_done = false;
    Clock::time_point m_paintStarted;
    Clock::time_point m_frameDone;
};

// Records the repaints of a top-level window: widgets repaint in the top-level's UpdateRequest
// (every dirty widget painted, then flushed to the window system), and a zero timer posted from it
// runs once that has returned — the moment a person can see the frame. Each repaint notes whether
// the widget of interest (a view's viewport) was painted in it. An action may cause several
// (a key: the line edit at once, the view, a clear button fading in over 160 ms, details
// arriving); settle() runs the event loop until the window has been quiet for a while.
class WindowRepaints final : public QObject
{
    Q_DISABLE_COPY_MOVE(WindowRepaints)
public:
    struct Repaint
    {
        Clock::time_point started;
        Clock::time_point done;
        ThreadTimes threadAtDone; // the GUI thread's account when it was done
        bool paintedInterest = false;
    };

    WindowRepaints(QWidget *window, QWidget *interest, QObject *parent = nullptr);
    ~WindowRepaints() override;

    // Forgets the repaints so far.
    void restart();
    // Runs the event loop until no repaint has happened for `quietMs` (or `timeoutMs` passed).
    void settle(int quietMs = 250, int timeoutMs = 5000);

    [[nodiscard]] const QList<Repaint> &repaints() const { return m_repaints; }
    // The first finished repaint that painted the widget of interest, else the first one at all.
    [[nodiscard]] const Repaint *firstShowing() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    QWidget *m_interest;
    bool m_painting = false;
    QList<Repaint> m_repaints;
};

} // namespace wharf::bench
