// `wharf export` checked by the tools that load its output. Real test-bed images (single:1.0, the
// whiteouts and opaque folder of layers:app, the +zstd layers of zstd:latest, the Docker schema 2
// docker-v2s2:latest, two platforms of multi:latest) go into a temporary store through BlobIngest
// (TestbedStore); the built binary exports them; then skopeo 1.9.3 inspects the docker-archive
// (layers = the config's diff_ids, same config) and copies it back to an OCI layout, inspects the
// oci-archive (same manifest digest), and GNU tar lists only names made of digests. A corrupted
// store blob, a config whose diff_ids lie, unknown references and bad command lines fail cleanly and
// leave no file.

#include "TestbedImages.h"
#include "TestbedStore.h"
#include "TestSupport.h"

#include "core/Digest.h"
#include "documents/DocumentParser.h"
#include "store/BlobArrivals.h"
#include "store/ImageExporter.h"
#include "store/ImageStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>
#include <QScopeGuard>
#include <QtConcurrentRun>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

ProgramRun runWharf(const QStringList &arguments)
{
    return runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments);
}

QJsonObject jsonObject(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QStringList stringList(const QJsonValue &value)
{
    return value.toVariant().toStringList();
}

} // namespace

class TestExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dockerArchive_data();
    void dockerArchive();
    void ociArchive_data();
    void ociArchive();
    void podmanLoads();
    void whiteoutsSurvive();
    void reproducible();
    void platforms();
    void commandLineErrors();
    void corruptBlob_data();
    void corruptBlob();
    void diffIdMismatch();
    void cancelled();
    void followsArrivals();
    void failedArrivalsEndTheExport();
    void stagesHoldTheirOwnLayersOnly();
    void justVerifiedIsNotHashedTwice_data();
    void justVerifiedIsNotHashedTwice();

private:
    [[nodiscard]] QString exportTo(const QString &reference, const QString &format, const QString &name);
    [[nodiscard]] ImageConfig configOf(const QString &repository, const QString &tag, const QString &platform = {});
    [[nodiscard]] QStringList tarNames(const QString &archive);
    [[nodiscard]] QByteArray tarMember(const QString &archive, const QString &member);

    TestbedImages m_images;
    QTemporaryDir m_tmp;
    std::optional<ImageStore> m_store;
};

void TestExport::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    QVERIFY(m_tmp.isValid());
    QVERIFY(!m_tmp.path().contains(u':')); // skopeo's oci:PATH:NAME splits at the first ':'
    auto store = ImageStore::open(m_tmp.filePath(u"store"_s));
    QVERIFY(store);
    m_store = *store;
    const TestbedStore testbed(m_images, *m_store);
    const struct { QString reference, repository, tag, platform; } images[] = {
        {u"single:1.0"_s, u"single"_s, u"1.0"_s, {}},
        {u"layers:app"_s, u"layers"_s, u"app"_s, {}},
        {u"zstd:latest"_s, u"zstd"_s, u"latest"_s, {}},
        {u"docker-v2s2:latest"_s, u"docker-v2s2"_s, u"latest"_s, {}},
        {u"multi:latest"_s, u"multi"_s, u"latest"_s, u"linux/amd64"_s},
        {u"multi:latest"_s, u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s},
    };
    for (const auto &image : images)
        QVERIFY2(testbed.addImage(image.reference, image.repository, image.tag, image.platform, &error), qPrintable(error));
}

QString TestExport::exportTo(const QString &reference, const QString &format, const QString &name)
{
    const QString path = m_tmp.filePath(name);
    const ProgramRun run = runWharf({u"export"_s, reference, u"-o"_s, path, u"--format"_s, format, u"--store"_s, m_store->root()});
    if (run.exitCode != 0) {
        qWarning() << run.err;
        return {};
    }
    // One line on stdout, naming the file.
    if (run.out.count('\n') != 1 || !run.out.contains(path.toUtf8()))
        return {};
    return path;
}

ImageConfig TestExport::configOf(const QString &repository, const QString &tag, const QString &platform)
{
    const QJsonObject config = m_images.image(repository, tag, platform).value("config"_L1).toObject();
    auto bytes = m_store->readBlob(*Digest::parse(config.value("digest"_L1).toString()), kMaxConfigSize);
    if (!bytes)
        return {};
    auto parsed = parseConfig(*bytes);
    return parsed ? *parsed : ImageConfig();
}

QStringList TestExport::tarNames(const QString &archive)
{
    const ProgramRun list = runProgram(u"tar"_s, {u"-tf"_s, archive});
    if (list.exitCode != 0)
        return {};
    return QString::fromUtf8(list.out).split(u'\n', Qt::SkipEmptyParts);
}

QByteArray TestExport::tarMember(const QString &archive, const QString &member)
{
    const ProgramRun extract = runProgram(u"tar"_s, {u"-xOf"_s, archive, member});
    return extract.exitCode == 0 ? extract.out : QByteArray();
}

void TestExport::dockerArchive_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    QTest::addRow("single (OCI, gzip)") << u"single"_s << u"1.0"_s;
    QTest::addRow("layers:app (whiteouts)") << u"layers"_s << u"app"_s;
    QTest::addRow("zstd") << u"zstd"_s << u"latest"_s;
    QTest::addRow("docker schema 2") << u"docker-v2s2"_s << u"latest"_s;
}

void TestExport::dockerArchive()
{
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    const QString reference = repository + u':' + tag;
    const QString archive = exportTo(reference, u"docker-archive"_s, repository + u"-docker.tar"_s);
    QVERIFY(!archive.isEmpty());
    QVERIFY(!QFile::exists(archive + u".partial"_s));
    const ImageConfig config = configOf(repository, tag);
    QVERIFY(!config.diffIds.isEmpty());
    QStringList diffIds;
    for (const Digest &d : config.diffIds)
        diffIds.append(d.toString());
    const QString configDigest = m_images.image(repository, tag).value("config"_L1).toObject().value("digest"_L1).toString();

    // Only names made of digests and fixed words.
    static const QRegularExpression safe(u"^(?:[0-9a-f]{64}\\.json|[0-9a-f]{64}/|[0-9a-f]{64}/layer\\.tar|manifest\\.json)$"_s);
    const QStringList names = tarNames(archive);
    QVERIFY(names.contains(u"manifest.json"_s));
    for (const QString &name : names)
        QVERIFY2(safe.match(name).hasMatch(), qPrintable(name));

    const QJsonArray manifest = QJsonDocument::fromJson(tarMember(archive, u"manifest.json"_s)).array();
    QCOMPARE(manifest.size(), 1);
    const QJsonObject item = manifest.at(0).toObject();
    QCOMPARE(item.value("Config"_L1).toString(), configDigest.mid(7) + u".json"_s);
    QCOMPARE(stringList(item.value("RepoTags"_L1)), QStringList{u"docker.io/library/"_s + reference});
    QStringList layerPaths;
    for (const QString &d : std::as_const(diffIds))
        layerPaths.append(d.mid(7) + u"/layer.tar"_s);
    QCOMPARE(stringList(item.value("Layers"_L1)), layerPaths);

    // skopeo reads it: layers are the diff_ids, the config is the stored one.
    const QString source = u"docker-archive:"_s + archive;
    const ProgramRun inspect = runProgram(u"skopeo"_s, {u"inspect"_s, source});
    QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
    QCOMPARE(stringList(jsonObject(inspect.out).value("Layers"_L1)), diffIds);
    const ProgramRun raw = runProgram(u"skopeo"_s, {u"inspect"_s, u"--raw"_s, source});
    QVERIFY2(raw.exitCode == 0, raw.err.constData());
    QCOMPARE(jsonObject(raw.out).value("config"_L1).toObject().value("digest"_L1).toString(), configDigest);

    // And copies it back into an OCI layout with the same layers. (Converting the Docker manifest
    // to OCI re-serialises the config, so only its diff_ids are comparable there.)
    const QString layout = m_tmp.filePath(repository + u"-copied"_s);
    const ProgramRun copy = runProgram(u"skopeo"_s, {u"copy"_s, source, u"oci:"_s + layout + u":x"_s});
    QVERIFY2(copy.exitCode == 0, copy.err.constData());
    const ProgramRun copied = runProgram(u"skopeo"_s, {u"inspect"_s, u"--config"_s, u"oci:"_s + layout + u":x"_s});
    QVERIFY2(copied.exitCode == 0, copied.err.constData());
    QCOMPARE(stringList(jsonObject(copied.out).value("rootfs"_L1).toObject().value("diff_ids"_L1)), diffIds);
    // A copy that keeps the manifest format keeps the config byte for byte, and the layers as written.
    const QString folder = m_tmp.filePath(repository + u"-dir"_s);
    const ProgramRun copyDir = runProgram(u"skopeo"_s, {u"copy"_s, source, u"dir:"_s + folder});
    QVERIFY2(copyDir.exitCode == 0, copyDir.err.constData());
    QFile dirManifest(folder + u"/manifest.json"_s);
    QVERIFY(dirManifest.open(QIODevice::ReadOnly));
    const QJsonObject copiedManifest = jsonObject(dirManifest.readAll());
    QCOMPARE(copiedManifest.value("config"_L1).toObject().value("digest"_L1).toString(), configDigest);
    QStringList copiedLayers;
    for (const QJsonValue &layer : copiedManifest.value("layers"_L1).toArray())
        copiedLayers.append(layer.toObject().value("digest"_L1).toString());
    QCOMPARE(copiedLayers, diffIds);
}

void TestExport::ociArchive_data()
{
    dockerArchive_data();
}

void TestExport::ociArchive()
{
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    const QString reference = repository + u':' + tag;
    const QString archive = exportTo(reference, u"oci-archive"_s, repository + u"-oci.tar"_s);
    QVERIFY(!archive.isEmpty());
    const QJsonObject image = m_images.image(repository, tag);

    static const QRegularExpression safe(u"^(?:oci-layout|index\\.json|blobs/|blobs/sha256/|blobs/sha256/[0-9a-f]{64})$"_s);
    const QStringList names = tarNames(archive);
    for (const QString &name : names)
        QVERIFY2(safe.match(name).hasMatch(), qPrintable(name));
    // The manifest, the config and every layer, as stored.
    QStringList blobs{image.value("digest"_L1).toString(), image.value("config"_L1).toObject().value("digest"_L1).toString()};
    for (const QJsonValue &layer : image.value("layers"_L1).toArray())
        blobs.append(layer.toObject().value("digest"_L1).toString());
    for (const QString &blob : std::as_const(blobs)) {
        QVERIFY(names.contains(u"blobs/sha256/"_s + blob.mid(7)));
        QCOMPARE(Digest::sha256Of(tarMember(archive, u"blobs/sha256/"_s + blob.mid(7))).toString(), blob);
    }
    const QJsonObject index = QJsonDocument::fromJson(tarMember(archive, u"index.json"_s)).object();
    const QJsonArray manifests = index.value("manifests"_L1).toArray();
    QCOMPARE(manifests.size(), 1);
    QCOMPARE(manifests.at(0).toObject().value("digest"_L1).toString(), image.value("digest"_L1).toString());
    QCOMPARE(manifests.at(0).toObject().value("annotations"_L1).toObject().value("org.opencontainers.image.ref.name"_L1).toString(),
             u"docker.io/library/"_s + reference);

    // skopeo 1.9.3 only looks at OCI media types in index.json (ImageStore.h), so it cannot open
    // the Docker schema 2 manifest in an OCI layout; everything else it must read as it is.
    if (image.value("mediaType"_L1).toString().contains(u"docker"_s))
        return;
    const ProgramRun inspect = runProgram(u"skopeo"_s, {u"inspect"_s, u"oci-archive:"_s + archive});
    QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
    QCOMPARE(jsonObject(inspect.out).value("Digest"_L1).toString(), image.value("digest"_L1).toString());
    const ProgramRun raw = runProgram(u"skopeo"_s, {u"inspect"_s, u"--raw"_s, u"oci-archive:"_s + archive});
    QVERIFY2(raw.exitCode == 0, raw.err.constData());
    QCOMPARE(Digest::sha256Of(raw.out).toString(), image.value("digest"_L1).toString());
}

void TestExport::podmanLoads()
{
    // `podman load` needs no daemon: a private root with the vfs driver is enough.
    if (QStandardPaths::findExecutable(u"podman"_s).isEmpty())
        QSKIP("podman is not installed (scripts/setup-deps --test installs it)");
    const QString archive = exportTo(u"layers:app"_s, u"docker-archive"_s, u"podman.tar"_s);
    QVERIFY(!archive.isEmpty());
    const QStringList storage{u"--root"_s, m_tmp.filePath(u"podman-root"_s), u"--runroot"_s, m_tmp.filePath(u"podman-run"_s),
                              u"--storage-driver"_s, u"vfs"_s};
    const ProgramRun load = runProgram(u"podman"_s, storage + QStringList{u"load"_s, u"-i"_s, archive});
    QVERIFY2(load.exitCode == 0, load.err.constData());
    const ProgramRun inspect = runProgram(u"podman"_s, storage + QStringList{u"image"_s, u"inspect"_s, u"docker.io/library/layers:app"_s});
    QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
    const QJsonObject image = QJsonDocument::fromJson(inspect.out).array().first().toObject();
    QStringList layers;
    for (const Digest &d : configOf(u"layers"_s, u"app"_s).diffIds)
        layers.append(d.toString());
    QCOMPARE(stringList(image.value("RootFS"_L1).toObject().value("Layers"_L1)), layers);
}

void TestExport::whiteoutsSurvive()
{
    // Each layer tar of layers:app in the docker-archive is byte for byte the gunzipped blob:
    // whiteout files and the opaque marker included.
    const QString archive = exportTo(u"layers:app"_s, u"docker-archive"_s, u"layers-app.tar"_s);
    QVERIFY(!archive.isEmpty());
    const ImageConfig config = configOf(u"layers"_s, u"app"_s);
    const QJsonArray layers = m_images.image(u"layers"_s, u"app"_s).value("layers"_L1).toArray();
    QCOMPARE(config.diffIds.size(), layers.size());
    QStringList inner;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const QString digest = layers.at(i).toObject().value("digest"_L1).toString();
        const ProgramRun gunzip = runProgram(u"gzip"_s, {u"-dc"_s, m_store->blobPath(*Digest::parse(digest))});
        QCOMPARE(gunzip.exitCode, 0);
        const QString member = config.diffIds[i].encoded() + u"/layer.tar"_s;
        const QByteArray exported = tarMember(archive, member);
        QVERIFY(exported == gunzip.out);
        const QString innerPath = m_tmp.filePath(u"inner.tar"_s);
        QFile file(innerPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(exported);
        file.close();
        const QStringList entries = tarNames(innerPath);
        QCOMPARE(entries, stringList(layers.at(i).toObject().value("entries"_L1)));
        inner += entries;
    }
    QVERIFY(inner.contains(u"etc/.wh.obsolete.conf"_s));
    QVERIFY(inner.contains(u"usr/share/doc/.wh..wh..opq"_s));
}

void TestExport::reproducible()
{
    for (const QString &format : {u"docker-archive"_s, u"oci-archive"_s}) {
        const QString a = exportTo(u"zstd:latest"_s, format, u"again-1.tar"_s);
        const QString b = exportTo(u"zstd:latest"_s, format, u"again-2.tar"_s);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QFile first(a);
        QFile second(b);
        QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
        QVERIFY(first.size() > 0);
        QVERIFY(first.readAll() == second.readAll());
    }
}

void TestExport::platforms()
{
    // multi:latest is kept for two platforms: REF alone is ambiguous (a usage error), --platform picks.
    const QString path = m_tmp.filePath(u"multi.tar"_s);
    const ProgramRun ambiguous = runWharf({u"export"_s, u"multi:latest"_s, u"-o"_s, path, u"--store"_s, m_store->root()});
    QCOMPARE(ambiguous.exitCode, 2);
    QVERIFY(!QFile::exists(path));
    const ProgramRun picked = runWharf({u"export"_s, u"multi:latest"_s, u"-o"_s, path, u"--platform"_s, u"linux/arm64/v8"_s,
                                 u"--store"_s, m_store->root()});
    QVERIFY2(picked.exitCode == 0, picked.err.constData());
    const ProgramRun inspect = runProgram(u"skopeo"_s, {u"inspect"_s, u"--config"_s, u"docker-archive:"_s + path});
    QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
    QCOMPARE(jsonObject(inspect.out).value("architecture"_L1).toString(), u"arm64"_s);
    const ProgramRun other = runWharf({u"export"_s, u"multi:latest"_s, u"-o"_s, path, u"--platform"_s, u"linux/s390x"_s,
                                u"--store"_s, m_store->root()});
    QCOMPARE(other.exitCode, 1);
}

void TestExport::commandLineErrors()
{
    const QString root = m_store->root();
    const QString path = m_tmp.filePath(u"never.tar"_s);
    // Nothing stored under that name: the operation failed (1).
    const ProgramRun unknown = runWharf({u"export"_s, u"nothing:here"_s, u"-o"_s, path, u"--store"_s, root});
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(unknown.err.count('\n'), 1);
    // The command line is wrong (2).
    QCOMPARE(runWharf({u"export"_s, u"Bad Ref"_s, u"-o"_s, path, u"--store"_s, root}).exitCode, 2);
    QCOMPARE(runWharf({u"export"_s, u"single:1.0"_s, u"--store"_s, root}).exitCode, 2);
    QCOMPARE(runWharf({u"export"_s, u"-o"_s, path, u"--store"_s, root}).exitCode, 2);
    QCOMPARE(runWharf({u"export"_s, u"single:1.0"_s, u"-o"_s, path, u"--format"_s, u"tarball"_s, u"--store"_s, root}).exitCode, 2);
    QCOMPARE(runWharf({u"export"_s, u"single:1.0"_s, u"-o"_s, path, u"--platform"_s, u"linux/amd64/v8/extra"_s, u"--store"_s, root}).exitCode, 2);
    // A folder that does not exist.
    QCOMPARE(runWharf({u"export"_s, u"single:1.0"_s, u"-o"_s, m_tmp.filePath(u"no/such/dir.tar"_s), u"--store"_s, root}).exitCode, 1);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + u".partial"_s));
}

void TestExport::corruptBlob_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("blob"); // which blob of single:1.0 gets one byte flipped
    QTest::addRow("docker-archive, layer") << u"docker-archive"_s << u"layer"_s;
    QTest::addRow("oci-archive, layer") << u"oci-archive"_s << u"layer"_s;
    QTest::addRow("docker-archive, config") << u"docker-archive"_s << u"config"_s;
}

void TestExport::corruptBlob()
{
    QFETCH(QString, format);
    QFETCH(QString, blob);
    // A store of its own: the others stay intact.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    QString error;
    QVERIFY2(TestbedStore(m_images, *store).addImage(u"single:1.0"_s, u"single"_s, u"1.0"_s, {}, &error), qPrintable(error));
    const QJsonObject image = m_images.image(u"single"_s, u"1.0"_s);
    const QString digest = blob == u"layer"
        ? image.value("layers"_L1).toArray().last().toObject().value("digest"_L1).toString()
        : image.value("config"_L1).toObject().value("digest"_L1).toString();
    const QString path = store->blobPath(*Digest::parse(digest));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 offset = file.size() / 2;
    QVERIFY(file.seek(offset));
    const char original = file.read(1).at(0);
    QVERIFY(file.seek(offset));
    file.write(QByteArray(1, char(original ^ 0x40)));
    file.close();

    const QString output = dir.filePath(u"out.tar"_s);
    const ProgramRun run = runWharf({u"export"_s, u"single:1.0"_s, u"-o"_s, output, u"--format"_s, format, u"--store"_s, store->root()});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.contains(digest.toUtf8()), run.err.constData()); // the message names the blob
    QVERIFY(!QFile::exists(output));
    QVERIFY(!QFile::exists(output + u".partial"_s));

    // Through the API: the code says what happened.
    auto found = store->findImages(u"single:1.0"_s);
    QVERIFY(found);
    const auto exported = ImageExporter::exportImage(*store, found->first(), output, *ImageExporter::formatFromName(format));
    QVERIFY(!exported);
    QCOMPARE(exported.error().code(), Error::Code::DigestMismatch);
    QVERIFY(!QFile::exists(output));
}

void TestExport::diffIdMismatch()
{
    // An image whose config names a wrong diff_id for its last layer (B27): the docker-archive is
    // refused, since docker load would reject it; the OCI layout copy has nothing to decompress.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    QString error;
    const TestbedStore testbed(m_images, *store);
    QVERIFY2(testbed.addImage(u"single:1.0"_s, u"single"_s, u"1.0"_s, {}, &error), qPrintable(error));
    const QJsonObject image = m_images.image(u"single"_s, u"1.0"_s);
    const Digest configDigest = *Digest::parse(image.value("config"_L1).toObject().value("digest"_L1).toString());
    auto configBytes = store->readBlob(configDigest, kMaxConfigSize);
    QVERIFY(configBytes);
    QJsonObject config = QJsonDocument::fromJson(*configBytes).object();
    QJsonObject rootfs = config.value("rootfs"_L1).toObject();
    QJsonArray diffIds = rootfs.value("diff_ids"_L1).toArray();
    diffIds.replace(diffIds.size() - 1, Digest::sha256Of("not this layer").toString());
    rootfs.insert(u"diff_ids"_s, diffIds);
    config.insert(u"rootfs"_s, rootfs);
    const QByteArray badConfig = QJsonDocument(config).toJson(QJsonDocument::Compact);

    auto manifestBytes = store->readBlob(*Digest::parse(image.value("digest"_L1).toString()), kMaxManifestSize);
    QVERIFY(manifestBytes);
    QJsonObject manifest = QJsonDocument::fromJson(*manifestBytes).object();
    QJsonObject configDescriptor = manifest.value("config"_L1).toObject();
    configDescriptor.insert(u"digest"_s, Digest::sha256Of(badConfig).toString());
    configDescriptor.insert(u"size"_s, badConfig.size());
    manifest.insert(u"config"_s, configDescriptor);
    const QByteArray badManifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);

    const auto ingest = [&](const QByteArray &bytes, const QString &mediaType) {
        Descriptor d;
        d.mediaType = mediaType;
        d.digest = Digest::sha256Of(bytes);
        d.size = bytes.size();
        auto writer = store->beginIngest(d);
        return writer && writer->write(bytes) && writer->commit() ? d : Descriptor();
    };
    QVERIFY(ingest(badConfig, configDescriptor.value("mediaType"_L1).toString()).digest.isValid());
    StoredImage stored;
    stored.reference = u"broken:1.0"_s;
    stored.platform = *Platform::parse(u"linux/amd64"_s);
    stored.manifest = ingest(badManifest, image.value("mediaType"_L1).toString());
    QVERIFY(stored.manifest.digest.isValid());
    QVERIFY(store->addImage(stored));

    auto found = store->findImages(u"broken:1.0"_s);
    QVERIFY(found);
    const QString output = dir.filePath(u"broken.tar"_s);
    const auto refused = ImageExporter::exportImage(*store, found->first(), output, ImageExporter::Format::DockerArchive);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), Error::Code::DigestMismatch);
    QVERIFY(!QFile::exists(output));
    QVERIFY(!QFile::exists(output + u".partial"_s));
    QCOMPARE(runWharf({u"export"_s, u"broken:1.0"_s, u"-o"_s, output, u"--store"_s, store->root()}).exitCode, 1);
    QVERIFY(!QFile::exists(output));
    const auto oci = ImageExporter::exportImage(*store, found->first(), output, ImageExporter::Format::OciArchive);
    QVERIFY2(oci, oci ? "" : qPrintable(oci.error().message()));
    QVERIFY(QFileInfo(output).size() == oci->bytes);
}

void TestExport::cancelled()
{
    // The flag a GUI worker sets: the export stops between chunks and leaves nothing.
    auto found = m_store->findImages(u"single:1.0"_s);
    QVERIFY(found);
    const std::atomic_bool cancel{true};
    ImageExporter::Options options;
    options.cancel = &cancel;
    const QString output = m_tmp.filePath(u"cancelled.tar"_s);
    for (const auto format : {ImageExporter::Format::DockerArchive, ImageExporter::Format::OciArchive}) {
        const auto exported = ImageExporter::exportImage(*m_store, found->first(), output, format, options);
        QVERIFY(!exported);
        QCOMPARE(exported.error().code(), Error::Code::Cancelled);
        QVERIFY(!QFile::exists(output));
        QVERIFY(!QFile::exists(output + u".partial"_s));
    }
}

void TestExport::followsArrivals()
{
    // An image still being pulled: each layer goes in as soon as it is "stored", in the order they
    // arrive; manifest.json still lists them in the manifest's order, and only once the pull closes.
    auto found = m_store->findImages(u"layers:app"_s);
    QVERIFY(found);
    const QStringList layers = m_images.layerDigests(u"layers"_s, u"app"_s);
    QVERIFY(layers.size() >= 3);
    const ImageConfig config = configOf(u"layers"_s, u"app"_s);
    QCOMPARE(config.diffIds.size(), layers.size());
    BlobArrivals arrivals;
    ImageExporter::Options options;
    options.arrivals = &arrivals;
    const QString output = m_tmp.filePath(u"arrivals.tar"_s);
    const StoredImage image = found->first();
    const ImageStore store = *m_store;
    QFuture<Result<ExportReport>> exported = QtConcurrent::run(
        [store, image, output, options] { return ImageExporter::exportImage(store, image, output, ImageExporter::Format::DockerArchive, options); });
    QTest::qWait(200);
    QVERIFY(!exported.isFinished()); // waiting for the first layer
    // A failed check returns early: the worker must not wait on an arrivals object that is gone.
    const auto finish = qScopeGuard([&arrivals, &exported] {
        arrivals.close(Error(Error::Code::Cancelled, u"test over"_s));
        exported.waitForFinished();
    });
    for (qsizetype i = layers.size() - 1; i >= 0; --i) {
        arrivals.markStored(*Digest::parse(layers[i]), false);
        QTest::qWait(300); // written before the next one arrives
    }
    QVERIFY(!exported.isFinished()); // every layer is in; the last entry waits for the pull to complete
    arrivals.close(std::nullopt);
    exported.waitForFinished();
    const Result<ExportReport> report = exported.result();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message()));

    QStringList files; // the layer files, in the archive's order
    for (const QString &name : tarNames(output))
        if (name.endsWith(u"/layer.tar"_s))
            files.append(name);
    QStringList arrived;
    for (qsizetype i = layers.size() - 1; i >= 0; --i)
        arrived.append(config.diffIds[i].encoded() + u"/layer.tar"_s);
    QCOMPARE(files, arrived);
    QStringList listed;
    for (const Digest &diffId : config.diffIds)
        listed.append(diffId.encoded() + u"/layer.tar"_s);
    const QJsonArray manifest = QJsonDocument::fromJson(tarMember(output, u"manifest.json"_s)).array();
    QCOMPARE(stringList(manifest.first()[u"Layers"_s]), listed);
    QCOMPARE(tarNames(output).last(), u"manifest.json"_s);
}

void TestExport::stagesHoldTheirOwnLayersOnly()
{
    // A load in stages (EngineLoader into Docker): a stage names the layers below it without their
    // files, and describes only the first layers, with the config it is given.
    auto found = m_store->findImages(u"layers:app"_s);
    QVERIFY(found);
    const StoredImage image = found->first();
    const ImageConfig config = configOf(u"layers"_s, u"app"_s);
    const qsizetype count = config.diffIds.size();
    QVERIFY(count >= 3);
    auto manifest = m_store->readImageManifest(image.manifest);
    QVERIFY(manifest);
    auto own = m_store->readBlob(manifest->config.digest, kMaxConfigSize);
    QVERIFY(own);
    QJsonObject cut = QJsonDocument::fromJson(*own).object();
    QJsonObject rootfs = cut[u"rootfs"_s].toObject();
    rootfs[u"diff_ids"_s] = QJsonArray{config.diffIds[0].toString(), config.diffIds[1].toString()};
    cut[u"rootfs"_s] = rootfs;
    const QByteArray stageConfig = QJsonDocument(cut).toJson(QJsonDocument::Compact);
    const auto layerFile = [&config](qsizetype i) -> QString { return config.diffIds[i].encoded() + u"/layer.tar"_s; };

    // The second of two: layer 2's file only; manifest.json names layers 1 and 2, untagged.
    ImageExporter::Options options;
    options.repoTags = QStringList();
    int asked = 0;
    options.stage = ImageExporter::Options::Stage{stageConfig, 1, 2, [&asked]() -> Result<void> {
                                                      ++asked;
                                                      return {};
                                                  }};
    const QString second = m_tmp.filePath(u"stage-2.tar"_s);
    auto report = ImageExporter::exportImage(*m_store, image, second, ImageExporter::Format::DockerArchive, options);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message()));
    QCOMPARE(asked, 1);
    const Digest stageDigest = Digest::sha256Of(stageConfig);
    QCOMPARE(report->config, stageDigest);
    QCOMPARE(tarNames(second), (QStringList{stageDigest.encoded() + u".json"_s, config.diffIds[1].encoded() + u'/', layerFile(1),
                                            u"manifest.json"_s}));
    QCOMPARE(tarMember(second, stageDigest.encoded() + u".json"_s), stageConfig);
    QJsonObject entry = QJsonDocument::fromJson(tarMember(second, u"manifest.json"_s)).array().first().toObject();
    QCOMPARE(stringList(entry[u"Layers"_s]), (QStringList{layerFile(0), layerFile(1)}));
    QCOMPARE(stringList(entry[u"RepoTags"_s]), QStringList());

    // The last: the image's own config (byte for byte), the layers from 3 on, the name.
    options.repoTags = QStringList{u"layers:app"_s};
    options.stage = ImageExporter::Options::Stage{{}, 2, count, {}};
    const QString last = m_tmp.filePath(u"stage-last.tar"_s);
    report = ImageExporter::exportImage(*m_store, image, last, ImageExporter::Format::DockerArchive, options);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message()));
    QCOMPARE(report->config, manifest->config.digest);
    QCOMPARE(tarMember(last, manifest->config.digest.encoded() + u".json"_s), *own);
    QStringList files;
    for (const QString &name : tarNames(last))
        if (name.endsWith(u"/layer.tar"_s))
            files.append(name);
    QStringList expected;
    QStringList listed;
    for (qsizetype i = 0; i < count; ++i) {
        listed.append(layerFile(i));
        if (i >= 2 && !expected.contains(layerFile(i)))
            expected.append(layerFile(i));
    }
    QCOMPARE(files, expected);
    entry = QJsonDocument::fromJson(tarMember(last, u"manifest.json"_s)).array().first().toObject();
    QCOMPARE(stringList(entry[u"Layers"_s]), listed);
    QCOMPARE(stringList(entry[u"RepoTags"_s]), QStringList{u"layers:app"_s});

    // A stage whose config is not a cut of the image's is refused before anything is written; a
    // stage told to stop before its manifest.json ends there, and leaves no file.
    rootfs[u"diff_ids"_s] = QJsonArray{config.diffIds[1].toString()};
    cut[u"rootfs"_s] = rootfs;
    options.stage = ImageExporter::Options::Stage{QJsonDocument(cut).toJson(QJsonDocument::Compact), 0, 1, {}};
    const QString refused = m_tmp.filePath(u"stage-refused.tar"_s);
    report = ImageExporter::exportImage(*m_store, image, refused, ImageExporter::Format::DockerArchive, options);
    QVERIFY(!report);
    QCOMPARE(report.error().code(), Error::Code::MalformedDocument);
    QVERIFY(!QFile::exists(refused));
    options.stage = ImageExporter::Options::Stage{stageConfig, 0, 2, [] { return fail(Error::Code::EngineRefused, u"the stage before failed"_s); }};
    report = ImageExporter::exportImage(*m_store, image, refused, ImageExporter::Format::DockerArchive, options);
    QVERIFY(!report);
    QCOMPARE(report.error().code(), Error::Code::EngineRefused);
    QVERIFY(!QFile::exists(refused));
    QVERIFY(!QFile::exists(refused + u".partial"_s));
}

void TestExport::failedArrivalsEndTheExport()
{
    // The pull fails after one layer: the export ends with its error, and leaves nothing.
    auto found = m_store->findImages(u"layers:app"_s);
    QVERIFY(found);
    const QStringList layers = m_images.layerDigests(u"layers"_s, u"app"_s);
    BlobArrivals arrivals;
    ImageExporter::Options options;
    options.arrivals = &arrivals;
    const QString output = m_tmp.filePath(u"failed-arrivals.tar"_s);
    const StoredImage image = found->first();
    const ImageStore store = *m_store;
    QFuture<Result<ExportReport>> exported = QtConcurrent::run(
        [store, image, output, options] { return ImageExporter::exportImage(store, image, output, ImageExporter::Format::DockerArchive, options); });
    BlobArrivals never;
    std::atomic_bool cancel{false};
    const auto finish = qScopeGuard([&] {
        arrivals.close(Error(Error::Code::Cancelled, u"test over"_s));
        cancel.store(true);
        exported.waitForFinished();
    });
    arrivals.markStored(*Digest::parse(layers.first()), false);
    QTest::qWait(100);
    QVERIFY(!exported.isFinished());
    arrivals.close(Error(Error::Code::NotFound, u"the registry has no such blob"_s));
    exported.waitForFinished();
    const Result<ExportReport> report = exported.result();
    QVERIFY(!report);
    QCOMPARE(report.error().code(), Error::Code::NotFound);
    QVERIFY(!QFile::exists(output));
    QVERIFY(!QFile::exists(output + u".partial"_s));

    // A cancel while waiting ends it too.
    options.arrivals = &never;
    options.cancel = &cancel;
    exported = QtConcurrent::run(
        [store, image, output, options] { return ImageExporter::exportImage(store, image, output, ImageExporter::Format::DockerArchive, options); });
    QTest::qWait(100);
    cancel.store(true);
    exported.waitForFinished();
    QCOMPARE(exported.result().error().code(), Error::Code::Cancelled);
}

void TestExport::justVerifiedIsNotHashedTwice_data()
{
    QTest::addColumn<bool>("hashedNow");
    QTest::addRow("already in the store: hashed again") << false;
    QTest::addRow("just pulled: not hashed again") << true;
}

void TestExport::justVerifiedIsNotHashedTwice()
{
    // A gzip layer sent as stored (a load into an engine) is hashed while it streams, unless the
    // pull feeding the export hashed it moments ago. One byte flipped in the store shows which.
    QFETCH(bool, hashedNow);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    QString error;
    QVERIFY2(TestbedStore(m_images, *store).addImage(u"single:1.0"_s, u"single"_s, u"1.0"_s, {}, &error), qPrintable(error));
    const QString digest = m_images.image(u"single"_s, u"1.0"_s).value("layers"_L1).toArray().last().toObject().value("digest"_L1).toString();
    const QString path = store->blobPath(*Digest::parse(digest));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(file.size() / 2));
    const char original = file.read(1).at(0);
    QVERIFY(file.seek(file.size() / 2));
    file.write(QByteArray(1, char(original ^ 0x40)));
    file.close();

    BlobArrivals arrivals;
    for (const QString &layer : m_images.layerDigests(u"single"_s, u"1.0"_s))
        arrivals.markStored(*Digest::parse(layer), hashedNow);
    arrivals.close(std::nullopt);
    ImageExporter::Options options;
    options.arrivals = &arrivals;
    options.gzipLayersAsStored = true;
    auto found = store->findImages(u"single:1.0"_s);
    QVERIFY(found);
    const auto exported = ImageExporter::exportImage(*store, found->first(), dir.filePath(u"out.tar"_s), ImageExporter::Format::DockerArchive, options);
    if (hashedNow) {
        QVERIFY(exported); // the engine checks the diff_ids itself
    } else {
        QVERIFY(!exported);
        QCOMPARE(exported.error().code(), Error::Code::DigestMismatch);
    }
}

QTEST_GUILESS_MAIN(TestExport)

#include "tst_export.moc"
