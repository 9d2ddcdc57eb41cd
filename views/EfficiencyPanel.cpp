#include "EfficiencyPanel.h"

#include "Icons.h"
#include "StatePanel.h"
#include "itemmodels/ImageEfficiencyModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace wharf {

EfficiencyPanel::EfficiencyPanel(ImageEfficiencyModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_pages(new QStackedWidget(this)),
      m_pending(new QWidget(this)),
      m_pendingText(new QLabel(m_pending)),
      m_analyse(new QPushButton(Icons::icon(Icons::Name::Efficiency), tr("&Analyse Layers"), m_pending)),
      m_score(new QLabel(this)),
      m_scoreBar(new QProgressBar(this)),
      m_totals(new QLabel(this)),
      m_incomplete(new QLabel(this)),
      m_offenders(new QTableView(this))
{
    // Not measured yet.
    m_pendingText->setObjectName(QStringLiteral("efficiencyPending"));
    m_pendingText->setWordWrap(true);
    m_pendingText->setAlignment(Qt::AlignCenter);
    m_analyse->setObjectName(QStringLiteral("efficiencyAnalyse"));
    auto *pendingLayout = new QVBoxLayout(m_pending);
    pendingLayout->addStretch(1);
    pendingLayout->addWidget(m_pendingText);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_analyse);
    buttonRow->addStretch(1);
    pendingLayout->addLayout(buttonRow);
    pendingLayout->addStretch(1);

    // The figures.
    m_score->setObjectName(QStringLiteral("efficiencyScore"));
    QFont big = m_score->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_score->setFont(big);
    m_scoreBar->setObjectName(QStringLiteral("efficiencyBar"));
    m_scoreBar->setRange(0, 1000);
    m_scoreBar->setTextVisible(false);
    m_scoreBar->setMaximumHeight(m_scoreBar->fontMetrics().height());
    m_totals->setObjectName(QStringLiteral("efficiencyTotals"));
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_incomplete->setObjectName(QStringLiteral("efficiencyIncomplete"));
    m_incomplete->setWordWrap(true);
    m_incomplete->setStyleSheet(QStringLiteral("color: #8a5300;"));
    m_incomplete->hide();

    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_model);
    sorted->setSortRole(ImageEfficiencyModel::RawValueRole);
    m_offenders->setObjectName(QStringLiteral("efficiencyOffenders"));
    m_offenders->setModel(sorted);
    m_offenders->setSortingEnabled(true);
    m_offenders->sortByColumn(ImageEfficiencyModel::WastedColumn, Qt::DescendingOrder);
    m_offenders->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_offenders->setSelectionMode(QAbstractItemView::SingleSelection);
    m_offenders->setAlternatingRowColors(true);
    m_offenders->setWordWrap(false);
    m_offenders->setTextElideMode(Qt::ElideMiddle); // a path's end says the most
    m_offenders->verticalHeader()->hide();
    m_offenders->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_offenders->horizontalHeader()->setSectionResizeMode(ImageEfficiencyModel::PathColumn, QHeaderView::Stretch);
    for (int column = ImageEfficiencyModel::WastedColumn; column < ImageEfficiencyModel::ColumnCount; ++column)
        m_offenders->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_offendersLabel = new QLabel(this);

    auto *scoreRow = new QHBoxLayout;
    scoreRow->addWidget(m_score);
    scoreRow->addWidget(m_scoreBar, 1);
    auto *figures = new QWidget(this);
    auto *figuresLayout = new QVBoxLayout(figures);
    figuresLayout->setContentsMargins(0, 0, 0, 0);
    figuresLayout->addLayout(scoreRow);
    figuresLayout->addWidget(m_totals);
    figuresLayout->addWidget(m_incomplete);
    figuresLayout->addWidget(m_offendersLabel);
    figuresLayout->addWidget(m_offenders, 1);
    m_state = new StatePanel(figures, this);

    m_pages->addWidget(m_pending);
    m_pages->addWidget(m_state);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_pages);

    connect(m_analyse, &QPushButton::clicked, this, &EfficiencyPanel::analyseRequested);
    connect(m_state, &StatePanel::retryRequested, this, &EfficiencyPanel::analyseRequested);
    connect(m_model, &ImageEfficiencyModel::stateChanged, this, &EfficiencyPanel::onStateChanged);
    connect(m_model, &ImageEfficiencyModel::progress, this, &EfficiencyPanel::onProgress);
    connect(m_offenders, &QAbstractItemView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT offenderActivated(index.data(ImageEfficiencyModel::PathRole).toString()); });
    clear();
}

bool EfficiencyPanel::isPending() const
{
    return m_pages->currentWidget() == m_pending && m_analyse->isVisible();
}

void EfficiencyPanel::setPending(qint64 compressedBytes, int layers)
{
    if (compressedBytes < 0)
        m_pendingText->setText(tr("Measuring wasted space reads all %n layer(s) of this image, whose size its "
                                  "manifest does not record (Docker schema 1).",
                                  nullptr, layers));
    else
        m_pendingText->setText(tr("Measuring wasted space reads all %n layer(s) of this image — %1 to download unless "
                                  "the local store has them.",
                                  nullptr, layers)
                                   .arg(QLocale().formattedDataSize(compressedBytes)));
    m_analyse->show();
    m_pages->setCurrentWidget(m_pending);
}

void EfficiencyPanel::clear()
{
    m_pendingText->setText(tr("Pick an image to see how much of it is wasted space."));
    m_analyse->hide();
    m_pages->setCurrentWidget(m_pending);
}

void EfficiencyPanel::showFailure(const QString &failed, const Error &error)
{
    m_analyse->hide();
    m_state->showFailure(failed, error);
    m_pages->setCurrentWidget(m_state);
}

void EfficiencyPanel::onStateChanged()
{
    switch (m_model->state()) {
    case ImageEfficiencyModel::State::Idle:
        return; // the window says pending or nothing
    case ImageEfficiencyModel::State::Loading:
        m_state->showMessage(tr("Reading the layers…"));
        break;
    case ImageEfficiencyModel::State::Error:
        if (m_model->error())
            m_state->showFailure(tr("The layers could not be read"), *m_model->error());
        else
            m_state->showError(tr("The layers could not be read."), true);
        break;
    case ImageEfficiencyModel::State::Ready: {
        const ImageEfficiency &e = m_model->efficiency();
        const QLocale locale;
        m_score->setText(tr("%1%").arg(locale.toString(e.score * 100, 'f', 1)));
        m_scoreBar->setValue(int(qRound(e.score * 1000)));
        // Green when little is wasted, amber below 90 %, red below 70 % (dive's threshold is 90 %).
        const QString colour = e.score >= 0.9 ? QStringLiteral("#1e8449")
            : e.score >= 0.7                  ? QStringLiteral("#b9770e")
                                              : QStringLiteral("#c0392b");
        m_scoreBar->setStyleSheet(QStringLiteral("QProgressBar::chunk { background: %1; }").arg(colour));
        m_score->setToolTip(tr("Efficiency: the share of the layers' file bytes the final image still shows"));
        m_totals->setText(tr("%1 of files in the layers · %2 kept · <b>%3 wasted</b> in %n path(s) that later layers "
                             "overwrote or deleted",
                             nullptr, int(e.offenders.size()))
                              .arg(locale.formattedDataSize(e.totalBytes), locale.formattedDataSize(e.keptBytes),
                                   locale.formattedDataSize(e.wastedBytes)));
        m_incomplete->setVisible(!e.complete);
        m_incomplete->setText(
            tr("Some layers could not be read to the end; the figures cover what was read: %1").arg(m_model->errorMessage()));
        m_offendersLabel->setText(e.offenders.isEmpty() ? tr("Nothing is wasted: every file the layers hold is in the final image.")
                                                        : tr("Worst offenders:"));
        m_offenders->setVisible(!e.offenders.isEmpty());
        m_state->showContent();
        break;
    }
    }
    m_pages->setCurrentWidget(m_state);
}

void EfficiencyPanel::onProgress(qint64 read, qint64 total, int layersDone, int layers)
{
    if (m_model->state() != ImageEfficiencyModel::State::Loading)
        return;
    const QLocale locale;
    if (total < 0) // sizes unknown (Docker schema 1)
        m_state->showMessage(tr("Reading the layers… %1 of %n layer(s) listed (%2 read)", nullptr, layers)
                                 .arg(locale.toString(layersDone), locale.formattedDataSize(read)));
    else
        m_state->showMessage(tr("Reading the layers… %1 of %n layer(s) listed (%2 of %3)", nullptr, layers)
                                 .arg(locale.toString(layersDone), locale.formattedDataSize(read), locale.formattedDataSize(total)));
}

} // namespace wharf
