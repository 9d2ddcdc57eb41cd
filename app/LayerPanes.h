#pragma once
// The panes about the layers of the image on show — Files, Efficiency and Compare — and how they
// follow one another and the rest of the window: a history row, or a layer clicked on the layer
// map, opens that layer's files; an image small enough is measured for wasted space as soon as it
// is shown; an offender double-clicked opens its path in the merged view; Compare resolves its
// other side through the BrowseSession. MainWindow builds the panes and models and hands them
// here; this object keeps what the image on show is (where its blobs are, its layers) and which
// layer the Files pane shows. An image read from a container engine comes with every layer
// already listed (BrowseSession::engineListings()): its Files, Efficiency and its side of Compare
// use those listings and never ask a registry for its layers, which are known only by diff ID.

#include "documents/Descriptor.h"
#include "layers/LayerStack.h"
#include "store/ImageStore.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QMenu;
class QModelIndex;
class QPoint;
class QTableView;
class QWidget;

namespace wharf {

class BrowseSession;
class Error;
class ComparePane;
class EfficiencyPanel;
class HistoryModel;
class ImageDiffModel;
class ImageEfficiencyModel;
class LayerFilesModel;
class LayerFilesPane;
class LayerMapPane;
class PlatformModel;
class RegistryClient;
struct InspectedImage;

class LayerPanes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerPanes)
public:
    // What it coordinates; none of it is owned. `registry` may be null (then nothing is listed).
    struct Parts
    {
        RegistryClient *registry = nullptr;
        QString storeRoot; // empty without a store
        std::optional<ImageStore> store;
        BrowseSession *session = nullptr;
        HistoryModel *history = nullptr;
        QTableView *historyView = nullptr;
        PlatformModel *platforms = nullptr;
        LayerMapPane *map = nullptr;
        LayerFilesModel *filesModel = nullptr;
        LayerFilesPane *filesPane = nullptr;
        ImageEfficiencyModel *efficiency = nullptr;
        EfficiencyPanel *efficiencyPanel = nullptr;
        ImageDiffModel *diff = nullptr;
        ComparePane *comparePane = nullptr;
        // Brings a pane into view (its tab or dock forward) when a person asked for what it shows.
        std::function<void(QWidget *pane)> bringForward;
    };
    // Asks which folder to extract a file (named `fileName`) into; empty when cancelled.
    using ChooseFolder = std::function<QString(const QString &fileName)>;

    LayerPanes(Parts parts, ChooseFolder chooseExtractFolder, QObject *parent = nullptr);

    void setChooseExtractFolder(ChooseFolder choose) { m_chooseExtractFolder = std::move(choose); }
    // An image is measured for wasted space as soon as it is shown when that downloads at most
    // this many bytes (layers in the store or already listed cost nothing); a bigger download, or
    // any download on a metered connection, waits for "Analyse Layers".
    void setAutoAnalyseLimit(qint64 bytes) { m_autoAnalyseBytes = bytes; }

    // The image the Image pane now shows (the same image again keeps what the panes show).
    void showImage(const InspectedImage &image);
    void clear();
    // The image in view could not be looked up: each pane says so, rather than keep the last one.
    void showUnavailable(const Error &error);
    // Its layers, base first.
    [[nodiscard]] const QList<Descriptor> &layers() const { return m_layers; }

Q_SIGNALS:
    // A passing sentence for the status bar.
    void statusMessage(const QString &message);
    // A layer's menu is about to open (tests find it here; it closes when exec() returns).
    void layerMenuAboutToShow(QMenu *menu);

private:
    void analyseEfficiency();
    // When a tag is chosen but its image could not be looked up, asks the session again; false
    // (nothing done) otherwise.
    bool retryUnavailableImage();
    // Measures the image at once when that is cheap (see setAutoAnalyseLimit), else asks.
    void analyseIfCheap(const Descriptor &config, qint64 compressedBytes);
    void onHistoryRowChanged(const QModelIndex &current);
    void onMapLayerSelected(const QString &digest);
    void showLayerFiles(int layer);
    void showLayerMenu(const QString &digest, const QPoint &globalPos);
    // The Files pane's layer box picked `layer`.
    void chooseLayer(int layer);
    void onExtractRequested(const QString &path, int sourceLayer);
    void onCompareRequested(const QString &tag, const QString &platform);
    void onOtherResolved(const InspectedImage &other);

    Parts m_parts;
    ChooseFolder m_chooseExtractFolder;
    qint64 m_autoAnalyseBytes = 0;
    QString m_registry;   // where the image on show came from
    QString m_repository;
    QList<Descriptor> m_layers;
    int m_filesLayer = -1;      // the layer the Files pane shows
    QString m_pendingFilesPath; // to select once the Files pane has loaded
    QString m_compareTag;       // the other side of the comparison being resolved
    quint64 m_imageGeneration = 0; // which image a background count was for
    std::optional<LayerStack> m_engineStack; // an engine's image on show: its layers, listed
};

} // namespace wharf
