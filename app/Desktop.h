#pragma once
// The window's ways into the desktop: the file dialogs it asks through and the file manager it
// shows files in. Tests replace them so that no dialog blocks and nothing is launched.
//
// The real dialogs start in the folder last chosen in them (kept in Wharf's settings, one for
// exports and one for extractions), else in Downloads when that folder exists, else in the home
// folder — never in a folder that is not there (a file dialog would not let the person choose).

#include "store/ImageExporter.h"

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace wharf {

// Where to export an image to, as the person chose it.
struct ExportTarget
{
    QString path;
    ImageExporter::Format format = ImageExporter::Format::DockerArchive;
};

struct Desktop
{
    // Asks where to write an export; nullopt when the person cancelled. `baseName` names the image
    // without an extension (exportBaseName()); the dialog suggests exportFileName() of it for the
    // format picked, and follows the format when the person picks another.
    std::function<std::optional<ExportTarget>(QWidget *parent, const QString &baseName)> chooseExportTarget;
    // Shows a file in the file manager; false when nothing could be asked to.
    std::function<bool(const QString &path)> reveal;
    // Asks which folder to extract a layer's file (named `fileName`) into; empty when the person
    // cancelled.
    std::function<QString(QWidget *parent, const QString &fileName)> chooseExtractFolder;

    // The real ones: a save dialog, FileManager::reveal(), a folder dialog.
    [[nodiscard]] static Desktop standard();
    // `other`'s parts where it has them, this one's elsewhere.
    void replaceWith(Desktop other);

    // "multi:latest" + "linux/arm64/v8" → "multi_latest_linux-arm64-v8"
    [[nodiscard]] static QString exportBaseName(const QString &familiarReference, const QString &platform);
    // "multi_latest_linux-arm64-v8.docker.tar" or "….oci.tar"
    [[nodiscard]] static QString exportFileName(const QString &baseName, ImageExporter::Format format);
    // Where the dialogs start: the folder remembered under `settingKey` while it exists, else
    // Downloads while it exists, else home.
    [[nodiscard]] static QString startFolder(const QString &settingKey);
    static void rememberFolder(const QString &settingKey, const QString &folder);
    static constexpr QLatin1StringView ExportFolderKey{"folders/export"};
    static constexpr QLatin1StringView ExtractFolderKey{"folders/extract"};
};

} // namespace wharf
