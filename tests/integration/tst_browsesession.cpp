// BrowseSession against the registry test bed: a tag resolves once with this machine's platform,
// another platform is resolved by the digest that was shown (even after the tag has moved), a pull
// asks for that digest, a newer click wins over an older one, and failures say which scope failed.
// A stored image opens from the store alone (no request), its repository's other stored images are
// what a comparison looks at first, and picking its tag again asks the registry.

#include "registry/DocumentCache.h"
#include "registry/RegistryClient.h"
#include "services/BrowseSession.h"
#include "FaultProxy.h"
#include "RegistryProcess.h"
#include "TestbedImages.h"
#include "TestbedStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wharf;
using namespace wharf::testbed;

class TestBrowseSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void tagThenPlatformThenPull();
    void theShownDigestOutlivesAMovedTag();
    void latestClickWins();
    void failuresNameTheirScope();
    void otherSideOfACompare();
    void storedImageFromTheStoreAlone();

private:
    [[nodiscard]] ImageReference repository(const QString &name) const
    {
        return *ImageReference::parseDockerRef(QString(m_proxy->hostPort() + u'/' + name));
    }

    TestbedImages m_images;
    RegistryProcess m_registry;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<RegistryClient> m_client;
};

void TestBrowseSession::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    QVERIFY2(m_registry.start(options, &error), qPrintable(error));
    m_proxy = std::make_unique<FaultProxy>(m_registry.hostPort());
    QVERIFY2(m_proxy->listen(&error), qPrintable(error));
}

void TestBrowseSession::init()
{
    m_proxy->clearRules();
    m_proxy->clearRecords();
    m_client = std::make_unique<RegistryClient>();
    m_client->setDocumentCache(std::make_shared<DocumentCache>());
    net::RetryPolicy once;
    once.maxAttempts = 1;
    m_client->setRetryPolicy(once);
}

void TestBrowseSession::tagThenPlatformThenPull()
{
    BrowseSession session(m_client.get(), nullptr);
    QSignalSpy resolved(&session, &BrowseSession::resolved);
    QSignalSpy unavailable(&session, &BrowseSession::detailsUnavailable);
    session.setRepository(repository(u"multi:whatever"_s));
    QCOMPARE(session.repository().tag(), QString()); // the tag is the session's own
    QCOMPARE(unavailable.size(), 1);                 // not Docker Hub: no details to ask for

    session.setTag(u"latest"_s);
    QVERIFY(resolved.wait());
    QCOMPARE(resolved.last().at(0).value<BrowseSession::Scope>(), BrowseSession::Scope::Tag);
    QCOMPARE(session.shownDigest().toString(), m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(session.platform(), Platform::host().normalized().toString());
    QCOMPARE(session.image()->platforms.size(), 3);

    const QString arm = m_images.platforms(u"multi"_s, u"latest"_s).value(1);
    session.setPlatform(arm);
    QVERIFY(resolved.wait());
    QCOMPARE(resolved.last().at(0).value<BrowseSession::Scope>(), BrowseSession::Scope::Platform);
    QCOMPARE(session.platform(), arm);
    QCOMPARE(session.image()->chosen.digest.toString(), m_images.imageDigest(u"multi"_s, u"latest"_s, arm));

    const auto pull = session.pullRequest(arm);
    QVERIFY(pull);
    QCOMPARE(pull->reference.tag(), u"latest"_s);
    QVERIFY(pull->pinned);
    QCOMPARE(pull->pinned->toString(), m_images.digest(u"multi"_s, u"latest"_s));
    QCOMPARE(pull->platform->toString(), arm);
    QVERIFY(!session.pullRequest(u"not a platform"_s));

    // Selecting the same tag again asks nothing.
    const qsizetype before = m_proxy->requestCount();
    session.setTag(u"latest"_s);
    QTest::qWait(100);
    QCOMPARE(m_proxy->requestCount(), before);
}

void TestBrowseSession::theShownDigestOutlivesAMovedTag()
{
    BrowseSession session(m_client.get(), nullptr);
    QSignalSpy resolved(&session, &BrowseSession::resolved);
    session.setRepository(repository(u"multi"_s));
    session.setTag(u"latest"_s);
    QVERIFY(resolved.wait());
    const qsizetype seen = m_proxy->requestCount();
    // The tag now names another image: asking the tag again would answer 404 here.
    m_proxy->addRule({{}, FaultRule::manifestPath(u"latest"_s), fault::Status{404, {}, "{}"}});
    session.setPlatform(m_images.platforms(u"multi"_s, u"latest"_s).value(2));
    QVERIFY(resolved.wait());
    QCOMPARE(session.image()->index->digest.toString(), m_images.digest(u"multi"_s, u"latest"_s));
    int byTag = 0;
    const QList<HttpRequest> requests = m_proxy->requests();
    for (qsizetype i = seen; i < requests.size(); ++i)
        byTag += requests.at(i).path().endsWith(u"/manifests/latest"_s);
    QCOMPARE(byTag, 0); // the platform came by the index's digest
}

void TestBrowseSession::latestClickWins()
{
    BrowseSession session(m_client.get(), nullptr);
    QSignalSpy resolved(&session, &BrowseSession::resolved);
    QSignalSpy failed(&session, &BrowseSession::resolveFailed);
    session.setRepository(repository(u"layers"_s));
    m_proxy->addRule({{}, FaultRule::manifestPath(u"base"_s), fault::DelayMs{300}});
    session.setTag(u"base"_s);
    session.setTag(u"app"_s); // before base has answered
    QVERIFY(resolved.wait());
    QTest::qWait(500); // base's answer arrives, and is dropped
    QCOMPARE(resolved.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(session.tag(), u"app"_s);
    QCOMPARE(session.shownDigest().toString(), m_images.digest(u"layers"_s, u"app"_s));
}

void TestBrowseSession::failuresNameTheirScope()
{
    BrowseSession session(m_client.get(), nullptr);
    QSignalSpy failed(&session, &BrowseSession::resolveFailed);
    QSignalSpy resolved(&session, &BrowseSession::resolved);
    session.setRepository(repository(u"multi"_s));
    session.setTag(u"no-such-tag"_s);
    QVERIFY(failed.wait());
    QCOMPARE(failed.last().at(1).value<BrowseSession::Scope>(), BrowseSession::Scope::Tag);
    QCOMPARE(failed.last().at(0).value<Error>().code(), Error::Code::NotFound);
    QVERIFY(!session.image());

    session.setTag(u"latest"_s);
    QVERIFY(resolved.wait());
    session.setPlatform(u"windows/arm64"_s);
    QVERIFY(failed.wait());
    QCOMPARE(failed.last().at(1).value<BrowseSession::Scope>(), BrowseSession::Scope::Platform);
    QCOMPARE(failed.last().at(0).value<Error>().code(), Error::Code::NoMatchingPlatform);
    QVERIFY(session.image()); // the image shown before stays shown

    // Retry asks again for what failed: the platform, not the tag.
    failed.clear();
    session.retry();
    QVERIFY(failed.wait());
    QCOMPARE(failed.last().at(1).value<BrowseSession::Scope>(), BrowseSession::Scope::Platform);
}

void TestBrowseSession::otherSideOfACompare()
{
    BrowseSession session(m_client.get(), nullptr);
    QSignalSpy resolved(&session, &BrowseSession::resolved);
    QSignalSpy other(&session, &BrowseSession::otherResolved);
    QSignalSpy otherFailed(&session, &BrowseSession::otherFailed);
    session.setRepository(repository(u"layers"_s));
    session.setTag(u"base"_s);
    QVERIFY(resolved.wait());
    session.resolveOther(u"app"_s, QString());
    QVERIFY(other.wait());
    QCOMPARE(other.last().at(0).value<InspectedImage>().chosen.digest.toString(), m_images.imageDigest(u"layers"_s, u"app"_s));
    session.resolveOther(u"nope"_s, QString());
    QVERIFY(otherFailed.wait());
    QCOMPARE(resolved.size(), 1); // the image shown is untouched
}

void TestBrowseSession::storedImageFromTheStoreAlone()
{
    QTemporaryDir dir;
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    const QString reference = m_proxy->hostPort() + u"/multi:latest"_s;
    const QStringList platforms = m_images.platforms(u"multi"_s, u"latest"_s);
    const QString amd = platforms.value(0);
    const QString arm = platforms.value(1);
    QString error;
    const TestbedStore testbed(m_images, *store);
    QVERIFY2(testbed.addImage(reference, u"multi"_s, u"latest"_s, amd, &error), qPrintable(error));
    QVERIFY2(testbed.addImage(reference, u"multi"_s, u"latest"_s, arm, &error), qPrintable(error));
    QVERIFY2(testbed.addImage(m_proxy->hostPort() + u"/single:1.0"_s, u"single"_s, u"1.0"_s, {}, &error), qPrintable(error));
    const auto stored = store->findImages(reference, *Platform::parse(arm));
    QVERIFY(stored);

    BrowseSession session(m_client.get(), nullptr);
    session.setStore(*store);
    QSignalSpy resolving(&session, &BrowseSession::resolving);
    QSignalSpy resolved(&session, &BrowseSession::resolved);
    QSignalSpy other(&session, &BrowseSession::otherResolved);
    QSignalSpy otherFailed(&session, &BrowseSession::otherFailed);
    session.setRepository(repository(u"multi"_s));
    session.openStored(stored->first());
    QCOMPARE(resolving.size(), 1);
    QVERIFY(resolved.wait());
    QCOMPARE(resolved.last().at(0).value<BrowseSession::Scope>(), BrowseSession::Scope::Tag);
    QVERIFY(session.isStored());
    QCOMPARE(session.tag(), u"latest"_s);
    QCOMPARE(session.platform(), arm);
    QCOMPARE(session.image()->chosen.digest.toString(), m_images.imageDigest(u"multi"_s, u"latest"_s, arm));
    QVERIFY(!session.image()->history.rows.isEmpty());
    QVERIFY(session.image()->config);
    QCOMPARE(session.image()->imageManifest.layers.size(), m_images.layerDigests(u"multi"_s, u"latest"_s, arm).size());
    // Both platforms of the repository, not the other repository's image.
    QCOMPARE(session.storedImages().size(), 2);
    // A pull of it asks for the digest shown.
    QCOMPARE(session.pullRequest(arm)->pinned->toString(), m_images.imageDigest(u"multi"_s, u"latest"_s, arm));

    // The other stored platform, for a comparison: from the store too.
    session.resolveOther(u"latest"_s, amd);
    QVERIFY(other.wait());
    QCOMPARE(other.last().at(0).value<InspectedImage>().chosen.digest.toString(), m_images.imageDigest(u"multi"_s, u"latest"_s, amd));
    QCOMPARE(m_proxy->requestCount(), 0);

    // A tag the store lacks: the registry, and a failure says the store did not have it.
    session.resolveOther(u"nope"_s, QString());
    QVERIFY(otherFailed.wait());
    QCOMPARE(otherFailed.last().at(0).value<Error>().code(), Error::Code::NotFound);
    QVERIFY(otherFailed.last().at(0).value<Error>().message().contains(u"local store"_s));
    QVERIFY(m_proxy->requestCount() > 0);

    // Its tag picked again: the registry's image of it, with every platform of the index.
    session.setTag(u"latest"_s);
    QVERIFY(resolved.wait());
    QVERIFY(!session.isStored());
    QVERIFY(session.image()->index);
    QCOMPARE(session.image()->platforms.size(), 3);
    QVERIFY(session.storedImages().isEmpty());
}

QTEST_GUILESS_MAIN(TestBrowseSession)
#include "tst_browsesession.moc"
