#include "Desktop.h"

#include "FileManager.h"
#include "Preferences.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>

namespace wharf {

namespace {

std::optional<ExportTarget> askForExportTarget(QWidget *parent, const QString &baseName)
{
    const QString docker = QCoreApplication::translate("wharf::Desktop", "Docker archive (*.docker.tar *.tar)");
    const QString oci = QCoreApplication::translate("wharf::Desktop", "OCI archive (*.oci.tar *.tar)");
    const QString folder = Desktop::startFolder(Desktop::ExportFolderKey);
    QFileDialog dialog(parent, QCoreApplication::translate("wharf::Desktop", "Export Image"), folder);
    dialog.setObjectName(QStringLiteral("exportDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilters({docker, oci});
    dialog.selectNameFilter(docker);
    dialog.selectFile(Desktop::exportFileName(baseName, ImageExporter::Format::DockerArchive));
    // The suggested name follows the format, unless the person has typed a name of their own.
    QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog, baseName, oci](const QString &filter) {
        const auto format = filter == oci ? ImageExporter::Format::OciArchive : ImageExporter::Format::DockerArchive;
        const auto other = format == ImageExporter::Format::OciArchive ? ImageExporter::Format::DockerArchive
                                                                       : ImageExporter::Format::OciArchive;
        const QStringList chosen = dialog.selectedFiles();
        const QString name = chosen.isEmpty() ? QString() : QFileInfo(chosen.first()).fileName();
        if (name.isEmpty() || name == Desktop::exportFileName(baseName, other))
            dialog.selectFile(Desktop::exportFileName(baseName, format));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return std::nullopt;
    const QString path = dialog.selectedFiles().first();
    Desktop::rememberFolder(Desktop::ExportFolderKey, QFileInfo(path).absolutePath());
    return ExportTarget{path, dialog.selectedNameFilter() == oci ? ImageExporter::Format::OciArchive
                                                                 : ImageExporter::Format::DockerArchive};
}

QString askForExtractFolder(QWidget *parent, const QString &fileName)
{
    const QString folder = QFileDialog::getExistingDirectory(
        parent, QCoreApplication::translate("wharf::Desktop", "Extract %1 Into").arg(fileName), Desktop::startFolder(Desktop::ExtractFolderKey));
    if (!folder.isEmpty())
        Desktop::rememberFolder(Desktop::ExtractFolderKey, folder);
    return folder;
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

QString Desktop::exportBaseName(const QString &familiarReference, const QString &platform)
{
    // The last path component: "ghcr.io/org/app:1.0" → "app_1.0"; digests keep their hex.
    QString name = familiarReference.section(u'/', -1) + u'_' + platform;
    for (QChar &c : name) {
        if (c == u':' || c == u'@')
            c = u'_';
        else if (c == u'/')
            c = u'-';
    }
    return name;
}

QString Desktop::exportFileName(const QString &baseName, ImageExporter::Format format)
{
    return baseName + (format == ImageExporter::Format::OciArchive ? QStringLiteral(".oci.tar") : QStringLiteral(".docker.tar"));
}

QString Desktop::startFolder(const QString &settingKey)
{
    const QString remembered = Preferences::settings().value(settingKey).toString();
    if (!remembered.isEmpty() && QFileInfo(remembered).isDir())
        return remembered;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (!downloads.isEmpty() && QFileInfo(downloads).isDir())
        return downloads;
    return QDir::homePath();
}

void Desktop::rememberFolder(const QString &settingKey, const QString &folder)
{
    if (folder.isEmpty())
        return;
    QSettings s = Preferences::settings();
    s.setValue(settingKey, QDir::cleanPath(folder));
}

} // namespace wharf
