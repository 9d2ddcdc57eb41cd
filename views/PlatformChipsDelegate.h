#pragma once
// Paints the Tags pane's Platforms cell as chips: one small rounded label per platform of the tag
// (TagListModel::PlatformsRole), "amd64", "arm64/v8" for Linux and "windows/amd64" otherwise, as
// many as fit and a "+N" chip for the rest; the cell's tooltip lists them all. A row whose
// platforms are not known yet shows its display text ("…", "unavailable") as any cell would.

#include <QStyledItemDelegate>

namespace wharf {

class PlatformChipsDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformChipsDelegate)
public:
    explicit PlatformChipsDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // A chip's text for "os/arch[/variant]": the OS is left out for Linux, as everyone reads it.
    [[nodiscard]] static QString chipText(const QString &platform);
    // The chips that fit in `width` (the last of them "+N" when some do not), as painted.
    [[nodiscard]] static QStringList visibleChips(const QStringList &platforms, const QFontMetrics &metrics, int width);
};

} // namespace wharf
