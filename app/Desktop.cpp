#include "Desktop.h"

#include "FileManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

namespace wharf {

namespace {

std::optional<ExportTarget> askForExportTarget(QWidget *parent, const QString &suggestedName)
{
    const QString docker = QCoreApplication::translate("wharf::Desktop", "Docker archive (*.tar)");
    const QString oci = QCoreApplication::translate("wharf::Desktop", "OCI archive (*.tar)");
    QString selected = docker;
    const QString path = QFileDialog::getSaveFileName(parent, QCoreApplication::translate("wharf::Desktop", "Export Image"),
                                                      QDir::home().filePath(suggestedName), docker + u";;" + oci, &selected);
    if (path.isEmpty())
        return std::nullopt;
    return ExportTarget{path, selected == oci ? ImageExporter::Format::OciArchive : ImageExporter::Format::DockerArchive};
}

QString askForExtractFolder(QWidget *parent, const QString &fileName)
{
    return QFileDialog::getExistingDirectory(parent, QCoreApplication::translate("wharf::Desktop", "Extract %1 Into").arg(fileName),
                                             QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
}

} // namespace

Desktop Desktop::standard()
{
    return {askForExportTarget, FileManager::reveal, askForExtractFolder};
}

void Desktop::replaceWith(Desktop other)
{
    if (other.chooseExportTarget)
        chooseExportTarget = std::move(other.chooseExportTarget);
    if (other.reveal)
        reveal = std::move(other.reveal);
    if (other.chooseExtractFolder)
        chooseExtractFolder = std::move(other.chooseExtractFolder);
}

} // namespace wharf
