// The test bed itself: RegistryProcess starts a real docker-registry over the fixture's storage in
// each auth mode, and that registry serves exactly what images.json says. Plain
// QNetworkAccessManager requests, so a failure here points at the test bed, not at Wharf's client.

#include "RegistryProcess.h"
#include "TestbedImages.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using namespace wharf::testbed;

namespace {

const QByteArray AcceptAnyManifest = "application/vnd.oci.image.index.v1+json, "
                                     "application/vnd.oci.image.manifest.v1+json, "
                                     "application/vnd.docker.distribution.manifest.list.v2+json, "
                                     "application/vnd.docker.distribution.manifest.v2+json";

QString sha256Of(const QByteArray &bytes)
{
    return u"sha256:"_s + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray basicAuthorization(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

} // namespace

class TestTestbed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void anonymousApi();
    void basicAuth_data();
    void basicAuth();
    void readOnlyRefusesUploads();
    void tokenAuthChallenges();

    void manifestsMatchImagesJson_data();
    void manifestsMatchImagesJson();
    void indexListsPlatformsThenAttestations();
    void tagsListIgnoresPageSize();
    void zstdLayers();

    void emptyStorageAcceptsPush();
    void destructorKillsTheRegistry();

private:
    // Sends a request and waits for the reply (check QTest::currentTestFailed() after).
    void send(std::unique_ptr<QNetworkReply> &reply, const QNetworkRequest &request, const QByteArray &verb = "GET",
              const QByteArray &body = {});
    [[nodiscard]] static QNetworkRequest request(const RegistryProcess &registry, const QString &path,
                                                 const QByteArray &accept = {});
    [[nodiscard]] static int status(const QNetworkReply &reply)
    {
        return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    TestbedImages m_images;
    QTemporaryDir m_dir;
    RegistryProcess m_anonymous;
    RegistryProcess m_htpasswd;
    QNetworkAccessManager m_network;
};

void TestTestbed::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_network.setProxy(QNetworkProxy::NoProxy);

    // Both serve the one fixture storage at the same time, read-only.
    QVERIFY2(m_anonymous.start({.storageRoot = m_images.storageRoot(), .readOnly = true}, &error), qPrintable(error));

    const QString htpasswd = m_dir.filePath(u"htpasswd"_s);
    QVERIFY2(RegistryProcess::makeHtpasswd(htpasswd, u"alice"_s, u"wonderland"_s, &error), qPrintable(error));
    QVERIFY2(RegistryProcess::makeHtpasswd(htpasswd, u"bob"_s, u"builder"_s, &error), qPrintable(error));
    QVERIFY2(m_htpasswd.start({.auth = RegistryOptions::Auth::Htpasswd,
                               .storageRoot = m_images.storageRoot(),
                               .readOnly = true,
                               .htpasswdFile = htpasswd},
                              &error),
             qPrintable(error));
    QVERIFY(m_anonymous.port() != m_htpasswd.port());
}

void TestTestbed::send(std::unique_ptr<QNetworkReply> &reply, const QNetworkRequest &request, const QByteArray &verb,
                       const QByteArray &body)
{
    reply.reset(m_network.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait());
}

QNetworkRequest TestTestbed::request(const RegistryProcess &registry, const QString &path, const QByteArray &accept)
{
    QNetworkRequest request(registry.baseUrl().resolved(QUrl(path)));
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    return request;
}

void TestTestbed::anonymousApi()
{
    QVERIFY(m_anonymous.isRunning());
    QCOMPARE(m_anonymous.hostPort(), u"127.0.0.1:"_s + QString::number(m_anonymous.port()));

    std::unique_ptr<QNetworkReply> reply;
    send(reply, request(m_anonymous, u"/v2/"_s));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 200);
    QCOMPARE(reply->rawHeader("Docker-Distribution-Api-Version"), "registry/2.0");
    QVERIFY(!reply->hasRawHeader("WWW-Authenticate"));
}

void TestTestbed::basicAuth_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("expectedStatus");

    QTest::addRow("no credentials") << QByteArray() << 401;
    QTest::addRow("right password") << basicAuthorization(u"alice"_s, u"wonderland"_s) << 200;
    QTest::addRow("second user") << basicAuthorization(u"bob"_s, u"builder"_s) << 200;
    QTest::addRow("wrong password") << basicAuthorization(u"alice"_s, u"looking-glass"_s) << 401;
    QTest::addRow("unknown user") << basicAuthorization(u"mallory"_s, u"wonderland"_s) << 401;
}

void TestTestbed::basicAuth()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, expectedStatus);

    for (const QString &path : {u"/v2/"_s, u"/v2/single/manifests/1.0"_s}) {
        QNetworkRequest request = TestTestbed::request(m_htpasswd, path, AcceptAnyManifest);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        std::unique_ptr<QNetworkReply> reply;
        send(reply, request);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(status(*reply), expectedStatus);
        if (expectedStatus == 401)
            QCOMPARE(reply->rawHeader("WWW-Authenticate"), "Basic realm=\"wharf-testbed\"");
    }
}

void TestTestbed::readOnlyRefusesUploads()
{
    std::unique_ptr<QNetworkReply> reply;
    send(reply, request(m_anonymous, u"/v2/scratch/blobs/uploads/"_s), "POST");
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 405);
}

void TestTestbed::tokenAuthChallenges()
{
    // A certificate of some key is all the registry needs to start; no token is ever issued here.
    const QString key = m_dir.filePath(u"token.key"_s);
    const QString certificate = m_dir.filePath(u"token.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
                                 u"-nodes"_s, u"-subj"_s, u"/CN=wharf-testbed-token"_s, u"-days"_s, u"1"_s,
                                 u"-keyout"_s, key, u"-out"_s, certificate});
    QVERIFY(openssl.waitForFinished(20000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());

    const QString realm = u"http://127.0.0.1:9/token"_s;
    RegistryProcess registry;
    QString error;
    QVERIFY2(registry.start({.auth = RegistryOptions::Auth::Token,
                             .storageRoot = m_images.storageRoot(),
                             .readOnly = true,
                             .tokenRealm = realm,
                             .tokenService = u"wharf-testbed-registry"_s,
                             .tokenIssuer = u"wharf-testbed-token-issuer"_s,
                             .tokenRootCertBundle = certificate},
                            &error),
             qPrintable(error));

    std::unique_ptr<QNetworkReply> reply;
    send(reply, request(registry, u"/v2/"_s));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 401);
    QCOMPARE(reply->rawHeader("WWW-Authenticate"), "Bearer realm=\"http://127.0.0.1:9/token\",service=\"wharf-testbed-registry\"");

    send(reply, request(registry, u"/v2/multi/manifests/latest"_s, AcceptAnyManifest));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 401);
    QCOMPARE(reply->rawHeader("WWW-Authenticate"),
             "Bearer realm=\"http://127.0.0.1:9/token\",service=\"wharf-testbed-registry\",scope=\"repository:multi:pull\"");
}

void TestTestbed::manifestsMatchImagesJson_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");

    for (const QString &repository : m_images.repositories()) {
        QStringList tags = m_images.tags(repository);
        if (tags.size() > 3) // manytags: the first and the last are enough
            tags = {tags.first(), tags.last()};
        for (const QString &tag : tags)
            QTest::addRow("%s:%s", qPrintable(repository), qPrintable(tag)) << repository << tag;
    }
}

void TestTestbed::manifestsMatchImagesJson()
{
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    const QJsonObject expected = m_images.tag(repository, tag);
    const QString digest = expected.value("digest"_L1).toString();
    QVERIFY(digest.startsWith(u"sha256:"_s));

    // By tag and by digest: the same bytes, the digest in Docker-Content-Digest, the media type.
    for (const QString &reference : {tag, digest}) {
        std::unique_ptr<QNetworkReply> reply;
        send(reply, request(m_anonymous, u"/v2/%1/manifests/%2"_s.arg(repository, reference), AcceptAnyManifest));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(status(*reply), 200);
        const QByteArray body = reply->readAll();
        QCOMPARE(QString::fromLatin1(reply->rawHeader("Docker-Content-Digest")), digest);
        QCOMPARE(sha256Of(body), digest);
        QCOMPARE(body.size(), expected.value("size"_L1).toInteger());
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), expected.value("mediaType"_L1).toString());
    }
}

void TestTestbed::indexListsPlatformsThenAttestations()
{
    std::unique_ptr<QNetworkReply> reply;
    send(reply, request(m_anonymous, u"/v2/multi/manifests/latest"_s, "application/vnd.oci.image.index.v1+json"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 200);
    QCOMPARE(QString::fromLatin1(reply->rawHeader("Docker-Content-Digest")), m_images.digest(u"multi"_s, u"latest"_s));
    const QJsonArray manifests = QJsonDocument::fromJson(reply->readAll()).object().value("manifests"_L1).toArray();

    const QStringList platforms = m_images.platforms(u"multi"_s, u"latest"_s);
    QCOMPARE(platforms, QStringList({u"linux/amd64"_s, u"linux/arm64/v8"_s, u"linux/arm/v7"_s}));
    const QJsonArray attestations = m_images.attestations(u"multi"_s, u"latest"_s);
    QCOMPARE(manifests.size(), platforms.size() + attestations.size());

    for (qsizetype i = 0; i < platforms.size(); ++i) {
        const QJsonObject descriptor = manifests.at(i).toObject();
        QCOMPARE(TestbedImages::platformString(descriptor.value("platform"_L1).toObject()), platforms.at(i));
        QCOMPARE(descriptor.value("digest"_L1).toString(), m_images.imageDigest(u"multi"_s, u"latest"_s, platforms.at(i)));
        QCOMPARE(m_images.layerDigests(u"multi"_s, u"latest"_s, platforms.at(i)).size(), 2);
    }
    // The second layer is the same blob on every platform.
    QCOMPARE(m_images.layerDigests(u"multi"_s, u"latest"_s, platforms.at(0)).at(1),
             m_images.layerDigests(u"multi"_s, u"latest"_s, platforms.at(2)).at(1));

    for (qsizetype i = 0; i < attestations.size(); ++i) {
        const QJsonObject descriptor = manifests.at(platforms.size() + i).toObject();
        const QJsonObject annotations = descriptor.value("annotations"_L1).toObject();
        QCOMPARE(TestbedImages::platformString(descriptor.value("platform"_L1).toObject()), u"unknown/unknown"_s);
        QCOMPARE(annotations.value("vnd.docker.reference.type"_L1).toString(), u"attestation-manifest"_s);
        QCOMPARE(annotations.value("vnd.docker.reference.digest"_L1).toString(), manifests.at(i).toObject().value("digest"_L1).toString());
        QCOMPARE(descriptor.value("digest"_L1).toString(), attestations.at(i).toObject().value("digest"_L1).toString());
    }
}

void TestTestbed::tagsListIgnoresPageSize()
{
    // Distribution 2.8 has no tags/list pagination (it came with v3, distribution#3143): `n` is
    // ignored, every tag comes in one response, in no particular order, without a Link header.
    // Link-header paging is therefore exercised against the test bed's own HTTP servers.
    std::unique_ptr<QNetworkReply> reply;
    send(reply, request(m_anonymous, u"/v2/manytags/tags/list?n=100"_s));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 200);
    QVERIFY(!reply->hasRawHeader("Link"));

    const QJsonObject list = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(list.value("name"_L1).toString(), u"manytags"_s);
    QStringList tags;
    for (const QJsonValue &tag : list.value("tags"_L1).toArray())
        tags.append(tag.toString());
    QVERIFY(tags.size() > 250);
    tags.sort();
    QCOMPARE(tags, m_images.tags(u"manytags"_s));
}

void TestTestbed::zstdLayers()
{
    std::unique_ptr<QNetworkReply> reply;
    send(reply, request(m_anonymous, u"/v2/zstd/manifests/latest"_s, "application/vnd.oci.image.manifest.v1+json"));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 200);
    const QJsonArray layers = QJsonDocument::fromJson(reply->readAll()).object().value("layers"_L1).toArray();
    QCOMPARE(layers.size(), m_images.layerDigests(u"zstd"_s, u"latest"_s).size());
    for (const QJsonValue &layer : layers) {
        const QString mediaType = layer.toObject().value("mediaType"_L1).toString();
        QVERIFY2(mediaType.endsWith(u"+zstd"_s), qPrintable(mediaType));
    }

    // The blob really is a zstd frame, and it hashes to its digest.
    const QString digest = layers.first().toObject().value("digest"_L1).toString();
    send(reply, request(m_anonymous, u"/v2/zstd/blobs/"_s + digest));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 200);
    const QByteArray blob = reply->readAll();
    QVERIFY(blob.startsWith(QByteArray::fromHex("28b52ffd")));
    QCOMPARE(sha256Of(blob), digest);
}

void TestTestbed::emptyStorageAcceptsPush()
{
    // Without a storage root the registry gets a fresh one of its own: writable, empty.
    RegistryProcess registry;
    QString error;
    QVERIFY2(registry.start({}, &error), qPrintable(error));
    QVERIFY(registry.storageRoot() != m_images.storageRoot());

    std::unique_ptr<QNetworkReply> reply;
    send(reply, request(registry, u"/v2/scratch/blobs/uploads/"_s), "POST");
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 202);
    send(reply, request(registry, u"/v2/multi/manifests/latest"_s, AcceptAnyManifest));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status(*reply), 404);
}

void TestTestbed::destructorKillsTheRegistry()
{
    auto registry = std::make_unique<RegistryProcess>();
    QString error;
    QVERIFY2(registry->start({.storageRoot = m_images.storageRoot(), .readOnly = true}, &error), qPrintable(error));
    const auto pid = static_cast<pid_t>(registry->processId());
    QVERIFY(pid > 0);
    QVERIFY(registry->logText().contains(u"listening on "_s + registry->hostPort()));

    registry->stop();
    QVERIFY(!registry->isRunning());
    QCOMPARE(registry->port(), quint16(0));
    QVERIFY(!registry->logText().isEmpty()); // still there for diagnostics
    QCOMPARE(::kill(pid, 0), -1);
    QCOMPARE(errno, ESRCH);

    QVERIFY2(registry->start({.storageRoot = m_images.storageRoot(), .readOnly = true}, &error), qPrintable(error));
    const auto restarted = static_cast<pid_t>(registry->processId());
    registry.reset();
    QCOMPARE(::kill(restarted, 0), -1);
    QCOMPARE(errno, ESRCH);
}

QTEST_GUILESS_MAIN(TestTestbed)
#include "tst_testbed.moc"
