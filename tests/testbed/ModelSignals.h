#pragma once
// Every structural signal an item model can send, counted: what the model tests spy on next to
// QAbstractItemModelTester, to assert that a change arrived as one reset, one insert, a layout
// change … and nothing else.

#include <QAbstractItemModel>
#include <QSignalSpy>

namespace wharf::testbed {

struct ModelSignals
{
    explicit ModelSignals(QAbstractItemModel *model)
        : aboutToReset(model, &QAbstractItemModel::modelAboutToBeReset),
          reset(model, &QAbstractItemModel::modelReset),
          inserted(model, &QAbstractItemModel::rowsInserted),
          removed(model, &QAbstractItemModel::rowsRemoved),
          moved(model, &QAbstractItemModel::rowsMoved),
          layout(model, &QAbstractItemModel::layoutChanged),
          columnsInserted(model, &QAbstractItemModel::columnsInserted),
          changed(model, &QAbstractItemModel::dataChanged)
    {
    }
    QSignalSpy aboutToReset;
    QSignalSpy reset;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy layout;
    QSignalSpy columnsInserted;
    QSignalSpy changed;
};

} // namespace wharf::testbed
