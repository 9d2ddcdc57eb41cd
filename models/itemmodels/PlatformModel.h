#pragma once
// The Platforms pane's model: what one tag offers, as a two-level tree. Two top-level sections,
// "Platforms" (the runnable manifests, in index order) and "Attestations" (buildkit's attestation
// manifests, each naming the platform manifest it is about), so an attestation can never be picked
// as a platform. The index digest is a property of its own, not a row.
//
// Each platform row also previews what pulling it would cost against the local store. As soon as
// the image is set, every platform whose manifest costs no request — the one resolved with the
// tag, one fetched before (the client's DocumentCache, memory or disk), one already in the store —
// is sized and counted on a worker thread (which of its layers the store holds, whether the store
// has this very image: PulledRole). The others cost a manifest GET, which Docker Hub counts
// against the pull limit, so they are fetched only when asked (requestPullCost(), when the person
// selects the platform); until then their size is Docker Hub's figure when the window has one
// (setSizeHints(): the tag's Hub details, free) and the cost says "select to count", or "at most"
// that size. The Pull button reads BytesToFetchRole / LayersPresentRole / LayersTotalRole, or
// PullCostTextRole ("12.3 MB to fetch, 3 of 5 layers already here"); PullCostColumn shows the
// bytes alone, the sentence is its tooltip.

#include "documents/Descriptor.h"
#include "documents/ImageManifest.h"
#include "store/ImageStore.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include <optional>

namespace wharf {

class RegistryClient;
class ManifestJob;
struct FetchedManifest;
struct InspectedImage;

class PlatformModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlatformModel)
    Q_PROPERTY(QString indexDigest READ indexDigest NOTIFY imageChanged)
    Q_PROPERTY(QString reference READ reference NOTIFY imageChanged)
public:
    // The top-level rows, always both present (a section may have no children).
    enum Section {
        PlatformsSection = 0,
        AttestationsSection = 1
    };
    Q_ENUM(Section)

    enum Column {
        NameColumn, // section title / os/arch[/variant] / "Attestation for …"
        OsVersionColumn,
        DigestColumn, // the platform's (or attestation's) manifest digest
        SizeColumn, // platforms only: the image's compressed size (layers); never a manifest's size
        PullCostColumn, // platforms only: what a pull would fetch
        ColumnCount
    };
    Q_ENUM(Column)

    enum class RowKind {
        Section,
        Platform,
        Attestation
    };
    Q_ENUM(RowKind)

    enum class PullCostState {
        Unknown,
        Resolving,
        Known,
        Failed
    };
    Q_ENUM(PullCostState)

    enum Role {
        KindRole = Qt::UserRole + 1, // RowKind
        SectionRole, // Section, on every row
        RawValueRole, // the column's value unformatted, for sorting and copying
        OsRole,
        ArchitectureRole,
        VariantRole,
        OsVersionRole,
        PlatformRole, // "os/arch[/variant]" (containerd's format)
        DigestRole, // "sha256:…" of the platform or attestation manifest
        MediaTypeRole,
        ManifestSizeRole, // qint64: the manifest document's size
        CompressedSizeRole, // qint64 layer bytes; invalid until the manifest is known, and for schema 1
        LayerCountRole, // int; invalid until the manifest is known
        AttestedDigestRole, // attestations: the platform manifest it is about
        AttestedPlatformRole, // attestations: that manifest's platform, when it is in the index
        PullCostStateRole, // PullCostState
        BytesToFetchRole, // qint64; invalid until PullCostState::Known
        LayersPresentRole, // int; likewise
        LayersTotalRole, // int; likewise
        PullCostErrorRole, // message when PullCostState::Failed
        PullCostTextRole, // the cost as a sentence; empty while Unknown
        PulledRole, // bool: the store holds this reference for this platform, at this manifest
        SizeHintRole, // qint64: Docker Hub's size of the platform image; invalid when it gave none
        AttestationKindRole, // attestations: what it is said to attest ("Provenance/SBOM")
    };
    Q_ENUM(Role)

    explicit PlatformModel(QObject *parent = nullptr);
    ~PlatformModel() override;

    // Where pull costs come from. The client is not owned; without it only platforms whose
    // manifest is already known get a cost. Without a store, nothing counts as present.
    void setRegistryClient(RegistryClient *client);
    void setStore(std::optional<ImageStore> store);

    // Replace everything (a reset): the index's platforms and attestations, or the one manifest
    // of a single-platform image. The inspected platform's manifest is kept for its size and cost.
    void setImage(const InspectedImage &image);
    void clear();

    [[nodiscard]] QString indexDigest() const { return m_indexDigest; }
    [[nodiscard]] QString reference() const { return m_reference; }
    [[nodiscard]] int platformCount() const { return int(m_platforms.size()); }
    // The platform whose image was resolved with the tag (this machine's, by containerd's rules),
    // which the pane selects so that Enter and Pull work at once; -1 when none.
    [[nodiscard]] int shownPlatformRow() const { return m_shownRow; }
    [[nodiscard]] int attestationCount() const { return int(m_attestations.size()); }
    [[nodiscard]] QModelIndex sectionIndex(Section section, int column = 0) const;
    [[nodiscard]] QModelIndex platformIndex(int row, int column = 0) const;
    [[nodiscard]] QModelIndex attestationIndex(int row, int column = 0) const;

    // Resolves platform `row`'s cost; pullCostChanged(row) when it is known or has failed. Asking
    // again recounts against the store (after a pull), reusing the manifest already fetched.
    void requestPullCost(int row);
    // Recounts every platform against the store, e.g. after a pull, a cancelled one or a removal,
    // from the manifests known without a request (see above); pullCostChanged(row) for each cost
    // that changed.
    void refreshPullCosts();
    // Docker Hub's sizes of the platform images by manifest digest, shown until a manifest is known.
    void setSizeHints(const QHash<QString, qint64> &sizes);

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void imageChanged();
    void pullCostChanged(int row);

private:
    struct PlatformRow
    {
        Descriptor descriptor;
        std::optional<ImageManifest> manifest;
        PullCostState costState = PullCostState::Unknown;
        qint64 bytesToFetch = 0;
        int layersPresent = 0;
        int layersDownloaded = 0;
        bool pulled = false;
        qint64 bytesResumed = 0;
        QString costError;
        QPointer<ManifestJob> job;
        quint64 costTicket = 0; // the latest count asked for; older answers are dropped
    };
    struct PullCost
    {
        qint64 bytesToFetch = 0;
        int layersPresent = 0;
        int layersDownloaded = 0; // listed earlier (LayerBlobCache): copied in, not fetched
        bool pulled = false;
        qint64 bytesResumed = 0; // left by a stopped pull in the ingest area
    };
    // What the worker found for one platform: its manifest if it cost no request, and its cost.
    struct Sizing
    {
        int row = -1;
        std::optional<ImageManifest> manifest;
        std::optional<PullCost> cost;
    };

    // `known` is the manifest of the platform `knownDigest`, when it has already been fetched.
    void replace(const FetchedManifest &topLevel, QString reference, QList<Descriptor> platforms, QList<Descriptor> attestations,
                 bool isIndex, const ImageManifest *known = nullptr, const Digest &knownDigest = {});
    void cancelJobs();
    void countPresentLayers(int row);
    // `platform`'s cost is now `cost` (Known); whether any figure of it changed.
    static bool setKnownCost(PlatformRow &platform, const PullCost &cost);
    // Sizes and counts every platform from what needs no request (see the header), off the GUI thread.
    void sizeKnownPlatforms();
    void applySizing(const QList<Sizing> &results);
    void setCostFailed(int row, const QString &message);
    [[nodiscard]] static QString schema1CostText();
    void emitRowChanged(int row);
    [[nodiscard]] QVariant platformData(const PlatformRow &row, int column, int role) const;
    [[nodiscard]] QVariant attestationData(const Descriptor &descriptor, int column, int role) const;
    [[nodiscard]] QString pullCostText(const PlatformRow &row) const;
    [[nodiscard]] QString pullCostShortText(const PlatformRow &row) const;
    [[nodiscard]] QString attestedPlatform(const Descriptor &attestation) const;

    QPointer<RegistryClient> m_client;
    std::optional<ImageStore> m_store;
    QString m_reference;
    QString m_registry; // where platform manifests are fetched from
    QString m_repository;
    QString m_indexDigest;
    QList<PlatformRow> m_platforms;
    QList<Descriptor> m_attestations;
    // Bumped on every replacement, so answers about a previous image are dropped.
    quint64 m_generation = 0;
    int m_shownRow = -1;
    QHash<QString, qint64> m_sizeHints;
    quint64 m_sizingTicket = 0;
};

} // namespace wharf
