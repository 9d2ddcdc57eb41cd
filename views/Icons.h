#pragma once
// Wharf's own icons (resources/icons/*.svg, embedded by resources/wharf.qrc): 24×24 line drawings
// that still read at 16 px. Panes, actions and dock titles ask for them by name here, so a missing
// file is a compile error in the enum rather than a blank button.

#include <QIcon>
#include <QObject>

namespace wharf {

class Icons final
{
    Q_GADGET
public:
    enum class Name {
        Search,
        Repository,
        Tags,
        Platforms,
        Image,
        Pulls,
        LocalImages,
        Login,
        Pull,
        Cancel,
        Retry,
        Delete,
        Export,
        Reveal,
        Copy,
        Offline,
        Error,
        Settings,
        RateLimit,
        Layers,
        Files,
        Compare,
        Extract,
        Efficiency,
        ZoomIn,
        ZoomOut,
        ZoomFit,
        ZoomOriginal,
        FileAdded,
        FileModified,
        FileDeleted,
    };
    Q_ENUM(Name)

    // The icon, cached after its first use.
    [[nodiscard]] static QIcon icon(Name name);
    // ":/icons/<file>.svg"
    [[nodiscard]] static QString resourcePath(Name name);
};

} // namespace wharf
