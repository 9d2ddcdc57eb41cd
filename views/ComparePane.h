#pragma once
// The Compare pane: the image in view against another tag or platform of the same repository. The
// person picks the other side (a tag from the repository's tags, a platform) and presses Compare
// (compareRequested(); the window resolves it and runs ImageDiffModel). Then: a line of totals,
// the layers both have and those only one has (ImageDiffLayersModel), and every path added,
// removed or changed with its size change (ImageDiffModel), coloured like the Files pane.

#include "core/Error.h"

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTreeView;

namespace wharf {

class ImageDiffModel;
class StatePanel;

class ComparePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparePane)
public:
    explicit ComparePane(ImageDiffModel *model, QWidget *parent = nullptr);

    // The repository's tags to compare with (not owned), and the role holding each name.
    void setTagModel(QAbstractItemModel *tags, int nameRole = Qt::DisplayRole);
    // The image in view (the "from" side); its platforms are offered for the other side too.
    void setCurrentImage(const QString &tag, const QString &platform, const QStringList &platforms);
    // Where the image in view is from when it is not the registry's ("Docker"), else empty: the
    // registry's image of the same tag and platform is then another image, and may be compared.
    void setCurrentSource(const QString &source);
    void clear();
    // Chooses the other side (as the person would) without comparing yet.
    void setOther(const QString &tag, const QString &platform);
    // The window is resolving the other side, or could not.
    void setResolving(const QString &what);
    void setFailure(const Error &error);

    [[nodiscard]] QString otherTag() const;
    [[nodiscard]] QString otherPlatform() const;
    [[nodiscard]] QComboBox *tagBox() const { return m_tag; }
    [[nodiscard]] QComboBox *platformBox() const { return m_platform; }
    [[nodiscard]] QPushButton *compareButton() const { return m_compare; }
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] QTableView *layersView() const { return m_layers; }
    [[nodiscard]] QTreeView *filesView() const { return m_files; }
    [[nodiscard]] StatePanel *statePanel() const { return m_state; }

Q_SIGNALS:
    void compareRequested(const QString &tag, const QString &platform);

private:
    void onStateChanged();
    void updateFromLabel();
    void updateCompareButton();

    ImageDiffModel *m_model;
    QString m_currentTag;
    QString m_currentPlatform;
    QString m_currentSource;
    QString m_otherTag;      // what the person chose in the "with" boxes, whatever the boxes' models do
    QString m_otherPlatform;
    QLabel *m_from;
    QComboBox *m_tag;
    QComboBox *m_platform;
    QPushButton *m_compare;
    QLabel *m_summary;
    QTableView *m_layers;
    QTreeView *m_files;
    QSortFilterProxyModel *m_sortedFiles;
    QSplitter *m_splitter;
    StatePanel *m_state;
};

} // namespace wharf
