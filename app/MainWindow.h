#pragma once
// Wharf's main window. This first version is a plain shell; the panes arrive with the desktop app.

#include <QMainWindow>

namespace wharf {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace wharf
