#pragma once
// The Local images pane: what the local store holds (LocalImagesModel), with shared and unique
// sizes, sortable by any column (a header click), and what a person does with a stored image —
// Open (double-click or Enter: browse it from the store, offline too), Export…, Show in Folder,
// Copy Path, Copy Reference and Delete… (the button, the Delete key or the row's context menu).
// Delete asks first, naming the image and what deleting it frees; it acts only on a selected row,
// so a second click never deletes a neighbour unasked. Clean up appears with the bytes garbage
// collection would free, and runs it. Exporting, revealing, copying and opening go to the window
// (it owns what touches the desktop and the rest of the panes); this pane only says which row.

#include <QWidget>

class QAction;
class QMenu;
class QMessageBox;
class QPushButton;
class QTableView;

namespace wharf {

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

Q_SIGNALS:
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
};

} // namespace wharf
