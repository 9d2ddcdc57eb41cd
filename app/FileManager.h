#pragma once
// Shows a file in the desktop's file manager: selected in its folder through the freedesktop
// org.freedesktop.FileManager1.ShowItems D-Bus call when a file manager offers it (Nautilus,
// Dolphin, Nemo, Caja, Thunar…), otherwise its folder opened with QDesktopServices.

#include <QString>

namespace wharf::FileManager {

// False when nothing could be asked to show it.
bool reveal(const QString &path);

} // namespace wharf::FileManager
