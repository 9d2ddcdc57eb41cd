#include "StoreActions.h"

#include "ComparePane.h"
#include "HubRateLimitProbe.h"
#include "LocalImagesPane.h"
#include "PlatformsPane.h"
#include "StatePanel.h"
#include "itemmodels/LocalImagesModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "layers/LayerMapLoader.h"
#include "services/BrowseSession.h"
#include "services/EngineTargets.h"
#include "services/StoredImageJob.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QLocale>

namespace wharf {

StoreActions::StoreActions(Parts parts, QObject *parent) : QObject(parent), m_parts(std::move(parts))
{
    connect(m_parts.platformsPane, &PlatformsPane::pullRequested, this, &StoreActions::pull);
    connect(m_parts.pulls, &PullListModel::pullFinished, this, &StoreActions::onPullFinished);
    connect(m_parts.pulls, &PullListModel::loadStarted, this, [this](const QString &reference, EngineKind kind) {
        //: %1 an image reference, %2 Docker or Podman
        Q_EMIT statusMessage(tr("Loading %1 into %2…").arg(reference, EngineLocator::kindName(kind)));
    });
    connect(m_parts.pulls, &PullListModel::loadFinished, this, &StoreActions::onLoadFinished);
    if (m_parts.engines) {
        for (const EngineKind kind : EngineTargets::kinds)
            showEngine(kind);
        connect(m_parts.engines, &EngineTargets::changed, this, &StoreActions::showEngine);
        // An engine chosen while it does not answer is asked again: it may have been started since.
        connect(m_parts.platformsPane, &PlatformsPane::pullTargetChanged, this, [this](std::optional<EngineKind> target) {
            if (target && m_parts.engines->state(*target) == EngineTargets::State::Unavailable)
                m_parts.engines->refresh(*target);
        });
    }
    connect(m_parts.localImagesPane, &LocalImagesPane::exportRequested, this, &StoreActions::exportImage);
    connect(m_parts.localImagesPane, &LocalImagesPane::revealRequested, this, &StoreActions::reveal);
    connect(m_parts.localImagesPane, &LocalImagesPane::copyPathRequested, this, &StoreActions::copyPath);
    connect(m_parts.localImagesPane, &LocalImagesPane::copyReferenceRequested, this, &StoreActions::copyReference);
    connect(m_parts.session, &BrowseSession::resolved, this, [this] {
        if (m_parts.session->isStored())
            onStoredImageShown();
        else if (m_parts.layerMap)
            m_parts.layerMap->setLocalImages({}); // the registry's image now: its map too
    });
    if (!m_parts.localImages)
        return;
    connect(m_parts.localImagesPane, &LocalImagesPane::openRequested, this, [this](int row) {
        if (const auto image = m_parts.localImages->image(row)) {
            Q_EMIT openRequested(*image);
            Q_EMIT statusMessage(tr("Opening %1 (%2) from the local store…")
                                     .arg(m_parts.localImages->index(row, 0).data(LocalImagesModel::FamiliarReferenceRole).toString(),
                                          image->platform.toString()));
        }
    });
    connect(m_parts.localImages, &LocalImagesModel::removeFinished, this, &StoreActions::onRemoved);
    connect(m_parts.localImages, &LocalImagesModel::cleanupFinished, this, [this](const LocalImageCleanup &cleanup) {
        if (cleanup.error) {
            Q_EMIT statusMessage(tr("The local store could not be cleaned up: %1").arg(cleanup.error->message()));
            return;
        }
        const qint64 freed = cleanup.report.bytesRemoved + cleanup.report.ingestBytesRemoved;
        Q_EMIT statusMessage(tr("Cleaned up the local store; %1 freed").arg(QLocale().formattedDataSize(freed)));
        m_parts.platforms->refreshPullCosts();
    });
    connect(m_parts.localImages, &LocalImagesModel::exportFinished, this, [this](const LocalImageExport &result) {
        Q_EMIT statusMessage(result.error ? tr("The export failed: %1").arg(result.error->message())
                                          : tr("Exported to %1").arg(result.path));
    });
}

void StoreActions::pull(int platformRow)
{
    auto request = m_parts.session->pullRequest(m_parts.platforms->platformIndex(platformRow).data(PlatformModel::PlatformRole).toString());
    if (!request) {
        Q_EMIT statusMessage(tr("This platform cannot be pulled."));
        return;
    }
    if (!m_parts.engine) {
        Q_EMIT statusMessage(tr("Pulling needs the local store: %1").arg(m_parts.storeError));
        return;
    }
    std::optional<EngineEndpoint> into;
    if (const auto target = m_parts.platformsPane->pullTarget()) {
        if (!m_parts.engines || !m_parts.engines->isReady(*target)) {
            //: %1 Docker or Podman, %2 why (one line)
            Q_EMIT statusMessage(tr("%1 cannot be used: %2")
                                     .arg(EngineLocator::kindName(*target),
                                          m_parts.engines ? m_parts.engines->description(*target) : QString()));
            return;
        }
        into = m_parts.engines->endpoint(*target);
    }
    if (request->reference.domain() == HubRateLimitProbe::Registry)
        Q_EMIT dockerHubPullStarted();
    m_parts.pulls->pull(*request, into);
    m_parts.pullsDock->show();
    m_parts.pullsDock->raise();
    if (into)
        //: %1 an image reference, %2 a platform, %3 Docker or Podman
        Q_EMIT statusMessage(tr("Pulling %1 for %2 into %3…")
                                 .arg(request->reference.toString(), request->platform->toString(), EngineLocator::kindName(into->kind)));
    else
        Q_EMIT statusMessage(tr("Pulling %1 for %2…").arg(request->reference.toString(), request->platform->toString()));
}

void StoreActions::onLoadFinished(const QString &reference, EngineKind kind, const EngineLoadReport &report,
                                  const std::optional<Error> &error)
{
    const QString engine = EngineLocator::kindName(kind);
    if (!error)
        Q_EMIT statusMessage(report.emulationNote.isEmpty() ? EngineLoader::summary(report)
                                                            //: %1 "Loaded into Docker as …", %2 a note on emulation
                                                            : tr("%1. %2").arg(EngineLoader::summary(report), report.emulationNote));
    else if (error->code() == Error::Code::Cancelled)
        //: %1 an image reference, %2 Docker or Podman
        Q_EMIT statusMessage(tr("Stopped loading %1 into %2; it keeps nothing of it, the local store keeps the image").arg(reference, engine));
    else
        //: %1 an image reference, %2 Docker or Podman, %3 why
        Q_EMIT statusMessage(tr("%1 could not be loaded into %2: %3").arg(reference, engine, error->message()));
}

void StoreActions::showEngine(EngineKind kind)
{
    using State = PlatformsPane::EngineState;
    const EngineTargets::State state = m_parts.engines->state(kind);
    m_parts.platformsPane->setEngineState(kind,
                                          state == EngineTargets::State::Ready         ? State::Ready
                                          : state == EngineTargets::State::Unavailable ? State::Unavailable
                                                                                       : State::Checking,
                                          m_parts.engines->description(kind));
}

void StoreActions::onPullFinished(const QString &reference, const QString &platform, const std::optional<Error> &error)
{
    // The platform is part of what was pulled: "docker.io/library/multi:latest (linux/arm64/v8)".
    const QString what = platform.isEmpty() ? reference : tr("%1 (%2)").arg(reference, platform);
    if (!error)
        Q_EMIT statusMessage(tr("Pulled %1").arg(what));
    else if (error->code() == Error::Code::Cancelled)
        Q_EMIT statusMessage(tr("Cancelled the pull of %1").arg(what));
    else if (StatePanel::isOffline(*error))
        Q_EMIT statusMessage(
            tr("The pull of %1 stopped: offline, or the registry cannot be reached (%2)").arg(what, error->message()));
    else
        Q_EMIT statusMessage(tr("The pull of %1 failed: %2").arg(what, error->message()));
    if (m_parts.localImages)
        m_parts.localImages->refresh();
    m_parts.platforms->refreshPullCosts();
    auto parsed = ImageReference::parseDockerRef(reference);
    if (parsed && parsed->domain() == HubRateLimitProbe::Registry)
        Q_EMIT dockerHubPullEnded(reference);
}

void StoreActions::onRemoved(const LocalImageRemoval &removal)
{
    const auto parsed = ImageReference::parseDockerRef(removal.image.reference);
    const QString name = tr("%1 (%2)").arg(parsed ? parsed->familiarString() : removal.image.reference, removal.image.platform.toString());
    if (removal.error)
        Q_EMIT statusMessage(tr("Could not delete %1: %2").arg(name, removal.error->message()));
    else if (removal.blobsKept)
        Q_EMIT statusMessage(tr("Deleted %1; its layers were kept: %2").arg(name, removal.blobsKept->message()));
    else if (removal.bytesFreed == 0)
        Q_EMIT statusMessage(tr("Deleted %1; nothing freed: other stored images use all of its layers").arg(name));
    else
        //: %1: image and platform, %2: a size
        Q_EMIT statusMessage(tr("Deleted %1; %2 freed").arg(name, QLocale().formattedDataSize(removal.bytesFreed)));
    m_parts.platforms->refreshPullCosts();
}

void StoreActions::exportImage(int row)
{
    LocalImagesModel *model = m_parts.localImages;
    if (!model || !model->image(row))
        return;
    const QModelIndex index = model->index(row, 0);
    const auto target = m_parts.desktop->chooseExportTarget(
        m_parts.dialogParent, Desktop::exportBaseName(index.data(LocalImagesModel::FamiliarReferenceRole).toString(),
                                                      index.data(LocalImagesModel::PlatformRole).toString()));
    if (!target || target->path.isEmpty())
        return;
    // The dialog was modal: a refresh may have moved the row meanwhile.
    const int now = model->rowOf(*model->image(row));
    if (now < 0)
        return;
    model->exportImage(now, target->path, target->format);
    Q_EMIT statusMessage(tr("Exporting to %1…").arg(target->path));
}

void StoreActions::reveal(int row)
{
    if (!m_parts.localImages || !m_parts.store || !m_parts.localImages->image(row))
        return;
    // The store's folder with index.json selected: the list that names the image (and its
    // manifest), where a hash-named blob would say nothing. Copy Path gives the manifest's file.
    const QString path = QDir(m_parts.store->root()).filePath(QStringLiteral("index.json"));
    if (!m_parts.desktop->reveal(path))
        Q_EMIT statusMessage(tr("No file manager could be opened for %1").arg(QDir::toNativeSeparators(path)));
    else
        Q_EMIT statusMessage(tr("Showing the local store; index.json lists %1 with its manifest %2")
                                 .arg(m_parts.localImages->index(row, 0).data(LocalImagesModel::FamiliarReferenceRole).toString(),
                                      m_parts.localImages->index(row, 0).data(LocalImagesModel::ManifestDigestRole).toString()));
}

void StoreActions::copyPath(int row)
{
    if (!m_parts.localImages || !m_parts.store || !m_parts.localImages->image(row))
        return;
    // The store (what skopeo and podman open as oci:STORE:NAME) and the image's manifest in it.
    const QString manifest = m_parts.localImages->index(row, 0).data(LocalImagesModel::ManifestPathRole).toString();
    QApplication::clipboard()->setText(QDir::toNativeSeparators(m_parts.store->root()) + u'\n' + QDir::toNativeSeparators(manifest));
    Q_EMIT statusMessage(tr("Copied the store's path and the manifest's path (%1)").arg(QDir::toNativeSeparators(manifest)));
}

void StoreActions::copyReference(int row)
{
    if (!m_parts.localImages || !m_parts.localImages->image(row))
        return;
    const QString reference = m_parts.localImages->index(row, 0).data(LocalImagesModel::ReferenceRole).toString();
    QApplication::clipboard()->setText(reference);
    Q_EMIT statusMessage(tr("Copied %1").arg(reference));
}

void StoreActions::onStoredImageShown()
{
    const QList<InspectedImage> &stored = m_parts.session->storedImages();
    if (m_parts.layerMap)
        m_parts.layerMap->setLocalImages(StoredImageJob::mapImages(stored));
    if (!m_parts.comparePane)
        return;
    // Compare offers the platforms the store has of this tag, and picks another stored image of
    // the repository to compare with: the other side needs no registry then.
    const QString tag = m_parts.session->tag();
    const QString platform = m_parts.session->platform();
    QStringList platforms;
    std::optional<InspectedImage> other;
    for (const InspectedImage &image : stored) {
        const QString imagePlatform = image.chosen.platform ? image.chosen.platform->toString() : QString();
        const bool sameTag = StoredImageJob::tagOf(image.reference) == tag;
        if (sameTag && !imagePlatform.isEmpty() && !platforms.contains(imagePlatform))
            platforms.append(imagePlatform);
        if (!other && !(sameTag && imagePlatform == platform))
            other = image;
    }
    m_parts.comparePane->setCurrentImage(tag, platform, platforms);
    if (other)
        m_parts.comparePane->setOther(StoredImageJob::tagOf(other->reference),
                                      other->chosen.platform ? other->chosen.platform->toString() : QString());
}

} // namespace wharf
