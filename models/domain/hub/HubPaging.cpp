#include "hub/HubPaging.h"

namespace wharf {

void HubPaging::reset()
{
    m_pages.clear();
    m_names.clear();
    m_circles = false;
}

bool HubPaging::admit(const QString &key)
{
    if (m_names.contains(key))
        return false;
    m_names.insert(key);
    return true;
}

QUrl HubPaging::next(const QUrl &pageUrl, const QUrl &next, qsizetype results, qsizetype admitted)
{
    m_pages.insert(pageUrl);
    if (!next.isValid() || next.isEmpty() || results == 0)
        return QUrl();
    if (m_pages.contains(next) || admitted == 0) {
        m_circles = true;
        return QUrl();
    }
    return next;
}

QString HubPaging::circleNote(Rows rows) const
{
    const int count = int(m_names.size());
    return rows == Rows::Tags
        ? tr("Docker Hub's tag pages went in circles; the list ends after %n tag(s)", nullptr, count)
        : tr("Docker Hub's result pages went in circles; the list ends after %n result(s)", nullptr, count);
}

} // namespace wharf
