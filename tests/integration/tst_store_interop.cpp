// The store as other tools see it. Real images from the test bed's OCI layout (single:1.0 and the
// linux/amd64 and linux/arm64 images of multi:latest) go in through BlobIngest and addImage — no
// pull engine — and then skopeo 1.9.3 (inspect, copy to docker-archive) and umoci (ls, stat) must
// read them by the ref.name rule of ImageStore.h. Then `wharf images|rm|gc|verify` on the built
// binary, down to `verify` exiting 1 for a corrupted blob.

#include "TestbedImages.h"
#include "TestbedStore.h"
#include "TestSupport.h"

#include "core/Digest.h"
#include "documents/Descriptor.h"
#include "store/ImageStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

ProgramRun runWharf(const QStringList &arguments)
{
    return runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments);
}

} // namespace

class TestStoreInterop final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void skopeoAndUmociReadTheStore();
    void cliCommands();

private:
    bool addImage(const QString &reference, const QString &repository, const QString &tag, const QString &platform);

    TestbedImages m_images;
    QTemporaryDir m_tmp;
    std::optional<ImageStore> m_store;
};

void TestStoreInterop::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    QVERIFY(m_tmp.isValid());
    QVERIFY(!m_tmp.path().contains(u':')); // skopeo's oci:PATH:NAME splits at the first ':'
    auto store = ImageStore::open(m_tmp.filePath(u"store"_s));
    QVERIFY(store);
    m_store = *store;
    QVERIFY(addImage(u"single:1.0"_s, u"single"_s, u"1.0"_s, QString()));
    QVERIFY(addImage(u"docker.io/library/multi:latest"_s, u"multi"_s, u"latest"_s, u"linux/amd64"_s));
    QVERIFY(addImage(u"multi"_s, u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s));
}

bool TestStoreInterop::addImage(const QString &reference, const QString &repository, const QString &tag, const QString &platform)
{
    QString error;
    const bool added = TestbedStore(m_images, *m_store).addImage(reference, repository, tag, platform, &error);
    if (!added)
        qWarning() << error;
    return added;
}

void TestStoreInterop::skopeoAndUmociReadTheStore()
{
    const QString root = m_store->root();
    const QString single = u"docker.io/library/single:1.0"_s;
    const QString amd64 = u"docker.io/library/multi:latest+linux-amd64"_s;
    const QString arm64 = u"docker.io/library/multi:latest+linux-arm64"_s;
    auto images = m_store->images();
    QVERIFY(images);
    QCOMPARE(images->size(), 3);
    QCOMPARE(images->at(0).refName, single);
    QCOMPARE(images->at(1).refName, amd64);
    QCOMPARE(images->at(2).refName, arm64);

    const struct { QString name; QString digest; QString architecture; } expected[] = {
        {single, m_images.imageDigest(u"single"_s, u"1.0"_s), u"amd64"_s},
        {amd64, m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/amd64"_s), u"amd64"_s},
        {arm64, m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s), u"arm64"_s},
    };
    for (const auto &e : expected) {
        const ProgramRun inspect = runProgram(u"skopeo"_s, {u"inspect"_s, u"oci:"_s + root + u':' + e.name});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(inspect.out).object();
        QCOMPARE(json.value("Digest"_L1).toString(), e.digest);
        QCOMPARE(json.value("Architecture"_L1).toString(), e.architecture);
    }

    const QString archive = m_tmp.filePath(u"single.tar"_s);
    const ProgramRun copy = runProgram(u"skopeo"_s, {u"copy"_s, u"oci:"_s + root + u':' + single,
                                              u"docker-archive:"_s + archive + u":example/single:1.0"_s});
    QVERIFY2(copy.exitCode == 0, copy.err.constData());
    QVERIFY(QFileInfo(archive).size() > 0);
    const QString archive2 = m_tmp.filePath(u"arm64.tar"_s);
    const ProgramRun copy2 = runProgram(u"skopeo"_s, {u"copy"_s, u"oci:"_s + root + u':' + arm64, u"docker-archive:"_s + archive2});
    QVERIFY2(copy2.exitCode == 0, copy2.err.constData());

    const ProgramRun ls = runProgram(u"umoci"_s, {u"ls"_s, u"--layout"_s, root});
    QVERIFY2(ls.exitCode == 0, ls.err.constData());
    const QList<QByteArray> listed = ls.out.trimmed().split('\n');
    QCOMPARE(listed.size(), 3);
    QVERIFY(listed.contains(single.toUtf8()));
    QVERIFY(listed.contains(arm64.toUtf8()));
    const ProgramRun stat = runProgram(u"umoci"_s, {u"stat"_s, u"--image"_s, root + u':' + arm64, u"--json"_s});
    QVERIFY2(stat.exitCode == 0, stat.err.constData());
    QVERIFY(stat.out.contains(m_images.layerDigests(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s).first().toUtf8()));

    // Nothing the tools did changed the store.
    const ProgramRun verify = runWharf({u"verify"_s, u"--store"_s, root});
    QCOMPARE(verify.exitCode, 0);
}

void TestStoreInterop::cliCommands()
{
    const QString root = m_store->root();
    const ProgramRun list = runWharf({u"images"_s, u"--store"_s, root, u"--json"_s});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray images = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(images.size(), 3);
    const QString sharedLayer = m_images.layerDigests(u"multi"_s, u"latest"_s, u"linux/amd64"_s).last();
    QCOMPARE(sharedLayer, m_images.layerDigests(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s).last());
    qint64 sharedSize = 0;
    for (const QJsonValue &layer : m_images.image(u"multi"_s, u"latest"_s, u"linux/amd64"_s).value("layers"_L1).toArray())
        if (layer.toObject().value("digest"_L1).toString() == sharedLayer)
            sharedSize = layer.toObject().value("size"_L1).toInteger();
    QVERIFY(sharedSize > 0);
    const QJsonObject arm = images.at(2).toObject();
    QCOMPARE(arm.value("reference"_L1).toString(), u"docker.io/library/multi:latest"_s);
    QCOMPARE(arm.value("platform"_L1).toString(), u"linux/arm64/v8"_s);
    QCOMPARE(arm.value("manifest"_L1).toObject().value("digest"_L1).toString(),
             m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s));
    QCOMPARE(arm.value("index"_L1).toString(), m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(arm.value("sharedBytes"_L1).toInteger(), sharedSize);
    QCOMPARE(arm.value("size"_L1).toInteger(), arm.value("sharedBytes"_L1).toInteger() + arm.value("uniqueBytes"_L1).toInteger());
    QCOMPARE(images.at(0).toObject().value("sharedBytes"_L1).toInteger(), 0);
    QVERIFY(QDateTime::fromString(arm.value("pulled"_L1).toString(), Qt::ISODate).isValid());
    const ProgramRun text = runWharf({u"images"_s, u"--store"_s, root});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("docker.io/library/single:1.0"));

    // rm one platform: the other keeps its blobs and gets the plain name back.
    const ProgramRun rm = runWharf({u"rm"_s, u"multi:latest"_s, u"--platform"_s, u"linux/amd64"_s, u"--store"_s, root});
    QVERIFY2(rm.exitCode == 0, rm.err.constData());
    QVERIFY(rm.out.contains(m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/amd64"_s).toUtf8()));
    const ProgramRun inspect = runProgram(u"skopeo"_s, {u"inspect"_s, u"oci:"_s + root + u":docker.io/library/multi:latest"_s});
    QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
    QCOMPARE(QJsonDocument::fromJson(inspect.out).object().value("Digest"_L1).toString(),
             m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s));

    // A dry run says what gc will delete, and deletes nothing.
    const ProgramRun dry = runWharf({u"gc"_s, u"--dry-run"_s, u"--store"_s, root, u"--json"_s});
    QCOMPARE(dry.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(dry.out).object().value("blobsRemoved"_L1).toInt(), 3);
    QVERIFY(m_store->hasBlob(*Digest::parse(m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/amd64"_s))));
    const ProgramRun gc = runWharf({u"gc"_s, u"--store"_s, root, u"--json"_s});
    QCOMPARE(gc.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(gc.out).object().value("removed"_L1), QJsonDocument::fromJson(dry.out).object().value("removed"_L1));
    const QJsonObject report = QJsonDocument::fromJson(gc.out).object();
    // amd64's manifest, config and own base layer; the shared layer and the index stay.
    QCOMPARE(report.value("blobsRemoved"_L1).toInt(), 3);
    const QStringList removed = report.value("removed"_L1).toVariant().toStringList();
    QVERIFY(removed.contains(m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/amd64"_s)));
    QVERIFY(!removed.contains(sharedLayer));
    QVERIFY(m_store->hasBlob(*Digest::parse(sharedLayer)));
    QVERIFY(m_store->hasBlob(*Digest::parse(m_images.digest(u"multi"_s, u"latest"_s))));
    const ProgramRun again = runWharf({u"gc"_s, u"--store"_s, root, u"--json"_s});
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value("blobsRemoved"_L1).toInt(), 0);

    QCOMPARE(runWharf({u"verify"_s, u"--store"_s, root}).exitCode, 0);
    // Corrupt one byte of a layer: verify says so, on one line, and exits 1.
    const QString layer = m_images.layerDigests(u"single"_s, u"1.0"_s).first();
    const QString path = m_store->blobPath(*Digest::parse(layer));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(100));
    const char original = file.read(1).at(0);
    QVERIFY(file.seek(100));
    file.write(QByteArray(1, char(original ^ 0x40)));
    file.close();
    const ProgramRun bad = runWharf({u"verify"_s, u"--store"_s, root});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.out.contains(QByteArray("corrupt: " + layer.toUtf8())));
    const ProgramRun badJson = runWharf({u"verify"_s, u"--store"_s, root, u"--json"_s});
    QCOMPARE(badJson.exitCode, 1);
    const QJsonObject verdict = QJsonDocument::fromJson(badJson.out).object();
    QCOMPARE(verdict.value("ok"_L1).toBool(true), false);
    QCOMPARE(verdict.value("problems"_L1).toArray().size(), 1);
    QCOMPARE(verdict.value("problems"_L1).toArray().at(0).toObject().value("subject"_L1).toString(), layer);

    // Errors: nothing to remove is 1, a reference that does not parse is a usage error (2).
    QCOMPARE(runWharf({u"rm"_s, u"nothing:here"_s, u"--store"_s, root}).exitCode, 1);
    QCOMPARE(runWharf({u"rm"_s, u"Bad Ref"_s, u"--store"_s, root}).exitCode, 2);
    QCOMPARE(runWharf({u"rm"_s, u"--store"_s, root}).exitCode, 2);
    const ProgramRun rmAll = runWharf({u"rm"_s, u"single:1.0"_s, u"--store"_s, root});
    QCOMPARE(rmAll.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(runWharf({u"images"_s, u"--store"_s, root, u"--json"_s}).out).array().size(), 1);

    // rm --prune (the window's Delete): the blobs only that image kept go with it, and it says
    // what that freed; single's blobs, left by the plain rm above, stay for gc.
    const QJsonObject last = QJsonDocument::fromJson(runWharf({u"images"_s, u"--store"_s, root, u"--json"_s}).out).array().at(0).toObject();
    QVERIFY(last.value("freeableBytes"_L1).toInteger() > 0);
    const ProgramRun prune = runWharf({u"rm"_s, u"multi:latest"_s, u"--prune"_s, u"--store"_s, root});
    QVERIFY2(prune.exitCode == 0, prune.err.constData());
    QVERIFY2(prune.out.contains("only it used"), prune.out.constData());
    QVERIFY(!m_store->hasBlob(*Digest::parse(m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s))));
    QVERIFY(!m_store->hasBlob(*Digest::parse(sharedLayer)));
    QVERIFY(!m_store->hasBlob(*Digest::parse(m_images.digest(u"multi"_s, u"latest"_s))));
    QVERIFY(m_store->hasBlob(*Digest::parse(m_images.imageDigest(u"single"_s, u"1.0"_s))));
    const int singleBlobs = int(m_images.layerDigests(u"single"_s, u"1.0"_s).size()) + 2;
    QCOMPARE(QJsonDocument::fromJson(runWharf({u"gc"_s, u"--dry-run"_s, u"--store"_s, root, u"--json"_s}).out)
                 .object().value("blobsRemoved"_L1).toInt(),
             singleBlobs);
}

QTEST_GUILESS_MAIN(TestStoreInterop)

#include "tst_store_interop.moc"
