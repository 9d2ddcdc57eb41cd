#pragma once
// The Tags pane: a table of the repository's tags (name, platform chips, size, last pushed, the tags
// that are the same image) over TagListModel → TagFilterProxyModel → TagTableModel, a filter box
// with a regular-expression toggle, and sorting by clicking a header. For registries other than
// Docker Hub, a tag's details are asked for only while its row is on screen.

#include <QWidget>

class QCheckBox;
class QLineEdit;
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

Q_SIGNALS:
    void tagSelected(const QString &tag);

private:
    void updateState();
    void requestVisibleDetails();

    TagListModel *m_model;
    TagFilterProxyModel *m_proxy;
    TagTableModel *m_table;
    QLineEdit *m_filter;
    QCheckBox *m_regex;
    QTableView *m_view;
    StatePanel *m_state;
    QTimer *m_detailsTimer;
};

} // namespace wharf
