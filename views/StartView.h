#pragma once
// What the window shows before a repository is picked, instead of empty panes: Docker Hub's most
// pulled official images (a model the window fills from the Hub), the repositories looked at
// lately, and a line on how the window reads, left to right. A click or Enter on either list
// opens that repository (repositoryChosen).

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QListView;
class QStandardItemModel;

namespace wharf {

class SearchModel;
class StatePanel;

class StartView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartView)
public:
    // `popular` (not owned) lists the popular images; the view shows only what it has loaded.
    explicit StartView(SearchModel *popular, QWidget *parent = nullptr);

    // Repository references, most recent first.
    void setRecent(const QStringList &references);

    [[nodiscard]] QListView *popularView() const { return m_popular; }
    [[nodiscard]] QListView *recentView() const { return m_recent; }
    [[nodiscard]] StatePanel *popularState() const { return m_popularState; }
    [[nodiscard]] StatePanel *recentState() const { return m_recentState; }

Q_SIGNALS:
    void repositoryChosen(const QString &reference);
    // The popular list failed and the person pressed Retry.
    void popularRetryRequested();

private:
    void updatePopularState();

    SearchModel *m_model;
    QListView *m_popular;
    QListView *m_recent;
    QStandardItemModel *m_recentModel;
    StatePanel *m_popularState;
    StatePanel *m_recentState;
};

} // namespace wharf
