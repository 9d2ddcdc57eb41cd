#pragma once
// The Platforms pane: the selected tag's platforms and, in their own collapsed section, its
// attestations (a PlatformModel tree), the index digest apart, and a Pull button for the selected
// platform that previews what the pull will cost ("12 MB to fetch, 3 of 5 layers already here").
// Enter on a platform pulls it; a platform the store already holds says "Pulled ✓" instead and
// is not pulled again. A row's context menu pulls the platform or copies its digest. When the tag
// cannot be resolved the pane says why, with Retry (retryRequested(); the window resolves it again).
//
// "Pull to: Wharf store · Docker · Podman" chooses where Pull sends the platform: the store, or
// through it into a container engine. The engines appear once the window says what it found
// (setEngineState()); one that does not answer stays in the list, marked, and choosing it says
// why instead of pulling. A platform already in the store can still be pulled into an engine.

#include "core/Error.h"
#include "engines/EngineEndpoint.h"

#include <optional>

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace wharf {

class ElidedLabel;
class PlatformModel;
class StatePanel;

class PlatformsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformsPane)
public:
    explicit PlatformsPane(PlatformModel *model, QWidget *parent = nullptr);

    void clear();
    void setLoading();
    void setError(const Error &error);

    // The selected platform's row in the Platforms section, -1 when none (or an attestation).
    [[nodiscard]] int currentPlatform() const;
    bool selectPlatform(const QString &platform);
    // Pulls the selected platform of `tag` as soon as the pane shows that tag (now, if it does).
    void pullWhenShown(const QString &tag);

    // Where Pull sends the platform: nullopt for the store, else into that engine.
    [[nodiscard]] std::optional<EngineKind> pullTarget() const;
    void setPullTarget(std::optional<EngineKind> target);
    // What the window knows of an engine: whether it answers (or is still being asked), and a line
    // saying what it is or why it cannot be used. Shows the "Pull to" choice.
    enum class EngineState { Checking, Ready, Unavailable };
    Q_ENUM(EngineState)
    void setEngineState(EngineKind kind, EngineState state, const QString &description);

    // The row menu's actions (objectNames pullPlatformAction, copyPlatformDigestAction).
    [[nodiscard]] QList<QAction *> rowActions() const;

    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QPushButton *pullButton() const { return m_pull; }
    [[nodiscard]] QLabel *costLabel() const { return m_cost; }
    [[nodiscard]] QComboBox *pullTargetBox() const { return m_target; }
    [[nodiscard]] ElidedLabel *indexDigestLabel() const { return m_indexDigest; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }

Q_SIGNALS:
    void platformSelected(int row);
    void pullRequested(int row);
    void retryRequested();
    void pullTargetChanged(std::optional<wharf::EngineKind> target);

private:
    void onModelReset();
    void onCurrentChanged();
    void updateCost();
    void requestPull();
    void showRowMenu(const QPoint &position);
    [[nodiscard]] bool currentIsPulled() const;
    // The chosen engine's state; Ready for the store.
    [[nodiscard]] EngineState targetState() const;

    PlatformModel *m_model;
    QTreeView *m_view;
    ElidedLabel *m_indexDigest;
    QLabel *m_cost;
    QPushButton *m_pull;
    QLabel *m_targetLabel;
    QComboBox *m_target;
    StatePanel *m_state;
    QAction *m_pullAction;
    QAction *m_copyDigest;
    QString m_menuDigest;
    QString m_pullTagWhenShown;
};

} // namespace wharf
