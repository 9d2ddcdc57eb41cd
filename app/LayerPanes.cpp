#include "LayerPanes.h"

#include "ComparePane.h"
#include "EfficiencyPanel.h"
#include "StatePanel.h"
#include "LayerFilesPane.h"
#include "LayerMapPane.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/ImageEfficiencyModel.h"
#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/PlatformModel.h"
#include "core/ContinueOnEventLoop.h"
#include "layers/LayerBlobCache.h"
#include "layers/LayerFileExtractJob.h"
#include "pull/PullPlanner.h"
#include "registry/RegistryClient.h"
#include "services/BrowseSession.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QMenu>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkInformation>
#include <QtConcurrentRun>
#include <QTableView>

namespace wharf {

LayerPanes::LayerPanes(Parts parts, ChooseFolder chooseExtractFolder, QObject *parent)
    : QObject(parent),
      m_parts(std::move(parts)),
      m_chooseExtractFolder(std::move(chooseExtractFolder))
{
    // The history row, the map and the Files pane follow one another, by signal.
    connect(m_parts.historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LayerPanes::onHistoryRowChanged);
    connect(m_parts.map, &LayerMapPane::layerSelected, this, &LayerPanes::onMapLayerSelected);
    connect(m_parts.filesPane, &LayerFilesPane::extractRequested, this, &LayerPanes::onExtractRequested);
    connect(m_parts.filesPane, &LayerFilesPane::retryRequested, this, [this] {
        if (!retryUnavailableImage())
            showLayerFiles(m_filesLayer);
    });
    connect(m_parts.filesPane, &LayerFilesPane::layerChosen, this, &LayerPanes::chooseLayer);
    // Enter or a double-click on a history row, or on a layer of the map, opens its files.
    connect(m_parts.historyView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.data(HistoryModel::LayerIndexRole).toInt() >= 0 && m_filesLayer >= 0)
            m_parts.bringForward(m_parts.filesPane);
    });
    // A layer's own menu, in the history and on the map: its files, its digest.
    m_parts.historyView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_parts.historyView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_parts.historyView->indexAt(pos);
        if (!index.isValid())
            return;
        m_parts.historyView->setCurrentIndex(index);
        showLayerMenu(index.data(HistoryModel::LayerDigestRole).toString(), m_parts.historyView->viewport()->mapToGlobal(pos));
    });
    connect(m_parts.map, &LayerMapPane::layerMenuRequested, this, [this](const QString &digest, const QPoint &globalPos) {
        onMapLayerSelected(digest);
        showLayerMenu(digest, globalPos);
    });
    connect(m_parts.map, &LayerMapPane::layerActivated, this, [this](const QString &digest) {
        onMapLayerSelected(digest);
        if (m_filesLayer >= 0 && m_layers.value(m_filesLayer).digest.toString() == digest)
            m_parts.bringForward(m_parts.filesPane);
    });
    connect(m_parts.efficiencyPanel, &EfficiencyPanel::analyseRequested, this, &LayerPanes::analyseEfficiency);
    connect(m_parts.efficiencyPanel, &EfficiencyPanel::offenderActivated, this, [this](const QString &path) {
        // The last layer's merged view has every path the image ever had that is still there or
        // was deleted by it; show it there.
        if (m_layers.isEmpty())
            return;
        m_parts.filesModel->setView(LayerFilesModel::View::Merged);
        chooseLayer(int(m_layers.size()) - 1);
        m_pendingFilesPath = path;
        m_parts.bringForward(m_parts.filesPane);
    });
    connect(m_parts.filesModel, &LayerFilesModel::stateChanged, this, [this] {
        if (!m_pendingFilesPath.isEmpty() && m_parts.filesModel->state() == LayerFilesModel::State::Ready) {
            m_parts.filesPane->findEdit()->clear();
            m_parts.filesPane->selectPath(m_pendingFilesPath);
            m_pendingFilesPath.clear();
        }
    });
    connect(m_parts.efficiency, &ImageEfficiencyModel::stateChanged, this, [this] {
        // The Files pane reuses the listings once they are all there.
        if (m_parts.efficiency->state() == ImageEfficiencyModel::State::Ready && m_filesLayer >= 0
            && m_parts.filesModel->state() == LayerFilesModel::State::Error)
            showLayerFiles(m_filesLayer);
    });
    connect(m_parts.comparePane, &ComparePane::compareRequested, this, &LayerPanes::onCompareRequested);
    connect(m_parts.session, &BrowseSession::otherResolved, this, &LayerPanes::onOtherResolved);
    connect(m_parts.session, &BrowseSession::otherFailed, m_parts.comparePane, &ComparePane::setFailure);
}

void LayerPanes::clear()
{
    ++m_imageGeneration;
    m_layers.clear();
    m_registry.clear();
    m_repository.clear();
    m_filesLayer = -1;
    m_engineStack.reset();
    m_pendingFilesPath.clear();
    m_parts.filesModel->clear();
    m_parts.filesPane->setLayerTitle(tr("No layer chosen"));
    m_parts.filesPane->setLayerChoices({});
    m_parts.efficiency->clear();
    m_parts.efficiencyPanel->clear();
    m_parts.diff->clear();
    m_parts.session->cancelOther();
}

void LayerPanes::showUnavailable(const Error &error)
{
    clear();
    const QString failed = tr("The image in view could not be looked up");
    m_parts.filesPane->setLayerTitle({});
    m_parts.filesPane->statePanel()->showFailure(failed, error);
    m_parts.efficiencyPanel->showFailure(failed, error);
    m_parts.comparePane->statePanel()->showFailure(failed, error);
}

bool LayerPanes::retryUnavailableImage()
{
    // Retry in a pane that says the image could not be looked up asks the session again.
    if (!m_layers.isEmpty() || m_parts.session->tag().isEmpty() || m_parts.session->image())
        return false;
    m_parts.session->retry();
    return true;
}

void LayerPanes::showImage(const InspectedImage &image)
{
    if (image.manifest.registry == m_registry && image.manifest.repository == m_repository && image.imageManifest.layers == m_layers
        && !m_layers.isEmpty())
        return; // the same image again (a retry): keep what the panes show
    clear();
    m_registry = image.manifest.registry;
    m_repository = image.manifest.repository;
    m_layers = image.imageManifest.layers;
    QStringList choices;
    for (qsizetype layer = 0; layer < m_layers.size(); ++layer)
        //: a layer in the Files pane's layer box: its number, of how many, its short digest and size
        choices.append(tr("%1 of %2 · %3 · %4")
                           .arg(layer + 1)
                           .arg(m_layers.size())
                           .arg(m_layers.at(layer).digest.shortForm(), QLocale().formattedDataSize(m_layers.at(layer).size)));
    m_parts.filesPane->setLayerChoices(choices);
    QStringList platforms;
    for (int row = 0; row < m_parts.platforms->platformCount(); ++row)
        platforms.append(m_parts.platforms->platformIndex(row).data(PlatformModel::PlatformRole).toString());
    m_parts.comparePane->setCurrentImage(m_parts.session->tag(), m_parts.session->platform(), platforms);
    if (m_parts.session->isFromEngine() && m_parts.session->engineListings().size() == m_layers.size())
        m_engineStack = LayerStack(m_parts.session->engineListings());
    const std::optional<EngineImageSource> &engine = m_parts.session->engineSource();
    m_parts.comparePane->setCurrentSource(engine ? EngineLocator::kindName(engine->endpoint.kind) : QString());
    if (m_layers.isEmpty())
        m_parts.efficiencyPanel->clear();
    else if (m_engineStack)
        analyseEfficiency(); // listed already: measuring costs no download
    else
        analyseIfCheap(image.imageManifest.config, image.imageManifest.totalLayerSize());
}

void LayerPanes::analyseIfCheap(const Descriptor &config, qint64 compressedBytes)
{
    // Unknown sizes (Docker schema 1) could be anything: measured only when asked.
    m_parts.efficiencyPanel->setPending(compressedBytes, int(m_layers.size()));
    if (compressedBytes < 0 || m_autoAnalyseBytes <= 0 || !m_parts.registry)
        return;
    // On a metered link (when the system says so) only what is already here is measured unasked.
    static const bool metered = [] {
        return QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Metered)
            && QNetworkInformation::instance()->isMetered();
    }();
    const qint64 limit = metered ? 0 : m_autoAnalyseBytes;
    // What measuring would download: the pull planner's count (stats files, so on a worker).
    std::shared_ptr<LayerBlobCache> blobs = m_parts.registry->settings().layerBlobs;
    auto counted = QtConcurrent::run([store = m_parts.store, config, layers = m_layers, blobs, compressedBytes] {
        if (!store)
            return compressedBytes;
        return planPull(*store, config, layers, blobs.get()).bytesToFetch;
    });
    continueOnEventLoop(counted, this, [this, limit, generation = ++m_imageGeneration](qint64 toDownload) {
        if (generation != m_imageGeneration || m_layers.isEmpty())
            return;
        if (toDownload <= limit)
            analyseEfficiency();
        else
            m_parts.efficiencyPanel->setPending(toDownload, int(m_layers.size()));
    });
}

void LayerPanes::analyseEfficiency()
{
    if (retryUnavailableImage())
        return;
    if (m_engineStack) {
        m_parts.efficiency->setStack(*m_engineStack);
        return;
    }
    if (m_layers.isEmpty() || !m_parts.registry)
        return;
    m_parts.efficiency->analyse(m_parts.registry, m_registry, m_repository, m_layers, m_parts.storeRoot);
}

void LayerPanes::onHistoryRowChanged(const QModelIndex &current)
{
    const int layer = current.data(HistoryModel::LayerIndexRole).toInt();
    const QString digest = current.data(HistoryModel::LayerDigestRole).toString();
    if (!current.isValid() || layer < 0 || digest.isEmpty())
        return; // a metadata-only step: the Files pane keeps the last layer
    m_parts.map->setSelectedLayer(digest);
    showLayerFiles(layer);
}

void LayerPanes::onMapLayerSelected(const QString &digest)
{
    for (int row = 0; row < m_parts.history->rowCount(); ++row) {
        const QModelIndex index = m_parts.history->index(row, HistoryModel::InstructionColumn);
        if (index.data(HistoryModel::LayerDigestRole).toString() == digest) {
            m_parts.historyView->setCurrentIndex(index); // the Files pane follows (onHistoryRowChanged)
            m_parts.historyView->scrollTo(index);
            if (m_filesLayer != index.data(HistoryModel::LayerIndexRole).toInt())
                showLayerFiles(index.data(HistoryModel::LayerIndexRole).toInt());
            return;
        }
    }
    // The map shows every ticked tag; the Files pane shows the layers of the image in view.
    const qsizetype layer =
        std::find_if(m_layers.cbegin(), m_layers.cend(), [&digest](const Descriptor &d) { return d.digest.toString() == digest; })
        - m_layers.cbegin();
    if (layer < m_layers.size()) {
        showLayerFiles(int(layer));
        return;
    }
    Q_EMIT statusMessage(tr("That layer belongs to an image other than the one in view: pick its tag and platform "
                            "to see its files."));
}

void LayerPanes::chooseLayer(int layer)
{
    // Through the history row when there is one, so the history and the map follow too.
    for (int row = 0; row < m_parts.history->rowCount(); ++row) {
        const QModelIndex index = m_parts.history->index(row, HistoryModel::InstructionColumn);
        if (index.data(HistoryModel::LayerIndexRole).toInt() == layer) {
            m_parts.historyView->setCurrentIndex(index);
            if (m_filesLayer == layer)
                return;
            break;
        }
    }
    showLayerFiles(layer);
}

void LayerPanes::showLayerMenu(const QString &digest, const QPoint &globalPos)
{
    QMenu menu;
    QAction *files = menu.addAction(tr("Show &Files"));
    files->setObjectName(QStringLiteral("layerShowFilesAction"));
    const bool inView = !digest.isEmpty() && m_filesLayer >= 0 && m_layers.value(m_filesLayer).digest.toString() == digest;
    files->setEnabled(inView);
    connect(files, &QAction::triggered, this, [this] { m_parts.bringForward(m_parts.filesPane); });
    QAction *copy = menu.addAction(tr("Copy &Digest"));
    copy->setObjectName(QStringLiteral("layerCopyDigestAction"));
    copy->setEnabled(!digest.isEmpty());
    connect(copy, &QAction::triggered, this, [this, digest] {
        QGuiApplication::clipboard()->setText(digest);
        Q_EMIT statusMessage(tr("Copied %1").arg(digest));
    });
    if (digest.isEmpty())
        files->setToolTip(tr("This step made no layer."));
    Q_EMIT layerMenuAboutToShow(&menu);
    menu.exec(globalPos);
}

void LayerPanes::showLayerFiles(int layer)
{
    if (layer < 0 || layer >= m_layers.size() || !m_parts.registry)
        return;
    m_filesLayer = layer;
    m_parts.filesPane->setCurrentLayer(layer);
    QString instruction;
    for (int row = 0; row < m_parts.history->rowCount(); ++row) {
        const QModelIndex index = m_parts.history->index(row, HistoryModel::InstructionColumn);
        if (index.data(HistoryModel::LayerIndexRole).toInt() == layer)
            instruction = index.data(HistoryModel::InstructionRole).toString();
    }
    // The layer box names the layer; beside it, what made it.
    m_parts.filesPane->setLayerTitle(instruction.isEmpty() ? tr("(no build step recorded)") : instruction.simplified());
    // Listings the efficiency measure already read are not read again.
    const LayerStack &stack = m_parts.efficiency->stack();
    bool known =
        m_parts.efficiency->state() == ImageEfficiencyModel::State::Ready && stack.size() == m_layers.size() && stack.isComplete(layer);
    for (int i = 0; known && i <= layer; ++i)
        known = stack.layer(i).layer == m_layers.at(i).digest;
    if (m_engineStack)
        m_parts.filesModel->setLayers(*m_engineStack, layer);
    else if (known)
        m_parts.filesModel->setLayers(stack, layer);
    else
        m_parts.filesModel->load(m_parts.registry, m_registry, m_repository, m_layers, layer, m_parts.storeRoot);
}

void LayerPanes::onExtractRequested(const QString &path, int sourceLayer)
{
    if (sourceLayer < 0 || sourceLayer >= m_layers.size() || !m_parts.registry || !m_chooseExtractFolder)
        return;
    const QString fileName = path.section(u'/', -1);
    if (m_engineStack) {
        // The engine's export was read for its listings, not kept: there are no bytes to copy.
        Q_EMIT statusMessage(tr("%1 cannot be extracted from an image in a container engine: open the registry's image of it, "
                                "or pull it into the local store.")
                                 .arg(fileName));
        return;
    }
    const QString folder = m_chooseExtractFolder(fileName);
    if (folder.isEmpty())
        return;
    LayerFileExtractor::Request request;
    request.path = path;
    request.folder = folder;
    auto *job =
        new LayerFileExtractJob(m_parts.registry, m_registry, m_repository, m_layers.at(sourceLayer), m_parts.storeRoot, request, this);
    connect(job, &LayerFileExtractJob::progress, this, [this, fileName](qint64 received, qint64 total) {
        Q_EMIT statusMessage(tr("Extracting %1: downloading its layer, %2 of %3…")
                                 .arg(fileName, QLocale().formattedDataSize(received), QLocale().formattedDataSize(total)));
    });
    connect(job, &Job::finished, this, [this, job, fileName] {
        if (job->error()) {
            if (job->error()->code() == Error::Code::Cancelled)
                Q_EMIT statusMessage(tr("Cancelled extracting %1").arg(fileName));
            else
                Q_EMIT statusMessage(tr("Could not extract %1: %2").arg(fileName, job->error()->message()));
            return;
        }
        Q_EMIT statusMessage(tr("Extracted %1").arg(QDir::toNativeSeparators(job->writtenPath())));
    });
    Q_EMIT statusMessage(tr("Extracting %1…").arg(fileName));
    job->start();
}

void LayerPanes::onCompareRequested(const QString &tag, const QString &platform)
{
    if (retryUnavailableImage())
        return;
    if (m_layers.isEmpty() || !m_parts.registry)
        return;
    m_parts.diff->clear();
    m_compareTag = tag;
    m_parts.comparePane->setResolving(platform.isEmpty() ? tag : tr("%1 (%2)").arg(tag, platform));
    m_parts.bringForward(m_parts.comparePane);
    m_parts.session->resolveOther(tag, platform);
}

void LayerPanes::onOtherResolved(const InspectedImage &other)
{
    const QString otherPlatform = other.chosen.platform ? other.chosen.platform->toString() : QString();
    // Name the sides by what tells them apart: the tag, or the platform when the tag is the same.
    const bool sameTag = m_compareTag == m_parts.session->tag();
    const QString fromName = sameTag ? m_parts.session->platform() : m_parts.session->tag();
    const QString toName = sameTag ? otherPlatform : m_compareTag;
    if (m_engineStack) {
        // The engine's side is listed; the other is named by diff ID so shared layers match.
        const std::optional<EngineImageSource> &source = m_parts.session->engineSource();
        const QString engine = source ? EngineLocator::kindName(source->endpoint.kind) : QString();
        const QList<Digest> diffIds = other.config ? other.config->diffIds : QList<Digest>();
        //: a side of Compare: a tag and the container engine that holds it, e.g. "latest (Docker)"
        m_parts.diff->compareWithListed(m_parts.registry, other.manifest.registry, other.manifest.repository, *m_engineStack,
                                        other.imageManifest.layers, diffIds, tr("%1 (%2)").arg(m_parts.session->tag(), engine),
                                        sameTag ? m_compareTag : toName, m_parts.storeRoot);
        return;
    }
    m_parts.diff->compare(m_parts.registry, m_registry, m_repository, m_layers, other.imageManifest.layers, fromName, toName,
                          m_parts.storeRoot);
}

} // namespace wharf
