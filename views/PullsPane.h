#pragma once
// The Pulls pane: every pull this window started, with per-pull and per-layer progress bars (a
// ProgressDelegate), rate and ETA, and Cancel / Retry / Clear finished. It stays docked while the
// user keeps browsing. When a pull stopped because the registry could not be reached, a line above
// the list says the window is offline and that Retry resumes it (the layers already fetched stay).

#include <QWidget>

class QLabel;
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
    [[nodiscard]] QLabel *offlineNotice() const { return m_offline; }
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }

private:
    [[nodiscard]] int currentPull() const;
    void updateButtons();
    void updateState();
    void updateOfflineNotice();
    void updateErrorColumn();
    void fitReferenceColumn();

    PullListModel *m_model;
    QTreeView *m_view;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_clear;
    StatePanel *m_state;
    QLabel *m_offline;
};

} // namespace wharf
