#pragma once
// The --store DIR option every command on the local store takes, and opening the store it names
// (default: $WHARF_STORE, else the app-data store; ImageStore::defaultRoot()).

#include "core/Error.h"
#include "store/ImageStore.h"

#include <QCommandLineOption>

class QCommandLineParser;

namespace wharf::cli {

[[nodiscard]] QCommandLineOption storeOption();
[[nodiscard]] Result<ImageStore> openStore(const QCommandLineParser &parser);

} // namespace wharf::cli
