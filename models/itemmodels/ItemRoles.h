#pragma once
// Roles every item model a person can copy from answers the same way, so a view (or the window's
// Edit → Copy, or a row's context menu) needs no knowledge of the model behind it.

#include <Qt>

namespace wharf::ItemRole {

// QString: what Copy puts on the clipboard for this row — a reference, a digest, a path, a
// NAME=value line. Empty where a row has nothing worth copying. Above every model's own roles.
inline constexpr int CopyText = Qt::UserRole + 0x400;

} // namespace wharf::ItemRole
