#include "itemmodels/TagListModel.h"

#include "itemmodels/ItemRoles.h"

#include "hub/HubClient.h"
#include "reference/TagOrder.h"
#include "registry/PagedListJob.h"
#include "registry/RegistryClient.h"
#include "services/TagLister.h"
#include "services/TagSource.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace wharf {

namespace {

// Rows a view asked for long ago (and has scrolled past) are dropped from the queue beyond this.
constexpr qsizetype kMaxQueuedDetails = 256;

} // namespace

QString TagListModel::semverKey(QStringView tag)
{
    return TagOrder::versionKey(tag);
}

TagListModel::TagListModel(HubClient *hub, RegistryClient *registryClient, QObject *parent)
    : QAbstractListModel(parent),
      m_hub(hub),
      m_registryClient(registryClient)
{}

TagListModel::~TagListModel()
{
    abandonRequests();
}

std::optional<Error::Code> TagListModel::errorCode() const
{
    if (!m_error)
        return std::nullopt;
    return m_error->code();
}

void TagListModel::setRepository(const ImageReference &repository)
{
    const ImageReference repo = repository.repository();
    if (repo == m_repository && m_state != State::Idle && m_state != State::Error)
        return;
    const bool changed = repo != m_repository;
    m_repository = repo;
    start();
    if (changed)
        Q_EMIT repositoryChanged();
}

void TagListModel::reload()
{
    if (m_repository.isValid())
        start();
}

void TagListModel::clear()
{
    abandonRequests();
    const bool hadRepository = m_repository.isValid();
    m_repository = ImageReference();
    m_error.reset();
    setEndNote(QString());
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        m_rowsByDigest.clear();
        m_rowByName.clear();
        endResetModel();
    }
    setTotalCount(0);
    updateState();
    if (hadRepository)
        Q_EMIT repositoryChanged();
}

void TagListModel::abandonRequests()
{
    // A new generation first: the finished() each cancel() emits is then a stale reply.
    ++m_generation;
    m_detailQueue.clear();
    const QList<QPointer<Job>> details = std::exchange(m_detailJobs, {});
    for (const QPointer<Job> &job : details) {
        if (job)
            job->cancel();
    }
    if (Job *job = m_request.data()) {
        m_request.clear();
        job->cancel();
    }
}

void TagListModel::start()
{
    abandonRequests();
    m_error.reset();
    setEndNote(QString());
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        m_rowsByDigest.clear();
        m_rowByName.clear();
        endResetModel();
    }
    setTotalCount(0);

    m_fromHub = m_repository.isDockerHub();
    m_registry = m_repository.domain(); // "docker.io": the registry client knows where that is
    auto *lister = new TagLister(m_registryClient, m_hub, m_repository, this);
    m_request = lister;
    m_hubLoading = m_fromHub && m_hub;
    const quint64 generation = m_generation;
    connect(lister, &TagLister::namesArrived, this, [this, generation](const QStringList &names) {
        if (generation == m_generation)
            onTagNames(names);
    });
    connect(lister, &TagLister::detailsArrived, this, [this, generation](const QList<TagInfo> &tags) {
        if (generation == m_generation)
            onHubDetails(tags);
    });
    connect(lister, &TagLister::hubDetailsChanged, this, [this, lister, generation] {
        if (generation != m_generation || lister->hubDetails() == TagLister::HubDetails::Loading)
            return;
        // The Hub has said all it will: rows it did not describe get theirs from the registry.
        m_hubLoading = false;
        setEndNote(lister->hubNote());
        m_detailQueue.removeIf([this](int row) { return m_rows.at(row).details != Tag::Details::Queued; });
        pumpDetails();
    });
    connect(lister, &Job::finished, this, [this, lister, generation] {
        if (generation != m_generation || lister != m_request.data())
            return;
        m_request.clear();
        if (lister->error())
            setError(*lister->error());
        else if (m_endNote.isEmpty())
            setEndNote(lister->listNote());
        if (lister->hubCount() > m_totalCount)
            setTotalCount(lister->hubCount());
        updateState();
    });
    lister->start();
    updateState();
}

void TagListModel::onTagNames(const QStringList &names)
{
    QList<Tag> rows;
    rows.reserve(names.size());
    for (const QString &name : names) {
        if (m_rowByName.contains(name))
            continue; // came with the Hub's details already
        Tag row;
        row.name = name;
        row.semverKey = semverKey(name);
        rows.append(std::move(row));
    }
    appendRows(std::move(rows));
    setTotalCount(std::max<qint64>(m_totalCount, m_rows.size()));
}

void TagListModel::onHubDetails(const QList<TagInfo> &tags)
{
    QList<int> touched;
    QList<int> changed;
    QList<Tag> fresh;
    for (const TagInfo &info : tags) {
        const int row = m_rowByName.value(info.name, -1);
        if (row < 0) {
            Tag tag;
            tag.name = info.name;
            tag.semverKey = semverKey(info.name);
            fillDetails(tag, info);
            fresh.append(std::move(tag));
            continue;
        }
        Tag &tag = m_rows[row];
        if (tag.details == Tag::Details::Loading || tag.details == Tag::Details::Loaded)
            continue; // the registry answered first
        fillDetails(tag, info);
        indexDigest(row, &touched);
        changed.append(row);
    }
    m_detailQueue.removeIf([this](int row) { return m_rows.at(row).details == Tag::Details::Loaded; });
    std::sort(changed.begin(), changed.end());
    emitChangedRuns(changed, {});
    touched.removeIf([&changed](int row) { return std::binary_search(changed.cbegin(), changed.cend(), row); });
    emitAliasesChanged(std::move(touched));
    appendRows(std::move(fresh));
    setTotalCount(std::max<qint64>(m_totalCount, m_rows.size()));
}

void TagListModel::setEndNote(const QString &note)
{
    if (note == m_endNote)
        return;
    m_endNote = note;
    Q_EMIT endNoteChanged();
}

void TagListModel::appendRows(QList<Tag> rows)
{
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    QList<int> touched;
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(std::move(rows));
    for (int row = first; row < m_rows.size(); ++row) {
        m_rowByName.insert(m_rows.at(row).name, row);
        indexDigest(row, &touched);
    }
    endInsertRows();
    // Only rows that were already there need telling; the new ones are read fresh.
    touched.removeIf([first](int row) { return row >= first; });
    emitAliasesChanged(std::move(touched));
}

void TagListModel::indexDigest(int row, QList<int> *touched)
{
    const QString &digest = m_rows.at(row).digest;
    if (digest.isEmpty())
        return;
    QList<int> &group = m_rowsByDigest[digest];
    touched->append(group);
    group.insert(std::lower_bound(group.begin(), group.end(), row), row);
}

void TagListModel::emitAliasesChanged(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    emitChangedRuns(std::move(rows), {AliasesRole, AliasCountRole});
}

void TagListModel::emitChangedRuns(QList<int> rows, const QList<int> &roles)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // One dataChanged per contiguous run: 260 tags on one digest are one signal, not 260.
    qsizetype begin = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows[i] == rows[i - 1] + 1)
            continue;
        Q_EMIT dataChanged(index(rows[begin]), index(rows[i - 1]), roles);
        begin = i;
    }
}

QStringList TagListModel::aliases(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).digest.isEmpty())
        return {};
    const QList<int> group = m_rowsByDigest.value(m_rows.at(row).digest);
    QStringList names;
    names.reserve(group.size());
    for (int other : group) {
        if (other != row)
            names.append(m_rows.at(other).name);
    }
    return names;
}

QHash<QString, qint64> TagListModel::platformSizes(const QString &tag) const
{
    const int row = m_rowByName.value(tag, -1);
    return row < 0 ? QHash<QString, qint64>() : m_rows.at(row).platformSizes;
}

int TagListModel::aliasCount(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).digest.isEmpty())
        return 0;
    return std::max(0, int(m_rowsByDigest.value(m_rows.at(row).digest).size()) - 1);
}

void TagListModel::requestDetails(int row)
{
    if (row < 0 || row >= m_rows.size() || !m_registryClient)
        return;
    Tag &tag = m_rows[row];
    if (tag.details == Tag::Details::Queued) {
        m_detailQueue.removeOne(row); // asked again: it is on screen now, so it goes first
    } else if (tag.details != Tag::Details::Missing) {
        return;
    }
    tag.details = Tag::Details::Queued;
    m_detailQueue.append(row);
    while (m_detailQueue.size() > kMaxQueuedDetails)
        m_rows[m_detailQueue.takeFirst()].details = Tag::Details::Missing;
    pumpDetails();
}

void TagListModel::fillDetails(Tag &row, const TagInfo &details)
{
    row.digest = details.digest;
    row.mediaType = details.mediaType;
    row.size = details.size;
    if (details.lastPushed.isValid())
        row.lastPushed = details.lastPushed;
    row.platforms = details.platformNames();
    row.platformSizes.clear();
    for (const TagPlatform &platform : details.platforms) {
        if (!platform.digest.isEmpty() && platform.size >= 0)
            row.platformSizes.insert(platform.digest, platform.size);
    }
    row.details = Tag::Details::Loaded;
}

void TagListModel::pumpDetails()
{
    m_detailJobs.removeIf([](const QPointer<Job> &job) { return job.isNull(); });
    // While Docker Hub's pages still come, they may describe the row for free: no manifest GET yet.
    if (m_hubLoading)
        return;
    while (m_detailJobs.size() < kMaxDetailRequests && !m_detailQueue.isEmpty() && m_registryClient) {
        const int row = m_detailQueue.takeLast();
        Tag &tag = m_rows[row];
        tag.details = Tag::Details::Loading;
        auto *job = new TagDetailsJob(m_registryClient, m_registry, m_repository.path(), tag.name, this);
        m_detailJobs.append(job);
        const quint64 generation = m_generation;
        connect(job, &Job::finished, this, [this, job, row, generation] { onDetails(job, row, generation); });
        job->start();
    }
}

void TagListModel::onDetails(TagDetailsJob *job, int row, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_detailJobs.removeIf([job](const QPointer<Job> &p) { return p.isNull() || p.data() == job; });
    Tag &tag = m_rows[row];
    if (job->error()) {
        tag.details = Tag::Details::Failed;
        Q_EMIT dataChanged(index(row), index(row), {DetailsLoadedRole, DetailsFailedRole});
        pumpDetails();
        return;
    }
    fillDetails(tag, job->result());
    QList<int> touched;
    indexDigest(row, &touched);
    Q_EMIT dataChanged(index(row), index(row));
    emitAliasesChanged(std::move(touched));
    pumpDetails();
}

void TagListModel::setError(const Error &error)
{
    m_error = error;
}

void TagListModel::setTotalCount(qint64 count)
{
    if (count == m_totalCount)
        return;
    m_totalCount = count;
    Q_EMIT totalCountChanged();
}

TagListModel::State TagListModel::computeState() const
{
    if (!m_repository.isValid())
        return State::Idle;
    if (m_request)
        return State::Loading;
    if (m_error)
        return State::Error;
    return m_rows.isEmpty() ? State::Empty : State::Ready;
}

void TagListModel::updateState()
{
    const State state = computeState();
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

int TagListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TagListModel::data(const QModelIndex &index, int role) const
{
    if (!hasIndex(index.row(), index.column(), index.parent()))
        return {};
    const Tag &tag = m_rows.at(index.row());
    switch (role) {
    case ItemRole::CopyText: {
        const auto reference = m_repository.withTag(tag.name);
        return reference ? reference->toString() : QString();
    }
    case Qt::DisplayRole:
    case NameRole:
        return tag.name;
    case Qt::ToolTipRole:
    case DigestRole:
        return tag.digest;
    case MediaTypeRole:
        return tag.mediaType;
    case LastPushedRole:
        return tag.lastPushed;
    case SizeRole:
        return tag.size;
    case PlatformsRole:
        return tag.platforms;
    case PlatformCountRole:
        return int(tag.platforms.size());
    case DetailsLoadedRole:
        return tag.details == Tag::Details::Loaded;
    case DetailsFailedRole:
        return tag.details == Tag::Details::Failed;
    case AliasesRole:
        return aliases(index.row());
    case AliasCountRole:
        return aliasCount(index.row());
    case SemverKeyRole:
        return tag.semverKey;
    default:
        return {};
    }
}

QVariant TagListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section != 0 || orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractListModel::headerData(section, orientation, role);
    return tr("Tag");
}

QHash<int, QByteArray> TagListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(DigestRole, "digest");
    names.insert(MediaTypeRole, "mediaType");
    names.insert(LastPushedRole, "lastPushed");
    names.insert(SizeRole, "size");
    names.insert(PlatformsRole, "platforms");
    names.insert(PlatformCountRole, "platformCount");
    names.insert(DetailsLoadedRole, "detailsLoaded");
    names.insert(DetailsFailedRole, "detailsFailed");
    names.insert(AliasesRole, "aliases");
    names.insert(AliasCountRole, "aliasCount");
    names.insert(SemverKeyRole, "semverKey");
    return names;
}

bool TagListModel::canFetchMore(const QModelIndex &) const
{
    return false; // every name streams in; nothing waits for a scroll
}

void TagListModel::fetchMore(const QModelIndex &) {}

} // namespace wharf
