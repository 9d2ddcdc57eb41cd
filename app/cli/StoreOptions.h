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
// The one image `store` keeps for `reference` (for `platform` when given). Errors: the store's
// (InvalidReference for a bad reference, NotFound), and InvalidPlatform naming the platforms when
// the reference is kept for several and none was chosen — both of those the person's to fix.
[[nodiscard]] Result<StoredImage> findOneImage(const ImageStore &store, const QString &reference,
                                               const std::optional<Platform> &platform);
// Whether an error of findOneImage() is a usage error (exit code 2) rather than a failure.
[[nodiscard]] bool isUsageError(const Error &error);

} // namespace wharf::cli
