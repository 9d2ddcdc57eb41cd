#include "ComparePane.h"

#include "FileChangeDelegate.h"
#include "Icons.h"
#include "StatePanel.h"
#include "itemmodels/ImageDiffLayersModel.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/LoadedRowsProxyModel.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace wharf {

namespace {

QString signedSize(qint64 delta)
{
    const QString size = QLocale().formattedDataSize(delta < 0 ? -delta : delta);
    return delta == 0 ? size : (delta < 0 ? QStringLiteral("−") : QStringLiteral("+")) + size;
}

// An editable combo box whose text is what the person chose — typed, picked from the list or from
// the completer — and nothing else: QComboBox itself rewrites it when its model changes under it
// (rows arrive, a reset, a re-sort) or moves its current index, which emptied the box.
void keepChoice(QComboBox *box, QString *choice, const std::function<void()> &changed)
{
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->completer()->setCaseSensitivity(Qt::CaseSensitive);
    const auto choose = [box, choice, changed](const QString &text) {
        *choice = text.trimmed();
        if (box->currentText() != text)
            box->setEditText(text);
        changed();
    };
    QObject::connect(box->lineEdit(), &QLineEdit::textEdited, box, choose);
    QObject::connect(box, &QComboBox::activated, box, [box, choose](int row) { choose(box->itemText(row)); });
    QObject::connect(box->completer(), qOverload<const QString &>(&QCompleter::activated), box, choose);
    QObject::connect(box, &QComboBox::editTextChanged, box, [box, choice](const QString &text) {
        if (text.trimmed() != *choice)
            QMetaObject::invokeMethod(box, [box, choice] {
                if (box->currentText().trimmed() != *choice)
                    box->setEditText(*choice);
            }, Qt::QueuedConnection);
    });
}

} // namespace

ComparePane::ComparePane(ImageDiffModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_from(new QLabel(this)),
      m_tag(new QComboBox(this)),
      m_platform(new QComboBox(this)),
      m_compare(new QPushButton(Icons::icon(Icons::Name::Compare), tr("&Compare"), this)),
      m_summary(new QLabel(this)),
      m_layers(new QTableView(this)),
      m_files(new QTreeView(this)),
      m_sortedFiles(new QSortFilterProxyModel(this)),
      m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_from->setObjectName(QStringLiteral("compareFrom"));
    m_from->setWordWrap(true);
    m_tag->setObjectName(QStringLiteral("compareTag"));
    m_tag->setEditable(true); // a tag not listed yet (paged lists) can still be typed
    m_tag->setInsertPolicy(QComboBox::NoInsert);
    m_tag->setMinimumContentsLength(8);
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_platform->setObjectName(QStringLiteral("comparePlatform"));
    m_platform->setEditable(true);
    m_platform->setInsertPolicy(QComboBox::NoInsert);
    m_platform->setMinimumContentsLength(8);
    m_platform->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_compare->setObjectName(QStringLiteral("compareButton"));
    auto *withLabel = new QLabel(tr("&with"), this);
    withLabel->setBuddy(m_tag);

    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_layers->setObjectName(QStringLiteral("compareLayers"));
    m_layers->setModel(m_model->layersModel());
    m_layers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_layers->setAlternatingRowColors(true);
    m_layers->verticalHeader()->hide();
    m_layers->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_layers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_layers->horizontalHeader()->setStretchLastSection(true);
    m_layers->setItemDelegate(new FileChangeDelegate(
        [](const QModelIndex &index) {
            switch (ImageDiffLayersModel::Kind(index.data(ImageDiffLayersModel::KindRole).toInt())) {
            case ImageDiffLayersModel::Kind::OnlyInFrom:
                return FileChangeDelegate::Change::Deleted;
            case ImageDiffLayersModel::Kind::OnlyInTo:
                return FileChangeDelegate::Change::Added;
            case ImageDiffLayersModel::Kind::Common:
                break;
            }
            return FileChangeDelegate::Change::None;
        },
        ImageDiffLayersModel::WhereColumn, m_layers));

    m_sortedFiles->setSourceModel(m_model);
    m_sortedFiles->setSortRole(ImageDiffModel::RawValueRole);
    m_files->setObjectName(QStringLiteral("compareFiles"));
    m_files->setModel(m_sortedFiles);
    m_files->setRootIsDecorated(false);
    m_files->setTextElideMode(Qt::ElideMiddle);
    m_files->setUniformRowHeights(true);
    m_files->setAlternatingRowColors(true);
    m_files->setSortingEnabled(true);
    m_files->sortByColumn(ImageDiffModel::PathColumn, Qt::AscendingOrder);
    m_files->header()->setStretchLastSection(false);
    m_files->header()->setSectionResizeMode(ImageDiffModel::PathColumn, QHeaderView::Stretch);
    for (int column = ImageDiffModel::ChangeColumn; column < ImageDiffModel::ColumnCount; ++column)
        m_files->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_files->setItemDelegate(new FileChangeDelegate(
        [](const QModelIndex &index) {
            if (index.data(ImageDiffModel::LayerOnlyRole).toBool())
                return FileChangeDelegate::Change::Faint;
            switch (ImageDiff::Change(index.data(ImageDiffModel::ChangeRole).toInt())) {
            case ImageDiff::Change::Added:
                return FileChangeDelegate::Change::Added;
            case ImageDiff::Change::Removed:
                return FileChangeDelegate::Change::Deleted;
            case ImageDiff::Change::Changed:
                return FileChangeDelegate::Change::Modified;
            }
            return FileChangeDelegate::Change::None;
        },
        ImageDiffModel::PathColumn, m_files));

    m_splitter->setObjectName(QStringLiteral("compareSplitter"));
    m_splitter->addWidget(m_layers);
    m_splitter->addWidget(m_files);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_summary);
    contentLayout->addWidget(m_splitter, 1);
    m_state = new StatePanel(content, this);

    // Two rows, so that the pane still fits beside the others at the bottom of a small window.
    auto *fromRow = new QHBoxLayout;
    fromRow->addWidget(m_from, 1);
    fromRow->addWidget(m_compare);
    auto *withRow = new QHBoxLayout;
    withRow->addWidget(withLabel);
    withRow->addWidget(m_tag, 1);
    withRow->addWidget(m_platform, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(fromRow);
    layout->addLayout(withRow);
    layout->addWidget(m_state, 1);

    connect(m_compare, &QPushButton::clicked, this, [this] {
        if (m_compare->isEnabled())
            Q_EMIT compareRequested(otherTag(), otherPlatform());
    });
    keepChoice(m_tag, &m_otherTag, [this] { updateCompareButton(); });
    keepChoice(m_platform, &m_otherPlatform, [this] { updateCompareButton(); });
    connect(m_state, &StatePanel::retryRequested, m_compare, &QPushButton::click);
    connect(m_model, &ImageDiffModel::stateChanged, this, &ComparePane::onStateChanged);
    connect(m_model, &ImageDiffModel::progress, this, [this](qint64 read, qint64 total, int done, int layers) {
        if (m_model->state() != ImageDiffModel::State::Loading)
            return;
        const QLocale locale;
        if (total < 0) // sizes unknown (Docker schema 1)
            m_state->showMessage(
                tr("Reading the layers… %1 of %2 listed (%3 read)").arg(done).arg(layers).arg(locale.formattedDataSize(read)));
        else
            m_state->showMessage(tr("Reading the layers… %1 of %2 listed (%3 of %4)")
                                     .arg(done)
                                     .arg(layers)
                                     .arg(locale.formattedDataSize(read), locale.formattedDataSize(total)));
    });
    clear();
}

void ComparePane::setTagModel(QAbstractItemModel *tags, int nameRole)
{
    // Only the tags already listed: the combo's popup and completer would page through them all.
    auto *loaded = new LoadedRowsProxyModel(m_tag);
    loaded->setSourceModel(tags);
    m_tag->setModel(loaded); // deletes the previous one: its parent is the combo
    m_tag->setModelColumn(0);
    // The combo shows DisplayRole; the name role is the same text for the tag list.
    Q_UNUSED(nameRole);
    m_tag->setCurrentIndex(-1);
    m_tag->setEditText(m_otherTag);
}

void ComparePane::setCurrentImage(const QString &tag, const QString &platform, const QStringList &platforms)
{
    m_currentTag = tag;
    m_currentPlatform = platform;
    updateFromLabel();
    if (m_otherPlatform.isEmpty() || !platforms.contains(m_otherPlatform))
        m_otherPlatform = platform;
    m_platform->clear();
    m_platform->addItems(platforms);
    m_platform->setEditText(m_otherPlatform);
    if (m_model->state() == ImageDiffModel::State::Idle)
        m_state->showMessage(tr("Pick another tag or platform and press Compare to see the layers and files that differ."));
    updateCompareButton();
}

void ComparePane::setCurrentSource(const QString &source)
{
    m_currentSource = source;
    updateFromLabel();
    updateCompareButton();
}

void ComparePane::updateFromLabel()
{
    QString from = m_currentPlatform.isEmpty() ? tr("Compare <b>%1</b>").arg(m_currentTag.toHtmlEscaped())
                                               : tr("Compare <b>%1</b> (%2)").arg(m_currentTag.toHtmlEscaped(), m_currentPlatform.toHtmlEscaped());
    if (!m_currentSource.isEmpty())
        //: %1: "Compare <b>latest</b> (linux/arm64)", %2: where the image is, Docker or Podman
        from = tr("%1 in %2").arg(from, m_currentSource.toHtmlEscaped());
    m_from->setText(from);
}

void ComparePane::clear()
{
    m_currentTag.clear();
    m_currentPlatform.clear();
    m_currentSource.clear();
    m_otherTag.clear();
    m_otherPlatform.clear();
    m_tag->setEditText({});
    m_platform->setEditText({});
    m_from->setText(tr("Compare"));
    m_summary->clear();
    m_state->showMessage(tr("Pick an image, then another tag or platform to compare it with."));
    updateCompareButton();
}

void ComparePane::setOther(const QString &tag, const QString &platform)
{
    m_otherTag = tag.trimmed();
    m_otherPlatform = platform.trimmed();
    m_tag->setEditText(m_otherTag);
    m_platform->setEditText(m_otherPlatform);
    updateCompareButton();
}

void ComparePane::setResolving(const QString &what)
{
    m_state->showMessage(tr("Looking up %1…").arg(what));
}

void ComparePane::setFailure(const Error &error)
{
    m_state->showFailure(tr("The other image could not be looked up"), error);
}

QString ComparePane::otherTag() const
{
    return m_otherTag;
}

QString ComparePane::otherPlatform() const
{
    return m_otherPlatform;
}

void ComparePane::updateCompareButton()
{
    // Beside an image not from the registry, its tag is the registry's image: another one.
    const bool sameImage = m_currentSource.isEmpty() && otherTag() == m_currentTag
        && (otherPlatform() == m_currentPlatform || otherPlatform().isEmpty());
    m_compare->setEnabled(!m_currentTag.isEmpty() && !otherTag().isEmpty() && !sameImage);
    m_compare->setToolTip(m_currentTag.isEmpty() ? tr("Pick an image first.")
                              : sameImage        ? tr("Pick a tag or platform other than the one in view.")
                                                 : tr("Compare the layers and files of the two images"));
}

void ComparePane::onStateChanged()
{
    switch (m_model->state()) {
    case ImageDiffModel::State::Idle:
        return;
    case ImageDiffModel::State::Loading:
        m_state->showMessage(tr("Reading the layers…"));
        return;
    case ImageDiffModel::State::Error:
        if (m_model->error())
            m_state->showFailure(tr("The layers could not be read"), *m_model->error());
        else
            m_state->showError(tr("The layers could not be read."), true);
        return;
    case ImageDiffModel::State::Ready:
        break;
    }
    const ImageDiff &d = m_model->diff();
    const QLocale locale;
    QString text = tr("<b>Layers:</b> %1 in common (the first %2 shared as a base), %3 only in %4, %5 only in %6.")
                       .arg(d.commonLayers.size())
                       .arg(d.sharedPrefix)
                       .arg(d.onlyInFrom.size())
                       .arg(m_model->fromName().toHtmlEscaped())
                       .arg(d.onlyInTo.size())
                       .arg(m_model->toName().toHtmlEscaped());
    text += u' '
        + tr("<b>Files:</b> %1 added (%2), %3 removed (%4), %5 changed (%6); %7 → %8 (%9).")
              .arg(d.added)
              .arg(signedSize(d.addedBytes))
              .arg(d.removed)
              .arg(signedSize(-d.removedBytes))
              .arg(d.changed)
              .arg(signedSize(d.changedDelta))
              .arg(locale.formattedDataSize(d.fromTotalBytes), locale.formattedDataSize(d.toTotalBytes), signedSize(d.totalDelta()));
    if (!d.complete)
        text += u' ' + tr("<i>Some layers could not be read to the end: %1</i>").arg(m_model->errorMessage().toHtmlEscaped());
    m_summary->setText(text);
    m_state->showContent();
}

} // namespace wharf
