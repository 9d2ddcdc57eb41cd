#include "RepositoryPane.h"

#include "ElidedLabel.h"
#include "Icons.h"
#include "StatePanel.h"
#include "core/DateText.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace wharf {

RepositoryPane::RepositoryPane(QWidget *parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_source(new ElidedLabel(this)),
      m_stats(new QLabel(this)),
      m_pullLine(new QLineEdit(this)),
      m_description(new QTextBrowser(this))
{
    auto *content = new QWidget(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setObjectName(QStringLiteral("imageSource"));
    m_source->setElideMode(Qt::ElideRight);
    m_source->hide();
    m_stats->setObjectName(QStringLiteral("repositoryStats"));
    m_pullLine->setReadOnly(true);
    m_pullLine->setObjectName(QStringLiteral("pullCommand"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_pullLine->setFont(mono);
    auto *copy = new QToolButton(content);
    copy->setText(tr("Copy"));
    copy->setIcon(Icons::icon(Icons::Name::Copy));
    copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    copy->setObjectName(QStringLiteral("copyPullCommand"));
    copy->setToolTip(tr("Copy the docker pull command"));
    connect(copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(pullCommand()); });
    m_description->setOpenExternalLinks(true);
    m_description->setObjectName(QStringLiteral("repositoryDescription"));

    auto *pullRow = new QHBoxLayout;
    pullRow->addWidget(m_pullLine, 1);
    pullRow->addWidget(copy);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_source);
    layout->addWidget(m_stats);
    layout->addLayout(pullRow);
    layout->addWidget(m_description, 1);
    layout->addStretch(0); // takes the room when there is no description

    m_state = new StatePanel(content, this);
    connect(m_state, &StatePanel::retryRequested, this, &RepositoryPane::retryRequested);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_state);
    clear();
}

void RepositoryPane::clear()
{
    m_reference.clear();
    m_tag.clear();
    m_description->clear();
    m_state->showMessage(tr("Pick a repository to see its description and tags."));
}

void RepositoryPane::setRepository(const QString &name, const QString &pullReference)
{
    m_reference = pullReference;
    m_tag.clear();
    m_title->setText(name);
    setSource({});
    m_stats->clear();
    m_stats->setToolTip(QString());
    m_description->clear();
    updatePullLine();
}

void RepositoryPane::setLoading()
{
    m_state->showMessage(tr("Loading the repository’s details…"));
}

void RepositoryPane::setDetails(const HubRepositoryDetails &details)
{
    const QLocale locale;
    // The plural form follows the number (an int for tr(); the Hub's pull counts can pass that),
    // the number itself is written in full in the locale's digits.
    const auto form = [](qint64 n) { return int(std::min<qint64>(n, std::numeric_limits<int>::max())); };
    QStringList stats{tr("★ %1 star(s)", nullptr, form(details.stars)).arg(locale.toString(details.stars)),
                      tr("%1 pull(s)", nullptr, form(details.pulls)).arg(locale.toString(details.pulls))};
    QString updatedTip;
    if (details.lastUpdated.isValid()) {
        stats << tr("updated %1").arg(DateText::relative(details.lastUpdated));
        updatedTip = tr("Last updated %1").arg(DateText::dateTime(details.lastUpdated));
    }
    m_stats->setText(stats.join(u"  ·  "));
    m_stats->setToolTip(updatedTip);
    if (!details.fullDescription.trimmed().isEmpty())
        m_description->setMarkdown(details.fullDescription);
    else if (!details.description.trimmed().isEmpty())
        m_description->setPlainText(details.description);
    else
        m_description->setPlainText(tr("This repository has no description."));
    m_description->show();
    m_state->showContent();
}

void RepositoryPane::setNoDetails()
{
    m_stats->setToolTip(QString());
    m_stats->setText(tr("This registry publishes no stars, pulls or description."));
    m_description->clear();
    // No empty box where a description would be.
    m_description->hide();
    m_state->showContent();
}

void RepositoryPane::setNoRepository(const QString &why)
{
    setNoDetails();
    m_stats->setText(why);
}

void RepositoryPane::setError(const Error &error)
{
    m_stats->clear();
    m_stats->setToolTip(QString());
    m_description->clear();
    m_state->showFailure(tr("The details of %1 could not be loaded").arg(m_title->text()), error);
}

void RepositoryPane::setTag(const QString &tag)
{
    m_tag = tag;
    updatePullLine();
}

void RepositoryPane::setSource(const QString &source)
{
    m_source->setText(source);
    m_source->setVisible(!source.isEmpty());
}

QString RepositoryPane::source() const
{
    return m_source->text();
}

QString RepositoryPane::pullCommand() const
{
    if (m_reference.isEmpty())
        return {};
    if (m_tag.isEmpty())
        return QString(u"docker pull " + m_reference);
    return QString(u"docker pull " + m_reference + u':' + m_tag);
}

void RepositoryPane::updatePullLine()
{
    m_pullLine->setText(pullCommand());
}

} // namespace wharf
