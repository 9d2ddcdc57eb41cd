#include "LocalImagesPane.h"

#include "Icons.h"
#include "StatePanel.h"
#include "itemmodels/LocalImagesModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace wharf {

LocalImagesPane::LocalImagesPane(LocalImagesModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_view(new QTableView(this)),
      m_delete(new QPushButton(Icons::icon(Icons::Name::Delete), tr("Delete"), this)),
      m_export(new QPushButton(Icons::icon(Icons::Name::Export), tr("Export…"), this)),
      m_reveal(new QPushButton(Icons::icon(Icons::Name::Reveal), tr("Show in Folder"), this)),
      m_state(new StatePanel(m_view, this))
{
    m_view->setObjectName(QStringLiteral("localImagesView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(LocalImagesModel::ReferenceColumn, 170);
    m_delete->setObjectName(QStringLiteral("deleteImage"));
    m_delete->setToolTip(tr("Remove the image from the local store (its layers stay until garbage collection)"));
    m_export->setObjectName(QStringLiteral("exportImage"));
    m_export->setToolTip(tr("Write the image to a docker-archive or oci-archive tar file"));
    m_reveal->setObjectName(QStringLiteral("revealImage"));
    m_reveal->setToolTip(tr("Show the image's files in the file manager"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_export);
    buttons->addWidget(m_reveal);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state, 1);
    layout->addLayout(buttons);

    if (!m_model) {
        m_delete->setEnabled(false);
        m_export->setEnabled(false);
        m_reveal->setEnabled(false);
        return;
    }
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const int row = currentImage(); row >= 0)
            m_model->remove(row);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (const int row = currentImage(); row >= 0)
            Q_EMIT exportRequested(row);
    });
    connect(m_reveal, &QPushButton::clicked, this, [this] {
        if (const int row = currentImage(); row >= 0)
            Q_EMIT revealRequested(row);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LocalImagesPane::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LocalImagesPane::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LocalImagesPane::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LocalImagesPane::updateState);
    connect(m_model, &LocalImagesModel::loadingChanged, this, &LocalImagesPane::updateState);
    connect(m_model, &LocalImagesModel::refreshed, this, [this](const std::optional<Error> &error) {
        if (error)
            setError(error->message());
    });
    updateState();
}

int LocalImagesPane::currentImage() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
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
}

} // namespace wharf
