#pragma once
// The Repository pane: the picked repository's name, stars, pulls and last update, a copyable
// `docker pull` line, and its full description rendered from markdown. The window fetches the
// details (Hub's repository API) and hands them over; this pane only shows them and their state.
// When they cannot be loaded it says why (offline or the server's error), with Retry.

#include "hub/HubTypes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTextBrowser;

namespace wharf {

class ElidedLabel;
class StatePanel;

class RepositoryPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepositoryPane)
public:
    explicit RepositoryPane(QWidget *parent = nullptr);

    void clear();
    // A repository was picked; `pullReference` is what `docker pull` takes (nginx, ns/name, host/repo).
    void setRepository(const QString &name, const QString &pullReference);
    void setLoading();
    void setDetails(const HubRepositoryDetails &details);
    // For registries without a description (anything but Docker Hub).
    void setNoDetails();
    // For an image that belongs to no repository (an engine's untagged image): `why`, in one line.
    void setNoRepository(const QString &why);
    void setError(const Error &error);
    // The tag picked in the Tags pane, appended to the pull line.
    void setTag(const QString &tag);
    // Where the image on show is from when it is not the registry's ("Docker · multi:latest, image
    // ID sha256:…"), under the name; empty hides it. setRepository() clears it.
    void setSource(const QString &source);
    [[nodiscard]] QString source() const;

    [[nodiscard]] QString pullCommand() const;
    [[nodiscard]] QTextBrowser *descriptionView() const { return m_description; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }

Q_SIGNALS:
    // Retry after a failure: the window fetches the details again.
    void retryRequested();

private:
    void updatePullLine();

    QLabel *m_title;
    ElidedLabel *m_source; // never widens the pane: a full image ID is long
    QLabel *m_stats;
    QLineEdit *m_pullLine;
    QTextBrowser *m_description;
    StatePanel *m_state;
    QString m_reference;
    QString m_tag;
};

} // namespace wharf
