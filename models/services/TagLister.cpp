#include "services/TagLister.h"

#include "hub/HubClient.h"
#include "hub/HubTypes.h"
#include "registry/PagedListJob.h"
#include "registry/RegistryClient.h"

namespace wharf {

TagLister::TagLister(RegistryClient *registry, HubClient *hub, ImageReference repository, QObject *parent)
    : Job(parent),
      m_registry(registry),
      m_hub(hub),
      m_repository(repository.repository())
{}

void TagLister::run()
{
    if (m_repository.path().isEmpty()) {
        fail(Error(Error::Code::InvalidReference, tr("No repository to list tags for")));
        return;
    }
    const bool hub = m_repository.isDockerHub() && m_hub && m_maxHubPages > 0;
    if (!m_registry && !hub) {
        fail(Error(Error::Code::Unsupported, tr("Listing the tags of %1 is not available here").arg(m_repository.registryHost())));
        return;
    }
    if (hub) {
        m_hubDetails = HubDetails::Loading;
        requestHubPage({});
    }
    if (!m_registry) {
        m_listDone = true;
        return;
    }
    // No page size: most registries then answer with every tag at once; those that page anyway
    // link the next page, which the job follows, each page landing as it comes.
    PagedListJob *list = m_registry->listTags(m_repository.domain(), m_repository.path(), -1, 0);
    m_list = list;
    connect(list, &PagedListJob::pageReceived, this, &TagLister::addNames);
    connect(list, &Job::finished, this, [this, list] {
        m_listDone = true;
        if (list->error())
            m_listError = *list->error();
        else
            m_listNote = list->endNote();
        finishIfDone();
    });
    list->start();
}

void TagLister::abort()
{
    if (m_list)
        m_list->cancel();
    if (m_page)
        m_page->cancel();
}

void TagLister::addNames(const QStringList &names)
{
    QStringList fresh;
    for (const QString &name : names) {
        if (!m_known.contains(name)) {
            m_known.insert(name);
            fresh.append(name);
        }
    }
    if (fresh.isEmpty())
        return;
    m_names.append(fresh);
    Q_EMIT namesArrived(fresh);
}

void TagLister::requestHubPage(const QUrl &next)
{
    const QString ns = m_repository.hubNamespace();
    const QString name = m_repository.hubRepository();
    HubRequest *request = next.isEmpty() ? m_hub->tags(ns, name, kHubPageSize) : m_hub->page(next, tr("more tags of %1/%2").arg(ns, name));
    m_page = request;
    ++m_hubPages;
    connect(request, &Job::finished, this, [this, request] { onHubPage(request); });
    request->start();
}

void TagLister::onHubPage(HubRequest *request)
{
    if (isFinished())
        return;
    m_page.clear();
    if (request->error()) {
        if (request->hitAnonymousPagingLimit()) {
            const qsizetype rest = std::max<qsizetype>(0, qsizetype(m_hubCount) - m_described.size());
            setHubDetails(HubDetails::SignInForMore,
                          tr("Docker Hub describes only the first %n tag(s) without signing in; sign in to Docker Hub to "
                             "see the dates, sizes and platforms of the rest (%1 more), or select a tag to read them "
                             "from the registry.",
                             nullptr, int(m_described.size()))
                              .arg(rest));
        } else {
            m_hubError = *request->error();
            setHubDetails(HubDetails::Stopped, request->error()->message());
        }
        finishIfDone();
        return;
    }
    const Result<HubPage<HubTag>> page = hub::parseTagsPage(request->json());
    if (!page) {
        m_hubError = page.error();
        setHubDetails(HubDetails::Stopped, page.error().message());
        finishIfDone();
        return;
    }
    m_hubCount = page->count;
    QList<TagInfo> described;
    QStringList names;
    for (const HubTag &tag : page->results) {
        if (!m_paging.admit(tag.name))
            continue; // a page served twice, or pages that overlap
        described.append(tagFromHub(tag));
        names.append(tag.name);
        m_described.insert(tag.name);
    }
    // Details first, so a listener can take a name it did not have with its details at once; then
    // the Hub's names count as names too (a registry that cannot be listed, or not yet, still shows them).
    if (!described.isEmpty())
        Q_EMIT detailsArrived(described);
    addNames(names);
    const QUrl next = m_paging.next(request->url(), page->next, page->results.size(), names.size());
    if (m_paging.wentInCircles()) {
        setHubDetails(HubDetails::Stopped, m_paging.circleNote(HubPaging::Rows::Tags));
    } else if (!next.isValid()) {
        setHubDetails(HubDetails::Complete);
    } else if (m_hubPages >= m_maxHubPages) {
        setHubDetails(HubDetails::Stopped,
                      tr("Docker Hub's details were read for the first %n tag(s) only.", nullptr, int(m_described.size())));
    } else {
        requestHubPage(next);
        return;
    }
    finishIfDone();
}

void TagLister::setHubDetails(HubDetails state, const QString &note)
{
    m_hubDetails = state;
    m_hubNote = note;
    Q_EMIT hubDetailsChanged();
}

void TagLister::finishIfDone()
{
    if (isFinished() || !m_listDone || m_hubDetails == HubDetails::Loading)
        return;
    // Nothing listed anywhere: the registry's failure, or the Hub's where there is no registry to ask.
    if (m_names.isEmpty() && (m_listError || (!m_registry && m_hubError))) {
        fail(m_listError ? *m_listError : *m_hubError);
        return;
    }
    if (m_listError) {
        // The Hub gave the names the registry would not (an anonymous registry list refused).
        m_listNote =
            tr("The registry's own tag list could not be read (%1); these are the tags Docker Hub lists.").arg(m_listError->message());
    }
    emitResult();
}

} // namespace wharf
