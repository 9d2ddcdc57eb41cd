#include "cli/StoreOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace wharf::cli {

namespace {

// The context the store commands' strings have always been filed under (StoreCommands.cpp).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::store)
};

} // namespace

QCommandLineOption storeOption()
{
    return {QStringLiteral("store"), Tr::tr("The store folder (default: $WHARF_STORE, else %1).").arg(ImageStore::defaultRoot()),
            QStringLiteral("DIR")};
}

Result<ImageStore> openStore(const QCommandLineParser &parser)
{
    const QString root = parser.isSet(QStringLiteral("store")) ? parser.value(QStringLiteral("store")) : ImageStore::defaultRoot();
    return ImageStore::open(root);
}

Result<StoredImage> findOneImage(const ImageStore &store, const QString &reference, const std::optional<Platform> &platform)
{
    auto found = store.findImages(reference, platform);
    if (!found)
        return wharf::unexpected(found.error());
    if (found->size() > 1) {
        QStringList platforms;
        for (const StoredImage &image : std::as_const(*found))
            platforms.append(image.platform.toString());
        //: %1 is the reference, %2 the platforms the store keeps for it, comma-separated
        return wharf::unexpected(Error(Error::Code::InvalidPlatform,
                                       Tr::tr("the store keeps %1 for several platforms (%2); choose one with --platform")
                                           .arg(found->first().reference, platforms.join(QStringLiteral(", ")))));
    }
    return found->first();
}

bool isUsageError(const Error &error)
{
    return error.code() == Error::Code::InvalidReference || error.code() == Error::Code::InvalidPlatform;
}

} // namespace wharf::cli
