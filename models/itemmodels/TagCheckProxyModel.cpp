#include "itemmodels/TagCheckProxyModel.h"

namespace wharf {

TagCheckProxyModel::TagCheckProxyModel(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

void TagCheckProxyModel::setNameRole(int role)
{
    if (m_nameRole == role)
        return;
    m_nameRole = role;
    emitAllChecksChanged();
}

QString TagCheckProxyModel::nameAt(const QModelIndex &index) const
{
    return index.siblingAtColumn(0).data(m_nameRole).toString();
}

QStringList TagCheckProxyModel::checkedTags() const
{
    QStringList tags;
    if (m_checked.isEmpty())
        return tags;
    QSet<QString> seen;
    for (int row = 0; row < rowCount(); ++row) {
        const QString name = nameAt(index(row, 0));
        if (m_checked.contains(name) && !seen.contains(name)) {
            tags.append(name);
            seen.insert(name);
        }
    }
    for (const QString &name : m_checkOrder)
        if (!seen.contains(name))
            tags.append(name);
    return tags;
}

void TagCheckProxyModel::setCheckedTags(const QStringList &tags)
{
    QStringList order;
    for (const QString &tag : tags)
        if (!tag.isEmpty() && !order.contains(tag))
            order.append(tag);
    const QSet<QString> checked(order.cbegin(), order.cend());
    if (checked == m_checked && order == m_checkOrder)
        return;
    m_checked = checked;
    m_checkOrder = order;
    emitAllChecksChanged();
    Q_EMIT checkedTagsChanged();
}

void TagCheckProxyModel::setChecked(const QString &tag, bool checked)
{
    if (tag.isEmpty() || m_checked.contains(tag) == checked)
        return;
    if (checked) {
        m_checked.insert(tag);
        m_checkOrder.append(tag);
    } else {
        m_checked.remove(tag);
        m_checkOrder.removeAll(tag);
    }
    // A tag can have more than one row only in odd sources; tell them all.
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex i = index(row, 0);
        if (nameAt(i) == tag)
            Q_EMIT dataChanged(i, i, {Qt::CheckStateRole});
    }
    Q_EMIT checkedTagsChanged();
}

QVariant TagCheckProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::CheckStateRole) {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != 0)
            return {};
        return m_checked.contains(nameAt(index)) ? Qt::Checked : Qt::Unchecked;
    }
    return QIdentityProxyModel::data(index, role);
}

bool TagCheckProxyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole)
        return QIdentityProxyModel::setData(index, value, role);
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != 0)
        return false;
    setChecked(nameAt(index), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags TagCheckProxyModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QIdentityProxyModel::flags(index);
    if (index.isValid() && index.column() == 0)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

void TagCheckProxyModel::emitAllChecksChanged()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::CheckStateRole});
}

} // namespace wharf
