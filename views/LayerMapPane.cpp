#include "LayerMapPane.h"

#include "Icons.h"
#include "LayerMapScene.h"
#include "LayerMapView.h"
#include "StatePanel.h"
#include "itemmodels/TagCheckProxyModel.h"
#include "layers/LayerMapLoader.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wharf {

namespace {

// Ticking several tags in a row should cost one load.
constexpr int kReloadDelayMs = 300;

QToolButton *toolButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

} // namespace

LayerMapPane::LayerMapPane(LayerMapLoader *loader, QWidget *parent)
    : QWidget(parent),
      m_loader(loader),
      m_checks(new TagCheckProxyModel(this)),
      m_filtered(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)),
      m_tags(new QListView(this)),
      m_platform(new QComboBox(this)),
      m_view(new LayerMapView(this)),
      m_export(new QToolButton(this)),
      m_zoom(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_problems(new QLabel(this)),
      m_reload(new QTimer(this))
{
    // The chooser.
    m_filtered->setSourceModel(m_checks);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setObjectName(QStringLiteral("layerMapFilter"));
    m_filter->setPlaceholderText(tr("Filter tags"));
    m_filter->setClearButtonEnabled(true);
    m_tags->setObjectName(QStringLiteral("layerMapTags"));
    m_tags->setModel(m_filtered);
    m_tags->setUniformItemSizes(true);
    m_tags->setToolTip(tr("Tick the tags whose images the map compares."));
    m_platform->setObjectName(QStringLiteral("layerMapPlatform"));
    m_platform->addItem(tr("All platforms"), QString());
    m_platform->setToolTip(tr("Map every platform of each tag, or only one."));
    auto *platformLabel = new QLabel(tr("&Platform:"), this);
    platformLabel->setBuddy(m_platform);
    auto *tagsLabel = new QLabel(tr("&Tags to compare:"), this);
    tagsLabel->setBuddy(m_filter);

    auto *chooser = new QWidget(this);
    auto *chooserLayout = new QVBoxLayout(chooser);
    chooserLayout->setContentsMargins(6, 6, 0, 6);
    chooserLayout->addWidget(tagsLabel);
    chooserLayout->addWidget(m_filter);
    chooserLayout->addWidget(m_tags, 1);
    auto *platformRow = new QHBoxLayout;
    platformRow->addWidget(platformLabel);
    platformRow->addWidget(m_platform, 1);
    chooserLayout->addLayout(platformRow);

    // The map and its controls.
    m_export->setObjectName(QStringLiteral("layerMapExport"));
    m_export->setText(tr("Export"));
    m_export->setIcon(Icons::icon(Icons::Name::Export));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setAutoRaise(true);
    auto *exportMenu = new QMenu(m_export);
    connect(exportMenu->addAction(tr("As PNG Image…")), &QAction::triggered, this, [this] { exportAs(QStringLiteral("png")); });
    connect(exportMenu->addAction(tr("As SVG Drawing…")), &QAction::triggered, this, [this] { exportAs(QStringLiteral("svg")); });
    m_export->setMenu(exportMenu);
    m_export->setEnabled(false);
    m_zoom->setObjectName(QStringLiteral("layerMapZoom"));
    m_zoom->setMinimumWidth(m_zoom->fontMetrics().horizontalAdvance(QStringLiteral("400 %")) + 8);
    m_zoom->setAlignment(Qt::AlignCenter);
    m_summary->setObjectName(QStringLiteral("layerMapSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Cut short in a narrow dock rather than widening the window; the tooltip has all of it.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_problems->setObjectName(QStringLiteral("layerMapProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("color: #8a5300;"));
    m_problems->hide();

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(4, 2, 4, 2);
    controls->addWidget(toolButton(m_view->zoomOutAction(), this));
    controls->addWidget(m_zoom);
    controls->addWidget(toolButton(m_view->zoomInAction(), this));
    controls->addWidget(toolButton(m_view->fitAction(), this));
    controls->addSpacing(12);
    controls->addWidget(m_summary, 1);
    controls->addWidget(m_export);

    m_state = new StatePanel(m_view, this);
    auto *mapSide = new QWidget(this);
    auto *mapLayout = new QVBoxLayout(mapSide);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->addLayout(controls);
    mapLayout->addWidget(m_state, 1);
    mapLayout->addWidget(m_problems);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("layerMapSplitter"));
    splitter->addWidget(chooser);
    splitter->addWidget(mapSide);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 800});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    m_reload->setSingleShot(true);
    m_reload->setInterval(kReloadDelayMs);
    connect(m_reload, &QTimer::timeout, this, &LayerMapPane::reload);
    connect(m_filter, &QLineEdit::textChanged, m_filtered, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_checks, &TagCheckProxyModel::checkedTagsChanged, this, &LayerMapPane::scheduleReload);
    connect(m_platform, &QComboBox::activated, this, [this] {
        m_platformChosen = true; // the person's choice: no longer follows the platform on show
        scheduleReload();
    });
    connect(m_state, &StatePanel::retryRequested, this, &LayerMapPane::reload);
    connect(m_view, &LayerMapView::layerSelected, this, &LayerMapPane::layerSelected);
    connect(m_view, &LayerMapView::layerActivated, this, &LayerMapPane::layerActivated);
    connect(m_view, &LayerMapView::layerMenuRequested, this, &LayerMapPane::layerMenuRequested);
    connect(m_view, &LayerMapView::zoomChanged, this, &LayerMapPane::updateZoomLabel);
    connect(m_loader, &LayerMapLoader::stateChanged, this, &LayerMapPane::onStateChanged);
    connect(m_loader, &LayerMapLoader::progress, this, &LayerMapPane::onStateChanged);
    connect(m_loader, &LayerMapLoader::graphChanged, this, &LayerMapPane::onGraphChanged);
    connect(m_loader, &LayerMapLoader::repositoryChanged, this, [this] {
        m_reload->stop();
        m_checks->setCheckedTags({});
        m_reload->stop(); // the loader has just cleared itself
        m_platform->setCurrentIndex(0);
        m_platformChosen = false;
        updatePlatforms();
    });
    updateZoomLabel(m_view->zoom());
    onGraphChanged();
    onStateChanged();
}

void LayerMapPane::setTagModel(QAbstractItemModel *tags, int nameRole)
{
    m_checks->setSourceModel(tags);
    m_checks->setNameRole(nameRole);
    m_filtered->setFilterRole(nameRole);
}

void LayerMapPane::setCheckedTags(const QStringList &tags)
{
    m_checks->setCheckedTags(tags);
}

QStringList LayerMapPane::checkedTags() const
{
    return m_checks->checkedTags();
}

void LayerMapPane::setPlatform(const QString &platform)
{
    int index = m_platform->findData(platform);
    if (index < 0) {
        m_platform->addItem(platform, platform);
        index = m_platform->count() - 1;
    }
    if (index == m_platform->currentIndex())
        return;
    m_platform->setCurrentIndex(index);
    scheduleReload();
}

void LayerMapPane::followPlatform(const QString &platform)
{
    if (!m_platformChosen && !platform.isEmpty())
        setPlatform(platform);
}

QString LayerMapPane::platform() const
{
    return m_platform->currentData().toString();
}

void LayerMapPane::setSelectedLayer(const QString &digest)
{
    m_view->setSelectedLayer(digest);
}

void LayerMapPane::scheduleReload()
{
    m_reload->start();
}

void LayerMapPane::reload()
{
    m_reload->stop();
    std::optional<Platform> platform;
    if (const QString chosen = this->platform(); !chosen.isEmpty()) {
        if (auto parsed = Platform::parse(chosen))
            platform = *parsed;
    }
    QList<LayerMapSelection> selections;
    for (const QString &tag : m_checks->checkedTags())
        selections.append(LayerMapSelection{tag, platform});
    const auto state = m_loader->state();
    if (selections == m_loader->selections()
        && (state == LayerMapLoader::State::Loading || state == LayerMapLoader::State::Ready))
        return;
    m_loader->load(selections);
}

void LayerMapPane::onStateChanged()
{
    switch (m_loader->state()) {
    case LayerMapLoader::State::NoRepository:
        m_state->showMessage(tr("Pick a repository to see how its images share layers."));
        break;
    case LayerMapLoader::State::Idle:
        m_state->showMessage(tr("Tick one or more tags on the left to map their layers."));
        break;
    case LayerMapLoader::State::Loading:
        m_state->showMessage(m_loader->progressTotal() > 0
                                 ? tr("Fetching manifests and configs… (%1 of %2)").arg(m_loader->progressDone()).arg(m_loader->progressTotal())
                                 : tr("Fetching manifests and configs…"));
        break;
    case LayerMapLoader::State::Failed:
        if (m_loader->error())
            m_state->showFailure(tr("The layer map could not be built"), *m_loader->error());
        break;
    case LayerMapLoader::State::Ready:
        if (m_loader->graph().isEmpty())
            m_state->showMessage(tr("The chosen images have no layers to map."));
        else
            m_state->showContent();
        break;
    }
    QStringList problems;
    for (const LayerMapJob::Problem &problem : m_loader->problems())
        //: %1 is what could not be mapped (a tag or tag and platform), %2 the reason
        problems.append(tr("%1 (%2)").arg(problem.what, problem.error.message()));
    m_problems->setText(tr("Not on the map: %1").arg(problems.join(QStringLiteral("; "))));
    m_problems->setVisible(m_loader->state() == LayerMapLoader::State::Ready && !problems.isEmpty());
    updatePlatforms();
}

void LayerMapPane::onGraphChanged()
{
    const LayerGraph &graph = m_loader->graph();
    m_view->setGraph(graph, m_loader->repository());
    m_export->setEnabled(!graph.isEmpty());
    if (graph.isEmpty()) {
        m_summary->clear();
        return;
    }
    const QLocale locale;
    m_summary->setText(tr("%n image(s)", nullptr, int(graph.images().size())) + QStringLiteral(" · ")
                       + tr("%1 in all, %2 shared").arg(locale.formattedDataSize(graph.totalBytes()),
                                                        locale.formattedDataSize(graph.sharedBytes())));
    m_summary->setToolTip(m_summary->text());
}

void LayerMapPane::updatePlatforms()
{
    const QString current = platform();
    for (const QString &name : m_loader->platforms())
        if (m_platform->findData(name) < 0)
            m_platform->addItem(name, name);
    // Platforms of another repository go, except the one chosen.
    for (int i = m_platform->count() - 1; i > 0; --i) {
        const QString name = m_platform->itemData(i).toString();
        if (name != current && !m_loader->platforms().contains(name))
            m_platform->removeItem(i);
    }
}

void LayerMapPane::updateZoomLabel(double zoom)
{
    //: the zoom level in percent
    m_zoom->setText(tr("%1%").arg(qRound(zoom * 100)));
}

void LayerMapPane::exportAs(const QString &format)
{
    const bool png = format == QLatin1String("png");
    QString base = m_loader->repository().section(QLatin1Char('/'), -1);
    if (base.isEmpty())
        base = QStringLiteral("layers");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggested = QDir(folder).filePath(base + QStringLiteral("-layers.") + format);
    QString path = QFileDialog::getSaveFileName(this, tr("Export the Layer Map"), suggested,
                                                png ? tr("PNG image (*.png)") : tr("SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + format;
    const Result<void> written = png ? m_view->exportPng(path) : m_view->exportSvg(path);
    if (!written)
        QMessageBox::warning(this, tr("Export Failed"), written.error().message());
}

} // namespace wharf
