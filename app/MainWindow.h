#pragma once
// Wharf's main window: the panes (views/) over the item models (models/items/), wired to the
// registry and Hub clients, the local store and the pull engine. Search, Repository and Tags sit
// in the left and middle splitters, Platforms and Image on the right; Pulls and Local images are
// docks that stay visible while browsing. Geometry, dock layout, splitter sizes and the last
// search and selections come back from QSettings. The window owns the jobs that resolve a tag
// (ImageInspectJob) and fetch Hub repository details; the panes never do I/O.

#include "reference/ImageReference.h"
#include "store/ImageStore.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QSplitter;

namespace wharf {

class ChainedCredentialSource;
class ConfigModel;
class DockerConfigCredentials;
class HistoryModel;
class HubClient;
class ImagePane;
class Job;
class KeychainStore;
class LocalImagesModel;
class LocalImagesPane;
class PlatformModel;
class PlatformsPane;
class PullEngine;
class PullListModel;
class PullsPane;
class RegistryClient;
class RepositoryPane;
class SearchModel;
class SearchPane;
class SessionCredentialSource;
class TagListModel;
class TagsPane;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    // What the window talks to. None of it is owned; tests hand in clients pointed at the test bed.
    struct Services
    {
        RegistryClient *registry = nullptr;
        HubClient *hub = nullptr;
        std::optional<ImageStore> store;
        PullEngine *engine = nullptr;
    };

    // The real thing: credentials from the keychain, this run's logins and ~/.docker/config.json,
    // the store at ImageStore::defaultRoot().
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    void saveSettings() const;

    [[nodiscard]] SearchPane *searchPane() const { return m_searchPane; }
    [[nodiscard]] RepositoryPane *repositoryPane() const { return m_repositoryPane; }
    [[nodiscard]] TagsPane *tagsPane() const { return m_tagsPane; }
    [[nodiscard]] PlatformsPane *platformsPane() const { return m_platformsPane; }
    [[nodiscard]] ImagePane *imagePane() const { return m_imagePane; }
    [[nodiscard]] PullsPane *pullsPane() const { return m_pullsPane; }
    [[nodiscard]] LocalImagesPane *localImagesPane() const { return m_localImagesPane; }
    [[nodiscard]] SearchModel *searchModel() const { return m_searchModel; }
    [[nodiscard]] TagListModel *tagModel() const { return m_tagModel; }
    [[nodiscard]] PlatformModel *platformModel() const { return m_platformModel; }
    [[nodiscard]] HistoryModel *historyModel() const { return m_historyModel; }
    [[nodiscard]] ConfigModel *configModel() const { return m_configModel; }
    [[nodiscard]] PullListModel *pullModel() const { return m_pullModel; }
    [[nodiscard]] LocalImagesModel *localImagesModel() const { return m_localImagesModel; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDefaultServices();
    void build();
    void createMenus();
    void restoreSettings();

    void onRepositorySelected(const QString &reference);
    void onTagSelected(const QString &tag);
    void onPlatformSelected(int row);
    void onPullRequested(int row);
    void onExportRequested(int row);
    void inspect(const ImageReference &reference, const QString &platform, bool platformsToo);
    void copySelection();
    void openLoginDialog();

    // Owned only by the default constructor.
    std::unique_ptr<SessionCredentialSource> m_session;
    std::unique_ptr<KeychainStore> m_keychain;
    std::unique_ptr<DockerConfigCredentials> m_dockerConfig;
    std::unique_ptr<ChainedCredentialSource> m_credentials;
    std::unique_ptr<RegistryClient> m_ownedRegistry;
    std::unique_ptr<HubClient> m_ownedHub;
    std::unique_ptr<PullEngine> m_ownedEngine;

    Services m_services;
    QString m_storeError;

    SearchModel *m_searchModel = nullptr;
    TagListModel *m_tagModel = nullptr;
    PlatformModel *m_platformModel = nullptr;
    HistoryModel *m_historyModel = nullptr;
    ConfigModel *m_configModel = nullptr;
    PullListModel *m_pullModel = nullptr;
    LocalImagesModel *m_localImagesModel = nullptr;

    SearchPane *m_searchPane = nullptr;
    RepositoryPane *m_repositoryPane = nullptr;
    TagsPane *m_tagsPane = nullptr;
    PlatformsPane *m_platformsPane = nullptr;
    ImagePane *m_imagePane = nullptr;
    PullsPane *m_pullsPane = nullptr;
    LocalImagesPane *m_localImagesPane = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_middleSplitter = nullptr;
    QSplitter *m_rightSplitter = nullptr;
    QDockWidget *m_pullsDock = nullptr;
    QDockWidget *m_localDock = nullptr;

    ImageReference m_repository;
    QString m_tag;
    QString m_inspectedPlatform; // the platform the Image pane shows
    QPointer<Job> m_repositoryJob;
    QPointer<Job> m_inspectJob;
    quint64 m_inspectGeneration = 0;
    quint64 m_repositoryGeneration = 0;

    // Selections restored from the settings, applied when their rows appear.
    QString m_pendingRepository;
    QString m_pendingTag;
    QString m_pendingPlatform;
};

} // namespace wharf
