#pragma once
// What the window does with the local store: pulls the platform a person picked (by the digest
// shown, through the BrowseSession), and exports, reveals and deletes the images it holds, each
// answered in the status bar. After a pull or a delete the Pull button's figures and the Local
// images list are read again; a pull from Docker Hub also asks for the pull meter again.
// MainWindow builds the models and panes and hands them here.

#include "Desktop.h"
#include "store/ImageStore.h"

#include <QObject>
#include <QString>

#include <optional>

class QDockWidget;
class QWidget;

namespace wharf {

class BrowseSession;
class Error;
class LocalImagesModel;
class LocalImagesPane;
class PlatformModel;
class PlatformsPane;
class PullEngine;
class PullListModel;

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
    };

    StoreActions(Parts parts, QObject *parent);

Q_SIGNALS:
    void statusMessage(const QString &message);
    // A pull from Docker Hub starts; one ended, counted or not: its pull limit may have moved.
    void dockerHubPullStarted();
    void dockerHubPullEnded(const QString &reference);

private:
    void pull(int platformRow);
    void onPullFinished(const QString &reference, const std::optional<Error> &error);
    void exportImage(int row);
    void reveal(int row);

    Parts m_parts;
};

} // namespace wharf
