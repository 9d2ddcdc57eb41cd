#pragma once
// Lists a registry's tags (/v2/<name>/tags/list) or repositories (/v2/_catalog), following the
// Link: <…>; rel="next" pages the registry hands out (never guessing the next page), until
// `limit` names or the end. Each page is announced as it lands so views can show it at once.

#include "core/Job.h"

#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QUrl>

namespace wharf {

class RegistryClient;
class RegistryRequest;

class PagedListJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedListJob)
public:
    enum class Kind { Tags, Catalog };

    PagedListJob(RegistryClient *client, Kind kind, QString registry, QString repository, int limit, int pageSize,
                 QObject *parent = nullptr);

    [[nodiscard]] const QStringList &names() const { return m_names; }
    // True when the registry has more than `limit` names.
    [[nodiscard]] bool hasMore() const { return m_truncated || m_nextUrl.isValid(); }
    // Why the list ended before the registry said it did (paging in circles, too many pages);
    // empty when it ended normally. The names are then those collected so far, without repeats.
    [[nodiscard]] const QString &endNote() const { return m_endNote; }

    // The target of a Link header's rel="next", resolved against `base`; invalid if none.
    [[nodiscard]] static QUrl nextPageUrl(const QList<QByteArray> &linkHeaders, const QUrl &base);

Q_SIGNALS:
    void pageReceived(const QStringList &names);

protected:
    void run() override;
    void abort() override;

private:
    void requestPage(const QUrl &url);
    void onPage(RegistryRequest *reply);

    QPointer<RegistryClient> m_client;
    Kind m_kind;
    QString m_registry;
    QString m_repository;
    int m_limit;
    int m_pageSize;
    QStringList m_names;
    QUrl m_nextUrl;
    bool m_truncated = false;
    QSet<QString> m_seenPages;
    QSet<QString> m_seenNames;
    QString m_endNote;
    QPointer<RegistryRequest> m_request;
};

} // namespace wharf
