#pragma once
// Wharf's main window: the panes (views/) over the item models (models/items/), wired to the
// registry and Hub clients, the local store and the pull engine. Search, Repository and Tags sit
// in the left and middle splitters, Platforms and Image on the right; Pulls and Local images are
// docks that stay visible while browsing. Geometry, dock layout, splitter sizes and the last
// search and selections come back from QSettings. What is being looked at — repository, its Hub
// details, tag, platform, resolved image — is a BrowseSession the window observes and feeds the
// panes from; the panes never do I/O. The status bar
// carries Docker Hub's pull-rate meter (PullMeter).
//
// What touches the desktop (the export file dialog, the file manager) goes through Desktop, which
// tests replace so that no dialog blocks and nothing is launched.

#include "Desktop.h"
#include "Icons.h"
#include "documents/Descriptor.h"
#include "reference/ImageReference.h"
#include "services/BrowseSession.h"
#include "store/ImageStore.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace wharf {

class AppServices;
class ComparePane;
class ConfigModel;
class Error;
class HistoryModel;
class HubClient;
class EfficiencyPanel;
class ImageDiffModel;
class ImageEfficiencyModel;
class ImagePane;
class Job;
class KeychainStore;
class LayerFilesModel;
class LayerFilesPane;
class LayerMapLoader;
class LayerMapPane;
class LayerPanes;
class LocalImagesModel;
class LocalImagesPane;
class PlatformModel;
class PlatformsPane;
class EngineSources;
class EngineTargets;
class PullEngine;
class PullMeter;
class PullListModel;
class PullsPane;
class RateLimitIndicator;
class RegistryLogins;
class RegistryClient;
class RepositoryPane;
class SearchModel;
class SearchPane;
class SessionCredentialSource;
class StartView;
class TagListModel;
class TagsPane;
struct InspectedImage;
struct Preferences;

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
        // Where File → Log in… keeps a checked login: the keychain, or this run only when there is
        // no keychain. Both must be sources of `registry`'s credentials. Without them, no login.
        KeychainStore *keychain = nullptr;
        SessionCredentialSource *session = nullptr;
        // The container engines offered as pull targets and listed in Local images (refreshed when
        // the window opens). Without it the window pulls into the store only.
        EngineTargets *engines = nullptr;
    };

    using ExportTarget = wharf::ExportTarget;
    using Desktop = wharf::Desktop;

    // An image is measured for wasted space as soon as it is shown when that downloads at most this
    // many bytes (layers in the store, or downloaded by an earlier listing, cost nothing; a pull
    // reuses what a measure downloaded); more waits for "Analyse Layers", and so does any download
    // on a metered connection.
    static constexpr qint64 kAutoAnalyseBytes = 8 * 1024 * 1024;
    // Changes that limit (0: never measure without being asked).
    void setAutoAnalyseLimit(qint64 bytes);

    // The real thing: credentials from the keychain, this run's logins and ~/.docker/config.json,
    // the store at ImageStore::defaultRoot().
    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setDesktop(Desktop desktop);
    void saveSettings() const;

    [[nodiscard]] SearchPane *searchPane() const { return m_searchPane; }
    [[nodiscard]] RepositoryPane *repositoryPane() const { return m_repositoryPane; }
    [[nodiscard]] TagsPane *tagsPane() const { return m_tagsPane; }
    [[nodiscard]] PlatformsPane *platformsPane() const { return m_platformsPane; }
    [[nodiscard]] ImagePane *imagePane() const { return m_imagePane; }
    [[nodiscard]] PullsPane *pullsPane() const { return m_pullsPane; }
    [[nodiscard]] LocalImagesPane *localImagesPane() const { return m_localImagesPane; }
    [[nodiscard]] StartView *startView() const { return m_startView; }
    [[nodiscard]] RateLimitIndicator *rateLimitIndicator() const { return m_rateLimit; }
    [[nodiscard]] LayerMapPane *layerMapPane() const { return m_layerMapPane; }
    [[nodiscard]] LayerFilesPane *layerFilesPane() const { return m_layerFilesPane; }
    [[nodiscard]] EfficiencyPanel *efficiencyPanel() const { return m_efficiencyPanel; }
    [[nodiscard]] ComparePane *comparePane() const { return m_comparePane; }
    [[nodiscard]] EngineTargets *engineTargets() const { return m_services.engines; }
    [[nodiscard]] LayerMapLoader *layerMapLoader() const { return m_layerMapLoader; }
    [[nodiscard]] LayerFilesModel *layerFilesModel() const { return m_layerFilesModel; }
    [[nodiscard]] ImageEfficiencyModel *efficiencyModel() const { return m_efficiencyModel; }
    [[nodiscard]] ImageDiffModel *diffModel() const { return m_diffModel; }
    // The layers of the image the Image pane shows, base first.
    [[nodiscard]] const QList<Descriptor> &imageLayers() const;
    [[nodiscard]] SearchModel *searchModel() const { return m_searchModel; }
    [[nodiscard]] TagListModel *tagModel() const { return m_tagModel; }
    [[nodiscard]] PlatformModel *platformModel() const { return m_platformModel; }
    [[nodiscard]] HistoryModel *historyModel() const { return m_historyModel; }
    [[nodiscard]] ConfigModel *configModel() const { return m_configModel; }
    [[nodiscard]] PullListModel *pullModel() const { return m_pullModel; }
    [[nodiscard]] LocalImagesModel *localImagesModel() const { return m_localImagesModel; }

    // Asks Docker Hub for the pull limit again (also done on first show and after each pull).
    void refreshRateLimit();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Shrinks a window whose frame does not fit the screen (the first show) to the screen's free area.
    void fitIntoScreen();
    void createDefaultServices();
    void build();
    void createModels();
    void createPanes();
    void createLayout();
    void connectPanes();
    void createMenus();
    void createStatusBar();
    void restoreSettings();
    // A pane in a dock of its own, listed in View; `name` is its objectName (saved layouts use it).
    QDockWidget *addPaneDock(QWidget *pane, const QString &title, Icons::Name icon, const QString &name,
                             Qt::DockWidgetArea area);
    // Shows `pane`: its tab in front, or its dock shown and raised.
    void bringForward(QWidget *pane);
    // The panes F6 / Ctrl+Tab walk, in reading order (the image's tab in front stands for them all).
    [[nodiscard]] QList<QWidget *> panesInOrder() const;
    // Gives the keyboard to the pane's main control; false when the pane cannot be seen.
    bool focusPane(QWidget *pane);
    void cyclePanes(int step);
    void markFocusedPane();
    // The start page in place of the image's panes (popular images asked for the first time).
    void showStartPage();
    void rememberRecent(const QString &reference);

    void onRepositorySelected(const QString &reference);
    void onTagSelected(const QString &tag);
    // Local images → Open: the image's repository in every pane, the image read from the store.
    void openStoredImage(const StoredImage &image);
    // Local images → Docker/Podman → Open: the image's repository in every pane, the image read from the engine.
    void openEngineImage(const EngineImageSource &source);
    void onPlatformSelected(int row);
    void onResolving(BrowseSession::Scope scope);
    void onResolved(BrowseSession::Scope scope);
    void onResolveFailed(const Error &error, BrowseSession::Scope scope);
    [[nodiscard]] QString storeRoot() const;
    void copySelection();
    void openLoginDialog();
    // File → Log Out: the registries with a kept login, asked afresh each time the menu opens.
    void updateLogoutMenu();
    void logOut(const QString &registry);
    // View → Refresh: the current repository's tags and the tag on show, asked again.
    void refresh();
    // The signed-in Docker Hub user's repositories in the Search pane.
    void showMyRepositories();
    void openSettingsDialog();
    void applyPreferences(const Preferences &preferences);

    // Owned only by the default constructor.
    std::unique_ptr<AppServices> m_app;
    std::unique_ptr<PullEngine> m_ownedEngine;
    std::unique_ptr<EngineTargets> m_ownedEngines;

    Services m_services;
    Desktop m_desktop;
    QString m_storeError;

    SearchModel *m_searchModel = nullptr;
    TagListModel *m_tagModel = nullptr;
    PlatformModel *m_platformModel = nullptr;
    HistoryModel *m_historyModel = nullptr;
    ConfigModel *m_configModel = nullptr;
    PullListModel *m_pullModel = nullptr;
    LocalImagesModel *m_localImagesModel = nullptr;
    PullMeter *m_pullMeter = nullptr; // the status bar's Docker Hub meter and what pulls cost

    SearchPane *m_searchPane = nullptr;
    RepositoryPane *m_repositoryPane = nullptr;
    TagsPane *m_tagsPane = nullptr;
    PlatformsPane *m_platformsPane = nullptr;
    ImagePane *m_imagePane = nullptr;
    PullsPane *m_pullsPane = nullptr;
    LocalImagesPane *m_localImagesPane = nullptr;
    RateLimitIndicator *m_rateLimit = nullptr;
    QSplitter *m_mainSplitter = nullptr;    // browsing | the image
    QSplitter *m_browseSplitter = nullptr;  // Search over Tags
    QSplitter *m_rightSplitter = nullptr;   // details over the image's tabs
    QSplitter *m_detailsSplitter = nullptr; // Repository | Platforms
    QTabWidget *m_imageTabs = nullptr;      // Image, Layer map, Files, Efficiency, Compare
    QStackedWidget *m_rightStack = nullptr; // the start page, or the right splitter
    StartView *m_startView = nullptr;
    SearchModel *m_popularModel = nullptr; // Docker Hub's most pulled official images
    QDockWidget *m_pullsDock = nullptr;
    QDockWidget *m_localDock = nullptr;
    LayerMapLoader *m_layerMapLoader = nullptr;
    LayerFilesModel *m_layerFilesModel = nullptr;
    ImageEfficiencyModel *m_efficiencyModel = nullptr;
    ImageDiffModel *m_diffModel = nullptr;
    LayerMapPane *m_layerMapPane = nullptr;
    LayerFilesPane *m_layerFilesPane = nullptr;
    EfficiencyPanel *m_efficiencyPanel = nullptr;
    ComparePane *m_comparePane = nullptr;
    QList<QDockWidget *> m_docks; // in the order View lists them

    BrowseSession *m_session = nullptr; // what is being looked at: repository, tag, platform, image
    LayerPanes *m_layerPanes = nullptr; // Files, Efficiency and Compare, following the image on show
    EngineSources *m_engineSources = nullptr; // Docker's and Podman's images in Local images
    bool m_rateLimitAsked = false;
    bool m_geometryRestored = false; // the person's own size and place came back from the settings
    RegistryLogins *m_logins = nullptr; // what File → Log Out lists and removes
    QMenu *m_logoutMenu = nullptr;
    int m_logoutMenuAsked = 0; // the latest listing wins

    // Selections restored from the settings, applied when their rows appear.
    QString m_pendingRepository;
    QString m_pendingTag;
    QString m_pendingPlatform;
};

} // namespace wharf
