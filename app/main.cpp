// Entry point: `wharf` alone opens the window; `wharf COMMAND …` runs the CLI without any widget.
#include "Localization.h"
#include "MainWindow.h"
#include "cli/Cli.h"
#include "services/Logging.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QIcon>
#include <QTimer>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#ifdef Q_OS_UNIX
#include <cstdlib>
#include <unistd.h>
#endif

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Wharf"));
    QCoreApplication::setApplicationName(QStringLiteral("wharf"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WHARF_VERSION));
}

// `wharf --demo`: scripts/demo from the source tree this binary was built from, over this build
// tree (a local registry and Hub emulator with the test bed's images; see the README).
int runDemo(char *argv[])
{
#if defined(Q_OS_UNIX) && defined(WHARF_DEMO_SCRIPT)
    if (::access(WHARF_DEMO_SCRIPT, R_OK) != 0) {
        std::fprintf(stderr, "wharf: --demo needs the source tree this wharf was built from (%s is gone)\n",
                     WHARF_DEMO_SCRIPT);
        return 1;
    }
    ::setenv("WHARF_BUILD_DIR", WHARF_DEMO_BUILD_DIR, 1);
    std::vector<char *> arguments{const_cast<char *>("bash"), const_cast<char *>(WHARF_DEMO_SCRIPT)};
    for (char **a = argv + 2; *a; ++a)
        arguments.push_back(*a);
    arguments.push_back(nullptr);
    ::execvp("bash", arguments.data());
    std::fprintf(stderr, "wharf: cannot run %s: %s\n", WHARF_DEMO_SCRIPT, std::strerror(errno));
#else
    Q_UNUSED(argv);
    std::fputs("wharf: --demo needs the source tree (scripts/demo); run scripts/demo there\n", stderr);
#endif
    return 1;
}

// WHARF_BENCH_STARTUP=1 (tests/bench/bench-gui.sh, start-up to a painted window): once the window's
// first paint has returned and its frame has gone to the window system, prints the time since
// main() and the wall-clock time (for the launcher's own clock), then quits.
class FirstFrameReport final : public QObject
{
    Q_DISABLE_COPY_MOVE(FirstFrameReport)
public:
    FirstFrameReport(QWidget *window, const QElapsedTimer &sinceMain)
        : QObject(window),
          m_sinceMain(sinceMain)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] {
                const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
                std::printf("wharf-startup: first frame %.1f ms after main(), at %.6f\n",
                            double(m_sinceMain.nsecsElapsed()) / 1e6, now);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QElapsedTimer m_sinceMain;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    if (argc >= 2 && std::strcmp(argv[1], "--demo") == 0)
        return runDemo(argv);
    if (wharf::cli::wantsVerbose(argc, argv) || wharf::logging::verboseRequested())
        wharf::logging::enableVerbose();
    if (wharf::cli::wantsCli(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        wharf::Localization localization;
        localization.install(wharf::Localization::preferredLocale());
        return wharf::cli::run(app);
    }
    QApplication app(argc, argv);
    describeApplication();
    wharf::Localization localization;
    localization.install(wharf::Localization::preferredLocale());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/wharf.svg")));
    // Ties the window to resources/io.github.wharf.Wharf.desktop (its icon and name on Wayland).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.wharf.Wharf"));
    wharf::MainWindow window;
    if (qEnvironmentVariableIsSet("WHARF_BENCH_STARTUP"))
        new FirstFrameReport(&window, sinceMain);
    window.show();
    return app.exec();
}
