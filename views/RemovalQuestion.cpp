#include "RemovalQuestion.h"

#include <QKeyEvent>
#include <QMessageBox>
#include <QPersistentModelIndex>
#include <QPushButton>

namespace wharf {

QMessageBox *askBeforeRemoving(QWidget *parent, const RemovalQuestion &question, const QModelIndex &index,
                               std::function<void(int row)> confirmed)
{
    auto *box = new QMessageBox(QMessageBox::Question, question.title, question.text, QMessageBox::NoButton, parent);
    box->setObjectName(question.objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    box->setInformativeText(question.informative);
    QPushButton *remove = box->addButton(question.confirmText, QMessageBox::DestructiveRole);
    remove->setObjectName(question.confirmObjectName);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    const QPersistentModelIndex target(index);
    QObject::connect(box, &QMessageBox::buttonClicked, parent,
                     [remove, target, confirmed = std::move(confirmed)](QAbstractButton *clicked) {
                         if (clicked == remove && target.isValid())
                             confirmed(target.row());
                     });
    box->open();
    return box;
}

bool isDeleteKeyPress(const QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return false;
    const auto *key = static_cast<const QKeyEvent *>(event);
    return key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Delete;
}

} // namespace wharf
