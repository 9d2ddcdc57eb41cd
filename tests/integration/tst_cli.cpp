// The wharf binary driven as a user drives it: `wharf inspect | tags | search` against a real
// docker-registry (and the Hub emulator for Docker Hub's web API), compared with what skopeo reads
// from the same registry; exit codes and the one-line errors; and no widget for the CLI.
#include "HttpServer.h"
#include "HubEmulator.h"
#include "RegistryProcess.h"
#include "Schema1Image.h"
#include "TestSupport.h"
#include "TestbedImages.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

ProgramRun runWharf(const QStringList &arguments, const QProcessEnvironment &env = testEnvironment())
{
    return runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments, env);
}

QByteArray skopeo(const QStringList &arguments)
{
    const ProgramRun r = runProgram(u"skopeo"_s, QStringList{u"inspect"_s, u"--tls-verify=false"_s} + arguments);
    return r.exitCode == 0 ? r.out : QByteArray();
}

QString sha256(const QByteArray &bytes)
{
    return u"sha256:"_s + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void inspectMatchesSkopeo_data();
    void inspectMatchesSkopeo();
    void inspectPlainOutput();
    void inspectSingleManifestHasNoIndex();
    void schema1Inspect();
    void schema1Layers();
    void failures_data();
    void failures();
    void invalidReferenceSendsNothing();
    void tagsFromRegistry();
    void tagsFromHub();
    void tagsNewestFirst();
    void tagPagesInCircles_data();
    void tagPagesInCircles();
    void searchHub();
    void searchCatalog();
    void helpAndVersionNeedNoDisplay();

private:
    TestbedImages m_images;
    RegistryProcess m_registry;
    HubEmulator m_hub;
    RegistryProcess m_schema1Registry; // accepts schema 1 pushes; holds single:1.0 as old:1.0
    std::optional<Schema1Image> m_schema1;
};

void TestCli::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    QVERIFY2(m_registry.start(options, &error), qPrintable(error));
    m_hub.setStorageRoot(m_images.storageRoot());
    QVERIFY2(m_hub.listen(&error), qPrintable(error));
    RegistryOptions schema1;
    schema1.schema1Pushes = true;
    QVERIFY2(m_schema1Registry.start(schema1, &error), qPrintable(error));
    m_schema1 = Schema1Image::push(m_images, m_schema1Registry, u"old:1.0"_s, &error);
    QVERIFY2(m_schema1, qPrintable(error));
}

void TestCli::inspectMatchesSkopeo_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("platform"); // for wharf --platform
    QTest::addColumn<QStringList>("overrides"); // the same choice for skopeo --config
    QTest::addRow("multi linux/arm64") << u"multi:latest"_s << u"linux/arm64"_s
                                       << QStringList{u"--override-arch"_s, u"arm64"_s, u"--override-variant"_s, u"v8"_s};
    QTest::addRow("multi linux/arm/v7") << u"multi:latest"_s << u"linux/arm/v7"_s
                                        << QStringList{u"--override-arch"_s, u"arm"_s, u"--override-variant"_s, u"v7"_s};
    QTest::addRow("multi linux/amd64") << u"multi:latest"_s << u"linux/amd64"_s << QStringList{u"--override-arch"_s, u"amd64"_s};
    QTest::addRow("docker v2s2") << u"docker-v2s2:latest"_s << QString() << QStringList();
    QTest::addRow("zstd") << u"zstd:latest"_s << QString() << QStringList();
    QTest::addRow("layers app") << u"layers:app"_s << QString() << QStringList();
}

void TestCli::inspectMatchesSkopeo()
{
    QFETCH(QString, image);
    QFETCH(QString, platform);
    QFETCH(QStringList, overrides);
    const QString ref = m_registry.hostPort() + u'/' + image;
    QStringList args{u"inspect"_s, ref, u"--json"_s};
    if (!platform.isEmpty())
        args << u"--platform"_s << platform;
    const ProgramRun r = runWharf(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject w = r.json();

    const QByteArray topRaw = skopeo({u"--raw"_s, u"docker://"_s + ref});
    QVERIFY(!topRaw.isEmpty());
    const QJsonObject top = QJsonDocument::fromJson(topRaw).object();
    QByteArray manifestRaw = topRaw;
    if (top.contains(u"manifests"_s)) {
        QCOMPARE(w.value(u"index"_s).toObject().value(u"digest"_s).toString(), sha256(topRaw));
        QJsonArray runnable, attestations;
        for (const QJsonValue &m : top.value(u"manifests"_s).toArray()) {
            const bool attestation = m[u"annotations"_s][u"vnd.docker.reference.type"_s].toString() == u"attestation-manifest"_s;
            (attestation ? attestations : runnable).append(m);
        }
        const QJsonArray wp = w[u"index"_s][u"platforms"_s].toArray();
        const QJsonArray wa = w[u"index"_s][u"attestations"_s].toArray();
        QCOMPARE(wp.size(), runnable.size());
        QCOMPARE(wa.size(), attestations.size());
        for (qsizetype i = 0; i < wp.size(); ++i) {
            QCOMPARE(wp[i][u"digest"_s], runnable[i][u"digest"_s]);
            QCOMPARE(wp[i][u"size"_s].toInteger(), runnable[i][u"size"_s].toInteger());
            QCOMPARE(wp[i][u"platform"_s][u"architecture"_s], runnable[i][u"platform"_s][u"architecture"_s]);
        }
        for (qsizetype i = 0; i < wa.size(); ++i)
            QCOMPARE(wa[i][u"digest"_s], attestations[i][u"digest"_s]);
        const QString chosen = w[u"manifest"_s][u"digest"_s].toString();
        manifestRaw = skopeo({u"--raw"_s, u"docker://"_s + m_registry.hostPort() + u'/' + image.section(u':', 0, 0) + u'@' + chosen});
        QVERIFY(!manifestRaw.isEmpty());
    } else {
        QVERIFY(w.value(u"index"_s).isNull());
    }
    QCOMPARE(w[u"manifest"_s][u"digest"_s].toString(), sha256(manifestRaw));
    const QJsonObject manifest = QJsonDocument::fromJson(manifestRaw).object();
    QCOMPARE(w[u"config"_s][u"digest"_s], manifest[u"config"_s][u"digest"_s]);
    const QJsonArray layers = manifest[u"layers"_s].toArray();
    const QJsonArray wl = w[u"layers"_s].toArray();
    QCOMPARE(wl.size(), layers.size());
    for (qsizetype i = 0; i < layers.size(); ++i) {
        QCOMPARE(wl[i][u"digest"_s], layers[i][u"digest"_s]);
        QCOMPARE(wl[i][u"mediaType"_s], layers[i][u"mediaType"_s]);
        QCOMPARE(wl[i][u"size"_s].toInteger(), layers[i][u"size"_s].toInteger());
    }

    const QJsonObject config =
        QJsonDocument::fromJson(skopeo(QStringList{u"--config"_s} + overrides + QStringList{u"docker://"_s + ref})).object();
    QVERIFY(!config.isEmpty());
    QCOMPARE(w[u"config"_s][u"architecture"_s], config[u"architecture"_s]);
    const QJsonArray diffIds = config[u"rootfs"_s][u"diff_ids"_s].toArray();
    for (qsizetype i = 0; i < wl.size(); ++i)
        QCOMPARE(wl[i][u"diffId"_s], diffIds[i]);
    const QJsonArray history = config[u"history"_s].toArray();
    const QJsonArray wh = w[u"history"_s].toArray();
    QCOMPARE(wh.size(), history.size());
    qsizetype layer = 0;
    for (qsizetype i = 0; i < history.size(); ++i) {
        QCOMPARE(wh[i][u"createdBy"_s].toString(), history[i][u"created_by"_s].toString());
        const bool empty = history[i][u"empty_layer"_s].toBool();
        QCOMPARE(wh[i][u"emptyLayer"_s].toBool(), empty);
        QCOMPARE(wh[i][u"layer"_s], empty ? QJsonValue() : layers[layer++][u"digest"_s]);
    }
    QCOMPARE(w[u"config"_s][u"env"_s].toArray(), config[u"config"_s][u"Env"_s].toArray());
    QCOMPARE(w[u"config"_s][u"cmd"_s].toArray(), config[u"config"_s][u"Cmd"_s].toArray());
}

void TestCli::inspectPlainOutput()
{
    const ProgramRun r = runWharf({u"inspect"_s, m_registry.hostPort() + u"/multi:latest"_s, u"--platform"_s, u"linux/arm64"_s});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(u"Platforms (3):"_s));
    QVERIFY(text.contains(u"* linux/arm64/v8"_s));
    QVERIFY(text.contains(u"Attestations (3, not platforms):"_s));
    QVERIFY(!text.contains(u"unknown/unknown"_s));
    QVERIFY(text.contains(m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s)));
    for (const QString &layer : m_images.layerDigests(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s))
        QVERIFY(text.contains(layer));
    QVERIFY(text.contains(u"(empty layer)"_s));
}

void TestCli::inspectSingleManifestHasNoIndex()
{
    const ProgramRun wrong = runWharf({u"inspect"_s, m_registry.hostPort() + u"/single:1.0"_s, u"--platform"_s, u"linux/arm64"_s});
    QCOMPARE(wrong.exitCode, 1); // a single-platform amd64 image asked for as arm64
    QCOMPARE(wrong.errLines().size(), 1);
    const ProgramRun r = runWharf({u"inspect"_s, m_registry.hostPort() + u"/single:1.0"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.json().value(u"index"_s).isNull());
    QCOMPARE(r.json()[u"platform"_s][u"architecture"_s].toString(), u"amd64"_s);
}

// Docker schema 1 (single:1.0 converted by skopeo): what `wharf inspect` shows is the image it was
// converted from, with the digest the registry and skopeo give it, and no size it does not know.
void TestCli::schema1Inspect()
{
    const ProgramRun r = runWharf({u"inspect"_s, m_schema1->reference, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject w = r.json();
    const ProgramRun original = runWharf({u"inspect"_s, m_registry.hostPort() + u"/single:1.0"_s, u"--json"_s});
    QCOMPARE(original.exitCode, 0);
    const QJsonObject o = original.json();

    QVERIFY(w[u"index"_s].isNull());
    QCOMPARE(w[u"manifest"_s][u"digest"_s].toString(), m_schema1->digest);
    QCOMPARE(w[u"manifest"_s][u"mediaType"_s].toString(), u"application/vnd.docker.distribution.manifest.v1+prettyjws"_s);
    // skopeo (c/image) digests a signed manifest the same way.
    const QJsonObject skopeoView = QJsonDocument::fromJson(skopeo({u"docker://"_s + m_schema1->reference})).object();
    QCOMPARE(skopeoView[u"Digest"_s].toString(), m_schema1->digest);
    QCOMPARE(w[u"platform"_s], o[u"platform"_s]);
    // No config blob: its descriptor is all null, what it said is all there.
    QVERIFY(w[u"config"_s][u"digest"_s].isNull());
    QVERIFY(w[u"config"_s][u"mediaType"_s].isNull());
    QVERIFY(w[u"config"_s][u"size"_s].isNull());
    for (const QString &field : {u"architecture"_s, u"os"_s, u"env"_s, u"cmd"_s, u"labels"_s, u"created"_s})
        QCOMPARE(w[u"config"_s][field], o[u"config"_s][field]);
    const QJsonArray layers = w[u"layers"_s].toArray();
    QCOMPARE(layers.size(), m_schema1->layers.size());
    for (qsizetype i = 0; i < layers.size(); ++i) {
        QCOMPARE(layers[i][u"digest"_s].toString(), m_schema1->layers.at(i));
        QCOMPARE(layers[i][u"mediaType"_s].toString(), u"application/vnd.docker.image.rootfs.diff.tar.gzip"_s);
        QVERIFY(layers[i][u"size"_s].isNull()); // schema 1 does not say
        QVERIFY(layers[i][u"diffId"_s].isNull());
    }
    QVERIFY(w[u"historyMatchesLayers"_s].toBool());
    const QJsonArray history = w[u"history"_s].toArray();
    const QJsonArray expected = o[u"history"_s].toArray();
    QCOMPARE(history.size(), expected.size());
    for (qsizetype i = 0; i < history.size(); ++i) {
        QCOMPARE(history[i][u"emptyLayer"_s], expected[i][u"emptyLayer"_s]);
        QCOMPARE(history[i][u"layer"_s], expected[i][u"layer"_s]);
        QCOMPARE(history[i][u"created"_s], expected[i][u"created"_s]);
        QCOMPARE(history[i][u"size"_s], expected[i][u"emptyLayer"_s].toBool() ? QJsonValue(0) : QJsonValue());
    }

    const ProgramRun text = runWharf({u"inspect"_s, m_schema1->reference});
    QCOMPARE(text.exitCode, 0);
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains(u"Docker schema 1 is deprecated"_s), qPrintable(out));
    QVERIFY2(out.contains(u"Layers (2, compressed size unknown):"_s), qPrintable(out));
    QVERIFY(out.contains(m_schema1->digest));
    for (const QString &layer : m_schema1->layers)
        QVERIFY(out.contains(layer));
}

// `wharf layers` reads a schema 1 image's layers from the registry, and once read, their sizes are known.
void TestCli::schema1Layers()
{
    const ProgramRun r = runWharf({u"layers"_s, m_schema1->reference, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject w = r.json();
    const ProgramRun original = runWharf({u"layers"_s, m_registry.hostPort() + u"/single:1.0"_s, u"--json"_s});
    QCOMPARE(original.exitCode, 0);
    const QJsonObject o = original.json();
    QCOMPARE(w[u"manifest"_s][u"digest"_s].toString(), m_schema1->digest);
    const QJsonArray layers = w[u"layers"_s].toArray();
    const QJsonArray expected = o[u"layers"_s].toArray();
    QCOMPARE(layers.size(), expected.size());
    for (qsizetype i = 0; i < layers.size(); ++i) {
        for (const QString &field : {u"digest"_s, u"size"_s, u"uncompressedSize"_s, u"entries"_s, u"fileBytes"_s, u"wastedBytes"_s})
            QCOMPARE(layers[i][field], expected[i][field]);
        QVERIFY(layers[i][u"size"_s].toInteger() > 0);
    }
    QCOMPARE(w[u"efficiency"_s], o[u"efficiency"_s]);
    const QJsonArray history = w[u"history"_s].toArray();
    QCOMPARE(history.size(), o[u"history"_s].toArray().size());
    for (qsizetype i = 0; i < history.size(); ++i)
        QCOMPARE(history[i][u"size"_s], o[u"history"_s][i][u"size"_s]);

    // One layer's files, by a short digest.
    const QString second = m_schema1->layers.at(1);
    const ProgramRun files = runWharf({u"layers"_s, m_schema1->reference, u"--files"_s, second.mid(7, 12), u"--json"_s});
    QCOMPARE(files.exitCode, 0);
    QCOMPARE(files.json()[u"layer"_s][u"digest"_s].toString(), second);
    QStringList paths;
    for (const QJsonValue &entry : files.json()[u"entries"_s].toArray())
        paths.append(entry[u"path"_s].toString());
    QVERIFY2(paths.contains(u"srv/data.bin"_s), qPrintable(paths.join(u' ')));
}

void TestCli::failures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QString reg = m_registry.hostPort();
    QTest::addRow("invalid reference") << QStringList{u"inspect"_s, u"Nginx:Latest"_s} << 2;
    QTest::addRow("invalid digest") << QStringList{u"inspect"_s, reg + u"/multi@sha256:../../etc"_s} << 2;
    QTest::addRow("invalid platform") << QStringList{u"inspect"_s, reg + u"/multi"_s, u"--platform"_s, u"a/b/c/d"_s} << 2;
    QTest::addRow("unknown repository") << QStringList{u"inspect"_s, reg + u"/no-such-repo:1"_s} << 1;
    QTest::addRow("unknown tag") << QStringList{u"inspect"_s, reg + u"/multi:no-such-tag"_s} << 1;
    QTest::addRow("no matching platform") << QStringList{u"inspect"_s, reg + u"/multi"_s, u"--platform"_s, u"linux/s390x"_s} << 1;
    QTest::addRow("connection refused") << QStringList{u"inspect"_s, u"127.0.0.1:1/multi:latest"_s} << 1;
    QTest::addRow("tags of unknown repository") << QStringList{u"tags"_s, reg + u"/no-such-repo"_s} << 1;
    QTest::addRow("tags given an image") << QStringList{u"tags"_s, reg + u"/multi:latest"_s} << 2;
    QTest::addRow("unknown command") << QStringList{u"frobnicate"_s} << 2;
    QTest::addRow("missing argument") << QStringList{u"inspect"_s} << 2;
    QTest::addRow("bad limit") << QStringList{u"tags"_s, reg + u"/multi"_s, u"--limit"_s, u"0"_s} << 2;
    QTest::addRow("login without password-stdin") << QStringList{u"login"_s, reg, u"-u"_s, u"x"_s} << 2;
    QTest::addRow("unknown option") << QStringList{u"pull"_s, reg + u"/multi"_s, u"--frobnicate"_s} << 2;
    QTest::addRow("unknown short option") << QStringList{u"tags"_s, reg + u"/multi"_s, u"-z"_s} << 2;
    QTest::addRow("option without its value") << QStringList{u"tags"_s, reg + u"/multi"_s, u"--limit"_s} << 2;
    QTest::addRow("too many arguments") << QStringList{u"tags"_s, reg + u"/multi"_s, u"extra"_s} << 2;
}

void TestCli::failures()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const ProgramRun r = runWharf(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("wharf: error: "), r.err.constData());
    QCOMPARE(r.errLines().size(), 1); // one clear line, never the whole usage text
    if (exitCode == 2) {
        // A usage error points at the help of the command that was run, in Wharf's quoting.
        const QByteArray command =
            arguments.first() == u"frobnicate" ? QByteArray("wharf") : QByteArray("wharf " + arguments.first().toUtf8());
        const QByteArray pointer = "(see \xe2\x80\x9c" + command + " --help\xe2\x80\x9d)";
        QVERIFY2(r.err.trimmed().endsWith(pointer), r.err.constData());
        QVERIFY2(!r.err.contains('\''), r.err.constData());
    }
}

void TestCli::invalidReferenceSendsNothing()
{
    HttpServer server;
    QVERIFY(server.listen());
    const QString host = u"127.0.0.1:%1"_s.arg(server.port());
    for (const QString &bad : QStringList{host + u"/UPPER:1"_s, host + u"/app@sha256:0123"_s, host + u"/a//b"_s}) {
        const ProgramRun r = runWharf({u"inspect"_s, bad});
        QCOMPARE(r.exitCode, 2);
    }
    QCOMPARE(server.requestCount(), 0);
}

void TestCli::tagsFromRegistry()
{
    const ProgramRun r = runWharf({u"tags"_s, m_registry.hostPort() + u"/manytags"_s, u"--limit"_s, u"1000"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = r.json();
    QCOMPARE(json[u"source"_s].toString(), u"registry"_s);
    QCOMPARE(json[u"more"_s].toBool(), false);
    QStringList names;
    for (const QJsonValue &t : json[u"tags"_s].toArray())
        names.append(t[u"name"_s].toString());
    QStringList expected = m_images.tags(u"manytags"_s);
    QCOMPARE(names.size(), expected.size());
    std::sort(names.begin(), names.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(names, expected);

    const ProgramRun limited = runWharf({u"tags"_s, m_registry.hostPort() + u"/manytags"_s, u"--limit"_s, u"10"_s});
    QCOMPARE(limited.exitCode, 0);
    QCOMPARE(limited.out.trimmed().split('\n').size(), 10);

    const ProgramRun platforms = runWharf({u"tags"_s, m_registry.hostPort() + u"/multi"_s, u"--platforms"_s, u"--json"_s});
    QCOMPARE(platforms.exitCode, 0);
    const QJsonObject latest = platforms.json()[u"tags"_s].toArray().first().toObject();
    QCOMPARE(latest[u"digest"_s].toString(), m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(latest[u"platforms"_s].toArray().size(), 3);
    // Absent values are null, as the README promises for every --json shape.
    for (const QJsonValue &p : latest[u"platforms"_s].toArray()) {
        const QJsonObject platform = p[u"platform"_s].toObject();
        QVERIFY(platform.contains(u"variant"_s) && platform.contains(u"os.version"_s));
        QVERIFY(platform[u"os.version"_s].isNull());
    }

    // A single-platform image: its platform and build time come from its config, as in the Tags
    // pane (one TagSource for both), and its size counts the config too.
    const ProgramRun single = runWharf({u"tags"_s, m_registry.hostPort() + u"/single"_s, u"--platforms"_s, u"--json"_s});
    QCOMPARE(single.exitCode, 0);
    const QJsonObject one = single.json()[u"tags"_s].toArray().first().toObject();
    QCOMPARE(one[u"digest"_s].toString(), m_images.digest(u"single"_s, u"1.0"_s));
    QCOMPARE(one[u"platforms"_s].toArray().size(), 1);
    QCOMPARE(one[u"platforms"_s][0][u"platform"_s][u"architecture"_s].toString(), u"amd64"_s);
    QVERIFY(!one[u"lastPushed"_s].isNull());
    qint64 size = m_images.image(u"single"_s, u"1.0"_s)[u"config"_s][u"size"_s].toInteger();
    for (const QJsonValue &layer : m_images.image(u"single"_s, u"1.0"_s)[u"layers"_s].toArray())
        size += layer[u"size"_s].toInteger();
    QCOMPARE(one[u"size"_s].toInteger(), size);
}

void TestCli::tagsFromHub()
{
    QProcessEnvironment env = testEnvironment();
    env.insert(u"WHARF_HUB_URL"_s, m_hub.baseUrl().toString());
    const ProgramRun r = runWharf({u"tags"_s, u"multi"_s, u"--json"_s}, env); // an official image: library/multi
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = r.json();
    QCOMPARE(json[u"source"_s].toString(), u"hub"_s);
    QCOMPARE(json[u"repository"_s].toString(), u"docker.io/library/multi"_s);
    const QJsonObject latest = json[u"tags"_s].toArray().first().toObject();
    QCOMPARE(latest[u"digest"_s].toString(), m_images.digest(u"multi"_s, u"latest"_s));
    const QJsonArray platforms = latest[u"platforms"_s].toArray();
    QCOMPARE(platforms.size(), 3);
    for (const QJsonValue &p : platforms)
        QVERIFY(p[u"platform"_s][u"os"_s].toString() != u"unknown"_s);

    const ProgramRun many = runWharf({u"tags"_s, u"manytags"_s, u"--limit"_s, u"250"_s, u"--json"_s}, env);
    QCOMPARE(many.exitCode, 0);
    QCOMPARE(many.json()[u"tags"_s].toArray().size(), 250);
    QCOMPARE(many.json()[u"more"_s].toBool(), true);
    int tagPages = 0;
    for (const HttpRequest &request : m_hub.requests())
        tagPages += request.path().contains(u"manytags/tags"_s) ? 1 : 0;
    QCOMPARE(tagPages, 3); // pages of 100 followed by `next`

    const ProgramRun missing = runWharf({u"tags"_s, u"no-such-image"_s}, env);
    QCOMPARE(missing.exitCode, 1);
    QCOMPARE(missing.errLines().size(), 1);
}

// The whole list is read, ordered as the Tags pane orders it, and only then cut by --limit.
void TestCli::tagsNewestFirst()
{
    const ProgramRun r = runWharf({u"tags"_s, m_registry.hostPort() + u"/manytags"_s, u"--limit"_s, u"25"_s});
    QCOMPARE(r.exitCode, 0);
    QStringList expected{u"latest"_s};
    for (int minor = 19; minor >= 0; --minor)
        expected.append(u"2.%1"_s.arg(minor));
    for (int rc = 10; rc >= 7; --rc)
        expected.append(u"2.0.0-rc.%1"_s.arg(rc));
    QCOMPARE(QString::fromUtf8(r.out).trimmed().split(u'\n'), expected);
    QCOMPARE(r.errLines(), QList<QByteArray>{"(235 more tags not shown; raise --limit to see them)"});

    const ProgramRun all = runWharf({u"tags"_s, m_registry.hostPort() + u"/manytags"_s, u"--limit"_s, u"1000"_s, u"--json"_s});
    QCOMPARE(all.exitCode, 0);
    QStringList names;
    for (const QJsonValue &t : all.json()[u"tags"_s].toArray())
        names.append(t[u"name"_s].toString());
    QCOMPARE(all.json()[u"leftOut"_s].toInt(), 0);
    QCOMPARE(names.size(), 260);
    QCOMPARE(names.indexOf(u"v1.10.0"_s), -1); // there is no such tag
    QVERIFY(names.indexOf(u"v1.9.19"_s) < names.indexOf(u"v1.9.2"_s)); // numerically, newest first
    QVERIFY(names.indexOf(u"2.0"_s) < names.indexOf(u"2.0.0-rc.10"_s)); // a release above its pre-releases
    QVERIFY(names.indexOf(u"2.0.0-rc.10"_s) < names.indexOf(u"2.0.0-rc.2"_s));
    QCOMPARE(names.indexOf(u"v1.0.0"_s), 1 + 20 + 10 + 200 - 1); // the last version
    QCOMPARE(names.mid(231, 4), (QStringList{u"dev"_s, u"edge"_s, u"main"_s, u"nightly-2024-01-01"_s})); // then names
    QCOMPARE(names.last(), u"stable"_s);
}

// A `next` that leads back to a page already read ends the list with a note, at once, without
// repeating a tag — on a registry (Link) and on Docker Hub (`next`).
void TestCli::tagPagesInCircles_data()
{
    QTest::addColumn<bool>("hub");
    QTest::addRow("registry Link") << false;
    QTest::addRow("Docker Hub next") << true;
}

void TestCli::tagPagesInCircles()
{
    QFETCH(bool, hub);
    HttpServer server;
    server.setHandler([&server, hub](const HttpRequest &request, HttpResponder &r) {
        const bool second = request.query().hasQueryItem(u"page"_s);
        QJsonArray names;
        for (int i = 0; i < 3; ++i)
            names.append(u"v1.%1"_s.arg(second ? i + 3 : i));
        const QByteArray next = "/" + request.path().toUtf8().mid(1) + "?page=2";
        if (hub) {
            QJsonArray results;
            for (const QJsonValue &n : std::as_const(names))
                results.append(QJsonObject{{u"name"_s, n.toString()}, {u"images"_s, QJsonArray()}});
            // Page 2 says its next page is page 2 again.
            r.respondJson(200,
                          QJsonDocument(QJsonObject{{u"count"_s, 9999},
                                                    {u"next"_s, QString(server.baseUrl().toString() + QString::fromUtf8(next))},
                                                    {u"results"_s, results}}));
        } else {
            r.respondJson(200, QJsonDocument(QJsonObject{{u"name"_s, u"app"_s}, {u"tags"_s, names}}),
                          {{"Link", "<" + next + ">; rel=\"next\""}});
        }
    });
    QVERIFY(server.listen());
    QProcessEnvironment env = testEnvironment();
    env.insert(u"WHARF_HUB_URL"_s, server.baseUrl().toString());
    const QString repository = hub ? u"someone/app"_s : u"127.0.0.1:%1/app"_s.arg(server.port());
    QElapsedTimer clock;
    clock.start();
    const ProgramRun r = runWharf({u"tags"_s, repository, u"--limit"_s, u"100000"_s}, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(clock.elapsed() < 10'000, qPrintable(QString::number(clock.elapsed())));
    QStringList names = QString::fromUtf8(r.out).trimmed().split(u'\n');
    if (hub) { // a table: the name is the first column, after the header
        names.removeFirst();
        for (QString &line : names)
            line = line.section(u' ', 0, 0);
    }
    QCOMPARE(names.size(), 6);
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 6); // no duplicates
    QVERIFY(server.requestCount() <= 3);
    QCOMPARE(r.errLines().size(), 1);
    QVERIFY2(r.err.contains("circles"), r.err.constData());
    // On Docker Hub the registry's own list is asked too (a closed port here): said, beside the circles.
    QCOMPARE(r.err.contains("registry's own tag list could not be read"), hub);
}

void TestCli::searchHub()
{
    QProcessEnvironment env = testEnvironment();
    env.insert(u"WHARF_HUB_URL"_s, m_hub.baseUrl().toString());
    m_hub.setRepositoryInfo(u"library/multi"_s, u"Multi-platform test image"_s, u"# multi"_s, 42, 123456789012);
    const ProgramRun r = runWharf({u"search"_s, u"multi"_s, u"--json"_s}, env);
    QCOMPARE(r.exitCode, 0);
    const QJsonArray results = r.json()[u"results"_s].toArray();
    QVERIFY(!results.isEmpty());
    const auto it = std::find_if(results.begin(), results.end(), [](const QJsonValue &v) { return v[u"name"_s].toString() == u"multi"_s; });
    QVERIFY(it != results.end());
    QCOMPARE((*it)[u"official"_s].toBool(), true);
    QCOMPARE((*it)[u"namespace"_s].toString(), u"library"_s);
    QCOMPARE((*it)[u"stars"_s].toInteger(), 42);
    QCOMPARE((*it)[u"pulls"_s].toInteger(), 123456789012);

    const ProgramRun plain = runWharf({u"search"_s, u"multi"_s}, env);
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.out.contains("Multi-platform test image"));
    QVERIFY(plain.out.contains("official"));

    m_hub.setRateLimited(true);
    const ProgramRun limited = runWharf({u"search"_s, u"multi"_s}, env);
    m_hub.setRateLimited(false);
    QCOMPARE(limited.exitCode, 1);
    QCOMPARE(limited.errLines().size(), 1);
}

void TestCli::searchCatalog()
{
    const ProgramRun r = runWharf({u"search"_s, u"layer"_s, u"--registry"_s, m_registry.hostPort(), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray results = r.json()[u"results"_s].toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first()[u"name"_s].toString(), u"layers"_s);
}

void TestCli::helpAndVersionNeedNoDisplay()
{
    // With no display and a platform plugin that cannot start, only a widget-free CLI works.
    QProcessEnvironment env = testEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    for (const QStringList &args : {QStringList{u"--help"_s}, QStringList{u"--version"_s}, QStringList{u"inspect"_s, u"--help"_s},
                                    QStringList{u"inspect"_s, m_registry.hostPort() + u"/single:1.0"_s}}) {
        const ProgramRun r = runWharf(args, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
