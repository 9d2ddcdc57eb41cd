#pragma once
// One tag as the Tags pane and `wharf tags` both show it, and the one way each of its details is
// found: on Docker Hub the tags API carries them (fromHub); on any other registry the tag's
// manifest says its digest and, for an index, its platforms, and a single-platform image's config
// says its platform and when it was built (TagDetailsJob). The version order is TagOrder's.

#include "core/Job.h"
#include "hub/HubTypes.h"
#include "reference/Platform.h"

#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace wharf {

class RegistryClient;

struct TagPlatform
{
    Platform platform;
    QString digest; // the platform's manifest; empty where Docker Hub does not say
    qint64 size = -1; // Docker Hub's compressed size of the platform image; -1 elsewhere
};

struct TagInfo
{
    QString name;
    QString digest;       // the tag's index or manifest; empty until known
    QString mediaType;
    QDateTime lastPushed; // Docker Hub's last push; elsewhere a single image's config `created`
    qint64 size = -1;     // compressed bytes (layers and config); -1 when unknown (a registry's index)
    QList<TagPlatform> platforms; // runnable platforms in index order: never attestations, never unknown
    bool detailsKnown = false;    // digest, platforms and size are filled in

    // The platforms as containerd writes them ("os/arch[/variant]"), in order.
    [[nodiscard]] QStringList platformNames() const;
};

// A tag as Docker Hub's tags API describes it (details known).
[[nodiscard]] TagInfo tagFromHub(const HubTag &tag);

// A registry tag's details: its manifest (digest, media type; an index's platforms; a single
// manifest's size), then a single-platform image's config (its platform, its `created`). A config
// that cannot be read leaves the platform unknown and the job still succeeds; a manifest that
// cannot be read fails it.
class TagDetailsJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagDetailsJob)
public:
    TagDetailsJob(RegistryClient *client, QString registry, QString repository, QString tag, QObject *parent = nullptr);

    [[nodiscard]] const TagInfo &result() const { return m_tag; }

protected:
    void run() override;
    void abort() override;

private:
    QPointer<RegistryClient> m_client;
    QString m_registry;
    QString m_repository;
    TagInfo m_tag;
    QPointer<Job> m_current;
};

} // namespace wharf
