#pragma once
// The window's ways into the desktop: the file dialogs it asks through and the file manager it
// shows files in. Tests replace them so that no dialog blocks and nothing is launched.

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
    // Asks where to write an export; nullopt when the person cancelled.
    std::function<std::optional<ExportTarget>(QWidget *parent, const QString &suggestedName)> chooseExportTarget;
    // Shows a file in the file manager; false when nothing could be asked to.
    std::function<bool(const QString &path)> reveal;
    // Asks which folder to extract a layer's file (named `fileName`) into; empty when the person
    // cancelled.
    std::function<QString(QWidget *parent, const QString &fileName)> chooseExtractFolder;

    // The real ones: a save dialog, FileManager::reveal(), a folder dialog.
    [[nodiscard]] static Desktop standard();
    // `other`'s parts where it has them, this one's elsewhere.
    void replaceWith(Desktop other);
};

} // namespace wharf
