#include "StoreActions.h"

#include "HubRateLimitProbe.h"
#include "LocalImagesPane.h"
#include "PlatformsPane.h"
#include "StatePanel.h"
#include "itemmodels/LocalImagesModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "services/BrowseSession.h"

#include <QDir>
#include <QDockWidget>

namespace wharf {

namespace {

// "docker.io/library/nginx:latest" + "linux/arm64/v8" → "nginx-latest-linux-arm64-v8.tar"
QString exportFileName(const QString &familiarReference, const QString &platform)
{
    QString name = familiarReference.section(u'/', -1) + u'-' + platform;
    for (QChar &c : name) {
        if (c == u':' || c == u'/' || c == u'@')
            c = u'-';
    }
    return name + QStringLiteral(".tar");
}

} // namespace

StoreActions::StoreActions(Parts parts, QObject *parent) : QObject(parent), m_parts(std::move(parts))
{
    connect(m_parts.platformsPane, &PlatformsPane::pullRequested, this, &StoreActions::pull);
    connect(m_parts.pulls, &PullListModel::pullFinished, this, &StoreActions::onPullFinished);
    connect(m_parts.localImagesPane, &LocalImagesPane::exportRequested, this, &StoreActions::exportImage);
    connect(m_parts.localImagesPane, &LocalImagesPane::revealRequested, this, &StoreActions::reveal);
    if (!m_parts.localImages)
        return;
    connect(m_parts.localImages, &LocalImagesModel::removeFinished, this, [this](const LocalImageRemoval &removal) {
        Q_EMIT statusMessage(removal.error ? tr("Could not delete the image: %1").arg(removal.error->message())
                                           : tr("Deleted %1").arg(removal.image.reference));
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
    if (request->reference.domain() == HubRateLimitProbe::Registry)
        Q_EMIT dockerHubPullStarted();
    m_parts.pulls->pull(*request);
    m_parts.pullsDock->show();
    m_parts.pullsDock->raise();
    Q_EMIT statusMessage(tr("Pulling %1 for %2…").arg(request->reference.toString(), request->platform->toString()));
}

void StoreActions::onPullFinished(const QString &reference, const std::optional<Error> &error)
{
    if (!error)
        Q_EMIT statusMessage(tr("Pulled %1").arg(reference));
    else if (error->code() == Error::Code::Cancelled)
        Q_EMIT statusMessage(tr("Cancelled the pull of %1").arg(reference));
    else if (StatePanel::isOffline(*error))
        Q_EMIT statusMessage(
            tr("The pull of %1 stopped: offline, or the registry cannot be reached (%2)").arg(reference, error->message()));
    else
        Q_EMIT statusMessage(tr("The pull of %1 failed: %2").arg(reference, error->message()));
    if (m_parts.localImages)
        m_parts.localImages->refresh();
    m_parts.platforms->refreshPullCosts();
    auto parsed = ImageReference::parseDockerRef(reference);
    if (parsed && parsed->domain() == HubRateLimitProbe::Registry)
        Q_EMIT dockerHubPullEnded(reference);
}

void StoreActions::exportImage(int row)
{
    LocalImagesModel *model = m_parts.localImages;
    if (!model || !model->image(row))
        return;
    const QModelIndex index = model->index(row, 0);
    const auto target = m_parts.desktop->chooseExportTarget(m_parts.dialogParent,
                                                            exportFileName(index.data(LocalImagesModel::FamiliarReferenceRole).toString(),
                                                                           index.data(LocalImagesModel::PlatformRole).toString()));
    if (!target || target->path.isEmpty())
        return;
    model->exportImage(row, target->path, target->format);
    Q_EMIT statusMessage(tr("Exporting to %1…").arg(target->path));
}

void StoreActions::reveal(int row)
{
    if (!m_parts.localImages || !m_parts.store)
        return;
    // The image's manifest, selected among the store's blobs; its layers and config are beside it.
    const auto digest = Digest::parse(m_parts.localImages->index(row, 0).data(LocalImagesModel::ManifestDigestRole).toString());
    const QString path = digest ? m_parts.store->blobPath(*digest) : m_parts.store->root();
    if (!m_parts.desktop->reveal(path))
        Q_EMIT statusMessage(tr("No file manager could be opened for %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace wharf
