#pragma once
// The Search pane's model: repositories matching a query, from Docker Hub's search API (paged by
// the `next` each page hands out, one page per fetchMore) or, for any other registry, from its
// _catalog filtered here by a case-insensitive substring (registries have no search). Rows carry
// raw values (stars and pulls as numbers, badges as bools); views format them and map roles to
// icons. `state` says honestly what the pane should show: nothing asked yet, loading, results, no
// results, or an error (errorCode() tells "offline" from "rate limited" from the rest).

#include "core/Error.h"
#include "hub/HubClient.h"
#include "hub/HubTypes.h"
#include "services/SearchSource.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

#include <optional>

namespace wharf {

class HubClient;
class Job;
class RegistryClient;

class SearchModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchModel)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY totalCountChanged)
    Q_PROPERTY(QString query READ query NOTIFY queryChanged)
    Q_PROPERTY(QString registry READ registry NOTIFY queryChanged)
public:
    enum Role {
        NameRole = Qt::UserRole + 1, // QString: "nginx" for official Hub images, "ns/name" otherwise, the catalog path elsewhere
        NamespaceRole, // QString: "library" for official images; the path before the last '/' in a catalog
        RepositoryRole, // QString: the last path element
        DescriptionRole, // QString: Hub's short description; empty for catalog rows
        StarsRole, // qint64; -1 when the registry has no such notion (catalog rows)
        PullsRole, // qint64; -1 likewise
        OfficialRole, // bool: a Docker Official Image
        VerifiedRole, // bool: a verified publisher
        AutomatedRole, // bool: an automated build
        RegistryRole, // QString: "docker.io" or the registry's host[:port]
        ReferenceRole, // QString: the fully qualified repository ("docker.io/library/nginx"), for TagListModel
        OpenSourceRole, // bool: Docker-sponsored open source
        HardenedRole, // bool: a Docker Hardened Image (its reference is on dhi.io)
        PrivateRole, // bool: a private repository (My repositories)
        PullsTextRole, // QString: Docker Hub's own rounding ("1B+"); empty when it gave a number only
        OperatingSystemsRole, // QStringList: as Docker Hub lists them for the repository ("linux")
        ArchitecturesRole, // QStringList: "amd64", "arm64", "arm", …
        UpdatedRole, // QDateTime: last update; invalid when unknown
    };
    Q_ENUM(Role)

    enum class State {
        Idle, // no search yet
        Loading, // a request is in flight (the first page or more rows)
        Ready, // rows are there
        Empty, // the search is done and matched nothing
        Error, // the last request failed; rows fetched before it stay
    };
    Q_ENUM(State)

    static constexpr int kDefaultPageSize = 25;

    // Neither client is owned; either may be null when that kind of search is not wanted.
    explicit SearchModel(HubClient *hub, RegistryClient *registryClient, QObject *parent = nullptr);
    ~SearchModel() override;

    // Hub search page size (clamped by HubClient to 1…100). Applies to the next search.
    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    [[nodiscard]] int pageSize() const { return m_pageSize; }

    // Starts a search; an empty registry or docker.io searches Docker Hub. Any request still in
    // flight is cancelled and its reply never reaches the model. Asking again for what is already
    // shown (or loading) changes nothing; reload() asks again anyway.
    void search(const QString &query, const QString &registry = {});
    // Docker Hub's filters and order for the searches that follow (the query text is search()'s).
    // Changing them searches again when a Hub search is shown.
    void setHubFilters(const HubSearchQuery &filters);
    [[nodiscard]] const HubSearchQuery &hubFilters() const { return m_filters; }
    // Docker Hub repositories of `namespaceName` (the signed-in user's own include private ones),
    // names containing `nameFilter`, in the Hub's `ordering` (e.g. "-pull_count": most pulled first).
    void listNamespace(const QString &namespaceName, const QString &nameFilter = {},
                       const QString &ordering = QStringLiteral("-last_updated"));
    [[nodiscard]] const QString &listedNamespace() const { return m_namespace; }
    void reload();
    // Back to Idle with no rows.
    void clear();

    [[nodiscard]] const QString &query() const { return m_query; }
    [[nodiscard]] const QString &registry() const { return m_registry; }
    [[nodiscard]] bool isDockerHub() const;
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString errorMessage() const { return m_error ? m_error->message() : QString(); }
    [[nodiscard]] std::optional<Error::Code> errorCode() const;
    // Why the list ended before the server said it did (pages that go in circles); empty otherwise.
    [[nodiscard]] const QString &endNote() const { return m_endNote; }
    // Hub's count of all matches (more than rowCount() until every page is in); for a catalog the
    // number of matches found so far.
    [[nodiscard]] qint64 totalCount() const { return m_totalCount; }
    [[nodiscard]] bool isBusy() const { return !m_request.isNull(); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void stateChanged();
    void endNoteChanged();
    void totalCountChanged();
    void queryChanged();

private:
    void start();
    void abandonRequest();
    void requestHubPage(bool first);
    void onHubPage(Job *job, quint64 generation);
    void onCatalogPage(const QStringList &names, quint64 generation);
    void onCatalogFinished(Job *job, quint64 generation);
    void setEndNote(const QString &note);
    void appendRows(const QList<HubSearchResult> &rows);
    void setError(const Error &error);
    void setTotalCount(qint64 count);
    void updateState();
    [[nodiscard]] State computeState() const;

    QPointer<HubClient> m_hub;
    QPointer<RegistryClient> m_registryClient;
    int m_pageSize = kDefaultPageSize;

    QString m_query;
    QString m_registry;
    QString m_namespace; // listing a namespace instead of searching
    QString m_ordering;  // …in this order
    HubSearchQuery m_filters;
    bool m_searched = false;
    QList<HubSearchResult> m_rows;
    search::HubListing m_listing; // the Hub search or namespace list being paged
    QString m_endNote;
    qint64 m_totalCount = 0;
    std::optional<Error> m_error;
    State m_state = State::Idle;

    // The one request in flight; replies of any other generation are stale and dropped.
    QPointer<Job> m_request;
    quint64 m_generation = 0;
};

} // namespace wharf
