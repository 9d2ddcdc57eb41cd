#pragma once
// The Files pane: one layer's file tree (LayerFilesModel through LayerFilesProxyModel) — "this
// layer only" or "merged up to this layer", found by name, narrowed to the changes, sorted by any
// column (sizes as bytes). What the layer added, modified and deleted is coloured, iconed and
// named in the Change column; a deletion is struck through, never a plain file. A listing cut
// short keeps what was read under a banner that says why; while layers are listed the pane shows
// how far it got. "Extract…" asks the window (extractRequested) to save the selected regular file:
// the pane never touches the disk, and says why the action is off for anything else.

#include <QWidget>

class QAction;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QProgressBar;
class QToolButton;
class QTreeView;

namespace wharf {

class ElidedLabel;
class LayerFilesModel;
class LayerFilesProxyModel;
class StatePanel;

class LayerFilesPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerFilesPane)
public:
    explicit LayerFilesPane(LayerFilesModel *model, QWidget *parent = nullptr);

    // What the tree shows, e.g. "Layer 3 of 4 · 6fcfdc7fdd39 · RUN rm /etc/obsolete.conf …".
    void setLayerTitle(const QString &title);
    // The layers a person can switch between here (base first), none chosen yet.
    void setLayerChoices(const QStringList &layers);
    // The layer shown (-1: none).
    void setCurrentLayer(int layer);
    // Selects (and scrolls to) a path of the current view; false when it is not there or filtered out.
    bool selectPath(const QString &path);

    [[nodiscard]] LayerFilesProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QLineEdit *findEdit() const { return m_find; }
    [[nodiscard]] QCheckBox *changesOnlyBox() const { return m_changesOnly; }
    [[nodiscard]] QToolButton *layerOnlyButton() const { return m_layerOnly; }
    [[nodiscard]] QToolButton *mergedButton() const { return m_merged; }
    [[nodiscard]] QAction *extractAction() const { return m_extract; }
    [[nodiscard]] QAction *copyPathAction() const { return m_copyPath; }
    [[nodiscard]] QComboBox *layerBox() const { return m_layer; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }
    [[nodiscard]] QLabel *incompleteBanner() const { return m_banner; }
    [[nodiscard]] QProgressBar *progressBar() const { return m_progress; }
    [[nodiscard]] QLabel *countsLabel() const { return m_counts; }

Q_SIGNALS:
    // Save this regular file (`path` in the image) from layer `sourceLayer` (0 = base), the layer
    // its entry comes from — in the merged view often a lower one.
    void extractRequested(const QString &path, int sourceLayer);
    void retryRequested();
    // The person picked another layer (0 = base) in the pane's layer box.
    void layerChosen(int layer);

private:
    void onStateChanged();
    void onProgress(qint64 read, qint64 total, int layersDone, int layers);
    void updateExtract();
    void expandIfSmall();

    LayerFilesModel *m_model;
    LayerFilesProxyModel *m_proxy;
    QComboBox *m_layer;
    ElidedLabel *m_title;
    QToolButton *m_layerOnly;
    QToolButton *m_merged;
    QButtonGroup *m_viewGroup;
    QLineEdit *m_find;
    QCheckBox *m_changesOnly;
    QToolButton *m_extractButton;
    QAction *m_extract;
    QAction *m_copyPath;
    QLabel *m_counts;
    QLabel *m_banner;
    QProgressBar *m_progress;
    QTreeView *m_view;
    StatePanel *m_state;
};

} // namespace wharf
