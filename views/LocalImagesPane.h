#pragma once
// The Local images pane: what the local store holds (LocalImagesModel), with shared and unique
// sizes, and Delete / Export… / Reveal buttons. Exporting asks the window for a path and revealing
// asks it to open the file manager (the window owns what touches the desktop and the file
// system); this pane only says which row.

#include <QWidget>

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
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }
    [[nodiscard]] int currentImage() const;
    void setError(const QString &message);

Q_SIGNALS:
    void exportRequested(int row);
    void revealRequested(int row);

private:
    void updateState();
    void updateButtons();

    LocalImagesModel *m_model;
    QTableView *m_view;
    QPushButton *m_delete;
    QPushButton *m_export;
    QPushButton *m_reveal;
    StatePanel *m_state;
};

} // namespace wharf
