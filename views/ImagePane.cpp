#include "ImagePane.h"

#include "HistoryDelegate.h"
#include "StatePanel.h"
#include "itemmodels/ConfigModel.h"
#include "itemmodels/HistoryModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace wharf {

namespace {

void setUpTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(true);
    view->setTextElideMode(Qt::ElideNone);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(false);
}

} // namespace

ImagePane::ImagePane(HistoryModel *history, ConfigModel *config, QWidget *parent)
    : QWidget(parent),
      m_historyModel(history),
      m_history(new QTableView(this)),
      m_config(new QTableView(this)),
      m_note(new QLabel(this)),
      m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_history->setObjectName(QStringLiteral("historyView"));
    m_history->setModel(history);
    m_history->setItemDelegate(new HistoryDelegate(m_history));
    setUpTable(m_history);
    m_history->horizontalHeader()->setSectionResizeMode(HistoryModel::InstructionColumn, QHeaderView::Stretch);
    m_history->horizontalHeader()->setSectionResizeMode(HistoryModel::CreatedColumn, QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setSectionResizeMode(HistoryModel::SizeColumn, QHeaderView::ResizeToContents);
    m_history->setColumnHidden(HistoryModel::DiffIdColumn, true);
    m_history->setColumnHidden(HistoryModel::CommentColumn, true);
    m_history->setColumnWidth(HistoryModel::LayerDigestColumn, 120);

    m_config->setObjectName(QStringLiteral("configView"));
    m_config->setModel(config);
    setUpTable(m_config);
    m_config->horizontalHeader()->setSectionResizeMode(ConfigModel::FieldColumn, QHeaderView::ResizeToContents);
    m_config->horizontalHeader()->setSectionResizeMode(ConfigModel::KeyColumn, QHeaderView::Interactive);
    m_config->horizontalHeader()->setSectionResizeMode(ConfigModel::ValueColumn, QHeaderView::Stretch);

    m_note->setWordWrap(true);
    m_note->hide();
    auto *top = new QWidget(m_splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_note);
    topLayout->addWidget(m_history, 1);
    m_splitter->setObjectName(QStringLiteral("imageSplitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_config);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    m_state = new StatePanel(m_splitter, this);
    connect(m_state, &StatePanel::retryRequested, this, &ImagePane::retryRequested);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    clear();
}

void ImagePane::clear()
{
    m_state->showMessage(tr("Pick a platform to see its layers, history and config."));
}

void ImagePane::setLoading()
{
    m_state->showMessage(tr("Loading the image’s manifest and config…"));
}

void ImagePane::setError(const Error &error)
{
    m_state->showFailure(tr("The image could not be inspected"), error);
}

void ImagePane::showImage()
{
    if (m_historyModel->rowCount() == 0) {
        m_state->showMessage(tr("This image has no layers or history."));
        return;
    }
    m_note->setVisible(!m_historyModel->instructionsMatchLayers());
    m_note->setText(tr("The build history does not match the layers; only the layers are listed."));
    m_state->showContent();
    fitConfigKeys();
}

void ImagePane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitConfigKeys();
}

void ImagePane::fitConfigKeys()
{
    // Label and variable names are single words (org.opencontainers.image.source) that cannot
    // wrap: the column fits them whole. Only when the table is too narrow for that and a readable
    // value beside it does the name give way (its tooltip still has it); the values wrap.
    m_config->resizeColumnToContents(ConfigModel::KeyColumn);
    const int minimumValue = m_config->fontMetrics().averageCharWidth() * 16;
    const int room = m_config->viewport()->width() - m_config->columnWidth(ConfigModel::FieldColumn) - minimumValue;
    if (room > 0 && m_config->columnWidth(ConfigModel::KeyColumn) > room)
        m_config->setColumnWidth(ConfigModel::KeyColumn, room);
}

} // namespace wharf
