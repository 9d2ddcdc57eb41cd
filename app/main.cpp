// Entry point: `wharf` alone opens the window; `wharf COMMAND …` runs the CLI without any widget.
#include "Localization.h"
#include "MainWindow.h"
#include "cli/Cli.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Wharf"));
    QCoreApplication::setApplicationName(QStringLiteral("wharf"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WHARF_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
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
    window.show();
    return app.exec();
}
