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

} // namespace wharf::cli
