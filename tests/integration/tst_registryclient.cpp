// The registry client against a real docker-registry (anonymous, htpasswd, bearer tokens from a
// real token server) over the images the test bed pushed with skopeo, and against a scripted
// server for what a well-behaved registry never does: lying digests, confused media types,
// oversized or malformed documents, rate limits, 5xx, stalls, truncation and redirects.
#include "credentials/StaticCredentialSource.h"
#include "documents/DocumentParser.h"
#include "documents/MediaTypes.h"
#include "registry/BlobJob.h"
#include "registry/DocumentCache.h"
#include "registry/ImageInspectJob.h"
#include "registry/ManifestJob.h"
#include "registry/PagedListJob.h"
#include "registry/RegistryClient.h"
#include "registry/RegistryRequest.h"

#include "HttpServer.h"
#include "RegistryProcess.h"
#include "Schema1Image.h"
#include "TestSupport.h"
#include "TestbedImages.h"
#include "TokenServer.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(WHARF_FIXTURES_DIR "/registry/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kOciManifest = fixture(u"registry_oci_manifest_hello-world_amd64_2025-01.json"_s);
const QByteArray kOciIndex = fixture(u"registry_oci_index_hello-world_latest_2025-01.json"_s);

QString messageOf(const Job &job)
{
    return job.error() ? job.error()->message() : QString();
}

} // namespace

class TestRegistryClient final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    // the real registry, anonymous
    void manifestByTag();
    void manifestByDigest();
    void manifestHead();
    void inspectPicksRequestedPlatform_data();
    void inspectPicksRequestedPlatform();
    void inspectSinglePlatformImages_data();
    void inspectSinglePlatformImages();
    void inspectNoMatchingPlatform();
    void tagsFollowLinkPages();
    void tagsRespectLimit();
    void catalogListsRepositories();
    void unknownRepositoryAndTag();
    void invalidDigestNeverReachesTheNetwork();
    void configBlobIsVerified();
    void schema1ReadsAsTheImageItWasConvertedFrom();

    // the real registry behind auth
    void htpasswd_data();
    void htpasswd();
    void bearerTokenFlowAnonymous();
    void bearerTokenFlowCredentials_data();
    void bearerTokenFlowCredentials();
    void expiredTokenIsRefreshedOnce();
    void identityTokenUsesRefreshGrant();
    void blobStreamsWithRange();
    void rangeIgnoredSkipsWhatTheSinkHas();

    // a scripted server for misbehaviour
    void lyingDigestHeader();
    void digestMismatchByDigest();
    void mediaTypeConfusion();
    void oversizedManifest();
    void malformedManifest();
    void rateLimitedThenServed();
    void serviceUnavailableTwiceThenServed();
    void serverErrorsExhaustRetries();
    void stalledBodyTimesOut();
    void truncatedBodyIsRetried();
    void blobRedirectDropsAuthorization();
    void redirectLoopStops();
    void plainHttpRefusedOffLoopback();
    void rateLimitHeadersSurface();

private:
    [[nodiscard]] std::unique_ptr<RegistryClient> client(CredentialSource *source = nullptr) const;

    TestbedImages m_images;
    RegistryProcess m_anonymous;
    RegistryProcess m_basic;
    TokenServer m_tokens;
    RegistryProcess m_tokenRegistry;
    QTemporaryDir m_tmp;
};

std::unique_ptr<RegistryClient> TestRegistryClient::client(CredentialSource *source) const
{
    auto c = std::make_unique<RegistryClient>();
    c->setCredentialSource(source);
    net::RetryPolicy fast;
    fast.maxAttempts = 3;
    fast.baseDelayMs = 20;
    c->setRetryPolicy(fast);
    c->setTransferTimeoutMs(2000);
    return c;
}

void TestRegistryClient::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions anonymous;
    anonymous.storageRoot = m_images.storageRoot();
    QVERIFY2(m_anonymous.start(anonymous, &error), qPrintable(error));

    const QString htpasswd = m_tmp.filePath(u"htpasswd"_s);
    QVERIFY2(RegistryProcess::makeHtpasswd(htpasswd, u"alice"_s, u"s3cret"_s, &error), qPrintable(error));
    RegistryOptions basic = anonymous;
    basic.auth = RegistryOptions::Auth::Htpasswd;
    basic.htpasswdFile = htpasswd;
    QVERIFY2(m_basic.start(basic, &error), qPrintable(error));

    m_tokens.addUser(u"bob"_s, u"hunter2"_s);
    QVERIFY2(m_tokens.listen(&error), qPrintable(error));
    const RegistryOptions token = m_tokens.registryOptions(anonymous);
    QVERIFY2(m_tokenRegistry.start(token, &error), qPrintable(error));
}

void TestRegistryClient::manifestByTag()
{
    auto c = client();
    auto job = runJob(c->fetchManifest(m_anonymous.hostPort(), u"multi"_s, u"latest"_s));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    const FetchedManifest &m = job->result();
    QCOMPARE(m.digest.toString(), m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(m.digest, Digest::sha256Of(m.bytes));
    QCOMPARE(m.mediaType, m_images.mediaType(u"multi"_s, u"latest"_s));
    const auto *index = std::get_if<ImageIndex>(&*m.document);
    QVERIFY(index);
    QCOMPARE(index->platformManifests().size(), 3);
    QCOMPARE(index->attestations().size(), m_images.attestations(u"multi"_s, u"latest"_s).size());
    QVERIFY(!index->attestations().isEmpty());
    for (const Descriptor &d : index->platformManifests())
        QVERIFY(!d.isAttestation());
}

void TestRegistryClient::manifestByDigest()
{
    auto c = client();
    const QString digest = m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm/v7"_s);
    auto job = runJob(c->fetchManifest(m_anonymous.hostPort(), u"multi"_s, digest));
    QVERIFY(job->succeeded());
    QCOMPARE(job->result().digest.toString(), digest);
    QVERIFY(std::holds_alternative<ImageManifest>(*job->result().document));
}

void TestRegistryClient::manifestHead()
{
    auto c = client();
    auto job = runJob(c->fetchManifest(m_anonymous.hostPort(), u"single"_s, u"1.0"_s, true));
    QVERIFY(job->succeeded());
    QCOMPARE(job->result().digest.toString(), m_images.digest(u"single"_s, u"1.0"_s));
    QVERIFY(job->result().bytes.isEmpty());
    QVERIFY(!job->result().document);
    QCOMPARE(job->result().size, m_images.tag(u"single"_s, u"1.0"_s).value(u"size"_s).toInteger());
}

void TestRegistryClient::inspectPicksRequestedPlatform_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("expected"); // as images.json names it
    QTest::addRow("linux/arm64") << u"linux/arm64"_s << u"linux/arm64/v8"_s;
    QTest::addRow("linux/arm64/v8") << u"linux/arm64/v8"_s << u"linux/arm64/v8"_s;
    QTest::addRow("linux/aarch64") << u"linux/aarch64"_s << u"linux/arm64/v8"_s;
    QTest::addRow("linux/amd64") << u"linux/amd64"_s << u"linux/amd64"_s;
    QTest::addRow("linux/x86_64") << u"linux/x86_64"_s << u"linux/amd64"_s;
    QTest::addRow("linux/arm") << u"linux/arm"_s << u"linux/arm/v7"_s;
    QTest::addRow("linux/arm/v7") << u"linux/arm/v7"_s << u"linux/arm/v7"_s;
}

void TestRegistryClient::inspectPicksRequestedPlatform()
{
    QFETCH(QString, requested);
    QFETCH(QString, expected);
    auto c = client();
    auto ref = ImageReference::parseDockerRef(QString(m_anonymous.hostPort() + u"/multi:latest"));
    QVERIFY(ref);
    auto platform = Platform::parse(requested);
    QVERIFY(platform);
    auto job = runJob(new ImageInspectJob(c.get(), *ref, *platform));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    const InspectedImage &r = job->result();
    QVERIFY(r.index);
    QCOMPARE(r.index->digest.toString(), m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(r.platforms.size(), 3);
    QCOMPARE(r.chosen.digest.toString(), m_images.imageDigest(u"multi"_s, u"latest"_s, expected));
    QCOMPARE(r.manifest.digest, r.chosen.digest);
    QStringList layers;
    for (const Descriptor &d : r.imageManifest.layers)
        layers.append(d.digest.toString());
    QCOMPARE(layers, m_images.layerDigests(u"multi"_s, u"latest"_s, expected));
    const QJsonObject image = m_images.image(u"multi"_s, u"latest"_s, expected);
    QCOMPARE(r.configDescriptor.digest.toString(), image.value(u"config"_s).toObject().value(u"digest"_s).toString());
    QVERIFY(r.config);
    QCOMPARE(Platform({r.config->os, r.config->architecture, r.config->variant, {}, {}}).normalized(), platform->normalized());
    QVERIFY(r.history.instructionsMatchLayers);
    qsizetype withLayer = 0;
    for (const HistoryRow &h : r.history.rows)
        withLayer += h.layer ? 1 : 0;
    QCOMPARE(withLayer, r.imageManifest.layers.size());
    QVERIFY(r.history.rows.size() > withLayer); // the test bed adds empty_layer steps
}

void TestRegistryClient::inspectSinglePlatformImages_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("layerSuffix");
    QTest::addRow("docker v2s2") << u"docker-v2s2"_s << u"latest"_s << u"tar.gzip"_s;
    QTest::addRow("zstd") << u"zstd"_s << u"latest"_s << u"+zstd"_s;
    QTest::addRow("oci single") << u"single"_s << u"1.0"_s << u"+gzip"_s;
}

void TestRegistryClient::inspectSinglePlatformImages()
{
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    QFETCH(QString, layerSuffix);
    auto c = client();
    auto ref = ImageReference::parseDockerRef(QString(m_anonymous.hostPort() + u'/' + repository + u':' + tag));
    QVERIFY(ref);
    auto job = runJob(new ImageInspectJob(c.get(), *ref, std::nullopt));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    const InspectedImage &r = job->result();
    QVERIFY(!r.index);
    QCOMPARE(r.manifest.digest.toString(), m_images.digest(repository, tag));
    QVERIFY(!r.imageManifest.layers.isEmpty());
    for (const Descriptor &d : r.imageManifest.layers)
        QVERIFY2(d.mediaType.endsWith(layerSuffix), qPrintable(d.mediaType));
    QVERIFY(r.config);
    QCOMPARE(r.config->diffIds.size(), r.imageManifest.layers.size());
}

void TestRegistryClient::inspectNoMatchingPlatform()
{
    auto c = client();
    auto ref = ImageReference::parseDockerRef(QString(m_anonymous.hostPort() + u"/multi:latest"));
    auto job = runJob(new ImageInspectJob(c.get(), *ref, *Platform::parse(u"linux/s390x"_s)));
    QCOMPARE(codeOf(*job), Error::Code::NoMatchingPlatform);
    QVERIFY(job->error()->message().contains(u"linux/arm64"_s));
    QVERIFY(!job->error()->message().contains(u"unknown"_s)); // attestations are not offered
}

void TestRegistryClient::tagsFollowLinkPages()
{
    auto c = client();
    auto job = std::unique_ptr<PagedListJob>(c->listTags(m_anonymous.hostPort(), u"manytags"_s, -1, 100));
    job->setAutoDelete(false);
    QSignalSpy pages(job.get(), &PagedListJob::pageReceived);
    QSignalSpy done(job.get(), &Job::finished);
    job->start();
    QVERIFY(done.wait(20'000));
    QVERIFY(job->succeeded());
    const QStringList expected = m_images.tags(u"manytags"_s);
    QVERIFY(expected.size() > 250);
    QStringList names = job->names();
    names.sort();
    QStringList sortedExpected = expected;
    sortedExpected.sort();
    QCOMPARE(names, sortedExpected); // every tag once, whatever order the registry lists them in
    QVERIFY(!pages.isEmpty());
    QVERIFY(!job->hasMore());

    // docker-registry 2.8 answers tags/list in one page; a registry that pages by Link is scripted.
    HttpServer paged;
    paged.setHandler([](const HttpRequest &request, HttpResponder &r) {
        const QString last = request.query().queryItemValue(u"last"_s);
        const int from = last.isEmpty() ? 0 : last.mid(1).toInt() + 1;
        QJsonArray tags;
        for (int i = from; i < std::min(from + 100, 260); ++i)
            tags.append(u"t%1"_s.arg(i, 3, 10, QChar(u'0')));
        HttpHeaders headers;
        if (from + 100 < 260)
            headers.append(
                {"Link", "</v2/app/tags/list?n=100&last=t" + QByteArray::number(from + 99).rightJustified(3, '0') + ">; rel=\"next\""});
        r.respondJson(200, QJsonDocument(QJsonObject{{u"name"_s, u"app"_s}, {u"tags"_s, tags}}), headers);
    });
    QVERIFY(paged.listen());
    auto scripted = std::unique_ptr<PagedListJob>(c->listTags(u"127.0.0.1:%1"_s.arg(paged.port()), u"app"_s));
    scripted->setAutoDelete(false);
    QSignalSpy scriptedPages(scripted.get(), &PagedListJob::pageReceived);
    QSignalSpy scriptedDone(scripted.get(), &Job::finished);
    scripted->start();
    QVERIFY(scriptedDone.wait(10'000));
    QVERIFY(scripted->succeeded());
    QCOMPARE(scripted->names().size(), 260);
    QCOMPARE(scripted->names().last(), u"t259"_s);
    QCOMPARE(scriptedPages.size(), 3);
    QCOMPARE(paged.requestCount(), 3);
    QCOMPARE(paged.requests().at(1).query().queryItemValue(u"last"_s), u"t099"_s);
}

void TestRegistryClient::tagsRespectLimit()
{
    auto c = client();
    auto all = runJob(c->listTags(m_anonymous.hostPort(), u"manytags"_s, -1, 100));
    QVERIFY(all->succeeded());
    auto job = runJob(c->listTags(m_anonymous.hostPort(), u"manytags"_s, 150, 100));
    QVERIFY(job->succeeded());
    QCOMPARE(job->names().size(), 150);
    QCOMPARE(job->names(), all->names().mid(0, 150));
    QVERIFY(job->hasMore());
    auto exact = runJob(c->listTags(m_anonymous.hostPort(), u"manytags"_s, int(all->names().size()), 100));
    QVERIFY(exact->succeeded());
    QVERIFY(!exact->hasMore());
}

void TestRegistryClient::catalogListsRepositories()
{
    auto c = client();
    // Two names a page: the real registry hands out Link headers, and every page is followed.
    auto job = std::unique_ptr<PagedListJob>(c->catalog(m_anonymous.hostPort(), -1, 2));
    job->setAutoDelete(false);
    QSignalSpy pages(job.get(), &PagedListJob::pageReceived);
    QSignalSpy done(job.get(), &Job::finished);
    job->start();
    QVERIFY(done.wait(10'000));
    QVERIFY(job->succeeded());
    for (const QString &repository : m_images.repositories())
        QVERIFY2(job->names().contains(repository), qPrintable(repository));
    QCOMPARE(pages.size(), int((job->names().size() + 1) / 2));
    QCOMPARE(job->names().size(), QSet<QString>(job->names().cbegin(), job->names().cend()).size());
}

void TestRegistryClient::unknownRepositoryAndTag()
{
    auto c = client();
    auto repo = runJob(c->fetchManifest(m_anonymous.hostPort(), u"no-such-repo"_s, u"latest"_s));
    QCOMPARE(codeOf(*repo), Error::Code::NotFound);
    auto tag = runJob(c->fetchManifest(m_anonymous.hostPort(), u"multi"_s, u"no-such-tag"_s));
    QCOMPARE(codeOf(*tag), Error::Code::NotFound);
    QVERIFY(tag->error()->message().contains(u"no-such-tag"_s));
    auto tags = runJob(c->listTags(m_anonymous.hostPort(), u"no-such-repo"_s));
    QCOMPARE(codeOf(*tags), Error::Code::NotFound);
}

void TestRegistryClient::invalidDigestNeverReachesTheNetwork()
{
    HttpServer server;
    QVERIFY(server.listen());
    auto c = client();
    for (const QString &bad : {u"sha256:../../../etc/passwd"_s, u"sha256:abc"_s, u"md5:d41d8cd98f00b204e9800998ecf8427e"_s}) {
        auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, bad));
        QVERIFY(job->error());
        QVERIFY(job->error()->code() == Error::Code::InvalidDigest || job->error()->code() == Error::Code::UnsupportedDigest);
    }
    QCOMPARE(server.requestCount(), 0);
}

// single:1.0 pushed again as Docker schema 1 (skopeo --format v2s1) to a registry that re-signs it
// on every GET: Wharf's digest is the registry's, and the image reads as the one it came from.
void TestRegistryClient::schema1ReadsAsTheImageItWasConvertedFrom()
{
    RegistryProcess registry;
    RegistryOptions options;
    options.schema1Pushes = true;
    QString error;
    QVERIFY2(registry.start(options, &error), qPrintable(error));
    const auto pushed = Schema1Image::push(m_images, registry, u"old:1.0"_s, &error);
    QVERIFY2(pushed, qPrintable(error));
    QCOMPARE(pushed->mediaType, QString(MediaTypes::DockerSchema1Signed));

    auto c = client();
    auto byTag = runJob(c->fetchManifest(registry.hostPort(), u"old"_s, u"1.0"_s));
    QVERIFY2(byTag->succeeded(), qPrintable(messageOf(*byTag)));
    const FetchedManifest &fetched = byTag->result();
    QCOMPARE(fetched.digest.toString(), pushed->digest);
    QCOMPARE(fetched.mediaType, QString(MediaTypes::DockerSchema1Signed));
    // Kept as what the digest covers: the payload, without the registry's signature.
    QCOMPARE(Digest::sha256Of(fetched.bytes).toString(), pushed->digest);
    QVERIFY(!fetched.bytes.contains("signatures"));
    QCOMPARE(fetched.size, fetched.bytes.size());
    QVERIFY(std::holds_alternative<Schema1Manifest>(*fetched.document));
    auto byDigest = runJob(c->fetchManifest(registry.hostPort(), u"old"_s, pushed->digest));
    QVERIFY2(byDigest->succeeded(), qPrintable(messageOf(*byDigest)));
    QCOMPARE(byDigest->result().bytes, fetched.bytes); // signed again, differently; the payload is the same

    // Cached as the payload, which the cache checks against its name when it reads it back.
    c->setDocumentCache(std::make_shared<DocumentCache>(m_tmp.filePath(u"schema1-cache"_s)));
    auto first = runJob(c->fetchManifest(registry.hostPort(), u"old"_s, u"1.0"_s));
    QVERIFY(first->succeeded() && !first->result().fromCache);
    auto second = runJob(c->fetchManifest(registry.hostPort(), u"old"_s, u"1.0"_s));
    QVERIFY2(second->succeeded(), qPrintable(messageOf(*second)));
    QVERIFY(second->result().fromCache);
    QCOMPARE(second->result().digest.toString(), pushed->digest);

    // The whole image, next to the one it was converted from.
    auto original = runJob(
        new ImageInspectJob(c.get(), *ImageReference::parseDockerRef(QString(m_anonymous.hostPort() + u"/single:1.0"_s)), std::nullopt));
    QVERIFY(original->succeeded());
    for (const std::optional<Platform> &platform :
         {std::optional<Platform>(), std::optional<Platform>(*Platform::parse(u"linux/amd64"_s))}) {
        auto inspected = runJob(new ImageInspectJob(c.get(), *ImageReference::parseDockerRef(pushed->reference), platform));
        QVERIFY2(inspected->succeeded(), qPrintable(messageOf(*inspected)));
        const InspectedImage &image = inspected->result();
        const InspectedImage &source = original->result();
        QVERIFY(!image.index);
        QCOMPARE(image.manifest.digest.toString(), pushed->digest);
        QVERIFY(image.imageManifest.isSchema1());
        QVERIFY(!image.configDescriptor.digest.isValid());
        QVERIFY(image.configBytes.isEmpty());
        QCOMPARE(image.chosen.platform->toString(), u"linux/amd64"_s);
        QStringList layers;
        for (const Descriptor &layer : image.imageManifest.layers) {
            layers.append(layer.digest.toString());
            QCOMPARE(layer.size, -1);
        }
        QCOMPARE(layers, pushed->layers);
        QVERIFY(image.config);
        QCOMPARE(image.config->config.cmd, source.config->config.cmd);
        QCOMPARE(image.config->config.env, source.config->config.env);
        QCOMPARE(image.config->config.labels, source.config->config.labels);
        QCOMPARE(image.config->created, source.config->created);
        QVERIFY(image.history.instructionsMatchLayers);
        QCOMPARE(image.history.rows.size(), source.history.rows.size());
        for (qsizetype i = 0; i < image.history.rows.size(); ++i) {
            const HistoryRow &row = image.history.rows.at(i);
            const HistoryRow &expected = source.history.rows.at(i);
            // The top-most step is the config itself in schema 1 (Docker's converter and c/image's
            // alike), where only the config's container_config.Cmd could say what made it: umoci
            // writes none.
            QCOMPARE(row.instruction(), i + 1 < image.history.rows.size() ? expected.instruction() : QString());
            QCOMPARE(row.created, expected.created);
            QCOMPARE(row.emptyLayer, expected.emptyLayer);
            QCOMPARE(row.layer.has_value(), expected.layer.has_value());
            if (row.layer)
                QCOMPARE(row.layer->digest, expected.layer->digest);
        }
    }
    auto wrongPlatform =
        runJob(new ImageInspectJob(c.get(), *ImageReference::parseDockerRef(pushed->reference), *Platform::parse(u"linux/arm64"_s)));
    QCOMPARE(codeOf(*wrongPlatform), Error::Code::NoMatchingPlatform);
}

void TestRegistryClient::configBlobIsVerified()
{
    auto c = client();
    const QJsonObject config = m_images.image(u"single"_s, u"1.0"_s).value(u"config"_s).toObject();
    Descriptor d;
    d.mediaType = config.value(u"mediaType"_s).toString();
    d.digest = *Digest::parse(config.value(u"digest"_s).toString());
    d.size = config.value(u"size"_s).toInteger();
    auto ok = runJob(c->fetchBlob(m_anonymous.hostPort(), u"single"_s, d));
    QVERIFY(ok->succeeded());
    QCOMPARE(ok->data().size(), d.size);
    QVERIFY(parseConfig(ok->data()));

    d.size += 1; // a descriptor that disagrees with the bytes
    auto wrongSize = runJob(c->fetchBlob(m_anonymous.hostPort(), u"single"_s, d));
    QCOMPARE(codeOf(*wrongSize), Error::Code::SizeMismatch);
    QVERIFY(wrongSize->data().isEmpty());
}

void TestRegistryClient::htpasswd_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("succeeds");
    QTest::addRow("no credentials") << QString() << QString() << false;
    QTest::addRow("wrong password") << u"alice"_s << u"wrong"_s << false;
    QTest::addRow("unknown user") << u"mallory"_s << u"s3cret"_s << false;
    QTest::addRow("right") << u"alice"_s << u"s3cret"_s << true;
}

void TestRegistryClient::htpasswd()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(bool, succeeds);
    StaticCredentialSource source(m_basic.hostPort(), Credentials{user, password, {}});
    auto c = client(user.isEmpty() ? nullptr : &source);
    auto job = runJob(c->fetchManifest(m_basic.hostPort(), u"multi"_s, u"latest"_s));
    if (succeeds) {
        QVERIFY(job->succeeded());
        QCOMPARE(job->result().digest.toString(), m_images.digest(u"multi"_s, u"latest"_s));
        // Basic credentials are now sent up front: no second 401 round trip.
        auto again = runJob(c->listTags(m_basic.hostPort(), u"multi"_s));
        QVERIFY(again->succeeded());
    } else {
        QCOMPARE(codeOf(*job), Error::Code::Unauthorized);
    }
}

void TestRegistryClient::bearerTokenFlowAnonymous()
{
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::Pull);
    const int before = m_tokens.tokensIssued();
    auto c = client();
    auto first = runJob(c->fetchManifest(m_tokenRegistry.hostPort(), u"multi"_s, u"latest"_s));
    QVERIFY2(first->succeeded(), qPrintable(first->error() ? first->error()->message() : QString()));
    QCOMPARE(first->result().digest.toString(), m_images.digest(u"multi"_s, u"latest"_s));
    auto second = runJob(c->fetchManifest(m_tokenRegistry.hostPort(), u"multi"_s, u"latest"_s, true));
    QVERIFY(second->succeeded());
    QCOMPARE(m_tokens.tokensIssued() - before, 1); // cached per scope
    const HttpRequest last = m_tokens.requests().last();
    QVERIFY(!last.hasHeader("Authorization"));
    QCOMPARE(last.query().queryItemValue(u"scope"_s), u"repository:multi:pull"_s);
    QCOMPARE(last.query().queryItemValue(u"service"_s), m_tokens.service());

    // Another repository is another scope, so another token.
    auto other = runJob(c->fetchManifest(m_tokenRegistry.hostPort(), u"single"_s, u"1.0"_s));
    QVERIFY(other->succeeded());
    QCOMPARE(m_tokens.tokensIssued() - before, 2);
}

void TestRegistryClient::bearerTokenFlowCredentials_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("expected"); // -1 success, else Error::Code
    QTest::addRow("anonymous refused") << QString() << QString() << int(Error::Code::Unauthorized);
    QTest::addRow("wrong password") << u"bob"_s << u"nope"_s << int(Error::Code::Unauthorized);
    QTest::addRow("right password") << u"bob"_s << u"hunter2"_s << -1;
}

void TestRegistryClient::bearerTokenFlowCredentials()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(int, expected);
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::EmptyToken);
    StaticCredentialSource source(m_tokenRegistry.hostPort(), Credentials{user, password, {}});
    auto c = client(user.isEmpty() ? nullptr : &source);
    auto job = runJob(c->fetchManifest(m_tokenRegistry.hostPort(), u"multi"_s, u"latest"_s));
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::Pull);
    if (expected < 0) {
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
        const HttpRequest last = m_tokens.requests().last();
        QCOMPARE(last.header("Authorization"), "Basic " + (user + u':' + password).toUtf8().toBase64());
    } else {
        QCOMPARE(int(codeOf(*job)), expected);
        QVERIFY(!job->error()->message().contains(password.isEmpty() ? u"\x01"_s : password)); // never echo a secret
    }
}

void TestRegistryClient::expiredTokenIsRefreshedOnce()
{
    auto c = client();
    m_tokens.issueExpiredTokens(1);
    const int before = m_tokens.tokensIssued();
    auto job = runJob(c->fetchManifest(m_tokenRegistry.hostPort(), u"layers"_s, u"base"_s));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QCOMPARE(m_tokens.tokensIssued() - before, 2);

    m_tokens.issueExpiredTokens(5); // expired again and again: one refresh, then a clear failure
    auto c2 = client();
    auto stuck = runJob(c2->fetchManifest(m_tokenRegistry.hostPort(), u"layers"_s, u"app"_s));
    QCOMPARE(codeOf(*stuck), Error::Code::Unauthorized);
    m_tokens.issueExpiredTokens(0);
}

void TestRegistryClient::identityTokenUsesRefreshGrant()
{
    m_tokens.addRefreshToken(u"idtok-7f3a"_s, u"bob"_s);
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::EmptyToken);
    StaticCredentialSource good(m_tokenRegistry.hostPort(), Credentials{QString(), QString(), u"idtok-7f3a"_s});
    auto c = client(&good);
    auto job = runJob(c->fetchManifest(m_tokenRegistry.hostPort(), u"multi"_s, u"latest"_s));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    const HttpRequest last = m_tokens.requests().last();
    QCOMPARE(last.method, "POST");
    QVERIFY(!last.hasHeader("Authorization"));
    QVERIFY(!last.target.contains("idtok")); // the token travels in the body, never in a URL
    const QUrlQuery form(QString::fromLatin1(last.body));
    QCOMPARE(form.queryItemValue(u"grant_type"_s), u"refresh_token"_s);
    QCOMPARE(form.queryItemValue(u"refresh_token"_s), u"idtok-7f3a"_s);

    StaticCredentialSource bad(m_tokenRegistry.hostPort(), Credentials{QString(), QString(), u"revoked"_s});
    auto c2 = client(&bad);
    auto refused = runJob(c2->fetchManifest(m_tokenRegistry.hostPort(), u"multi"_s, u"latest"_s));
    QCOMPARE(codeOf(*refused), Error::Code::Unauthorized);
    m_tokens.setAnonymousAccess(TokenServer::AnonymousAccess::Pull);
}

void TestRegistryClient::blobStreamsWithRange()
{
    QJsonObject layer; // the largest, so a third of it is a real resume point
    for (const QJsonValue &v : m_images.image(u"single"_s, u"1.0"_s).value(u"layers"_s).toArray())
        if (v[u"size"_s].toInteger() > layer.value(u"size"_s).toInteger())
            layer = v.toObject();
    Descriptor d;
    d.mediaType = layer.value(u"mediaType"_s).toString();
    d.digest = *Digest::parse(layer.value(u"digest"_s).toString());
    d.size = layer.value(u"size"_s).toInteger();
    QVERIFY(d.size > 1000);

    auto c = client();
    QBuffer whole;
    whole.open(QIODevice::WriteOnly);
    auto full = runJob(c->streamBlob(m_anonymous.hostPort(), u"single"_s, d, &whole));
    QVERIFY(full->succeeded());
    QCOMPARE(whole.data().size(), d.size);
    QVERIFY(full->data().isEmpty()); // streamed, not held
    QVERIFY(verifyBytes(whole.data(), d.digest, d.size));

    const qint64 offset = d.size / 3;
    QBuffer tail;
    tail.open(QIODevice::WriteOnly);
    auto job = std::unique_ptr<BlobJob>(c->streamBlob(m_anonymous.hostPort(), u"single"_s, d, &tail, offset));
    job->setAutoDelete(false);
    QSignalSpy progress(job.get(), &BlobJob::progress);
    QSignalSpy done(job.get(), &Job::finished);
    job->start();
    QVERIFY(done.wait(10'000));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QCOMPARE(tail.data(), whole.data().mid(offset));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), d.size); // progress counts from the resume point
}

// A 200 to a ranged request is the whole blob: the sink gets it from the offset on. A 206 for
// another range than the one asked for never reaches the sink.
void TestRegistryClient::rangeIgnoredSkipsWhatTheSinkHas()
{
    QByteArray blob(4096, 'x');
    for (int i = 0; i < blob.size(); ++i)
        blob[i] = char('a' + i % 26);
    Descriptor d;
    d.mediaType = u"application/vnd.oci.image.layer.v1.tar+gzip"_s;
    d.digest = Digest::sha256Of(blob);
    d.size = blob.size();
    HttpServer server;
    int calls = 0;
    server.setHandler([&blob, &calls](const HttpRequest &, HttpResponder &r) {
        if (++calls == 1)
            r.respond(200, blob); // ignores Range
        else
            r.respond(206, blob.mid(10), {{"Content-Range", "bytes 10-4095/4096"}}); // not where we asked
    });
    QVERIFY(server.listen());
    auto c = client();
    const QString host = u"127.0.0.1:%1"_s.arg(server.port());

    QBuffer tail;
    tail.open(QIODevice::WriteOnly);
    auto whole = runJob(c->streamBlob(host, u"app"_s, d, &tail, 1000));
    QVERIFY2(whole->succeeded(), qPrintable(whole->error() ? whole->error()->message() : QString()));
    QCOMPARE(tail.data(), blob.mid(1000));
    QCOMPARE(whole->bytesReceived(), blob.size() - 1000);

    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    auto misplaced = runJob(c->streamBlob(host, u"app"_s, d, &sink, 1000));
    QCOMPARE(codeOf(*misplaced), Error::Code::ServerError);
    QVERIFY(misplaced->error()->isRetryable());
    QCOMPARE(sink.data().size(), 0); // a wrong answer never reaches the partial file
    for (const HttpRequest &r : server.requests())
        QCOMPARE(r.header("Range"), "bytes=1000-");
}

// --- scripted misbehaviour -------------------------------------------------------------------

void TestRegistryClient::lyingDigestHeader()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &r) {
        r.respond(200, kOciManifest,
                  {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"},
                   {"Docker-Content-Digest", "sha256:" + QByteArray(64, 'a')}});
    });
    QVERIFY(server.listen());
    auto c = client();
    auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, u"latest"_s));
    QCOMPARE(codeOf(*job), Error::Code::DigestMismatch);
}

void TestRegistryClient::digestMismatchByDigest()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &r) {
        r.respond(200, kOciManifest, {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}});
    });
    QVERIFY(server.listen());
    auto c = client();
    const QString other = Digest::sha256Of("something else").toString();
    auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, other));
    QCOMPARE(codeOf(*job), Error::Code::DigestMismatch);
}

void TestRegistryClient::mediaTypeConfusion()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &request, HttpResponder &r) {
        if (request.path().endsWith(u"/index-as-manifest"_s))
            r.respond(200, kOciIndex, {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}});
        else
            r.respond(200, kOciManifest, {{"Content-Type", "application/vnd.oci.image.index.v1+json"}});
    });
    QVERIFY(server.listen());
    auto c = client();
    for (const QString &tag : {u"index-as-manifest"_s, u"manifest-as-index"_s}) {
        auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, tag));
        QCOMPARE(codeOf(*job), Error::Code::MediaTypeMismatch);
    }
}

void TestRegistryClient::oversizedManifest()
{
    HttpServer server;
    const QByteArray huge = "{\"schemaVersion\":2," + QByteArray(5 * 1024 * 1024, ' ') + "}";
    server.setHandler([&huge](const HttpRequest &request, HttpResponder &r) {
        if (request.path().endsWith(u"/chunked"_s)) { // no Content-Length: the cap must hold while reading
            r.writeHead(200, {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}}, -1);
            r.writeBody(huge);
            r.finish();
        } else {
            r.respond(200, huge, {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}});
        }
    });
    QVERIFY(server.listen());
    auto c = client();
    for (const QString &tag : {u"declared"_s, u"chunked"_s}) {
        auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, tag));
        QCOMPARE(codeOf(*job), Error::Code::TooLarge);
    }
}

void TestRegistryClient::malformedManifest()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &r) {
        r.respond(200, "{\"schemaVersion\":2,\"layers\":[", {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}});
    });
    QVERIFY(server.listen());
    auto c = client();
    auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, u"latest"_s));
    QCOMPARE(codeOf(*job), Error::Code::MalformedDocument);
}

void TestRegistryClient::rateLimitedThenServed()
{
    HttpServer server;
    int calls = 0;
    server.setHandler([&calls](const HttpRequest &, HttpResponder &r) {
        if (++calls == 1)
            r.respond(429, R"({"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]})", {{"Retry-After", "1"}});
        else
            r.respond(200, kOciManifest, {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}});
    });
    QVERIFY(server.listen());
    auto c = client();
    QElapsedTimer clock;
    clock.start();
    auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, u"latest"_s));
    QVERIFY(job->succeeded());
    QCOMPARE(calls, 2);
    QVERIFY2(clock.elapsed() >= 900, "Retry-After was not honoured");
}

void TestRegistryClient::serviceUnavailableTwiceThenServed()
{
    HttpServer server;
    int calls = 0;
    server.setHandler([&calls](const HttpRequest &, HttpResponder &r) {
        if (++calls <= 2)
            r.respond(503, "busy");
        else
            r.respond(200, kOciManifest, {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}});
    });
    QVERIFY(server.listen());
    auto c = client();
    auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, u"latest"_s));
    QVERIFY(job->succeeded());
    QCOMPARE(calls, 3);
}

void TestRegistryClient::serverErrorsExhaustRetries()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &r) { r.respond(503, "busy"); });
    QVERIFY(server.listen());
    auto c = client();
    auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, u"latest"_s));
    QCOMPARE(codeOf(*job), Error::Code::ServerError);
    QVERIFY(job->error()->isRetryable());
    QCOMPARE(server.requestCount(), qsizetype(c->retryPolicy().maxAttempts));
}

void TestRegistryClient::stalledBodyTimesOut()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &r) {
        HttpResponder::StreamOptions o;
        o.stallAt = kOciManifest.size() / 2;
        r.stream(200, {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}}, kOciManifest, o);
    });
    QVERIFY(server.listen());
    auto c = client();
    c->setTransferTimeoutMs(300);
    QElapsedTimer clock;
    clock.start();
    auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, u"latest"_s));
    QCOMPARE(codeOf(*job), Error::Code::Timeout);
    QCOMPARE(server.requestCount(), qsizetype(c->retryPolicy().maxAttempts));
    QVERIFY(clock.elapsed() < 10'000);
}

void TestRegistryClient::truncatedBodyIsRetried()
{
    HttpServer server;
    int calls = 0;
    server.setHandler([&calls](const HttpRequest &, HttpResponder &r) {
        HttpResponder::StreamOptions o;
        if (++calls == 1)
            o.closeAt = kOciManifest.size() / 3; // Content-Length promises more than is sent
        r.stream(200, {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}}, kOciManifest, o);
    });
    QVERIFY(server.listen());
    auto c = client();
    auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, u"latest"_s));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QCOMPARE(calls, 2);
    QCOMPARE(job->result().digest, Digest::sha256Of(kOciManifest));
}

void TestRegistryClient::blobRedirectDropsAuthorization()
{
    const QByteArray blob = "layer bytes that live on a CDN";
    Descriptor d;
    d.mediaType = u"application/vnd.oci.image.layer.v1.tar+gzip"_s;
    d.digest = Digest::sha256Of(blob);
    d.size = blob.size();

    HttpServer cdn; // another origin: must never see the registry's credentials
    cdn.setHandler([&blob](const HttpRequest &, HttpResponder &r) { r.respond(200, blob); });
    QVERIFY(cdn.listen());
    HttpServer registry;
    registry.setHandler([&cdn](const HttpRequest &request, HttpResponder &r) {
        if (request.header("Authorization") != "Basic " + QByteArray("alice:s3cret").toBase64()) {
            r.respond(401, R"({"errors":[{"code":"UNAUTHORIZED"}]})", {{"WWW-Authenticate", R"(Basic realm="test")"}});
            return;
        }
        r.respond(307, {}, {{"Location", cdn.baseUrl().toString().toUtf8() + "/data?verify=signed"}});
    });
    QVERIFY(registry.listen());
    const QString host = u"127.0.0.1:%1"_s.arg(registry.port());
    StaticCredentialSource source(host, Credentials{u"alice"_s, u"s3cret"_s, {}});
    auto c = client(&source);
    auto job = runJob(c->fetchBlob(host, u"app"_s, d));
    QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message() : QString()));
    QCOMPARE(job->data(), blob);
    QCOMPARE(cdn.requestCount(), 1);
    QVERIFY(!cdn.requests().first().hasHeader("Authorization"));
    QCOMPARE(cdn.requests().first().header("Accept-Encoding"), "identity");
    QVERIFY(registry.requests().last().hasHeader("Authorization"));
}

void TestRegistryClient::redirectLoopStops()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &request, HttpResponder &r) { r.respond(302, {}, {{"Location", request.target + "x"}}); });
    QVERIFY(server.listen());
    auto c = client();
    auto job = runJob(c->fetchManifest(u"127.0.0.1:%1"_s.arg(server.port()), u"app"_s, u"latest"_s));
    QCOMPARE(codeOf(*job), Error::Code::RedirectRefused);
    QCOMPARE(server.requestCount(), 11); // the first request and ten hops
}

void TestRegistryClient::plainHttpRefusedOffLoopback()
{
    auto c = client();
    QCOMPARE(c->baseUrl(u"registry.example:5000"_s).scheme(), u"https"_s);
    QCOMPARE(c->baseUrl(u"docker.io"_s).host(), u"registry-1.docker.io"_s);
    QCOMPARE(c->baseUrl(u"127.0.0.1:5000"_s).scheme(), u"http"_s);
    QCOMPARE(c->baseUrl(u"localhost:5000"_s).scheme(), u"http"_s);
    QVERIFY(!c->allowsPlainHttp(QUrl(u"http://registry.example:5000/v2/"_s)));
    c->setInsecureRegistries({u"registry.example:5000"_s});
    QCOMPARE(c->baseUrl(u"registry.example:5000"_s).scheme(), u"http"_s);

    // A token realm on plain HTTP off loopback is refused before any connection is made.
    net::HttpRequestSpec spec;
    spec.url = QUrl(u"http://192.0.2.1/token"_s);
    spec.allowPlainHttp = [&c](const QUrl &url) { return c->allowsPlainHttp(url); };
    auto job = runJob(new net::HttpExchange(c->network(), spec));
    QCOMPARE(codeOf(*job), Error::Code::InsecureRefused);
}

void TestRegistryClient::rateLimitHeadersSurface()
{
    HttpServer server;
    server.setHandler([](const HttpRequest &, HttpResponder &r) {
        r.respond(200, kOciManifest,
                  {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"},
                   {"ratelimit-limit", "100;w=21600"},
                   {"ratelimit-remaining", "76;w=21600"},
                   {"docker-ratelimit-source", "192.0.2.1"}});
    });
    QVERIFY(server.listen());
    auto c = client();
    QSignalSpy changed(c.get(), &RegistryClient::rateLimitChanged);
    const QString host = u"127.0.0.1:%1"_s.arg(server.port());
    auto job = runJob(c->fetchManifest(host, u"app"_s, u"latest"_s, true));
    QVERIFY(job->succeeded()); // HEAD without a digest header falls back to GET
    QCOMPARE(changed.size(), 1);
    QCOMPARE(c->rateLimit(host).limit, 100);
    QCOMPARE(c->rateLimit(host).remaining, 76);
    QCOMPARE(c->rateLimit(host).windowSeconds, 21600);
    QCOMPARE(c->rateLimit(host).source, u"192.0.2.1"_s);
}

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
