#include "TagsPane.h"

#include "PlatformChipsDelegate.h"
#include "StatePanel.h"
#include "itemmodels/TagFilterProxyModel.h"
#include "itemmodels/TagListModel.h"
#include "itemmodels/TagTableModel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace wharf {

namespace {

// Tags differ at their ends (nightly-2024-01-21, 1.25.3-alpine): the Tag column elides in the
// middle, the other columns as usual.
class MiddleElideDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

} // namespace

TagsPane::TagsPane(TagListModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_proxy(new TagFilterProxyModel(this)),
      m_table(new TagTableModel(this)),
      m_filter(new QLineEdit(this)),
      m_regex(new QCheckBox(tr("Regex"), this)),
      m_view(new QTableView(this)),
      m_state(new StatePanel(m_view, this)),
      m_detailsTimer(new QTimer(this)),
      m_copyTag(new QAction(tr("Copy Tag"), this)),
      m_copyDigest(new QAction(tr("Copy Digest"), this)),
      m_copyPull(new QAction(tr("Copy “docker pull” Command"), this)),
      m_pullTag(new QAction(tr("Pull"), this)),
      m_compareTag(new QAction(tr("Compare With This Tag"), this)),
      m_mapLayers(new QAction(tr("Show in Layer Map"), this))
{
    m_proxy->setSourceModel(m_model);
    m_table->setFilterProxy(m_proxy);

    m_filter->setPlaceholderText(tr("Filter tags"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("tagFilter"));
    m_regex->setToolTip(tr("Treat the filter as a regular expression"));
    m_view->setObjectName(QStringLiteral("tagsView"));
    m_view->setModel(m_table);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TagTableModel::NameColumn, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(TagTableModel::PlatformsColumn, QHeaderView::Interactive);
    m_view->setItemDelegateForColumn(TagTableModel::NameColumn, new MiddleElideDelegate(m_view));
    m_view->setItemDelegateForColumn(TagTableModel::PlatformsColumn, new PlatformChipsDelegate(m_view));
    m_view->setColumnWidth(TagTableModel::NameColumn, fontMetrics().horizontalAdvance(QStringLiteral("nightly-2024-01-21")) + 16);
    // Room for three chips ("amd64 arm64/v8 +4"); the tooltip lists every platform.
    m_view->setColumnWidth(TagTableModel::PlatformsColumn, fontMetrics().horizontalAdvance(QStringLiteral("amd64  arm64/v8  ppc64le  +4")) + 24);
    m_view->setColumnWidth(TagTableModel::SizeColumn, 80);
    m_view->setWordWrap(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_regex);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_state, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TagFilterProxyModel::setFilterText);
    connect(m_regex, &QCheckBox::toggled, m_proxy, &TagFilterProxyModel::setRegexMode);
    connect(m_proxy, &TagFilterProxyModel::invalidPatternChanged, this, [this](bool invalid) {
        m_filter->setStyleSheet(invalid ? QStringLiteral("color: #b3261e;") : QString());
        m_filter->setToolTip(invalid ? tr("This is not a valid regular expression.") : QString());
    });
    connect(m_proxy, &TagFilterProxyModel::filterChanged, this, &TagsPane::updateState);
    // A new filter shows its best matches, at the top, not wherever the last one was scrolled to.
    connect(m_proxy, &TagFilterProxyModel::filterChanged, m_view, &QAbstractItemView::scrollToTop);
    connect(m_model, &TagListModel::stateChanged, this, &TagsPane::updateState);
    connect(m_state, &StatePanel::retryRequested, m_model, &TagListModel::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            Q_EMIT tagSelected(current.data(TagListModel::NameRole).toString());
    });

    m_copyTag->setObjectName(QStringLiteral("copyTagAction"));
    m_copyDigest->setObjectName(QStringLiteral("copyDigestAction"));
    m_copyPull->setObjectName(QStringLiteral("copyPullCommandAction"));
    m_pullTag->setObjectName(QStringLiteral("pullTagAction"));
    m_compareTag->setObjectName(QStringLiteral("compareTagAction"));
    m_mapLayers->setObjectName(QStringLiteral("mapLayersAction"));
    m_pullTag->setToolTip(tr("Pull the platform selected in Platforms, or this machine’s"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->viewport()->installEventFilter(this);
    connect(m_view, &QWidget::customContextMenuRequested, this, &TagsPane::showRowMenu);
    connect(m_copyTag, &QAction::triggered, this, [this] { copyText(m_menuTag); });
    connect(m_copyDigest, &QAction::triggered, this, [this] { copyText(m_menuDigest); });
    connect(m_copyPull, &QAction::triggered, this, [this] { copyText(pullCommand(m_menuTag)); });
    connect(m_pullTag, &QAction::triggered, this, [this] {
        selectTag(m_menuTag);
        Q_EMIT pullRequested(m_menuTag);
    });
    connect(m_compareTag, &QAction::triggered, this, [this] { Q_EMIT compareRequested(m_menuTag); });
    connect(m_mapLayers, &QAction::triggered, this, [this] { Q_EMIT mapLayersRequested(m_menuTag); });

    // Details of registry tags are fetched for what is on screen, once scrolling settles.
    m_detailsTimer->setSingleShot(true);
    m_detailsTimer->setInterval(60);
    connect(m_detailsTimer, &QTimer::timeout, this, &TagsPane::requestVisibleDetails);
    const auto later = [this] { m_detailsTimer->start(); };
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, later);
    connect(m_table, &QAbstractItemModel::rowsInserted, this, later);
    connect(m_table, &QAbstractItemModel::modelReset, this, later);
    connect(m_table, &QAbstractItemModel::layoutChanged, this, later);
    updateState();
}

QString TagsPane::currentTag() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(TagListModel::NameRole).toString() : QString();
}

bool TagsPane::selectTag(const QString &tag)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QModelIndex index = m_table->index(row, 0);
        if (index.data(TagListModel::NameRole).toString() == tag) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

void TagsPane::updateState()
{
    switch (m_model->state()) {
    case TagListModel::State::Idle:
        m_state->showMessage(tr("Pick a repository to list its tags."));
        return;
    case TagListModel::State::Loading:
        if (m_model->rowCount() == 0) {
            m_state->showMessage(tr("Loading tags…"));
            return;
        }
        break;
    case TagListModel::State::Empty:
        m_state->showMessage(tr("This repository has no tags."));
        return;
    case TagListModel::State::Error:
        if (m_model->rowCount() == 0) {
            m_state->showFailure(tr("The tags of %1 could not be listed").arg(m_model->repository().familiarName()),
                                 Error(m_model->errorCode().value_or(Error::Code::ServerError), m_model->errorMessage()));
            return;
        }
        break;
    case TagListModel::State::Ready:
        break;
    }
    if (m_proxy->invalidPattern())
        //: %1 is the filter text, %2 why it is not a regular expression (Qt's words)
        m_state->showMessage(tr("“%1” is not a valid regular expression: %2. Correct it, or untick Regex to match the text as it is.")
                                 .arg(m_filter->text(), m_proxy->patternError()));
    else if (m_table->rowCount() == 0 && !m_filter->text().isEmpty())
        m_state->showMessage(tr("No tag matches “%1”.").arg(m_filter->text()));
    else
        m_state->showContent();
}

bool TagsPane::eventFilter(QObject *watched, QEvent *event)
{
    // A right click opens the row's menu without selecting the row: selecting it would show that
    // tag, and the menu's Compare would then compare it with itself.
    if (watched == m_view->viewport()) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
            if (static_cast<QMouseEvent *>(event)->button() == Qt::RightButton)
                return true;
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QList<QAction *> TagsPane::rowActions() const
{
    return {m_copyTag, m_copyDigest, m_copyPull, m_pullTag, m_compareTag, m_mapLayers};
}

void TagsPane::showRowMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    // The menu is about the row under the pointer; the selection (the image on show) stays, so
    // "Compare With This Tag" compares the two. Pull selects the row it pulls.
    m_menuTag = index.data(TagListModel::NameRole).toString();
    m_menuDigest = index.data(TagListModel::DigestRole).toString();
    m_copyDigest->setEnabled(!m_menuDigest.isEmpty());
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("tagMenu"));
    menu.addAction(m_copyTag);
    menu.addAction(m_copyDigest);
    menu.addAction(m_copyPull);
    menu.addSeparator();
    menu.addAction(m_pullTag);
    menu.addAction(m_compareTag);
    menu.addAction(m_mapLayers);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void TagsPane::copyText(const QString &text)
{
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

QString TagsPane::pullCommand(const QString &tag) const
{
    const auto reference = m_model->repository().withTag(tag);
    return reference ? QStringLiteral("docker pull %1").arg(reference->familiarString()) : QString();
}

void TagsPane::requestVisibleDetails()
{
    if (m_model->isDockerHub() || m_table->rowCount() == 0)
        return;
    const int first = qMax(0, m_view->rowAt(0));
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = m_table->rowCount() - 1;
    for (int row = first; row <= last; ++row) {
        const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, 0));
        if (source.isValid())
            m_model->requestDetails(source.row());
    }
}

} // namespace wharf
