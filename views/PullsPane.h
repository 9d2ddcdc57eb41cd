#pragma once
// The Pulls pane: every pull this window started, with per-pull and per-layer progress bars (a
// ProgressDelegate), rate and ETA, and Cancel / Retry / Clear finished. It stays docked while the
// user keeps browsing.

#include <QWidget>

class QPushButton;
class QTreeView;

namespace wharf {

class PullListModel;
class StatePanel;

class PullsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullsPane)
public:
    explicit PullsPane(PullListModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }

private:
    [[nodiscard]] int currentPull() const;
    void updateButtons();
    void updateState();

    PullListModel *m_model;
    QTreeView *m_view;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_clear;
    StatePanel *m_state;
};

} // namespace wharf
