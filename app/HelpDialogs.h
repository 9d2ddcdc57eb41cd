#pragma once
// The Help menu's windows. ShortcutsDialog lists the keyboard shortcuts a window has, read from
// its own actions and shortcuts when it opens, so the list cannot drift from what the keys do.
// AboutDialog says which Wharf this is, on which Qt, and under which licenses it and the libraries
// it ships with are used. ReadmeDialog shows the README compiled into Wharf, so it is there
// offline and matches this build.

#include <QDialog>

class QTableWidget;
class QTextBrowser;

namespace wharf {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)
public:
    // Lists the shortcuts of `window` (its QActions and QShortcuts, menus included).
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    [[nodiscard]] QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The licenses of what Wharf is built from: a name, an SPDX identifier, what it is used for.
    struct Component
    {
        QString name;
        QString license;
        QString use;
    };
    [[nodiscard]] static QList<Component> components();
};

class ReadmeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadmeDialog)
public:
    // The README's resource path.
    static constexpr QLatin1StringView Resource{":/doc/README.md"};

    explicit ReadmeDialog(QWidget *parent = nullptr);

    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace wharf
