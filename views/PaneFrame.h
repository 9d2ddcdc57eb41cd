#pragma once
// How a pane is framed in the main window, one look for both kinds of place: in a splitter, a box
// with the pane's icon and bold name above it; in a dock, a DockTitleBar with the same heading,
// the icon also on the dock's tab and on its View menu entry.

#include "Icons.h"

class QDockWidget;
class QString;
class QWidget;

namespace wharf::PaneFrame {

// `pane` under its heading, in a new box owned by `parent`.
[[nodiscard]] QWidget *titled(const QString &title, Icons::Name icon, QWidget *pane, QWidget *parent);

// `pane` in a new dock owned by `parent` (not yet added to a window); `name` is the dock's
// objectName, which saved layouts use.
[[nodiscard]] QDockWidget *docked(const QString &title, Icons::Name icon, const QString &name, QWidget *pane, QWidget *parent);

// Marks a frame (a titled box, a dock's title bar, a tab widget) as holding the keyboard focus: its
// heading is drawn in the highlight colour, so the pane being typed into can always be seen.
void setActive(QWidget *frame, bool active);

} // namespace wharf::PaneFrame
