#include "itemmodels/PlatformModel.h"

#include "itemmodels/ItemRoles.h"

#include "core/ContinueOnEventLoop.h"
#include "documents/DocumentParser.h"
#include "pull/PullPlanner.h"
#include "registry/ImageInspectJob.h"
#include "registry/ManifestJob.h"
#include "registry/RegistryClient.h"

#include <QFuture>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace wharf {

using namespace Qt::StringLiterals;

namespace {

// Child rows carry their section in the internal id; top-level rows carry 0.
constexpr quintptr kNoSection = 0;

quintptr idOf(PlatformModel::Section section)
{
    return quintptr(section) + 1;
}

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

PlatformModel::PlatformModel(QObject *parent) : QAbstractItemModel(parent) {}

PlatformModel::~PlatformModel()
{
    cancelJobs();
}

void PlatformModel::setRegistryClient(RegistryClient *client)
{
    m_client = client;
}

void PlatformModel::setStore(std::optional<ImageStore> store)
{
    m_store = std::move(store);
}

void PlatformModel::setImage(const InspectedImage &image)
{
    const FetchedManifest &topLevel = image.index ? *image.index : image.manifest;
    replace(topLevel, image.reference.toString(), image.index ? image.platforms : QList<Descriptor>{image.chosen}, image.attestations,
            image.index.has_value(), &image.imageManifest, image.chosen.digest);
}

void PlatformModel::clear()
{
    replace(FetchedManifest(), QString(), {}, {}, false);
}

void PlatformModel::replace(const FetchedManifest &topLevel, QString reference, QList<Descriptor> platforms, QList<Descriptor> attestations,
                            bool isIndex, const ImageManifest *known, const Digest &knownDigest)
{
    cancelJobs(); // also retires every answer still on its way for the previous image
    beginResetModel();
    m_reference = std::move(reference);
    m_registry = topLevel.registry;
    m_repository = topLevel.repository;
    m_indexDigest = isIndex ? topLevel.digest.toString() : QString();
    m_platforms.clear();
    m_platforms.reserve(platforms.size());
    m_shownRow = -1;
    for (Descriptor &descriptor : platforms) {
        PlatformRow row{std::move(descriptor)};
        if (known && row.descriptor.digest == knownDigest) {
            row.manifest = *known;
            m_shownRow = int(m_platforms.size());
        }
        m_platforms.append(std::move(row));
    }
    m_attestations = std::move(attestations);
    endResetModel();
    Q_EMIT imageChanged();
}

void PlatformModel::cancelJobs()
{
    // First, so the cancelled jobs' answers are recognised as stale and dropped.
    ++m_generation;
    for (PlatformRow &row : m_platforms)
        if (row.job)
            row.job->cancel();
}

QModelIndex PlatformModel::sectionIndex(Section section, int column) const
{
    return index(int(section), column);
}

QModelIndex PlatformModel::platformIndex(int row, int column) const
{
    return index(row, column, sectionIndex(PlatformsSection));
}

QModelIndex PlatformModel::attestationIndex(int row, int column) const
{
    return index(row, column, sectionIndex(AttestationsSection));
}

void PlatformModel::requestPullCost(int row)
{
    if (row < 0 || row >= m_platforms.size())
        return;
    PlatformRow &platform = m_platforms[row];
    if (platform.manifest && platform.manifest->isSchema1()) {
        setCostFailed(row, schema1CostText());
        return;
    }
    if (platform.manifest) {
        countPresentLayers(row);
        return;
    }
    if (platform.job)
        return; // already being fetched; its answer will count the layers
    if (!m_client) {
        setCostFailed(row, tr("The manifest of this platform is not known, and there is no registry to ask."));
        return;
    }
    platform.costState = PullCostState::Resolving;
    emitRowChanged(row);
    ManifestJob *job = m_client->fetchManifest(m_registry, m_repository, platform.descriptor.digest.toString());
    platform.job = job;
    connect(job, &Job::finished, this, [this, job, row, generation = m_generation] {
        if (generation != m_generation || row >= m_platforms.size())
            return;
        PlatformRow &platform = m_platforms[row];
        platform.job.clear();
        if (job->error()) {
            setCostFailed(row, job->error()->message());
            return;
        }
        // The index said what this digest is: read it as that, whatever the registry labelled it.
        auto document = parseManifest(job->result().bytes, platform.descriptor);
        const ImageManifest *manifest = document ? std::get_if<ImageManifest>(&*document) : nullptr;
        if (document && std::holds_alternative<Schema1Manifest>(*document)) {
            setCostFailed(row, schema1CostText());
            return;
        }
        if (!manifest) {
            setCostFailed(row,
                          document ? tr("This platform's manifest is a nested index, which Wharf does not pull.")
                                   : document.error().message());
            return;
        }
        platform.manifest = *manifest;
        countPresentLayers(row);
    });
    job->start();
}

void PlatformModel::refreshPullCosts()
{
    for (int row = 0; row < m_platforms.size(); ++row)
        if (m_platforms.at(row).costState != PullCostState::Unknown)
            requestPullCost(row);
}

void PlatformModel::countPresentLayers(int row)
{
    PlatformRow &platform = m_platforms[row];
    platform.costState = PullCostState::Resolving;
    const quint64 ticket = ++platform.costTicket;
    emitRowChanged(row);
    // hasBlob() stats files: never on the GUI thread.
    // The pull's own planner, so this figure is what the pull will fetch (resumable bytes too).
    // Layers a listing already downloaded are not fetched again either (LayerBlobCache).
    std::shared_ptr<LayerBlobCache> blobs = m_client ? m_client->settings().layerBlobs : nullptr;
    auto counted = QtConcurrent::run([store = m_store, manifest = *platform.manifest, blobs] {
        PullCost cost;
        if (!store) {
            for (const Descriptor &layer : manifest.layers)
                cost.bytesToFetch += std::max<qint64>(0, layer.size);
            return cost;
        }
        const PullPlan plan = planPull(*store, manifest.config, manifest.layers, blobs.get());
        cost.bytesToFetch = plan.bytesToFetch;
        cost.layersPresent = plan.layersPresent();
        cost.layersDownloaded = plan.layersCached();
        return cost;
    });
    continueOnEventLoop(counted, this, [this, row, ticket, generation = m_generation](const PullCost &cost) {
        if (generation != m_generation || row >= m_platforms.size() || m_platforms.at(row).costTicket != ticket)
            return;
        PlatformRow &platform = m_platforms[row];
        platform.costState = PullCostState::Known;
        platform.bytesToFetch = cost.bytesToFetch;
        platform.layersPresent = cost.layersPresent;
        platform.layersDownloaded = cost.layersDownloaded;
        platform.costError.clear();
        emitRowChanged(row);
        Q_EMIT pullCostChanged(row);
    });
}

QString PlatformModel::schema1CostText()
{
    return tr("This image is in Docker’s deprecated schema 1 format, which Wharf shows but does not pull.");
}

void PlatformModel::setCostFailed(int row, const QString &message)
{
    PlatformRow &platform = m_platforms[row];
    platform.costState = PullCostState::Failed;
    platform.costError = message;
    emitRowChanged(row);
    Q_EMIT pullCostChanged(row);
}

void PlatformModel::emitRowChanged(int row)
{
    // Size and cost change together once the manifest is known; name, version and digest never do.
    Q_EMIT dataChanged(platformIndex(row, SizeColumn), platformIndex(row, PullCostColumn));
}

QModelIndex PlatformModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kNoSection);
    return createIndex(row, column, idOf(Section(parent.row())));
}

QModelIndex PlatformModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kNoSection)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kNoSection);
}

int PlatformModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 2;
    if (parent.internalId() != kNoSection || parent.column() != 0)
        return 0;
    return parent.row() == PlatformsSection ? int(m_platforms.size()) : int(m_attestations.size());
}

int PlatformModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags PlatformModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    if (index.internalId() == kNoSection)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant PlatformModel::data(const QModelIndex &index, int role) const
{
    if (role == ItemRole::CopyText)
        role = DigestRole;
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kNoSection) {
        const auto section = Section(index.row());
        switch (role) {
        case KindRole:
            return QVariant::fromValue(RowKind::Section);
        case SectionRole:
            return section;
        case Qt::DisplayRole:
        case RawValueRole:
            if (index.column() != NameColumn)
                return {};
            return section == PlatformsSection ? tr("Platforms") : tr("Attestations");
        default:
            return {};
        }
    }
    const auto section = Section(index.internalId() - 1);
    if (role == SectionRole)
        return section;
    if (section == PlatformsSection)
        return platformData(m_platforms.at(index.row()), index.column(), role);
    return attestationData(m_attestations.at(index.row()), index.column(), role);
}

QVariant PlatformModel::platformData(const PlatformRow &row, int column, int role) const
{
    const Descriptor &d = row.descriptor;
    const Platform platform = d.platform.value_or(Platform());
    const bool costKnown = row.costState == PullCostState::Known;
    const qint64 layerBytes = row.manifest ? row.manifest->totalLayerSize() : -1;
    const QVariant compressed = layerBytes >= 0 ? QVariant(layerBytes) : QVariant(); // unknown for schema 1
    switch (role) {
    case KindRole:
        return QVariant::fromValue(RowKind::Platform);
    case OsRole:
        return platform.os;
    case ArchitectureRole:
        return platform.architecture;
    case VariantRole:
        return platform.variant;
    case OsVersionRole:
        return platform.osVersion;
    case PlatformRole:
        return platform.isEmpty() ? QString() : platform.toString();
    case DigestRole:
        return d.digest.toString();
    case MediaTypeRole:
        return d.mediaType;
    case ManifestSizeRole:
        return d.size;
    case CompressedSizeRole:
        return compressed;
    case LayerCountRole:
        return row.manifest ? QVariant(int(row.manifest->layers.size())) : QVariant();
    case PullCostStateRole:
        return QVariant::fromValue(row.costState);
    case BytesToFetchRole:
        return costKnown ? QVariant(row.bytesToFetch) : QVariant();
    case LayersPresentRole:
        return costKnown ? QVariant(row.layersPresent) : QVariant();
    case LayersTotalRole:
        return costKnown ? QVariant(int(row.manifest->layers.size())) : QVariant();
    case PullCostErrorRole:
        return row.costError;
    case PullCostTextRole:
        return pullCostText(row);
    case RawValueRole:
        switch (column) {
        case NameColumn:
            return platform.isEmpty() ? QString() : platform.toString();
        case OsVersionColumn:
            return platform.osVersion;
        case DigestColumn:
            return d.digest.toString();
        case SizeColumn:
            return compressed;
        case PullCostColumn:
            return costKnown ? QVariant(row.bytesToFetch) : QVariant();
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return platform.isEmpty() ? tr("unknown platform") : platform.toString();
        case OsVersionColumn:
            return platform.osVersion;
        case DigestColumn:
            return d.digest.toString();
        case SizeColumn:
            if (!row.manifest)
                return QString();
            //: the compressed size of a platform's layers, which a Docker schema 1 manifest does not record
            return row.manifest->totalLayerSize() < 0 ? tr("unknown") : formatSize(row.manifest->totalLayerSize());
        case PullCostColumn:
            return pullCostShortText(row);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column != PullCostColumn)
            return QString();
        return row.costState == PullCostState::Failed ? row.costError : pullCostText(row);
    default:
        return {};
    }
}

QVariant PlatformModel::attestationData(const Descriptor &d, int column, int role) const
{
    const Digest attested = d.attestedDigest();
    switch (role) {
    case KindRole:
        return QVariant::fromValue(RowKind::Attestation);
    case DigestRole:
        return d.digest.toString();
    case MediaTypeRole:
        return d.mediaType;
    case ManifestSizeRole:
        return d.size;
    case AttestedDigestRole:
        return attested.isValid() ? attested.toString() : QString();
    case AttestedPlatformRole:
        return attestedPlatform(d);
    case RawValueRole:
        switch (column) {
        case NameColumn:
            return attested.isValid() ? attested.toString() : QString();
        case DigestColumn:
            return d.digest.toString();
        case SizeColumn:
            return d.size;
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn: {
            const QString platform = attestedPlatform(d);
            if (!platform.isEmpty())
                return tr("Attestation for %1").arg(platform);
            return attested.isValid() ? tr("Attestation for %1").arg(attested.shortForm()) : tr("Attestation");
        }
        case DigestColumn:
            return d.digest.toString();
        case SizeColumn:
            return formatSize(d.size);
        default:
            return {};
        }
    default:
        return {};
    }
}

QString PlatformModel::pullCostShortText(const PlatformRow &row) const
{
    switch (row.costState) {
    case PullCostState::Unknown:
        return {};
    case PullCostState::Resolving:
        return QStringLiteral("…");
    case PullCostState::Failed:
        //: the pull size in the Platforms table when it could not be worked out
        return tr("unknown");
    case PullCostState::Known:
        break;
    }
    //: the pull size in the Platforms table when every layer is in the store
    return row.bytesToFetch == 0 ? tr("nothing") : formatSize(row.bytesToFetch);
}

QString PlatformModel::pullCostText(const PlatformRow &row) const
{
    switch (row.costState) {
    case PullCostState::Unknown:
        return {};
    case PullCostState::Resolving:
        return tr("Working out what a pull would fetch…");
    case PullCostState::Failed:
        return tr("Pull size unknown");
    case PullCostState::Known:
        break;
    }
    const int total = int(row.manifest->layers.size());
    if (row.layersDownloaded > 0) {
        // Layers whose files were listed earlier were downloaded then: the pull copies them in.
        if (row.bytesToFetch == 0)
            //: %1 and %2 are numbers of layers
            return tr("Nothing to fetch: %1 of %2 layers already here, the others downloaded when their files were listed")
                .arg(row.layersPresent)
                .arg(total);
        //: %1 is a size (12.3 MB), %2, %3 and %4 numbers of layers
        return tr("%1 to fetch, %2 of %3 layers already here, %4 downloaded when their files were listed")
            .arg(formatSize(row.bytesToFetch))
            .arg(row.layersPresent)
            .arg(total)
            .arg(row.layersDownloaded);
    }
    if (row.bytesToFetch == 0)
        //: %1 is a number of layers
        return tr("Nothing to fetch: all %1 layers are already here").arg(total);
    //: %1 is a size (12.3 MB), %2 and %3 numbers of layers
    return tr("%1 to fetch, %2 of %3 layers already here").arg(formatSize(row.bytesToFetch)).arg(row.layersPresent).arg(total);
}

QString PlatformModel::attestedPlatform(const Descriptor &attestation) const
{
    const Digest attested = attestation.attestedDigest();
    if (!attested.isValid())
        return {};
    for (const PlatformRow &row : m_platforms)
        if (row.descriptor.digest == attested && row.descriptor.platform)
            return row.descriptor.platform->toString();
    return {};
}

QVariant PlatformModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Platform");
    case OsVersionColumn:
        return tr("OS version");
    case DigestColumn:
        return tr("Digest");
    case SizeColumn:
        return tr("Size");
    case PullCostColumn:
        //: column header: the bytes a pull of the platform would download
        return tr("To fetch");
    default:
        return {};
    }
}

QHash<int, QByteArray> PlatformModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert({
        {KindRole, "kind"},
        {SectionRole, "section"},
        {RawValueRole, "rawValue"},
        {OsRole, "os"},
        {ArchitectureRole, "architecture"},
        {VariantRole, "variant"},
        {OsVersionRole, "osVersion"},
        {PlatformRole, "platform"},
        {DigestRole, "digest"},
        {MediaTypeRole, "mediaType"},
        {ManifestSizeRole, "manifestSize"},
        {CompressedSizeRole, "compressedSize"},
        {LayerCountRole, "layerCount"},
        {AttestedDigestRole, "attestedDigest"},
        {AttestedPlatformRole, "attestedPlatform"},
        {PullCostStateRole, "pullCostState"},
        {BytesToFetchRole, "bytesToFetch"},
        {LayersPresentRole, "layersPresent"},
        {LayersTotalRole, "layersTotal"},
        {PullCostErrorRole, "pullCostError"},
        {PullCostTextRole, "pullCostText"},
    });
    return names;
}

} // namespace wharf
