#include "services/TagSource.h"

#include "documents/DocumentParser.h"
#include "documents/ImageConfig.h"
#include "registry/BlobJob.h"
#include "registry/ManifestJob.h"
#include "registry/RegistryClient.h"

#include <limits>

namespace wharf {

namespace {

void addPlatform(QList<TagPlatform> &platforms, const Platform &platform, const QString &digest, qint64 size = -1)
{
    if (platform.isEmpty() || platform.isUnknown())
        return;
    for (const TagPlatform &known : std::as_const(platforms)) {
        if (known.platform == platform)
            return;
    }
    platforms.append({platform, digest, size});
}

} // namespace

QStringList TagInfo::platformNames() const
{
    QStringList names;
    names.reserve(platforms.size());
    for (const TagPlatform &platform : platforms)
        names.append(platform.platform.toString());
    return names;
}

TagInfo tagFromHub(const HubTag &hubTag)
{
    TagInfo tag;
    tag.name = hubTag.name;
    tag.digest = hubTag.digest;
    tag.mediaType = hubTag.mediaType;
    tag.lastPushed = hubTag.lastPushed.isValid() ? hubTag.lastPushed : hubTag.lastUpdated;
    qint64 imagesSize = 0;
    for (const HubTagImage &image : hubTag.images) {
        addPlatform(tag.platforms, image.platform, image.digest, image.size > 0 ? image.size : -1);
        imagesSize += image.size;
    }
    tag.size = hubTag.fullSize > 0 ? hubTag.fullSize : (imagesSize > 0 ? imagesSize : -1);
    tag.detailsKnown = true;
    return tag;
}

TagDetailsJob::TagDetailsJob(RegistryClient *client, QString registry, QString repository, QString tag, QObject *parent)
    : Job(parent), m_client(client), m_registry(std::move(registry)), m_repository(std::move(repository))
{
    m_tag.name = std::move(tag);
}

void TagDetailsJob::abort()
{
    if (m_current)
        m_current->cancel();
}

void TagDetailsJob::run()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the registry client is gone")));
        return;
    }
    ManifestJob *job = m_client->fetchManifest(m_registry, m_repository, m_tag.name);
    m_current = job;
    connect(job, &Job::finished, this, [this, job] {
        if (isFinished())
            return;
        if (job->error()) {
            fail(job->error()->withContext(tr("tag %1").arg(m_tag.name)));
            return;
        }
        const FetchedManifest &fetched = job->result();
        m_tag.digest = fetched.digest.toString();
        m_tag.mediaType = fetched.mediaType;
        m_tag.detailsKnown = true;
        if (const auto *index = fetched.document ? std::get_if<ImageIndex>(&*fetched.document) : nullptr) {
            for (const Descriptor &manifest : index->platformManifests()) {
                if (manifest.platform && !manifest.isAttestation())
                    addPlatform(m_tag.platforms, *manifest.platform, manifest.digest.toString());
            }
            emitResult();
            return;
        }
        const auto *manifest = fetched.document ? std::get_if<ImageManifest>(&*fetched.document) : nullptr;
        if (!manifest) {
            emitResult();
            return;
        }
        const qint64 layers = manifest->totalLayerSize();
        m_tag.size = layers > std::numeric_limits<qint64>::max() - manifest->config.size ? layers : layers + manifest->config.size;
        if (manifest->isArtifact()) {
            emitResult();
            return;
        }
        // A single manifest does not say its platform; its config does.
        BlobJob *config = m_client->fetchBlob(m_registry, m_repository, manifest->config, kMaxConfigSize);
        m_current = config;
        const QString digest = m_tag.digest;
        connect(config, &Job::finished, this, [this, config, digest] {
            if (isFinished())
                return;
            // Without its config the tag still has digest and size; only the platform stays unknown.
            if (config->succeeded()) {
                if (const Result<ImageConfig> parsed = parseConfig(config->data())) {
                    addPlatform(m_tag.platforms, Platform{parsed->os, parsed->architecture, parsed->variant, {}, {}}, digest);
                    m_tag.lastPushed = parsed->created;
                }
            }
            emitResult();
        });
        config->start();
    });
    job->start();
}

} // namespace wharf
