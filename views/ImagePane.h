#pragma once
// The Image pane: the selected platform's build history joined with its layers (full created_by
// text, wrapped; metadata-only steps greyed) above its config as key/value rows. When the image
// cannot be inspected it says why, with Retry (retryRequested(); the window inspects it again).

#include "core/Error.h"

#include <QWidget>

class QLabel;
class QSplitter;
class QTableView;

namespace wharf {

class ConfigModel;
class HistoryModel;
class StatePanel;

class ImagePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePane)
public:
    ImagePane(HistoryModel *history, ConfigModel *config, QWidget *parent = nullptr);

    void clear();
    void setLoading();
    void setError(const Error &error);
    // The models were filled: show them (and say when history and layers could not be matched).
    void showImage();

    [[nodiscard]] QTableView *historyView() const { return m_history; }
    [[nodiscard]] QTableView *configView() const { return m_config; }
    [[nodiscard]] QSplitter *splitter() const { return m_splitter; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }

Q_SIGNALS:
    void retryRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitConfigKeys();

    HistoryModel *m_historyModel;
    QTableView *m_history;
    QTableView *m_config;
    QLabel *m_note;
    QSplitter *m_splitter;
    StatePanel *m_state;
};

} // namespace wharf
