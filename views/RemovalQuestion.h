#pragma once
// The question asked before something goes for good — an image out of the local store or out of
// Docker or Podman: window modal, Cancel the default button and Escape's, the destructive button
// named so tests can find it. The row it asks about is followed while the question is open (a
// refresh or a sort may move it); if the row is gone by the answer, nothing happens.

#include <QModelIndex>
#include <QString>

#include <functional>

class QEvent;
class QMessageBox;
class QWidget;

namespace wharf {

struct RemovalQuestion
{
    QString title;         // "Delete Image"
    QString text;          // "Delete multi:latest (linux/amd64) from the local store?"
    QString informative;   // what it frees, or what the engine does
    QString confirmText;   // "Delete", "Remove"
    QString objectName;    // of the box
    QString confirmObjectName; // of the destructive button
};

// Opens the question (it deletes itself when closed) and returns it; `confirmed` gets the row of
// `index` as it is when the person confirms.
QMessageBox *askBeforeRemoving(QWidget *parent, const RemovalQuestion &question, const QModelIndex &index,
                               std::function<void(int row)> confirmed);

// Delete (or the platform's delete shortcut) pressed: what removes the selected row of a table.
[[nodiscard]] bool isDeleteKeyPress(const QEvent *event);

} // namespace wharf
