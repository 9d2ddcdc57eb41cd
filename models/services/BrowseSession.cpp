#include "services/BrowseSession.h"

#include "hub/HubClient.h"
#include "registry/RegistryClient.h"
#include "services/StoredImageJob.h"

#include <QTimer>

namespace wharf {

BrowseSession::BrowseSession(RegistryClient *client, HubClient *hub, QObject *parent)
    : QObject(parent), m_client(client), m_hub(hub)
{
}

void BrowseSession::setRepository(const ImageReference &repository)
{
    m_repository = repository.repository();
    m_tag.clear();
    m_image.reset();
    forgetLocalImage();
    m_resolve.cancel();
    m_other.cancel();
    Q_EMIT repositoryChanged();
    reloadDetails();
}

void BrowseSession::reloadDetails()
{
    m_details.cancel();
    if (!m_repository.isValid())
        return;
    if (m_repository.domain() != QLatin1StringView("docker.io") || !m_hub) {
        Q_EMIT detailsUnavailable();
        return;
    }
    const QString path = m_repository.path();
    const qsizetype slash = path.lastIndexOf(u'/');
    HubRequest *request = m_hub->repository(slash < 0 ? QStringLiteral("library") : path.left(slash), path.mid(slash + 1));
    Q_EMIT detailsLoading();
    m_details.start(request, this, [this](HubRequest *done) {
        if (done->error()) {
            Q_EMIT detailsFailed(*done->error());
            return;
        }
        auto details = hub::parseRepository(done->json());
        if (details)
            Q_EMIT detailsReady(*details);
        else
            Q_EMIT detailsFailed(details.error());
    });
}

void BrowseSession::setTag(const QString &tag)
{
    if (tag.isEmpty() || (tag == m_tag && !m_stored && !m_engine))
        return;
    m_tag = tag;
    m_image.reset();
    forgetLocalImage();
    m_wantedPlatform.clear();
    retry();
}

void BrowseSession::retry()
{
    if (m_stored) {
        openStored(*m_stored);
        return;
    }
    if (m_engine) {
        openEngine(*m_engine);
        return;
    }
    if (m_tag.isEmpty())
        return;
    if (m_image) {
        setPlatform(m_wantedPlatform.isEmpty() ? platform() : m_wantedPlatform);
        return;
    }
    auto reference = m_repository.withTag(m_tag);
    if (!reference) {
        Q_EMIT resolveFailed(reference.error(), Scope::Tag);
        return;
    }
    resolve(*reference, std::nullopt, Scope::Tag);
}

void BrowseSession::refresh()
{
    if (!m_repository.isValid())
        return;
    reloadDetails();
    if (m_engine) {
        openEngine(*m_engine); // what the engine holds now
        return;
    }
    if (m_tag.isEmpty())
        return;
    // By the tag, not by the digest shown (that is what may have moved), keeping the platform.
    const QString shown = platform();
    m_wantedPlatform = shown.isEmpty() ? m_wantedPlatform : shown;
    m_image.reset();
    const auto reference = m_repository.withTag(m_tag);
    const auto wanted = wantedPlatform(m_wantedPlatform);
    if (!reference || !wanted) {
        Q_EMIT resolveFailed(!reference ? reference.error() : wanted.error(), Scope::Tag);
        return;
    }
    resolve(*reference, *wanted, Scope::Tag);
}

Digest BrowseSession::shownDigest() const
{
    if (!m_image)
        return {};
    return m_image->index ? m_image->index->digest : m_image->chosen.digest;
}

Result<ImageReference> BrowseSession::referenceFor(const QString &tag) const
{
    auto reference = m_repository.withTag(tag);
    // Another platform of the image on show: by its digest, so the tag is not asked again and
    // every pane keeps showing the same image even if the tag has moved.
    if (reference && tag == m_tag && m_image && !m_stored && !m_engine)
        return reference->withDigest(shownDigest().toString());
    return reference;
}

Result<std::optional<Platform>> BrowseSession::wantedPlatform(const QString &platform)
{
    if (platform.isEmpty())
        return std::optional<Platform>();
    auto parsed = Platform::parse(platform);
    if (!parsed)
        return wharf::unexpected(parsed.error());
    return std::optional<Platform>(*parsed);
}

void BrowseSession::setPlatform(const QString &platform)
{
    if ((m_stored || m_engine) && platform != this->platform()) {
        // Another platform of a stored image: the store's, when it has it.
        if (const auto found = m_stored ? StoredImageJob::find(m_storedImages, m_tag, platform) : std::optional<InspectedImage>()) {
            StoredImage image = *m_stored;
            image.platform = found->chosen.platform.value_or(Platform());
            image.manifest = found->chosen;
            openStored(image);
            return;
        }
        // The registry's, then, by the tag: the store keeps no index to pin it by, and an engine
        // holds one platform of a name.
        forgetLocalImage();
        m_image.reset();
        m_wantedPlatform = platform;
        const auto reference = m_repository.withTag(m_tag);
        const auto wanted = wantedPlatform(platform);
        if (!reference || !wanted) {
            Q_EMIT resolveFailed(!reference ? reference.error() : wanted.error(), Scope::Tag);
            return;
        }
        resolve(*reference, *wanted, Scope::Tag);
        return;
    }
    m_wantedPlatform = platform;
    const auto reference = referenceFor(m_tag);
    const auto wanted = wantedPlatform(platform);
    if (!reference || !wanted) {
        Q_EMIT resolveFailed(!reference ? reference.error() : wanted.error(), Scope::Platform);
        return;
    }
    resolve(*reference, *wanted, Scope::Platform);
}

QString BrowseSession::platform() const
{
    return m_image && m_image->chosen.platform ? m_image->chosen.platform->toString() : QString();
}

void BrowseSession::resolve(const ImageReference &reference, const std::optional<Platform> &platform, Scope scope)
{
    if (!m_client)
        return;
    Q_EMIT resolving(scope);
    m_resolve.start(new ImageInspectJob(m_client, reference, platform, this), this, [this, scope](ImageInspectJob *done) {
        if (done->error()) {
            Q_EMIT resolveFailed(*done->error(), scope);
            return;
        }
        m_image = done->result();
        Q_EMIT resolved(scope);
    });
}

Result<PullRequest> BrowseSession::pullRequest(const QString &platform) const
{
    auto reference = m_repository.withTag(m_tag);
    if (!reference)
        return wharf::unexpected(reference.error());
    auto parsed = Platform::parse(platform);
    if (!parsed)
        return wharf::unexpected(parsed.error());
    PullRequest request;
    request.reference = *reference;
    request.platform = *parsed;
    if (m_image && !m_engine) // an engine's image ID names no registry document
        request.pinned = shownDigest(); // what the person was shown, not what the tag says now
    return request;
}

void BrowseSession::resolveOther(const QString &tag, const QString &platform)
{
    if (m_stored) {
        if (const auto found = StoredImageJob::find(m_storedImages, tag, platform, this->platform())) {
            m_other.cancel();
            // From the event loop, as a lookup would answer.
            QTimer::singleShot(0, this, [this, other = *found] { Q_EMIT otherResolved(other); });
            return;
        }
    }
    const auto reference = referenceFor(tag);
    const auto wanted = wantedPlatform(platform);
    if (!reference || !wanted) {
        Q_EMIT otherFailed(!reference ? reference.error() : wanted.error());
        return;
    }
    if (!m_client)
        return;
    m_other.start(new ImageInspectJob(m_client, *reference, *wanted, this), this, [this, tag](ImageInspectJob *done) {
        if (done->error() && m_stored)
            Q_EMIT otherFailed(done->error()->withContext(
                tr("%1 is not in the local store, and the registry was asked for it").arg(m_repository.familiarName() + u':' + tag)));
        else if (done->error())
            Q_EMIT otherFailed(*done->error());
        else
            Q_EMIT otherResolved(done->result());
    });
}

void BrowseSession::openStored(const StoredImage &asked)
{
    const StoredImage image = asked; // a copy: `asked` may be m_stored itself (retry()), reset below
    if (!m_store) {
        Q_EMIT resolveFailed(Error(Error::Code::NotFound, tr("There is no local store to open %1 from.").arg(image.reference)),
                             Scope::Tag);
        return;
    }
    auto reference = ImageReference::parseDockerRef(image.reference);
    if (!reference) {
        Q_EMIT resolveFailed(reference.error(), Scope::Tag);
        return;
    }
    if (reference->repository().toString() != m_repository.toString()) {
        setRepository(*reference);
    }
    m_tag = StoredImageJob::tagOf(*reference);
    m_wantedPlatform = image.platform.toString();
    m_image.reset();
    forgetLocalImage();
    m_stored = image;
    m_other.cancel();
    Q_EMIT resolving(Scope::Tag);
    m_resolve.start(new StoredImageJob(*m_store, image, this), this, [this](StoredImageJob *done) {
        if (done->error()) {
            Q_EMIT resolveFailed(*done->error(), Scope::Tag);
            return;
        }
        m_image = done->result();
        m_storedImages = done->repositoryImages();
        Q_EMIT resolved(Scope::Tag);
    });
}

void BrowseSession::forgetLocalImage()
{
    m_stored.reset();
    m_storedImages.clear();
    m_engine.reset();
    m_engineListings.clear();
}

void BrowseSession::openEngine(const EngineImageSource &asked)
{
    const EngineImageSource source = asked; // a copy: `asked` may be m_engine itself (retry()), reset below
    // A tag names the repository (and what Compare asks the registry for); an untagged image has none.
    std::optional<ImageReference> reference;
    if (!source.name.startsWith(QLatin1StringView("sha256:")) && source.name != source.imageId) {
        if (auto parsed = ImageReference::parseDockerRef(source.name))
            reference = *parsed;
    }
    if (!reference)
        setRepository(ImageReference());
    else if (reference->repository().toString() != m_repository.toString())
        setRepository(*reference);
    const auto id = Digest::parse(source.name);
    m_tag = reference ? StoredImageJob::tagOf(*reference) : id ? id->shortForm() : source.name;
    m_wantedPlatform.clear();
    m_image.reset();
    forgetLocalImage();
    m_engine = source;
    m_other.cancel();
    Q_EMIT resolving(Scope::Tag);
    auto *job = new EngineImageJob(source, this);
    connect(job, &EngineImageJob::progress, this, &BrowseSession::engineReadProgress);
    m_resolve.start(job, this, [this](EngineImageJob *done) {
        if (done->error()) {
            Q_EMIT resolveFailed(*done->error(), Scope::Tag);
            return;
        }
        m_image = done->result();
        m_engineListings = done->listings();
        Q_EMIT resolved(Scope::Tag);
    });
}

} // namespace wharf
