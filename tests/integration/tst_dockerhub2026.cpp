// Docker Hub as it is in 2026, end to end against DockerHubBed (the test bed's images in a real
// docker-registry as docker.io, the Hub emulator in front of the same storage): tag names complete
// from the registry past the Hub's anonymous paging cap, the Hub's details for what it describes,
// signing in to the Hub's API with the saved docker.io credential (deep pages, private
// repositories), search v4 by platform and badge with Docker Hardened Images first, and the legacy
// routes taken (and remembered) when the current ones are gone. The CLI is run as a person runs it;
// the Tags pane's model is driven as the pane drives it.
#include "DockerHubBed.h"
#include "TestSupport.h"

#include "credentials/StaticCredentialSource.h"
#include "hub/HubClient.h"
#include "hub/HubTypes.h"
#include "itemmodels/TagListModel.h"
#include "registry/RegistryClient.h"
#include "services/TagLister.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = 60'000;
constexpr int kAnonymousCap = 100; // tags the Hub describes without signing in

ProgramRun runWharf(const QStringList &arguments, const QProcessEnvironment &env)
{
    return runProgram(QStringLiteral(WHARF_EXECUTABLE), arguments, env, {}, 120'000);
}

int countRequests(const QList<HttpRequest> &requests, const QString &pathPart)
{
    return int(std::ranges::count_if(requests, [&](const HttpRequest &r) { return r.path().contains(pathPart); }));
}

} // namespace

class TestDockerHub2026 final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void tagsPastTheAnonymousCapFromTheCli();
    void tagsSignedInAreAllDescribed();
    void wrongPasswordGoesOnAnonymously();
    void tagsPaneModelPastTheCap();
    void searchByPlatformAndBadge();
    void hardenedImagesFirst();
    void legacyRoutesWhenCurrentAreGone();
    void privateRepositoriesNeedTheOwner();
    void myRepositoriesFromTheCli();
    void hubApiRateLimitRetryAfterAsUnixTime();

private:
    [[nodiscard]] QProcessEnvironment environment(const QString &user = {}, const QString &secret = {});

    DockerHubBed m_bed;
    QTemporaryDir m_home;
};

void TestDockerHub2026::initTestCase()
{
    QString error;
    QVERIFY2(m_bed.start(&error), qPrintable(error));
    m_bed.hub().setAnonymousPagingLimit(kAnonymousCap);
    m_bed.hub().addAccount(u"alice"_s, u"dckr_pat_alice-token"_s);
}

void TestDockerHub2026::init()
{
    m_bed.hub().clearRequests();
    m_bed.proxy().clearRequests();
}

QProcessEnvironment TestDockerHub2026::environment(const QString &user, const QString &secret)
{
    QProcessEnvironment env = testEnvironment();
    env.insert(u"WHARF_HUB_URL"_s, m_bed.hub().baseUrl().toString());
    env.insert(u"WHARF_DOCKERHUB_REGISTRY_URL"_s, m_bed.proxy().baseUrl().toString());
    if (!user.isEmpty()) {
        // A docker login as config.json keeps it.
        const QString folder = m_home.filePath(user);
        QDir().mkpath(folder);
        QFile config(folder + u"/config.json"_s);
        if (!config.open(QIODevice::WriteOnly))
            return env;
        const QByteArray auth = (user + u':' + secret).toUtf8().toBase64();
        config.write(R"({"auths":{"https://index.docker.io/v1/":{"auth":")" + auth + R"("}}})");
        env.insert(u"DOCKER_CONFIG"_s, folder);
    }
    return env;
}

void TestDockerHub2026::tagsPastTheAnonymousCapFromTheCli()
{
    const ProgramRun r = runWharf({u"tags"_s, u"manytags"_s, u"--limit"_s, u"1000"_s, u"--json"_s}, environment());
    QCOMPARE(r.exitCode, 0);
    const QJsonArray tags = r.json()[u"tags"_s].toArray();
    QCOMPARE(tags.size(), 260); // every name, from the registry's tags/list
    int described = 0;
    for (const QJsonValue &tag : tags)
        described += tag[u"digest"_s].isString() ? 1 : 0;
    QCOMPARE(described, kAnonymousCap); // the Hub described the first 100 only
    QVERIFY2(r.err.contains("sign in"), r.err.constData());
    // Newest versions first over the whole list, latest pinned at the top.
    QCOMPARE(tags.first()[u"name"_s].toString(), u"latest"_s);
    // The Hub was asked once past the cap and refused; no manifest GET was spent.
    const QList<HttpRequest> hub = m_bed.hub().requests();
    QCOMPARE(countRequests(hub, u"/tags"_s), 2);
    QCOMPARE(countRequests(m_bed.proxy().requests(), u"/manifests/"_s), 0);
    QCOMPARE(m_bed.hub().signInCount(), 0);

    // --platforms reads the rest from the registry: every tag then has its digest.
    m_bed.proxy().clearRequests();
    const ProgramRun all = runWharf({u"tags"_s, u"manytags"_s, u"--limit"_s, u"1000"_s, u"--platforms"_s, u"--json"_s}, environment());
    QCOMPARE(all.exitCode, 0);
    for (const QJsonValue &tag : all.json()[u"tags"_s].toArray())
        QVERIFY2(tag[u"digest"_s].isString(), qPrintable(tag[u"name"_s].toString()));
    QCOMPARE(countRequests(m_bed.proxy().requests(), u"/manifests/"_s), 260 - kAnonymousCap);
    QVERIFY2(!all.err.contains("sign in"), all.err.constData());
}

void TestDockerHub2026::tagsSignedInAreAllDescribed()
{
    const ProgramRun r =
        runWharf({u"tags"_s, u"manytags"_s, u"--limit"_s, u"1000"_s, u"--json"_s}, environment(u"alice"_s, u"dckr_pat_alice-token"_s));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QJsonArray tags = r.json()[u"tags"_s].toArray();
    QCOMPARE(tags.size(), 260);
    for (const QJsonValue &tag : tags)
        QVERIFY2(tag[u"digest"_s].isString(), qPrintable(tag[u"name"_s].toString()));
    QCOMPARE(m_bed.hub().signInCount(), 1); // one token for the whole run
    QCOMPARE(countRequests(m_bed.hub().requests(), u"/tags"_s), 3);
    const QList<HttpRequest> hub = m_bed.hub().requests();
    for (const HttpRequest &request : hub) {
        if (request.path().contains(u"/tags"_s))
            QVERIFY(request.header("Authorization").startsWith("Bearer "));
    }
    // The bearer went to the Hub only, never to the registry (which gets the registry's own flow).
    for (const HttpRequest &request : m_bed.proxy().requests())
        QVERIFY(!request.header("Authorization").startsWith("Bearer eyJ"));
}

void TestDockerHub2026::wrongPasswordGoesOnAnonymously()
{
    const int before = m_bed.hub().signInCount();
    const ProgramRun r = runWharf({u"tags"_s, u"manytags"_s, u"--limit"_s, u"5"_s}, environment(u"alice"_s, u"wrong"_s));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_bed.hub().signInCount(), before + 1); // asked once, not once per page
    QVERIFY2(r.err.contains("signing in to Docker Hub as alice"), r.err.constData());
    QVERIFY2(QString::fromUtf8(r.out).count(u'\n') >= 5, r.out.constData()); // the five tags, anonymously
}

void TestDockerHub2026::tagsPaneModelPastTheCap()
{
    RegistryClient registry;
    HubClient hub;
    hub.setBaseUrl(m_bed.hub().baseUrl());
    TagListModel model(&hub, &registry);
    QAbstractItemModelTester tester(&model);
    model.setRepository(*ImageReference::parseDockerRef(u"manytags"_s));
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), TagListModel::State::Ready, kTimeout);
    QCOMPARE(model.rowCount(), 260);
    int described = 0;
    int firstBare = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        const bool loaded = model.index(row).data(TagListModel::DetailsLoadedRole).toBool();
        described += loaded ? 1 : 0;
        if (!loaded && firstBare < 0)
            firstBare = row;
    }
    QCOMPARE(described, kAnonymousCap);
    QVERIFY2(model.endNote().contains(u"sign in"_s, Qt::CaseInsensitive), qPrintable(model.endNote()));
    // A row past the cap gets its details from the registry when the view asks.
    QVERIFY(firstBare >= 0);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.requestDetails(firstBare);
    QVERIFY(changed.wait(kTimeout));
    QTRY_VERIFY_WITH_TIMEOUT(model.index(firstBare).data(TagListModel::DetailsLoadedRole).toBool(), kTimeout);
    QVERIFY(model.index(firstBare).data(TagListModel::DigestRole).toString().startsWith(u"sha256:"_s));
}

void TestDockerHub2026::searchByPlatformAndBadge()
{
    // Which images run on linux/arm64? Every result lists arm64; an amd64-only image is left out.
    const ProgramRun r =
        runWharf({u"search"_s, u"i"_s, u"--os"_s, u"linux"_s, u"--arch"_s, u"arm64"_s, u"--limit"_s, u"100"_s, u"--json"_s}, environment());
    QCOMPARE(r.exitCode, 0);
    const QJsonArray results = r.json()[u"results"_s].toArray();
    QVERIFY(!results.isEmpty());
    QStringList names;
    for (const QJsonValue &result : results) {
        names.append(result[u"name"_s].toString());
        QVERIFY2(result[u"architectures"_s].toArray().contains(u"arm64"_s), qPrintable(result[u"name"_s].toString()));
    }
    QVERIFY2(names.contains(u"multi"_s), qPrintable(names.join(u' ')));
    QVERIFY2(!names.contains(u"single"_s), qPrintable(names.join(u' ')));
    const HttpRequest sent = m_bed.hub().requests().first();
    QCOMPARE(sent.path(), u"/api/search/v4"_s);
    QCOMPARE(sent.query().queryItemValue(u"architectures"_s), u"arm64"_s);
    QCOMPARE(sent.query().queryItemValue(u"operating_systems"_s), u"linux"_s);

    // Official only, sorted by pulls.
    const ProgramRun official =
        runWharf({u"search"_s, u"i"_s, u"--badge"_s, u"official"_s, u"--sort"_s, u"pulls"_s, u"--json"_s}, environment());
    QCOMPARE(official.exitCode, 0);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const QJsonValue &result : official.json()[u"results"_s].toArray()) {
        QVERIFY(result[u"official"_s].toBool());
        QVERIFY(result[u"pulls"_s].toInteger() <= previous);
        previous = result[u"pulls"_s].toInteger();
    }
    // A badge Wharf does not know is a usage error, said before any request.
    m_bed.hub().clearRequests();
    const ProgramRun bad = runWharf({u"search"_s, u"i"_s, u"--badge"_s, u"shiny"_s}, environment());
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(m_bed.hub().requests().isEmpty());
}

void TestDockerHub2026::hardenedImagesFirst()
{
    m_bed.hub().addHardenedImage(u"multi-hardened"_s, u"A hardened multi"_s);
    const ProgramRun r = runWharf({u"search"_s, u"multi"_s, u"--json"_s}, environment());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject first = r.json()[u"results"_s].toArray().first().toObject();
    QVERIFY(first[u"hardened"_s].toBool());
    QCOMPARE(first[u"reference"_s].toString(), u"dhi.io/multi-hardened"_s);
    const ProgramRun plain = runWharf({u"search"_s, u"multi"_s}, environment());
    QVERIFY2(plain.out.contains("hardened"), plain.out.constData());
}

void TestDockerHub2026::legacyRoutesWhenCurrentAreGone()
{
    HubClient hub;
    hub.setBaseUrl(m_bed.hub().baseUrl());
    m_bed.hub().dropRoute(HubEmulator::Route::Tags);
    m_bed.hub().dropRoute(HubEmulator::Route::SearchV4);
    // Tags: the current route answers 410, the legacy one serves, and is asked first from then on.
    for (int round = 0; round < 2; ++round) {
        m_bed.hub().clearRequests();
        std::unique_ptr<HubRequest> tags(hub.tags(u"library"_s, u"multi"_s));
        tags->setAutoDelete(false);
        QSignalSpy done(tags.get(), &Job::finished);
        tags->start();
        QVERIFY(done.wait(kTimeout));
        QVERIFY2(tags->succeeded(), qPrintable(tags->error() ? tags->error()->message() : QString()));
        QVERIFY(tags->usedLegacyRoute() || round == 1);
        QVERIFY(hub::parseTagsPage(tags->json()));
        QCOMPARE(m_bed.hub().requests().size(), round == 0 ? 2 : 1);
        QVERIFY(hub.isLegacy(HubRoute::Tags));
    }
    // Search by platform at the legacy search: results come, unfiltered, and that is said.
    const ProgramRun r = runWharf({u"search"_s, u"multi"_s, u"--arch"_s, u"arm64"_s}, environment());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("multi"));
    QVERIFY2(r.err.contains("not filtered"), r.err.constData());
    m_bed.hub().restoreRoutes();
    // A v4 that answers {} (what a retired search answers) is treated as gone too.
    m_bed.hub().setSearchV4Empty(true);
    m_bed.hub().clearRequests();
    const ProgramRun empty = runWharf({u"search"_s, u"multi"_s, u"--json"_s}, environment());
    m_bed.hub().setSearchV4Empty(false);
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(!empty.json()[u"results"_s].toArray().isEmpty());
    QCOMPARE(countRequests(m_bed.hub().requests(), u"/v2/search/repositories"_s), 1);
}

void TestDockerHub2026::privateRepositoriesNeedTheOwner()
{
    m_bed.hub().setPrivate(u"library/single"_s, u"alice"_s);
    const ProgramRun anonymous = runWharf({u"search"_s, u"single"_s, u"--json"_s}, environment());
    QCOMPARE(anonymous.exitCode, 0);
    QCOMPARE(anonymous.json()[u"results"_s].toArray().size(), 0);
    const ProgramRun owner = runWharf({u"search"_s, u"single"_s, u"--json"_s}, environment(u"alice"_s, u"dckr_pat_alice-token"_s));
    QCOMPARE(owner.exitCode, 0);
    QCOMPARE(owner.json()[u"results"_s].toArray().size(), 1);

    // The namespace's list, signed in, names it private.
    HubClient hub;
    hub.setBaseUrl(m_bed.hub().baseUrl());
    StaticCredentialSource credentials(u"docker.io"_s, {u"alice"_s, u"dckr_pat_alice-token"_s, {}});
    hub.setCredentialSource(&credentials);
    std::unique_ptr<HubRequest> list(hub.repositories(u"library"_s, u"single"_s));
    list->setAutoDelete(false);
    QSignalSpy done(list.get(), &Job::finished);
    list->start();
    QVERIFY(done.wait(kTimeout));
    const auto page = hub::parseRepositoriesPage(list->json());
    QVERIFY(page);
    QCOMPARE(page->results.size(), 1);
    QVERIFY(page->results.first().isPrivate);
    QCOMPARE(hub.signedInAs(), u"alice"_s);
    m_bed.hub().setPrivate(u"library/single"_s, {});
}

void TestDockerHub2026::myRepositoriesFromTheCli()
{
    m_bed.hub().addAccount(u"library"_s, u"dckr_pat_library"_s); // owns the test bed's repositories
    m_bed.hub().setPrivate(u"library/single"_s, u"library"_s);
    const ProgramRun mine = runWharf({u"repos"_s, u"--json"_s}, environment(u"library"_s, u"dckr_pat_library"_s));
    QCOMPARE(mine.exitCode, 0);
    QStringList names;
    bool privateSingle = false;
    for (const QJsonValue &r : mine.json()[u"results"_s].toArray()) {
        names.append(r[u"name"_s].toString());
        privateSingle = privateSingle || (r[u"name"_s] == u"single"_s && r[u"private"_s].toBool());
    }
    QVERIFY2(names.contains(u"multi"_s), qPrintable(names.join(u' ')));
    QVERIFY(privateSingle);
    // Not signed in: a namespace must be named; named, only public repositories.
    const ProgramRun anonymous = runWharf({u"repos"_s}, environment());
    QCOMPARE(anonymous.exitCode, 2);
    QVERIFY2(anonymous.err.contains("wharf login docker.io"), anonymous.err.constData());
    const ProgramRun named = runWharf({u"repos"_s, u"library"_s, u"--filter"_s, u"single"_s, u"--json"_s}, environment());
    QCOMPARE(named.exitCode, 0);
    QCOMPARE(named.json()[u"results"_s].toArray().size(), 0);
    m_bed.hub().setPrivate(u"library/single"_s, {});
}

void TestDockerHub2026::hubApiRateLimitRetryAfterAsUnixTime()
{
    m_bed.hub().setRateLimited(true);
    m_bed.hub().setRetryAfterAsEpoch(true);
    HubClient hub;
    hub.setBaseUrl(m_bed.hub().baseUrl());
    net::RetryPolicy quick;
    quick.maxAttempts = 2;
    hub.setRetryPolicy(quick);
    std::unique_ptr<HubRequest> search(hub.search(u"multi"_s));
    search->setAutoDelete(false);
    QSignalSpy done(search.get(), &Job::finished);
    QElapsedTimer clock;
    clock.start();
    search->start();
    QVERIFY(done.wait(kTimeout));
    m_bed.hub().setRateLimited(false);
    QCOMPARE(search->error()->code(), Error::Code::RateLimited);
    QVERIFY2(search->error()->message().contains(u"try again"_s), qPrintable(search->error()->message()));
    // The unix time was read as "in a second or so", not as 1.7 billion seconds.
    QVERIFY2(clock.elapsed() < 10'000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(hub.apiLimit().isKnown());
    QCOMPARE(hub.apiLimit().limit, 180);
}

QTEST_GUILESS_MAIN(TestDockerHub2026)
#include "tst_dockerhub2026.moc"
