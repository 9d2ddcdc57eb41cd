#pragma once
// What a person is looking at, as one object the window's panes observe: the registry and
// repository, its Docker Hub details, the tag, the platform shown and the image resolved for them.
// A tag resolves once (ImageInspectJob: a HEAD, then the document cache or a GET), with this
// machine's platform shown by containerd's rules; another platform of it is resolved by the digest
// that was shown, never by the tag again, so every pane shows the same image even if the tag moves;
// and a pull asks for that digest (pullRequest()). Each question has one request in flight: a
// newer click cancels the older one (LatestRequest).
//
// An image of the local store opens from the store alone (openStored(), StoredImageJob): no
// request, so it works offline. Its repository's other stored images are then what a comparison
// looks at first (resolveOther()); only a tag or platform the store lacks is asked of the registry.
//
// An image in Docker or Podman opens from the engine (openEngine(), EngineImageJob): its export is
// read once, and its layers are known by diff ID with their listings already read (engineListings()).
// Another tag or platform, and the other side of a comparison, are the registry's.

#include "core/Error.h"
#include "core/LatestRequest.h"
#include "hub/HubTypes.h"
#include "pull/PullTypes.h"
#include "reference/ImageReference.h"
#include "layers/LayerEntry.h"
#include "registry/ImageInspectJob.h"
#include "services/EngineJobs.h"
#include "store/ImageStore.h"
#include "store/StoredImage.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace wharf {

class HubClient;
class RegistryClient;

class BrowseSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowseSession)
public:
    // What a resolution replaces: the whole tag (its platforms too), or only the platform shown.
    enum class Scope { Tag, Platform };
    Q_ENUM(Scope)

    // Neither is owned; without a Hub client there are no repository details.
    BrowseSession(RegistryClient *client, HubClient *hub, QObject *parent = nullptr);

    // A repository (any tag or digest in `repository` is dropped); forgets the tag and the image,
    // and asks Docker Hub for the repository's details when it lives there.
    void setRepository(const ImageReference &repository);
    [[nodiscard]] const ImageReference &repository() const { return m_repository; }
    void reloadDetails();

    // Resolves `tag` (unless it is the one already shown) with this machine's platform shown.
    // The tag of a stored image on show is resolved again, from the registry.
    void setTag(const QString &tag);
    [[nodiscard]] const QString &tag() const { return m_tag; }
    // Resolves the tag again, or the platform shown when the tag itself resolved.
    void retry();
    // Asks again what may have changed on the server (View → Refresh): the repository's details
    // and the tag on show, with the platform on show. The tag is asked with a HEAD; a manifest is
    // fetched only if the tag now names another digest (the document cache keeps the rest).
    void refresh();

    // Shows another platform of the image on show ("os/arch[/variant]").
    void setPlatform(const QString &platform);
    // The platform shown ("os/arch[/variant]"), empty before the tag has resolved.
    [[nodiscard]] QString platform() const;
    // The image shown, once resolved.
    [[nodiscard]] const std::optional<InspectedImage> &image() const { return m_image; }
    // What the tag resolved to when it was shown (its index, or its manifest); invalid before.
    [[nodiscard]] Digest shownDigest() const;

    // A pull of `platform` of the image on show: of the digest shown, named by the tag.
    [[nodiscard]] Result<PullRequest> pullRequest(const QString &platform) const;

    // Resolves another tag (or platform) of this repository, for a comparison with the image shown.
    // Beside a stored image, from the store when it has that image.
    void resolveOther(const QString &tag, const QString &platform);
    void cancelOther() { m_other.cancel(); }

    // Where openStored() reads from.
    void setStore(std::optional<ImageStore> store) { m_store = std::move(store); }
    // Shows `image` of the local store: its repository, its tag (or digest) and the image, read
    // from the store alone. Signals as for a tag: resolving(Tag), then resolved(Tag) or resolveFailed.
    void openStored(const StoredImage &image);
    // The image on show came from the local store.
    [[nodiscard]] bool isStored() const { return m_stored.has_value(); }
    // With a stored image on show: every stored image of its repository (it included).
    [[nodiscard]] const QList<InspectedImage> &storedImages() const { return m_storedImages; }

    // Shows `source`'s image, read from its engine. Signals as for a tag: resolving(Tag), then
    // resolved(Tag) or resolveFailed (a missing or refused image is one error).
    void openEngine(const EngineImageSource &source);
    // The image on show (or being opened) came from a container engine.
    [[nodiscard]] bool isFromEngine() const { return m_engine.has_value(); }
    [[nodiscard]] const std::optional<EngineImageSource> &engineSource() const { return m_engine; }
    // With an engine's image on show: its layers' listings, base first, keyed by diff ID.
    [[nodiscard]] const QList<LayerListing> &engineListings() const { return m_engineListings; }

Q_SIGNALS:
    void repositoryChanged();
    void detailsLoading();
    void detailsReady(const wharf::HubRepositoryDetails &details);
    void detailsUnavailable(); // not a Docker Hub repository
    void detailsFailed(const wharf::Error &error);

    void resolving(wharf::BrowseSession::Scope scope);
    void resolved(wharf::BrowseSession::Scope scope); // image() is the new image
    void resolveFailed(const wharf::Error &error, wharf::BrowseSession::Scope scope);

    // While an engine's image is read (openEngine()): its archive's bytes so far, at most every 100 ms.
    void engineReadProgress(qint64 bytesRead);

    void otherResolved(const wharf::InspectedImage &other);
    void otherFailed(const wharf::Error &error);

private:
    // Forgets a stored or engine image on show: what follows is the registry's.
    void forgetLocalImage();
    void resolve(const ImageReference &reference, const std::optional<Platform> &platform, Scope scope);
    // `tag` of this repository; the tag on show by the digest that was shown.
    [[nodiscard]] Result<ImageReference> referenceFor(const QString &tag) const;
    // "os/arch[/variant]", or none for an empty string (this machine's, by containerd's rules).
    [[nodiscard]] static Result<std::optional<Platform>> wantedPlatform(const QString &platform);

    QPointer<RegistryClient> m_client;
    QPointer<HubClient> m_hub;
    ImageReference m_repository;
    QString m_tag;
    std::optional<InspectedImage> m_image;
    QString m_wantedPlatform; // the platform last asked for (what a retry asks again)
    std::optional<ImageStore> m_store;
    std::optional<StoredImage> m_stored; // the stored image on show (or being opened)
    QList<InspectedImage> m_storedImages;
    std::optional<EngineImageSource> m_engine; // the engine's image on show (or being opened)
    QList<LayerListing> m_engineListings;
    LatestRequest m_details;
    LatestRequest m_resolve;
    LatestRequest m_other;
};

} // namespace wharf
