#pragma once
// Filtering and sorting for the Tags pane over a TagListModel: a filter box that takes a
// case-insensitive substring or a regular expression, and the sort orders a person picks from
// (semantic version, last pushed, name, size). It compares the raw values (the semver key, the
// QDateTime, the byte count), never display text. Built for 10,000-tag repositories: the matcher
// is prepared once per change of the filter, rows are read straight from the TagListModel, and
// nothing is re-filtered when a setter is given what it already has; a new filter reaches views as
// one layout change rather than a removal or insertion per run of rows.

#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QString>

namespace wharf {

class TagListModel;

class TagFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagFilterProxyModel)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterChanged)
    Q_PROPERTY(bool regexMode READ regexMode WRITE setRegexMode NOTIFY filterChanged)
    Q_PROPERTY(bool invalidPattern READ invalidPattern NOTIFY invalidPatternChanged)
    Q_PROPERTY(SortKey sortKey READ sortKey WRITE setSortKey NOTIFY sortChanged)
public:
    enum class SortKey {
        SemanticVersion, // TagOrder: `latest` first, versions in the order asked for, then other names
        LastPushed,      // unknown times first in ascending order
        Name,            // code point order of the tag
        Size,            // unknown (-1) first in ascending order
    };
    Q_ENUM(SortKey)

    explicit TagFilterProxyModel(QObject *parent = nullptr);
    ~TagFilterProxyModel() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    [[nodiscard]] const QString &filterText() const { return m_text; }
    void setFilterText(const QString &text);
    [[nodiscard]] bool regexMode() const { return m_regexMode; }
    void setRegexMode(bool regexMode);
    // The filter text is not a valid regular expression (in regex mode); nothing is filtered out
    // then, and patternError() says why for the filter box's tooltip.
    [[nodiscard]] bool invalidPattern() const { return m_invalidPattern; }
    [[nodiscard]] QString patternError() const;

    [[nodiscard]] SortKey sortKey() const { return m_sortKey; }
    void setSortKey(SortKey key);
    void setSortOrder(Qt::SortOrder order);
    [[nodiscard]] Qt::SortOrder currentSortOrder() const { return m_sortOrder; }

Q_SIGNALS:
    void filterChanged();
    void invalidPatternChanged(bool invalid);
    void sortChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    enum class Matcher { All, Substring, Regex };

    void rebuildMatcher();
    void applySort();
    [[nodiscard]] QString nameOf(int sourceRow) const;

    const TagListModel *m_tags = nullptr; // the source, when it is one: read without QVariant
    QString m_text;
    bool m_regexMode = false;
    bool m_invalidPattern = false;
    Matcher m_matcher = Matcher::All;
    QRegularExpression m_regex;
    SortKey m_sortKey = SortKey::SemanticVersion;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder; // newest versions first, as people look for them
};

} // namespace wharf
