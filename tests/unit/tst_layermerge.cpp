// models/layers/ without any network: LayerStack's merged views (OCI whiteouts, opaque directories,
// replacements, hard links, implied parents), ImageEfficiency's wasted bytes and offenders, and
// ImageDiff's layers and files, all over hand-made listings written as one line per tar entry:
//   "f PATH SIZE", "d PATH", "l PATH -> TARGET", "h PATH => TARGET", "w PATH" (a whiteout of PATH),
//   "o PATH" (PATH made opaque), with optional "mode=0755", "uid=N", "gid=N", "mtime=N".
// Trees are compared as lines "MARK TYPE PATH SIZE[ opaque]" in depth-first order (MARK: A added,
// M modified, D deleted, . none; SIZE: a directory's total of live files below, or what a deleted
// node held).

#include "layers/FileTree.h"
#include "layers/ImageDiff.h"
#include "layers/ImageEfficiency.h"
#include "layers/LayerStack.h"

#include <QElapsedTimer>
#include <QTest>

using namespace wharf;
using namespace Qt::StringLiterals;

namespace {

LayerEntry parseEntry(const QString &line)
{
    const QStringList t = line.split(u' ', Qt::SkipEmptyParts);
    LayerEntry e;
    e.path = t.value(1) == u"."_s ? QString() : t.value(1);
    e.mode = 0644;
    switch (t.value(0).at(0).unicode()) {
    case 'f': e.type = LayerEntry::Type::File; break;
    case 'd': e.type = LayerEntry::Type::Directory; e.mode = 0755; break;
    case 'l': e.type = LayerEntry::Type::Symlink; e.mode = 0777; break;
    case 'h': e.type = LayerEntry::Type::Hardlink; break;
    case 'w': e.type = LayerEntry::Type::Whiteout; e.mode = 0; break;
    case 'o': e.type = LayerEntry::Type::OpaqueDirectory; e.mode = 0; break;
    case 'c': e.type = LayerEntry::Type::CharDevice; break;
    case 'p': e.type = LayerEntry::Type::Fifo; break;
    default: qFatal("bad entry line");
    }
    for (int i = 2; i < t.size(); ++i) {
        const QString &token = t.at(i);
        if (token == u"->"_s || token == u"=>"_s) {
            e.linkTarget = t.value(++i);
        } else if (token.startsWith(u"mode="_s)) {
            e.mode = token.mid(5).toUInt(nullptr, 8);
        } else if (token.startsWith(u"uid="_s)) {
            e.uid = token.mid(4).toLongLong();
        } else if (token.startsWith(u"gid="_s)) {
            e.gid = token.mid(4).toLongLong();
        } else if (token.startsWith(u"mtime="_s)) {
            e.mtime = token.mid(6).toLongLong();
        } else {
            e.size = token.toLongLong();
        }
    }
    return e;
}

LayerListing listing(const QString &name, const QStringList &lines)
{
    LayerListing l;
    l.layer = Digest::sha256Of(name.toUtf8());
    for (const QString &line : lines)
        l.entries.append(parseEntry(line));
    l.complete = true;
    l.compressedSize = 100 * lines.size();
    return l;
}

// Layers written as "L0", "L1", …: the name of a layer is its index unless given as "name: …".
LayerStack stackOf(const QList<QStringList> &layers, const QStringList &names = {})
{
    QList<LayerListing> listings;
    for (int i = 0; i < layers.size(); ++i)
        listings.append(listing(names.value(i, u"L%1"_s.arg(i)), layers.at(i)));
    return LayerStack(listings);
}

QChar typeLetter(LayerEntry::Type type)
{
    switch (type) {
    case LayerEntry::Type::File: return u'f';
    case LayerEntry::Type::Directory: return u'd';
    case LayerEntry::Type::Symlink: return u'l';
    case LayerEntry::Type::Hardlink: return u'h';
    case LayerEntry::Type::CharDevice: return u'c';
    case LayerEntry::Type::BlockDevice: return u'b';
    case LayerEntry::Type::Fifo: return u'p';
    case LayerEntry::Type::Whiteout: return u'w';
    case LayerEntry::Type::OpaqueDirectory: return u'o';
    }
    return u'?';
}

QChar markLetter(FileMark mark)
{
    switch (mark) {
    case FileMark::Added: return u'A';
    case FileMark::Modified: return u'M';
    case FileMark::Deleted: return u'D';
    case FileMark::None: break;
    }
    return u'.';
}

QStringList describe(const FileTree &tree, bool markedOnly)
{
    QStringList lines;
    for (const int i : tree.depthFirst()) {
        const FileNode &n = tree.node(i);
        if (markedOnly && n.mark == FileMark::None && !n.opaque)
            continue;
        QString line = u"%1 %2 %3 %4"_s.arg(markLetter(n.mark)).arg(typeLetter(n.entry.type)).arg(tree.path(i)).arg(n.totalSize);
        if (n.opaque)
            line += u" opaque"_s;
        lines.append(line);
    }
    return lines;
}

QStringList liveLines(const FileTree &tree)
{
    QStringList lines;
    for (const int i : tree.depthFirst()) {
        const FileNode &n = tree.node(i);
        lines.append(u"%1 %2 %3"_s.arg(typeLetter(n.entry.type)).arg(tree.path(i)).arg(n.totalSize));
    }
    return lines;
}

using Layers = QList<QStringList>;

} // namespace

class TestLayerMerge final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void merge_data();
    void merge();
    void layerTreeKeepsStructure();
    void entryMetadataComesFromTheRightLayer();
    void efficiency_data();
    void efficiency();
    void offenders();
    void incompleteListings();
    void diffLayers_data();
    void diffLayers();
    void diffFiles_data();
    void diffFiles();
    void largeImagesStayLinear();
};

void TestLayerMerge::merge_data()
{
    QTest::addColumn<Layers>("layers");
    QTest::addColumn<QStringList>("final");       // finalTree(): "TYPE PATH SIZE"
    QTest::addColumn<QStringList>("layerMarks");  // layerTree(last), marked (or opaque) nodes
    QTest::addColumn<QStringList>("mergedMarks"); // mergedTree(last), marked (or opaque) nodes

    QTest::addRow("whiteout of a file")
        << Layers{{u"d etc"_s, u"f etc/a 10"_s, u"f etc/b 20"_s}, {u"w etc/a"_s}}
        << QStringList{u"d etc 20"_s, u"f etc/b 20"_s}
        << QStringList{u"D f etc/a 10"_s}
        << QStringList{u"D f etc/a 10"_s};

    QTest::addRow("whiteout of a directory with children")
        << Layers{{u"d usr"_s, u"d usr/share"_s, u"f usr/share/x 5"_s, u"d usr/share/sub"_s, u"f usr/share/sub/y 7"_s,
                   u"f usr/keep 1"_s},
                  {u"w usr/share"_s}}
        << QStringList{u"d usr 1"_s, u"f usr/keep 1"_s}
        << QStringList{u"D d usr/share 12"_s, u"D d usr/share/sub 7"_s, u"D f usr/share/sub/y 7"_s, u"D f usr/share/x 5"_s}
        << QStringList{u"D d usr/share 12"_s, u"D d usr/share/sub 7"_s, u"D f usr/share/sub/y 7"_s, u"D f usr/share/x 5"_s};

    QTest::addRow("opaque directory with its own new children")
        << Layers{{u"d a"_s, u"f a/old 3"_s, u"d a/sub"_s, u"f a/sub/deep 4"_s, u"f a/same 2"_s},
                  {u"d a"_s, u"o a"_s, u"f a/new 5"_s, u"f a/same 6"_s}}
        << QStringList{u"d a 11"_s, u"f a/new 5"_s, u"f a/same 6"_s}
        << QStringList{u"M d a 11 opaque"_s, u"A f a/new 5"_s, u"D f a/old 3"_s, u"M f a/same 6"_s, u"D d a/sub 4"_s,
                       u"D f a/sub/deep 4"_s}
        << QStringList{u"M d a 11 opaque"_s, u"A f a/new 5"_s, u"D f a/old 3"_s, u"M f a/same 6"_s, u"D d a/sub 4"_s,
                       u"D f a/sub/deep 4"_s};

    QTest::addRow("opaque marker after the entries it keeps")
        << Layers{{u"d a"_s, u"f a/old 3"_s}, {u"f a/new 5"_s, u"o a"_s}}
        << QStringList{u"d a 5"_s, u"f a/new 5"_s}
        << QStringList{u". d a 5 opaque"_s, u"A f a/new 5"_s, u"D f a/old 3"_s}
        << QStringList{u". d a 5 opaque"_s, u"A f a/new 5"_s, u"D f a/old 3"_s};

    QTest::addRow("opaque directory that was not there")
        << Layers{{u"f x 1"_s}, {u"d a"_s, u"o a"_s, u"f a/new 5"_s}}
        << QStringList{u"d a 5"_s, u"f a/new 5"_s, u"f x 1"_s}
        << QStringList{u"A d a 5 opaque"_s, u"A f a/new 5"_s}
        << QStringList{u"A d a 5 opaque"_s, u"A f a/new 5"_s};

    QTest::addRow("directory replaced by a file")
        << Layers{{u"d x"_s, u"f x/1 1"_s, u"f x/2 2"_s}, {u"f x 9"_s}}
        << QStringList{u"f x 9"_s}
        << QStringList{u"M f x 9"_s, u"D f x/1 1"_s, u"D f x/2 2"_s}
        << QStringList{u"M f x 9"_s, u"D f x/1 1"_s, u"D f x/2 2"_s};

    QTest::addRow("file replaced by a directory")
        << Layers{{u"f x 4"_s}, {u"d x"_s, u"f x/y 1"_s}}
        << QStringList{u"d x 1"_s, u"f x/y 1"_s}
        << QStringList{u"M d x 1"_s, u"A f x/y 1"_s}
        << QStringList{u"M d x 1"_s, u"A f x/y 1"_s};

    QTest::addRow("file in the way of a deeper path")
        << Layers{{u"f a 3"_s}, {u"f a/b 1"_s}}
        << QStringList{u"d a 1"_s, u"f a/b 1"_s}
        << QStringList{u"M d a 1"_s, u"A f a/b 1"_s}
        << QStringList{u"M d a 1"_s, u"A f a/b 1"_s};

    QTest::addRow("hard link outlives its target")
        << Layers{{u"d bin"_s, u"f bin/busybox 100"_s, u"h bin/ls => bin/busybox"_s}, {u"w bin/busybox"_s}}
        << QStringList{u"d bin 0"_s, u"h bin/ls 0"_s}
        << QStringList{u"D f bin/busybox 100"_s}
        << QStringList{u"D f bin/busybox 100"_s};

    QTest::addRow("re-added after a delete")
        << Layers{{u"f f 10"_s}, {u"w f"_s}, {u"f f 12"_s}}
        << QStringList{u"f f 12"_s}
        << QStringList{u"A f f 12"_s}
        << QStringList{u"A f f 12"_s};

    QTest::addRow("deleted and written again in one layer")
        << Layers{{u"d d"_s, u"f d/x 1"_s}, {u"w d"_s, u"d d"_s, u"f d/y 2"_s}}
        << QStringList{u"d d 2"_s, u"f d/y 2"_s}
        << QStringList{u"M d d 2"_s, u"D f d/x 1"_s, u"A f d/y 2"_s}
        << QStringList{u"M d d 2"_s, u"D f d/x 1"_s, u"A f d/y 2"_s};

    QTest::addRow("later entry replaces earlier")
        << Layers{{u"d etc"_s, u"f etc/motd 38"_s, u"f etc/hostname 8"_s}, {u"d etc"_s, u"f etc/motd 37"_s}}
        << QStringList{u"d etc 45"_s, u"f etc/hostname 8"_s, u"f etc/motd 37"_s}
        << QStringList{u"M d etc 37"_s, u"M f etc/motd 37"_s} // a layer's own view sums its own files
        << QStringList{u"M d etc 45"_s, u"M f etc/motd 37"_s};

    QTest::addRow("whiteout of nothing")
        << Layers{{u"f a 1"_s}, {u"w ghost"_s}}
        << QStringList{u"f a 1"_s}
        << QStringList{u"D w ghost 0"_s}
        << QStringList{};

    QTest::addRow("whiteout applies to lower layers only")
        << Layers{{u"f a 1"_s}, {u"f b 2"_s, u"w b"_s}}
        << QStringList{u"f a 1"_s, u"f b 2"_s}
        << QStringList{u"A f b 2"_s}
        << QStringList{u"A f b 2"_s};

    QTest::addRow("implied parents")
        << Layers{{u"f a/b/c 3"_s}}
        << QStringList{u"d a 3"_s, u"d a/b 3"_s, u"f a/b/c 3"_s}
        << QStringList{u"A d a 3"_s, u"A d a/b 3"_s, u"A f a/b/c 3"_s}
        << QStringList{u"A d a 3"_s, u"A d a/b 3"_s, u"A f a/b/c 3"_s};

    QTest::addRow("symlink replaced by a file")
        << Layers{{u"l lib -> usr/lib"_s}, {u"f lib 2"_s}}
        << QStringList{u"f lib 2"_s}
        << QStringList{u"M f lib 2"_s}
        << QStringList{u"M f lib 2"_s};

    QTest::addRow("same path twice in one layer")
        << Layers{{u"f a 5"_s, u"f a 7"_s}}
        << QStringList{u"f a 7"_s}
        << QStringList{u"A f a 7"_s}
        << QStringList{u"A f a 7"_s};

    QTest::addRow("folder replaced and filled again in one layer")
        << Layers{{u"f a/x 1"_s, u"f a 2"_s, u"f a/y 3"_s}}
        << QStringList{u"d a 3"_s, u"f a/y 3"_s}
        << QStringList{u"A d a 3"_s, u"A f a/y 3"_s}
        << QStringList{u"A d a 3"_s, u"A f a/y 3"_s};

    QTest::addRow("root entry is the root")
        << Layers{{u"d etc"_s}, {u"d . mode=0700"_s, u"f etc/x 1"_s}}
        << QStringList{u"d etc 1"_s, u"f etc/x 1"_s}
        << QStringList{u"A f etc/x 1"_s}
        << QStringList{u"A f etc/x 1"_s};
}

void TestLayerMerge::merge()
{
    QFETCH(Layers, layers);
    QFETCH(QStringList, final);
    QFETCH(QStringList, layerMarks);
    QFETCH(QStringList, mergedMarks);
    const LayerStack stack = stackOf(layers);
    const int last = stack.size() - 1;
    QCOMPARE(liveLines(stack.finalTree()), final);
    QCOMPARE(describe(stack.layerTree(last), true), layerMarks);
    QCOMPARE(describe(stack.mergedTree(last), true), mergedMarks);
    // The merged tree without its deleted nodes is the final tree.
    const FileTree merged = stack.mergedTree(last);
    QStringList live;
    for (const int i : merged.depthFirst())
        if (!merged.node(i).isDeleted())
            live.append(u"%1 %2 %3"_s.arg(typeLetter(merged.node(i).entry.type)).arg(merged.path(i)).arg(merged.node(i).totalSize));
    QCOMPARE(live, final);
}

void TestLayerMerge::layerTreeKeepsStructure()
{
    // A layer that changes one deep file shows its parents (from the layers below) unmarked.
    const LayerStack stack = stackOf({{u"d usr mode=0711"_s, u"d usr/lib"_s, u"f usr/lib/a 1"_s, u"f usr/lib/b 2"_s},
                                      {u"f usr/lib/a 4"_s}});
    const FileTree tree = stack.layerTree(1);
    QCOMPARE(describe(tree, false), (QStringList{u". d usr 4"_s, u". d usr/lib 4"_s, u"M f usr/lib/a 4"_s}));
    const int usr = tree.find(u"usr"_s);
    QVERIFY(usr > 0);
    QCOMPARE(tree.node(usr).entry.mode, 0711u);
    QCOMPARE(tree.node(usr).layer, 0);
    QVERIFY(!tree.node(usr).implied);
    // The merged view has every path, marks only on what layer 1 did.
    QCOMPARE(describe(stack.mergedTree(1), false),
             (QStringList{u". d usr 6"_s, u". d usr/lib 6"_s, u"M f usr/lib/a 4"_s, u". f usr/lib/b 2"_s}));
    QCOMPARE(stack.mergedTree(0).count(FileMark::Added), 4);
    // Out of range: an empty tree, not a crash.
    QCOMPARE(stack.layerTree(2).size(), 1);
    QCOMPARE(stack.mergedTree(-1).size(), 1);
}

void TestLayerMerge::entryMetadataComesFromTheRightLayer()
{
    const LayerStack stack = stackOf({{u"f a 1 mode=0600 uid=5 gid=6 mtime=100"_s, u"l s -> a"_s},
                                      {u"f a 2 mode=0644 uid=0 gid=0 mtime=200"_s, u"w s"_s}});
    const FileTree merged = stack.mergedTree(1);
    const FileNode &a = merged.node(merged.find(u"a"_s));
    QCOMPARE(a.entry.mode, 0644u);
    QCOMPARE(a.entry.mtime, 200);
    QCOMPARE(a.layer, 1);
    const FileNode &s = merged.node(merged.find(u"s"_s));
    QCOMPARE(s.mark, FileMark::Deleted);
    QCOMPARE(s.entry.type, LayerEntry::Type::Symlink); // what was deleted, not the whiteout
    QCOMPARE(s.entry.linkTarget, u"a"_s);
    QCOMPARE(s.layer, 0);
    const FileTree below = stack.mergedTree(0);
    QCOMPARE(below.node(below.find(u"a"_s)).entry.uid, 5);
}

void TestLayerMerge::efficiency_data()
{
    QTest::addColumn<Layers>("layers");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("wasted");
    QTest::addColumn<QList<qint64>>("layerWasted");

    QTest::addRow("no waste") << Layers{{u"f a 10"_s}, {u"f b 20"_s}} << qint64(30) << qint64(0) << QList<qint64>{0, 0};
    QTest::addRow("overwritten") << Layers{{u"f a 10"_s}, {u"f a 12"_s}} << qint64(22) << qint64(10) << QList<qint64>{10, 0};
    QTest::addRow("overwritten twice") << Layers{{u"f a 10"_s}, {u"f a 10"_s}, {u"f a 10"_s}} << qint64(30) << qint64(20)
                                       << QList<qint64>{10, 10, 0};
    QTest::addRow("deleted") << Layers{{u"f a 10"_s, u"f b 1"_s}, {u"w a"_s}} << qint64(11) << qint64(10) << QList<qint64>{10, 0};
    QTest::addRow("directory deleted") << Layers{{u"f d/a 10"_s, u"f d/e/b 5"_s}, {u"w d"_s}} << qint64(15) << qint64(15)
                                       << QList<qint64>{15, 0};
    QTest::addRow("opaque") << Layers{{u"f d/a 10"_s}, {u"o d"_s, u"f d/b 3"_s}} << qint64(13) << qint64(10) << QList<qint64>{10, 0};
    QTest::addRow("re-added after delete") << Layers{{u"f f 10"_s}, {u"w f"_s}, {u"f f 12"_s}} << qint64(22) << qint64(10)
                                           << QList<qint64>{10, 0, 0};
    QTest::addRow("hard link keeps bytes") << Layers{{u"f a 10"_s, u"h b => a"_s}, {u"w a"_s}} << qint64(10) << qint64(0)
                                           << QList<qint64>{0, 0};
    QTest::addRow("hard link to an overwritten file") << Layers{{u"f a 10"_s}, {u"h b => a"_s}, {u"f a 20"_s}} << qint64(30)
                                                      << qint64(0) << QList<qint64>{0, 0, 0};
    QTest::addRow("directory replaced by file") << Layers{{u"f x/1 4"_s}, {u"f x 1"_s}} << qint64(5) << qint64(4)
                                                << QList<qint64>{4, 0};
    QTest::addRow("duplicate in one layer") << Layers{{u"f a 5"_s, u"f a 7"_s}} << qint64(12) << qint64(5) << QList<qint64>{5};
    QTest::addRow("empty image") << Layers{{u"d etc"_s}} << qint64(0) << qint64(0) << QList<qint64>{0};
}

void TestLayerMerge::efficiency()
{
    QFETCH(Layers, layers);
    QFETCH(qint64, total);
    QFETCH(qint64, wasted);
    QFETCH(QList<qint64>, layerWasted);
    const ImageEfficiency e = ImageEfficiency::measure(stackOf(layers));
    QCOMPARE(e.totalBytes, total);
    QCOMPARE(e.wastedBytes, wasted);
    QCOMPARE(e.keptBytes, total - wasted);
    QCOMPARE(e.layerWastedBytes, layerWasted);
    qint64 sum = 0;
    for (const qint64 b : e.layerBytes)
        sum += b;
    QCOMPARE(sum, total);
    const double score = total > 0 ? double(total - wasted) / double(total) : 1.0;
    QCOMPARE(e.score, score);
    QVERIFY(e.complete);
}

void TestLayerMerge::offenders()
{
    const ImageEfficiency e = ImageEfficiency::measure(
        stackOf({{u"f big 1000"_s, u"f small 10"_s, u"f d/x 50"_s, u"f keep 7"_s},
                 {u"f big 1000"_s, u"w small"_s, u"f d/x 60"_s},
                 {u"f big 900"_s, u"w d"_s}}));
    QCOMPARE(e.offenders.size(), 3);
    QCOMPARE(e.offenders.at(0).path, u"big"_s);
    QCOMPARE(e.offenders.at(0).wastedBytes, 2000);
    QCOMPARE(e.offenders.at(0).copies, 3);
    QVERIFY(!e.offenders.at(0).removed);
    QCOMPARE(e.offenders.at(1).path, u"d/x"_s);
    QCOMPARE(e.offenders.at(1).wastedBytes, 110);
    QCOMPARE(e.offenders.at(1).copies, 2);
    QVERIFY(e.offenders.at(1).removed);
    QCOMPARE(e.offenders.at(2).path, u"small"_s);
    QCOMPARE(e.offenders.at(2).copies, 1);
    QVERIFY(e.offenders.at(2).removed);
    QCOMPARE(e.wastedBytes, 2120);
    QCOMPARE(e.totalBytes, 1000 + 10 + 50 + 7 + 1000 + 60 + 900);
}

void TestLayerMerge::incompleteListings()
{
    QList<LayerListing> layers{listing(u"a"_s, {u"f a 1"_s}), listing(u"b"_s, {u"f b 2"_s})};
    layers[1].complete = false;
    layers[1].error = Error(Error::Code::Io, u"cut short"_s);
    const LayerStack stack(layers);
    QVERIFY(stack.isComplete(0));
    QVERIFY(!stack.isComplete());
    QVERIFY(!stack.firstError(0));
    QCOMPARE(stack.firstError()->code(), Error::Code::Io);
    QVERIFY(!ImageEfficiency::measure(stack).complete);
    QVERIFY(!ImageDiff::compare(stack, stack).complete);
    // What was read is still merged.
    QCOMPARE(liveLines(stack.finalTree()), (QStringList{u"f a 1"_s, u"f b 2"_s}));
}

void TestLayerMerge::diffLayers_data()
{
    QTest::addColumn<QStringList>("from");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<int>("sharedPrefix");
    QTest::addColumn<QStringList>("common");
    QTest::addColumn<QStringList>("onlyInFrom");
    QTest::addColumn<QStringList>("onlyInTo");
    QTest::addRow("same") << QStringList{u"A"_s, u"B"_s} << QStringList{u"A"_s, u"B"_s} << 2 << QStringList{u"A"_s, u"B"_s}
                          << QStringList{} << QStringList{};
    QTest::addRow("base and app") << QStringList{u"A"_s, u"B"_s} << QStringList{u"A"_s, u"B"_s, u"C"_s, u"D"_s} << 2
                                  << QStringList{u"A"_s, u"B"_s} << QStringList{} << QStringList{u"C"_s, u"D"_s};
    QTest::addRow("rebased") << QStringList{u"A"_s, u"B"_s, u"C"_s} << QStringList{u"X"_s, u"B"_s, u"C"_s} << 0
                             << QStringList{u"B"_s, u"C"_s} << QStringList{u"A"_s} << QStringList{u"X"_s};
    QTest::addRow("reordered") << QStringList{u"A"_s, u"B"_s} << QStringList{u"B"_s, u"A"_s} << 0 << QStringList{u"A"_s, u"B"_s}
                               << QStringList{} << QStringList{};
    QTest::addRow("nothing shared") << QStringList{u"A"_s} << QStringList{u"B"_s} << 0 << QStringList{} << QStringList{u"A"_s}
                                    << QStringList{u"B"_s};
    QTest::addRow("a blob used twice") << QStringList{u"A"_s, u"E"_s, u"E"_s} << QStringList{u"A"_s, u"E"_s} << 2
                                       << QStringList{u"A"_s, u"E"_s} << QStringList{} << QStringList{};
}

void TestLayerMerge::diffLayers()
{
    QFETCH(QStringList, from);
    QFETCH(QStringList, to);
    QFETCH(int, sharedPrefix);
    QFETCH(QStringList, common);
    QFETCH(QStringList, onlyInFrom);
    QFETCH(QStringList, onlyInTo);
    // Each named layer holds one file of its own name, so layer and file diffs agree.
    const auto stack = [](const QStringList &names) {
        Layers layers;
        for (const QString &n : names)
            layers.append(QStringList{u"f "_s + n + u" 1"_s});
        return stackOf(layers, names);
    };
    const ImageDiff diff = ImageDiff::compare(stack(from), stack(to));
    QCOMPARE(diff.sharedPrefix, sharedPrefix);
    const auto names = [](const QList<ImageDiff::Layer> &layers) {
        QStringList out;
        for (const ImageDiff::Layer &l : layers) {
            for (const QString &candidate : {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s, u"X"_s})
                if (Digest::sha256Of(candidate.toUtf8()) == l.digest)
                    out.append(candidate);
        }
        return out;
    };
    QCOMPARE(names(diff.commonLayers), common);
    QCOMPARE(names(diff.onlyInFrom), onlyInFrom);
    QCOMPARE(names(diff.onlyInTo), onlyInTo);
    for (const ImageDiff::Layer &l : diff.commonLayers) {
        QVERIFY(l.fromIndex >= 0);
        QVERIFY(l.toIndex >= 0);
    }
}

void TestLayerMerge::diffFiles_data()
{
    QTest::addColumn<Layers>("from");
    QTest::addColumn<Layers>("to");
    QTest::addColumn<QStringList>("toNames"); // layer names of `to` (same name, same digest)
    QTest::addColumn<QStringList>("files");   // "+ path", "- path", "~ path reasons"
    QTest::addColumn<QList<qint64>>("bytes"); // added, removed, changed delta, total delta

    const QStringList base0{u"d etc mtime=1"_s, u"f etc/motd 38 mtime=1"_s, u"f etc/obsolete.conf 15 mtime=1"_s};
    const QStringList base1{u"d usr mtime=1"_s, u"f usr/doc 100 mtime=1"_s};
    QTest::addRow("identical") << Layers{base0, base1} << Layers{base0, base1} << QStringList{u"L0"_s, u"L1"_s} << QStringList{}
                               << QList<qint64>{0, 0, 0, 0};
    QTest::addRow("base and app")
        << Layers{base0, base1}
        << Layers{base0, base1, {u"d etc mtime=2"_s, u"w etc/obsolete.conf"_s, u"f etc/motd 37 mtime=1"_s, u"f etc/app.conf 14 mtime=1"_s}}
        << QStringList{u"L0"_s, u"L1"_s, u"app"_s}
        << QStringList{u"+ etc/app.conf"_s, u"~ etc/motd size,layer"_s, u"- etc/obsolete.conf"_s}
        << QList<qint64>{14, 15, -1, -2};
    QTest::addRow("rebuilt layer, same headers")
        << Layers{base0} << Layers{base0} << QStringList{u"rebuilt"_s}
        << QStringList{u"~ etc/motd layer"_s, u"~ etc/obsolete.conf layer"_s} << QList<qint64>{0, 0, 0, 0};
    QTest::addRow("metadata only")
        << Layers{{u"f a 1 mode=0644 mtime=1"_s, u"f b 1 mtime=1"_s, u"f c 1 mtime=1"_s}}
        << Layers{{u"f a 1 mode=0755 mtime=1"_s, u"f b 1 uid=1000 mtime=1"_s, u"f c 1 mtime=9"_s}}
        << QStringList{u"meta"_s}
        << QStringList{u"~ a mode,layer"_s, u"~ b owner,layer"_s, u"~ c mtime,layer"_s} << QList<qint64>{0, 0, 0, 0};
    QTest::addRow("directory time is not a change")
        << Layers{{u"d d mtime=1"_s, u"f d/x 1 mtime=1"_s}} << Layers{{u"d d mtime=5"_s, u"f d/x 1 mtime=1"_s}}
        << QStringList{u"other"_s} << QStringList{u"~ d/x layer"_s} << QList<qint64>{0, 0, 0, 0};
    QTest::addRow("type and link changes")
        << Layers{{u"f a 4 mtime=1"_s, u"l b -> x mtime=1"_s}} << Layers{{u"l a -> b mtime=1"_s, u"l b -> y mtime=1"_s}}
        << QStringList{u"links"_s} << QStringList{u"~ a type,size,mode,link,layer"_s, u"~ b link,layer"_s}
        << QList<qint64>{0, 0, -4, -4};
}

void TestLayerMerge::diffFiles()
{
    QFETCH(Layers, from);
    QFETCH(Layers, to);
    QFETCH(QStringList, toNames);
    QFETCH(QStringList, files);
    QFETCH(QList<qint64>, bytes);
    const ImageDiff diff = ImageDiff::compare(stackOf(from), stackOf(to, toNames));
    QStringList lines;
    for (const ImageDiff::File &f : diff.files) {
        switch (f.change) {
        case ImageDiff::Change::Added: lines.append(u"+ "_s + f.path); break;
        case ImageDiff::Change::Removed: lines.append(u"- "_s + f.path); break;
        case ImageDiff::Change::Changed: {
            QStringList reasons;
            const std::pair<ImageDiff::Difference, QString> names[] = {
                {ImageDiff::Difference::Type, u"type"_s},   {ImageDiff::Difference::Size, u"size"_s},
                {ImageDiff::Difference::Mode, u"mode"_s},   {ImageDiff::Difference::Owner, u"owner"_s},
                {ImageDiff::Difference::LinkTarget, u"link"_s}, {ImageDiff::Difference::MTime, u"mtime"_s},
                {ImageDiff::Difference::Layer, u"layer"_s}};
            for (const auto &[flag, name] : names)
                if (f.differences.testFlag(flag))
                    reasons.append(name);
            lines.append(u"~ "_s + f.path + u' ' + reasons.join(u','));
            break;
        }
        }
    }
    QCOMPARE(lines, files);
    QCOMPARE(diff.addedBytes, bytes.at(0));
    QCOMPARE(diff.removedBytes, bytes.at(1));
    QCOMPARE(diff.changedDelta, bytes.at(2));
    QCOMPARE(diff.totalDelta(), bytes.at(3));
    QCOMPARE(diff.added + diff.removed + diff.changed, int(diff.files.size()));
}

void TestLayerMerge::largeImagesStayLinear()
{
    // Three layers of 100,000 entries: a wide base, a layer rewriting half of it, a layer deleting
    // a quarter of the directories. Quadratic code would take minutes; this takes well under one
    // second on a laptop, so the bound only catches that.
    constexpr int kDirs = 1000;
    constexpr int kFilesPerDir = 99;
    QList<LayerListing> layers(3);
    for (int l = 0; l < 3; ++l) {
        layers[l].layer = Digest::sha256Of(QByteArray::number(l));
        layers[l].complete = true;
    }
    for (int d = 0; d < kDirs; ++d) {
        const QString dir = u"usr/lib/pkg%1"_s.arg(d);
        layers[0].entries.append(LayerEntry{dir, LayerEntry::Type::Directory, 0, 0755, 0, 0, 0, {}});
        for (int f = 0; f < kFilesPerDir; ++f) {
            const QString path = dir + u"/file"_s + QString::number(f);
            layers[0].entries.append(LayerEntry{path, LayerEntry::Type::File, 100, 0644, 0, 0, 0, {}});
            if (f % 2 == 0)
                layers[1].entries.append(LayerEntry{path, LayerEntry::Type::File, 200, 0644, 0, 0, 1, {}});
        }
        if (d % 4 == 0)
            layers[2].entries.append(LayerEntry{dir, LayerEntry::Type::Whiteout, 0, 0, 0, 0, 0, {}});
        else
            layers[2].entries.append(LayerEntry{dir + u"/new"_s, LayerEntry::Type::File, 1, 0644, 0, 0, 0, {}});
    }
    const LayerStack stack(layers);
    QElapsedTimer timer;
    timer.start();
    const FileTree merged = stack.mergedTree(2);
    const FileTree own = stack.layerTree(2);
    const ImageEfficiency efficiency = ImageEfficiency::measure(stack);
    const ImageDiff diff = ImageDiff::compare(LayerStack(layers.mid(0, 2)), stack);
    const qint64 elapsed = timer.elapsed();
    qInfo("merged %d nodes, layer view %d nodes, %lld offenders, %lld diff entries in %lld ms", merged.size(), own.size(),
          qlonglong(efficiency.offenders.size()), qlonglong(diff.files.size()), qlonglong(elapsed));
    QVERIFY2(elapsed < 30'000, "merging 300,000 entries took far too long");
    QCOMPARE(merged.count(FileMark::Deleted), kDirs / 4 * (kFilesPerDir + 1));
    QCOMPARE(diff.removed, kDirs / 4 * (kFilesPerDir + 1));
    QCOMPARE(diff.added, kDirs / 4 * 3);
}

QTEST_GUILESS_MAIN(TestLayerMerge)
#include "tst_layermerge.moc"
