#pragma once
// The Tags pane's model: every tag of one repository with its digest, platforms, size and push
// time, built to cope with repositories of thousands of tags. The rows come from TagLister
// (services/), as `wharf tags`'s do: every name from the registry's tags/list, streamed as its
// pages land, and on Docker Hub the details of as many as the Hub describes, 100 per page, in the
// background. A row without details gets them from its manifest, fetched on demand for the rows a
// view shows (requestDetails), at most kMaxDetailRequests at a time — on Docker Hub only once the
// Hub's pages have ended, since a manifest GET counts against the pull limit and the Hub's
// description is free. endNote() says when the Hub stopped early (sign in for the rest). Tags
// that point to the same digest are
// aliases of each other; AliasesRole follows as digests arrive. Raw values live in their roles
// (QDateTime, qint64, QStringList) so TagFilterProxyModel sorts and filters on them.
//
// SemverKeyRole is TagOrder::versionKey() (models/reference/TagOrder.h): a string whose plain
// (code point) order is the order of versions, versions before other names.

#include "core/Error.h"
#include "hub/HubTypes.h"
#include "reference/ImageReference.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace wharf {

class HubClient;
class Job;
class TagDetailsJob;
struct TagInfo;
class RegistryClient;

class TagListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagListModel)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY totalCountChanged)
public:
    enum Role {
        NameRole = Qt::UserRole + 1, // QString: the tag
        DigestRole, // QString: the tag's manifest or index digest; empty until known
        MediaTypeRole, // QString: the manifest's or index's media type; empty until known
        LastPushedRole, // QDateTime: Hub's last push; elsewhere the image config's `created`
            // (registries keep no push time); invalid when unknown
        SizeRole, // qint64: compressed bytes; -1 when unknown (a registry index)
        PlatformsRole, // QStringList: "os/arch[/variant]", index order, never attestations
        PlatformCountRole, // int
        DetailsLoadedRole, // bool: digest, platforms and size are filled in
        DetailsFailedRole, // bool: the manifest could not be fetched (requestDetails won't retry)
        AliasesRole, // QStringList: the other tags in the model with the same digest
        AliasCountRole, // int: AliasesRole's size, without building the list
        SemverKeyRole, // QString: the version sort key described above
    };
    Q_ENUM(Role)

    enum class State {
        Idle, // no repository
        Loading, // the tag list (or its next page) is in flight
        Ready,
        Empty, // the repository has no tags
        Error, // the last list request failed; rows fetched before it stay
    };
    Q_ENUM(State)

    // One row, as the proxy reads it without going through QVariant.
    struct Tag
    {
        QString name;
        QString digest;
        QString mediaType;
        QDateTime lastPushed;
        qint64 size = -1;
        QStringList platforms;
        QHash<QString, qint64> platformSizes; // Docker Hub's size per platform manifest digest
        QString semverKey;
        enum class Details : quint8 {
            Missing,
            Queued,
            Loading,
            Loaded,
            Failed
        } details = Details::Missing;
    };

    static constexpr int kHubPageSize = 100;
    static constexpr int kMaxDetailRequests = 4;

    // Neither client is owned; docker.io repositories need the Hub client, others the registry client.
    explicit TagListModel(HubClient *hub, RegistryClient *registryClient, QObject *parent = nullptr);
    ~TagListModel() override;

    // Lists the tags of `repository` (a normalised reference; tag and digest are ignored). The same
    // repository again changes nothing unless the last attempt failed; reload() always starts over.
    void setRepository(const ImageReference &repository);
    void reload();
    void clear();

    // Asks for one registry tag's manifest (and, for a single-platform image, its config) so its
    // row gets digest, platforms and size; the view calls it for the rows it shows. Rows asked for
    // last are fetched first (the ones on screen now). Hub rows already have their details.
    void requestDetails(int row);

    [[nodiscard]] const ImageReference &repository() const { return m_repository; }
    [[nodiscard]] bool isDockerHub() const { return m_fromHub; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString errorMessage() const { return m_error ? m_error->message() : QString(); }
    [[nodiscard]] std::optional<Error::Code> errorCode() const;
    // Why the list ended before the server said it did (pages that go in circles); empty otherwise.
    [[nodiscard]] const QString &endNote() const { return m_endNote; }
    // Hub's count of all tags; elsewhere the names listed so far.
    [[nodiscard]] qint64 totalCount() const { return m_totalCount; }
    [[nodiscard]] bool isBusy() const { return !m_request.isNull(); }
    [[nodiscard]] int detailRequestsInFlight() const { return int(m_detailJobs.size()); }

    [[nodiscard]] const Tag &tag(int row) const { return m_rows.at(row); }
    // Docker Hub's size of each platform image of `tag`, by manifest digest; empty elsewhere.
    [[nodiscard]] QHash<QString, qint64> platformSizes(const QString &tag) const;
    [[nodiscard]] QStringList aliases(int row) const;
    [[nodiscard]] int aliasCount(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    [[nodiscard]] static QString semverKey(QStringView tag);

Q_SIGNALS:
    void stateChanged();
    void endNoteChanged();
    void totalCountChanged();
    void repositoryChanged();

private:
    void start();
    void abandonRequests();
    void onTagNames(const QStringList &names);
    void onHubDetails(const QList<TagInfo> &tags);
    void setEndNote(const QString &note);
    void appendRows(QList<Tag> rows);
    void pumpDetails();
    void onDetails(TagDetailsJob *job, int row, quint64 generation);
    // A row's digest, media type, size, time and platforms as TagSource found them.
    static void fillDetails(Tag &row, const TagInfo &details);
    // Records `row`'s digest in the alias index; returns the rows whose aliases changed besides it.
    void indexDigest(int row, QList<int> *touched);
    void emitAliasesChanged(QList<int> rows);
    // `rows` changed in `roles` (empty: all), told with one dataChanged per contiguous run.
    void emitChangedRuns(QList<int> rows, const QList<int> &roles);
    void setError(const Error &error);
    void setTotalCount(qint64 count);
    void updateState();
    [[nodiscard]] State computeState() const;

    QPointer<HubClient> m_hub;
    QPointer<RegistryClient> m_registryClient;

    ImageReference m_repository;
    bool m_fromHub = false;
    QString m_registry; // host[:port] for registry requests
    QList<Tag> m_rows;
    QHash<QString, QList<int>> m_rowsByDigest; // ascending rows per digest: the alias groups
    QHash<QString, int> m_rowByName;
    bool m_hubLoading = false; // Docker Hub's pages are still describing rows
    QString m_endNote;
    qint64 m_totalCount = 0;
    std::optional<Error> m_error;
    State m_state = State::Idle;

    QPointer<Job> m_request; // the tag list (page) in flight
    QList<int> m_detailQueue; // rows waiting for a slot, most recent last
    QList<QPointer<Job>> m_detailJobs; // the manifest or config request of each busy slot
    quint64 m_generation = 0;
};

} // namespace wharf
