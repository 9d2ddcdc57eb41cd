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
#include <QComboBox>
#include <QMenu>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace wharf {

namespace {

// The "Pull to" box's item data: -1 for the store, else the EngineKind.
constexpr int kStore = -1;
constexpr int kStateRole = Qt::UserRole + 1; // PlatformsPane::EngineState
constexpr int kDescriptionRole = Qt::UserRole + 2;

} // namespace

PlatformsPane::PlatformsPane(PlatformModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_view(new QTreeView(this)),
      m_indexDigest(new ElidedLabel(this)),
      m_cost(new QLabel(this)),
      m_pull(new QPushButton(Icons::icon(Icons::Name::Pull), tr("Pull"), this)),
      //: before a choice of where Pull sends an image: "Pull to: [Wharf store ▾]"
      m_targetLabel(new QLabel(tr("Pull &to:"), this)),
      m_target(new QComboBox(this)),
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

    m_target->setObjectName(QStringLiteral("pullTargetBox"));
    //: the local OCI store as a pull target, beside Docker and Podman
    m_target->addItem(tr("Wharf store"), kStore);
    m_target->setItemData(0, tr("Wharf's own OCI store, for skopeo, umoci and podman (oci:)"), Qt::ToolTipRole);
    m_target->setItemData(0, QVariant::fromValue(EngineState::Ready), kStateRole);
    m_targetLabel->setBuddy(m_target);
    // Until the window says which engines it looked for, there is nothing to choose.
    m_targetLabel->hide();
    m_target->hide();

    // What the pull costs on a line of its own (it can be long); where it goes and Pull under it.
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_targetLabel);
    bottom->addWidget(m_target);
    bottom->addStretch(1);
    bottom->addWidget(m_pull);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_indexDigest);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_cost);
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
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        updateCost();
        Q_EMIT pullTargetChanged(pullTarget());
    });
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

std::optional<EngineKind> PlatformsPane::pullTarget() const
{
    const int kind = m_target->currentData().toInt();
    if (kind == kStore)
        return std::nullopt;
    return static_cast<EngineKind>(kind);
}

void PlatformsPane::setPullTarget(std::optional<EngineKind> target)
{
    const int at = m_target->findData(target ? int(*target) : kStore);
    if (at >= 0)
        m_target->setCurrentIndex(at);
}

void PlatformsPane::setEngineState(EngineKind kind, EngineState state, const QString &description)
{
    int at = m_target->findData(int(kind));
    if (at < 0) {
        m_target->addItem(EngineLocator::kindName(kind), int(kind));
        at = m_target->count() - 1;
    }
    const QString name = EngineLocator::kindName(kind);
    m_target->setItemText(at, state == EngineState::Unavailable
                                  //: an engine in the "Pull to" box that does not answer: "Docker (not available)"
                                  ? tr("%1 (not available)").arg(name)
                                  : name);
    m_target->setItemData(at, description, Qt::ToolTipRole);
    m_target->setItemData(at, description, kDescriptionRole);
    m_target->setItemData(at, QVariant::fromValue(state), kStateRole);
    m_targetLabel->show();
    m_target->show();
    updateCost();
}

PlatformsPane::EngineState PlatformsPane::targetState() const
{
    return m_target->currentData(kStateRole).value<EngineState>();
}

void PlatformsPane::updateCost()
{
    const int row = currentPlatform();
    const std::optional<EngineKind> target = pullTarget();
    const EngineState targetState = this->targetState();
    const QString engine = target ? EngineLocator::kindName(*target) : QString();
    m_target->setToolTip(m_target->currentData(Qt::ToolTipRole).toString());
    // A platform the store already holds (this reference, this manifest) has nothing to pull into
    // the store; into an engine it is sent from there.
    const bool pulled = !target && currentIsPulled();
    m_pull->setEnabled(row >= 0 && !pulled && targetState == EngineState::Ready && m_state->kind() == StatePanel::Kind::Content);
    //: the Pull button when the pull goes on into Docker or Podman: "Pull into Docker"
    m_pull->setText(pulled ? tr("Pulled ✓") : target ? tr("Pull into %1").arg(engine) : tr("Pull"));
    m_pull->setToolTip(pulled   ? tr("This platform of the tag is in the local store already")
                       : target ? tr("Pull the selected platform through the local store into %1 (Enter)").arg(engine)
                                : tr("Pull the selected platform into the local store (Enter)"));
    if (target && targetState != EngineState::Ready) {
        const QString why = m_target->currentData(kDescriptionRole).toString();
        m_cost->setText(targetState == EngineState::Checking
                            //: %1 Docker or Podman
                            ? tr("Looking for %1…").arg(engine)
                            //: %1 Docker or Podman, %2 why it cannot be reached (one line)
                            : tr("%1 cannot be used: %2").arg(engine, why));
        return;
    }
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
    if (row < 0 || !m_pull->isEnabled())
        return;
    Q_EMIT pullRequested(row);
}

} // namespace wharf
