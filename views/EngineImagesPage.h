#pragma once
// One container engine's images in the Local images pane: what `docker image ls` shows
// (EngineImagesModel), sortable by any column (a header click sorts on the raw values). Refresh
// lists the engine again; Open (double-click, Enter or the row's menu) asks the window to open the
// row's image; Remove… (the button, the Delete key or the row's menu) asks first, naming the image
// and the engine, then has the model remove it (the window says how that went). Before the engine
// answers, or when it does not, the page says why instead of a table; so it does when a listing
// fails (the engine stopped meanwhile), with Retry.

#include "core/Error.h"
#include "engines/EngineEndpoint.h"

#include <QWidget>

class QAction;
class QMenu;
class QMessageBox;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace wharf {

class EngineImagesModel;
class StatePanel;

class EngineImagesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineImagesPage)
public:
    explicit EngineImagesPage(EngineKind kind, QWidget *parent = nullptr);

    [[nodiscard]] EngineKind kind() const { return m_kind; }
    // The engine's images, once it answers (not owned; it may be replaced). Null: setUnavailable().
    void setModel(EngineImagesModel *model);
    [[nodiscard]] EngineImagesModel *model() const { return m_model; }
    // No list: why, in one line (the engine does not answer, or is being asked).
    void setUnavailable(const QString &reason);

    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QPushButton *refreshButton() const { return m_refresh; }
    [[nodiscard]] QPushButton *removeButton() const { return m_remove; }
    [[nodiscard]] QMenu *contextMenu() const { return m_menu; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }
    // The confirmation Remove… is waiting on, if any.
    [[nodiscard]] QMessageBox *removeConfirmation() const;
    // The selected image's row in the model (not the sorted view); -1 when no row is selected.
    [[nodiscard]] int currentImage() const;

    // Lists the engine again (Refresh, F5, after a load into it).
    void refresh();

Q_SIGNALS:
    void openRequested(wharf::EngineKind kind, int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();
    void updateButtons();
    void confirmRemove();
    void showContextMenu(const QPoint &position);

    const EngineKind m_kind;
    EngineImagesModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QPushButton *m_refresh;
    QPushButton *m_remove;
    QMenu *m_menu;
    QAction *m_openAction;
    QAction *m_removeAction;
    StatePanel *m_state;
    QString m_unavailable;
    std::optional<Error> m_listError; // the last listing's, until one succeeds
};

} // namespace wharf
