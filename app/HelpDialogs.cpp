// The Help menu's windows (see the header).
#include "HelpDialogs.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScreen>
#include <QShortcut>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QRegularExpression>
#include <QScrollBar>
#include <QtGlobal>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wharf {

namespace {

// "&Log In…" as a person reads it in a list: "Log In".
QString plainText(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    while (text.endsWith(u'…') || text.endsWith(u'.'))
        text.chop(1);
    return text.trimmed();
}

QString keysText(const QList<QKeySequence> &keys)
{
    QStringList texts;
    for (const QKeySequence &key : keys) {
        if (!key.isEmpty())
            texts << key.toString(QKeySequence::NativeText);
    }
    return texts.join(QStringLiteral(", "));
}

// The pane an object lives in, by the title it is shown under (its dock's, or its tab's); empty
// for the window's own.
QString paneOf(const QObject *object)
{
    for (QObject *up = object->parent(); up; up = up->parent()) {
        if (auto *dock = qobject_cast<QDockWidget *>(up))
            return plainText(dock->windowTitle());
        auto *page = qobject_cast<QWidget *>(up);
        auto *tabs = page && page->parentWidget() ? qobject_cast<QTabWidget *>(page->parentWidget()->parentWidget()) : nullptr;
        if (tabs && tabs->indexOf(page) >= 0)
            return plainText(tabs->tabText(tabs->indexOf(page)));
    }
    return {};
}

// Where an action is found: the menu it sits in ("View"), else the pane it belongs to ("Layer map").
QString placeOf(const QAction *action)
{
    const QList<QObject *> holders = action->associatedObjects();
    for (QObject *holder : holders) {
        if (auto *menu = qobject_cast<QMenu *>(holder))
            return plainText(menu->title());
    }
    return paneOf(action);
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Where"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false);

    struct Row
    {
        QString action;
        QString menu;
        QString keys;
    };
    QList<Row> rows;
    // Every action the window holds, in its menus or on its own, that a key triggers.
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        const QString keys = keysText(action->shortcuts());
        if (keys.isEmpty() || action->text().isEmpty())
            continue;
        rows.append({plainText(action->text()), placeOf(action), keys});
    }
    // Shortcuts without an action (moving between panes) name themselves in whatsThis.
    const QList<QShortcut *> shortcuts = window->findChildren<QShortcut *>();
    for (const QShortcut *shortcut : shortcuts) {
        const QString keys = keysText(shortcut->keys());
        if (keys.isEmpty() || !shortcut->isEnabled())
            continue;
        const QString name = !shortcut->whatsThis().isEmpty() ? shortcut->whatsThis() : shortcut->objectName();
        rows.append({name, paneOf(shortcut), keys});
    }
    // By menu, then the panes' own keys; alphabetically within each.
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.menu.isEmpty() != b.menu.isEmpty())
            return b.menu.isEmpty();
        return a.menu != b.menu ? a.menu.localeAwareCompare(b.menu) < 0 : a.action.localeAwareCompare(b.action) < 0;
    });
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows.at(i).action));
        m_table->setItem(i, 1, new QTableWidgetItem(rows.at(i).menu));
        m_table->setItem(i, 2, new QTableWidgetItem(rows.at(i).keys));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    // Every column readable without scrolling sideways, as many rows as the screen allows.
    int width = m_table->frameWidth() * 2 + m_table->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < m_table->columnCount(); ++column)
        width += m_table->columnWidth(column);
    const QRect screen = window->screen() ? window->screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    const int height = m_table->horizontalHeader()->height() + m_table->verticalHeader()->length() + m_table->frameWidth() * 2;
    m_table->setMinimumWidth(std::min(width, screen.width() * 9 / 10));
    m_table->setMinimumHeight(std::min(height, screen.height() * 6 / 10));
}

QList<AboutDialog::Component> AboutDialog::components()
{
    return {
        {QStringLiteral("Qt"), QStringLiteral("LGPL-3.0-only"), tr("the window, networking, settings")},
        {QStringLiteral("QtKeychain"), QStringLiteral("BSD-3-Clause"), tr("logins in the system keychain")},
        {QStringLiteral("libarchive"), QStringLiteral("BSD-2-Clause"), tr("reading layers, writing archives")},
        {QStringLiteral("OpenSSL libcrypto"), QStringLiteral("Apache-2.0"), tr("SHA-256 digests")},
    };
}

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Wharf"));
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setOpenExternalLinks(true);

    QString html = u"<h2>"_s + tr("Wharf %1").arg(QStringLiteral(WHARF_VERSION)).toHtmlEscaped() + u"</h2><p>"_s
        + tr("Browse, inspect and pull container images without a daemon.").toHtmlEscaped() + u"</p><p>"_s
        + tr("Built with Qt %1, running on Qt %2.").arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())).toHtmlEscaped()
        + u"</p><p>"_s
        // The source tree carries no LICENSE file and the README names none: say so rather than guess.
        + tr("Wharf’s own license has not been chosen yet: its source carries no license file.").toHtmlEscaped()
        + u"</p><p><b>"_s + tr("Built on").toHtmlEscaped() + u"</b></p><table cellspacing='0' cellpadding='3'>"_s;
    for (const Component &component : components())
        html += u"<tr><td>"_s + component.name.toHtmlEscaped() + u"</td><td>"_s + component.license.toHtmlEscaped()
            + u"</td><td>"_s + component.use.toHtmlEscaped() + u"</td></tr>"_s;
    html += u"</table>"_s;
    text->setText(html);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

ReadmeDialog::ReadmeDialog(QWidget *parent) : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("readmeDialog"));
    setWindowTitle(tr("Wharf README"));
    m_browser->setObjectName(QStringLiteral("readmeBrowser"));
    m_browser->setOpenExternalLinks(true);
    // The screenshots it shows live beside it in a source tree; a build run from one finds them.
#ifdef WHARF_SOURCE_DIR
    if (QDir(QStringLiteral(WHARF_SOURCE_DIR)).exists())
        m_browser->setSearchPaths({QStringLiteral(WHARF_SOURCE_DIR)});
#endif
    QFile readme{QString(Resource)};
    if (readme.open(QIODevice::ReadOnly))
        m_browser->setMarkdown(QString::fromUtf8(readme.readAll()));
    else
        m_browser->setPlainText(tr("This build of Wharf carries no README."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 100, fontMetrics().height() * 40);
}

} // namespace wharf
