// LayerListJob against the test bed: every layer of layers:app streamed from the real
// docker-registry (through the fault proxy, which records what was asked) and compared with the tar
// entries build-images.sh recorded in images.json, whiteouts and the opaque directory included; the
// same layers from a local store (fromStore(), and not one blob request); zstd:latest's layers
// compared with what GNU tar lists; and the job contract: one finished(), cancel before start and
// mid-stream, deletion while streaming, registry failures as typed errors with the listing kept.

#include "credentials/StaticCredentialSource.h"
#include "layers/LayerListJob.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include "FaultProxy.h"
#include "RegistryProcess.h"
#include "TestSupport.h"
#include "TestbedImages.h"
#include "TestbedStore.h"
#include "TokenServer.h"

#include <QJsonArray>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

Descriptor descriptorOf(const QJsonObject &layer)
{
    Descriptor d;
    d.mediaType = layer[u"mediaType"_s].toString();
    d.digest = *Digest::parse(layer[u"digest"_s].toString());
    d.size = layer[u"size"_s].toInteger();
    return d;
}

// "type path" lines, the way LayerEntry says it.
QString describe(const LayerEntry &e)
{
    switch (e.type) {
    case LayerEntry::Type::Directory:
        return u"dir "_s + e.path;
    case LayerEntry::Type::Whiteout:
        return u"whiteout "_s + e.path;
    case LayerEntry::Type::OpaqueDirectory:
        return u"opaque "_s + e.path;
    case LayerEntry::Type::File:
        return u"file "_s + e.path;
    default:
        return u"other "_s + e.path;
    }
}

QStringList describe(const LayerListing &listing)
{
    QStringList lines;
    for (const LayerEntry &e : listing.entries)
        lines << describe(e);
    return lines;
}

// What a tar name list (tar -t, images.json) means as entries: folders end in '/', "." is the
// root, `.wh.` names are deletions. The test bed's layers hold only folders and regular files.
QStringList expectedFromTarNames(const QStringList &names)
{
    QStringList lines;
    for (QString name : names) {
        while (name.startsWith(u"./"))
            name = name.mid(2);
        const bool folder = name.endsWith(u'/');
        if (folder)
            name.chop(1);
        if (name.isEmpty() || name == u".")
            continue;
        const qsizetype slash = name.lastIndexOf(u'/');
        const QString parent = slash < 0 ? QString() : name.left(slash);
        const QString base = name.mid(slash + 1);
        if (base == u".wh..wh..opq")
            lines << u"opaque "_s + parent;
        else if (base.startsWith(u".wh."))
            lines << u"whiteout "_s + (parent.isEmpty() ? QString() : parent + u'/') + base.mid(4);
        else
            lines << (folder ? u"dir "_s : u"file "_s) + name;
    }
    return lines;
}

QString errorText(const Job &job)
{
    return job.error() ? job.error()->codeName() + u": " + job.error()->message() : u"no error"_s;
}

} // namespace

Q_DECLARE_METATYPE(wharf::testbed::FaultAction)

class TestLayerList final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void fromRegistry_data();
    void fromRegistry();
    void fromStore_data();
    void fromStore();
    void zstdLayers_data();
    void zstdLayers();
    void cancelBeforeStart();
    void cancelMidStream();
    void deleteMidStream();
    void registryFailures_data();
    void registryFailures();
    void tokenAuthCredentials_data();
    void tokenAuthCredentials();

private:
    [[nodiscard]] LayerListJob *newJob(const Descriptor &layer, const QString &repository = u"layers"_s, const QString &storeRoot = {})
    {
        return new LayerListJob(&m_client, m_proxy->hostPort(), repository, layer, storeRoot);
    }
    [[nodiscard]] int blobRequests(const Digest &digest) const
    {
        int count = 0;
        for (const HttpRequest &request : m_proxy->requests())
            if (request.method == "GET" && request.path().endsWith(u"/blobs/"_s + digest.toString()))
                ++count;
        return count;
    }
    void addLayerRows();

    TestbedImages m_images;
    RegistryProcess m_registry;
    std::unique_ptr<FaultProxy> m_proxy;
    RegistryClient m_client;
    QTemporaryDir m_storeDir;
    TokenServer m_tokens;
    RegistryProcess m_tokenRegistry;
};

void TestLayerList::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    QVERIFY2(m_registry.start(options, &error), qPrintable(error));
    m_proxy = std::make_unique<FaultProxy>(m_registry.hostPort());
    QVERIFY2(m_proxy->listen(&error), qPrintable(error));
    m_client.setTransferTimeoutMs(5'000);

    // The same storage behind bearer-token auth that lets no anonymous client pull.
    m_tokens.addUser(u"bob"_s, u"hunter2"_s);
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::Deny);
    QVERIFY2(m_tokens.listen(&error), qPrintable(error));
    const RegistryOptions token = m_tokens.registryOptions(options);
    QVERIFY2(m_tokenRegistry.start(token, &error), qPrintable(error));

    // A store holding layers:app, written through the store's own verified ingest.
    auto store = ImageStore::open(m_storeDir.path());
    QVERIFY(store);
    QVERIFY2(TestbedStore(m_images, *store).addImage(m_registry.hostPort() + u"/layers:app"_s, u"layers"_s, u"app"_s, {}, &error),
             qPrintable(error));
}

void TestLayerList::addLayerRows()
{
    QTest::addColumn<QJsonObject>("layer");
    const QJsonArray layers = m_images.image(u"layers"_s, u"app"_s).value(u"layers"_s).toArray();
    QCOMPARE(layers.size(), 4);
    for (int i = 0; i < layers.size(); ++i)
        QTest::addRow("layer %d", i) << layers.at(i).toObject();
}

void TestLayerList::fromRegistry_data()
{
    addLayerRows();
}

void TestLayerList::fromRegistry()
{
    QFETCH(QJsonObject, layer);
    const Descriptor descriptor = descriptorOf(layer);
    QStringList names;
    for (const QJsonValue &v : layer[u"entries"_s].toArray())
        names << v.toString();
    const QStringList expected = expectedFromTarNames(names);
    QVERIFY(!expected.isEmpty());

    m_proxy->clearRecords();
    auto *job = newJob(descriptor);
    QSignalSpy progress(job, &LayerListJob::progress);
    QSignalSpy finished(job, &Job::finished);
    const auto done = runJob(job);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(done->succeeded(), qPrintable(errorText(*done)));
    QVERIFY(!done->fromStore());
    const LayerListing &listing = done->listing();
    QVERIFY(listing.complete);
    QVERIFY(!listing.error);
    QCOMPARE(listing.layer, descriptor.digest);
    QCOMPARE(listing.compressedSize, descriptor.size);
    QVERIFY(listing.uncompressedSize > 0);
    QCOMPARE(describe(listing), expected);
    QCOMPARE(blobRequests(descriptor.digest), 1);
    // Progress ends at the whole blob, with every entry.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), descriptor.size);
    QCOMPARE(progress.last().at(1).toLongLong(), descriptor.size);
    QCOMPARE(progress.last().at(2).toInt(), listing.entries.size());

    // What images.json says this layer changes, seen in the listing itself.
    for (const QJsonValue &v : m_images.tag(u"layers"_s, u"app"_s).value(u"changes"_s).toArray()) {
        const QJsonObject change = v.toObject();
        const QJsonArray layers = m_images.image(u"layers"_s, u"app"_s).value(u"layers"_s).toArray();
        if (layers.at(change[u"layerIndex"_s].toInt()).toObject()[u"digest"_s].toString() != descriptor.digest.toString())
            continue;
        const QString kind = change[u"change"_s].toString();
        const QString path = change[u"path"_s].toString();
        const QString line = kind == u"deleted" ? u"whiteout "_s + path : kind == u"opaque" ? u"opaque "_s + path : u"file "_s + path;
        QVERIFY2(describe(listing).contains(line), qPrintable(line));
    }
}

void TestLayerList::fromStore_data()
{
    addLayerRows();
}

void TestLayerList::fromStore()
{
    QFETCH(QJsonObject, layer);
    const Descriptor descriptor = descriptorOf(layer);
    const auto fromRegistry = runJob(newJob(descriptor));
    QVERIFY2(fromRegistry->succeeded(), qPrintable(errorText(*fromRegistry)));

    m_proxy->clearRecords();
    const auto done = runJob(newJob(descriptor, u"layers"_s, m_storeDir.path()));
    QVERIFY2(done->succeeded(), qPrintable(errorText(*done)));
    QVERIFY(done->fromStore());
    QVERIFY(done->listing().complete);
    QCOMPARE(describe(done->listing()), describe(fromRegistry->listing()));
    QCOMPARE(done->listing().compressedSize, descriptor.size);
    QCOMPARE(m_proxy->requestCount(), 0); // not a single request, let alone a blob GET

    // A store that lacks the blob falls back to the registry; a folder that is no store is left alone.
    QTemporaryDir empty;
    const auto notThere = runJob(newJob(descriptor, u"layers"_s, empty.path()));
    QVERIFY2(notThere->succeeded(), qPrintable(errorText(*notThere)));
    QVERIFY(!notThere->fromStore());
    QCOMPARE(blobRequests(descriptor.digest), 1);
    QVERIFY(QDir(empty.path()).isEmpty());
}

void TestLayerList::zstdLayers_data()
{
    QTest::addColumn<QJsonObject>("layer");
    const QJsonArray layers = m_images.image(u"zstd"_s, u"latest"_s).value(u"layers"_s).toArray();
    QVERIFY(!layers.isEmpty());
    for (int i = 0; i < layers.size(); ++i)
        QTest::addRow("layer %d", i) << layers.at(i).toObject();
}

void TestLayerList::zstdLayers()
{
    QFETCH(QJsonObject, layer);
    const Descriptor descriptor = descriptorOf(layer);
    QCOMPARE(descriptor.mediaType, u"application/vnd.oci.image.layer.v1.tar+zstd"_s);
    auto store = ImageStore::open(m_storeDir.path());
    QVERIFY(store);
    const QString blobFile = TestbedStore(m_images, *store).sourceOf(descriptor.digest);
    QVERIFY(!blobFile.isEmpty());
    const ProgramRun tar = runProgram(u"tar"_s, {u"--zstd"_s, u"--list"_s, u"--file"_s, blobFile});
    QCOMPARE(tar.exitCode, 0);
    const QStringList expected = expectedFromTarNames(QString::fromUtf8(tar.out).split(u'\n', Qt::SkipEmptyParts));
    QVERIFY(!expected.isEmpty());

    const auto done = runJob(newJob(descriptor, u"zstd"_s));
    QVERIFY2(done->succeeded(), qPrintable(errorText(*done)));
    QVERIFY(done->listing().complete);
    QCOMPARE(describe(done->listing()), expected);
}

void TestLayerList::cancelBeforeStart()
{
    const Descriptor descriptor = descriptorOf(m_images.image(u"layers"_s, u"app"_s).value(u"layers"_s).toArray().at(0).toObject());
    m_proxy->clearRecords();
    auto *job = newJob(descriptor);
    job->setAutoDelete(false);
    const std::unique_ptr<LayerListJob> owned(job);
    QSignalSpy finished(job, &Job::finished);
    job->cancel();
    QCOMPARE(finished.size(), 1);
    job->start();
    QTest::qWait(300);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(codeOf(*job), Error::Code::Cancelled);
    QVERIFY(!job->listing().complete);
    QVERIFY(job->listing().error && job->listing().error->code() == Error::Code::Cancelled);
    QCOMPARE(blobRequests(descriptor.digest), 0);
}

void TestLayerList::cancelMidStream()
{
    // bin/tool's 1 MiB layer, stalled by the proxy after 300 kB.
    const Descriptor descriptor = descriptorOf(m_images.image(u"layers"_s, u"app"_s).value(u"layers"_s).toArray().at(0).toObject());
    QVERIFY(descriptor.size > 1'000'000);
    m_proxy->clearRecords();
    const int rule = m_proxy->addRule({"GET", FaultRule::blobPath(descriptor.digest.toString()), fault::StallAt{300'000}, 1});
    auto *job = newJob(descriptor);
    job->setAutoDelete(false);
    const std::unique_ptr<LayerListJob> owned(job);
    QSignalSpy finished(job, &Job::finished);
    QSignalSpy progress(job, &LayerListJob::progress);
    job->start();
    // Wait until the bytes before the stall have been read.
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toLongLong() >= 200'000, 10'000);
    QCOMPARE(m_proxy->applied(rule), 1);
    QVERIFY2(finished.isEmpty(), qPrintable(errorText(*job) + u' ' + QString::number(progress.last().at(0).toLongLong())));
    job->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(codeOf(*job), Error::Code::Cancelled);
    QVERIFY(!job->listing().complete);
    QVERIFY(job->listing().error && job->listing().error->code() == Error::Code::Cancelled);
    QTest::qWait(300);
    QCOMPARE(finished.size(), 1);
    // The stalled download was dropped, not left hanging.
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->activeExchanges(), 0, 5'000);
    m_proxy->clearRules();
}

void TestLayerList::deleteMidStream()
{
    const Descriptor descriptor = descriptorOf(m_images.image(u"layers"_s, u"app"_s).value(u"layers"_s).toArray().at(0).toObject());
    m_proxy->clearRecords();
    m_proxy->addRule({"GET", FaultRule::blobPath(descriptor.digest.toString()), fault::StallAt{300'000}, 1});
    QPointer<LayerListJob> job = newJob(descriptor);
    QSignalSpy progress(job.data(), &LayerListJob::progress);
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 10'000);
    delete job.data();
    QVERIFY(!job);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->activeExchanges(), 0, 5'000);
    m_proxy->clearRules();

    // Deleted before anything arrived (the registry delays its answer).
    m_proxy->addRule({"GET", FaultRule::blobPath(descriptor.digest.toString()), fault::DelayMs{500}, 1});
    job = newJob(descriptor);
    job->start();
    QTest::qWait(100);
    delete job.data();
    QTest::qWait(600);
    m_proxy->clearRules();
}

void TestLayerList::registryFailures_data()
{
    QTest::addColumn<int>("layerIndex");
    QTest::addColumn<FaultAction>("fault");
    QTest::addColumn<QList<Error::Code>>("codes");
    QTest::addColumn<bool>("someEntries");

    QTest::addRow("corrupt byte") << 0 << FaultAction(fault::FlipByte{600'000, 0x20})
                                  << QList<Error::Code>{Error::Code::DigestMismatch, Error::Code::MalformedDocument} << true;
    QTest::addRow("cut off") << 0 << FaultAction(fault::TruncateAt{700'000})
                             << QList<Error::Code>{Error::Code::Network, Error::Code::SizeMismatch} << true;
    QTest::addRow("registry error") << 1 << FaultAction(fault::Status{500, {}, "{}"}) << QList<Error::Code>{Error::Code::ServerError}
                                    << false;
    QTest::addRow("not there") << 1 << FaultAction(fault::Status{404, {}, R"({"errors":[{"code":"BLOB_UNKNOWN"}]})"})
                               << QList<Error::Code>{Error::Code::NotFound} << false;
}

void TestLayerList::registryFailures()
{
    QFETCH(int, layerIndex);
    QFETCH(FaultAction, fault);
    QFETCH(QList<Error::Code>, codes);
    QFETCH(bool, someEntries);
    const Descriptor descriptor =
        descriptorOf(m_images.image(u"layers"_s, u"app"_s).value(u"layers"_s).toArray().at(layerIndex).toObject());
    m_proxy->clearRules();
    m_proxy->addRule({"GET", FaultRule::blobPath(descriptor.digest.toString()), fault, -1});
    RegistryClient client;
    net::RetryPolicy noRetry;
    noRetry.maxAttempts = 1;
    client.setRetryPolicy(noRetry);
    auto *job = new LayerListJob(&client, m_proxy->hostPort(), u"layers"_s, descriptor, {});
    QSignalSpy finished(job, &Job::finished);
    const auto done = runJob(job);
    m_proxy->clearRules();
    QCOMPARE(finished.size(), 1);
    QVERIFY2(done->error() && codes.contains(done->error()->code()), qPrintable(errorText(*done)));
    const LayerListing &listing = done->listing();
    QVERIFY(!listing.complete);
    QVERIFY(listing.error && listing.error->code() == done->error()->code());
    if (someEntries)
        QVERIFY(!listing.entries.isEmpty()); // what was read before the failure is kept
}

// The download runs on a thread of its own with a registry client of its own: the caller's
// credentials must reach it (and only for the registry they belong to).
void TestLayerList::tokenAuthCredentials_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("succeeds");
    QTest::addRow("right credentials") << u"bob"_s << u"hunter2"_s << true;
    QTest::addRow("wrong password") << u"bob"_s << u"wrong"_s << false;
    QTest::addRow("anonymous") << QString() << QString() << false;
}

void TestLayerList::tokenAuthCredentials()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(bool, succeeds);
    const QJsonObject layer = m_images.image(u"layers"_s, u"app"_s).value(u"layers"_s).toArray().at(3).toObject();
    StaticCredentialSource source(m_tokenRegistry.hostPort(), Credentials{user, password, {}});
    RegistryClient client;
    if (!user.isEmpty())
        client.setCredentialSource(&source);
    const int before = m_tokens.tokensIssued();
    const auto done = runJob(new LayerListJob(&client, m_tokenRegistry.hostPort(), u"layers"_s, descriptorOf(layer), {}));
    if (succeeds) {
        QVERIFY2(done->succeeded(), qPrintable(errorText(*done)));
        QVERIFY(done->listing().complete);
        QVERIFY(m_tokens.tokensIssued() > before);
    } else {
        QCOMPARE(codeOf(*done), Error::Code::Unauthorized);
        QVERIFY(!done->listing().complete);
    }
}

QTEST_GUILESS_MAIN(TestLayerList)
#include "tst_layerlist.moc"
