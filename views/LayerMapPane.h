#pragma once
// The Layer map pane: on the left, the repository's tags with a check box each (and a filter) and
// a platform chooser ("All platforms" or one); on the right, the LayerMapView of the chosen tags ×
// platforms with zoom, fit and export (PNG, SVG) controls, a line of totals, and what could not be
// mapped. Ticking tags or picking a platform reloads the map (LayerMapLoader) after a short pause,
// so ticking several tags in a row costs one load. Loading, empty and failed states are said in a
// StatePanel, as in the other panes.

#include <QStringList>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QTimer;
class QToolButton;

namespace wharf {

class LayerMapLoader;
class LayerMapView;
class StatePanel;
class TagCheckProxyModel;

class LayerMapPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerMapPane)
public:
    explicit LayerMapPane(LayerMapLoader *loader, QWidget *parent = nullptr);

    // The tags to choose from (not owned), and the role holding each tag's name.
    void setTagModel(QAbstractItemModel *tags, int nameRole = Qt::DisplayRole);
    // Replaces the choice and maps it (after the pause).
    void setCheckedTags(const QStringList &tags);
    [[nodiscard]] QStringList checkedTags() const;
    // "os/arch[/variant]", or empty for every platform of each tag; maps it (after the pause).
    void setPlatform(const QString &platform);
    // The platform on show elsewhere: mapped instead of every platform, until the person picks one
    // (or All platforms) in the chooser. Each platform mapped is a manifest GET, which Docker Hub
    // counts against the pull limit; a person who wants them all asks for them.
    void followPlatform(const QString &platform);
    [[nodiscard]] QString platform() const;
    // Loads the current choice now instead of after the pause.
    void reload();

    [[nodiscard]] LayerMapView *view() const { return m_view; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }
    [[nodiscard]] QListView *tagView() const { return m_tags; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] QComboBox *platformBox() const { return m_platform; }
    [[nodiscard]] QToolButton *exportButton() const { return m_export; }
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] QLabel *problemsLabel() const { return m_problems; }

public Q_SLOTS:
    // Selects the layer in the map (from the history table or the file tree); does not echo.
    void setSelectedLayer(const QString &digest);

Q_SIGNALS:
    // The user picked a layer in the map.
    void layerSelected(const QString &digest);
    // …and asked for its files (double-click, Enter).
    void layerActivated(const QString &digest);
    void layerMenuRequested(const QString &digest, const QPoint &globalPos);

private:
    void scheduleReload();
    void onStateChanged();
    void onGraphChanged();
    void updatePlatforms();
    void updateZoomLabel(double zoom);
    void exportAs(const QString &format);

    LayerMapLoader *m_loader;
    TagCheckProxyModel *m_checks;
    QSortFilterProxyModel *m_filtered;
    QLineEdit *m_filter;
    QListView *m_tags;
    QComboBox *m_platform;
    bool m_platformChosen = false; // picked in the chooser since the repository was set
    LayerMapView *m_view;
    StatePanel *m_state;
    QToolButton *m_export;
    QLabel *m_zoom;
    QLabel *m_summary;
    QLabel *m_problems;
    QTimer *m_reload;
};

} // namespace wharf
