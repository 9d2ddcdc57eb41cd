#pragma once
// Everything `wharf inspect` and the Image pane show about one reference: the index (if the tag
// names one) with its platforms and, apart, its attestations; the manifest of the platform picked
// by containerd's rules (the requested one, or this machine's); its config; and the build
// history joined with the layers. Every document is verified by ManifestJob/BlobJob on the way.
// A Docker schema 1 manifest resolves too, as what it reads as (Schema1Manifest): no index, no
// config blob (configDescriptor and configBytes stay empty), layer sizes unknown.

#include "core/Job.h"
#include "documents/DocumentParser.h"
#include "documents/ImageHistory.h"
#include "reference/ImageReference.h"
#include "reference/Platform.h"
#include "registry/ManifestJob.h"

#include <QPointer>

#include <functional>
#include <optional>

namespace wharf {

class RegistryClient;

struct InspectedImage
{
    ImageReference reference;
    std::optional<FetchedManifest> index; // set when the reference names an index / manifest list
    QList<Descriptor> platforms; // runnable manifests of the index, in index order
    QList<Descriptor> attestations; // never offered as platforms
    Platform requestedPlatform; // what selection was made for
    Descriptor chosen; // the platform manifest picked (digest, size, platform)
    FetchedManifest manifest; // the image manifest, bytes as received
    ImageManifest imageManifest;
    Descriptor configDescriptor; // empty for schema 1, whose config is in the manifest
    QByteArray configBytes; // exactly as fetched (verified against configDescriptor)
    std::optional<ImageConfig> config; // absent for artifacts whose config is not an image config
    ImageHistory history;
};

class ImageInspectJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageInspectJob)
public:
    // Without a platform, this machine's platform is used (containerd's default matcher).
    ImageInspectJob(RegistryClient *client, ImageReference reference, std::optional<Platform> platform, QObject *parent = nullptr);

    [[nodiscard]] const InspectedImage &result() const { return m_result; }

    // Where blobs may already be (the local store): asked for the config before fetching it; the
    // bytes it returns are verified like fetched ones. Lets a re-pull touch no blob at all.
    using LocalBlobs = std::function<std::optional<QByteArray>(const Descriptor &)>;
    void setLocalBlobs(LocalBlobs localBlobs) { m_localBlobs = std::move(localBlobs); }

protected:
    void run() override;
    void abort() override;

private:
    void onTopLevel(ManifestJob *job);
    void onPlatformManifest(ManifestJob *job);
    void useManifest(const FetchedManifest &fetched);
    void onConfig(class BlobJob *job);
    void useConfig(const QByteArray &bytes);
    void useImageConfig(ImageConfig config);
    void track(Job *job);

    QPointer<RegistryClient> m_client;
    std::optional<Platform> m_platform;
    InspectedImage m_result;
    QPointer<Job> m_current;
    LocalBlobs m_localBlobs;
};

} // namespace wharf

Q_DECLARE_METATYPE(wharf::InspectedImage)
