#include "MainWindow.h"

#include "ImagePane.h"
#include "LocalImagesPane.h"
#include "LoginDialog.h"
#include "PlatformsPane.h"
#include "PullsPane.h"
#include "RepositoryPane.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "credentials/ChainedCredentialSource.h"
#include "credentials/DockerConfigCredentials.h"
#include "credentials/KeychainStore.h"
#include "credentials/SessionCredentialSource.h"
#include "hub/HubClient.h"
#include "hub/HubTypes.h"
#include "items/ConfigModel.h"
#include "items/HistoryModel.h"
#include "items/LocalImagesModel.h"
#include "items/PlatformModel.h"
#include "items/PullListModel.h"
#include "items/SearchModel.h"
#include "items/TagListModel.h"
#include "pull/PullEngine.h"
#include "registry/ImageInspectJob.h"
#include "registry/RegistryClient.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace wharf {

namespace {

// QSettings keys.
constexpr auto kGeometry = "window/geometry";
constexpr auto kState = "window/state";
constexpr auto kMainSplitter = "window/mainSplitter";
constexpr auto kMiddleSplitter = "window/middleSplitter";
constexpr auto kRightSplitter = "window/rightSplitter";
constexpr auto kImageSplitter = "window/imageSplitter";
constexpr auto kQuery = "search/query";
constexpr auto kRegistry = "search/registry";
constexpr auto kRepository = "selection/repository";
constexpr auto kTag = "selection/tag";
constexpr auto kPlatform = "selection/platform";
constexpr auto kRegistries = "registries/list";

QSettings settings()
{
    return QSettings(QStringLiteral("Wharf"), QStringLiteral("wharf"));
}

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// A titled box around a pane, for the panes that live in splitters.
QWidget *titled(const QString &title, QWidget *pane, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *label = new QLabel(title, box);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(label);
    layout->addWidget(pane, 1);
    return box;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    createDefaultServices();
    build();
}

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent),
      m_services(services)
{
    build();
}

MainWindow::~MainWindow()
{
    if (m_inspectJob)
        m_inspectJob->cancel();
    if (m_repositoryJob)
        m_repositoryJob->cancel();
}

void MainWindow::createDefaultServices()
{
    m_session = std::make_unique<SessionCredentialSource>();
    m_keychain = std::make_unique<KeychainStore>();
    m_dockerConfig = std::make_unique<DockerConfigCredentials>();
    m_credentials = std::make_unique<ChainedCredentialSource>(
        std::vector<CredentialSource *>{m_session.get(), m_keychain.get(), m_dockerConfig.get()});
    m_ownedRegistry = std::make_unique<RegistryClient>();
    m_ownedRegistry->setCredentialSource(m_credentials.get());
    m_ownedHub = std::make_unique<HubClient>(m_ownedRegistry->network());
    m_services.registry = m_ownedRegistry.get();
    m_services.hub = m_ownedHub.get();

    auto store = ImageStore::open(ImageStore::defaultRoot());
    if (store) {
        m_services.store = *store;
        PullEngine::Options options;
        options.client.credentials = m_credentials.get();
        m_ownedEngine = std::make_unique<PullEngine>(*store, options);
        m_services.engine = m_ownedEngine.get();
    } else {
        m_storeError = store.error().message();
    }
}

void MainWindow::build()
{
    setWindowTitle(tr("Wharf"));

    m_searchModel = new SearchModel(m_services.hub, m_services.registry, this);
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

    m_searchPane = new SearchPane(m_searchModel, this);
    m_repositoryPane = new RepositoryPane(this);
    m_tagsPane = new TagsPane(m_tagModel, this);
    m_platformsPane = new PlatformsPane(m_platformModel, this);
    m_imagePane = new ImagePane(m_historyModel, m_configModel, this);
    m_pullsPane = new PullsPane(m_pullModel, this);
    m_localImagesPane = new LocalImagesPane(m_localImagesModel, this);

    m_middleSplitter = new QSplitter(Qt::Vertical, this);
    m_middleSplitter->setObjectName(QStringLiteral("middleSplitter"));
    m_middleSplitter->addWidget(titled(tr("Repository"), m_repositoryPane, m_middleSplitter));
    m_middleSplitter->addWidget(titled(tr("Tags"), m_tagsPane, m_middleSplitter));
    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_rightSplitter->addWidget(titled(tr("Platforms"), m_platformsPane, m_rightSplitter));
    m_rightSplitter->addWidget(titled(tr("Image"), m_imagePane, m_rightSplitter));
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(titled(tr("Search"), m_searchPane, m_mainSplitter));
    m_mainSplitter->addWidget(m_middleSplitter);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setStretchFactor(2, 3);
    setCentralWidget(m_mainSplitter);

    m_pullsDock = new QDockWidget(tr("Pulls"), this);
    m_pullsDock->setObjectName(QStringLiteral("pullsDock"));
    m_pullsDock->setWidget(m_pullsPane);
    addDockWidget(Qt::BottomDockWidgetArea, m_pullsDock);
    m_localDock = new QDockWidget(tr("Local images"), this);
    m_localDock->setObjectName(QStringLiteral("localImagesDock"));
    m_localDock->setWidget(m_localImagesPane);
    addDockWidget(Qt::BottomDockWidgetArea, m_localDock);
    splitDockWidget(m_pullsDock, m_localDock, Qt::Horizontal);
    // Browsing gets most of the height; the docks keep a few rows each.
    resizeDocks({m_pullsDock}, {180}, Qt::Vertical);

    connect(m_searchPane, &SearchPane::repositorySelected, this, &MainWindow::onRepositorySelected);
    connect(m_tagsPane, &TagsPane::tagSelected, this, &MainWindow::onTagSelected);
    connect(m_platformsPane, &PlatformsPane::platformSelected, this, &MainWindow::onPlatformSelected);
    connect(m_platformsPane, &PlatformsPane::pullRequested, this, &MainWindow::onPullRequested);
    connect(m_localImagesPane, &LocalImagesPane::exportRequested, this, &MainWindow::onExportRequested);

    connect(m_pullModel, &PullListModel::pullFinished, this,
            [this](const QString &reference, const std::optional<Error> &error) {
                if (!error)
                    statusBar()->showMessage(tr("Pulled %1").arg(reference));
                else if (error->code() == Error::Code::Cancelled)
                    statusBar()->showMessage(tr("Cancelled the pull of %1").arg(reference));
                else
                    statusBar()->showMessage(tr("The pull of %1 failed: %2").arg(reference, error->message()));
                if (m_localImagesModel)
                    m_localImagesModel->refresh();
                m_platformModel->refreshPullCosts();
            });
    if (m_localImagesModel) {
        connect(m_localImagesModel, &LocalImagesModel::removeFinished, this, [this](const LocalImageRemoval &removal) {
            if (removal.error)
                statusBar()->showMessage(tr("Could not delete the image: %1").arg(removal.error->message()));
            else
                statusBar()->showMessage(tr("Deleted %1").arg(removal.image.reference));
            m_platformModel->refreshPullCosts();
        });
        connect(m_localImagesModel, &LocalImagesModel::exportFinished, this, [this](const LocalImageExport &result) {
            if (result.error)
                statusBar()->showMessage(tr("The export failed: %1").arg(result.error->message()));
            else
                statusBar()->showMessage(tr("Exported to %1").arg(result.path));
        });
    }

    // Selections remembered from the last run come back as their rows arrive.
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

    createMenus();
    resize(1280, 800);
    restoreSettings();
    if (m_localImagesModel)
        m_localImagesModel->refresh();
    else
        m_localImagesPane->setError(m_storeError);
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *login = file->addAction(tr("Log in…"));
    login->setObjectName(QStringLiteral("loginAction"));
    connect(login, &QAction::triggered, this, &MainWindow::openLoginDialog);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find…"));
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(find, &QAction::triggered, m_searchPane, &SearchPane::focusQuery);
    QAction *copy = edit->addAction(tr("&Copy digest or reference"));
    copy->setObjectName(QStringLiteral("copyAction"));
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_C));
    connect(copy, &QAction::triggered, this, &MainWindow::copySelection);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_pullsDock->toggleViewAction());
    view->addAction(m_localDock->toggleViewAction());
}

void MainWindow::restoreSettings()
{
    const QSettings s = settings();
    restoreGeometry(s.value(key(kGeometry)).toByteArray());
    restoreState(s.value(key(kState)).toByteArray());
    m_mainSplitter->restoreState(s.value(key(kMainSplitter)).toByteArray());
    m_middleSplitter->restoreState(s.value(key(kMiddleSplitter)).toByteArray());
    m_rightSplitter->restoreState(s.value(key(kRightSplitter)).toByteArray());
    m_imagePane->splitter()->restoreState(s.value(key(kImageSplitter)).toByteArray());
    m_searchPane->setRegistries(s.value(key(kRegistries)).toStringList());

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
}

void MainWindow::saveSettings() const
{
    QSettings s = settings();
    s.setValue(key(kGeometry), saveGeometry());
    s.setValue(key(kState), saveState());
    s.setValue(key(kMainSplitter), m_mainSplitter->saveState());
    s.setValue(key(kMiddleSplitter), m_middleSplitter->saveState());
    s.setValue(key(kRightSplitter), m_rightSplitter->saveState());
    s.setValue(key(kImageSplitter), m_imagePane->splitter()->saveState());
    s.setValue(key(kQuery), m_searchPane->queryEdit()->text());
    s.setValue(key(kRegistry), m_searchPane->registry());
    s.setValue(key(kRepository), m_repository.isValid() ? m_repository.toString() : QString());
    s.setValue(key(kTag), m_tag);
    const int platform = m_platformsPane->currentPlatform();
    s.setValue(key(kPlatform),
               platform >= 0 ? m_platformModel->platformIndex(platform).data(PlatformModel::PlatformRole).toString()
                             : QString());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::onRepositorySelected(const QString &reference)
{
    auto parsed = ImageReference::parseDockerRef(reference);
    if (!parsed) {
        m_repositoryPane->clear();
        statusBar()->showMessage(parsed.error().message());
        return;
    }
    m_repository = parsed->repository();
    m_tag.clear();
    m_tagsPane->filterEdit()->clear();
    m_tagModel->setRepository(m_repository);
    m_platformModel->clear();
    m_platformsPane->clear();
    m_historyModel->clear();
    m_configModel->clear();
    m_imagePane->clear();
    if (m_inspectJob)
        m_inspectJob->cancel();

    m_repositoryPane->setRepository(m_repository.familiarName(), m_repository.familiarName());
    if (m_repositoryJob)
        m_repositoryJob->cancel();
    const bool hub = m_repository.domain() == QLatin1StringView("docker.io");
    if (!hub || !m_services.hub) {
        m_repositoryPane->setNoDetails();
        return;
    }
    const QString path = m_repository.path();
    const qsizetype slash = path.lastIndexOf(u'/');
    HubRequest *request =
        m_services.hub->repository(slash < 0 ? QStringLiteral("library") : path.left(slash), path.mid(slash + 1));
    const quint64 generation = ++m_repositoryGeneration;
    m_repositoryJob = request;
    m_repositoryPane->setLoading();
    connect(request, &Job::finished, this, [this, request, generation] {
        if (generation != m_repositoryGeneration || request->isCancelled())
            return;
        if (request->error()) {
            m_repositoryPane->setError(request->error()->message());
            return;
        }
        auto details = hub::parseRepository(request->json());
        if (details)
            m_repositoryPane->setDetails(*details);
        else
            m_repositoryPane->setError(details.error().message());
    });
    request->start();
}

void MainWindow::onTagSelected(const QString &tag)
{
    if (tag.isEmpty() || tag == m_tag)
        return;
    auto reference = m_repository.withTag(tag);
    if (!reference) {
        m_platformsPane->setError(reference.error().message());
        return;
    }
    m_tag = tag;
    m_repositoryPane->setTag(tag);
    inspect(*reference, QString(), true);
}

void MainWindow::onPlatformSelected(int row)
{
    const QString platform = m_platformModel->platformIndex(row).data(PlatformModel::PlatformRole).toString();
    if (platform.isEmpty() || platform == m_inspectedPlatform)
        return;
    auto reference = m_repository.withTag(m_tag);
    if (reference)
        inspect(*reference, platform, false);
}

void MainWindow::inspect(const ImageReference &reference, const QString &platform, bool platformsToo)
{
    if (!m_services.registry)
        return;
    if (m_inspectJob)
        m_inspectJob->cancel();
    std::optional<Platform> wanted;
    if (!platform.isEmpty()) {
        if (auto parsed = Platform::parse(platform))
            wanted = *parsed;
    }
    auto *job = new ImageInspectJob(m_services.registry, reference, wanted, this);
    const quint64 generation = ++m_inspectGeneration;
    m_inspectJob = job;
    if (platformsToo) {
        m_platformModel->clear();
        m_platformsPane->setLoading();
    }
    m_imagePane->setLoading();
    connect(job, &Job::finished, this, [this, job, generation, platformsToo] {
        if (generation != m_inspectGeneration || job->isCancelled())
            return;
        if (job->error()) {
            if (platformsToo)
                m_platformsPane->setError(job->error()->message());
            m_imagePane->setError(job->error()->message());
            return;
        }
        const InspectedImage &image = job->result();
        m_inspectedPlatform = image.chosen.platform ? image.chosen.platform->toString() : QString();
        if (platformsToo)
            m_platformModel->setImage(image);
        m_historyModel->setImage(image);
        m_configModel->setImage(image);
        m_imagePane->showImage();
    });
    job->start();
}

void MainWindow::onPullRequested(int row)
{
    const QModelIndex index = m_platformModel->platformIndex(row);
    auto reference = m_repository.withTag(m_tag);
    auto platform = Platform::parse(index.data(PlatformModel::PlatformRole).toString());
    if (!reference || !platform) {
        statusBar()->showMessage(tr("This platform cannot be pulled."));
        return;
    }
    if (!m_services.engine) {
        statusBar()->showMessage(tr("Pulling needs the local store: %1").arg(m_storeError));
        return;
    }
    PullRequest request;
    request.reference = *reference;
    request.platform = *platform;
    m_pullModel->pull(request);
    m_pullsDock->show();
    m_pullsDock->raise();
    statusBar()->showMessage(tr("Pulling %1 for %2…").arg(reference->toString(), platform->toString()));
}

void MainWindow::onExportRequested(int row)
{
    if (!m_localImagesModel)
        return;
    const QString docker = tr("Docker archive (*.tar)");
    const QString oci = tr("OCI archive (*.tar)");
    QString selected = docker;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export image"), QString(), docker + u";;" + oci, &selected);
    if (path.isEmpty())
        return;
    m_localImagesModel->exportImage(
        row, path, selected == oci ? ImageExporter::Format::OciArchive : ImageExporter::Format::DockerArchive);
    statusBar()->showMessage(tr("Exporting to %1…").arg(path));
}

void MainWindow::copySelection()
{
    QWidget *focus = QApplication::focusWidget();
    QString text;
    if (auto *edit = qobject_cast<QLineEdit *>(focus)) {
        edit->copy();
        return;
    }
    if (focus == m_platformsPane->view()) {
        text = m_platformsPane->view()->currentIndex().data(PlatformModel::DigestRole).toString();
    } else if (focus == m_tagsPane->view()) {
        const QString tag = m_tagsPane->currentTag();
        if (auto reference = m_repository.withTag(tag); reference && !tag.isEmpty())
            text = reference->toString();
    } else if (focus == m_searchPane->resultsView()) {
        text = m_searchPane->resultsView()->currentIndex().data(SearchModel::ReferenceRole).toString();
    } else if (focus == m_localImagesPane->view()) {
        text = m_localImagesPane->view()->currentIndex().data(LocalImagesModel::ReferenceRole).toString();
    } else if (focus == m_imagePane->historyView()) {
        text = m_imagePane->historyView()->currentIndex().data(HistoryModel::LayerDigestRole).toString();
    } else if (focus == m_imagePane->configView()) {
        text = m_imagePane->configView()->currentIndex().data(ConfigModel::CopyTextRole).toString();
    } else if (focus == m_pullsPane->view()) {
        text = m_pullsPane->view()->currentIndex().data(PullListModel::ReferenceRole).toString();
    }
    if (text.isEmpty() && m_repository.isValid())
        text = m_repositoryPane->pullCommand();
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
        statusBar()->showMessage(tr("Copied %1").arg(text), 3000);
    }
}

void MainWindow::openLoginDialog()
{
    if (!m_keychain || !m_session) {
        statusBar()->showMessage(tr("Logging in is not available in this window."));
        return;
    }
    auto *dialog = new LoginDialog(m_keychain.get(), m_session.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_repository.isValid())
        dialog->setRegistry(m_repository.domain());
    connect(dialog, &LoginDialog::loggedIn, this, [this](const QString &registry, bool storedInKeychain) {
        if (m_services.registry)
            m_services.registry->forgetCredentials(registry);
        statusBar()->showMessage(storedInKeychain ? tr("Logged in to %1").arg(registry)
                                                  : tr("Logged in to %1 for this session only").arg(registry));
    });
    dialog->open();
}

} // namespace wharf
