#include "MainWindow.h"

#include "ComparePane.h"
#include "EfficiencyPanel.h"
#include "HelpDialogs.h"
#include "HubRateLimitProbe.h"
#include "ImagePane.h"
#include "LayerFilesPane.h"
#include "LayerMapPane.h"
#include "LayerPanes.h"
#include "EngineSources.h"
#include "LocalImagesPane.h"
#include "LoginDialog.h"
#include "PaneFrame.h"
#include "PlatformsPane.h"
#include "Preferences.h"
#include "PullMeter.h"
#include "PullsPane.h"
#include "RateLimitIndicator.h"
#include "RepositoryPane.h"
#include "SearchPane.h"
#include "SettingsDialog.h"
#include "StartView.h"
#include "StoreActions.h"
#include "TagsPane.h"
#include "hub/HubClient.h"
#include "itemmodels/ConfigModel.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/ImageEfficiencyModel.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/LocalImagesModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "itemmodels/SearchModel.h"
#include "itemmodels/TagListModel.h"
#include "layers/LayerMapLoader.h"
#include "pull/PullEngine.h"
#include "registry/RegistryClient.h"
#include "services/AppServices.h"
#include "services/BrowseSession.h"
#include "services/EngineTargets.h"
#include "services/RegistryLogins.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace wharf {

namespace {

// How long a passing status-bar message stays.
constexpr int kStatusMessageMs = 10'000;

// QSettings keys (the preferences' own are in Preferences).
constexpr auto kGeometry = "window/geometry";
// The layout of 2026-12 (the image in tabs) keeps its parts under new keys: a saved layout of the
// docks and splitters that came before does not fit it and is not applied.
constexpr int kLayoutVersion = 2;
constexpr auto kState = "window/v2/state";
constexpr auto kMainSplitter = "window/v2/mainSplitter";
constexpr auto kBrowseSplitter = "window/v2/browseSplitter";
constexpr auto kRightSplitter = "window/v2/rightSplitter";
constexpr auto kDetailsSplitter = "window/v2/detailsSplitter";
constexpr auto kImageSplitter = "window/imageSplitter";
constexpr auto kImageTab = "window/v2/imageTab";
constexpr auto kQuery = "search/query";
constexpr auto kRegistry = "search/registry";
constexpr auto kRepository = "selection/repository";
constexpr auto kTag = "selection/tag";
constexpr auto kPlatform = "selection/platform";
constexpr auto kRecent = "history/repositories"; // most recent first
constexpr auto kPullTarget = "pull/target";       // "store", "docker", "podman": where Pull sent the last image

// What the start page lists.
constexpr int kPopularImages = 12;
constexpr int kRecentRepositories = 10;
constexpr auto kLogins = "logins/keychain"; // registries logged in to from here (names only)

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    createDefaultServices();
    build();
}

MainWindow::MainWindow(const Services &services, QWidget *parent) : QMainWindow(parent), m_services(services)
{
    build();
}

MainWindow::~MainWindow()
{
    // Closing sends focus changes while the panes are going.
    disconnect(qApp, &QApplication::focusChanged, this, nullptr);
}

void MainWindow::createDefaultServices()
{
    m_app = std::make_unique<AppServices>(AppServices::Face::Window);
    m_app->setCredentialWarning([this](const Error &error) {
        QMetaObject::invokeMethod(
            this, [this, message = error.message()] { statusBar()->showMessage(message, kStatusMessageMs); }, Qt::QueuedConnection);
    });
    m_services.registry = &m_app->registry();
    m_services.hub = &m_app->hub();
    m_services.keychain = &m_app->keychain();
    m_services.session = m_app->session();

    auto store = ImageStore::open(ImageStore::defaultRoot());
    if (store) {
        m_services.store = *store;
        m_ownedEngine = m_app->pullEngine(*store);
        m_services.engine = m_ownedEngine.get();
    } else {
        m_storeError = store.error().message();
    }
    m_ownedEngines = std::make_unique<EngineTargets>();
    m_services.engines = m_ownedEngines.get();
}

void MainWindow::setAutoAnalyseLimit(qint64 bytes)
{
    m_layerPanes->setAutoAnalyseLimit(bytes);
}

const QList<Descriptor> &MainWindow::imageLayers() const
{
    return m_layerPanes->layers();
}

void MainWindow::setDesktop(Desktop desktop)
{
    m_desktop.replaceWith(std::move(desktop));
}

void MainWindow::build()
{
    setWindowTitle(tr("Wharf"));
    m_desktop = Desktop::standard();

    createModels();
    createPanes();
    createLayout();
    createMenus();
    createStatusBar();
    connectPanes();
    resize(1280, 800);
    restoreSettings();
    // Tab leaves a table for the next control instead of walking its cells for ever.
    for (QAbstractItemView *view : findChildren<QAbstractItemView *>())
        view->setTabKeyNavigation(false);
    connect(qApp, &QApplication::focusChanged, this, &MainWindow::markFocusedPane);
    if (m_services.engines)
        m_services.engines->refresh();
    if (m_localImagesModel)
        m_localImagesModel->refresh();
    else
        m_localImagesPane->setError(m_storeError.isEmpty() ? tr("no store is set for this window") : m_storeError);
}

void MainWindow::createModels()
{
    m_searchModel = new SearchModel(m_services.hub, m_services.registry, this);
    m_popularModel = new SearchModel(m_services.hub, nullptr, this);
    m_popularModel->setPageSize(kPopularImages);
    m_tagModel = new TagListModel(m_services.hub, m_services.registry, this);
    m_platformModel = new PlatformModel(this);
    m_platformModel->setRegistryClient(m_services.registry);
    m_platformModel->setStore(m_services.store);
    m_historyModel = new HistoryModel(this);
    m_configModel = new ConfigModel(this);
    m_pullModel = new PullListModel(m_services.engine, this);
    // Without a store there is no model; the Local images pane says why.
    if (m_services.store)
        m_localImagesModel = new LocalImagesModel(*m_services.store, this);
    m_layerMapLoader = new LayerMapLoader(m_services.registry, this);
    m_layerFilesModel = new LayerFilesModel(this);
    m_efficiencyModel = new ImageEfficiencyModel(this);
    m_diffModel = new ImageDiffModel(this);
    m_session = new BrowseSession(m_services.registry, m_services.hub, this);
    m_session->setStore(m_services.store);
}

void MainWindow::createPanes()
{
    m_searchPane = new SearchPane(m_searchModel, this);
    m_repositoryPane = new RepositoryPane(this);
    m_tagsPane = new TagsPane(m_tagModel, this);
    m_platformsPane = new PlatformsPane(m_platformModel, this);
    m_imagePane = new ImagePane(m_historyModel, m_configModel, this);
    m_pullsPane = new PullsPane(m_pullModel, this);
    m_localImagesPane = new LocalImagesPane(m_localImagesModel, this);
    m_layerMapPane = new LayerMapPane(m_layerMapLoader, this);
    m_layerMapPane->setTagModel(m_tagModel, TagListModel::NameRole);
    m_layerFilesPane = new LayerFilesPane(m_layerFilesModel, this);
    m_efficiencyPanel = new EfficiencyPanel(m_efficiencyModel, this);
    m_comparePane = new ComparePane(m_diffModel, this);
    m_comparePane->setTagModel(m_tagModel, TagListModel::NameRole);
    m_startView = new StartView(m_popularModel, this);
    m_startView->setRecent(Preferences::settings().value(key(kRecent)).toStringList());
}

void MainWindow::createLayout()
{
    // Left, what to look at: the search and the repository's tags. Right, what it is: the
    // repository and its platforms on top, and under them the image itself in tabs with room to
    // read — its history and config, the layer map, a layer's files, efficiency, a comparison.
    m_browseSplitter = new QSplitter(Qt::Vertical, this);
    m_browseSplitter->setObjectName(QStringLiteral("browseSplitter"));
    m_browseSplitter->addWidget(PaneFrame::titled(tr("Search"), Icons::Name::Search, m_searchPane, m_browseSplitter));
    m_browseSplitter->addWidget(PaneFrame::titled(tr("Tags"), Icons::Name::Tags, m_tagsPane, m_browseSplitter));
    m_browseSplitter->setStretchFactor(0, 2);
    m_browseSplitter->setStretchFactor(1, 3);

    m_detailsSplitter = new QSplitter(Qt::Horizontal, this);
    m_detailsSplitter->setObjectName(QStringLiteral("detailsSplitter"));
    m_detailsSplitter->addWidget(PaneFrame::titled(tr("Repository"), Icons::Name::Repository, m_repositoryPane, m_detailsSplitter));
    m_detailsSplitter->addWidget(PaneFrame::titled(tr("Platforms"), Icons::Name::Platforms, m_platformsPane, m_detailsSplitter));

    m_imageTabs = new QTabWidget(this);
    m_imageTabs->setObjectName(QStringLiteral("imageTabs"));
    m_imageTabs->setDocumentMode(true);
    m_imageTabs->addTab(m_imagePane, Icons::icon(Icons::Name::Image), tr("Image"));
    m_imageTabs->addTab(m_layerMapPane, Icons::icon(Icons::Name::Layers), tr("Layer map"));
    m_imageTabs->addTab(m_layerFilesPane, Icons::icon(Icons::Name::Files), tr("Files"));
    m_imageTabs->addTab(m_efficiencyPanel, Icons::icon(Icons::Name::Efficiency), tr("Efficiency"));
    m_imageTabs->addTab(m_comparePane, Icons::icon(Icons::Name::Compare), tr("Compare"));

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(m_detailsSplitter);
    m_rightSplitter->addWidget(m_imageTabs);
    m_rightSplitter->setStretchFactor(0, 2);
    m_rightSplitter->setStretchFactor(1, 3);
    // Two fifths for the repository and its platforms at first (their size hints alone leave the
    // platform list two rows high); the person's own split comes back from the settings.
    m_rightSplitter->setSizes({400, 600});

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    // Until a repository is picked, the right side is a start page instead of empty panes.
    m_rightStack = new QStackedWidget(this);
    m_rightStack->setObjectName(QStringLiteral("rightStack"));
    m_rightStack->addWidget(m_startView);
    m_rightStack->addWidget(m_rightSplitter);

    m_mainSplitter->addWidget(m_browseSplitter);
    m_mainSplitter->addWidget(m_rightStack);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);
    setCentralWidget(m_mainSplitter);

    // Pulls and the local store stay in view while browsing, side by side under everything.
    m_pullsDock = addPaneDock(m_pullsPane, tr("Pulls"), Icons::Name::Pulls, QStringLiteral("pullsDock"), Qt::BottomDockWidgetArea);
    m_localDock = addPaneDock(m_localImagesPane, tr("Local images"), Icons::Name::LocalImages, QStringLiteral("localImagesDock"),
                              Qt::BottomDockWidgetArea);
    splitDockWidget(m_pullsDock, m_localDock, Qt::Horizontal);
    resizeDocks({m_pullsDock}, {150}, Qt::Vertical);
}

QDockWidget *MainWindow::addPaneDock(QWidget *pane, const QString &title, Icons::Name icon, const QString &name, Qt::DockWidgetArea area)
{
    QDockWidget *dock = PaneFrame::docked(title, icon, name, pane, this);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::bringForward(QWidget *pane)
{
    if (const int tab = m_imageTabs->indexOf(pane); tab >= 0) {
        m_rightStack->setCurrentWidget(m_rightSplitter);
        m_imageTabs->setCurrentIndex(tab);
        return;
    }
    for (QDockWidget *dock : std::as_const(m_docks)) {
        if (dock->widget() == pane || dock->isAncestorOf(pane)) {
            dock->show();
            dock->raise();
            return;
        }
    }
}

void MainWindow::connectPanes()
{
    connect(m_searchPane, &SearchPane::repositorySelected, this, &MainWindow::onRepositorySelected);
    connect(m_startView, &StartView::repositoryChosen, this, &MainWindow::onRepositorySelected);
    connect(m_startView, &StartView::popularRetryRequested, m_popularModel, &SearchModel::reload);
    connect(m_searchPane, &SearchPane::myRepositoriesRequested, this, &MainWindow::showMyRepositories);
    connect(m_repositoryPane, &RepositoryPane::retryRequested, m_session, &BrowseSession::reloadDetails);
    connect(m_tagsPane, &TagsPane::tagSelected, this, &MainWindow::onTagSelected);
    connect(m_platformsPane, &PlatformsPane::platformSelected, this, &MainWindow::onPlatformSelected);
    connect(m_platformsPane, &PlatformsPane::retryRequested, m_session, &BrowseSession::retry);
    // Where Pull sends an image is remembered as soon as it is chosen.
    connect(m_platformsPane, &PlatformsPane::pullTargetChanged, this, [](std::optional<EngineKind> target) {
        Preferences::settings().setValue(key(kPullTarget), target ? EngineLocator::kindName(target.value()).toLower() : QStringLiteral("store"));
    });
    // The Tags pane's row menu: Pull (the tag's selected platform, or this machine's), Compare With
    // (the image on show against that tag), Show in Layer Map (adds the tag to the map's choice).
    connect(m_tagsPane, &TagsPane::pullRequested, m_platformsPane, &PlatformsPane::pullWhenShown);
    connect(m_tagsPane, &TagsPane::compareRequested, this, [this](const QString &tag) {
        m_comparePane->setOther(tag, m_session->platform());
        Q_EMIT m_comparePane->compareRequested(tag, m_session->platform());
    });
    connect(m_tagsPane, &TagsPane::mapLayersRequested, this, [this](const QString &tag) {
        QStringList tags = m_layerMapPane->checkedTags();
        if (!tags.contains(tag))
            tags.append(tag);
        m_layerMapPane->setCheckedTags(tags);
        bringForward(m_layerMapPane);
    });
    connect(m_imagePane, &ImagePane::retryRequested, m_session, &BrowseSession::retry);
    connect(m_session, &BrowseSession::detailsLoading, m_repositoryPane, &RepositoryPane::setLoading);
    connect(m_session, &BrowseSession::detailsReady, m_repositoryPane, &RepositoryPane::setDetails);
    connect(m_session, &BrowseSession::detailsUnavailable, m_repositoryPane, &RepositoryPane::setNoDetails);
    connect(m_session, &BrowseSession::detailsFailed, m_repositoryPane, &RepositoryPane::setError);
    connect(m_session, &BrowseSession::resolving, this, &MainWindow::onResolving);
    connect(m_session, &BrowseSession::resolved, this, &MainWindow::onResolved);
    connect(m_session, &BrowseSession::resolveFailed, this, &MainWindow::onResolveFailed);

    StoreActions::Parts store;
    store.store = m_services.store;
    store.engine = m_services.engine;
    store.storeError = m_storeError;
    store.session = m_session;
    store.platforms = m_platformModel;
    store.platformsPane = m_platformsPane;
    store.pulls = m_pullModel;
    store.engines = m_services.engines;
    store.pullsDock = m_pullsDock;
    store.localImages = m_localImagesModel;
    store.localImagesPane = m_localImagesPane;
    store.desktop = &m_desktop;
    store.dialogParent = this;
    store.layerMap = m_layerMapLoader;
    store.comparePane = m_comparePane;
    auto *storeActions = new StoreActions(std::move(store), this);
    connect(storeActions, &StoreActions::openRequested, this, &MainWindow::openStoredImage);
    connect(storeActions, &StoreActions::statusMessage, statusBar(), [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });
    connect(storeActions, &StoreActions::dockerHubPullStarted, m_pullMeter, &PullMeter::pullStarted);
    connect(storeActions, &StoreActions::dockerHubPullEnded, m_pullMeter, &PullMeter::pullEnded);

    // Docker's and Podman's images beside the store's, opened like any other image.
    EngineSources::Parts engines;
    engines.targets = m_services.engines;
    engines.pane = m_localImagesPane;
    engines.session = m_session;
    engines.repositoryPane = m_repositoryPane;
    engines.layerMap = m_layerMapLoader;
    engines.pulls = m_pullModel;
    m_engineSources = new EngineSources(engines, this);
    connect(m_engineSources, &EngineSources::openRequested, this, &MainWindow::openEngineImage);
    connect(m_engineSources, &EngineSources::statusMessage, statusBar(), [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });

    // The Files, Efficiency and Compare panes follow the image on show and one another.
    LayerPanes::Parts parts;
    parts.registry = m_services.registry;
    parts.storeRoot = storeRoot();
    parts.store = m_services.store;
    parts.session = m_session;
    parts.history = m_historyModel;
    parts.historyView = m_imagePane->historyView();
    parts.platforms = m_platformModel;
    parts.map = m_layerMapPane;
    parts.filesModel = m_layerFilesModel;
    parts.filesPane = m_layerFilesPane;
    parts.efficiency = m_efficiencyModel;
    parts.efficiencyPanel = m_efficiencyPanel;
    parts.diff = m_diffModel;
    parts.comparePane = m_comparePane;
    parts.bringForward = [this](QWidget *pane) { bringForward(pane); };
    m_layerPanes = new LayerPanes(
        parts, [this](const QString &fileName) { return m_desktop.chooseExtractFolder(this, fileName); }, this);
    m_layerPanes->setAutoAnalyseLimit(kAutoAnalyseBytes);
    connect(m_layerPanes, &LayerPanes::statusMessage, statusBar(), [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });

    if (m_services.hub) {
        connect(m_services.hub, &HubClient::signInFailed, this,
                [this](const Error &error) { statusBar()->showMessage(error.message(), kStatusMessageMs); });
        connect(m_services.hub, &HubClient::signedIn, this,
                [this](const QString &user) { statusBar()->showMessage(tr("Signed in to Docker Hub as %1").arg(user), kStatusMessageMs); });
    }
    connect(m_pullMeter, &PullMeter::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, kStatusMessageMs); });

    // Selections remembered from the last run come back as their rows arrive.
    // A list that ended early (pages in circles) says so where the user looks after scrolling.
    const auto showNote = [this](const QString &note) {
        if (!note.isEmpty())
            statusBar()->showMessage(note, kStatusMessageMs);
    };
    connect(m_searchModel, &SearchModel::endNoteChanged, this, [this, showNote] { showNote(m_searchModel->endNote()); });
    connect(m_tagModel, &TagListModel::endNoteChanged, this, [this, showNote] { showNote(m_tagModel->endNote()); });
    connect(m_searchModel, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        for (int row = first; row <= last && !m_pendingRepository.isEmpty(); ++row) {
            const QModelIndex index = m_searchModel->index(row);
            if (index.data(SearchModel::ReferenceRole).toString() == m_pendingRepository) {
                m_pendingRepository.clear();
                m_searchPane->resultsView()->setCurrentIndex(index);
            }
        }
    });
    connect(m_tagModel, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_pendingTag.isEmpty() && m_tagsPane->selectTag(m_pendingTag))
            m_pendingTag.clear();
    });
    connect(m_platformModel, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_pendingPlatform.isEmpty() && m_platformsPane->selectPlatform(m_pendingPlatform))
            m_pendingPlatform.clear();
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *login = file->addAction(Icons::icon(Icons::Name::Login), tr("&Log In…"));
    login->setObjectName(QStringLiteral("loginAction"));
    login->setEnabled(m_services.keychain && m_services.session);
    connect(login, &QAction::triggered, this, &MainWindow::openLoginDialog);
    m_logoutMenu = file->addMenu(Icons::icon(Icons::Name::Login), tr("Log &Out"));
    m_logoutMenu->setObjectName(QStringLiteral("logoutMenu"));
    m_logoutMenu->menuAction()->setObjectName(QStringLiteral("logoutMenuAction"));
    m_logoutMenu->setEnabled(login->isEnabled());
    if (login->isEnabled()) {
        m_logins = new RegistryLogins(m_services.keychain, m_services.session, this);
        m_logins->setClients(m_services.registry, m_services.hub);
    }
    connect(m_logoutMenu, &QMenu::aboutToShow, this, &MainWindow::updateLogoutMenu);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(Icons::icon(Icons::Name::Search), tr("&Find…"));
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(find, &QAction::triggered, m_searchPane, &SearchPane::focusQuery);
    QAction *copy = edit->addAction(Icons::icon(Icons::Name::Copy), tr("&Copy Digest or Reference"));
    copy->setObjectName(QStringLiteral("copyAction"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_C));
    connect(copy, &QAction::triggered, this, &MainWindow::copySelection);
    edit->addSeparator();
    QAction *settings = edit->addAction(Icons::icon(Icons::Name::Settings), tr("&Settings…"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    connect(settings, &QAction::triggered, this, &MainWindow::openSettingsDialog);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *start = view->addAction(Icons::icon(Icons::Name::Repository), tr("&Start Page"));
    start->setObjectName(QStringLiteral("startAction"));
    start->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    connect(start, &QAction::triggered, this, [this] {
        showStartPage();
        focusPane(m_startView);
    });
    view->addSeparator();
    // The image's tabs, each one keystroke away.
    const QList<std::pair<QWidget *, QString>> tabs = {{m_imagePane, QStringLiteral("imageTabAction")},
                                                       {m_layerMapPane, QStringLiteral("layerMapTabAction")},
                                                       {m_layerFilesPane, QStringLiteral("filesTabAction")},
                                                       {m_efficiencyPanel, QStringLiteral("efficiencyTabAction")},
                                                       {m_comparePane, QStringLiteral("compareTabAction")}};
    for (int i = 0; i < int(tabs.size()); ++i) {
        QWidget *pane = tabs.at(i).first;
        const int tab = m_imageTabs->indexOf(pane);
        QAction *action = view->addAction(m_imageTabs->tabIcon(tab), m_imageTabs->tabText(tab));
        action->setObjectName(tabs.at(i).second);
        action->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, pane] {
            bringForward(pane);
            focusPane(pane);
        });
    }
    view->addSeparator();
    // Qt's own toggle action would hide a dock that sits behind a tab; these bring it forward, and
    // hide only a dock that is in front.
    for (QDockWidget *dock : std::as_const(m_docks)) {
        QAction *shown = dock->toggleViewAction();
        QAction *action = view->addAction(shown->icon(), shown->text());
        action->setObjectName(dock->objectName() + u"Action");
        action->setCheckable(true);
        action->setChecked(shown->isChecked());
        connect(shown, &QAction::toggled, action, &QAction::setChecked);
        connect(action, &QAction::triggered, dock, [dock, shown, action] {
            // Behind a tab a dock is still "visible" to Qt, but none of it can be seen.
            if (shown->isChecked() && (!dock->isVisible() || dock->visibleRegion().isEmpty()))
                dock->raise(); // to the front
            else
                shown->trigger();
            if (dock->isVisible())
                dock->raise();
            action->setChecked(shown->isChecked());
        });
    }
    view->addSeparator();
    // Tab moves within a pane and leaves a table; these move between panes.
    QAction *nextPane = view->addAction(tr("&Next Pane"));
    nextPane->setObjectName(QStringLiteral("nextPaneAction"));
    nextPane->setShortcuts({QKeySequence(Qt::Key_F6), QKeySequence(Qt::CTRL | Qt::Key_Tab)});
    connect(nextPane, &QAction::triggered, this, [this] { cyclePanes(+1); });
    QAction *previousPane = view->addAction(tr("&Previous Pane"));
    previousPane->setObjectName(QStringLiteral("previousPaneAction"));
    previousPane->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_F6), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab)});
    connect(previousPane, &QAction::triggered, this, [this] { cyclePanes(-1); });
    view->addSeparator();
    QAction *refreshAction = view->addAction(tr("&Refresh"));
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Question));
    connect(shortcuts, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(this, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *readme = help->addAction(tr("Wharf &README"));
    readme->setObjectName(QStringLiteral("readmeAction"));
    readme->setShortcut(QKeySequence::HelpContents);
    connect(readme, &QAction::triggered, this, [this] {
        // One README window; asking again brings it forward.
        auto *dialog = findChild<ReadmeDialog *>();
        if (!dialog) {
            dialog = new ReadmeDialog(this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Wharf"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        auto *dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, this, [this] { QApplication::aboutQt(); });
}

void MainWindow::refresh()
{
    if (m_localImagesModel)
        m_localImagesModel->refresh(); // what the store holds now (another Wharf may have pulled)
    m_localImagesPane->refreshShownEngine();
    if (!m_session->repository().isValid()) {
        // Nothing picked yet: the search is what there is to ask again.
        m_searchModel->reload();
        return;
    }
    const QString name = m_session->repository().familiarName();
    const QString platform = m_session->platform();
    QString what = m_session->tag().isEmpty() ? name : name + u':' + m_session->tag();
    if (!platform.isEmpty())
        what = tr("%1 (%2)", "a reference and its platform").arg(what, platform);
    // The tag on show comes back selected when its row does (and is not resolved twice: the
    // session asks for it below, by the tag, with a HEAD first).
    m_pendingTag = m_session->tag();
    m_tagModel->reload();
    m_session->refresh();
    statusBar()->showMessage(tr("Refreshing %1…").arg(what), kStatusMessageMs);
}

QList<QWidget *> MainWindow::panesInOrder() const
{
    // Reading order: what to look at, then what it is, then the docks.
    QList<QWidget *> panes{m_searchPane, m_tagsPane, m_startView, m_repositoryPane, m_platformsPane, m_imageTabs->currentWidget()};
    for (QDockWidget *dock : m_docks)
        panes.append(dock->widget());
    return panes;
}

bool MainWindow::focusPane(QWidget *pane)
{
    if (!pane || !pane->isVisible() || pane->visibleRegion().isEmpty())
        return false;
    // Where a person works in the pane: the search box, else its main list, else anything that
    // takes the keyboard.
    QWidget *target = nullptr;
    if (pane == m_searchPane)
        target = m_searchPane->queryEdit();
    for (QAbstractItemView *view : pane->findChildren<QAbstractItemView *>()) {
        if (!target && view->isVisible() && view->isEnabled() && view->focusPolicy() != Qt::NoFocus)
            target = view;
    }
    for (QWidget *w = pane->nextInFocusChain(); !target && w != pane; w = w->nextInFocusChain()) {
        if (pane->isAncestorOf(w) && w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
            target = w;
    }
    if (!target)
        target = pane;
    target->setFocus(Qt::TabFocusReason);
    return true;
}

void MainWindow::cyclePanes(int step)
{
    const QList<QWidget *> panes = panesInOrder();
    const QWidget *focus = QApplication::focusWidget();
    int at = -1;
    for (int i = 0; i < int(panes.size()) && at < 0; ++i)
        if (focus && (panes.at(i) == focus || panes.at(i)->isAncestorOf(focus)))
            at = i;
    if (at < 0)
        at = step > 0 ? -1 : 0;
    for (int tried = 1; tried <= int(panes.size()); ++tried) {
        const int next = int((at + step * tried + panes.size() * 2) % panes.size());
        if (focusPane(panes.at(next)))
            return;
    }
}

void MainWindow::markFocusedPane()
{
    // Whichever pane holds the keyboard says so in its heading (the image's tabs in their bar).
    const QWidget *focus = QApplication::focusWidget();
    for (QWidget *pane : panesInOrder()) {
        const bool active = focus && (pane == focus || pane->isAncestorOf(focus));
        QWidget *frame = pane->parentWidget(); // a titled box (PaneFrame::titled)
        if (m_imageTabs->isAncestorOf(pane))
            frame = m_imageTabs;
        else if (auto *dock = qobject_cast<QDockWidget *>(frame))
            frame = dock->titleBarWidget();
        else if (pane == m_startView)
            continue; // a page of its own, with no heading
        PaneFrame::setActive(frame, active);
    }
}

void MainWindow::createStatusBar()
{
    m_rateLimit = new RateLimitIndicator(statusBar());
    statusBar()->addPermanentWidget(m_rateLimit);
    m_pullMeter = new PullMeter(m_services.registry, m_rateLimit, this);
    statusBar()->showMessage(tr("Ready"), kStatusMessageMs);
}

void MainWindow::restoreSettings()
{
    const QSettings s = Preferences::settings();
    m_geometryRestored = restoreGeometry(s.value(key(kGeometry)).toByteArray());
    restoreState(s.value(key(kState)).toByteArray(), kLayoutVersion);
    m_mainSplitter->restoreState(s.value(key(kMainSplitter)).toByteArray());
    m_browseSplitter->restoreState(s.value(key(kBrowseSplitter)).toByteArray());
    m_rightSplitter->restoreState(s.value(key(kRightSplitter)).toByteArray());
    m_detailsSplitter->restoreState(s.value(key(kDetailsSplitter)).toByteArray());
    m_imageTabs->setCurrentIndex(s.value(key(kImageTab), 0).toInt());
    m_imagePane->splitter()->restoreState(s.value(key(kImageSplitter)).toByteArray());
    m_searchPane->setRegistries(Preferences::load().registries);
    {
        const QSignalBlocker blocker(m_platformsPane);
        m_platformsPane->setPullTarget(EngineLocator::kindFromName(s.value(key(kPullTarget)).toString()));
    }

    m_pendingRepository = s.value(key(kRepository)).toString();
    m_pendingTag = s.value(key(kTag)).toString();
    m_pendingPlatform = s.value(key(kPlatform)).toString();
    const QString query = s.value(key(kQuery)).toString();
    {
        const QSignalBlocker blocker(m_searchPane);
        m_searchPane->setRegistry(s.value(key(kRegistry)).toString());
    }
    if (!query.isEmpty()) {
        m_searchPane->queryEdit()->setText(query);
        m_searchModel->search(query, m_searchPane->registry());
    }
    // The repository comes back by itself, whether or not the search lists it (the search list
    // highlights it if it does).
    if (!m_pendingRepository.isEmpty())
        onRepositorySelected(m_pendingRepository);
}

void MainWindow::saveSettings() const
{
    QSettings s = Preferences::settings();
    s.setValue(key(kGeometry), saveGeometry());
    s.setValue(key(kState), saveState(kLayoutVersion));
    s.setValue(key(kMainSplitter), m_mainSplitter->saveState());
    s.setValue(key(kBrowseSplitter), m_browseSplitter->saveState());
    s.setValue(key(kRightSplitter), m_rightSplitter->saveState());
    s.setValue(key(kDetailsSplitter), m_detailsSplitter->saveState());
    s.setValue(key(kImageTab), m_imageTabs->currentIndex());
    s.setValue(key(kImageSplitter), m_imagePane->splitter()->saveState());
    s.setValue(key(kQuery), m_searchPane->queryEdit()->text());
    s.setValue(key(kRegistry), m_searchPane->registry());
    s.setValue(key(kRepository), m_session->repository().isValid() ? m_session->repository().toString() : QString());
    s.setValue(key(kTag), m_session->tag());
    const int platform = m_platformsPane->currentPlatform();
    s.setValue(key(kPlatform),
               platform >= 0 ? m_platformModel->platformIndex(platform).data(PlatformModel::PlatformRole).toString() : QString());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // The meter's first reading, once there is a window to show it in.
    if (!m_rateLimitAsked) {
        m_rateLimitAsked = true;
        refreshRateLimit();
        if (m_rightStack->currentWidget() == m_startView)
            showStartPage();
        // The first time, the window's frame (title bar, borders) comes on top of its 1280×800:
        // on a screen that size the status bar ended below the screen's edge. Once the window
        // manager has framed it, it is shrunk to the screen's free area. (An offscreen window has
        // no screen to fit.)
        if (!m_geometryRestored && QGuiApplication::platformName() != QLatin1StringView("offscreen"))
            QTimer::singleShot(200, this, &MainWindow::fitIntoScreen);
    }
}

void MainWindow::fitIntoScreen()
{
    if (isMaximized() || isFullScreen() || !screen())
        return;
    const QRect available = screen()->availableGeometry();
    const QRect frame = frameGeometry();
    if (available.contains(frame))
        return;
    const QSize margins = frame.size() - size();
    resize(size().boundedTo(available.size() - margins));
    move(available.topLeft() + QPoint(std::max(0, (available.width() - frameGeometry().width()) / 2), 0));
}

void MainWindow::rememberRecent(const QString &reference)
{
    QSettings settings = Preferences::settings();
    QStringList recent = settings.value(key(kRecent)).toStringList();
    recent.removeAll(reference);
    recent.prepend(reference);
    while (recent.size() > kRecentRepositories)
        recent.removeLast();
    settings.setValue(key(kRecent), recent);
    m_startView->setRecent(recent);
}

void MainWindow::showStartPage()
{
    m_rightStack->setCurrentWidget(m_startView);
    // Docker Hub is asked for its most pulled official images when the page is first seen.
    if (m_popularModel->state() == SearchModel::State::Idle)
        m_popularModel->listNamespace(QStringLiteral("library"), {}, QStringLiteral("-pull_count"));
}

void MainWindow::refreshRateLimit()
{
    m_pullMeter->refresh();
}

void MainWindow::onRepositorySelected(const QString &reference)
{
    auto parsed = ImageReference::parseDockerRef(reference);
    if (!parsed) {
        m_repositoryPane->clear();
        statusBar()->showMessage(parsed.error().message(), kStatusMessageMs);
        return;
    }
    const ImageReference repository = parsed->repository();
    m_rightStack->setCurrentWidget(m_rightSplitter);
    rememberRecent(repository.toString());
    if (m_session->repository().isValid() && m_session->repository().toString() == repository.toString())
        return; // already in view (the search list catching up with a restored session)
    m_tagsPane->filterEdit()->clear();
    m_tagModel->setRepository(repository);
    m_platformModel->clear();
    m_platformsPane->clear();
    m_historyModel->clear();
    m_configModel->clear();
    m_imagePane->clear();
    m_layerPanes->clear();
    m_comparePane->clear();
    m_layerMapLoader->setRepository(repository.domain(), repository.path());
    m_repositoryPane->setRepository(repository.familiarName(), repository.familiarName());
    m_session->setRepository(repository);
}

void MainWindow::openStoredImage(const StoredImage &image)
{
    onRepositorySelected(image.reference);
    m_session->openStored(image);
    m_repositoryPane->setTag(m_session->tag());
}

void MainWindow::openEngineImage(const EngineImageSource &source)
{
    if (source.name == source.imageId) {
        // Untagged: no repository to browse, only the image.
        m_rightStack->setCurrentWidget(m_rightSplitter);
        m_platformModel->clear();
        m_layerPanes->clear();
        m_comparePane->clear();
        m_layerMapLoader->setRepository({}, {});
        const auto id = Digest::parse(source.imageId);
        m_repositoryPane->setRepository(id ? id->shortForm() : source.imageId, {});
        m_repositoryPane->setNoRepository(tr("An untagged image: it has no repository or tags to show."));
    } else {
        onRepositorySelected(source.name);
    }
    m_session->openEngine(source);
    m_repositoryPane->setTag(m_session->tag());
}

void MainWindow::onTagSelected(const QString &tag)
{
    // The tag of a stored (or engine's) image on show, picked in Tags: the registry's image of it.
    if (tag.isEmpty() || (tag == m_session->tag() && !m_session->isStored() && !m_session->isFromEngine()))
        return;
    m_repositoryPane->setTag(tag);
    m_session->setTag(tag); // the layer map follows once the tag has resolved (its platform, from the cache)
    // The meter asks about the image on show (a HEAD, free) rather than Docker's probe image.
    if (m_session->repository().domain() == HubRateLimitProbe::Registry)
        m_pullMeter->setImage(m_session->repository().path(), tag);
}

void MainWindow::onPlatformSelected(int row)
{
    const QString platform = m_platformModel->platformIndex(row).data(PlatformModel::PlatformRole).toString();
    if (!platform.isEmpty() && platform != m_session->platform())
        m_session->setPlatform(platform);
}

void MainWindow::onResolving(BrowseSession::Scope scope)
{
    // The panes about the last image must not stand for the next one while it is looked up.
    m_layerPanes->clear();
    if (scope == BrowseSession::Scope::Tag) {
        m_platformModel->clear();
        m_platformsPane->setLoading();
    }
    m_imagePane->setLoading();
}

void MainWindow::onResolveFailed(const Error &error, BrowseSession::Scope scope)
{
    if (scope == BrowseSession::Scope::Tag) {
        m_platformsPane->setError(error);
        m_layerMapPane->setCheckedTags({m_session->tag()});
    }
    m_imagePane->setError(error);
    m_layerPanes->showUnavailable(error);
}

void MainWindow::onResolved(BrowseSession::Scope scope)
{
    const InspectedImage &image = *m_session->image();
    m_layerMapPane->followPlatform(m_session->platform());
    if (scope == BrowseSession::Scope::Tag) {
        m_layerMapPane->setCheckedTags({m_session->tag()});
        m_platformModel->setImage(image);
        m_platformModel->setSizeHints(m_tagModel->platformSizes(m_session->tag())); // Docker Hub's, free
    }
    m_historyModel->setImage(image);
    m_configModel->setImage(image);
    m_imagePane->showImage();
    m_layerPanes->showImage(image);
}

QString MainWindow::storeRoot() const
{
    return m_services.store ? m_services.store->root() : QString();
}

void MainWindow::copySelection()
{
    QWidget *focus = QApplication::focusWidget();
    if (auto *edit = qobject_cast<QLineEdit *>(focus)) {
        edit->copy();
        return;
    }
    // Every list a person can copy from says what a row copies (ItemRole::CopyText); elsewhere,
    // or on a row with nothing to copy, the repository's pull command.
    QString text;
    if (auto *view = qobject_cast<QAbstractItemView *>(focus))
        text = view->currentIndex().data(ItemRole::CopyText).toString();
    if (text.isEmpty() && m_session->repository().isValid())
        text = m_repositoryPane->pullCommand();
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
        statusBar()->showMessage(tr("Copied %1").arg(text), 3000);
    }
}

void MainWindow::showMyRepositories()
{
    if (!m_services.hub)
        return;
    // Whoever the docker.io login signs in as; without one, say how to get there.
    m_services.hub->withBearer(this, [this](const QByteArray &) {
        const QString user = m_services.hub->signedInAs();
        if (user.isEmpty()) {
            statusBar()->showMessage(tr("Log in to docker.io first (File → Log In…) to see your repositories."), kStatusMessageMs);
            return;
        }
        m_searchPane->queryEdit()->clear();
        m_searchModel->listNamespace(user);
        statusBar()->showMessage(tr("Docker Hub repositories of %1").arg(user), kStatusMessageMs);
    });
}

void MainWindow::openLoginDialog()
{
    if (!m_services.keychain || !m_services.session) {
        statusBar()->showMessage(tr("Logging in is not available in this window."), kStatusMessageMs);
        return;
    }
    auto *dialog = new LoginDialog(m_services.keychain, m_services.session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_services.registry)
        dialog->setClientSettings(m_services.registry->settings());
    if (m_session->repository().isValid())
        dialog->setRegistry(m_session->repository().domain());
    connect(dialog, &LoginDialog::loggedIn, this, [this](const QString &registry, bool storedInKeychain) {
        if (m_services.registry)
            m_services.registry->forgetCredentials(registry);
        if (m_services.hub && registry == HubRateLimitProbe::Registry)
            m_services.hub->forgetSignIn(); // the next Hub request signs in with the new login
        if (storedInKeychain) {
            // Names only, so that File → Log Out can ask the keychain about them later.
            QSettings settings = Preferences::settings();
            QStringList known = settings.value(key(kLogins)).toStringList();
            if (!known.contains(registry))
                settings.setValue(key(kLogins), known << registry);
        }
        statusBar()->showMessage(storedInKeychain ? tr("Logged in to %1").arg(registry)
                                                  : tr("Logged in to %1 for this session only").arg(registry),
                                 kStatusMessageMs);
        // Logged-in pulls count against the account, not the address: the limit changes.
        if (registry == HubRateLimitProbe::Registry)
            refreshRateLimit();
    });
    dialog->open();
}

void MainWindow::updateLogoutMenu()
{
    if (!m_logins)
        return;
    const int asked = ++m_logoutMenuAsked;
    if (m_logoutMenu->isEmpty()) {
        QAction *looking = m_logoutMenu->addAction(tr("Looking for saved logins…"));
        looking->setEnabled(false);
    }
    // The keychain cannot be listed: it is asked about every registry Wharf may have a login for.
    QStringList candidates = Preferences::settings().value(key(kLogins)).toStringList();
    candidates << QString(HubRateLimitProbe::Registry) << Preferences::load().registries;
    if (m_session->repository().isValid())
        candidates << m_session->repository().domain();
    m_logins->find(candidates, this, [this, asked](const QList<RegistryLogins::Login> &logins) {
        if (asked != m_logoutMenuAsked)
            return;
        m_logoutMenu->clear();
        if (logins.isEmpty()) {
            QAction *none = m_logoutMenu->addAction(tr("No saved logins"));
            none->setObjectName(QStringLiteral("noLoginsAction"));
            none->setEnabled(false);
            return;
        }
        for (const RegistryLogins::Login &login : logins) {
            const QString text = login.kept == RegistryLogins::Kept::InKeychain
                ? tr("%1 as %2 (saved in the keychain)").arg(login.registry, login.username)
                : tr("%1 as %2 (this session only)").arg(login.registry, login.username);
            QAction *action = m_logoutMenu->addAction(text);
            action->setObjectName(QStringLiteral("logoutAction"));
            action->setData(login.registry);
            connect(action, &QAction::triggered, this, [this, registry = login.registry] { logOut(registry); });
        }
    });
}

void MainWindow::logOut(const QString &registry)
{
    m_logins->logOut(registry, this, [this, registry](const Result<QList<RegistryLogins::Kept>> &removed) {
        if (!removed) {
            statusBar()->showMessage(tr("Could not log out of %1: %2").arg(registry, removed.error().message()), kStatusMessageMs);
            return;
        }
        QSettings settings = Preferences::settings();
        QStringList known = settings.value(key(kLogins)).toStringList();
        if (known.removeAll(registry) > 0)
            settings.setValue(key(kLogins), known);
        if (removed->contains(RegistryLogins::Kept::InKeychain))
            statusBar()->showMessage(tr("Logged out of %1: its login is removed from the keychain.").arg(registry), kStatusMessageMs);
        else if (removed->contains(RegistryLogins::Kept::ForThisRun))
            statusBar()->showMessage(tr("Logged out of %1: this session’s login is forgotten.").arg(registry), kStatusMessageMs);
        else
            statusBar()->showMessage(tr("Wharf kept no login for %1.").arg(registry), kStatusMessageMs);
        // Anonymous pulls count against the address again.
        if (registry == HubRateLimitProbe::Registry)
            refreshRateLimit();
        updateLogoutMenu();
    });
}

void MainWindow::openSettingsDialog()
{
    auto *dialog = new SettingsDialog(Preferences::load(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::preferencesSaved, this, [this](const Preferences &preferences, bool languageChanged) {
        applyPreferences(preferences);
        statusBar()->showMessage(languageChanged ? tr("Settings saved. The new language is used the next time Wharf starts.")
                                                 : tr("Settings saved."),
                                 kStatusMessageMs);
    });
    dialog->open();
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_searchPane->setRegistries(preferences.registries);
}

} // namespace wharf
