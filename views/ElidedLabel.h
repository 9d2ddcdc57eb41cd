#pragma once
// One line of text that never clips: when it does not fit it is elided (in the middle by default,
// so a digest keeps its algorithm and its last characters), the full text is the tooltip, and a
// context-menu Copy copies all of it. For digests, references and paths in tight panes.

#include <QFrame>

namespace wharf {

class ElidedLabel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    [[nodiscard]] const QString &text() const { return m_text; }
    void setElideMode(Qt::TextElideMode mode);
    // What is painted now (the text, or its elided form at the current width).
    [[nodiscard]] QString displayedText() const;
    [[nodiscard]] bool isElided() const { return displayedText() != m_text; }

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
    Qt::TextElideMode m_mode = Qt::ElideMiddle;
};

} // namespace wharf
