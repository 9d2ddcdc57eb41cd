// Entry point: `wharf` alone opens the window; `wharf COMMAND …` runs the CLI without any widget.
#include "cli/Cli.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    if (wharf::cli::wantsCli(argc, argv)) {
        QCoreApplication app(argc, argv);
        return wharf::cli::run(app);
    }
    QApplication app(argc, argv);
    wharf::MainWindow window;
    window.show();
    return app.exec();
}
