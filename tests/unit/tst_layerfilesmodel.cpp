// LayerFilesModel and LayerFilesProxyModel over hand-made listings (the layers of the test bed's
// layers:app, by hand): both views, marks, deletions shown as deletions, opaque folders, sizes,
// the Loading → Ready/Empty/Error states and the incomplete flag, under QAbstractItemModelTester
// (Fatal) with every structural signal spied. The listing itself (LayerStackJob over the real
// registry) is covered by tests/integration/tst_layers.cpp.

#include "ModelSignals.h"
#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/LayerFilesProxyModel.h"
#include "layers/LayerStack.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

using namespace wharf;
using namespace Qt::StringLiterals;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

using Structure = testbed::ModelSignals;

LayerEntry entry(LayerEntry::Type type, const QString &path, qint64 size = 0, const QString &target = {})
{
    LayerEntry e;
    e.path = path;
    e.type = type;
    e.size = size;
    e.mode = type == LayerEntry::Type::Directory ? 0755 : (type == LayerEntry::Type::Symlink ? 0777 : 0644);
    e.mtime = 1704067200;
    e.linkTarget = target;
    return e;
}

LayerEntry dir(const QString &path) { return entry(LayerEntry::Type::Directory, path); }
LayerEntry file(const QString &path, qint64 size) { return entry(LayerEntry::Type::File, path, size); }

LayerListing listing(const QByteArray &seed, QList<LayerEntry> entries)
{
    LayerListing l;
    l.layer = Digest::sha256Of(seed);
    l.entries = std::move(entries);
    l.complete = true;
    return l;
}

// layers:app as build-images.sh makes it, plus a symlink and an empty layer at the end.
QList<LayerListing> appLayers()
{
    return {
        listing("base", {dir(u"bin"_s), file(u"bin/tool"_s, 1000), dir(u"etc"_s), file(u"etc/hostname"_s, 8),
                         file(u"etc/motd"_s, 38), file(u"etc/obsolete.conf"_s, 15)}),
        listing("docs", {dir(u"usr"_s), dir(u"usr/share"_s), dir(u"usr/share/doc"_s), dir(u"usr/share/doc/pkg"_s),
                         file(u"usr/share/doc/pkg/COPYING"_s, 17), file(u"usr/share/doc/pkg/README"_s, 11)}),
        listing("app", {dir(u"etc"_s), entry(LayerEntry::Type::Whiteout, u"etc/obsolete.conf"_s), file(u"etc/app.conf"_s, 14),
                        file(u"etc/motd"_s, 37), dir(u"opt"_s), dir(u"opt/app"_s), file(u"opt/app/server.bin"_s, 500),
                        entry(LayerEntry::Type::Symlink, u"opt/app/current"_s, 0, u"server.bin"_s)}),
        listing("opaque", {dir(u"usr/share/doc"_s), entry(LayerEntry::Type::OpaqueDirectory, u"usr/share/doc"_s),
                           dir(u"usr/share/doc/app"_s), file(u"usr/share/doc/app/README"_s, 18)}),
        listing("empty", {}),
    };
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names.append(model.index(row, 0, parent).data().toString());
    return names;
}

QModelIndex child(const QAbstractItemModel &model, const QModelIndex &parent, const QString &name)
{
    for (int row = 0; row < model.rowCount(parent); ++row)
        if (model.index(row, 0, parent).data().toString() == name)
            return model.index(row, 0, parent);
    return {};
}

QString cell(const QModelIndex &index, int column)
{
    return index.siblingAtColumn(column).data().toString();
}

bool waitForState(LayerFilesModel &model, LayerFilesModel::State state)
{
    if (model.state() == state)
        return true;
    QSignalSpy spy(&model, &LayerFilesModel::stateChanged);
    while (spy.wait(10'000))
        if (model.state() == state)
            return true;
    return model.state() == state;
}

} // namespace

class TestLayerFilesModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void startsIdle();
    void layerOnlyView();
    void mergedView();
    void opaqueFolder();
    void viewSwitchIsOneReset();
    void deletionsAreNeverPlainFiles();
    void emptyLayer();
    void incompleteListing();
    void unreadableLayer();
    void outOfRange();
    void replacedWhileBuilding();
    void findByNameKeepsAncestors_data();
    void findByNameKeepsAncestors();
    void changesOnly();
    void sortBySize();

private:
    std::unique_ptr<LayerFilesModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<Structure> m_structure;
};

void TestLayerFilesModel::init()
{
    m_model = std::make_unique<LayerFilesModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), kFatal);
    m_structure = std::make_unique<Structure>(m_model.get());
}

void TestLayerFilesModel::cleanup()
{
    m_structure.reset();
    m_tester.reset();
    m_model.reset();
}

void TestLayerFilesModel::startsIdle()
{
    QCOMPARE(m_model->state(), LayerFilesModel::State::Idle);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(LayerFilesModel::ColumnCount));
    QCOMPARE(m_model->layerIndex(), -1);
    QVERIFY(!m_model->isIncomplete());
    QCOMPARE(m_model->headerData(LayerFilesModel::MarkColumn, Qt::Horizontal).toString(), u"Change"_s);
}

void TestLayerFilesModel::layerOnlyView()
{
    QSignalSpy states(m_model.get(), &LayerFilesModel::stateChanged);
    m_model->setLayers(LayerStack(appLayers()), 2);
    QCOMPARE(m_model->state(), LayerFilesModel::State::Loading);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    QCOMPARE(states.count(), 2); // Loading, Ready
    QCOMPARE(m_model->layerIndex(), 2);
    QVERIFY(!m_model->isIncomplete());
    QCOMPARE(m_structure->inserted.count(), 0);
    QCOMPARE(m_structure->removed.count(), 0);

    QCOMPARE(childNames(*m_model), (QStringList{u"etc"_s, u"opt"_s}));
    const QModelIndex etc = child(*m_model, {}, u"etc"_s);
    QCOMPARE(childNames(*m_model, etc), (QStringList{u"app.conf"_s, u"motd"_s, u"obsolete.conf"_s}));
    QCOMPARE(cell(etc, LayerFilesModel::MarkColumn), u"modified"_s);
    QCOMPARE(etc.siblingAtColumn(LayerFilesModel::SizeColumn).data(LayerFilesModel::RawValueRole).toLongLong(), 51); // 14 + 37
    const QModelIndex appConf = child(*m_model, etc, u"app.conf"_s);
    QCOMPARE(appConf.data(LayerFilesModel::MarkRole).toInt(), int(FileMark::Added));
    QCOMPARE(cell(appConf, LayerFilesModel::MarkColumn), u"added"_s);
    QCOMPARE(cell(appConf, LayerFilesModel::TypeColumn), u"file"_s);
    QCOMPARE(cell(appConf, LayerFilesModel::ModeColumn), u"-rw-r--r--"_s);
    QCOMPARE(cell(appConf, LayerFilesModel::OwnerColumn), u"0:0"_s);
    QCOMPARE(appConf.data(LayerFilesModel::PathRole).toString(), u"etc/app.conf"_s);
    QCOMPARE(appConf.data(LayerFilesModel::SizeRole).toLongLong(), 14);
    QCOMPARE(appConf.data(LayerFilesModel::SourceLayerRole).toInt(), 2);
    QCOMPARE(appConf.data(LayerFilesModel::SourceLayerDigestRole).toString(), Digest::sha256Of("app").toString());
    QCOMPARE(appConf.data(LayerFilesModel::ModificationTimeRole).toDateTime(), QDateTime::fromSecsSinceEpoch(1704067200, Qt::UTC));
    QCOMPARE(child(*m_model, etc, u"motd"_s).data(LayerFilesModel::MarkRole).toInt(), int(FileMark::Modified));

    const QModelIndex current = child(*m_model, child(*m_model, {}, u"opt"_s), u"app"_s);
    const QModelIndex link = child(*m_model, current, u"current"_s);
    QCOMPARE(cell(link, LayerFilesModel::LinkTargetColumn), u"server.bin"_s);
    QCOMPARE(cell(link, LayerFilesModel::TypeColumn), u"symbolic link"_s);
    QCOMPARE(cell(link, LayerFilesModel::ModeColumn), u"lrwxrwxrwx"_s);
    QVERIFY(m_model->flags(link).testFlag(Qt::ItemNeverHasChildren));

    // Paths and nodes map back and forth.
    const QModelIndex found = m_model->indexOfPath(u"opt/app/server.bin"_s);
    QVERIFY(found.isValid());
    QCOMPARE(found.parent(), current);
    QCOMPARE(m_model->indexOfNode(m_model->nodeOf(found)), found);
    QVERIFY(!m_model->indexOfPath(u"bin/tool"_s).isValid()); // not this layer's
    QCOMPARE(m_model->count(FileMark::Added), 5); // app.conf, opt, opt/app, server.bin, current
    QCOMPARE(m_model->count(FileMark::Deleted), 1);
}

void TestLayerFilesModel::mergedView()
{
    m_model->setView(LayerFilesModel::View::Merged);
    m_model->setLayers(LayerStack(appLayers()), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    QCOMPARE(childNames(*m_model), (QStringList{u"bin"_s, u"etc"_s, u"opt"_s, u"usr"_s}));
    const QModelIndex etc = child(*m_model, {}, u"etc"_s);
    QCOMPARE(childNames(*m_model, etc), (QStringList{u"app.conf"_s, u"hostname"_s, u"motd"_s, u"obsolete.conf"_s}));
    QCOMPARE(etc.siblingAtColumn(LayerFilesModel::SizeColumn).data(LayerFilesModel::RawValueRole).toLongLong(), 59); // 14 + 8 + 37
    const QModelIndex hostname = child(*m_model, etc, u"hostname"_s);
    QCOMPARE(hostname.data(LayerFilesModel::MarkRole).toInt(), int(FileMark::None));
    QCOMPARE(cell(hostname, LayerFilesModel::MarkColumn), QString());
    QCOMPARE(hostname.data(LayerFilesModel::SourceLayerRole).toInt(), 0);
    const QModelIndex obsolete = child(*m_model, etc, u"obsolete.conf"_s);
    QVERIFY(obsolete.data(LayerFilesModel::DeletedRole).toBool());
    QCOMPARE(obsolete.data(LayerFilesModel::SourceLayerRole).toInt(), 0); // the deleted entry came from the base
    const QModelIndex usr = child(*m_model, {}, u"usr"_s);
    QCOMPARE(usr.siblingAtColumn(LayerFilesModel::SizeColumn).data(LayerFilesModel::RawValueRole).toLongLong(), 28);
}

void TestLayerFilesModel::opaqueFolder()
{
    m_model->setLayers(LayerStack(appLayers()), 3);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    const QModelIndex doc = m_model->indexOfPath(u"usr/share/doc"_s);
    QVERIFY(doc.isValid());
    QVERIFY(doc.data(LayerFilesModel::OpaqueRole).toBool());
    QVERIFY(!doc.data(LayerFilesModel::DeletedRole).toBool());
    QVERIFY(doc.data(Qt::ToolTipRole).toString().contains(u"hides"_s));
    QCOMPARE(childNames(*m_model, doc), (QStringList{u"app"_s, u"pkg"_s}));
    const QModelIndex pkg = child(*m_model, doc, u"pkg"_s);
    QVERIFY(pkg.data(LayerFilesModel::DeletedRole).toBool());
    QCOMPARE(cell(pkg, LayerFilesModel::TypeColumn), u"deleted folder"_s);
    QCOMPARE(pkg.data(LayerFilesModel::SizeRole).toLongLong(), 28);
    QCOMPARE(childNames(*m_model, pkg), (QStringList{u"COPYING"_s, u"README"_s}));
    for (const QString &name : {u"COPYING"_s, u"README"_s})
        QVERIFY(child(*m_model, pkg, name).data(LayerFilesModel::DeletedRole).toBool());
    QCOMPARE(child(*m_model, doc, u"app"_s).data(LayerFilesModel::MarkRole).toInt(), int(FileMark::Added));
    // Parents the layer has an entry for are marked; "usr" is only there for structure.
    QCOMPARE(m_model->indexOfPath(u"usr"_s).data(LayerFilesModel::MarkRole).toInt(), int(FileMark::None));
    QVERIFY(!m_model->indexOfPath(u"usr"_s).data(LayerFilesModel::ImpliedRole).toBool());
}

void TestLayerFilesModel::viewSwitchIsOneReset()
{
    m_model->setLayers(LayerStack(appLayers()), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    const int resets = int(m_structure->reset.count());
    QSignalSpy views(m_model.get(), &LayerFilesModel::viewChanged);
    m_model->setView(LayerFilesModel::View::Merged);
    QCOMPARE(m_structure->reset.count(), resets + 1);
    QCOMPARE(m_structure->aboutToReset.count(), m_structure->reset.count());
    QCOMPARE(views.count(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    m_model->setView(LayerFilesModel::View::Merged); // the same: nothing
    QCOMPARE(m_structure->reset.count(), resets + 1);
    QCOMPARE(views.count(), 1);
    m_model->setView(LayerFilesModel::View::LayerOnly);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_structure->inserted.count() + m_structure->removed.count() + m_structure->moved.count(), 0);
    QCOMPARE(m_structure->layout.count(), 0);
}

void TestLayerFilesModel::deletionsAreNeverPlainFiles()
{
    m_model->setLayers(LayerStack(appLayers()), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    const QModelIndex obsolete = m_model->indexOfPath(u"etc/obsolete.conf"_s);
    QVERIFY(obsolete.isValid());
    QVERIFY(obsolete.data(LayerFilesModel::DeletedRole).toBool());
    QCOMPARE(obsolete.data(LayerFilesModel::MarkRole).toInt(), int(FileMark::Deleted));
    QCOMPARE(cell(obsolete, LayerFilesModel::MarkColumn), u"deleted"_s);
    QCOMPARE(cell(obsolete, LayerFilesModel::TypeColumn), u"deleted file"_s);
    QVERIFY(cell(obsolete, LayerFilesModel::SizeColumn).startsWith(u"−"_s));
    QVERIFY(obsolete.data(Qt::ToolTipRole).toString().contains(u"deleted"_s));
    QCOMPARE(obsolete.data(LayerFilesModel::SizeRole).toLongLong(), 15);
    // The name is the deleted path's own, never ".wh.obsolete.conf".
    QCOMPARE(obsolete.data().toString(), u"obsolete.conf"_s);
    QCOMPARE(obsolete.data(LayerFilesModel::EntryTypeRole).toInt(), int(LayerEntry::Type::File));
}

void TestLayerFilesModel::emptyLayer()
{
    m_model->setLayers(LayerStack(appLayers()), 4);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Empty));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setView(LayerFilesModel::View::Merged);
    QCOMPARE(m_model->state(), LayerFilesModel::State::Ready);
    QCOMPARE(childNames(*m_model), (QStringList{u"bin"_s, u"etc"_s, u"opt"_s, u"usr"_s}));
    m_model->setView(LayerFilesModel::View::LayerOnly);
    QCOMPARE(m_model->state(), LayerFilesModel::State::Empty);
}

void TestLayerFilesModel::incompleteListing()
{
    QList<LayerListing> layers = appLayers();
    layers[2].entries = layers[2].entries.mid(0, 3); // cut after etc/app.conf
    layers[2].complete = false;
    layers[2].error = Error(Error::Code::MalformedDocument, u"the layer's gzip stream is corrupt"_s);
    m_model->setLayers(LayerStack(layers), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    QVERIFY(m_model->isIncomplete());
    QCOMPARE(m_model->errorMessage(), u"the layer's gzip stream is corrupt"_s);
    QCOMPARE(m_model->errorCode(), Error::Code::MalformedDocument);
    QCOMPARE(childNames(*m_model), QStringList{u"etc"_s});
    QCOMPARE(childNames(*m_model, child(*m_model, {}, u"etc"_s)), (QStringList{u"app.conf"_s, u"obsolete.conf"_s}));

    // A lower layer cut short makes the view incomplete too (marks may be wrong).
    layers = appLayers();
    layers[0].complete = false;
    layers[0].error = Error(Error::Code::Network, u"connection reset"_s);
    m_model->setLayers(LayerStack(layers), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    QVERIFY(m_model->isIncomplete());
    // And a whole stack again clears it.
    m_model->setLayers(LayerStack(appLayers()), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    QVERIFY(!m_model->isIncomplete());
    QVERIFY(m_model->errorMessage().isEmpty());
}

void TestLayerFilesModel::unreadableLayer()
{
    QList<LayerListing> layers = appLayers();
    layers[2].entries.clear();
    layers[2].complete = false;
    layers[2].error = Error(Error::Code::NotFound, u"the registry has no such blob"_s);
    m_model->setLayers(LayerStack(layers), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Error));
    QCOMPARE(m_model->errorCode(), Error::Code::NotFound);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->clear();
    QCOMPARE(m_model->state(), LayerFilesModel::State::Idle);
    QVERIFY(m_model->errorMessage().isEmpty());
}

void TestLayerFilesModel::outOfRange()
{
    m_model->setLayers(LayerStack(appLayers()), 9);
    QCOMPARE(m_model->state(), LayerFilesModel::State::Error);
    QCOMPARE(m_model->errorCode(), Error::Code::NotFound);
    m_model->setLayers(LayerStack(), 0);
    QCOMPARE(m_model->state(), LayerFilesModel::State::Error);
}

void TestLayerFilesModel::replacedWhileBuilding()
{
    // The second request wins, whatever the order the workers finish in.
    m_model->setLayers(LayerStack(appLayers()), 0);
    m_model->setLayers(LayerStack(appLayers()), 3);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    QCOMPARE(m_model->layerIndex(), 3);
    QCOMPARE(childNames(*m_model), QStringList{u"usr"_s});
    QTest::qWait(50); // a stale result arriving now must change nothing
    QCOMPARE(childNames(*m_model), QStringList{u"usr"_s});
}

void TestLayerFilesModel::findByNameKeepsAncestors_data()
{
    QTest::addColumn<QString>("find");
    QTest::addColumn<QStringList>("visible"); // every visible path, depth first
    QTest::addRow("substring") << u"MOTD"_s << QStringList{u"etc"_s, u"etc/motd"_s};
    QTest::addRow("wildcard") << u"*.conf"_s << QStringList{u"etc"_s, u"etc/app.conf"_s, u"etc/obsolete.conf"_s};
    QTest::addRow("deep") << u"server"_s << QStringList{u"opt"_s, u"opt/app"_s, u"opt/app/server.bin"_s};
    QTest::addRow("folder name") << u"app"_s
                                 << QStringList{u"etc"_s, u"etc/app.conf"_s, u"opt"_s, u"opt/app"_s};
    QTest::addRow("nothing") << u"no-such-name"_s << QStringList{};
}

void TestLayerFilesModel::findByNameKeepsAncestors()
{
    QFETCH(QString, find);
    QFETCH(QStringList, visible);
    LayerFilesProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester proxyTester(&proxy, kFatal);
    m_model->setView(LayerFilesModel::View::Merged);
    m_model->setLayers(LayerStack(appLayers()), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    QCOMPARE(proxy.rowCount(), 4);
    QSignalSpy filterSpy(&proxy, &LayerFilesProxyModel::filterChanged);
    proxy.setFindText(find);
    proxy.setFindText(find); // the same text again: nothing
    QCOMPARE(filterSpy.count(), 1);
    QStringList paths;
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex index = proxy.index(row, 0, parent);
            paths.append(index.data(LayerFilesModel::PathRole).toString());
            walk(index);
        }
    };
    walk({});
    QCOMPARE(paths, visible);
    proxy.setFindText({});
    QCOMPARE(proxy.rowCount(), 4);
}

void TestLayerFilesModel::changesOnly()
{
    LayerFilesProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester proxyTester(&proxy, kFatal);
    m_model->setView(LayerFilesModel::View::Merged);
    m_model->setLayers(LayerStack(appLayers()), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    proxy.setChangesOnly(true);
    QCOMPARE(childNames(proxy), (QStringList{u"etc"_s, u"opt"_s}));
    const QModelIndex etc = proxy.index(0, 0);
    QCOMPARE(childNames(proxy, etc), (QStringList{u"app.conf"_s, u"motd"_s, u"obsolete.conf"_s}));
    proxy.setChangesOnly(false);
    QCOMPARE(childNames(proxy), (QStringList{u"bin"_s, u"etc"_s, u"opt"_s, u"usr"_s}));
}

void TestLayerFilesModel::sortBySize()
{
    LayerFilesProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester proxyTester(&proxy, kFatal);
    m_model->setView(LayerFilesModel::View::Merged);
    m_model->setLayers(LayerStack(appLayers()), 2);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    proxy.sort(LayerFilesModel::SizeColumn, Qt::DescendingOrder);
    // bin 1000, opt 500, etc 59, usr 28: folders all, by their totals.
    QCOMPARE(childNames(proxy), (QStringList{u"bin"_s, u"opt"_s, u"etc"_s, u"usr"_s}));
    const QModelIndex etc = proxy.index(2, 0);
    QCOMPARE(childNames(proxy, etc), (QStringList{u"motd"_s, u"obsolete.conf"_s, u"app.conf"_s, u"hostname"_s}));
    const QModelIndex app = proxy.index(0, 0, proxy.index(1, 0));
    QCOMPARE(childNames(proxy, app), (QStringList{u"server.bin"_s, u"current"_s}));
    proxy.sort(LayerFilesModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(childNames(proxy), (QStringList{u"bin"_s, u"etc"_s, u"opt"_s, u"usr"_s}));

    // Folders stay first whichever way a column is sorted.
    m_model->setLayers(LayerStack({listing("mixed", {dir(u"a"_s), file(u"a/zz"_s, 1), dir(u"a/b"_s), file(u"a/b/x"_s, 5),
                                                     file(u"a/C"_s, 100)})}),
                       0);
    QVERIFY(waitForState(*m_model, LayerFilesModel::State::Ready));
    const auto names = [&proxy] { return childNames(proxy, proxy.index(0, 0)); };
    QCOMPARE(names(), (QStringList{u"b"_s, u"C"_s, u"zz"_s})); // by name, case aside
    proxy.sort(LayerFilesModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(names(), (QStringList{u"b"_s, u"zz"_s, u"C"_s}));
    proxy.sort(LayerFilesModel::SizeColumn, Qt::DescendingOrder);
    QCOMPARE(names(), (QStringList{u"b"_s, u"C"_s, u"zz"_s}));
    proxy.sort(LayerFilesModel::SizeColumn, Qt::AscendingOrder);
    QCOMPARE(names(), (QStringList{u"b"_s, u"zz"_s, u"C"_s}));
    QSignalSpy sortSpy(&proxy, &LayerFilesProxyModel::sortChanged);
    proxy.setFoldersFirst(false);
    QCOMPARE(sortSpy.count(), 1);
    QCOMPARE(names(), (QStringList{u"zz"_s, u"b"_s, u"C"_s}));
}

QTEST_GUILESS_MAIN(TestLayerFilesModel)
#include "tst_layerfilesmodel.moc"
