#include "services/BrowseSession.h"

#include "hub/HubClient.h"
#include "registry/RegistryClient.h"

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
    m_shownDigest = {};
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
    if (tag.isEmpty() || tag == m_tag)
        return;
    m_tag = tag;
    m_image.reset();
    m_shownDigest = {};
    m_wantedPlatform.clear();
    retry();
}

void BrowseSession::retry()
{
    if (m_tag.isEmpty())
        return;
    if (m_image && m_shownDigest.isValid()) {
        setPlatform(m_wantedPlatform.isEmpty() ? platform() : m_wantedPlatform);
        return;
    }
    auto reference = m_repository.withTag(m_tag);
    if (!reference) {
        Q_EMIT resolveFailed(reference.error(), Scope::Tag);
        return;
    }
    resolve(*reference, QString(), Scope::Tag);
}

void BrowseSession::setPlatform(const QString &platform)
{
    m_wantedPlatform = platform;
    // Another platform of the image on show: by its digest, so the tag is not asked again.
    auto reference = m_repository.withTag(m_tag);
    if (reference && m_shownDigest.isValid())
        reference = reference->withDigest(m_shownDigest.toString());
    if (!reference) {
        Q_EMIT resolveFailed(reference.error(), Scope::Platform);
        return;
    }
    resolve(*reference, platform, Scope::Platform);
}

QString BrowseSession::platform() const
{
    return m_image && m_image->chosen.platform ? m_image->chosen.platform->toString() : QString();
}

void BrowseSession::resolve(const ImageReference &reference, const QString &platform, Scope scope)
{
    if (!m_client)
        return;
    std::optional<Platform> wanted;
    if (!platform.isEmpty()) {
        auto parsed = Platform::parse(platform);
        if (!parsed) {
            Q_EMIT resolveFailed(parsed.error(), scope);
            return;
        }
        wanted = *parsed;
    }
    auto *job = new ImageInspectJob(m_client, reference, wanted, this);
    Q_EMIT resolving(scope);
    m_resolve.start(job, this, [this, scope](ImageInspectJob *done) {
        if (done->error()) {
            Q_EMIT resolveFailed(*done->error(), scope);
            return;
        }
        m_image = done->result();
        m_shownDigest = m_image->index ? m_image->index->digest : m_image->chosen.digest;
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
    if (m_shownDigest.isValid())
        request.pinned = m_shownDigest; // what the person was shown, not what the tag says now
    return request;
}

void BrowseSession::resolveOther(const QString &tag, const QString &platform)
{
    auto reference = m_repository.withTag(tag);
    if (!reference) {
        Q_EMIT otherFailed(reference.error());
        return;
    }
    // The image shown under another platform: by the digest shown, like setPlatform().
    if (tag == m_tag && m_shownDigest.isValid())
        reference = reference->withDigest(m_shownDigest.toString());
    std::optional<Platform> wanted;
    if (!platform.isEmpty()) {
        auto parsed = Platform::parse(platform);
        if (!parsed) {
            Q_EMIT otherFailed(parsed.error());
            return;
        }
        wanted = *parsed;
    }
    if (!m_client || !reference)
        return;
    auto *job = new ImageInspectJob(m_client, *reference, wanted, this);
    m_other.start(job, this, [this](ImageInspectJob *done) {
        if (done->error())
            Q_EMIT otherFailed(*done->error());
        else
            Q_EMIT otherResolved(done->result());
    });
}

} // namespace wharf
