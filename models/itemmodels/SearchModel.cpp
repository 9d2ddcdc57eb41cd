#include "itemmodels/SearchModel.h"

#include "itemmodels/ItemRoles.h"

#include "hub/HubClient.h"
#include "registry/PagedListJob.h"
#include "registry/RegistryClient.h"
#include "services/SearchSource.h"

using namespace Qt::StringLiterals;

namespace wharf {

namespace {
constexpr int kCatalogPageSize = 100;
const QString kDockerHub = u"docker.io"_s;
} // namespace

SearchModel::SearchModel(HubClient *hub, RegistryClient *registryClient, QObject *parent)
    : QAbstractListModel(parent),
      m_hub(hub),
      m_registryClient(registryClient)
{}

SearchModel::~SearchModel()
{
    abandonRequest();
}

bool SearchModel::isDockerHub() const
{
    return search::isDockerHub(m_registry);
}

std::optional<Error::Code> SearchModel::errorCode() const
{
    if (!m_error)
        return std::nullopt;
    return m_error->code();
}

void SearchModel::search(const QString &query, const QString &registry)
{
    const QString target = search::isDockerHub(registry) ? kDockerHub : registry;
    // Typing the same thing again (debounced as-you-type plus Enter) must not throw rows away.
    if (m_searched && m_namespace.isEmpty() && query == m_query && target == m_registry && m_state != State::Error)
        return;
    const bool changed = !m_searched || query != m_query || target != m_registry;
    m_query = query;
    m_registry = target;
    m_namespace.clear();
    m_searched = true;
    start();
    if (changed)
        Q_EMIT queryChanged();
}

void SearchModel::setHubFilters(const HubSearchQuery &filters)
{
    HubSearchQuery next = filters;
    next.text.clear();
    if (next == m_filters)
        return;
    m_filters = next;
    if (m_searched && m_namespace.isEmpty() && isDockerHub())
        start();
}

void SearchModel::listNamespace(const QString &namespaceName, const QString &nameFilter, const QString &ordering)
{
    m_namespace = namespaceName;
    m_ordering = ordering;
    m_query = nameFilter;
    m_registry = kDockerHub;
    m_searched = true;
    start();
    Q_EMIT queryChanged();
}

void SearchModel::reload()
{
    if (!m_searched)
        return;
    start();
}

void SearchModel::clear()
{
    abandonRequest();
    const bool hadQuery = m_searched;
    m_searched = false;
    m_query.clear();
    m_registry.clear();
    m_namespace.clear();
    m_error.reset();
    m_listing = {};
    setEndNote(QString());
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    setTotalCount(0);
    updateState();
    if (hadQuery)
        Q_EMIT queryChanged();
}

void SearchModel::abandonRequest()
{
    // Bumping the generation first makes the finished() that cancel() emits a stale reply too.
    ++m_generation;
    if (Job *job = m_request.data()) {
        m_request.clear();
        job->cancel();
    }
}

void SearchModel::start()
{
    abandonRequest();
    m_error.reset();
    m_listing = {};
    setEndNote(QString());
    // The whole data set is replaced: the one case where a reset is right.
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    setTotalCount(0);

    if (isDockerHub()) {
        requestHubPage(true);
    } else if (m_registryClient) {
        PagedListJob *job = m_registryClient->catalog(m_registry, -1, kCatalogPageSize);
        m_request = job;
        const quint64 generation = m_generation;
        connect(job, &PagedListJob::pageReceived, this, [this, generation](const QStringList &names) { onCatalogPage(names, generation); });
        connect(job, &Job::finished, this, [this, generation](Job *finished) { onCatalogFinished(finished, generation); });
        job->start();
    } else {
        setError(Error(Error::Code::Unsupported, tr("Searching %1 is not available here").arg(m_registry)));
    }
    updateState();
}

void SearchModel::requestHubPage(bool first)
{
    if (!m_hub) {
        setError(Error(Error::Code::Unsupported, tr("Searching Docker Hub is not available here")));
        return;
    }
    if (first) {
        HubSearchQuery query = m_filters;
        query.text = m_query;
        m_listing = m_namespace.isEmpty()
            ? search::HubListing::search(query, m_pageSize)
            : search::HubListing::repositories(m_namespace, m_query, m_ordering, m_pageSize);
    }
    HubRequest *job = first ? m_listing.first(*m_hub) : m_listing.next(*m_hub);
    if (!job)
        return;
    m_request = job;
    const quint64 generation = m_generation;
    connect(job, &Job::finished, this, [this, generation](Job *finished) { onHubPage(finished, generation); });
    job->start();
}

void SearchModel::onHubPage(Job *job, quint64 generation)
{
    if (generation != m_generation || job != m_request.data())
        return; // an answer to a question nobody asks any more
    m_request.clear();
    if (job->error()) {
        setError(*job->error());
        updateState();
        return;
    }
    // Read before the insertion: a view (or the model tester) may call fetchMore() from rowsInserted.
    const Result<QList<HubSearchResult>> fresh = m_listing.take(*static_cast<HubRequest *>(job));
    if (!fresh) {
        setError(fresh.error());
        updateState();
        return;
    }
    setEndNote(m_listing.note());
    setTotalCount(m_listing.total());
    appendRows(*fresh);
    updateState();
}

void SearchModel::setEndNote(const QString &note)
{
    if (note == m_endNote)
        return;
    m_endNote = note;
    Q_EMIT endNoteChanged();
}

void SearchModel::onCatalogPage(const QStringList &names, quint64 generation)
{
    if (generation != m_generation)
        return;
    appendRows(search::catalogMatches(names, m_query));
    setTotalCount(m_rows.size());
}

void SearchModel::onCatalogFinished(Job *job, quint64 generation)
{
    if (generation != m_generation || job != m_request.data())
        return;
    m_request.clear();
    if (job->error())
        setError(*job->error());
    updateState();
}

void SearchModel::appendRows(const QList<HubSearchResult> &rows)
{
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
}

void SearchModel::setError(const Error &error)
{
    m_error = error;
    m_listing = {}; // no automatic retries from fetchMore: reload() is the user's call
}

void SearchModel::setTotalCount(qint64 count)
{
    if (count == m_totalCount)
        return;
    m_totalCount = count;
    Q_EMIT totalCountChanged();
}

SearchModel::State SearchModel::computeState() const
{
    if (!m_searched)
        return State::Idle;
    if (m_request)
        return State::Loading;
    if (m_error)
        return State::Error;
    return m_rows.isEmpty() ? State::Empty : State::Ready;
}

void SearchModel::updateState()
{
    const State state = computeState();
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (role == ItemRole::CopyText)
        role = ReferenceRole;
    if (!hasIndex(index.row(), index.column(), index.parent()))
        return {};
    const HubSearchResult &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case Qt::ToolTipRole:
        if (!row.architectures.isEmpty())
            return QString(row.description + u"\n"
                           + tr("Platforms: %1 · %2").arg(row.operatingSystems.join(u", "), row.architectures.join(u", ")))
                .trimmed();
        return row.description;
    case DescriptionRole:
        return row.description;
    case NamespaceRole:
        return row.namespaceName;
    case RepositoryRole:
        return row.repository;
    case StarsRole:
        return row.stars;
    case PullsRole:
        return row.pulls;
    case OfficialRole:
        return row.official;
    case VerifiedRole:
        return row.verified;
    case AutomatedRole:
        return row.automated;
    case RegistryRole:
        return m_registry;
    case ReferenceRole:
        if (isDockerHub())
            return search::hubResultReference(row);
        return QString(m_registry + u'/' + row.name);
    case OpenSourceRole:
        return row.openSource;
    case HardenedRole:
        return row.hardened;
    case PrivateRole:
        return row.isPrivate;
    case PullsTextRole:
        return row.pullsText;
    case OperatingSystemsRole:
        return row.operatingSystems;
    case ArchitecturesRole:
        return row.architectures;
    case UpdatedRole:
        return row.updated;
    default:
        return {};
    }
}

QVariant SearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section != 0 || orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractListModel::headerData(section, orientation, role);
    return tr("Repository");
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(NamespaceRole, "namespace");
    names.insert(RepositoryRole, "repository");
    names.insert(DescriptionRole, "description");
    names.insert(StarsRole, "stars");
    names.insert(PullsRole, "pulls");
    names.insert(OfficialRole, "official");
    names.insert(VerifiedRole, "verified");
    names.insert(AutomatedRole, "automated");
    names.insert(RegistryRole, "registry");
    names.insert(ReferenceRole, "reference");
    names.insert(OpenSourceRole, "openSource");
    names.insert(HardenedRole, "hardened");
    names.insert(PrivateRole, "private");
    names.insert(PullsTextRole, "pullsText");
    names.insert(OperatingSystemsRole, "operatingSystems");
    names.insert(ArchitecturesRole, "architectures");
    names.insert(UpdatedRole, "updated");
    return names;
}

bool SearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_listing.hasMore();
}

void SearchModel::fetchMore(const QModelIndex &parent)
{
    // One request at a time: views call this on every scroll step, the reply decides what is next.
    if (parent.isValid() || m_request || !m_listing.hasMore() || !isDockerHub())
        return;
    requestHubPage(false);
    updateState();
}

} // namespace wharf
