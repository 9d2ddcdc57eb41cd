#pragma once
// The Local images pane: what the local store holds (LocalImagesModel), with shared and unique
// sizes, sortable by any column (a header click), and what a person does with a stored image —
// Open (double-click or Enter: browse it from the store, offline too), Export…, Show in Folder,
// Copy Path, Copy Reference and Delete… (the button, the Delete key or the row's context menu).
// Delete asks first, naming the image and what deleting it frees; it acts only on a selected row,
// so a second click never deletes a neighbour unasked. Clean up appears with the bytes garbage
// collection would free, and runs it. Exporting, revealing, copying and opening go to the window
// (it owns what touches the desktop and the rest of the panes); this pane only says which row.
//
// Above the list, the source: "Wharf store", "Docker", "Podman". An engine's tab shows its images
// (EngineImagesPage: `docker image ls`, Refresh, Open, Remove…); an engine that does not answer is
// a disabled tab whose tooltip says why.

#include "engines/EngineEndpoint.h"

#include <QWidget>

class QAction;
class QMenu;
class QMessageBox;
class QPushButton;
class QStackedWidget;
class QTabBar;
class QTableView;

namespace wharf {

class EngineImagesModel;
class EngineImagesPage;
class LocalImagesModel;
class StatePanel;

class LocalImagesPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalImagesPane)
public:
    // `model` may be null when the store could not be opened; setError() then says why.
    explicit LocalImagesPane(LocalImagesModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QPushButton *deleteButton() const { return m_delete; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }
    [[nodiscard]] QPushButton *revealButton() const { return m_reveal; }
    [[nodiscard]] QPushButton *cleanUpButton() const { return m_cleanUp; }
    [[nodiscard]] QMenu *contextMenu() const { return m_menu; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }
    // The confirmation Delete is waiting on, if any.
    [[nodiscard]] QMessageBox *deleteConfirmation() const;
    // The selected image's row in the model; -1 when no row is selected.
    [[nodiscard]] int currentImage() const;
    void setError(const QString &message);

    // The source chooser above the list: Wharf store, Docker, Podman (in that order).
    enum Source { StoreSource, DockerSource, PodmanSource };
    [[nodiscard]] QTabBar *sourceBar() const { return m_sources; }
    [[nodiscard]] EngineImagesPage *enginePage(EngineKind kind) const;
    // An engine's images (not owned), or none (null) with why in one line: the tab is then disabled
    // and `description` is its tooltip. With a model, `description` says which engine it is.
    void setEngine(EngineKind kind, EngineImagesModel *model, const QString &description);
    // Lists the engine shown again, if an engine's images are shown (View → Refresh, F5).
    void refreshShownEngine();

public Q_SLOTS:
    // Something was loaded into (or removed from) `kind`: its list is read again.
    void engineImagesChanged(wharf::EngineKind kind);

Q_SIGNALS:
    // Open on an engine's row (its row in that engine's model).
    void engineOpenRequested(wharf::EngineKind kind, int row);
    void openRequested(int row);
    void exportRequested(int row);
    void revealRequested(int row);
    void copyPathRequested(int row);
    void copyReferenceRequested(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();
    void updateButtons();
    void updateCleanUp();
    // Asks before deleting the selected image; deletes it when the person agrees.
    void confirmDelete();
    void showContextMenu(const QPoint &position);
    QAction *addRowAction(const QString &name, const QString &text, void (LocalImagesPane::*signal)(int));

    LocalImagesModel *m_model;
    QTableView *m_view;
    QPushButton *m_delete;
    QPushButton *m_export;
    QPushButton *m_reveal;
    QPushButton *m_cleanUp;
    QMenu *m_menu;
    QList<QAction *> m_rowActions; // enabled with a selected row
    QAction *m_deleteAction = nullptr;
    StatePanel *m_state;
    QTabBar *m_sources;
    QStackedWidget *m_pages;
    EngineImagesPage *m_dockerPage;
    EngineImagesPage *m_podmanPage;
};

} // namespace wharf
