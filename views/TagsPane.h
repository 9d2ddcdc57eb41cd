#pragma once
// The Tags pane: a table of the repository's tags (name, platform chips, size, last pushed, the tags
// that are the same image) over TagListModel → TagFilterProxyModel → TagTableModel, a filter box
// with a regular-expression toggle, and sorting by clicking a header. For registries other than
// Docker Hub, a tag's details are asked for only while its row is on screen. A row's context menu
// copies the tag, its digest or its `docker pull` line, and asks the window (by signal) to pull the
// tag, compare with it or check it in the layer map.

#include <QWidget>

class QAction;
class QCheckBox;
class QLineEdit;
class QMenu;
class QTableView;
class QTimer;

namespace wharf {

class StatePanel;
class TagFilterProxyModel;
class TagListModel;
class TagTableModel;

class TagsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagsPane)
public:
    explicit TagsPane(TagListModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }
    [[nodiscard]] TagFilterProxyModel *filterProxy() const { return m_proxy; }
    // The selected tag's name, empty when none.
    [[nodiscard]] QString currentTag() const;
    // Selects `tag` when it is listed; false otherwise.
    bool selectTag(const QString &tag);

    // The row menu's actions (objectNames copyTagAction, copyDigestAction, copyPullCommandAction,
    // pullTagAction, compareTagAction, mapLayersAction); they act on the row the menu was opened on.
    [[nodiscard]] QList<QAction *> rowActions() const;

Q_SIGNALS:
    void tagSelected(const QString &tag);
    // From the row menu: pull `tag` (the platform selected, or this machine's), compare the image
    // on show with it, add it to the tags the layer map shows.
    void pullRequested(const QString &tag);
    void compareRequested(const QString &tag);
    void mapLayersRequested(const QString &tag);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();
    void requestVisibleDetails();
    void showRowMenu(const QPoint &position);
    void copyText(const QString &text);
    [[nodiscard]] QString pullCommand(const QString &tag) const;

    TagListModel *m_model;
    TagFilterProxyModel *m_proxy;
    TagTableModel *m_table;
    QLineEdit *m_filter;
    QCheckBox *m_regex;
    QTableView *m_view;
    StatePanel *m_state;
    QTimer *m_detailsTimer;
    QAction *m_copyTag;
    QAction *m_copyDigest;
    QAction *m_copyPull;
    QAction *m_pullTag;
    QAction *m_compareTag;
    QAction *m_mapLayers;
    QString m_menuTag; // the row the menu was opened on
    QString m_menuDigest;
};

} // namespace wharf
