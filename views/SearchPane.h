#pragma once
// The Search pane: a query box searched as you type (debounced) and on Enter, the registry to search
// (Docker Hub or a configured registry's catalog), and the results over a SearchModel with badges,
// stars and pulls. More results load as the list scrolls (the model's fetchMore). The list is
// replaced by a sentence while searching, when nothing matches and when the search failed.
// For Docker Hub a row of filters under the query narrows the search to a platform ("which images
// run on linux/arm/v7?") and a badge, and orders it by pulls or recency (SearchModel::setHubFilters);
// a registry's catalog has no such facts, so the row is disabled there.

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListView;
class QTimer;
class QToolButton;

namespace wharf {

class SearchModel;
class StatePanel;

class SearchPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchPane)
public:
    static constexpr int kDebounceMs = 300;

    explicit SearchPane(SearchModel *model, QWidget *parent = nullptr);

    // Registries (host[:port]) offered besides Docker Hub.
    void setRegistries(const QStringList &registries);
    // "" for Docker Hub.
    [[nodiscard]] QString registry() const;
    void setRegistry(const QString &registry);

    void focusQuery();
    [[nodiscard]] QLineEdit *queryEdit() const { return m_query; }
    [[nodiscard]] QListView *resultsView() const { return m_results; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }
    [[nodiscard]] QComboBox *platformFilter() const { return m_platform; }
    [[nodiscard]] QComboBox *badgeFilter() const { return m_badge; }
    [[nodiscard]] QComboBox *orderFilter() const { return m_order; }
    [[nodiscard]] QToolButton *myRepositoriesButton() const { return m_mine; }

Q_SIGNALS:
    // A repository was picked: its fully qualified reference (SearchModel::ReferenceRole).
    void repositorySelected(const QString &reference);
    // "My repositories": list the signed-in Docker Hub user's own.
    void myRepositoriesRequested();

private:
    void searchNow();
    void updateState();
    void applyFilters();

    SearchModel *m_model;
    QLineEdit *m_query;
    QComboBox *m_registry;
    QComboBox *m_platform;
    QComboBox *m_badge;
    QComboBox *m_order;
    QToolButton *m_mine;
    QListView *m_results;
    StatePanel *m_state;
    QTimer *m_debounce;
};

} // namespace wharf
