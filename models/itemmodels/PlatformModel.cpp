#include "itemmodels/PlatformModel.h"

#include "itemmodels/ItemRoles.h"

#include "core/ContinueOnEventLoop.h"
#include "documents/DocumentParser.h"
#include "pull/PullPlanner.h"
#include "registry/ImageInspectJob.h"
#include "registry/ManifestJob.h"
#include "registry/DocumentCache.h"
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

// What interrupted pulls left in the store's ingest area for this plan: resumed, not fetched again.
qint64 resumedBytes(const PullPlan &plan)
{
    qint64 bytes = 0;
    for (const PullBlob &blob : plan.blobs)
        bytes += blob.state == PullBlob::State::Present ? 0 : blob.resumedFrom;
    return bytes;
}

// The image manifest `descriptor` names, when reading it costs no request: from the documents the
// client fetched before, else from the store (a platform pulled earlier). Off the GUI thread.
std::optional<ImageManifest> manifestWithoutRequest(const Descriptor &descriptor, DocumentCache *cache,
                                                    const std::optional<ImageStore> &store)
{
    if (cache) {
        if (const auto document = cache->find(descriptor.digest)) {
            const auto parsed = parseManifest(document->bytes, descriptor);
            if (parsed && std::holds_alternative<ImageManifest>(*parsed))
                return std::get<ImageManifest>(*parsed);
        }
    }
    if (store && store->hasBlob(descriptor.digest, descriptor.size)) {
        if (auto manifest = store->readImageManifest(descriptor))
            return *manifest;
    }
    return std::nullopt;
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
    m_sizeHints.clear();
    endResetModel();
    Q_EMIT imageChanged();
    if (!m_platforms.isEmpty())
        sizeKnownPlatforms();
}

void PlatformModel::setSizeHints(const QHash<QString, qint64> &sizes)
{
    if (sizes == m_sizeHints)
        return;
    m_sizeHints = sizes;
    for (int row = 0; row < m_platforms.size(); ++row)
        emitRowChanged(row);
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
    // Every platform, not only those asked about: a pull (or a cancelled one) changes what the
    // store holds for its siblings too, and leaves the pulled platform's manifest in the store.
    sizeKnownPlatforms();
}

void PlatformModel::sizeKnownPlatforms()
{
    struct Input
    {
        int row;
        Descriptor descriptor;
        std::optional<ImageManifest> manifest;
    };
    QList<Input> inputs;
    for (int row = 0; row < m_platforms.size(); ++row) {
        const PlatformRow &platform = m_platforms.at(row);
        if (platform.manifest && platform.manifest->isSchema1())
            continue;
        inputs.append({row, platform.descriptor, platform.manifest});
    }
    const quint64 ticket = ++m_sizingTicket;
    std::shared_ptr<DocumentCache> documents = m_client ? m_client->settings().documents : nullptr;
    std::shared_ptr<LayerBlobCache> blobs = m_client ? m_client->settings().layerBlobs : nullptr;
    // Reads files (cached documents, the store's blobs and index): never on the GUI thread.
    auto sized = QtConcurrent::run([inputs, store = m_store, documents, blobs, reference = m_reference] {
        QList<StoredImage> stored;
        if (store) {
            if (auto images = store->images())
                stored = *images;
        }
        QList<Sizing> results;
        for (const Input &input : inputs) {
            Sizing sizing;
            sizing.row = input.row;
            std::optional<ImageManifest> manifest = input.manifest;
            if (!manifest) {
                manifest = manifestWithoutRequest(input.descriptor, documents.get(), store);
                if (manifest && manifest->isSchema1())
                    manifest.reset();
                sizing.manifest = manifest;
            }
            if (manifest) {
                PullCost cost;
                if (store) {
                    const PullPlan plan = planPull(*store, manifest->config, manifest->layers, blobs.get());
                    cost.bytesToFetch = plan.bytesToFetch;
                    cost.layersPresent = plan.layersPresent();
                    cost.layersDownloaded = plan.layersCached();
                    cost.bytesResumed = resumedBytes(plan);
                    cost.pulled = std::any_of(stored.cbegin(), stored.cend(), [&](const StoredImage &image) {
                        return image.manifest.digest == input.descriptor.digest && image.reference == reference;
                    });
                } else {
                    for (const Descriptor &layer : manifest->layers)
                        cost.bytesToFetch += std::max<qint64>(0, layer.size);
                }
                sizing.cost = cost;
            }
            results.append(std::move(sizing));
        }
        return results;
    });
    continueOnEventLoop(sized, this, [this, ticket, generation = m_generation](const QList<Sizing> &results) {
        if (generation != m_generation || ticket != m_sizingTicket)
            return;
        applySizing(results);
    });
}

void PlatformModel::applySizing(const QList<Sizing> &results)
{
    for (const Sizing &sizing : results) {
        if (sizing.row >= m_platforms.size())
            continue;
        PlatformRow &platform = m_platforms[sizing.row];
        if (!platform.manifest && sizing.manifest)
            platform.manifest = sizing.manifest;
        // A fetch or a count for this row is on its way and will tell its own result.
        if (!sizing.cost || platform.job || platform.costState == PullCostState::Resolving)
            continue;
        ++platform.costTicket; // an older per-row count still running is now stale
        // A count that answered first said the same: no second signal for one cost.
        if (!setKnownCost(platform, *sizing.cost))
            continue;
        emitRowChanged(sizing.row);
        Q_EMIT pullCostChanged(sizing.row);
    }
}

bool PlatformModel::setKnownCost(PlatformRow &platform, const PullCost &cost)
{
    const bool changed = platform.costState != PullCostState::Known || platform.bytesToFetch != cost.bytesToFetch
                         || platform.layersPresent != cost.layersPresent || platform.layersDownloaded != cost.layersDownloaded
                         || platform.pulled != cost.pulled || platform.bytesResumed != cost.bytesResumed;
    platform.costState = PullCostState::Known;
    platform.bytesToFetch = cost.bytesToFetch;
    platform.layersPresent = cost.layersPresent;
    platform.layersDownloaded = cost.layersDownloaded;
    platform.pulled = cost.pulled;
    platform.bytesResumed = cost.bytesResumed;
    platform.costError.clear();
    return changed;
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
    auto counted = QtConcurrent::run([store = m_store, manifest = *platform.manifest, blobs, digest = platform.descriptor.digest,
                                      reference = m_reference] {
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
        cost.bytesResumed = resumedBytes(plan);
        if (const auto images = store->images())
            cost.pulled = std::any_of(images->cbegin(), images->cend(), [&](const StoredImage &image) {
                return image.manifest.digest == digest && image.reference == reference;
            });
        return cost;
    });
    continueOnEventLoop(counted, this, [this, row, ticket, generation = m_generation](const PullCost &cost) {
        if (generation != m_generation || row >= m_platforms.size() || m_platforms.at(row).costTicket != ticket)
            return;
        setKnownCost(m_platforms[row], cost);
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
    const qint64 hint = m_sizeHints.value(d.digest.toString(), -1);
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
    case SizeHintRole:
        return hint >= 0 ? QVariant(hint) : QVariant();
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
    case PulledRole:
        return costKnown && row.pulled;
    case RawValueRole:
        switch (column) {
        case NameColumn:
            return platform.isEmpty() ? QString() : platform.toString();
        case OsVersionColumn:
            return platform.osVersion;
        case DigestColumn:
            return d.digest.toString();
        case SizeColumn:
            return compressed.isValid() ? compressed : (hint >= 0 ? QVariant(hint) : QVariant());
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
                //: the size of a platform image not known yet (its manifest has not been fetched)
                return hint >= 0 ? formatSize(hint) : tr("—");
            //: the compressed size of a platform's layers, which a Docker schema 1 manifest does not record
            return row.manifest->totalLayerSize() < 0 ? tr("unknown") : formatSize(row.manifest->totalLayerSize());
        case PullCostColumn:
            return pullCostShortText(row);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case NameColumn:
        case DigestColumn:
            //: %1 is a platform manifest's digest, %2 the manifest document's own size
            return tr("Manifest %1 (%2)").arg(d.digest.toString(), formatSize(d.size));
        case SizeColumn:
            if (row.manifest && layerBytes >= 0)
                //: %1 is a size, %n the number of layers
                return tr("%1 compressed, in %n layer(s)", nullptr, int(row.manifest->layers.size())).arg(formatSize(layerBytes));
            if (hint >= 0)
                return tr("The image’s size as Docker Hub reports it. Select the platform to read its manifest (one request).");
            return tr("Not known until this platform’s manifest is read: select the platform (one manifest request).");
        case PullCostColumn:
            if (row.costState == PullCostState::Failed)
                return row.costError;
            if (row.costState == PullCostState::Unknown)
                return tr("Select the platform to count what a pull would fetch: its manifest costs one request, which "
                          "Docker Hub counts against the pull limit.");
            return pullCostText(row);
        default:
            return QString();
        }
    default:
        return {};
    }
}

QVariant PlatformModel::attestationData(const Descriptor &d, int column, int role) const
{
    const Digest attested = d.attestedDigest();
    const QString platform = attestedPlatform(d);
    //: what a build attestation manifest (buildkit) carries: SLSA provenance and, when asked for, an SBOM
    const QString kind = tr("Provenance/SBOM");
    const QString subject = !platform.isEmpty() ? platform : attested.isValid() ? attested.shortForm() : QString();
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
        return platform;
    case AttestationKindRole:
        return kind;
    case RawValueRole:
        switch (column) {
        case NameColumn:
            return attested.isValid() ? attested.toString() : QString();
        case DigestColumn:
            return d.digest.toString();
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            //: an attestation row: "Provenance/SBOM for linux/amd64"
            return subject.isEmpty() ? kind : tr("%1 for %2").arg(kind, subject);
        case DigestColumn:
            return d.digest.toString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column != NameColumn && column != DigestColumn)
            return {};
        //: %1 is a platform (linux/amd64) or a digest, %2 a manifest digest, %3 its size
        return tr("How %1 was built, as its builder attests (SLSA provenance, and an SBOM when the build made one), "
                  "signed into the attestation manifest %2 (%3). Wharf lists it; it does not pull it.")
            .arg(subject.isEmpty() ? tr("the image") : subject, d.digest.toString(), formatSize(d.size));
    default:
        return {};
    }
}

QString PlatformModel::pullCostShortText(const PlatformRow &row) const
{
    switch (row.costState) {
    case PullCostState::Unknown: {
        const qint64 hint = m_sizeHints.value(row.descriptor.digest.toString(), -1);
        if (hint >= 0)
            //: the pull size in the Platforms table before the manifest is read: at most the image's size
            return tr("≤ %1").arg(formatSize(hint));
        //: the pull size in the Platforms table before the manifest is read
        return tr("select to count");
    }
    case PullCostState::Resolving:
        return QStringLiteral("…");
    case PullCostState::Failed:
        //: the pull size in the Platforms table when it could not be worked out
        return tr("unknown");
    case PullCostState::Known:
        break;
    }
    if (row.pulled)
        //: the pull size in the Platforms table when this very image is in the store
        return tr("pulled ✓");
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
    if (row.pulled)
        //: %n is a number of layers
        return tr("Nothing to fetch: pulled, this image and its %n layer(s) are in the local store", nullptr, total);
    if (row.layersDownloaded > 0) {
        // Layers whose files were listed earlier were downloaded then: the pull copies them in.
        if (row.bytesToFetch == 0)
            //: %1 and %2 are numbers of layers
            return tr("Nothing to fetch: %1 of %n layer(s) already here, the others downloaded when their files were listed", nullptr,
                      total)
                .arg(row.layersPresent);
        //: %1 is a size (12.3 MB), %2, %n and %3 numbers of layers
        return tr("%1 to fetch, %2 of %n layer(s) already here, %3 downloaded when their files were listed", nullptr, total)
            .arg(formatSize(row.bytesToFetch))
            .arg(row.layersPresent)
            .arg(row.layersDownloaded);
    }
    if (row.bytesToFetch == 0)
        return tr("Nothing to fetch: the %n layer(s) are already here", nullptr, total);
    if (row.bytesResumed > 0)
        //: %1 is a size (12.3 MB), %2 and %n numbers of layers, %3 a size: what a stopped pull already downloaded
        return tr("%1 to fetch, %2 of %n layer(s) already here, %3 kept from a stopped pull", nullptr, total)
            .arg(formatSize(row.bytesToFetch))
            .arg(row.layersPresent)
            .arg(formatSize(row.bytesResumed));
    //: %1 is a size (12.3 MB), %2 and %n numbers of layers
    return tr("%1 to fetch, %2 of %n layer(s) already here", nullptr, total).arg(formatSize(row.bytesToFetch)).arg(row.layersPresent);
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
        //: column header: the platform image's compressed size (its layers)
        return tr("Image size");
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
        {PulledRole, "pulled"},
        {SizeHintRole, "sizeHint"},
        {AttestationKindRole, "attestationKind"},
    });
    return names;
}

} // namespace wharf
