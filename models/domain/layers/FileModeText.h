#pragma once
// An entry's type and permission bits as `ls -l` writes them ("drwxr-xr-x", "-rwsr-xr-x",
// "lrwxrwxrwx", "crw-rw----"), for the file lists of the Layers pane and `wharf layers --files`.
// Whiteouts and opaque markers have no mode of their own: they read "w---------" and "o---------".

#include "layers/LayerEntry.h"

#include <QString>

namespace wharf {

[[nodiscard]] QString fileModeText(LayerEntry::Type type, quint32 mode);

} // namespace wharf
