#include "PullsPane.h"

#include "Icons.h"
#include "ProgressDelegate.h"
#include "StatePanel.h"
#include "itemmodels/PullListModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace wharf {

PullsPane::PullsPane(PullListModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_view(new QTreeView(this)),
      m_cancel(new QPushButton(Icons::icon(Icons::Name::Cancel), tr("Cancel"), this)),
      m_retry(new QPushButton(Icons::icon(Icons::Name::Retry), tr("Retry"), this)),
      m_clear(new QPushButton(tr("Clear finished"), this)),
      m_state(new StatePanel(m_view, this)),
      m_offline(new QLabel(this))
{
    m_view->setObjectName(QStringLiteral("pullsView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(PullListModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setUniformRowHeights(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    // Every column fits the pane, however wide it is: the short ones fit their text, the progress
    // bar (and the error, when a pull failed) take what is left; the image name is elided in the
    // middle past a first width the person can drag. No horizontal scrolling to see Rate or ETA.
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(fontMetrics().averageCharWidth() * 4);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PullListModel::ReferenceColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(PullListModel::ProgressColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(PullListModel::ErrorColumn, QHeaderView::Stretch);
    fitReferenceColumn();
    m_cancel->setObjectName(QStringLiteral("cancelPull"));
    m_retry->setObjectName(QStringLiteral("retryPull"));
    m_cancel->setToolTip(tr("Stop the selected pull; the layers fetched so far stay for the next try"));
    m_retry->setToolTip(tr("Pull the selected image again, resuming where it stopped"));
    m_offline->setObjectName(QStringLiteral("pullsOffline"));
    m_offline->setWordWrap(true);
    m_offline->setText(tr("Offline: a pull stopped because its registry cannot be reached. Select it and press "
                          "Retry when the network is back; the layers already fetched are kept."));
    m_offline->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_offline);
    layout->addWidget(m_state, 1);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, [this] { m_model->cancel(currentPull()); });
    connect(m_retry, &QPushButton::clicked, this, [this] { m_model->retry(currentPull()); });
    connect(m_clear, &QPushButton::clicked, m_model, &PullListModel::removeFinished);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PullsPane::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateButtons();
        updateOfflineNotice();
        updateErrorColumn();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first) {
        if (!parent.isValid()) {
            m_view->setCurrentIndex(m_model->pullIndex(first));
            fitReferenceColumn();
        }
        updateState();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PullsPane::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PullsPane::updateState);
    updateState();
    updateButtons();
}

int PullsPane::currentPull() const
{
    QModelIndex current = m_view->currentIndex();
    while (current.parent().isValid())
        current = current.parent();
    return current.isValid() ? current.row() : -1;
}

void PullsPane::updateButtons()
{
    const int row = currentPull();
    const QModelIndex index = row >= 0 ? m_model->pullIndex(row) : QModelIndex();
    m_cancel->setEnabled(index.data(PullListModel::CanCancelRole).toBool());
    m_retry->setEnabled(index.data(PullListModel::CanRetryRole).toBool());
}

void PullsPane::updateOfflineNotice()
{
    bool offline = false;
    for (int row = 0; row < m_model->rowCount() && !offline; ++row) {
        const QModelIndex index = m_model->pullIndex(row);
        offline = index.data(PullListModel::StateRole).value<PullListModel::State>() == PullListModel::State::Failed
                  && StatePanel::isOffline(index.data(PullListModel::ErrorCodeRole).value<Error::Code>());
    }
    m_offline->setVisible(offline);
}

void PullsPane::fitReferenceColumn()
{
    // As wide as the names need, up to a cap: the progress bar keeps the room it needs for its text.
    const int cap = fontMetrics().horizontalAdvance(QStringLiteral("library/nginx:1.25-alpine")) + 32;
    int wanted = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        wanted = qMax(wanted, m_view->fontMetrics().horizontalAdvance(m_model->pullIndex(row).data().toString())
                                  + m_view->indentation() + 16);
    m_view->setColumnWidth(PullListModel::ReferenceColumn,
                           qBound(fontMetrics().horizontalAdvance(m_model->headerData(PullListModel::ReferenceColumn, Qt::Horizontal).toString()) + 24,
                                  wanted, cap));
}

void PullsPane::updateErrorColumn()
{
    // The Error column takes room only while some pull has an error to show.
    bool anyError = false;
    for (int row = 0; row < m_model->rowCount() && !anyError; ++row)
        anyError = !m_model->pullIndex(row).data(PullListModel::ErrorRole).toString().isEmpty();
    m_view->setColumnHidden(PullListModel::ErrorColumn, !anyError);
}

void PullsPane::updateState()
{
    updateOfflineNotice();
    updateErrorColumn();
    if (m_model->rowCount() == 0)
        m_state->showMessage(tr("No pulls yet. Pick a platform and press Pull."));
    else
        m_state->showContent();
    updateButtons();
}

} // namespace wharf
