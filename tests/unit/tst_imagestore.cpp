// The local store: verified ingest (good, short, wrong digest, overlong, empty, already present),
// resume after release and after a SIGKILLed writer, one writer per ingest across processes,
// concurrent index updates from several processes, image entries (replace, ref.name rule, foreign
// entries kept), rm + gc keeping shared blobs, gc of stale ingests and leased blobs, verify's
// findings, hostile digests, and go-containerregistry's test layouts. The window's Delete (rm
// --prune): what each image frees (usage), removal that deletes only the blobs nothing else keeps
// (other entries, leases of pulls in progress), under the index lock; gc's dry run.
//
// Child processes are this binary started with "--child <mode> …" (see runChild at the bottom).

#include "core/Digest.h"
#include "core/Error.h"
#include "documents/Descriptor.h"
#include "documents/MediaTypes.h"
#include "store/BlobIngest.h"
#include "store/BlobIngestDevice.h"
#include "store/ImageStore.h"
#include "store/StoreLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace Qt::StringLiterals;
using namespace wharf;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

Descriptor describe(const QByteArray &bytes, const QString &mediaType = MediaTypes::OciLayerGzip)
{
    Descriptor d;
    d.mediaType = mediaType;
    d.digest = Digest::sha256Of(bytes);
    d.size = bytes.size();
    return d;
}

// Puts `bytes` into the store through a BlobIngest, in uneven chunks.
Descriptor ingest(const ImageStore &store, const QByteArray &bytes, const QString &mediaType = MediaTypes::OciLayerGzip)
{
    const Descriptor d = describe(bytes, mediaType);
    auto writer = store.beginIngest(d);
    if (!writer)
        qFatal("beginIngest: %s", qPrintable(writer.error().message()));
    for (qsizetype at = 0; at < bytes.size(); at += 777)
        if (auto written = writer->write(QByteArrayView(bytes).sliced(at, std::min<qsizetype>(777, bytes.size() - at))); !written)
            qFatal("write: %s", qPrintable(written.error().message()));
    if (auto committed = writer->commit(); !committed)
        qFatal("commit: %s", qPrintable(committed.error().message()));
    return d;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// An OCI image with the given layers; returns the manifest descriptor (all blobs in the store).
Descriptor makeImage(const ImageStore &store, const QList<QByteArray> &layers, const QString &architecture = u"amd64"_s)
{
    QJsonArray layerArray, diffIds;
    for (const QByteArray &layer : layers) {
        layerArray.append(ingest(store, layer).toJson());
        diffIds.append(Digest::sha256Of(layer).toString());
    }
    const QByteArray config = json({{u"architecture"_s, architecture},
                                    {u"os"_s, u"linux"_s},
                                    {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, diffIds}}}});
    const Descriptor configDescriptor = ingest(store, config, MediaTypes::OciConfig);
    const QByteArray manifest = json({{u"schemaVersion"_s, 2},
                                      {u"mediaType"_s, QString(MediaTypes::OciManifest)},
                                      {u"config"_s, configDescriptor.toJson()},
                                      {u"layers"_s, layerArray}});
    return ingest(store, manifest, MediaTypes::OciManifest);
}

StoredImage storedImage(const QString &reference, const Descriptor &manifest, const QString &platform = u"linux/amd64"_s)
{
    StoredImage image;
    image.reference = reference;
    image.platform = *Platform::parse(platform);
    image.manifest = manifest;
    image.pulledAt = QDateTime::currentDateTimeUtc();
    return image;
}

QJsonObject readIndex(const QString &root)
{
    QFile file(root + u"/index.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

void writeIndex(const QString &root, const QJsonObject &index)
{
    QFile file(root + u"/index.json"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(QJsonDocument(index).toJson()) < 0)
        qFatal("cannot write index.json");
}

QString ingestFolder(const QString &root, const Digest &digest)
{
    return root + u"/ingest/"_s
        + QString::fromLatin1(QCryptographicHash::hash(digest.toString().toUtf8(), QCryptographicHash::Sha256).toHex());
}

void makeOld(const QString &path, int days)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append)
        || !file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-days), QFileDevice::FileModificationTime))
        qFatal("cannot age %s", qPrintable(path));
}

// A copy whose files are writable (the fixtures are read-only).
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + source.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return false;
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return true;
}

QString fixturePath(const QString &relative)
{
    return QStringLiteral(WHARF_FIXTURES_DIR) + u'/' + relative;
}

std::unique_ptr<QProcess> startChild(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(QCoreApplication::applicationFilePath(), QStringList{u"--child"_s} + arguments);
    return process;
}

// Reads lines until one equals `line` (the child's "I am there" signal).
bool waitForLine(QProcess &process, const QByteArray &line, int timeoutMs = 20000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (process.canReadLine())
            if (process.readLine().trimmed() == line)
                return true;
        if (process.state() == QProcess::NotRunning)
            return false;
        process.waitForReadyRead(100);
    }
    return false;
}

} // namespace

class TestImageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openCreatesLayout();
    void openRefusesForeignFolders();
    void defaultRoot();

    void ingestCommits();
    void ingestShortIsSizeMismatchAndResumable();
    void ingestWrongDigest();
    void ingestOverlongRefused();
    void ingestZeroLength();
    void ingestAlreadyPresent();
    void ingestDevice();
    void ingestRestart();

    void resumeAfterRelease();
    void resumeDiscardsMismatchedPartial();
    void emptyIngestLeavesNothing();
    void resumeAfterSigkill();
    void secondWriterRefused();
    void staleLockWithOwnPid();

    void addImageReplacesAndNamesPlatforms();
    void addImageRequiresBlobs();
    void foreignEntriesSurvive();
    void concurrentAddImageFromProcesses();
    void removeImageKeepsSharedBlobs();
    void removeImageNotFound();
    void usageSaysWhatDeletingFrees();
    void removeWithBlobsFreesOnlyItsOwn();
    void removeWithBlobsWaitsForTheLock();
    void gcDryRunDeletesNothing();

    void gcRemovesUnreferencedAndStaleIngests();
    void gcSparesLeasedBlobs();
    void verifyFindsProblems();

    void hostileDigests_data();
    void hostileDigests();
    void hostileIndexEntries();
    void refNames_data();
    void refNames();

    void gcrLayouts_data();
    void gcrLayouts();

private:
    QTemporaryDir m_tmp;
    int m_counter = 0;
    QString freshRoot() { return m_tmp.filePath(u"store-%1"_s.arg(++m_counter)); }
};

void TestImageStore::openCreatesLayout()
{
    const QString root = freshRoot();
    auto store = ImageStore::open(root);
    QVERIFY(store);
    QFile layout(root + u"/oci-layout"_s);
    QVERIFY(layout.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(layout.readAll()).object().value("imageLayoutVersion"_L1).toString(), u"1.0.0"_s);
    const QJsonObject index = readIndex(root);
    QCOMPARE(index.value("schemaVersion"_L1).toInt(), 2);
    QCOMPARE(index.value("mediaType"_L1).toString(), QString(MediaTypes::OciIndex));
    QVERIFY(index.value("manifests"_L1).isArray());
    QVERIFY(QFileInfo(root + u"/blobs/sha256"_s).isDir());
    QVERIFY(QFileInfo(root + u"/ingest"_s).isDir());
    QVERIFY(!QFileInfo::exists(root + u"/index.lock"_s));
    // Reopening changes nothing.
    QVERIFY(ImageStore::open(root));
    QCOMPARE(readIndex(root), index);
    QVERIFY(store->images());
    QVERIFY(store->images()->isEmpty());
}

void TestImageStore::openRefusesForeignFolders()
{
    const QString notALayout = freshRoot();
    QVERIFY(QDir().mkpath(notALayout));
    QFile stray(notALayout + u"/notes.txt"_s);
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.close();
    auto refused = ImageStore::open(notALayout);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), Error::Code::Io);
    QVERIFY(!QFileInfo::exists(notALayout + u"/index.json"_s));

    const QString future = freshRoot();
    QVERIFY(QDir().mkpath(future));
    QFile layout(future + u"/oci-layout"_s);
    QVERIFY(layout.open(QIODevice::WriteOnly));
    layout.write(R"({"imageLayoutVersion":"2.0.0"})");
    layout.close();
    auto unsupported = ImageStore::open(future);
    QVERIFY(!unsupported);
    QCOMPARE(unsupported.error().code(), Error::Code::Unsupported);

    const QString broken = freshRoot();
    QVERIFY(ImageStore::open(broken));
    QFile index(broken + u"/index.json"_s);
    QVERIFY(index.open(QIODevice::WriteOnly | QIODevice::Truncate));
    index.write("{\"manifests\": [");
    index.close();
    auto malformed = ImageStore::open(broken);
    QVERIFY(!malformed);
    QCOMPARE(malformed.error().code(), Error::Code::MalformedDocument);
}

void TestImageStore::defaultRoot()
{
    qputenv("WHARF_STORE", "/somewhere/else");
    QCOMPARE(ImageStore::defaultRoot(), u"/somewhere/else"_s);
    qunsetenv("WHARF_STORE");
    QVERIFY(ImageStore::defaultRoot().endsWith(u"/store"_s));
}

void TestImageStore::ingestCommits()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(100'000, 1);
    const Descriptor d = describe(bytes);
    QVERIFY(!store->hasBlob(d.digest));
    auto writer = store->beginIngest(d);
    QVERIFY(writer);
    QCOMPARE(writer->offset(), 0);
    // Nothing shows under blobs/ before commit.
    QVERIFY(writer->write(QByteArrayView(bytes).first(60'000)));
    QCOMPARE(writer->offset(), 60'000);
    QVERIFY(!store->hasBlob(d.digest));
    QVERIFY(writer->write(QByteArrayView(bytes).sliced(60'000)));
    QVERIFY(writer->commit());
    QVERIFY(!writer->isActive());
    QVERIFY(store->hasBlob(d.digest, d.size));
    QVERIFY(!store->hasBlob(d.digest, d.size + 1));
    auto read = store->readBlob(d.digest, 1 << 20);
    QVERIFY(read);
    QCOMPARE(*read, bytes);
    auto tooSmall = store->readBlob(d.digest, 10);
    QVERIFY(!tooSmall);
    QCOMPARE(tooSmall.error().code(), Error::Code::TooLarge);
    // Published read-only, and the ingest is gone.
    const QFileInfo blob(store->blobPath(d.digest));
    QCOMPARE(blob.absoluteFilePath(), store->root() + u"/blobs/sha256/"_s + d.digest.encoded());
    QVERIFY(!(blob.permissions() & (QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther)));
    QVERIFY(!QFileInfo::exists(ingestFolder(store->root(), d.digest)));
    QVERIFY(QDir(store->root() + u"/ingest"_s).isEmpty());
    auto file = store->openBlob(d.digest);
    QVERIFY(file);
    QCOMPARE((*file)->readAll(), bytes);
    QVERIFY(store->verify()->isClean());
}

void TestImageStore::ingestShortIsSizeMismatchAndResumable()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(5000, 2);
    const Descriptor d = describe(bytes);
    auto writer = store->beginIngest(d);
    QVERIFY(writer);
    QVERIFY(writer->write(QByteArrayView(bytes).first(3000)));
    auto early = writer->commit();
    QVERIFY(!early);
    QCOMPARE(early.error().code(), Error::Code::SizeMismatch);
    QVERIFY(!store->hasBlob(d.digest));
    // A short stream is a resumable prefix: kept, and the writer goes on from there.
    QCOMPARE(writer->offset(), 3000);
    QVERIFY(writer->write(QByteArrayView(bytes).sliced(3000)));
    QVERIFY(writer->commit());
    QVERIFY(store->hasBlob(d.digest, d.size));
}

void TestImageStore::ingestWrongDigest()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(4096, 3);
    Descriptor d = describe(bytes);
    d.digest = Digest::sha256Of(randomBytes(4096, 4)); // same size, other content
    auto writer = store->beginIngest(d);
    QVERIFY(writer);
    QVERIFY(writer->write(bytes));
    auto committed = writer->commit();
    QVERIFY(!committed);
    QCOMPARE(committed.error().code(), Error::Code::DigestMismatch);
    QVERIFY(!store->hasBlob(d.digest));
    QVERIFY(!store->hasBlob(Digest::sha256Of(bytes)));
    // The bad partial is gone; the ingest is still held and starts over.
    QVERIFY(writer->isActive());
    QCOMPARE(writer->offset(), 0);
    QCOMPARE(QFileInfo(ingestFolder(store->root(), d.digest) + u"/data"_s).size(), 0);
    writer->discard();
    QVERIFY(!QFileInfo::exists(ingestFolder(store->root(), d.digest)));
    QCOMPARE(QDir(store->root() + u"/blobs/sha256"_s).entryList(QDir::Files).size(), 0);
}

void TestImageStore::ingestOverlongRefused()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(1000, 5);
    const Descriptor d = describe(bytes);
    auto writer = store->beginIngest(d);
    QVERIFY(writer);
    QVERIFY(writer->write(QByteArrayView(bytes).first(900)));
    auto overlong = writer->write(QByteArray(200, 'x'));
    QVERIFY(!overlong);
    QCOMPARE(overlong.error().code(), Error::Code::SizeMismatch);
    QCOMPARE(writer->offset(), 900); // nothing of the refused write landed
    QVERIFY(writer->write(QByteArrayView(bytes).sliced(900)));
    QVERIFY(writer->commit());
    QCOMPARE(*store->readBlob(d.digest, 2000), bytes);
}

void TestImageStore::ingestZeroLength()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const Descriptor d = describe(QByteArray());
    QCOMPARE(d.digest.toString(), u"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
    auto writer = store->beginIngest(d);
    QVERIFY(writer);
    QVERIFY(writer->write(QByteArray()));
    QVERIFY(writer->commit());
    QVERIFY(store->hasBlob(d.digest, 0));
    auto read = store->readBlob(d.digest, 10);
    QVERIFY(read);
    QVERIFY(read->isEmpty());
    auto overlong = store->beginIngest(d);
    QVERIFY(overlong);
    QCOMPARE(overlong->write("x").error().code(), Error::Code::SizeMismatch);
}

void TestImageStore::ingestAlreadyPresent()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(2048, 6);
    const Descriptor d = ingest(*store, bytes);
    const QDateTime before = QFileInfo(store->blobPath(d.digest)).lastModified();
    auto again = store->beginIngest(d);
    QVERIFY(again);
    QVERIFY(again->write(bytes));
    QVERIFY(again->commit());
    QVERIFY(!QFileInfo::exists(ingestFolder(store->root(), d.digest)));
    QCOMPARE(QFileInfo(store->blobPath(d.digest)).lastModified(), before);
    QCOMPARE(*store->readBlob(d.digest, 4096), bytes);
}

void TestImageStore::ingestDevice()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(3000, 7);
    const Descriptor d = describe(bytes);
    auto writer = store->beginIngest(d);
    QVERIFY(writer);
    BlobIngestDevice device(&*writer);
    QVERIFY(device.isWritable());
    QCOMPARE(device.write(bytes.first(1000)), 1000);
    QCOMPARE(writer->offset(), 1000);
    QCOMPARE(device.pos(), 1000);
    QCOMPARE(device.write(QByteArray(2500, 'z')), -1);
    QVERIFY(device.ingestError());
    QCOMPARE(device.ingestError()->code(), Error::Code::SizeMismatch);
    QCOMPARE(device.write(bytes.sliced(1000)), 2000);
    QVERIFY(writer->commit());
    QVERIFY(store->hasBlob(d.digest, d.size));
}

void TestImageStore::ingestRestart()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(3000, 8);
    const Descriptor d = describe(bytes);
    auto writer = store->beginIngest(d);
    QVERIFY(writer);
    QVERIFY(writer->write(QByteArray(1500, 'j'))); // junk from a server that ignored Range
    QVERIFY(writer->restart());
    QCOMPARE(writer->offset(), 0);
    QVERIFY(writer->write(bytes));
    QVERIFY(writer->commit());
    QVERIFY(store->hasBlob(d.digest, d.size));
}

void TestImageStore::resumeAfterRelease()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(300'000, 9);
    const Descriptor d = describe(bytes);
    {
        auto writer = store->beginIngest(d);
        QVERIFY(writer);
        QVERIFY(writer->write(QByteArrayView(bytes).first(123'456)));
        writer->release();
        QVERIFY(!writer->isActive());
    }
    QCOMPARE(QFileInfo(ingestFolder(store->root(), d.digest) + u"/data"_s).size(), 123'456);
    QVERIFY(!store->hasBlob(d.digest));
    auto resumed = store->beginIngest(d);
    QVERIFY(resumed);
    QCOMPARE(resumed->offset(), 123'456);
    QVERIFY(resumed->write(QByteArrayView(bytes).sliced(123'456)));
    // The re-hashed prefix and the new bytes make the right digest.
    QVERIFY(resumed->commit());
    QCOMPARE(*store->readBlob(d.digest, 1 << 20), bytes);

    // Destroying a writer releases it too.
    const QByteArray other = randomBytes(1000, 10);
    const Descriptor o = describe(other);
    {
        auto writer = store->beginIngest(o);
        QVERIFY(writer);
        QVERIFY(writer->write(QByteArrayView(other).first(10)));
    }
    auto again = store->beginIngest(o);
    QVERIFY(again);
    QCOMPARE(again->offset(), 10);
}

// A pull that ends before a layer got a byte (cancelled, or another layer failed) must not leave
// that layer's folder and lock behind; partialBytes() answers without taking a lock.
void TestImageStore::emptyIngestLeavesNothing()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(3000, 12);
    const Descriptor d = describe(bytes);
    QCOMPARE(store->partialBytes(d), 0);
    {
        auto writer = store->beginIngest(d);
        QVERIFY(writer);
        writer->release();
    }
    QVERIFY(!QFileInfo::exists(ingestFolder(store->root(), d.digest)));
    QVERIFY(QDir(store->root() + u"/ingest"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    {
        auto writer = store->beginIngest(d);
        QVERIFY(writer);
        QVERIFY(writer->write(QByteArrayView(bytes).first(1234)));
        QCOMPARE(store->partialBytes(d), 1234); // even while another writer holds it
        writer->release();
    }
    QCOMPARE(store->partialBytes(d), 1234);
    Descriptor other = d;
    other.size = 9999;
    QCOMPARE(store->partialBytes(other), 0); // the partial is not for that
}

void TestImageStore::resumeDiscardsMismatchedPartial()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(2000, 11);
    Descriptor d = describe(bytes);
    {
        auto writer = store->beginIngest(d);
        QVERIFY(writer);
        QVERIFY(writer->write(QByteArrayView(bytes).first(1000)));
        writer->release();
    }
    // Same digest, another size: the partial is not for this blob (containerd: changed total).
    Descriptor otherSize = d;
    otherSize.size = 5000;
    {
        auto writer = store->beginIngest(otherSize);
        QVERIFY(writer);
        QCOMPARE(writer->offset(), 0);
        QVERIFY(writer->write("abc"));
        writer->release();
    }
    // A data file longer than the expected size: discarded.
    const QString data = ingestFolder(store->root(), d.digest) + u"/data"_s;
    {
        auto writer = store->beginIngest(d);
        QVERIFY(writer);
        QCOMPARE(writer->offset(), 0);
        QVERIFY(writer->write("x")); // an empty partial is not kept at all
        writer->release();
    }
    QFile grow(data);
    QVERIFY(grow.open(QIODevice::WriteOnly | QIODevice::Truncate));
    grow.write(QByteArray(2500, 'x'));
    grow.close();
    auto writer = store->beginIngest(d);
    QVERIFY(writer);
    QCOMPARE(writer->offset(), 0);
    QCOMPARE(QFileInfo(data).size(), 0);
    QVERIFY(writer->write(bytes));
    QVERIFY(writer->commit());
}

void TestImageStore::resumeAfterSigkill()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(200'000, 12);
    const Descriptor d = describe(bytes);
    const QString source = m_tmp.filePath(u"sigkill-source"_s);
    QFile out(source);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();

    auto child = startChild({u"write"_s, store->root(), d.digest.toString(), QString::number(d.size), source, u"100000"_s});
    QVERIFY(waitForLine(*child, "ready"));
    // While the child lives, its ingest is refused to everyone else.
    auto busy = store->beginIngest(d);
    QVERIFY(!busy);
    QCOMPARE(busy.error().code(), Error::Code::Io);
    QVERIFY(busy.error().isRetryable());
    child->kill(); // SIGKILL: no destructor, no release, the lock file stays behind
    QVERIFY(child->waitForFinished(10000));
    QCOMPARE(child->exitStatus(), QProcess::CrashExit);
    QVERIFY(QFileInfo::exists(ingestFolder(store->root(), d.digest) + u".lock"_s));

    auto resumed = store->beginIngest(d);
    QVERIFY2(resumed, resumed ? "" : qPrintable(resumed.error().message()));
    QCOMPARE(resumed->offset(), 100'000);
    QVERIFY(resumed->write(QByteArrayView(bytes).sliced(100'000)));
    QVERIFY(resumed->commit());
    QCOMPARE(*store->readBlob(d.digest, 1 << 20), bytes);
    QVERIFY(store->verify()->isClean());
}

void TestImageStore::secondWriterRefused()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray bytes = randomBytes(1000, 13);
    const Descriptor d = describe(bytes);

    // Same process, second writer.
    auto first = store->beginIngest(d);
    QVERIFY(first);
    auto second = store->beginIngest(d);
    QVERIFY(!second);
    QCOMPARE(second.error().code(), Error::Code::Io);
    QVERIFY(second.error().isRetryable());
    first->release();

    // Another process holds it: the child cannot start it while we do, and vice versa.
    auto mine = store->beginIngest(d);
    QVERIFY(mine);
    auto child = startChild({u"try"_s, store->root(), d.digest.toString(), QString::number(d.size)});
    QVERIFY(child->waitForFinished(20000));
    QCOMPARE(child->exitCode(), 3); // 3: refused as in use
    mine->release();
    auto holder = startChild({u"write"_s, store->root(), d.digest.toString(), QString::number(d.size), QString(), u"0"_s});
    QVERIFY(waitForLine(*holder, "ready"));
    auto refused = store->beginIngest(d);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), Error::Code::Io);
    QVERIFY(refused.error().isRetryable());
    holder->kill();
    QVERIFY(holder->waitForFinished(10000));
    QVERIFY(store->beginIngest(d));
}

void TestImageStore::staleLockWithOwnPid()
{
    // A lock file naming this very process (an earlier process with the same pid, as in a sandbox
    // that restarts at pid 2) but held by nobody: taken over instead of waited on forever.
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QString model = m_tmp.filePath(u"model.lock"_s);
    {
        QLockFile mine(model);
        QVERIFY(mine.tryLock(0));
        QVERIFY(QFile::copy(model, store->root() + u"/index.lock"_s));
        const Descriptor d = describe("x");
        QVERIFY(QFile::copy(model, ingestFolder(store->root(), d.digest) + u".lock"_s));
    }
    const Descriptor manifest = makeImage(*store, {randomBytes(100, 14)});
    QElapsedTimer timer;
    timer.start();
    QVERIFY(store->addImage(storedImage(u"a:1"_s, manifest)));
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(store->beginIngest(describe("x")));
}

void TestImageStore::addImageReplacesAndNamesPlatforms()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const Descriptor first = makeImage(*store, {randomBytes(500, 20)});
    const Descriptor second = makeImage(*store, {randomBytes(500, 21)});
    const Descriptor arm = makeImage(*store, {randomBytes(500, 22)}, u"arm64"_s);

    QVERIFY(store->addImage(storedImage(u"nginx"_s, first)));
    auto images = store->images();
    QVERIFY(images);
    QCOMPARE(images->size(), 1);
    QCOMPARE(images->at(0).reference, u"docker.io/library/nginx:latest"_s);
    QCOMPARE(images->at(0).refName, u"docker.io/library/nginx:latest"_s);
    QCOMPARE(images->at(0).manifest.digest, first.digest);

    // Pulled again (a new manifest for the same tag and platform): replaced, not duplicated.
    QVERIFY(store->addImage(storedImage(u"docker.io/library/nginx:latest"_s, second)));
    images = store->images();
    QCOMPARE(images->size(), 1);
    QCOMPARE(images->at(0).manifest.digest, second.digest);
    QVERIFY(store->addImage(storedImage(u"docker.io/library/nginx:latest"_s, second, u"linux/x86_64"_s)));
    QCOMPARE(store->images()->size(), 1);

    // A second platform of the same tag: both names carry their platform.
    StoredImage armImage = storedImage(u"nginx:latest"_s, arm, u"linux/arm64/v8"_s);
    armImage.indexDigest = Digest::sha256Of("index").toString();
    QVERIFY(store->addImage(armImage));
    images = store->images();
    QCOMPARE(images->size(), 2);
    QSet<QString> names;
    for (const StoredImage &image : *images)
        names.insert(image.refName);
    QCOMPARE(names, (QSet<QString>{u"docker.io/library/nginx:latest+linux-amd64"_s, u"docker.io/library/nginx:latest+linux-arm64"_s}));
    QCOMPARE(images->at(1).indexDigest, armImage.indexDigest);
    QCOMPARE(images->at(1).platform.architecture, u"arm64"_s);
    const QJsonObject entry = readIndex(store->root()).value("manifests"_L1).toArray().at(1).toObject();
    QCOMPARE(entry.value("platform"_L1).toObject().value("architecture"_L1).toString(), u"arm64"_s);
    QCOMPARE(entry.value("annotations"_L1).toObject().value("io.github.wharf.platform"_L1).toString(), u"linux/arm64/v8"_s);
    QCOMPARE(entry.value("annotations"_L1).toObject().value("io.github.wharf.reference"_L1).toString(), u"docker.io/library/nginx:latest"_s);

    // Removing one platform gives the other its plain name back.
    auto removed = store->removeImage(u"nginx"_s, *Platform::parse(u"linux/arm64"_s));
    QVERIFY(removed);
    QCOMPARE(removed->size(), 1);
    images = store->images();
    QCOMPARE(images->size(), 1);
    QCOMPARE(images->at(0).refName, u"docker.io/library/nginx:latest"_s);

    // A reference that cannot be a ref.name falls back to the manifest digest.
    QVERIFY(store->addImage(storedImage(u"example.com/a---b:v1-"_s, first)));
    images = store->images();
    QCOMPARE(images->size(), 2);
    QCOMPARE(images->at(1).refName, first.digest.toString());
}

void TestImageStore::addImageRequiresBlobs()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray layer = randomBytes(700, 30);
    const Descriptor manifest = makeImage(*store, {layer});
    QVERIFY(QFile::remove(store->blobPath(Digest::sha256Of(layer))));
    auto missingLayer = store->addImage(storedImage(u"app:1"_s, manifest));
    QVERIFY(!missingLayer);
    QCOMPARE(missingLayer.error().code(), Error::Code::NotFound);

    auto missingManifest = store->addImage(storedImage(u"app:1"_s, describe("nope", MediaTypes::OciManifest)));
    QVERIFY(!missingManifest);
    QCOMPARE(missingManifest.error().code(), Error::Code::NotFound);

    auto badReference = store->addImage(storedImage(u"Not A Reference"_s, manifest));
    QVERIFY(!badReference);
    QCOMPARE(badReference.error().code(), Error::Code::InvalidReference);

    const Descriptor layerAsManifest = ingest(*store, layer);
    auto notManifest = store->addImage(storedImage(u"app:1"_s, layerAsManifest));
    QVERIFY(!notManifest);
    QCOMPARE(notManifest.error().code(), Error::Code::UnsupportedMediaType);
    QVERIFY(store->images()->isEmpty());
}

void TestImageStore::foreignEntriesSurvive()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const Descriptor foreignManifest = makeImage(*store, {randomBytes(300, 40)});
    QJsonObject foreign = foreignManifest.toJson();
    foreign.insert("annotations"_L1, QJsonObject{{u"org.opencontainers.image.ref.name"_s, u"v1"_s}, {u"com.example.x"_s, u"y"_s}});
    foreign.insert("x-unknown-field"_L1, QJsonObject{{u"kept"_s, true}});
    const QJsonObject garbage{{u"not"_s, u"a descriptor"_s}};
    QJsonObject index = readIndex(store->root());
    index.insert("manifests"_L1, QJsonArray{foreign, garbage});
    index.insert("annotations"_L1, QJsonObject{{u"top"_s, u"level"_s}});
    writeIndex(store->root(), index);

    const Descriptor mine = makeImage(*store, {randomBytes(300, 41)});
    QVERIFY(store->addImage(storedImage(u"mine:1"_s, mine)));
    QCOMPARE(store->images()->size(), 1);
    QVERIFY(store->removeImage(u"mine:1"_s, std::nullopt));
    const QJsonObject after = readIndex(store->root());
    QCOMPARE(after.value("manifests"_L1).toArray(), (QJsonArray{foreign, garbage}));
    QCOMPARE(after.value("annotations"_L1).toObject().value("top"_L1).toString(), u"level"_s);
}

void TestImageStore::concurrentAddImageFromProcesses()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    constexpr int kChildren = 6;
    QList<Descriptor> manifests;
    for (int i = 0; i < kChildren; ++i)
        manifests.append(makeImage(*store, {randomBytes(400, 100 + i), randomBytes(50, 999)}));
    std::vector<std::unique_ptr<QProcess>> children;
    for (int i = 0; i < kChildren; ++i)
        children.push_back(startChild({u"add"_s, store->root(), u"example.com/app%1:tag"_s.arg(i),
                                       QString::fromUtf8(QJsonDocument(manifests[i].toJson()).toJson(QJsonDocument::Compact))}));
    for (auto &child : children) {
        QVERIFY(child->waitForFinished(60000));
        QCOMPARE(child->exitStatus(), QProcess::NormalExit);
        QCOMPARE(child->exitCode(), 0);
    }
    const QJsonObject index = readIndex(store->root());
    QCOMPARE(index.value("manifests"_L1).toArray().size(), kChildren);
    auto images = store->images();
    QVERIFY(images);
    QSet<QString> references;
    for (const StoredImage &image : *images)
        references.insert(image.reference);
    QCOMPARE(references.size(), kChildren);
    QVERIFY(!QFileInfo::exists(store->root() + u"/index.lock"_s));
    QVERIFY(store->verify()->isClean());
}

void TestImageStore::removeImageKeepsSharedBlobs()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray shared = randomBytes(1000, 50);
    const QByteArray onlyA = randomBytes(1000, 51);
    const QByteArray onlyB = randomBytes(1000, 52);
    const Descriptor a = makeImage(*store, {shared, onlyA});
    const Descriptor b = makeImage(*store, {shared, onlyB});
    QVERIFY(store->addImage(storedImage(u"a:1"_s, a)));
    QVERIFY(store->addImage(storedImage(u"b:1"_s, b)));
    auto removed = store->removeImage(u"a:1"_s, std::nullopt);
    QVERIFY(removed);
    QCOMPARE(removed->size(), 1);
    QCOMPARE(removed->at(0).manifest.digest, a.digest);
    // rm alone deletes no blob.
    QVERIFY(store->hasBlob(Digest::sha256Of(onlyA)));
    auto report = store->collectGarbage();
    QVERIFY(report);
    QCOMPARE(report->blobsRemoved, 3); // a's manifest, config and its own layer
    QVERIFY(report->removedDigests.contains(a.digest.toString()));
    QVERIFY(report->removedDigests.contains(Digest::sha256Of(onlyA).toString()));
    QVERIFY(!store->hasBlob(Digest::sha256Of(onlyA)));
    QVERIFY(store->hasBlob(Digest::sha256Of(shared)));
    QVERIFY(store->hasBlob(Digest::sha256Of(onlyB)));
    QVERIFY(store->hasBlob(b.digest));
    QCOMPARE(report->blobsKept, 4);
    QVERIFY(store->verify()->isClean());
    QVERIFY(store->readImageManifest(b));
}

void TestImageStore::removeImageNotFound()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const Descriptor a = makeImage(*store, {randomBytes(100, 60)});
    QVERIFY(store->addImage(storedImage(u"a:1"_s, a)));
    auto none = store->removeImage(u"a:2"_s, std::nullopt);
    QVERIFY(!none);
    QCOMPARE(none.error().code(), Error::Code::NotFound);
    auto otherPlatform = store->removeImage(u"a:1"_s, *Platform::parse(u"linux/arm64"_s));
    QVERIFY(!otherPlatform);
    QCOMPARE(otherPlatform.error().code(), Error::Code::NotFound);
    auto invalid = store->removeImage(u"UPPER/../x"_s, std::nullopt);
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().code(), Error::Code::InvalidReference);
    QCOMPARE(store->images()->size(), 1);

    // findImages() (wharf export) matches exactly what removeImage() would remove.
    auto found = store->findImages(u"docker.io/library/a:1"_s);
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().manifest.digest, a.digest);
    QVERIFY(store->findImages(u"a:1"_s, *Platform::parse(u"linux/amd64"_s)));
    QCOMPARE(store->findImages(u"a:2"_s).error().code(), Error::Code::NotFound);
    QCOMPARE(store->findImages(u"a:1"_s, *Platform::parse(u"linux/arm64"_s)).error().code(), Error::Code::NotFound);
    QCOMPARE(store->findImages(u"UPPER/../x"_s).error().code(), Error::Code::InvalidReference);
}

void TestImageStore::usageSaysWhatDeletingFrees()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray shared = randomBytes(1000, 150);
    const QByteArray onlyA = randomBytes(2000, 151);
    const QByteArray onlyB = randomBytes(3000, 152);
    const Descriptor a = makeImage(*store, {shared, onlyA});
    const Descriptor b = makeImage(*store, {shared, onlyB});
    QVERIFY(store->addImage(storedImage(u"a:1"_s, a)));
    QVERIFY(store->addImage(storedImage(u"b:1"_s, b)));
    const auto configOf = [&store](const Descriptor &manifest) { return store->readImageManifest(manifest)->config; };

    auto usage = store->usage();
    QVERIFY(usage);
    QCOMPARE(usage->images.size(), 2);
    const ImageUsage &ua = usage->images.at(0);
    QCOMPARE(ua.image.reference, u"docker.io/library/a:1"_s);
    QCOMPARE(ua.size, 3000);
    QCOMPARE(ua.shared, 1000);
    QCOMPARE(ua.unique, 2000);
    // Its own layer, its manifest and its config: every blob only it keeps, as on disk.
    QCOMPARE(ua.freeable, 2000 + a.size + configOf(a).size);
    QCOMPARE(ua.blobs.size(), 4);

    // Without b, a keeps the shared layer alone: measure() works that out without the disk.
    usage->removeAt(1);
    QCOMPARE(usage->images.at(0).shared, 0);
    QCOMPARE(usage->images.at(0).freeable, 3000 + a.size + configOf(a).size);

    // An entry of another tool keeps what it refers to: deleting a frees none of that.
    QJsonObject index = readIndex(store->root());
    QJsonArray manifests = index.value("manifests"_L1).toArray();
    QJsonObject foreign = a.toJson();
    foreign.insert("annotations"_L1, QJsonObject{{u"org.opencontainers.image.ref.name"_s, u"theirs"_s}});
    manifests.append(foreign);
    index.insert("manifests"_L1, manifests);
    writeIndex(store->root(), index);
    usage = store->usage();
    QVERIFY(usage);
    QCOMPARE(usage->images.size(), 2);
    QCOMPARE(usage->images.at(0).freeable, 0);
    QCOMPARE(usage->images.at(1).freeable, 3000 + b.size + configOf(b).size);
}

void TestImageStore::removeWithBlobsFreesOnlyItsOwn()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray shared = randomBytes(1000, 160);
    const QByteArray onlyA = randomBytes(2000, 161);
    const QByteArray leased = randomBytes(1500, 162);
    const QByteArray onlyB = randomBytes(3000, 163);
    const Descriptor a = makeImage(*store, {shared, onlyA, leased});
    const Descriptor b = makeImage(*store, {shared, onlyB});
    QVERIFY(store->addImage(storedImage(u"a:1"_s, a)));
    QVERIFY(store->addImage(storedImage(u"a:1"_s, b, u"linux/arm64"_s)));
    // Garbage from before (not a's): a Delete leaves it to gc.
    const Descriptor loose = ingest(*store, randomBytes(700, 164));
    // A pull in progress counts on one of a's layers.
    auto lease = store->beginLease();
    QVERIFY(lease);
    QVERIFY(lease->protect(Digest::sha256Of(leased)));
    const Descriptor aConfig = store->readImageManifest(a)->config;

    auto report = store->removeImageWithBlobs(u"a:1"_s, *Platform::parse(u"linux/amd64"_s));
    QVERIFY(report);
    QVERIFY(!report->blobsKept);
    QCOMPARE(report->removed.size(), 1);
    QCOMPARE(report->removed.first().manifest.digest, a.digest);
    QSet<QString> removed(report->removedDigests.cbegin(), report->removedDigests.cend());
    QCOMPARE(removed, (QSet<QString>{a.digest.toString(), aConfig.digest.toString(), Digest::sha256Of(onlyA).toString()}));
    QCOMPARE(report->blobsRemoved, 3);
    QCOMPARE(report->bytesRemoved, 2000 + a.size + aConfig.size);
    QVERIFY(store->hasBlob(Digest::sha256Of(shared)));
    QVERIFY(store->hasBlob(Digest::sha256Of(leased)));
    QVERIFY(store->hasBlob(loose.digest));
    QVERIFY(store->hasBlob(b.digest));
    QCOMPARE(store->images()->size(), 1);
    // The other platform keeps its plain ref.name back.
    QCOMPARE(store->images()->first().refName, u"docker.io/library/a:1"_s);
    QVERIFY(!QFileInfo::exists(store->root() + u"/index.lock"_s));

    // Once the pull has let go, gc takes the leased layer and the old garbage: nothing else.
    lease->release();
    auto gc = store->collectGarbage();
    QVERIFY(gc);
    QSet<QString> collected(gc->removedDigests.cbegin(), gc->removedDigests.cend());
    QCOMPARE(collected, (QSet<QString>{loose.digest.toString(), Digest::sha256Of(leased).toString()}));
    QVERIFY(store->verify()->isClean());

    // Not there, or not a reference: said so, nothing touched.
    QCOMPARE(store->removeImageWithBlobs(u"a:1"_s, *Platform::parse(u"linux/amd64"_s)).error().code(), Error::Code::NotFound);
    QCOMPARE(store->removeImageWithBlobs(u"UPPER/../x"_s).error().code(), Error::Code::InvalidReference);

    // An entry nobody can follow (a corrupt manifest): the entry goes, but every blob stays, as
    // gc would refuse too.
    const Descriptor c = makeImage(*store, {randomBytes(900, 165)});
    QVERIFY(store->addImage(storedImage(u"c:1"_s, c)));
    QFile corrupt(store->blobPath(b.digest));
    QVERIFY(corrupt.open(QIODevice::ReadWrite));
    corrupt.seek(10);
    corrupt.write("x");
    corrupt.close();
    report = store->removeImageWithBlobs(u"c:1"_s);
    QVERIFY(report);
    QVERIFY(report->blobsKept);
    QCOMPARE(report->blobsRemoved, 0);
    QVERIFY(store->hasBlob(c.digest));
    QCOMPARE(store->images()->size(), 1);
}

void TestImageStore::removeWithBlobsWaitsForTheLock()
{
    // The CLI (wharf rm, wharf gc, a pull's addImage) and the window take the same index lock.
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const Descriptor a = makeImage(*store, {randomBytes(1000, 170)});
    QVERIFY(store->addImage(storedImage(u"a:1"_s, a)));
    std::optional<StoreLock> held;
    {
        auto lock = StoreLock::acquire(store->root() + u"/index.lock"_s);
        QVERIFY(lock);
        held.emplace(std::move(*lock));
    }
    auto removal = QtConcurrent::run([root = store->root()] {
        auto s = ImageStore::open(root);
        return s ? s->removeImageWithBlobs(u"a:1"_s) : Result<RemovalReport>(wharf::unexpected(s.error()));
    });
    QTest::qWait(400);
    QVERIFY(!removal.isFinished());
    QVERIFY(store->hasBlob(a.digest));
    QCOMPARE(store->images()->size(), 1);
    held.reset();
    QTRY_VERIFY_WITH_TIMEOUT(removal.isFinished(), 20000);
    const auto report = removal.result();
    QVERIFY(report);
    QCOMPARE(report->blobsRemoved, 3);
    QVERIFY(!store->hasBlob(a.digest));
}

void TestImageStore::gcDryRunDeletesNothing()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const Descriptor kept = makeImage(*store, {randomBytes(800, 180)});
    QVERIFY(store->addImage(storedImage(u"kept:1"_s, kept)));
    const Descriptor loose = ingest(*store, randomBytes(900, 181));
    const QByteArray bytes = randomBytes(1000, 182);
    auto writer = store->beginIngest(describe(bytes));
    QVERIFY(writer);
    QVERIFY(writer->write(QByteArrayView(bytes).first(400)));
    writer->release();
    makeOld(ingestFolder(store->root(), Digest::sha256Of(bytes)) + u"/data"_s, 2);

    auto dry = store->collectGarbage(ImageStore::GcMode::DryRun);
    QVERIFY(dry);
    QCOMPARE(dry->removedDigests, QStringList{loose.digest.toString()});
    QCOMPARE(dry->bytesRemoved, 900);
    QCOMPARE(dry->ingestsRemoved, 1);
    QVERIFY(store->hasBlob(loose.digest));
    QVERIFY(QFileInfo::exists(ingestFolder(store->root(), Digest::sha256Of(bytes)) + u"/data"_s));

    // The real thing removes exactly what the dry run said.
    auto real = store->collectGarbage();
    QVERIFY(real);
    QCOMPARE(real->removedDigests, dry->removedDigests);
    QCOMPARE(real->bytesRemoved, dry->bytesRemoved);
    QCOMPARE(real->ingestsRemoved, dry->ingestsRemoved);
    QVERIFY(!store->hasBlob(loose.digest));
}

void TestImageStore::gcRemovesUnreferencedAndStaleIngests()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const Descriptor kept = makeImage(*store, {randomBytes(800, 70)});
    QVERIFY(store->addImage(storedImage(u"kept:1"_s, kept)));
    const Descriptor loose = ingest(*store, randomBytes(900, 71));

    // Ingests: fresh (kept), old (removed), old but held (kept), orphaned (removed).
    const auto partial = [&](quint32 seed) {
        const QByteArray bytes = randomBytes(1000, seed);
        const Descriptor d = describe(bytes);
        auto writer = store->beginIngest(d);
        if (!writer || !writer->write(QByteArrayView(bytes).first(400)))
            qFatal("partial");
        return std::pair{d, std::move(*writer)};
    };
    auto [freshDescriptor, fresh] = partial(72);
    fresh.release();
    auto [oldDescriptor, old] = partial(73);
    old.release();
    makeOld(ingestFolder(store->root(), oldDescriptor.digest) + u"/data"_s, 2);
    auto [heldDescriptor, held] = partial(74);
    makeOld(ingestFolder(store->root(), heldDescriptor.digest) + u"/data"_s, 2);
    QVERIFY(QDir().mkpath(store->root() + u"/ingest/orphan"_s));
    // Not a valid digest name: not ours to delete.
    const QString foreign = store->root() + u"/blobs/sha256/"_s + loose.digest.encoded().toUpper();
    QVERIFY(QFile::copy(store->blobPath(loose.digest), foreign));

    auto report = store->collectGarbage();
    QVERIFY(report);
    QCOMPARE(report->removedDigests, QStringList{loose.digest.toString()});
    QCOMPARE(report->blobsRemoved, 1);
    QCOMPARE(report->bytesRemoved, 900);
    QCOMPARE(report->blobsKept, 3);
    QCOMPARE(report->ingestsRemoved, 2);
    QCOMPARE(report->ingestsInUse, 1);
    QVERIFY(!store->hasBlob(loose.digest));
    QVERIFY(QFileInfo::exists(foreign));
    QVERIFY(QFileInfo::exists(ingestFolder(store->root(), freshDescriptor.digest) + u"/data"_s));
    QVERIFY(!QFileInfo::exists(ingestFolder(store->root(), oldDescriptor.digest)));
    QVERIFY(!QFileInfo::exists(ingestFolder(store->root(), oldDescriptor.digest) + u".lock"_s));
    QVERIFY(QFileInfo::exists(ingestFolder(store->root(), heldDescriptor.digest) + u"/data"_s));
    QVERIFY(!QFileInfo::exists(store->root() + u"/ingest/orphan"_s));
    // The held one can still be finished.
    QVERIFY(held.isActive());
    QCOMPARE(held.offset(), 400);

    // A partial whose meta is gone cannot be resumed: an orphan.
    QVERIFY(QFile::remove(ingestFolder(store->root(), freshDescriptor.digest) + u"/meta"_s));
    report = store->collectGarbage();
    QVERIFY(report);
    QCOMPARE(report->ingestsRemoved, 1);
    QVERIFY(store->hasBlob(kept.digest));
}

void TestImageStore::gcSparesLeasedBlobs()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    auto lease = store->beginLease();
    QVERIFY(lease);
    const QByteArray layer = randomBytes(600, 80);
    QVERIFY(lease->protect(Digest::sha256Of(layer)));
    const Descriptor d = ingest(*store, layer);
    const Descriptor unprotected = ingest(*store, randomBytes(600, 81));
    auto report = store->collectGarbage();
    QVERIFY(report);
    QCOMPARE(report->removedDigests, QStringList{unprotected.digest.toString()});
    QVERIFY(store->hasBlob(d.digest));
    lease->release();
    report = store->collectGarbage();
    QVERIFY(report);
    QCOMPARE(report->removedDigests, QStringList{d.digest.toString()});
    QVERIFY(QDir(store->root() + u"/leases"_s).isEmpty());
}

void TestImageStore::verifyFindsProblems()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const QByteArray flipLayer = randomBytes(2000, 90);
    const QByteArray truncLayer = randomBytes(2000, 91);
    const QByteArray goneLayer = randomBytes(2000, 92);
    const Descriptor manifest = makeImage(*store, {flipLayer, truncLayer, goneLayer});
    QVERIFY(store->addImage(storedImage(u"v:1"_s, manifest)));
    QVERIFY(store->verify()->isClean());

    const auto writable = [&](const QByteArray &bytes) {
        const QString path = store->blobPath(Digest::sha256Of(bytes));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    };
    QFile flip(writable(flipLayer));
    QVERIFY(flip.open(QIODevice::ReadWrite));
    flip.seek(1000);
    flip.write(QByteArray(1, char(flipLayer.at(1000) ^ 0x01)));
    flip.close();
    QFile trunc(writable(truncLayer));
    QVERIFY(trunc.open(QIODevice::ReadWrite));
    QVERIFY(trunc.resize(1500));
    trunc.close();
    QVERIFY(QFile::remove(writable(goneLayer)));
    QFile stray(store->root() + u"/blobs/sha256/stray.tmp"_s);
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.close();
    QVERIFY(QDir().mkpath(store->root() + u"/blobs/md5"_s));

    auto report = store->verify();
    QVERIFY(report);
    QVERIFY(!report->isClean());
    QHash<QString, VerifyProblem::Kind> found;
    for (const VerifyProblem &p : report->problems)
        found.insert(p.subject, p.kind);
    QCOMPARE(found.value(Digest::sha256Of(flipLayer).toString()), VerifyProblem::Kind::Corrupt);
    QCOMPARE(found.value(Digest::sha256Of(truncLayer).toString()), VerifyProblem::Kind::Corrupt);
    QCOMPARE(found.value(Digest::sha256Of(goneLayer).toString()), VerifyProblem::Kind::Missing);
    QCOMPARE(found.value(u"blobs/sha256/stray.tmp"_s), VerifyProblem::Kind::Misnamed);
    QCOMPARE(found.value(u"blobs/md5"_s), VerifyProblem::Kind::Foreign);
    QCOMPARE(report->problems.size(), 5);
    QCOMPARE(report->indexEntries, 1);
    QCOMPARE(report->blobsChecked, 4); // manifest, config, two layers
    // gc still works (missing blobs do not stop it) and keeps the corrupt but referenced ones.
    auto gc = store->collectGarbage();
    QVERIFY(gc);
    QCOMPARE(gc->blobsRemoved, 0);
    QCOMPARE(gc->missingBlobs, 1);
    QVERIFY(QFileInfo::exists(store->root() + u"/blobs/sha256/stray.tmp"_s));
    // A corrupt blob is never served.
    auto read = store->readBlob(Digest::sha256Of(flipLayer), 1 << 20);
    QVERIFY(!read);
    QCOMPARE(read.error().code(), Error::Code::DigestMismatch);
}

void TestImageStore::hostileDigests_data()
{
    QTest::addColumn<QString>("input");
    QFile file(fixturePath(u"oci/digest-strings/digest-strings.json"_s));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("digest-strings.json missing");
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray cases = root.value("adversarial_authored"_L1).toObject().value("cases"_L1).toArray();
    QVERIFY(cases.size() >= 10);
    int i = 0;
    for (const QJsonValue &c : cases)
        QTest::addRow("adversarial-%d", i++) << c.toObject().value("input"_L1).toString();
}

void TestImageStore::hostileDigests()
{
    QFETCH(QString, input);
    QVERIFY(!Digest::parse(input));
    // A descriptor can only carry a parsed digest; an empty one must not reach the disk either.
    auto store = ImageStore::open(m_tmp.filePath(u"hostile"_s));
    QVERIFY(store);
    Descriptor d;
    d.mediaType = MediaTypes::OciLayerGzip;
    d.size = 1;
    auto refused = store->beginIngest(d);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), Error::Code::InvalidDigest);
    QVERIFY(store->blobPath(Digest()).isEmpty());
    QVERIFY(!store->hasBlob(Digest()));
    QCOMPARE(store->openBlob(Digest()).error().code(), Error::Code::InvalidDigest);

    // The same string written into index.json by someone else: skipped, reported, gc fails closed.
    QJsonObject index = readIndex(store->root());
    index.insert("manifests"_L1, QJsonArray{QJsonObject{{u"mediaType"_s, QString(MediaTypes::OciManifest)},
                                                        {u"digest"_s, input},
                                                        {u"size"_s, 2},
                                                        {u"annotations"_s, QJsonObject{{u"io.github.wharf.reference"_s, u"docker.io/library/x:1"_s}}}}});
    writeIndex(store->root(), index);
    QVERIFY(store->images()->isEmpty());
    auto verify = store->verify();
    QVERIFY(verify);
    QCOMPARE(verify->problems.size(), 1);
    QCOMPARE(verify->problems.at(0).kind, VerifyProblem::Kind::BadIndexEntry);
    auto gc = store->collectGarbage();
    QVERIFY(!gc);
    QCOMPARE(gc.error().code(), Error::Code::MalformedDocument);
    // Nothing appeared outside the store.
    QVERIFY(!QFileInfo::exists(store->root() + u"/blobs/etc"_s));
    QVERIFY(QDir(store->root() + u"/ingest"_s).isEmpty());
}

void TestImageStore::hostileIndexEntries()
{
    auto store = ImageStore::open(freshRoot());
    QVERIFY(store);
    const Descriptor image = makeImage(*store, {randomBytes(100, 95)});
    QJsonObject entry = image.toJson();
    // A ref.name with a path in it, from another tool: data, never a file name.
    entry.insert("annotations"_L1, QJsonObject{{u"org.opencontainers.image.ref.name"_s, u"../../x"_s}});
    QJsonObject index = readIndex(store->root());
    index.insert("manifests"_L1, QJsonArray{entry});
    writeIndex(store->root(), index);
    QVERIFY(store->verify()->isClean());
    auto gc = store->collectGarbage();
    QVERIFY(gc);
    QCOMPARE(gc->blobsRemoved, 0);
    QVERIFY(store->addImage(storedImage(u"y:1"_s, image)));
    QCOMPARE(readIndex(store->root()).value("manifests"_L1).toArray().at(0).toObject(), entry);
}

void TestImageStore::refNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addRow("full tag") << u"docker.io/library/nginx:latest"_s << true;
    QTest::addRow("port") << u"localhost:5000/app:1.0"_s << true;
    QTest::addRow("digest") << u"docker.io/library/nginx@sha256:0123abcd"_s << true;
    QTest::addRow("platform") << u"docker.io/library/nginx:latest+linux-arm-v7"_s << true;
    QTest::addRow("double dash") << u"a--b"_s << true;
    QTest::addRow("triple dash") << u"a---b"_s << false;
    QTest::addRow("trailing dash") << u"app:v1-"_s << false;
    QTest::addRow("leading underscore tag") << u"app:_x"_s << false;
    QTest::addRow("dot dot") << u"../../x"_s << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("space") << u"a b"_s << false;
}

void TestImageStore::refNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ImageStore::isValidRefName(name), valid);
}

void TestImageStore::gcrLayouts_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<int>("removed");           // -1: gc must fail
    QTest::addColumn<QString>("removedDigest");
    QTest::addColumn<int>("verifyProblems");
    // gcr gc_test.go: TestGcOneImage, TestGcIndexMediaType, TestGcIndex, TestGcUnknownMediaType.
    QTest::addRow("one image") << u"test_index_one_image"_s << 0 << QString() << 0;
    QTest::addRow("index media type") << u"test_index_media_type"_s << 0 << QString() << 0;
    QTest::addRow("gc index") << u"test_gc_index"_s << 1
                              << u"sha256:492b89b9dd3cda4596f94916d17f6901455fb8bd7f4c5a2a90df8d39c90f48a0"_s << 0;
    QTest::addRow("unknown media type") << u"test_gc_image_unknown_mediatype"_s << -1 << QString() << 1;
    // Ref 2 is a descriptor media type: gc cannot follow it either.
    QTest::addRow("index") << u"test_index"_s << -1 << QString() << 1;
}

void TestImageStore::gcrLayouts()
{
    QFETCH(QString, layout);
    QFETCH(int, removed);
    QFETCH(QString, removedDigest);
    QFETCH(int, verifyProblems);
    const QString root = freshRoot();
    QVERIFY(copyTree(fixturePath(u"oci/gcr-oci-layouts/"_s + layout), root));
    const QJsonObject before = readIndex(root);
    auto store = ImageStore::open(root);
    QVERIFY(store);
    QVERIFY(store->images()->isEmpty()); // nothing Wharf wrote
    auto verify = store->verify();
    QVERIFY(verify);
    QCOMPARE(verify->problems.size(), verifyProblems);
    const int blobsBefore = int(QDir(root + u"/blobs/sha256"_s).entryList(QDir::Files).size());
    auto gc = store->collectGarbage();
    if (removed < 0) {
        QVERIFY(!gc);
        QCOMPARE(gc.error().code(), Error::Code::UnsupportedMediaType);
        QCOMPARE(int(QDir(root + u"/blobs/sha256"_s).entryList(QDir::Files).size()), blobsBefore);
    } else {
        QVERIFY(gc);
        QCOMPARE(gc->blobsRemoved, removed);
        if (!removedDigest.isEmpty())
            QCOMPARE(gc->removedDigests, QStringList{removedDigest});
        QCOMPARE(gc->blobsKept, blobsBefore - removed);
    }
    QCOMPARE(readIndex(root), before);
}

// Child modes, started by the tests above as `<this binary> --child <mode> …`:
//   write STORE DIGEST SIZE SOURCE N  begin an ingest, write the first N bytes of SOURCE, print
//                                     "ready" and wait to be killed
//   try STORE DIGEST SIZE             exit 3 when the ingest is in use, 0 when it could be begun
//   add STORE REFERENCE DESCRIPTOR    addImage (linux/amd64), exit 0 on success
static int runChild(const QStringList &arguments)
{
    const QString mode = arguments.value(0);
    auto store = ImageStore::open(arguments.value(1));
    if (!store)
        return 2;
    if (mode == u"write"_s || mode == u"try"_s) {
        Descriptor d;
        d.mediaType = MediaTypes::OciLayerGzip;
        d.digest = *Digest::parse(arguments.value(2));
        d.size = arguments.value(3).toLongLong();
        auto writer = store->beginIngest(d);
        if (!writer)
            return writer.error().isRetryable() ? 3 : 4;
        if (mode == u"try"_s)
            return 0;
        const qint64 count = arguments.value(5).toLongLong();
        if (count > 0) {
            QFile source(arguments.value(4));
            if (!source.open(QIODevice::ReadOnly) || !writer->write(source.read(count)))
                return 5;
        }
        QTextStream(stdout) << "ready" << Qt::endl;
        for (;;)
            QThread::sleep(1);
    }
    if (mode == u"add"_s) {
        auto descriptor = Descriptor::fromJson(QJsonDocument::fromJson(arguments.value(3).toUtf8()).object());
        if (!descriptor)
            return 6;
        StoredImage image;
        image.reference = arguments.value(2);
        image.platform = *Platform::parse(u"linux/amd64"_s);
        image.manifest = *descriptor;
        auto added = store->addImage(image);
        if (!added)
            QTextStream(stderr) << added.error().message() << Qt::endl;
        return added ? 0 : 7;
    }
    return 8;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--child") == 0)
        return runChild(app.arguments().mid(2));
    TestImageStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_imagestore.moc"
