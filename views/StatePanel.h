#pragma once
// A pane's honest state: either its content (a table, a tree, a form) or one centred sentence that
// says why there is nothing to show yet ("Searching…", "No repositories match", the error). Every
// pane wraps its view in one so an empty table is never shown without a reason. Being offline (the
// network or the server cannot be reached at all) is a state of its own, apart from a server that
// answered with an error; both can offer a Retry button, which only emits retryRequested(): the
// pane or the window decides what trying again means.

#include "core/Error.h"

#include <QStackedWidget>

class QLabel;
class QPushButton;

namespace wharf {

class StatePanel final : public QStackedWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatePanel)
public:
    enum class Kind { Content, Message, Error, Offline };
    Q_ENUM(Kind)

    explicit StatePanel(QWidget *content, QWidget *parent = nullptr);

    void showContent();
    void showMessage(const QString &message);
    // `retryable`: offer a Retry button with the message.
    void showError(const QString &message, bool retryable = false);
    // The network (or the server) could not be reached; always offers Retry.
    void showOffline(const QString &message);
    // Offline when `error` says the other end could not be reached, otherwise an error, with Retry
    // when trying again could help (isWorthRetrying: not for a repository that does not exist).
    // `failed` is the pane's sentence for what did not work ("The search failed"); the error's own
    // message follows it.
    void showFailure(const QString &failed, const Error &error);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString message() const;
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }

    // Connection refused, a name that does not resolve, a reset: the other end is out of reach
    // (Error::Code::Network), as opposed to a server that answered.
    [[nodiscard]] static bool isOffline(const Error &error);
    [[nodiscard]] static bool isOffline(std::optional<Error::Code> code);
    [[nodiscard]] static bool isWorthRetrying(const Error &error);

Q_SIGNALS:
    void retryRequested();

private:
    void showPage(Kind kind, const QString &message, bool retry);

    QWidget *m_content;
    QWidget *m_page;
    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_retry;
    Kind m_kind = Kind::Content;
};

} // namespace wharf
