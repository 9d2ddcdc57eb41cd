#include "LocalImagesPane.h"

#include "EngineImagesPage.h"
#include "Icons.h"
#include "RemovalQuestion.h"
#include "StatePanel.h"
#include "itemmodels/LocalImagesModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

namespace wharf {

LocalImagesPane::LocalImagesPane(LocalImagesModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_view(new QTableView(this)),
      m_delete(new QPushButton(Icons::icon(Icons::Name::Delete), tr("Delete…"), this)),
      m_export(new QPushButton(Icons::icon(Icons::Name::Export), tr("Export…"), this)),
      m_reveal(new QPushButton(Icons::icon(Icons::Name::Reveal), tr("Show in Folder"), this)),
      m_cleanUp(new QPushButton(Icons::icon(Icons::Name::Delete), QString(), this)),
      m_menu(new QMenu(this)),
      m_state(new StatePanel(m_view, this)),
      m_sources(new QTabBar(this)),
      m_pages(new QStackedWidget(this)),
      m_dockerPage(new EngineImagesPage(EngineKind::Docker, this)),
      m_podmanPage(new EngineImagesPage(EngineKind::Podman, this))
{
    m_view->setObjectName(QStringLiteral("localImagesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(LocalImagesModel::ReferenceColumn, 170);
    // index.json's order until a header is clicked.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->installEventFilter(this);
    m_delete->setObjectName(QStringLiteral("deleteImage"));
    m_delete->setToolTip(tr("Delete the image from the local store, with the layers no other stored image uses (Delete)"));
    m_export->setObjectName(QStringLiteral("exportImage"));
    m_export->setToolTip(tr("Write the image to a docker-archive or oci-archive tar file"));
    m_reveal->setObjectName(QStringLiteral("revealImage"));
    m_reveal->setToolTip(tr("Show the store's folder in the file manager, its index.json (the list of stored images) selected"));
    m_cleanUp->setObjectName(QStringLiteral("cleanUpStore"));
    m_cleanUp->setToolTip(tr("Delete what no stored image uses: layers left by images deleted elsewhere (“wharf rm”), "
                             "by other tools, or by pulls that were given up"));
    m_cleanUp->hide();
    m_menu->setObjectName(QStringLiteral("localImagesMenu"));

    QAction *open = addRowAction(QStringLiteral("openImageAction"), tr("&Open"), &LocalImagesPane::openRequested);
    QFont bold = open->font();
    bold.setBold(true);
    open->setFont(bold); // what a double-click does
    m_menu->addSeparator();
    addRowAction(QStringLiteral("exportImageAction"), tr("&Export…"), &LocalImagesPane::exportRequested)
        ->setIcon(Icons::icon(Icons::Name::Export));
    addRowAction(QStringLiteral("revealImageAction"), tr("Show in &Folder"), &LocalImagesPane::revealRequested)
        ->setIcon(Icons::icon(Icons::Name::Reveal));
    m_menu->addSeparator();
    addRowAction(QStringLiteral("copyImagePathAction"), tr("Copy &Path"), &LocalImagesPane::copyPathRequested)
        ->setIcon(Icons::icon(Icons::Name::Copy));
    addRowAction(QStringLiteral("copyImageReferenceAction"), tr("Copy &Reference"), &LocalImagesPane::copyReferenceRequested);
    m_menu->addSeparator();
    m_deleteAction = m_menu->addAction(Icons::icon(Icons::Name::Delete), tr("&Delete…"));
    m_deleteAction->setObjectName(QStringLiteral("deleteImageAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete); // shown in the menu; the table handles the key
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_rowActions.append(m_deleteAction);
    connect(m_deleteAction, &QAction::triggered, this, &LocalImagesPane::confirmDelete);

    // Clean Up has a row of its own (shown only when there is something to collect): beside the
    // other buttons it would make the dock, and the window, wider than a 1280-pixel screen.
    auto *cleanUp = new QHBoxLayout;
    cleanUp->addWidget(m_cleanUp);
    cleanUp->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_export);
    buttons->addWidget(m_reveal);
    auto *storePage = new QWidget(this);
    auto *layout = new QVBoxLayout(storePage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state, 1);
    layout->addLayout(cleanUp);
    layout->addLayout(buttons);

    // Which images: the store's, or an engine's.
    m_sources->setObjectName(QStringLiteral("localImagesSource"));
    m_sources->setDocumentMode(true);
    m_sources->setExpanding(false);
    m_sources->setDrawBase(false);
    m_sources->addTab(Icons::icon(Icons::Name::LocalImages), tr("Wharf store"));
    m_sources->setTabToolTip(StoreSource, tr("The images Wharf pulled into its local store"));
    m_sources->addTab(QStringLiteral("Docker"));
    m_sources->addTab(QStringLiteral("Podman"));
    m_pages->addWidget(storePage);
    m_pages->addWidget(m_dockerPage);
    m_pages->addWidget(m_podmanPage);
    for (const EngineKind kind : {EngineKind::Docker, EngineKind::Podman}) {
        //: %1: Docker or Podman
        setEngine(kind, nullptr, tr("Asking %1…").arg(EngineLocator::kindName(kind)));
        connect(enginePage(kind), &EngineImagesPage::openRequested, this, &LocalImagesPane::engineOpenRequested);
    }
    connect(m_sources, &QTabBar::currentChanged, m_pages, &QStackedWidget::setCurrentIndex);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    outer->addWidget(m_sources);
    outer->addWidget(m_pages, 1);

    if (!m_model) {
        m_delete->setEnabled(false);
        m_export->setEnabled(false);
        m_reveal->setEnabled(false);
        for (QAction *action : std::as_const(m_rowActions))
            action->setEnabled(false);
        return;
    }
    connect(m_delete, &QPushButton::clicked, this, &LocalImagesPane::confirmDelete);
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (const int row = currentImage(); row >= 0)
            Q_EMIT exportRequested(row);
    });
    connect(m_reveal, &QPushButton::clicked, this, [this] {
        if (const int row = currentImage(); row >= 0)
            Q_EMIT revealRequested(row);
    });
    connect(m_cleanUp, &QPushButton::clicked, this, [this] {
        m_cleanUp->setEnabled(false); // until the collection has ended
        m_model->collectGarbage();
    });
    // Double-click, or Enter on a row.
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT openRequested(index.row());
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, &LocalImagesPane::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LocalImagesPane::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LocalImagesPane::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LocalImagesPane::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LocalImagesPane::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LocalImagesPane::updateState);
    connect(m_model, &LocalImagesModel::loadingChanged, this, &LocalImagesPane::updateState);
    connect(m_model, &LocalImagesModel::pendingChangesChanged, this, &LocalImagesPane::updateButtons);
    connect(m_model, &LocalImagesModel::reclaimableChanged, this, &LocalImagesPane::updateCleanUp);
    connect(m_model, &LocalImagesModel::cleanupFinished, this, &LocalImagesPane::updateCleanUp);
    connect(m_model, &LocalImagesModel::refreshed, this, [this](const std::optional<Error> &error) {
        if (error)
            setError(error->message());
    });
    updateState();
    updateCleanUp();
}

EngineImagesPage *LocalImagesPane::enginePage(EngineKind kind) const
{
    return kind == EngineKind::Docker ? m_dockerPage : m_podmanPage;
}

void LocalImagesPane::setEngine(EngineKind kind, EngineImagesModel *model, const QString &description)
{
    const int tab = kind == EngineKind::Docker ? DockerSource : PodmanSource;
    if (model)
        enginePage(kind)->setModel(model);
    else
        enginePage(kind)->setUnavailable(description);
    m_sources->setTabToolTip(tab, description);
    m_sources->setTabEnabled(tab, model != nullptr);
    if (!model && m_sources->currentIndex() == tab)
        m_sources->setCurrentIndex(StoreSource);
}

void LocalImagesPane::refreshShownEngine()
{
    if (auto *page = qobject_cast<EngineImagesPage *>(m_pages->currentWidget()))
        page->refresh();
}

void LocalImagesPane::engineImagesChanged(EngineKind kind)
{
    enginePage(kind)->refresh();
}

QAction *LocalImagesPane::addRowAction(const QString &name, const QString &text, void (LocalImagesPane::*signal)(int))
{
    QAction *action = m_menu->addAction(text);
    action->setObjectName(name);
    connect(action, &QAction::triggered, this, [this, signal] {
        if (const int row = currentImage(); row >= 0)
            Q_EMIT(this->*signal)(row);
    });
    m_rowActions.append(action);
    return action;
}

int LocalImagesPane::currentImage() const
{
    // Only a row the person can see selected: after a deletion Qt moves the current index to a
    // neighbour without selecting it, and nothing may act on that unseen choice.
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), {}))
        return -1;
    return current.row();
}

QMessageBox *LocalImagesPane::deleteConfirmation() const
{
    return findChild<QMessageBox *>(QStringLiteral("deleteImageConfirmation"));
}

void LocalImagesPane::setError(const QString &message)
{
    m_state->showError(tr("The local store could not be read: %1").arg(message));
}

void LocalImagesPane::updateState()
{
    if (m_model->rowCount() > 0)
        m_state->showContent();
    else if (m_model->isLoading())
        m_state->showMessage(tr("Reading the local store…"));
    else
        m_state->showMessage(tr("No images in the local store yet. Pulled images appear here."));
    updateButtons();
}

void LocalImagesPane::updateButtons()
{
    const bool selected = currentImage() >= 0;
    m_delete->setEnabled(selected);
    m_export->setEnabled(selected);
    m_reveal->setEnabled(selected);
    for (QAction *action : std::as_const(m_rowActions))
        action->setEnabled(selected);
}

void LocalImagesPane::updateCleanUp()
{
    const qint64 bytes = m_model->reclaimableBytes();
    //: %1: a size, e.g. "41 MiB": what garbage collection of the local store frees
    m_cleanUp->setText(tr("Clean Up (%1)").arg(QLocale().formattedDataSize(bytes)));
    m_cleanUp->setVisible(bytes > 0);
    m_cleanUp->setEnabled(true);
}

void LocalImagesPane::confirmDelete()
{
    const int row = currentImage();
    if (row < 0 || deleteConfirmation())
        return;
    const QModelIndex index = m_model->index(row, 0);
    const QString name = tr("%1 (%2)").arg(index.data(LocalImagesModel::FamiliarReferenceRole).toString(),
                                           index.data(LocalImagesModel::PlatformRole).toString());
    const qint64 freed = index.data(LocalImagesModel::FreeableBytesRole).toLongLong();
    RemovalQuestion question;
    question.title = tr("Delete Image");
    question.text = tr("Delete %1 from the local store?").arg(name);
    question.informative = freed > 0 ? tr("This frees %1: the layers no other stored image uses, its manifest and its config. "
                                          "Layers other images use stay.")
                                           .arg(QLocale().formattedDataSize(freed))
                                     : tr("This frees next to nothing: other stored images use every one of its layers.");
    question.confirmText = tr("Delete");
    question.objectName = QStringLiteral("deleteImageConfirmation");
    question.confirmObjectName = QStringLiteral("confirmDelete");
    askBeforeRemoving(this, question, index, [this](int confirmedRow) {
        m_model->remove(confirmedRow);
        // Nothing is chosen until the person chooses again: with no current row, the table does not
        // select the neighbour when the row goes (as a single-selection view otherwise would).
        m_view->selectionModel()->clear();
        updateButtons();
    });
}

void LocalImagesPane::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index); // the row under the pointer, selected
    updateButtons();
    m_menu->popup(m_view->viewport()->mapToGlobal(position));
}

bool LocalImagesPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && isDeleteKeyPress(event)) {
        confirmDelete();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace wharf
