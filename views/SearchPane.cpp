#include "SearchPane.h"

#include "Icons.h"
#include "SearchResultDelegate.h"
#include "StatePanel.h"
#include "itemmodels/SearchModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wharf {

SearchPane::SearchPane(SearchModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_query(new QLineEdit(this)),
      m_registry(new QComboBox(this)),
      m_platform(new QComboBox(this)),
      m_badge(new QComboBox(this)),
      m_order(new QComboBox(this)),
      m_mine(new QToolButton(this)),
      m_results(new QListView(this)),
      m_state(new StatePanel(m_results, this)),
      m_debounce(new QTimer(this))
{
    m_query->setPlaceholderText(tr("Search images (Ctrl+F)"));
    m_query->setClearButtonEnabled(true);
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->addAction(Icons::icon(Icons::Name::Search), QLineEdit::LeadingPosition);
    m_registry->setObjectName(QStringLiteral("searchRegistry"));
    m_registry->setToolTip(tr("Where to search"));
    m_registry->addItem(tr("Docker Hub"), QString());
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setUniformItemSizes(true);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    // Docker Hub's filters: data is "os/arch" (the Hub filters by OS and architecture; a variant such
    // as arm/v7 is the architecture arm), a badge, an order.
    m_platform->setObjectName(QStringLiteral("searchPlatform"));
    m_platform->setToolTip(tr("Only images for this platform"));
    m_platform->addItem(tr("Any platform"), QString());
    for (const char *platform : {"linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6", "linux/386", "linux/ppc64le", "linux/s390x",
                                 "linux/riscv64", "windows/amd64"})
        m_platform->addItem(QString::fromLatin1(platform), QString::fromLatin1(platform));
    m_badge->setObjectName(QStringLiteral("searchBadge"));
    m_badge->setToolTip(tr("Only images with this badge"));
    m_badge->addItem(tr("Any badge"), QString());
    m_badge->addItem(tr("Official"), QStringLiteral("official"));
    m_badge->addItem(tr("Verified publisher"), QStringLiteral("verified_publisher"));
    m_badge->addItem(tr("Open source"), QStringLiteral("open_source"));
    m_badge->addItem(tr("Hardened"), QStringLiteral("hardened"));
    m_order->setObjectName(QStringLiteral("searchOrder"));
    m_order->setToolTip(tr("Order of the results"));
    m_order->addItem(tr("Best match"), int(HubSearchQuery::Order::BestMatch));
    m_order->addItem(tr("Most pulled"), int(HubSearchQuery::Order::MostPulled));
    m_order->addItem(tr("Recently updated"), int(HubSearchQuery::Order::RecentlyUpdated));

    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 1);
    top->addWidget(m_registry);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_platform, 1);
    filters->addWidget(m_badge, 1);
    filters->addWidget(m_order, 1);
    m_mine->setObjectName(QStringLiteral("myRepositories"));
    m_mine->setText(tr("Mine"));
    m_mine->setToolTip(tr("My repositories on Docker Hub, private ones included (needs a Docker Hub login)"));
    filters->addWidget(m_mine);
    connect(m_mine, &QToolButton::clicked, this, &SearchPane::myRepositoriesRequested);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_state, 1);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SearchPane::searchNow);
    connect(m_query, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_query, &QLineEdit::returnPressed, this, &SearchPane::searchNow);
    connect(m_registry, &QComboBox::currentIndexChanged, this, &SearchPane::searchNow);
    for (QComboBox *filter : {m_platform, m_badge, m_order})
        connect(filter, &QComboBox::currentIndexChanged, this, &SearchPane::applyFilters);
    connect(m_model, &SearchModel::stateChanged, this, &SearchPane::updateState);
    connect(m_state, &StatePanel::retryRequested, m_model, &SearchModel::reload);
    connect(m_results->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT repositorySelected(current.data(SearchModel::ReferenceRole).toString());
    });
    updateState();
}

void SearchPane::applyFilters()
{
    HubSearchQuery filters;
    if (const QString platform = m_platform->currentData().toString(); !platform.isEmpty()) {
        filters.operatingSystems = {platform.section(u'/', 0, 0)};
        filters.architectures = {platform.section(u'/', 1, 1)};
    }
    if (const QString badge = m_badge->currentData().toString(); !badge.isEmpty())
        filters.badges = {badge};
    filters.order = HubSearchQuery::Order(m_order->currentData().toInt());
    m_model->setHubFilters(filters);
}

void SearchPane::setRegistries(const QStringList &registries)
{
    const QString current = registry();
    const QSignalBlocker blocker(m_registry);
    while (m_registry->count() > 1)
        m_registry->removeItem(1);
    for (const QString &r : registries) {
        if (!r.trimmed().isEmpty())
            m_registry->addItem(r.trimmed(), r.trimmed());
    }
    setRegistry(current);
}

QString SearchPane::registry() const
{
    return m_registry->currentData().toString();
}

void SearchPane::setRegistry(const QString &registry)
{
    const int at = m_registry->findData(registry);
    m_registry->setCurrentIndex(at < 0 ? 0 : at);
}

void SearchPane::focusQuery()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void SearchPane::searchNow()
{
    m_debounce->stop();
    const bool hub = registry().isEmpty();
    for (QComboBox *filter : {m_platform, m_badge, m_order})
        filter->setEnabled(hub);
    m_mine->setEnabled(hub);
    const QString query = m_query->text().trimmed();
    if (query.isEmpty() && registry().isEmpty()) {
        m_model->clear();
        return;
    }
    m_model->search(query, registry());
}

void SearchPane::updateState()
{
    switch (m_model->state()) {
    case SearchModel::State::Idle:
        m_state->showMessage(tr("Type to search Docker Hub or pick a registry."));
        break;
    case SearchModel::State::Loading:
        if (m_model->rowCount() == 0)
            m_state->showMessage(tr("Searching…"));
        break;
    case SearchModel::State::Ready:
        m_state->showContent();
        break;
    case SearchModel::State::Empty:
        m_state->showMessage(tr("No repositories match “%1”.").arg(m_model->query()));
        break;
    case SearchModel::State::Error:
        if (m_model->rowCount() == 0)
            m_state->showFailure(m_model->isDockerHub() ? tr("Searching Docker Hub failed")
                                                        : tr("Listing the catalog of %1 failed").arg(m_model->registry()),
                                 Error(m_model->errorCode().value_or(Error::Code::ServerError), m_model->errorMessage()));
        else
            m_state->showContent();
        break;
    }
}

} // namespace wharf
