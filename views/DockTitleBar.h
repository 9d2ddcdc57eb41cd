#pragma once
// A dock's title bar that looks like the headings of the panes in the splitters (the pane's icon
// and its name in bold) and keeps what QDockWidget's own bar offers: float and close buttons
// where the dock allows them, a double click to float or dock again, and dragging (mouse events
// this bar does not use go on to the dock, which moves it).

#include <QWidget>

class QDockWidget;
class QLabel;
class QToolButton;

namespace wharf {

class DockTitleBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockTitleBar)
public:
    DockTitleBar(QDockWidget *dock, const QIcon &icon);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void updateButtons();

    QDockWidget *m_dock;
    QLabel *m_title;
    QToolButton *m_float;
    QToolButton *m_close;
};

} // namespace wharf
