#pragma once
// One repository's tags as the Tags pane and `wharf tags` both list them. Names come complete
// from the registry (tags/list, following its Link pages). On Docker Hub, the Hub's tag pages add
// each tag's details (digest, platforms, size, push time) page by page, newest push first, as far
// as the Hub lets this caller go: since 2026-08 it refuses deep pages to anonymous callers, and
// the tags beyond keep their names and get their details from the registry when asked
// (TagDetailsJob). A name the registry did not list but the Hub did (a registry that cannot be
// listed anonymously) is a row too. Everything arrives as signals, in the order it lands.
//
// The job succeeds once the names are listed and the Hub's pages have ended, one way or another
// (hubDetails() says which); it fails only when no name could be listed at all.

#include "core/Job.h"
#include "hub/HubPaging.h"
#include "reference/ImageReference.h"
#include "services/TagSource.h"

#include <QList>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <optional>

namespace wharf {

class HubClient;
class HubRequest;
class PagedListJob;
class RegistryClient;

class TagLister final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagLister)
public:
    enum class HubDetails {
        NotHub, // another registry: details come from the registry only
        Loading, // Hub pages are coming in
        Complete, // every tag the Hub has was described
        SignInForMore, // the Hub refused further pages to an anonymous caller
        Stopped, // the Hub failed, went in circles, or maxHubPages was reached
    };
    Q_ENUM(HubDetails)

    static constexpr int kHubPageSize = 100;

    // Neither client is owned; `hub` may be null (no Hub details).
    TagLister(RegistryClient *registry, HubClient *hub, ImageReference repository, QObject *parent = nullptr);

    // The most Hub pages to read (each 100 tags); 0 reads none.
    void setMaxHubPages(int pages) { m_maxHubPages = pages; }

    [[nodiscard]] const ImageReference &repository() const { return m_repository; }
    [[nodiscard]] const QStringList &names() const { return m_names; }
    [[nodiscard]] HubDetails hubDetails() const { return m_hubDetails; }
    // Why Hub details stopped, for the person (empty when complete or not Hub).
    [[nodiscard]] const QString &hubNote() const { return m_hubNote; }
    // How many tags Docker Hub says the repository has (-1 unknown), and how many it described.
    [[nodiscard]] qint64 hubCount() const { return m_hubCount; }
    [[nodiscard]] qsizetype describedCount() const { return m_described.size(); }
    // Why the registry's list ended early (pages in circles), or why it could not be read while the
    // Hub's pages gave the names.
    [[nodiscard]] const QString &listNote() const { return m_listNote; }

Q_SIGNALS:
    // Names not announced before. A name the Hub describes first comes in detailsArrived just
    // before it comes here.
    void namesArrived(const QStringList &names);
    void detailsArrived(const QList<wharf::TagInfo> &tags);
    void hubDetailsChanged();

protected:
    void run() override;
    void abort() override;

private:
    void addNames(const QStringList &names);
    void requestHubPage(const QUrl &next);
    void onHubPage(HubRequest *request);
    void setHubDetails(HubDetails state, const QString &note = {});
    void finishIfDone();

    QPointer<RegistryClient> m_registry;
    QPointer<HubClient> m_hub;
    ImageReference m_repository;
    int m_maxHubPages = 1'000;
    int m_hubPages = 0;

    QStringList m_names;
    QSet<QString> m_known;
    QSet<QString> m_described;
    HubPaging m_paging;
    HubDetails m_hubDetails = HubDetails::NotHub;
    QString m_hubNote;
    QString m_listNote;
    qint64 m_hubCount = -1;
    std::optional<Error> m_listError;
    std::optional<Error> m_hubError;
    bool m_listDone = false;
    QPointer<PagedListJob> m_list;
    QPointer<HubRequest> m_page;
};

} // namespace wharf
