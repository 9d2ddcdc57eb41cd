// `wharf layers` driven as a user drives it against the real registry of the test bed (layers:base
// and layers:app: a whiteout, modified and added files, an opaque directory), with GNU tar's
// reading of the same layer blobs and the test bed's images.json as the oracle: the overview with
// history and efficiency, --files on the whiteout and opaque layers, --merged equal to the unpacked
// image, --diff base vs app, the store used when it has the blobs, usage errors before any request.
// Then LayerStackJob's contract and LayerFilesModel::load() over the same registry.

#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/PlatformModel.h"
#include "layers/LayerBlobCache.h"
#include "layers/LayerListJob.h"
#include "layers/LayerListingCache.h"
#include "layers/LayerStackJob.h"
#include "pull/PullEngine.h"
#include "pull/PullHandle.h"
#include "pull/PullPlanner.h"
#include "registry/ImageInspectJob.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"
#include "FaultProxy.h"

#include "HttpServer.h"
#include "RegistryProcess.h"
#include "TestbedImages.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

struct TarFile
{
    QString path;
    qint64 size = 0;
    bool whiteout = false;
};

// GNU tar's view of one gzip layer blob: regular files with their sizes, and whiteouts.
QList<TarFile> tarFiles(const QString &blob)
{
    const ProgramRun r = runProgram(u"tar"_s, {u"--numeric-owner"_s, u"-tvzf"_s, blob});
    QList<TarFile> files;
    static const QRegularExpression line(u"^(\\S)\\S+\\s+\\S+\\s+(\\d+)\\s+\\S+\\s+\\S+\\s+(.*)$"_s);
    for (const QByteArray &raw : r.out.split('\n')) {
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(raw));
        if (!m.hasMatch() || m.captured(1) != u"-"_s)
            continue;
        const QString path = m.captured(3);
        files.append({path, m.captured(2).toLongLong(), path.section(u'/', -1).startsWith(u".wh."_s)});
    }
    return files;
}

QSet<QString> toSet(const QJsonArray &array)
{
    QSet<QString> set;
    for (const QJsonValue &v : array)
        set.insert(v.toString());
    return set;
}

QJsonObject entryAt(const QJsonArray &entries, const QString &path)
{
    for (const QJsonValue &e : entries)
        if (e[u"path"_s].toString() == path)
            return e.toObject();
    return {};
}

} // namespace

class TestLayers final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void overviewText();
    void overviewJsonMatchesInspectAndTar();
    void filesOfTheWhiteoutLayer();
    void filesOfTheOpaqueLayer();
    void mergedIsTheUnpackedImage_data();
    void mergedIsTheUnpackedImage();
    void mergedUpToALayer();
    void diffBaseAndApp();
    void layersFromTheStore();
    void usageErrors_data();
    void usageErrors();
    void usageErrorsSendNothing();
    void failures_data();
    void failures();
    void helpNamesTheCommand();
    void stackJobContract();
    void modelLoadsFromTheRegistry();
    void aListedLayerIsNotFetchedAgainByAPull();

private:
    [[nodiscard]] ProgramRun wharf(const QStringList &arguments) const
    {
        return runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments, m_env);
    }
    [[nodiscard]] QString ref(const QString &repositoryAndTag) const { return m_registry.hostPort() + u'/' + repositoryAndTag; }
    [[nodiscard]] QString blob(const QString &digest) const
    {
        return m_images.layoutPath() + u"/blobs/sha256/"_s + digest.section(u':', 1);
    }
    // GETs of blobs in the registry's access log.
    [[nodiscard]] int blobRequests() const
    {
        static const QRegularExpression get(u"\"GET /v2/[^ ]*/blobs/sha256:"_s);
        return int(m_registry.logText().count(get));
    }

    TestbedImages m_images;
    RegistryProcess m_registry;
    QTemporaryDir m_store; // empty unless a test pulls into it
    QProcessEnvironment m_env;
    QStringList m_appLayers;
    QStringList m_baseLayers;
};

void TestLayers::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    options.readOnly = true;
    QVERIFY2(m_registry.start(options, &error), qPrintable(error));
    QVERIFY(m_store.isValid());
    m_env = testEnvironment();
    m_env.insert(u"WHARF_STORE"_s, m_store.path() + u"/store"_s); // no store: every layer from the registry
    m_appLayers = m_images.layerDigests(u"layers"_s, u"app"_s);
    m_baseLayers = m_images.layerDigests(u"layers"_s, u"base"_s);
    QCOMPARE(m_appLayers.size(), 4);
    QCOMPARE(m_appLayers.mid(0, 2), m_baseLayers);
}

void TestLayers::overviewText()
{
    const ProgramRun r = wharf({u"layers"_s, ref(u"layers:app"_s)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QString text = QString::fromUtf8(r.out);
    for (const QString &layer : std::as_const(m_appLayers))
        QVERIFY2(text.contains(layer.left(u"sha256:"_s.size() + 12)), qPrintable(layer));
    QVERIFY(text.contains(u"(empty layer)"_s));
    QVERIFY(text.contains(u"rm /etc/obsolete.conf"_s)); // created_by of the whiteout layer
    QVERIFY(text.contains(u"Efficiency:"_s));
    QVERIFY(text.contains(u"Score:"_s));
    QVERIFY(text.contains(u"usr/share/doc/pkg/changelog.bin (removed)"_s));
    // Empty steps come out as such, between the layers, in history order.
    QVERIFY(text.indexOf(u"(empty layer)"_s) < text.indexOf(m_appLayers.first().left(19)));
}

void TestLayers::overviewJsonMatchesInspectAndTar()
{
    const ProgramRun r = wharf({u"layers"_s, ref(u"layers:app"_s), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = r.json();
    const ProgramRun inspected = wharf({u"inspect"_s, ref(u"layers:app"_s), u"--json"_s});
    QCOMPARE(inspected.exitCode, 0);
    QCOMPARE(json[u"manifest"_s][u"digest"_s].toString(), m_images.imageDigest(u"layers"_s, u"app"_s));
    // History exactly as `wharf inspect` joins it, plus the layer's position.
    const QJsonArray history = json[u"history"_s].toArray();
    const QJsonArray inspectHistory = inspected.json()[u"history"_s].toArray();
    QCOMPARE(history.size(), inspectHistory.size());
    int emptySteps = 0;
    for (qsizetype i = 0; i < history.size(); ++i) {
        QCOMPARE(history[i][u"createdBy"_s], inspectHistory[i][u"createdBy"_s]);
        QCOMPARE(history[i][u"emptyLayer"_s], inspectHistory[i][u"emptyLayer"_s]);
        QCOMPARE(history[i][u"layer"_s], inspectHistory[i][u"layer"_s]);
        emptySteps += history[i][u"emptyLayer"_s].toBool() ? 1 : 0;
        QCOMPARE(history[i][u"layerIndex"_s].isNull(), history[i][u"emptyLayer"_s].toBool());
    }
    QVERIFY(emptySteps >= 2);

    // Layers and their file bytes, against GNU tar.
    const QJsonArray layers = json[u"layers"_s].toArray();
    QCOMPARE(layers.size(), m_appLayers.size());
    qint64 total = 0;
    QHash<QString, qint64> allCopies; // path → bytes of all its copies
    QHash<QString, int> copies;
    QHash<QString, qint64> lastCopy;  // path → size of its copy in the last layer that has it
    for (qsizetype i = 0; i < layers.size(); ++i) {
        QCOMPARE(layers[i][u"digest"_s].toString(), m_appLayers[i]);
        QCOMPARE(layers[i][u"index"_s].toInt(), int(i));
        qint64 bytes = 0;
        for (const TarFile &f : tarFiles(blob(m_appLayers[i]))) {
            if (f.whiteout)
                continue;
            bytes += f.size;
            allCopies[f.path] += f.size;
            copies[f.path] += 1;
            lastCopy[f.path] = f.size;
        }
        QCOMPARE(layers[i][u"fileBytes"_s].toInteger(), bytes);
        total += bytes;
    }
    const QJsonObject e = json[u"efficiency"_s].toObject();
    QCOMPARE(e[u"totalBytes"_s].toInteger(), total);
    // What survives: the image's files (images.json), each at the size of its last copy.
    qint64 kept = 0;
    const QSet<QString> finalFiles = toSet(m_images.tag(u"layers"_s, u"app"_s)[u"files"_s].toArray());
    for (const QString &path : finalFiles)
        kept += lastCopy.value(path);
    QCOMPARE(e[u"keptBytes"_s].toInteger(), kept);
    QCOMPARE(e[u"wastedBytes"_s].toInteger(), total - kept);
    QCOMPARE(e[u"score"_s].toDouble(), double(kept) / double(total));
    // The offenders: every base file the app layers overwrite or delete, with the bytes and
    // copies tar counts.
    QSet<QString> offenders;
    for (const QJsonValue &o : e[u"offenders"_s].toArray()) {
        const QString path = o[u"path"_s].toString();
        offenders.insert(path);
        const bool removed = !finalFiles.contains(path);
        QCOMPARE(o[u"removed"_s].toBool(), removed);
        QCOMPARE(o[u"wastedBytes"_s].toInteger(), allCopies.value(path) - (removed ? 0 : lastCopy.value(path)));
        QCOMPARE(o[u"copies"_s].toInt(), copies.value(path));
    }
    QCOMPARE(offenders, (QSet<QString>{u"etc/motd"_s, u"etc/obsolete.conf"_s, u"usr/share/doc/pkg/COPYING"_s,
                                       u"usr/share/doc/pkg/README"_s, u"usr/share/doc/pkg/changelog.bin"_s}));
    QCOMPARE(e[u"offenders"_s][0][u"path"_s].toString(), u"usr/share/doc/pkg/changelog.bin"_s);
    QCOMPARE(e[u"inefficientPaths"_s].toInt(), 5);
}

void TestLayers::filesOfTheWhiteoutLayer()
{
    const QString layer = m_appLayers.at(2);
    // The short form the overview prints, as the user would copy it.
    const ProgramRun r = wharf({u"layers"_s, ref(u"layers:app"_s), u"--files"_s, layer.left(19), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = r.json();
    QCOMPARE(json[u"layer"_s][u"digest"_s].toString(), layer);
    QCOMPARE(json[u"layer"_s][u"index"_s].toInt(), 2);
    QCOMPARE(json[u"view"_s].toString(), u"layer"_s);
    QVERIFY(json[u"complete"_s].toBool());
    const QJsonArray entries = json[u"entries"_s].toArray();
    for (const QJsonValue &e : entries)
        QVERIFY2(!e[u"path"_s].toString().contains(u".wh."_s), qPrintable(e[u"path"_s].toString()));
    int changes = 0;
    for (const QJsonValue &c : m_images.tag(u"layers"_s, u"app"_s)[u"changes"_s].toArray()) {
        if (c[u"layerIndex"_s].toInt() != 2)
            continue;
        ++changes;
        const QJsonObject entry = entryAt(entries, c[u"path"_s].toString());
        QVERIFY2(!entry.isEmpty(), qPrintable(c[u"path"_s].toString()));
        QCOMPARE(entry[u"mark"_s].toString(), c[u"change"_s].toString());
    }
    QCOMPARE(changes, 4);
    const QJsonObject deleted = entryAt(entries, u"etc/obsolete.conf"_s);
    QCOMPARE(deleted[u"type"_s].toString(), u"file"_s); // what was deleted, shown as a deletion
    QCOMPARE(deleted[u"layer"_s].toString(), m_appLayers.at(0));
    QCOMPARE(json[u"counts"_s][u"deleted"_s].toInt(), 1);

    const ProgramRun text = wharf({u"layers"_s, ref(u"layers:app"_s), u"--files"_s, layer.section(u':', 1).left(12)});
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = QString::fromUtf8(text.out).split(u'\n');
    const auto lineOf = [&lines](const QString &path) {
        for (const QString &l : lines)
            if (l.endsWith(u"  "_s + path))
                return l;
        return QString();
    };
    QVERIFY2(lineOf(u"etc/obsolete.conf"_s).startsWith(u"D "_s), text.out.constData());
    QVERIFY(lineOf(u"etc/motd"_s).startsWith(u"M "_s));
    QVERIFY(lineOf(u"etc/app.conf"_s).startsWith(u"A "_s));
    QVERIFY(lineOf(u"opt/app/server.bin"_s).startsWith(u"A "_s));
    QVERIFY(text.out.contains("1 deleted (D)"));
}

void TestLayers::filesOfTheOpaqueLayer()
{
    const ProgramRun r = wharf({u"layers"_s, ref(u"layers:app"_s), u"--files"_s, m_appLayers.at(3), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray entries = r.json()[u"entries"_s].toArray();
    const QJsonObject doc = entryAt(entries, u"usr/share/doc"_s);
    QVERIFY(doc[u"opaque"_s].toBool());
    QCOMPARE(doc[u"type"_s].toString(), u"directory"_s);
    QCOMPARE(entryAt(entries, u"usr/share/doc/app/README"_s)[u"mark"_s].toString(), u"added"_s);
    for (const QString &hidden : {u"usr/share/doc/pkg"_s, u"usr/share/doc/pkg/README"_s, u"usr/share/doc/pkg/COPYING"_s,
                                  u"usr/share/doc/pkg/changelog.bin"_s})
        QCOMPARE(entryAt(entries, hidden)[u"mark"_s].toString(), u"deleted"_s);
    QCOMPARE(entryAt(entries, u"usr/share/doc/pkg"_s)[u"size"_s].toInteger(), 65536 + 17 + 11);
}

void TestLayers::mergedIsTheUnpackedImage_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addRow("base") << u"base"_s;
    QTest::addRow("app") << u"app"_s;
}

void TestLayers::mergedIsTheUnpackedImage()
{
    QFETCH(QString, tag);
    const ProgramRun r = wharf({u"layers"_s, ref(u"layers:"_s + tag), u"--merged"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = r.json();
    QCOMPARE(json[u"view"_s].toString(), u"image"_s);
    QVERIFY(json[u"layer"_s].isNull());
    QSet<QString> files;
    for (const QJsonValue &e : json[u"entries"_s].toArray()) {
        QVERIFY(e[u"mark"_s].isNull());
        if (e[u"type"_s].toString() == u"file"_s)
            files.insert(e[u"path"_s].toString());
    }
    QCOMPARE(files, toSet(m_images.tag(u"layers"_s, tag)[u"files"_s].toArray()));

    const ProgramRun text = wharf({u"layers"_s, ref(u"layers:"_s + tag), u"--merged"_s});
    QCOMPARE(text.exitCode, 0);
    for (const QString &file : std::as_const(files))
        QVERIFY2(text.out.contains(QString(u"  "_s + file + u'\n').toUtf8()), qPrintable(file));
}

void TestLayers::mergedUpToALayer()
{
    // layers:app merged up to its second layer is layers:base.
    const ProgramRun r = wharf({u"layers"_s, ref(u"layers:app"_s), u"--files"_s, m_appLayers.at(1), u"--merged"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json()[u"view"_s].toString(), u"merged"_s);
    QSet<QString> files;
    for (const QJsonValue &e : r.json()[u"entries"_s].toArray())
        if (e[u"type"_s].toString() == u"file"_s && e[u"mark"_s].toString() != u"deleted"_s)
            files.insert(e[u"path"_s].toString());
    QCOMPARE(files, toSet(m_images.tag(u"layers"_s, u"base"_s)[u"files"_s].toArray()));
    QCOMPARE(entryAt(r.json()[u"entries"_s].toArray(), u"usr/share/doc/pkg/README"_s)[u"mark"_s].toString(), u"added"_s);
    QCOMPARE(entryAt(r.json()[u"entries"_s].toArray(), u"etc/motd"_s)[u"mark"_s], QJsonValue()); // from layer 0
}

void TestLayers::diffBaseAndApp()
{
    const ProgramRun r = wharf({u"layers"_s, ref(u"layers:base"_s), u"--diff"_s, ref(u"layers:app"_s), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = r.json();
    QCOMPARE(json[u"from"_s][u"manifest"_s].toString(), m_images.imageDigest(u"layers"_s, u"base"_s));
    QCOMPARE(json[u"to"_s][u"manifest"_s].toString(), m_images.imageDigest(u"layers"_s, u"app"_s));
    const QJsonObject layers = json[u"layers"_s].toObject();
    QCOMPARE(layers[u"sharedPrefix"_s].toInt(), 2);
    QCOMPARE(layers[u"common"_s].toArray().size(), 2);
    QCOMPARE(layers[u"onlyInFrom"_s].toArray().size(), 0);
    const QJsonArray onlyInTo = layers[u"onlyInTo"_s].toArray();
    QCOMPARE(onlyInTo.size(), 2);
    QCOMPARE(onlyInTo[0][u"digest"_s].toString(), m_appLayers.at(2));
    QCOMPARE(onlyInTo[1][u"digest"_s].toString(), m_appLayers.at(3));
    qint64 appSize = 0;
    qint64 baseSize = 0;
    for (const QJsonValue &l : m_images.image(u"layers"_s, u"app"_s)[u"layers"_s].toArray())
        appSize += l[u"size"_s].toInteger();
    for (const QJsonValue &l : m_images.image(u"layers"_s, u"base"_s)[u"layers"_s].toArray())
        baseSize += l[u"size"_s].toInteger();
    QCOMPARE(layers[u"sizeDelta"_s].toInteger(), appSize - baseSize);

    // Files: what images.json's two file lists imply, and etc/motd rewritten.
    const QSet<QString> before = toSet(m_images.tag(u"layers"_s, u"base"_s)[u"files"_s].toArray());
    const QSet<QString> after = toSet(m_images.tag(u"layers"_s, u"app"_s)[u"files"_s].toArray());
    QSet<QString> added, removed;
    const QJsonObject files = json[u"files"_s].toObject();
    for (const QJsonValue &f : files[u"entries"_s].toArray()) {
        const bool isFile = (f[u"toType"_s].isNull() ? f[u"fromType"_s] : f[u"toType"_s]).toString() == u"file"_s;
        if (!isFile)
            continue;
        if (f[u"change"_s].toString() == u"added"_s)
            added.insert(f[u"path"_s].toString());
        else if (f[u"change"_s].toString() == u"removed"_s)
            removed.insert(f[u"path"_s].toString());
    }
    QCOMPARE(added, after - before);
    QCOMPARE(removed, before - after);
    const QJsonObject motd = entryAt(files[u"entries"_s].toArray(), u"etc/motd"_s);
    QCOMPARE(motd[u"change"_s].toString(), u"changed"_s);
    QVERIFY(motd[u"differences"_s].toArray().contains(u"size"_s));
    QCOMPARE(motd[u"sizeDelta"_s].toInteger(), -1); // "(base)" → "(app)"
    QVERIFY(files[u"complete"_s].toBool());
    // Nothing else the app layers leave alone shows up.
    QVERIFY(entryAt(files[u"entries"_s].toArray(), u"bin/tool"_s).isEmpty());
    QVERIFY(entryAt(files[u"entries"_s].toArray(), u"etc/hostname"_s).isEmpty());

    const ProgramRun text = wharf({u"layers"_s, ref(u"layers:base"_s), u"--diff"_s, ref(u"layers:app"_s)});
    QCOMPARE(text.exitCode, 0);
    const QString out = QString::fromUtf8(text.out);
    QVERIFY(out.contains(u"2 in common (the first 2 shared as a base)"_s));
    QVERIFY(out.contains(u"etc/motd  (size, layer)"_s));
    QVERIFY(out.contains(QRegularExpression(u"\\+\\s+\\+\\d+ bytes\\s+etc/app.conf"_s)));
    QVERIFY(out.contains(QRegularExpression(u"-\\s+−\\d+ bytes\\s+etc/obsolete.conf"_s)));

    // The other way round, the same layers swap sides.
    const ProgramRun back = wharf({u"layers"_s, ref(u"layers:app"_s), u"--diff"_s, ref(u"layers:base"_s), u"--json"_s});
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(back.json()[u"layers"_s][u"onlyInFrom"_s].toArray().size(), 2);
    QCOMPARE(back.json()[u"files"_s][u"sizeDelta"_s].toInteger(), -files[u"sizeDelta"_s].toInteger());
}

void TestLayers::layersFromTheStore()
{
    QTemporaryDir dir;
    const QString store = dir.path() + u"/store"_s;
    const ProgramRun pull = wharf({u"pull"_s, ref(u"layers:app"_s), u"--store"_s, store});
    QCOMPARE(pull.exitCode, 0);
    QTest::qWait(200); // the pull's last access-log lines
    const int before = blobRequests();
    const ProgramRun r = wharf({u"layers"_s, ref(u"layers:app"_s), u"--store"_s, store, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json()[u"layers"_s].toArray().size(), 4);
    QTest::qWait(200); // the registry writes its access log after the response
    QCOMPARE(blobRequests(), before + 1); // the config only (inspect); every layer came from the store
    // Without the store the layers come from the registry.
    const ProgramRun remote = wharf({u"layers"_s, ref(u"layers:app"_s), u"--json"_s});
    QCOMPARE(remote.exitCode, 0);
    QCOMPARE(remote.json()[u"efficiency"_s], r.json()[u"efficiency"_s]);
    QTRY_VERIFY(blobRequests() >= before + 1 + 1 + 4);
}

void TestLayers::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString app = ref(u"layers:app"_s);
    QTest::addRow("no reference") << QStringList{u"layers"_s};
    QTest::addRow("two references") << QStringList{u"layers"_s, app, app};
    QTest::addRow("invalid reference") << QStringList{u"layers"_s, u"Layers:App"_s};
    QTest::addRow("short digest") << QStringList{u"layers"_s, app, u"--files"_s, u"abc123"_s};
    QTest::addRow("11 hex digits") << QStringList{u"layers"_s, app, u"--files"_s, u"sha256:0123456789a"_s};
    QTest::addRow("upper case digest") << QStringList{u"layers"_s, app, u"--files"_s, u"ABCDEF0123456789"_s};
    QTest::addRow("unknown algorithm") << QStringList{u"layers"_s, app, u"--files"_s, u"md5:0123456789abcdef"_s};
    QTest::addRow("too long") << QStringList{u"layers"_s, app, u"--files"_s, u"sha256:"_s + QString(65, u'a')};
    QTest::addRow("diff with files") << QStringList{u"layers"_s, app, u"--diff"_s, app, u"--files"_s, u"0123456789abcdef"_s};
    QTest::addRow("diff with merged") << QStringList{u"layers"_s, app, u"--diff"_s, app, u"--merged"_s};
    QTest::addRow("invalid diff reference") << QStringList{u"layers"_s, app, u"--diff"_s, u"a//b"_s};
    QTest::addRow("invalid platform") << QStringList{u"layers"_s, app, u"--platform"_s, u"a/b/c/d"_s};
    QTest::addRow("unknown option") << QStringList{u"layers"_s, app, u"--frobnicate"_s};
}

void TestLayers::usageErrors()
{
    QFETCH(QStringList, arguments);
    const ProgramRun r = wharf(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("wharf: "));
    QCOMPARE(r.errLines().size(), 1);
}

void TestLayers::usageErrorsSendNothing()
{
    HttpServer server;
    QVERIFY(server.listen());
    const QString image = u"127.0.0.1:%1/layers:app"_s.arg(server.port());
    for (const QStringList &args : {QStringList{u"layers"_s, image, u"--files"_s, u"abc"_s},
                                    QStringList{u"layers"_s, image, u"--diff"_s, u"UPPER:1"_s},
                                    QStringList{u"layers"_s, image, u"--diff"_s, image, u"--merged"_s}}) {
        const ProgramRun r = wharf(args);
        QCOMPARE(r.exitCode, 2);
    }
    QCOMPARE(server.requestCount(), 0);
}

void TestLayers::failures_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString app = ref(u"layers:app"_s);
    QTest::addRow("no such layer") << QStringList{u"layers"_s, app, u"--files"_s, u"0123456789abcdef"_s};
    QTest::addRow("unknown repository") << QStringList{u"layers"_s, ref(u"no-such-repo:1"_s)};
    QTest::addRow("unknown diff tag") << QStringList{u"layers"_s, app, u"--diff"_s, ref(u"layers:no-such-tag"_s)};
    QTest::addRow("no matching platform") << QStringList{u"layers"_s, app, u"--platform"_s, u"linux/s390x"_s};
    QTest::addRow("connection refused") << QStringList{u"layers"_s, u"127.0.0.1:1/layers:app"_s};
}

void TestLayers::failures()
{
    QFETCH(QStringList, arguments);
    const ProgramRun r = wharf(arguments);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.startsWith("wharf: error: "));
    QCOMPARE(r.errLines().size(), 1);
}

void TestLayers::helpNamesTheCommand()
{
    const ProgramRun help = wharf({u"help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("layers REF"));
    const ProgramRun own = wharf({u"layers"_s, u"--help"_s});
    QCOMPARE(own.exitCode, 0);
    QVERIFY(own.out.contains("--files"));
    QVERIFY(own.out.contains("--diff"));
    QVERIFY(own.out.contains("wharf layers"));
}

void TestLayers::stackJobContract()
{
    RegistryClient client;
    auto inspect = runJob(new ImageInspectJob(&client, *ImageReference::parseDockerRef(ref(u"layers:app"_s)), std::nullopt));
    QVERIFY(!inspect->error());
    const InspectedImage &image = inspect->result();
    const QList<Descriptor> &layers = image.imageManifest.layers;

    // Cancelled before it starts: one finished, Cancelled, nothing listed.
    {
        auto *job = new LayerStackJob(&client, image.manifest.registry, image.manifest.repository, layers, {});
        job->setAutoDelete(false);
        std::unique_ptr<LayerStackJob> owned(job);
        QSignalSpy finished(job, &Job::finished);
        job->cancel();
        job->start();
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(codeOf(*job), Error::Code::Cancelled);
    }
    // A whole run: one listing per layer, in order, a blob used twice listed once.
    QList<Descriptor> twice = layers;
    twice.append(layers.first());
    auto *job = new LayerStackJob(&client, image.manifest.registry, image.manifest.repository, twice, {});
    job->setConcurrency(2);
    QSignalSpy progress(job, &LayerStackJob::progress);
    QSignalSpy finished(job, &Job::finished);
    const int requests = blobRequests();
    auto done = runJob(job, 60'000);
    QCOMPARE(finished.count(), 1);
    QVERIFY2(!done->error(), done->error() ? qPrintable(done->error()->message()) : "");
    QCOMPARE(done->listings().size(), 5);
    for (qsizetype i = 0; i < twice.size(); ++i) {
        QCOMPARE(done->listings()[i].layer, twice[i].digest);
        QVERIFY(done->listings()[i].complete);
    }
    QCOMPARE(done->listings()[4].entries.size(), done->listings()[0].entries.size());
    QTRY_COMPARE(blobRequests(), requests + 4);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(2).toInt(), 4);

    // Listings already known are not read again.
    QHash<QString, LayerListing> known;
    for (const LayerListing &l : done->listings())
        known.insert(l.layer.toString(), l);
    const int before = blobRequests();
    auto *reuse = new LayerStackJob(&client, image.manifest.registry, image.manifest.repository, layers, {});
    reuse->setKnownListings(known);
    auto reused = runJob(reuse);
    QVERIFY(!reused->error());
    QTest::qWait(200);
    QCOMPARE(blobRequests(), before);
    QCOMPARE(reused->stack().finalTree().size(), LayerStack(done->listings().mid(0, 4)).finalTree().size());

    // With the client's listing cache, the first job fills it and a second reads nothing; a
    // failed listing is not kept.
    client.setLayerListings(std::make_shared<LayerListingCache>());
    auto filling = runJob(new LayerStackJob(&client, image.manifest.registry, image.manifest.repository, layers, {}), 60'000);
    QVERIFY(!filling->error());
    QTRY_COMPARE(blobRequests(), before + 4);
    QCOMPARE(client.layerListings()->size(), 4);
    auto cached = runJob(new LayerStackJob(&client, image.manifest.registry, image.manifest.repository, layers.mid(0, 2), {}));
    QVERIFY(!cached->error());
    QTest::qWait(200);
    QCOMPARE(blobRequests(), before + 4);
    QCOMPARE(cached->listings().at(1).entries.size(), done->listings().at(1).entries.size());
    // A tight bound: the oldest listings make room, the cache never holds more entries than that.
    LayerListingCache small(done->listings().at(0).entries.size() + 1);
    for (const LayerListing &l : done->listings().mid(0, 4))
        small.remember(l);
    QVERIFY(small.entries() <= done->listings().at(0).entries.size() + 1);
    QVERIFY(!small.find(done->listings().at(0).layer) || small.size() == 1);

    // A layer the registry does not have: the job fails naming it, the others are listed.
    QList<Descriptor> broken = layers;
    broken[1].digest = *Digest::parse(QString(u"sha256:"_s + QString(64, u'0')));
    auto failed = runJob(new LayerStackJob(&client, image.manifest.registry, image.manifest.repository, broken, {}), 60'000);
    QVERIFY(failed->error());
    QCOMPARE(failed->error()->code(), Error::Code::NotFound);
    QVERIFY(failed->error()->message().contains(u"sha256:000000000000"_s));
    QVERIFY(failed->listings()[0].complete);
    QVERIFY(!failed->listings()[1].complete);
    QVERIFY(!client.layerListings()->find(broken[1].digest));
}

void TestLayers::modelLoadsFromTheRegistry()
{
    RegistryClient client;
    auto inspect = runJob(new ImageInspectJob(&client, *ImageReference::parseDockerRef(ref(u"layers:app"_s)), std::nullopt));
    QVERIFY(!inspect->error());
    const InspectedImage &image = inspect->result();
    LayerFilesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy progress(&model, &LayerFilesModel::progress);
    QSignalSpy states(&model, &LayerFilesModel::stateChanged);
    model.load(&client, image.manifest.registry, image.manifest.repository, image.imageManifest.layers, 2);
    QCOMPARE(model.state(), LayerFilesModel::State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), LayerFilesModel::State::Ready, 60'000);
    QVERIFY(!model.isIncomplete());
    QCOMPARE(inserted.count(), 0);
    QVERIFY(resets.count() >= 1);
    QVERIFY(!progress.isEmpty());
    const QModelIndex obsolete = model.indexOfPath(u"etc/obsolete.conf"_s);
    QVERIFY(obsolete.isValid());
    QVERIFY(obsolete.data(LayerFilesModel::DeletedRole).toBool());
    QCOMPARE(model.indexOfPath(u"etc/app.conf"_s).data(LayerFilesModel::MarkRole).toInt(), int(FileMark::Added));

    // A layer the registry does not have: Error, with the registry's reason.
    QList<Descriptor> broken = image.imageManifest.layers;
    broken[2].digest = *Digest::parse(QString(u"sha256:"_s + QString(64, u'0')));
    model.load(&client, image.manifest.registry, image.manifest.repository, broken, 2);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), LayerFilesModel::State::Error, 60'000);
    QCOMPARE(model.errorCode(), Error::Code::NotFound);
    QCOMPARE(model.rowCount(), 0);

    // A new load while one runs: only the last one shows.
    model.load(&client, image.manifest.registry, image.manifest.repository, image.imageManifest.layers, 0);
    model.load(&client, image.manifest.registry, image.manifest.repository, image.imageManifest.layers, 3);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), LayerFilesModel::State::Ready, 60'000);
    QCOMPARE(model.layerIndex(), 3);
    QVERIFY(model.indexOfPath(u"usr/share/doc"_s).data(LayerFilesModel::OpaqueRole).toBool());
    model.clear();
    QCOMPARE(model.state(), LayerFilesModel::State::Idle);
}

// A layer downloaded to be listed (no store) is kept in the LayerBlobCache, and a pull of the
// image afterwards copies it in instead of fetching it again; a listing that fails keeps nothing.
void TestLayers::aListedLayerIsNotFetchedAgainByAPull()
{
    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());
    RegistryClient client;
    client.setLayerBlobCache(std::make_shared<LayerBlobCache>(cacheDir.path()));
    auto inspect = runJob(new ImageInspectJob(&client, *ImageReference::parseDockerRef(ref(u"layers:app"_s)), std::nullopt));
    QVERIFY(!inspect->error());
    const InspectedImage &image = inspect->result();
    const Descriptor top = image.imageManifest.layers.last();
    const auto requestsFor = [this](const Descriptor &layer) {
        return int(m_registry.logText().count(u"\"GET /v2/layers/blobs/"_s + layer.digest.toString()));
    };

    QTest::qWait(200); // earlier tests' last access-log lines
    const int before = requestsFor(top);
    const int baseBefore = requestsFor(image.imageManifest.layers.first());
    auto listed = runJob(new LayerListJob(&client, image.manifest.registry, image.manifest.repository, top, {}), 60'000);
    QVERIFY(!listed->error());
    QVERIFY(listed->listing().complete);
    QVERIFY(client.layerBlobCache()->find(top));
    QVERIFY(QDir(cacheDir.filePath(u"incoming"_s)).isEmpty());
    QTRY_COMPARE(requestsFor(top), before + 1);

    // The pull's plan and the Pull button's figure both leave it out of what is to fetch.
    QTemporaryDir storeDir;
    auto store = ImageStore::open(storeDir.filePath(u"store"_s));
    QVERIFY(store);
    const PullPlan preview = planPull(*store, image.configDescriptor, image.imageManifest.layers, client.layerBlobCache());
    QCOMPARE(preview.bytesCached, top.size);
    PlatformModel platforms;
    QAbstractItemModelTester tester(&platforms, QAbstractItemModelTester::FailureReportingMode::QtTest);
    platforms.setRegistryClient(&client);
    platforms.setStore(*store);
    platforms.setImage(image);
    QSignalSpy costs(&platforms, &PlatformModel::pullCostChanged);
    platforms.requestPullCost(0);
    QVERIFY(costs.wait());
    qint64 rest = 0;
    for (const Descriptor &layer : image.imageManifest.layers.mid(0, image.imageManifest.layers.size() - 1))
        rest += layer.size;
    QCOMPARE(platforms.platformIndex(0).data(PlatformModel::BytesToFetchRole).toLongLong(), rest);
    QVERIFY(platforms.platformIndex(0).data(PlatformModel::PullCostTextRole).toString().contains(u"1 downloaded when their files"_s));
    PullEngine::Options options;
    options.client = client.settings();
    PullEngine engine(*store, options);
    PullRequest request;
    request.reference = *ImageReference::parseDockerRef(ref(u"layers:app"_s));
    PullHandle *handle = engine.pull(request);
    QSignalSpy finished(handle, &PullHandle::finished);
    QVERIFY(finished.wait(60'000));
    QVERIFY2(!handle->outcome().error, handle->outcome().error ? qPrintable(handle->outcome().error->message()) : "");
    QVERIFY(store->hasBlob(top.digest, top.size));
    QTest::qWait(200);
    QCOMPARE(requestsFor(top), before + 1); // copied in from the cache, not fetched
    QVERIFY(requestsFor(image.imageManifest.layers.first()) > baseBefore);

    // A blob whose download breaks off is not kept.
    FaultProxy proxy(m_registry.hostPort());
    QString error;
    QVERIFY2(proxy.listen(&error), qPrintable(error));
    proxy.addRule({"GET", FaultRule::blobPath(image.imageManifest.layers.first().digest.toString()), fault::TruncateAt{100}});
    net::RetryPolicy once;
    once.maxAttempts = 1;
    client.setRetryPolicy(once);
    auto broken = runJob(new LayerListJob(&client, proxy.hostPort(), image.manifest.repository, image.imageManifest.layers.first(), {}),
                         60'000);
    QVERIFY(broken->error());
    QVERIFY(!client.layerBlobCache()->find(image.imageManifest.layers.first()));
    QVERIFY(QDir(cacheDir.filePath(u"incoming"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
