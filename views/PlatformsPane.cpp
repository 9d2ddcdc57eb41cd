#include "PlatformsPane.h"

#include "ElidedLabel.h"
#include "Icons.h"
#include "StatePanel.h"
#include "itemmodels/PlatformModel.h"
#include "reference/ImageReference.h"
#include "reference/Platform.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace wharf {

PlatformsPane::PlatformsPane(PlatformModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_view(new QTreeView(this)),
      m_indexDigest(new ElidedLabel(this)),
      m_cost(new QLabel(this)),
      m_pull(new QPushButton(Icons::icon(Icons::Name::Pull), tr("Pull"), this)),
      m_pullAction(new QAction(Icons::icon(Icons::Name::Pull), tr("Pull"), this)),
      m_copyDigest(new QAction(tr("Copy Digest"), this))
{
    auto *content = new QWidget(this);
    m_view->setObjectName(QStringLiteral("platformsView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setUniformRowHeights(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    // The digest takes what is left and is elided in the middle; the short columns fit their text.
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    // The name fits its longest row, "Provenance/SBOM for linux/arm64/v8" too once its section opens.
    header->setSectionResizeMode(PlatformModel::NameColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PlatformModel::OsVersionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PlatformModel::DigestColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(PlatformModel::SizeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PlatformModel::PullCostColumn, QHeaderView::ResizeToContents);
    header->setMinimumSectionSize(fontMetrics().averageCharWidth() * 6);
    m_indexDigest->setObjectName(QStringLiteral("indexDigest"));
    m_cost->setObjectName(QStringLiteral("pullCost"));
    m_cost->setWordWrap(true);
    m_pull->setObjectName(QStringLiteral("pullButton"));
    m_pull->setToolTip(tr("Pull the selected platform into the local store (Enter)"));
    m_pull->setEnabled(false);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_cost, 1);
    bottom->addWidget(m_pull);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_indexDigest);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
    m_state = new StatePanel(content, this);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_state);

    connect(m_model, &QAbstractItemModel::modelReset, this, &PlatformsPane::onModelReset);
    connect(m_model, &PlatformModel::pullCostChanged, this, &PlatformsPane::updateCost);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PlatformsPane::updateCost);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PlatformsPane::onCurrentChanged);
    connect(m_pull, &QPushButton::clicked, this, &PlatformsPane::requestPull);
    connect(m_state, &StatePanel::retryRequested, this, &PlatformsPane::retryRequested);
    // Enter (and a double click) on a platform pulls it.
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(PlatformModel::KindRole).value<PlatformModel::RowKind>() == PlatformModel::RowKind::Platform)
            requestPull();
    });
    m_pullAction->setObjectName(QStringLiteral("pullPlatformAction"));
    m_copyDigest->setObjectName(QStringLiteral("copyPlatformDigestAction"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &PlatformsPane::showRowMenu);
    connect(m_pullAction, &QAction::triggered, this, &PlatformsPane::requestPull);
    connect(m_copyDigest, &QAction::triggered, this, [this] {
        if (!m_menuDigest.isEmpty())
            QApplication::clipboard()->setText(m_menuDigest);
    });
    clear();
}

QList<QAction *> PlatformsPane::rowActions() const
{
    return {m_pullAction, m_copyDigest};
}

void PlatformsPane::showRowMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    const auto kind = index.data(PlatformModel::KindRole).value<PlatformModel::RowKind>();
    if (!index.isValid() || kind == PlatformModel::RowKind::Section)
        return;
    if (m_view->currentIndex().siblingAtColumn(0) != index.siblingAtColumn(0))
        m_view->setCurrentIndex(index.siblingAtColumn(0));
    m_menuDigest = index.data(PlatformModel::DigestRole).toString();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("platformMenu"));
    if (kind == PlatformModel::RowKind::Platform) {
        m_pullAction->setEnabled(m_pull->isEnabled());
        m_pullAction->setText(m_pull->text());
        menu.addAction(m_pullAction);
    }
    menu.addAction(m_copyDigest);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void PlatformsPane::pullWhenShown(const QString &tag)
{
    const auto shown = ImageReference::parseDockerRef(m_model->reference());
    if (shown && shown->tag() == tag && m_state->kind() == StatePanel::Kind::Content) {
        m_pullTagWhenShown.clear();
        requestPull();
        return;
    }
    m_pullTagWhenShown = tag;
}

void PlatformsPane::clear()
{
    m_state->showMessage(tr("Pick a tag to see its platforms."));
    m_pull->setEnabled(false);
    m_cost->clear();
}

void PlatformsPane::setLoading()
{
    m_state->showMessage(tr("Resolving the tag’s platforms…"));
    m_pull->setEnabled(false);
}

void PlatformsPane::setError(const Error &error)
{
    m_state->showFailure(tr("The tag could not be resolved"), error);
    m_pull->setEnabled(false);
}

int PlatformsPane::currentPlatform() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()
        || current.data(PlatformModel::KindRole).value<PlatformModel::RowKind>() != PlatformModel::RowKind::Platform)
        return -1;
    return current.row();
}

bool PlatformsPane::selectPlatform(const QString &platform)
{
    // "linux/arm64" names the same platform as the index's "linux/arm64/v8".
    const auto parsed = Platform::parse(platform);
    const QString wanted = parsed ? parsed->normalized().toString() : platform;
    for (int row = 0; row < m_model->platformCount(); ++row) {
        const QModelIndex index = m_model->platformIndex(row);
        const QString name = index.data(PlatformModel::PlatformRole).toString();
        const auto normalised = Platform::parse(name);
        if (name == platform || (normalised ? normalised->normalized().toString() : name) == wanted) {
            m_view->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

void PlatformsPane::onModelReset()
{
    if (m_model->platformCount() == 0 && m_model->attestationCount() == 0) {
        m_state->showMessage(tr("This tag offers no platforms."));
        return;
    }
    m_view->expand(m_model->sectionIndex(PlatformModel::PlatformsSection));
    m_view->collapse(m_model->sectionIndex(PlatformModel::AttestationsSection));
    // Most images name no OS version (only Windows ones do); an empty column is only noise.
    bool anyOsVersion = false;
    for (int row = 0; row < m_model->platformCount() && !anyOsVersion; ++row)
        anyOsVersion = !m_model->platformIndex(row).data(PlatformModel::OsVersionRole).toString().isEmpty();
    m_view->setColumnHidden(PlatformModel::OsVersionColumn, !anyOsVersion);
    // An image without attestations does not need an empty section saying so.
    const QModelIndex attestations = m_model->sectionIndex(PlatformModel::AttestationsSection);
    m_view->setRowHidden(attestations.row(), attestations.parent(), m_model->attestationCount() == 0);
    m_view->resizeColumnToContents(PlatformModel::NameColumn);
    // The platform on show is the platform selected (this machine's when the tag has it, the only
    // one of a single-platform tag), so Pull and its cost are there at once.
    if (currentPlatform() < 0 && m_model->shownPlatformRow() >= 0)
        m_view->setCurrentIndex(m_model->platformIndex(m_model->shownPlatformRow()));
    m_indexDigest->setText(m_model->indexDigest().isEmpty()
                               ? tr("A single-platform image")
                               : tr("Index %1").arg(m_model->indexDigest()));
    m_state->showContent();
    onCurrentChanged();
    if (!m_pullTagWhenShown.isEmpty()) {
        const auto shown = ImageReference::parseDockerRef(m_model->reference());
        if (shown && shown->tag() == m_pullTagWhenShown) {
            m_pullTagWhenShown.clear();
            requestPull();
        }
    }
}

void PlatformsPane::onCurrentChanged()
{
    const int row = currentPlatform();
    if (row >= 0) {
        m_model->requestPullCost(row);
        Q_EMIT platformSelected(row);
    }
    updateCost();
}

bool PlatformsPane::currentIsPulled() const
{
    const int row = currentPlatform();
    return row >= 0 && m_model->platformIndex(row).data(PlatformModel::PulledRole).toBool();
}

void PlatformsPane::updateCost()
{
    const int row = currentPlatform();
    // A platform the store already holds (this reference, this manifest) has nothing to pull.
    const bool pulled = currentIsPulled();
    m_pull->setEnabled(row >= 0 && !pulled && m_state->kind() == StatePanel::Kind::Content);
    m_pull->setText(pulled ? tr("Pulled ✓") : tr("Pull"));
    m_pull->setToolTip(pulled ? tr("This platform of the tag is in the local store already")
                              : tr("Pull the selected platform into the local store (Enter)"));
    if (row < 0) {
        m_cost->setText(m_model->platformCount() > 0 ? tr("Select a platform to pull it.") : QString());
        return;
    }
    const QModelIndex index = m_model->platformIndex(row, PlatformModel::PullCostColumn);
    switch (index.data(PlatformModel::PullCostStateRole).value<PlatformModel::PullCostState>()) {
    case PlatformModel::PullCostState::Unknown:
    case PlatformModel::PullCostState::Resolving:
        m_cost->setText(tr("Working out what the pull needs…"));
        break;
    case PlatformModel::PullCostState::Known:
        m_cost->setText(index.data(PlatformModel::PullCostTextRole).toString());
        break;
    case PlatformModel::PullCostState::Failed:
        m_cost->setText(tr("Cost unknown: %1").arg(index.data(PlatformModel::PullCostErrorRole).toString()));
        break;
    }
}

void PlatformsPane::requestPull()
{
    const int row = currentPlatform();
    if (row >= 0 && !currentIsPulled())
        Q_EMIT pullRequested(row);
}

} // namespace wharf
