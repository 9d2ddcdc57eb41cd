#pragma once
// A pane's honest state: either its content (a table, a tree, a form) or one centred sentence that
// says why there is nothing to show yet ("Searching…", "No repositories match", the error). Every
// pane wraps its view in one so an empty table is never shown without a reason.

#include <QStackedWidget>

class QLabel;

namespace wharf {

class StatePanel final : public QStackedWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatePanel)
public:
    enum class Kind { Content, Message, Error };
    Q_ENUM(Kind)

    explicit StatePanel(QWidget *content, QWidget *parent = nullptr);

    void showContent();
    void showMessage(const QString &message);
    void showError(const QString &message);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString message() const;

private:
    QWidget *m_content;
    QLabel *m_label;
    Kind m_kind = Kind::Content;
};

} // namespace wharf
