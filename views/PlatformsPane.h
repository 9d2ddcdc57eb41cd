#pragma once
// The Platforms pane: the selected tag's platforms and, in their own collapsed section, its
// attestations (a PlatformModel tree), the index digest apart, and a Pull button for the selected
// platform that previews what the pull will cost ("12 MB to fetch, 3 of 5 layers already here").
// Enter on a platform pulls it; a platform the store already holds says "Pulled ✓" instead and
// is not pulled again. A row's context menu pulls the platform or copies its digest. When the tag
// cannot be resolved the pane says why, with Retry (retryRequested(); the window resolves it again).

#include "core/Error.h"

#include <QWidget>

class QAction;
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

    // The row menu's actions (objectNames pullPlatformAction, copyPlatformDigestAction).
    [[nodiscard]] QList<QAction *> rowActions() const;

    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QPushButton *pullButton() const { return m_pull; }
    [[nodiscard]] QLabel *costLabel() const { return m_cost; }
    [[nodiscard]] ElidedLabel *indexDigestLabel() const { return m_indexDigest; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }

Q_SIGNALS:
    void platformSelected(int row);
    void pullRequested(int row);
    void retryRequested();

private:
    void onModelReset();
    void onCurrentChanged();
    void updateCost();
    void requestPull();
    void showRowMenu(const QPoint &position);
    [[nodiscard]] bool currentIsPulled() const;

    PlatformModel *m_model;
    QTreeView *m_view;
    ElidedLabel *m_indexDigest;
    QLabel *m_cost;
    QPushButton *m_pull;
    StatePanel *m_state;
    QAction *m_pullAction;
    QAction *m_copyDigest;
    QString m_menuDigest;
    QString m_pullTagWhenShown;
};

} // namespace wharf
