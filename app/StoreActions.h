#pragma once
// What the window does with the local store: pulls the platform a person picked (by the digest
// shown, through the BrowseSession), and opens, exports, reveals, copies, deletes and cleans up the
// images it holds, each answered in the status bar ("Deleted multi:latest (linux/arm64); 41 MiB
// freed"). After a pull or a delete the Pull button's figures and the Local images list are read
// again; a pull from Docker Hub also asks for the pull meter again. An image opened from the store
// is browsed from it (BrowseSession::openStored()): the layer map gets the repository's stored
// images, and Compare is offered another stored image of the repository when there is one.
// "Pull to: Docker / Podman" (the Platforms pane's choice, offered from EngineTargets) pulls
// through the store and then loads the image into that engine, said when done ("Loaded into
// Docker as nginx:1.27 (linux/arm64/v8), image ID sha256:…").
// MainWindow builds the models and panes and hands them here.

#include "Desktop.h"
#include "engines/EngineLoader.h"
#include "store/ImageStore.h"

#include <QObject>
#include <QString>

#include <optional>

class QDockWidget;
class QWidget;

namespace wharf {

class BrowseSession;
class ComparePane;
class EngineTargets;
class Error;
class LayerMapLoader;
class LocalImagesModel;
class LocalImagesPane;
class PlatformModel;
class PlatformsPane;
class PullEngine;
class PullListModel;

struct LocalImageRemoval;

class StoreActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreActions)
public:
    struct Parts
    {
        std::optional<ImageStore> store;
        PullEngine *engine = nullptr;
        QString storeError; // why there is no store, when there is none
        BrowseSession *session = nullptr;
        PlatformModel *platforms = nullptr;
        PlatformsPane *platformsPane = nullptr;
        PullListModel *pulls = nullptr;
        QDockWidget *pullsDock = nullptr;
        LocalImagesModel *localImages = nullptr; // null without a store
        LocalImagesPane *localImagesPane = nullptr;
        const Desktop *desktop = nullptr;
        QWidget *dialogParent = nullptr;
        LayerMapLoader *layerMap = nullptr;   // given the stored images of a stored image's repository
        ComparePane *comparePane = nullptr;   // offered another stored image to compare with
        EngineTargets *engines = nullptr;     // offered as pull targets; null: the store only
    };

    StoreActions(Parts parts, QObject *parent);

Q_SIGNALS:
    void statusMessage(const QString &message);
    // A pull from Docker Hub starts; one ended, counted or not: its pull limit may have moved.
    void dockerHubPullStarted();
    void dockerHubPullEnded(const QString &reference);
    // The person asked to open a stored image: the window resets its panes for the image's
    // repository and has the session open it (BrowseSession::openStored()).
    void openRequested(const wharf::StoredImage &image);

private:
    void pull(int platformRow);
    void onPullFinished(const QString &reference, const QString &platform, const std::optional<Error> &error);
    void onLoadFinished(const QString &reference, EngineKind kind, const EngineLoadReport &report, const std::optional<Error> &error);
    // The Platforms pane's "Pull to" entry for `kind` from what EngineTargets knows.
    void showEngine(EngineKind kind);
    void exportImage(int row);
    void reveal(int row);
    void copyPath(int row);
    void copyReference(int row);
    void onRemoved(const LocalImageRemoval &removal);
    // After the session opened a stored image: what the store has beside it.
    void onStoredImageShown();

    Parts m_parts;
};

} // namespace wharf
