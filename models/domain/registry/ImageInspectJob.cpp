#include "registry/ImageInspectJob.h"

#include "documents/MediaTypes.h"
#include "reference/PlatformMatcher.h"
#include "registry/BlobJob.h"
#include "registry/RegistryClient.h"

namespace wharf {

ImageInspectJob::ImageInspectJob(RegistryClient *client, ImageReference reference, std::optional<Platform> platform, QObject *parent)
    : Job(parent),
      m_client(client),
      m_platform(std::move(platform))
{
    m_result.reference = std::move(reference);
    m_result.requestedPlatform = m_platform ? m_platform->normalized() : Platform::host();
}

void ImageInspectJob::track(Job *job)
{
    m_current = job;
    job->start();
}

void ImageInspectJob::run()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the registry client is gone")));
        return;
    }
    auto *job = m_client->fetchManifest(m_result.reference);
    connect(job, &Job::finished, this, [this, job] { onTopLevel(job); });
    track(job);
}

void ImageInspectJob::abort()
{
    if (m_current)
        m_current->cancel();
}

void ImageInspectJob::onTopLevel(ManifestJob *job)
{
    if (isFinished())
        return;
    if (job->error()) {
        fail(*job->error());
        return;
    }
    const FetchedManifest &fetched = job->result();
    if (const auto *index = std::get_if<ImageIndex>(&*fetched.document)) {
        m_result.index = fetched;
        m_result.platforms = index->platformManifests();
        m_result.attestations = index->attestations();
        QList<Platform> candidates;
        for (const Descriptor &d : std::as_const(m_result.platforms))
            candidates.append(d.platform.value_or(Platform()));
        const qsizetype best = PlatformMatcher::only(m_result.requestedPlatform).selectBest(candidates);
        if (best < 0) {
            QStringList available;
            for (const Platform &p : std::as_const(candidates))
                available.append(p.toString());
            fail(Error(Error::Code::NoMatchingPlatform,
                       tr("%1 has no image for %2 (it has: %3)")
                           .arg(m_result.reference.familiarString(), m_result.requestedPlatform.toString(),
                                available.isEmpty() ? tr("no platforms") : available.join(QStringLiteral(", ")))));
            return;
        }
        m_result.chosen = m_result.platforms.at(best);
        auto *next = m_client->fetchManifest(fetched.registry, fetched.repository, m_result.chosen.digest.toString());
        connect(next, &Job::finished, this, [this, next] { onPlatformManifest(next); });
        track(next);
        return;
    }
    m_result.chosen.mediaType = fetched.mediaType;
    m_result.chosen.digest = fetched.digest;
    m_result.chosen.size = fetched.size;
    useManifest(fetched);
}

void ImageInspectJob::onPlatformManifest(ManifestJob *job)
{
    if (isFinished())
        return;
    if (job->error()) {
        fail(*job->error());
        return;
    }
    const FetchedManifest &fetched = job->result();
    // The index said what this digest is; a registry serving something else is lying (CVE-2021-41190).
    if (fetched.size != m_result.chosen.size) {
        fail(Error(Error::Code::SizeMismatch,
                   tr("the manifest for %1 is %2 bytes but the index says %3")
                       .arg(m_result.chosen.digest.toString())
                       .arg(fetched.size)
                       .arg(m_result.chosen.size)));
        return;
    }
    if (auto reparsed = parseManifest(fetched.bytes, m_result.chosen); !reparsed) {
        fail(reparsed.error());
        return;
    }
    useManifest(fetched);
}

void ImageInspectJob::useManifest(const FetchedManifest &fetched)
{
    if (const auto *schema1 = std::get_if<Schema1Manifest>(&*fetched.document)) {
        // Docker schema 1 keeps the config in the manifest's history: there is no blob to fetch.
        m_result.manifest = fetched;
        m_result.imageManifest = schema1->image;
        m_result.configDescriptor = Descriptor();
        useImageConfig(schema1->config);
        return;
    }
    const auto *manifest = std::get_if<ImageManifest>(&*fetched.document);
    if (!manifest) {
        fail(Error(Error::Code::UnsupportedMediaType,
                   tr("%1 points to a nested index, which Wharf does not inspect").arg(m_result.chosen.digest.toString())));
        return;
    }
    m_result.manifest = fetched;
    m_result.imageManifest = *manifest;
    m_result.configDescriptor = manifest->config;
    if (m_localBlobs) {
        if (const std::optional<QByteArray> local = m_localBlobs(manifest->config);
            local && verifyBytes(*local, manifest->config.digest, manifest->config.size)) {
            useConfig(*local);
            return;
        }
    }
    auto *blob = m_client->fetchBlob(fetched.registry, fetched.repository, manifest->config, kMaxConfigSize);
    connect(blob, &Job::finished, this, [this, blob] { onConfig(blob); });
    track(blob);
}

void ImageInspectJob::onConfig(BlobJob *job)
{
    if (isFinished())
        return;
    if (job->error()) {
        fail(job->error()->withContext(tr("fetching the image config")));
        return;
    }
    useConfig(job->data());
}

void ImageInspectJob::useConfig(const QByteArray &bytes)
{
    m_result.configBytes = bytes;
    if (!MediaTypes::isImageConfig(m_result.configDescriptor.mediaType)) {
        emitResult(); // an artifact: its config is opaque data
        return;
    }
    auto config = parseConfig(bytes);
    if (!config) {
        fail(config.error().withContext(tr("the image config")));
        return;
    }
    useImageConfig(std::move(*config));
}

void ImageInspectJob::useImageConfig(ImageConfig config)
{
    const Platform actual = Platform{config.os, config.architecture, config.variant, config.osVersion, {}}.normalized();
    if (!m_result.index && m_platform && !PlatformMatcher::only(m_result.requestedPlatform).matches(actual)) {
        fail(Error(Error::Code::NoMatchingPlatform,
                   tr("%1 is a single-platform image for %2, not %3")
                       .arg(m_result.reference.familiarString(), actual.toString(), m_result.requestedPlatform.toString())));
        return;
    }
    if (!m_result.index)
        m_result.chosen.platform = actual;
    m_result.history = mergeHistory(m_result.imageManifest, config);
    m_result.config = std::move(config);
    emitResult();
}

} // namespace wharf
