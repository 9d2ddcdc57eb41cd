// Entry point: `wharf` alone opens the window; `wharf COMMAND …` runs the CLI without any widget.
#include "MainWindow.h"
#include "cli/Cli.h"

#include <QApplication>
#include <QCoreApplication>

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
        return wharf::cli::run(app);
    }
    QApplication app(argc, argv);
    describeApplication();
    wharf::MainWindow window;
    window.show();
    return app.exec();
}
