// LayerGraph: the trie of layer digests behind the layer map (which nodes exist, which images run
// through them, which image ends where), bytes an image has alone against bytes it shares, and the
// layout (deterministic, parents centred over their rows, no two nodes overlapping, one label row
// per image). Images are written as strings of one-letter layers, base first: "a b c".
#include "layers/LayerGraph.h"

#include "SyntheticLayerImages.h"

#include <QTest>

#include <cmath>

using namespace wharf;
using namespace Qt::StringLiterals;

namespace {

// Layer "a" is 1000 bytes, "b" 2000, … so byte sums name their layers.
qint64 sizeOf(QChar letter)
{
    return (letter.unicode() - u'a' + 1) * 1000;
}

Digest digestOf(QChar letter)
{
    return Digest::sha256Of(QString(letter).toUtf8());
}

QList<LayerGraph::Image> imagesFrom(const QStringList &specs)
{
    QList<LayerGraph::Image> images;
    for (const QString &spec : specs) {
        LayerGraph::Image image;
        image.label = u"image %1"_s.arg(images.size());
        image.tags = {u"t%1"_s.arg(images.size())};
        for (const QString &name : spec.split(u' ', Qt::SkipEmptyParts))
            image.layers.append(LayerGraph::Layer{digestOf(name.at(0)), sizeOf(name.at(0)), {}, u"RUN make "_s + name});
        images.append(image);
    }
    return images;
}

QString letterOf(const LayerGraph &graph, int node)
{
    if (node < 0)
        return u"-"_s;
    for (QChar c = u'a'; c <= u'z'; c = QChar(c.unicode() + 1))
        if (digestOf(c) == graph.node(node).layer.digest)
            return QString(c);
    return u"?"_s;
}

QString joined(const QList<int> &values)
{
    QStringList parts;
    for (const int v : values)
        parts.append(QString::number(v));
    return parts.join(u',');
}

// "letter:parent:images[:ending]" per node, in creation order.
QString describeTrie(const LayerGraph &graph)
{
    QStringList nodes;
    for (int i = 0; i < graph.nodes().size(); ++i) {
        const LayerGraph::Node &n = graph.node(i);
        QString text = letterOf(graph, i) + u':' + letterOf(graph, n.parent) + u':' + joined(n.images);
        if (!n.endingImages.isEmpty())
            text += u":end=" + joined(n.endingImages);
        nodes.append(text);
    }
    return nodes.join(u' ');
}

// "unique/shared" per image.
QString describeBytes(const LayerGraph &graph)
{
    QStringList parts;
    for (int i = 0; i < graph.images().size(); ++i)
        parts.append(u"%1/%2"_s.arg(graph.stats(i).uniqueBytes).arg(graph.stats(i).sharedBytes));
    return parts.join(u' ');
}

} // namespace

class TestLayerGraph final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trie_data();
    void trie();
    void sameBlobOnDifferentParents();
    void groupsFollowBlobUsers();
    void emptyGraph();
    void radiusIsLogarithmicAndBounded();
    void layoutIsDeterministic();
    void layoutHasNoOverlaps_data();
    void layoutHasNoOverlaps();
    void nodesSitOnTheirRows();
    void syntheticThirtyByThirty();
};

void TestLayerGraph::trie_data()
{
    QTest::addColumn<QStringList>("images");
    QTest::addColumn<QString>("trie");
    QTest::addColumn<int>("roots");
    QTest::addColumn<QString>("bytes"); // unique/shared per image

    QTest::addRow("one image is a chain") << QStringList{u"a b c"_s} << u"a:-:0 b:a:0 c:b:0:end=0"_s << 1 << u"6000/0"_s;
    QTest::addRow("base and app share a trunk (layers:base, layers:app)")
        << QStringList{u"a b"_s, u"a b c d"_s} << u"a:-:0,1 b:a:0,1:end=0 c:b:1 d:c:1:end=1"_s << 1 << u"0/3000 7000/3000"_s;
    QTest::addRow("three builds diverge at different depths")
        << QStringList{u"a b c"_s, u"a b d"_s, u"a e"_s}
        << u"a:-:0,1,2 b:a:0,1 c:b:0:end=0 d:b:1:end=1 e:a:2:end=2"_s << 1 << u"3000/3000 4000/3000 5000/1000"_s;
    QTest::addRow("a shared layer on three bases (multi:latest) is three nodes")
        << QStringList{u"x s"_s, u"y s"_s, u"z s"_s}
        << u"x:-:0 s:x:0:end=0 y:-:1 s:y:1:end=1 z:-:2 s:z:2:end=2"_s << 3
        << u"24000/19000 25000/19000 26000/19000"_s;
    QTest::addRow("identical images end at one node") << QStringList{u"a b"_s, u"a b"_s} << u"a:-:0,1 b:a:0,1:end=0,1"_s << 1
                                                      << u"0/3000 0/3000"_s;
    QTest::addRow("a blob used twice in one image counts once")
        << QStringList{u"a e e b"_s} << u"a:-:0 e:a:0 e:e:0 b:e:0:end=0"_s << 1 << u"8000/0"_s;
    QTest::addRow("different bases are different roots") << QStringList{u"a b"_s, u"c d"_s}
                                                         << u"a:-:0 b:a:0:end=0 c:-:1 d:c:1:end=1"_s << 2 << u"3000/0 7000/0"_s;
    QTest::addRow("an image without layers") << QStringList{u""_s, u"a"_s} << u"a:-:1:end=1"_s << 1 << u"0/0 1000/0"_s;
    QTest::addRow("no images") << QStringList{} << QString() << 0 << QString();
}

void TestLayerGraph::trie()
{
    QFETCH(QStringList, images);
    QFETCH(QString, trie);
    QFETCH(int, roots);
    QFETCH(QString, bytes);

    const LayerGraph graph = LayerGraph::build(imagesFrom(images));
    QCOMPARE(describeTrie(graph), trie);
    QCOMPARE(graph.roots().size(), roots);
    QCOMPARE(describeBytes(graph), bytes);
    for (int i = 0; i < graph.images().size(); ++i) {
        const LayerGraph::ImageStats &s = graph.stats(i);
        QCOMPARE(s.uniqueBytes + s.sharedBytes, s.totalBytes);
        // The trie path from the end node back to the root spells the image's layers.
        QStringList path;
        for (int n = s.endNode; n >= 0; n = graph.node(n).parent)
            path.prepend(letterOf(graph, n));
        QCOMPARE(path.join(u' '), images.at(i));
    }
    // Children point back at their parents, and depth follows.
    for (int i = 0; i < graph.nodes().size(); ++i) {
        const LayerGraph::Node &n = graph.node(i);
        for (const int child : n.children) {
            QCOMPARE(graph.node(child).parent, i);
            QCOMPARE(graph.node(child).depth, n.depth + 1);
        }
        QCOMPARE(n.depth == 0, graph.roots().contains(i));
    }
}

void TestLayerGraph::sameBlobOnDifferentParents()
{
    const LayerGraph graph = LayerGraph::build(imagesFrom({u"x s"_s, u"y s"_s, u"z s"_s}));
    const QList<int> nodes = graph.nodesWithDigest(digestOf(u's'));
    QCOMPARE(nodes.size(), 3);
    QCOMPARE(graph.imagesWithDigest(digestOf(u's')), (QList<int>{0, 1, 2}));
    for (const int n : nodes) {
        QCOMPARE(graph.node(n).images.size(), 1);                     // the trie: one image through it
        QCOMPARE(graph.node(n).blobImages, (QList<int>{0, 1, 2}));    // the blob: every image uses it
    }
    QCOMPARE(graph.blobCount(), 4);
    QCOMPARE(graph.sharedBlobCount(), 1);
    QCOMPARE(graph.totalBytes(), sizeOf(u'x') + sizeOf(u'y') + sizeOf(u'z') + sizeOf(u's'));
    QCOMPARE(graph.sharedBytes(), sizeOf(u's'));
    QCOMPARE(graph.stats(0).sharedLayers, 1);
    QCOMPARE(graph.stats(0).uniqueLayers, 1);
    QVERIFY(graph.nodesWithDigest(digestOf(u'q')).isEmpty());
    QVERIFY(graph.imagesWithDigest(digestOf(u'q')).isEmpty());
}

void TestLayerGraph::groupsFollowBlobUsers()
{
    // s on different parents is one group with a; b, c, d are each their own image's.
    const LayerGraph graph = LayerGraph::build(imagesFrom({u"a b s"_s, u"a c s"_s, u"a d"_s}));
    auto groupOf = [&](QChar letter) { return graph.node(graph.nodesWithDigest(digestOf(letter)).constFirst()).group; };
    QCOMPARE(graph.groups().at(groupOf(u'a')), (QList<int>{0, 1, 2}));
    QCOMPARE(graph.groups().at(groupOf(u's')), (QList<int>{0, 1}));
    for (const int n : graph.nodesWithDigest(digestOf(u's')))
        QCOMPARE(graph.node(n).group, groupOf(u's'));
    QCOMPARE(graph.groups().at(groupOf(u'b')), QList<int>{0});
    QCOMPARE(graph.groups().at(groupOf(u'd')), QList<int>{2});
    QCOMPARE(graph.groups().size(), 5);
}

void TestLayerGraph::emptyGraph()
{
    const LayerGraph graph = LayerGraph::build({});
    QVERIFY(graph.isEmpty());
    QCOMPARE(graph.maxDepth(), -1);
    QVERIFY(graph.nodeBounds().isNull());
    QCOMPARE(LayerGraph().nodes().size(), 0);
}

void TestLayerGraph::radiusIsLogarithmicAndBounded()
{
    const LayerGraph::LayoutOptions o;
    QCOMPARE(LayerGraph::radiusFor(0, o), o.minRadius);
    QCOMPARE(LayerGraph::radiusFor(32, o), o.minRadius);
    QCOMPARE(LayerGraph::radiusFor(100, o), o.minRadius);
    QCOMPARE(LayerGraph::radiusFor(1'000'000'000, o), o.maxRadius);
    QCOMPARE(LayerGraph::radiusFor(50'000'000'000, o), o.maxRadius);
    // Each tenfold step adds the same radius.
    const double step = LayerGraph::radiusFor(10'000, o) - LayerGraph::radiusFor(1'000, o);
    QVERIFY(step > 0);
    QVERIFY(std::abs((LayerGraph::radiusFor(10'000'000, o) - LayerGraph::radiusFor(1'000'000, o)) - step) < 1e-9);
}

void TestLayerGraph::layoutIsDeterministic()
{
    const auto input = testbed::syntheticLayerImages(12, 10);
    const LayerGraph a = LayerGraph::build(input);
    const LayerGraph b = LayerGraph::build(input);
    QCOMPARE(a.nodes().size(), b.nodes().size());
    for (int i = 0; i < a.nodes().size(); ++i) {
        QCOMPARE(a.node(i).position, b.node(i).position);
        QCOMPARE(a.node(i).radius, b.node(i).radius);
        QCOMPARE(a.node(i).layer.digest, b.node(i).layer.digest);
    }
    for (int i = 0; i < a.images().size(); ++i)
        QCOMPARE(a.stats(i).labelPosition, b.stats(i).labelPosition);
    // Laying out again with the same options changes nothing.
    LayerGraph c = a;
    c.layout(a.layoutOptions());
    for (int i = 0; i < a.nodes().size(); ++i)
        QCOMPARE(c.node(i).position, a.node(i).position);
}

void TestLayerGraph::layoutHasNoOverlaps_data()
{
    QTest::addColumn<QList<LayerGraph::Image>>("images");
    QTest::addRow("base and app") << imagesFrom({u"a b"_s, u"a b c d"_s});
    QTest::addRow("three platforms sharing a layer") << imagesFrom({u"x s"_s, u"y s"_s, u"z s"_s});
    QTest::addRow("divergence at every depth") << imagesFrom({u"a b c d e"_s, u"a b c d"_s, u"a b c f"_s, u"a b g"_s, u"a h"_s, u"a"_s});
    QTest::addRow("identical images") << imagesFrom({u"a b"_s, u"a b"_s, u"a b"_s});
    QTest::addRow("synthetic 5 × 8") << testbed::syntheticLayerImages(5, 8);
    QTest::addRow("synthetic 30 × 30") << testbed::syntheticLayerImages(30, 30);
    QTest::addRow("synthetic 64 × 40") << testbed::syntheticLayerImages(64, 40, 11);
}

void TestLayerGraph::layoutHasNoOverlaps()
{
    QFETCH(QList<LayerGraph::Image>, images);
    const LayerGraph graph = LayerGraph::build(images);
    const LayerGraph::LayoutOptions &o = graph.layoutOptions();
    const auto &nodes = graph.nodes();
    for (int i = 0; i < nodes.size(); ++i) {
        QCOMPARE(nodes.at(i).position.x(), o.margin + o.maxRadius + nodes.at(i).depth * o.columnWidth);
        QVERIFY(graph.nodeBounds().contains(nodes.at(i).position));
        for (int j = i + 1; j < nodes.size(); ++j) {
            const QPointF d = nodes.at(i).position - nodes.at(j).position;
            const double distance = std::hypot(d.x(), d.y());
            QVERIFY2(distance >= nodes.at(i).radius + nodes.at(j).radius,
                     qPrintable(u"nodes %1 and %2 overlap"_s.arg(i).arg(j)));
            // Same column: at least a row apart, so their labels do not collide either.
            if (nodes.at(i).depth == nodes.at(j).depth)
                QVERIFY2(std::abs(d.y()) >= o.rowHeight - 1e-9, qPrintable(u"nodes %1 and %2 share a row"_s.arg(i).arg(j)));
        }
    }
    // One label row per image, right of every node.
    for (int i = 0; i < graph.images().size(); ++i) {
        const QPointF label = graph.stats(i).labelPosition;
        QCOMPARE(label.x(), graph.labelColumnX());
        QVERIFY(label.x() > graph.nodeBounds().right());
        for (int j = i + 1; j < graph.images().size(); ++j)
            QVERIFY(std::abs(label.y() - graph.stats(j).labelPosition.y()) >= o.rowHeight - 1e-9);
    }
}

void TestLayerGraph::nodesSitOnTheirRows()
{
    QList<LayerGraph::Image> images = testbed::syntheticLayerImages(20, 12);
    images += imagesFrom({u"a b"_s, u"a b c d"_s, u"a b c"_s, u"a e"_s}); // images ending on inner nodes too
    const LayerGraph graph = LayerGraph::build(images);
    for (int i = 0; i < graph.nodes().size(); ++i) {
        const LayerGraph::Node &n = graph.node(i);
        QList<double> rows;
        for (const int image : n.endingImages)
            rows.append(graph.stats(image).labelPosition.y());
        for (const int child : n.children)
            rows.append(graph.node(child).position.y());
        QVERIFY(!rows.isEmpty());
        // Where an image ends, the node is on its row; otherwise centred over its children.
        if (n.endingImages.isEmpty())
            QCOMPARE(n.position.y(), (rows.constFirst() + rows.constLast()) / 2);
        else
            QCOMPARE(n.position.y(), graph.stats(n.endingImages.constFirst()).labelPosition.y());
        // …and what is built on it branches off below.
        if (!n.endingImages.isEmpty())
            for (const int child : n.children)
                QVERIFY(graph.node(child).position.y() > n.position.y());
    }
}

void TestLayerGraph::syntheticThirtyByThirty()
{
    const auto input = testbed::syntheticLayerImages(30, 30);
    QCOMPARE(input.size(), 30);
    for (const auto &image : input)
        QCOMPARE(image.layers.size(), 30);
    const LayerGraph graph = LayerGraph::build(input);
    QCOMPARE(graph.maxDepth(), 29);
    QCOMPARE(graph.roots().size(), 3); // three base images
    // The empty layer every build has sits on many parents and is used by every image.
    const Digest empty = *Digest::parse(u"sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4");
    QVERIFY(graph.nodesWithDigest(empty).size() > 1);
    QCOMPARE(graph.imagesWithDigest(empty).size(), 30);
    for (int i = 0; i < 30; ++i) {
        QVERIFY(graph.stats(i).uniqueBytes > 0);
        QVERIFY(graph.stats(i).sharedBytes > 0);
    }
}

QTEST_GUILESS_MAIN(TestLayerGraph)
#include "tst_layergraph.moc"
