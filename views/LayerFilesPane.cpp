#include "LayerFilesPane.h"

#include "ElidedLabel.h"
#include "FileChangeDelegate.h"
#include "Icons.h"
#include "StatePanel.h"
#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/LayerFilesProxyModel.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace wharf {

namespace {

// Trees this small are opened whole; bigger ones one level deep (a find opens what matches).
constexpr int kExpandAllBelow = 400;

QToolButton *segment(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(false);
    return button;
}

int countRows(const QAbstractItemModel *model, const QModelIndex &parent, int limit)
{
    int count = 0;
    const int rows = model->rowCount(parent);
    for (int row = 0; row < rows && count < limit; ++row) {
        ++count;
        count += countRows(model, model->index(row, 0, parent), limit - count);
    }
    return count;
}

} // namespace

LayerFilesPane::LayerFilesPane(LayerFilesModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_proxy(new LayerFilesProxyModel(this)),
      m_layer(new QComboBox(this)),
      m_title(new ElidedLabel(this)),
      m_layerOnly(segment(tr("This Layer Only"), tr("What this layer's own tar holds, and what it deleted below"), this)),
      m_merged(segment(tr("Merged up to This Layer"),
                       tr("The file system a container sees with the layers up to this one, and what this layer deleted"), this)),
      m_viewGroup(new QButtonGroup(this)),
      m_find(new QLineEdit(this)),
      m_changesOnly(new QCheckBox(tr("C&hanges only"), this)),
      m_extractButton(new QToolButton(this)),
      m_extract(new QAction(Icons::icon(Icons::Name::Extract), tr("E&xtract…"), this)),
      m_copyPath(new QAction(Icons::icon(Icons::Name::Copy), tr("Copy &Path"), this)),
      m_counts(new QLabel(this)),
      m_banner(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setObjectName(QStringLiteral("layerFilesProxy"));

    m_layer->setObjectName(QStringLiteral("layerFilesLayer"));
    m_layer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_layer->setMaximumWidth(m_layer->fontMetrics().averageCharWidth() * 48);
    m_layer->setEnabled(false);
    auto *layerLabel = new QLabel(tr("&Layer:"), this);
    layerLabel->setBuddy(m_layer);
    m_title->setObjectName(QStringLiteral("layerFilesTitle"));
    m_title->setText(tr("No layer chosen"));
    m_layerOnly->setObjectName(QStringLiteral("layerFilesLayerOnly"));
    m_merged->setObjectName(QStringLiteral("layerFilesMerged"));
    m_viewGroup->addButton(m_layerOnly, int(LayerFilesModel::View::LayerOnly));
    m_viewGroup->addButton(m_merged, int(LayerFilesModel::View::Merged));
    m_viewGroup->setExclusive(true);
    (m_model->view() == LayerFilesModel::View::Merged ? m_merged : m_layerOnly)->setChecked(true);

    m_find->setObjectName(QStringLiteral("layerFilesFind"));
    m_find->setPlaceholderText(tr("Find by name (*.so for patterns)"));
    m_find->setClearButtonEnabled(true);
    m_find->addAction(Icons::icon(Icons::Name::Search), QLineEdit::LeadingPosition);
    auto *findLabel = new QLabel(tr("Fi&nd:"), this);
    findLabel->setBuddy(m_find); // Alt+N: Ctrl+F belongs to the window's search
    m_changesOnly->setObjectName(QStringLiteral("layerFilesChangesOnly"));
    m_changesOnly->setToolTip(tr("Show only what this layer added, modified or deleted"));

    m_extract->setObjectName(QStringLiteral("layerFilesExtract"));
    m_extract->setEnabled(false);
    m_extractButton->setDefaultAction(m_extract);
    m_extractButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_extractButton->setAutoRaise(true);
    m_counts->setObjectName(QStringLiteral("layerFilesCounts"));

    m_banner->setObjectName(QStringLiteral("layerFilesIncomplete"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdf2d0; color: #6b4500; border: 1px solid #e5c36b;"
                                           " border-radius: 3px; padding: 4px 6px; }"));
    m_banner->hide();
    m_progress->setObjectName(QStringLiteral("layerFilesProgress"));
    m_progress->setMaximumHeight(m_progress->fontMetrics().height());
    m_progress->setTextVisible(false);
    m_progress->hide();

    m_view->setObjectName(QStringLiteral("layerFilesView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LayerFilesModel::NameColumn, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->addAction(m_extract);
    m_copyPath->setObjectName(QStringLiteral("layerFilesCopyPath"));
    m_copyPath->setEnabled(false);
    auto *delegate = new FileChangeDelegate(
        [](const QModelIndex &index) {
            switch (FileMark(index.data(LayerFilesModel::MarkRole).toInt())) {
            case FileMark::Added:
                return FileChangeDelegate::Change::Added;
            case FileMark::Modified:
                return FileChangeDelegate::Change::Modified;
            case FileMark::Deleted:
                return FileChangeDelegate::Change::Deleted;
            case FileMark::None:
                break;
            }
            return index.data(LayerFilesModel::DeletedRole).toBool() ? FileChangeDelegate::Change::Deleted
                                                                     : FileChangeDelegate::Change::None;
        },
        LayerFilesModel::NameColumn, m_view);
    delegate->setPlainIcon([style = style()](const QModelIndex &index) {
        return style->standardIcon(index.data(LayerFilesModel::IsDirectoryRole).toBool() ? QStyle::SP_DirIcon : QStyle::SP_FileIcon);
    });
    m_view->setItemDelegate(delegate);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(LayerFilesModel::NameColumn, QHeaderView::Stretch);
    for (int column = LayerFilesModel::SizeColumn; column < LayerFilesModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // Owner and link target are there for those who ask (the header's menu); the name needs the room.
    header->setSectionHidden(LayerFilesModel::OwnerColumn, true);
    header->setSectionHidden(LayerFilesModel::LinkTargetColumn, true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu(this);
        for (int column = LayerFilesModel::SizeColumn; column < LayerFilesModel::ColumnCount; ++column) {
            QAction *toggle = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
            toggle->setCheckable(true);
            toggle->setChecked(!header->isSectionHidden(column));
            connect(toggle, &QAction::toggled, header, [header, column](bool on) { header->setSectionHidden(column, !on); });
        }
        menu.exec(header->mapToGlobal(pos));
    });

    // Three short rows rather than one long one: the pane often shares the bottom with two others.
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(layerLabel);
    top->addWidget(m_layer);
    top->addWidget(m_title, 1);
    auto *viewRow = new QHBoxLayout;
    viewRow->setContentsMargins(0, 0, 0, 0);
    viewRow->setSpacing(0);
    viewRow->addWidget(m_layerOnly);
    viewRow->addWidget(m_merged);
    viewRow->addSpacing(8);
    viewRow->addWidget(m_counts);
    viewRow->addStretch(1);
    viewRow->addWidget(m_extractButton);
    auto *findRow = new QHBoxLayout;
    findRow->setContentsMargins(0, 0, 0, 0);
    findRow->addWidget(findLabel);
    findRow->addWidget(m_find, 1);
    findRow->addSpacing(8);
    findRow->addWidget(m_changesOnly);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(4);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_view, 1);
    m_state = new StatePanel(content, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addLayout(viewRow);
    layout->addLayout(findRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_state, 1);

    connect(m_viewGroup, &QButtonGroup::idClicked, this, [this](int id) { m_model->setView(LayerFilesModel::View(id)); });
    connect(m_model, &LayerFilesModel::viewChanged, this,
            [this] { (m_model->view() == LayerFilesModel::View::Merged ? m_merged : m_layerOnly)->setChecked(true); });
    connect(m_find, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFindText(text.trimmed());
        if (!text.trimmed().isEmpty())
            m_view->expandAll();
        else
            expandIfSmall();
    });
    connect(m_changesOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setChangesOnly(on);
        expandIfSmall();
    });
    connect(m_model, &LayerFilesModel::stateChanged, this, &LayerFilesPane::onStateChanged);
    connect(m_model, &LayerFilesModel::progress, this, &LayerFilesPane::onProgress);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LayerFilesPane::expandIfSmall);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &LayerFilesPane::updateExtract);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LayerFilesPane::updateExtract);
    connect(m_extract, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (!m_extract->isEnabled() || !current.isValid())
            return;
        Q_EMIT extractRequested(current.data(LayerFilesModel::PathRole).toString(), current.data(LayerFilesModel::SourceLayerRole).toInt());
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(m_extract);
        menu.addAction(m_copyPath);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_copyPath, &QAction::triggered, this, [this] {
        const QString path = m_view->currentIndex().data(LayerFilesModel::PathRole).toString();
        if (!path.isEmpty())
            QGuiApplication::clipboard()->setText(u'/' + path);
    });
    connect(m_layer, &QComboBox::activated, this, &LayerFilesPane::layerChosen);
    connect(m_state, &StatePanel::retryRequested, this, &LayerFilesPane::retryRequested);
    onStateChanged();
}

void LayerFilesPane::setLayerChoices(const QStringList &layers)
{
    const QSignalBlocker blocker(m_layer);
    m_layer->clear();
    m_layer->addItems(layers);
    m_layer->setCurrentIndex(-1);
    m_layer->setEnabled(!layers.isEmpty());
}

void LayerFilesPane::setCurrentLayer(int layer)
{
    const QSignalBlocker blocker(m_layer);
    m_layer->setCurrentIndex(layer);
}

void LayerFilesPane::setLayerTitle(const QString &title)
{
    m_title->setText(title);
}

bool LayerFilesPane::selectPath(const QString &path)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfPath(path));
    if (!index.isValid())
        return false;
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_view->expand(parent);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void LayerFilesPane::expandIfSmall()
{
    if (countRows(m_proxy, {}, kExpandAllBelow) < kExpandAllBelow)
        m_view->expandAll();
    else
        m_view->expandToDepth(0);
}

void LayerFilesPane::onStateChanged()
{
    m_progress->setVisible(m_model->state() == LayerFilesModel::State::Loading);
    switch (m_model->state()) {
    case LayerFilesModel::State::Idle:
        m_state->showMessage(tr("Pick a layer in the image's history or on the layer map to see its files."));
        break;
    case LayerFilesModel::State::Loading:
        m_progress->setRange(0, 0);
        m_state->showMessage(tr("Reading the layer's files…"));
        break;
    case LayerFilesModel::State::Empty:
        m_state->showMessage(m_model->view() == LayerFilesModel::View::LayerOnly ? tr("This layer has no files of its own.")
                                                                                 : tr("No files up to this layer."));
        break;
    case LayerFilesModel::State::Error:
        m_state->showFailure(tr("The layer could not be read"),
                             Error(m_model->errorCode().value_or(Error::Code::Io), m_model->errorMessage(), true));
        break;
    case LayerFilesModel::State::Ready:
        m_state->showContent();
        break;
    }
    const bool ready = m_model->state() == LayerFilesModel::State::Ready || m_model->state() == LayerFilesModel::State::Empty;
    m_banner->setVisible(ready && m_model->isIncomplete());
    if (m_banner->isVisible())
        m_banner->setText(
            tr("Only part of the layers could be read — the tree shows what was read before it stopped: %1").arg(m_model->errorMessage()));
    if (ready) {
        const int added = m_model->count(FileMark::Added);
        const int modified = m_model->count(FileMark::Modified);
        const int deleted = m_model->count(FileMark::Deleted);
        //: short counts of what the layer did: +added ~modified −deleted
        m_counts->setText(tr("+%1 ~%2 −%3").arg(added).arg(modified).arg(deleted));
        m_counts->setToolTip(tr("%1 added · %2 modified · %3 deleted by this layer").arg(added).arg(modified).arg(deleted));
    } else {
        m_counts->clear();
        m_counts->setToolTip({});
    }
    updateExtract();
}

void LayerFilesPane::onProgress(qint64 read, qint64 total, int layersDone, int layers)
{
    if (m_model->state() != LayerFilesModel::State::Loading)
        return;
    m_progress->show();
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::clamp<qint64>(read * 1000 / total, 0, 1000)));
    } else if (total < 0 && layers > 0) { // sizes unknown (Docker schema 1): count layers instead
        m_progress->setRange(0, layers);
        m_progress->setValue(layersDone);
    }
    const QLocale locale;
    if (total < 0)
        m_state->showMessage(
            tr("Reading layers… %1 of %2 listed (%3 read)").arg(layersDone).arg(layers).arg(locale.formattedDataSize(read)));
    else
        m_state->showMessage(tr("Reading layers… %1 of %2 listed (%3 of %4)")
                                 .arg(layersDone)
                                 .arg(layers)
                                 .arg(locale.formattedDataSize(read), locale.formattedDataSize(total)));
}

void LayerFilesPane::updateExtract()
{
    const QModelIndex current = m_view->currentIndex();
    m_copyPath->setEnabled(current.isValid());
    QString why;
    if (m_model->state() != LayerFilesModel::State::Ready || !current.isValid()) {
        why = tr("Select a file to extract it.");
    } else if (current.data(LayerFilesModel::DeletedRole).toBool()) {
        why = tr("This layer deleted it: there is nothing to extract.");
    } else {
        const QString target = current.data(LayerFilesModel::LinkTargetRole).toString();
        switch (LayerEntry::Type(current.data(LayerFilesModel::EntryTypeRole).toInt())) {
        case LayerEntry::Type::File:
            break;
        case LayerEntry::Type::Directory:
            why = tr("Folders cannot be extracted: select a file.");
            break;
        case LayerEntry::Type::Symlink:
            why = tr("Links are not followed: this is a symbolic link to %1.").arg(target);
            break;
        case LayerEntry::Type::Hardlink:
            why = tr("Links are not followed: this is a hard link, extract /%1 instead.").arg(target);
            break;
        case LayerEntry::Type::Whiteout:
        case LayerEntry::Type::OpaqueDirectory:
            why = tr("This layer deleted it: there is nothing to extract.");
            break;
        default:
            why = tr("Only regular files can be extracted, not devices or pipes.");
            break;
        }
    }
    m_extract->setEnabled(why.isEmpty());
    m_extract->setToolTip(why.isEmpty() ? tr("Save /%1 into a folder you choose").arg(current.data(LayerFilesModel::PathRole).toString())
                                        : why);
}

} // namespace wharf
