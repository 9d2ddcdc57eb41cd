#pragma once
// Follows Docker Hub's `next` links without trusting them: a name already listed is skipped, and a
// `next` that was fetched before — or a page that brings nothing new — ends the paging, with
// wentInCircles() set so the caller can say the list ended there. The Tags and Search panes and
// `wharf tags` / `wharf search` page through the same rule.

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QUrl>

namespace wharf {

class HubPaging
{
    Q_DECLARE_TR_FUNCTIONS(wharf::HubPaging)
public:
    enum class Rows { Tags, Results };

    void reset();
    // Whether the row named `key` is new; remembers it.
    [[nodiscard]] bool admit(const QString &key);
    // After the page at `pageUrl` was read: `results` rows, `admitted` of them new. Returns the URL
    // of the page to read next, or an invalid URL when the paging ends.
    [[nodiscard]] QUrl next(const QUrl &pageUrl, const QUrl &next, qsizetype results, qsizetype admitted);
    [[nodiscard]] bool wentInCircles() const { return m_circles; }
    // What to tell the user once wentInCircles(): where the list ended, counted in `rows`.
    [[nodiscard]] QString circleNote(Rows rows) const;

private:
    QSet<QUrl> m_pages;
    QSet<QString> m_names;
    bool m_circles = false;
};

} // namespace wharf
