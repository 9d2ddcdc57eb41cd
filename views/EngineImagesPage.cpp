#include "EngineImagesPage.h"

#include "Icons.h"
#include "RemovalQuestion.h"
#include "StatePanel.h"
#include "itemmodels/EngineImagesModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace wharf {

EngineImagesPage::EngineImagesPage(EngineKind kind, QWidget *parent)
    : QWidget(parent),
      m_kind(kind),
      m_sorted(new QSortFilterProxyModel(this)),
      m_view(new QTableView(this)),
      m_refresh(new QPushButton(Icons::icon(Icons::Name::Retry), tr("Refresh"), this)),
      m_remove(new QPushButton(Icons::icon(Icons::Name::Delete), tr("Remove…"), this)),
      m_menu(new QMenu(this)),
      m_state(new StatePanel(m_view, this))
{
    const QString engine = EngineLocator::kindName(kind);
    const QString prefix = engine.toLower();
    setObjectName(prefix + u"ImagesPage");
    m_sorted->setSortRole(EngineImagesModel::RawValueRole);
    m_view->setObjectName(prefix + u"ImagesView");
    m_view->setModel(m_sorted);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(EngineImagesModel::RepositoryColumn, 170);
    // The engine's order until a header is clicked.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->installEventFilter(this);
    m_refresh->setObjectName(prefix + u"RefreshImages");
    //: %1: Docker or Podman
    m_refresh->setToolTip(tr("List %1’s images again (F5)").arg(engine));
    m_remove->setObjectName(prefix + u"RemoveImage");
    //: %1: Docker or Podman
    m_remove->setToolTip(tr("Remove the image's name from %1; the image goes with its last name (Delete)").arg(engine));
    m_menu->setObjectName(prefix + u"ImagesMenu");

    m_openAction = m_menu->addAction(tr("&Open"));
    m_openAction->setObjectName(QStringLiteral("openEngineImageAction"));
    QFont bold = m_openAction->font();
    bold.setBold(true);
    m_openAction->setFont(bold); // what a double-click does
    connect(m_openAction, &QAction::triggered, this, [this] {
        if (const int row = currentImage(); row >= 0)
            Q_EMIT openRequested(m_kind, row);
    });
    m_menu->addSeparator();
    m_removeAction = m_menu->addAction(Icons::icon(Icons::Name::Delete), tr("&Remove…"));
    m_removeAction->setObjectName(QStringLiteral("removeEngineImageAction"));
    m_removeAction->setShortcut(QKeySequence::Delete); // shown in the menu; the table handles the key
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_removeAction, &QAction::triggered, this, &EngineImagesPage::confirmRemove);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state, 1);
    layout->addLayout(buttons);

    connect(m_refresh, &QPushButton::clicked, this, &EngineImagesPage::refresh);
    connect(m_state, &StatePanel::retryRequested, this, &EngineImagesPage::refresh);
    connect(m_remove, &QPushButton::clicked, this, &EngineImagesPage::confirmRemove);
    // Double-click, or Enter on a row.
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid() && m_model)
            Q_EMIT openRequested(m_kind, m_sorted->mapToSource(index).row());
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &EngineImagesPage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &EngineImagesPage::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EngineImagesPage::updateButtons);
    connect(m_sorted, &QAbstractItemModel::modelReset, this, &EngineImagesPage::updateState);
    //: %1: Docker or Podman
    setUnavailable(tr("Asking %1…").arg(engine));
}

void EngineImagesPage::setModel(EngineImagesModel *model)
{
    if (model == m_model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_unavailable.clear();
    m_listError.reset();
    m_sorted->setSourceModel(model);
    if (m_model) {
        connect(m_model, &EngineImagesModel::loadingChanged, this, &EngineImagesPage::updateState);
        connect(m_model, &EngineImagesModel::refreshed, this, [this](const std::optional<Error> &error) {
            m_listError = error;
            updateState();
        });
        connect(m_model, &QObject::destroyed, this, [this] { setModel(nullptr); });
    }
    updateState();
}

void EngineImagesPage::setUnavailable(const QString &reason)
{
    setModel(nullptr);
    m_unavailable = reason;
    updateState();
}

void EngineImagesPage::refresh()
{
    if (m_model)
        m_model->refresh();
}

int EngineImagesPage::currentImage() const
{
    // Only a row the person can see selected (as in the store's list).
    const QModelIndex current = m_view->currentIndex();
    if (!m_model || !current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), {}))
        return -1;
    return m_sorted->mapToSource(current).row();
}

QMessageBox *EngineImagesPage::removeConfirmation() const
{
    return findChild<QMessageBox *>(QStringLiteral("removeEngineImageConfirmation"));
}

void EngineImagesPage::updateState()
{
    const QString engine = EngineLocator::kindName(m_kind);
    m_refresh->setEnabled(m_model != nullptr);
    if (!m_model)
        m_state->showMessage(m_unavailable);
    else if (m_listError)
        //: %1: Docker or Podman
        m_state->showFailure(tr("%1’s images could not be listed").arg(engine), *m_listError);
    else if (m_model->rowCount() > 0)
        m_state->showContent();
    else if (m_model->isLoading())
        //: %1: Docker or Podman
        m_state->showMessage(tr("Listing %1’s images…").arg(engine));
    else
        //: %1: Docker or Podman
        m_state->showMessage(tr("%1 holds no images.").arg(engine));
    updateButtons();
}

void EngineImagesPage::updateButtons()
{
    const bool selected = currentImage() >= 0;
    m_remove->setEnabled(selected);
    m_openAction->setEnabled(selected);
    m_removeAction->setEnabled(selected);
}

void EngineImagesPage::confirmRemove()
{
    const int row = currentImage();
    if (row < 0 || removeConfirmation())
        return;
    const QModelIndex index = m_model->index(row, 0);
    const QString engine = EngineLocator::kindName(m_kind);
    QString name = index.data(EngineImagesModel::NameRole).toString();
    if (name.isEmpty()) // untagged: by its ID
        name = m_model->index(row, EngineImagesModel::ImageIdColumn).data().toString();
    RemovalQuestion question;
    question.title = tr("Remove Image");
    //: %1: an image name ("nginx:1.27"), %2: Docker or Podman
    question.text = tr("Remove %1 from %2?").arg(name, engine);
    //: %1: Docker or Podman
    question.informative = tr("%1 removes this name; the image and its layers go with its last name. "
                              "%1 refuses while a container uses the image.")
                               .arg(engine);
    question.confirmText = tr("Remove");
    question.objectName = QStringLiteral("removeEngineImageConfirmation");
    question.confirmObjectName = QStringLiteral("confirmRemove");
    askBeforeRemoving(this, question, index, [this](int confirmedRow) {
        m_model->remove(confirmedRow);
        m_view->selectionModel()->clear();
        updateButtons();
    });
}

void EngineImagesPage::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index); // the row under the pointer, selected
    updateButtons();
    m_menu->popup(m_view->viewport()->mapToGlobal(position));
}

bool EngineImagesPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && isDeleteKeyPress(event)) {
        confirmRemove();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace wharf
