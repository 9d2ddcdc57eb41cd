#include "MainWindow.h"

#include "WelcomeView.h"

namespace wharf {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Wharf"));
    setCentralWidget(new WelcomeView(this));
    resize(1024, 680);
}

} // namespace wharf
