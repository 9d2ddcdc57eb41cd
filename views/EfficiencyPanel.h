#pragma once
// The Efficiency panel: for the image in view, how much of its layer content is dead weight
// (ImageEfficiencyModel) — the score as a bar and a percentage, total, kept and wasted bytes, and
// the worst offenders (path, bytes wasted, copies, still in the final image or not). Measuring
// reads every layer, so until it is asked for (or the window starts it for a small image) the
// panel says what it would cost and offers "Analyse Layers" (analyseRequested()).

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace wharf {

class Error;

class ImageEfficiencyModel;
class StatePanel;

class EfficiencyPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EfficiencyPanel)
public:
    explicit EfficiencyPanel(ImageEfficiencyModel *model, QWidget *parent = nullptr);

    // Nothing measured yet for an image whose layers are `compressedBytes` in all: offer to.
    // `compressedBytes` < 0: the size is not known (Docker schema 1 records none).
    void setPending(qint64 compressedBytes, int layers);
    // No image.
    void clear();

    [[nodiscard]] QLabel *scoreLabel() const { return m_score; }
    [[nodiscard]] QProgressBar *scoreBar() const { return m_scoreBar; }
    [[nodiscard]] QLabel *totalsLabel() const { return m_totals; }
    [[nodiscard]] QTableView *offendersView() const { return m_offenders; }
    [[nodiscard]] QPushButton *analyseButton() const { return m_analyse; }
    [[nodiscard]] QLabel *pendingLabel() const { return m_pendingText; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }
    [[nodiscard]] bool isPending() const;
    // There is no image to measure: why (the image could not be looked up).
    void showFailure(const QString &failed, const Error &error);

Q_SIGNALS:
    void analyseRequested();
    // A row of the offenders table was activated: its path in the image.
    void offenderActivated(const QString &path);

private:
    void onStateChanged();
    void onProgress(qint64 read, qint64 total, int layersDone, int layers);

    ImageEfficiencyModel *m_model;
    QStackedWidget *m_pages;
    QWidget *m_pending;
    QLabel *m_pendingText;
    QPushButton *m_analyse;
    QLabel *m_score;
    QProgressBar *m_scoreBar;
    QLabel *m_totals;
    QLabel *m_incomplete;
    QLabel *m_offendersLabel;
    QTableView *m_offenders;
    StatePanel *m_state;
};

} // namespace wharf
