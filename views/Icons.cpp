#include "Icons.h"

#include <QHash>

namespace wharf {

QString Icons::resourcePath(Name name)
{
    const char *file = "";
    switch (name) {
    case Name::Search: file = "search"; break;
    case Name::Repository: file = "repository"; break;
    case Name::Tags: file = "tags"; break;
    case Name::Platforms: file = "platforms"; break;
    case Name::Image: file = "image"; break;
    case Name::Pulls: file = "pulls"; break;
    case Name::LocalImages: file = "local-images"; break;
    case Name::Login: file = "login"; break;
    case Name::Pull: file = "pull"; break;
    case Name::Cancel: file = "cancel"; break;
    case Name::Retry: file = "retry"; break;
    case Name::Delete: file = "delete"; break;
    case Name::Export: file = "export"; break;
    case Name::Reveal: file = "reveal"; break;
    case Name::Copy: file = "copy"; break;
    case Name::Offline: file = "offline"; break;
    case Name::Error: file = "error"; break;
    case Name::Settings: file = "settings"; break;
    case Name::RateLimit: file = "rate-limit"; break;
    case Name::Layers: file = "layers"; break;
    case Name::Files: file = "files"; break;
    case Name::Compare: file = "compare"; break;
    case Name::Extract: file = "extract"; break;
    case Name::Efficiency: file = "efficiency"; break;
    case Name::ZoomIn: file = "zoom-in"; break;
    case Name::ZoomOut: file = "zoom-out"; break;
    case Name::ZoomFit: file = "zoom-fit"; break;
    case Name::ZoomOriginal: file = "zoom-original"; break;
    case Name::FileAdded: file = "file-added"; break;
    case Name::FileModified: file = "file-modified"; break;
    case Name::FileDeleted: file = "file-deleted"; break;
    }
    return QStringLiteral(":/icons/") + QLatin1StringView(file) + QStringLiteral(".svg");
}

QIcon Icons::icon(Name name)
{
    // QIcon shares its engine, so one per name serves every button (GUI thread only).
    static QHash<int, QIcon> cache;
    auto it = cache.find(int(name));
    if (it == cache.end())
        it = cache.insert(int(name), QIcon(resourcePath(name)));
    return *it;
}

} // namespace wharf
