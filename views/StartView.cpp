#include "StartView.h"

#include "Icons.h"
#include "SearchResultDelegate.h"
#include "StatePanel.h"
#include "core/Error.h"
#include "itemmodels/LoadedRowsProxyModel.h"
#include "itemmodels/SearchModel.h"
#include "reference/ImageReference.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QStandardItemModel>
#include <QStyle>
#include <QVBoxLayout>

namespace wharf {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// The name a person knows a repository by ("nginx", "grafana/grafana", "ghcr.io/x/y").
QString familiarName(const QString &reference)
{
    const auto parsed = ImageReference::parseDockerRef(reference);
    return parsed ? parsed->familiarName() : reference;
}

} // namespace

StartView::StartView(SearchModel *popular, QWidget *parent)
    : QWidget(parent),
      m_model(popular),
      m_popular(new QListView(this)),
      m_recent(new QListView(this)),
      m_recentModel(new QStandardItemModel(this))
{
    auto *loaded = new LoadedRowsProxyModel(this); // the first page only: this is a start, not a catalog
    loaded->setSourceModel(m_model);
    m_popular->setObjectName(QStringLiteral("startPopular"));
    m_popular->setModel(loaded);
    m_popular->setItemDelegate(new SearchResultDelegate(m_popular));
    m_popular->setUniformItemSizes(true);
    m_popular->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popularState = new StatePanel(m_popular, this);

    m_recent->setObjectName(QStringLiteral("startRecent"));
    m_recent->setModel(m_recentModel);
    m_recent->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recentState = new StatePanel(m_recent, this);

    auto *title = new QLabel(tr("<h2>Welcome to Wharf</h2>"), this);
    auto *hint = new QLabel(tr("Search on the left, pick a repository and a tag; its platforms, history, layer map and files "
                               "open here. F6 moves between panes; Ctrl+? lists every shortcut."),
                            this);
    hint->setObjectName(QStringLiteral("startHint"));
    hint->setWordWrap(true);

    auto *popularColumn = new QVBoxLayout;
    popularColumn->addWidget(heading(tr("Popular official images"), this));
    popularColumn->addWidget(m_popularState, 1);
    auto *recentColumn = new QVBoxLayout;
    recentColumn->addWidget(heading(tr("Recently viewed"), this));
    recentColumn->addWidget(m_recentState, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(popularColumn, 3);
    columns->addLayout(recentColumn, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addSpacing(8);
    layout->addLayout(columns, 1);

    // A click or Enter opens (activated is a double-click on some styles: clicked covers both).
    const auto open = [this](const QModelIndex &index) {
        const QString reference = index.data(SearchModel::ReferenceRole).toString();
        if (!reference.isEmpty())
            Q_EMIT repositoryChosen(reference);
    };
    connect(m_popular, &QAbstractItemView::clicked, this, open);
    connect(m_popular, &QAbstractItemView::activated, this, open);
    const auto openRecent = [this](const QModelIndex &index) {
        const QString reference = index.data(Qt::UserRole).toString();
        if (!reference.isEmpty())
            Q_EMIT repositoryChosen(reference);
    };
    connect(m_recent, &QAbstractItemView::clicked, this, openRecent);
    connect(m_recent, &QAbstractItemView::activated, this, openRecent);
    connect(m_model, &SearchModel::stateChanged, this, &StartView::updatePopularState);
    connect(m_popularState, &StatePanel::retryRequested, this, &StartView::popularRetryRequested);
    updatePopularState();
    setRecent({});
}

void StartView::setRecent(const QStringList &references)
{
    m_recentModel->clear();
    for (const QString &reference : references) {
        auto *item = new QStandardItem(Icons::icon(Icons::Name::Repository), familiarName(reference));
        item->setData(reference, Qt::UserRole);
        item->setEditable(false);
        m_recentModel->appendRow(item);
    }
    if (references.isEmpty())
        m_recentState->showMessage(tr("Repositories you open appear here."));
    else
        m_recentState->showContent();
}

void StartView::updatePopularState()
{
    switch (m_model->state()) {
    case SearchModel::State::Idle:
    case SearchModel::State::Loading:
        if (m_model->rowCount() == 0)
            m_popularState->showMessage(tr("Asking Docker Hub…"));
        break;
    case SearchModel::State::Ready:
        m_popularState->showContent();
        break;
    case SearchModel::State::Empty:
        m_popularState->showMessage(tr("Docker Hub listed no official images."));
        break;
    case SearchModel::State::Error:
        if (m_model->rowCount() == 0)
            m_popularState->showFailure(tr("Docker Hub's official images could not be listed"),
                                        Error(m_model->errorCode().value_or(Error::Code::ServerError), m_model->errorMessage()));
        else
            m_popularState->showContent();
        break;
    }
}

} // namespace wharf
