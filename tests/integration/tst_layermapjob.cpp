// LayerMapJob and LayerMapLoader against the docker-registry of the test bed: multi:latest (three
// platforms, each adding the same layer on its own base; attestations never mapped), layers:base
// and layers:app (a shared trunk), aliases of one manifest (manytags), a platform filter, problems
// that leave the rest of the map, and the Job contract (one finished, cancel before start and in
// flight, deletion in flight, the concurrency cap). What is mapped is compared with images.json.
#include "layers/LayerGraph.h"
#include "layers/LayerMapJob.h"
#include "layers/LayerMapLoader.h"
#include "registry/RegistryClient.h"

#include "RegistryProcess.h"
#include "TestSupport.h"
#include "TestbedImages.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = 20'000;

LayerMapSelection select(const QString &tag, const QString &platform = {})
{
    LayerMapSelection s{tag, std::nullopt};
    if (!platform.isEmpty())
        s.platform = *Platform::parse(platform);
    return s;
}

QStringList digestsOf(const LayerGraph::Image &image)
{
    QStringList digests;
    for (const LayerGraph::Layer &layer : image.layers)
        digests.append(layer.digest.toString());
    return digests;
}

} // namespace

class TestLayerMapJob final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void multiLatestEveryPlatform();
    void layersBaseAndAppShareATrunk();
    void onePlatformOfATag();
    void aliasesAreOneImage();
    void problemsLeaveTheRest_data();
    void problemsLeaveTheRest();
    void nothingMappableFails();
    void concurrencyCap();
    void cancelBeforeStart();
    void cancelInFlight();
    void deleteInFlight();
    void loaderStatesAndReplacement();
    void loaderMapsLocalImages();

private:
    [[nodiscard]] LayerMapJob *job(const QList<LayerMapSelection> &selections, const QString &repository)
    {
        return new LayerMapJob(&m_client, m_registry.hostPort(), repository, selections);
    }

    TestbedImages m_images;
    RegistryProcess m_registry;
    RegistryClient m_client;
};

void TestLayerMapJob::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    options.readOnly = true;
    QVERIFY2(m_registry.start(options, &error), qPrintable(error));
}

void TestLayerMapJob::multiLatestEveryPlatform()
{
    auto done = runJob(job({select(u"latest"_s)}, u"multi"_s));
    QVERIFY2(done->succeeded(), done->error() ? qPrintable(done->error()->message()) : "");
    QVERIFY(done->problems().isEmpty());
    const QStringList platforms = m_images.platforms(u"multi"_s, u"latest"_s);
    QCOMPARE(platforms.size(), 3);
    QCOMPARE(done->platforms(), platforms); // attestations (unknown/unknown) are not platforms
    const auto &images = done->images();
    QCOMPARE(images.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(images[i].platform, platforms[i]);
        QCOMPARE(images[i].label, u"latest "_s + platforms[i]);
        QCOMPARE(images[i].tags, QStringList{u"latest"_s});
        QCOMPARE(images[i].manifestDigest.toString(), m_images.imageDigest(u"multi"_s, u"latest"_s, platforms[i]));
        QCOMPARE(digestsOf(images[i]), m_images.layerDigests(u"multi"_s, u"latest"_s, platforms[i]));
        const QJsonArray layers = m_images.image(u"multi"_s, u"latest"_s, platforms[i]).value(u"layers"_s).toArray();
        for (int l = 0; l < layers.size(); ++l)
            QCOMPARE(images[i].layers[l].size, layers[l][u"size"_s].toInteger());
        // The build steps come from the config's history, joined with the layers.
        QVERIFY(images[i].layers[0].createdBy.startsWith(u"ADD file:rootfs-"_s));
        QCOMPARE(images[i].layers[1].createdBy, u"COPY dir:shared in /usr/share/wharf"_s);
    }

    const LayerGraph graph = LayerGraph::build(images);
    QCOMPARE(graph.roots().size(), 3);
    QCOMPARE(graph.nodes().size(), 6);
    const Digest shared = images[0].layers[1].digest;
    for (const auto &image : images)
        QCOMPARE(image.layers[1].digest, shared); // the same blob on three bases
    QCOMPARE(graph.nodesWithDigest(shared).size(), 3);
    QCOMPARE(graph.imagesWithDigest(shared), (QList<int>{0, 1, 2}));
    QCOMPARE(graph.sharedBlobCount(), 1);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(graph.stats(i).sharedBytes, images[i].layers[1].size);
        QCOMPARE(graph.stats(i).uniqueBytes, images[i].layers[0].size);
    }
}

void TestLayerMapJob::layersBaseAndAppShareATrunk()
{
    auto done = runJob(job({select(u"base"_s), select(u"app"_s)}, u"layers"_s));
    QVERIFY(done->succeeded());
    const auto &images = done->images();
    QCOMPARE(images.size(), 2);
    QCOMPARE(images[0].label, u"base linux/amd64"_s);
    QCOMPARE(images[1].label, u"app linux/amd64"_s);
    QCOMPARE(digestsOf(images[0]), m_images.layerDigests(u"layers"_s, u"base"_s));
    QCOMPARE(digestsOf(images[1]), m_images.layerDigests(u"layers"_s, u"app"_s));

    const LayerGraph graph = LayerGraph::build(images);
    QCOMPARE(graph.roots().size(), 1);
    QCOMPARE(graph.nodes().size(), images[1].layers.size());
    // The trunk: both base layers carry both images; base ends on the second, app goes on.
    const LayerGraph::Node &root = graph.node(graph.roots().constFirst());
    QCOMPARE(root.images, (QList<int>{0, 1}));
    QCOMPARE(root.children.size(), 1);
    const LayerGraph::Node &top = graph.node(root.children.constFirst());
    QCOMPARE(top.images, (QList<int>{0, 1}));
    QCOMPARE(top.endingImages, QList<int>{0});
    QCOMPARE(graph.stats(0).uniqueBytes, 0);
    QCOMPARE(graph.stats(0).sharedBytes, images[0].layers[0].size + images[0].layers[1].size);
    QCOMPARE(graph.stats(1).sharedBytes, graph.stats(0).sharedBytes);
    QCOMPARE(graph.stats(1).uniqueBytes, images[1].layers[2].size + images[1].layers[3].size);
}

void TestLayerMapJob::onePlatformOfATag()
{
    auto done = runJob(job({select(u"latest"_s, u"linux/arm64"_s)}, u"multi"_s));
    QVERIFY(done->succeeded());
    QCOMPARE(done->images().size(), 1);
    QCOMPARE(done->images()[0].platform, u"linux/arm64/v8"_s);
    QCOMPARE(done->images()[0].manifestDigest.toString(), m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s));
    // The other platforms are still offered to choose from.
    QCOMPARE(done->platforms().size(), 3);
}

void TestLayerMapJob::aliasesAreOneImage()
{
    auto done = runJob(job({select(u"v1.0.0"_s), select(u"latest"_s), select(u"stable"_s), select(u"edge"_s)}, u"manytags"_s));
    QVERIFY(done->succeeded());
    QCOMPARE(done->images().size(), 1);
    QCOMPARE(done->images()[0].tags, (QStringList{u"v1.0.0"_s, u"latest"_s, u"stable"_s, u"edge"_s}));
    QVERIFY(done->images()[0].label.startsWith(u"v1.0.0, latest, stable"_s));
    QVERIFY(done->images()[0].label.endsWith(u"linux/amd64"_s));
}

void TestLayerMapJob::problemsLeaveTheRest_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QList<LayerMapSelection>>("selections");
    QTest::addColumn<int>("images");
    QTest::addColumn<Error::Code>("code");
    QTest::addColumn<QString>("what");

    QTest::addRow("a platform the index lacks") << u"multi"_s
                                                << QList{select(u"latest"_s, u"linux/s390x"_s), select(u"latest"_s, u"linux/amd64"_s)}
                                                << 1 << Error::Code::NoMatchingPlatform << u"multi:latest linux/s390x"_s;
    QTest::addRow("an unknown tag") << u"layers"_s << QList{select(u"base"_s), select(u"nope"_s)} << 1 << Error::Code::NotFound
                                    << u"layers:nope"_s;
    QTest::addRow("a single-platform image of another platform")
        << u"layers"_s << QList{select(u"base"_s, u"linux/arm64"_s), select(u"app"_s)} << 1 << Error::Code::NoMatchingPlatform
        << u"layers:base linux/arm64"_s;
}

void TestLayerMapJob::problemsLeaveTheRest()
{
    QFETCH(QString, repository);
    QFETCH(QList<LayerMapSelection>, selections);
    QFETCH(int, images);
    QFETCH(Error::Code, code);
    QFETCH(QString, what);

    auto done = runJob(job(selections, repository));
    QVERIFY(done->succeeded());
    QCOMPARE(done->images().size(), images);
    QCOMPARE(done->problems().size(), 1);
    QCOMPARE(done->problems()[0].error.code(), code);
    QCOMPARE(done->problems()[0].what, what);
    QVERIFY(!done->problems()[0].error.message().isEmpty());
}

void TestLayerMapJob::nothingMappableFails()
{
    auto done = runJob(job({select(u"nope"_s)}, u"layers"_s));
    QVERIFY(done->isFinished());
    QCOMPARE(codeOf(*done), Error::Code::NotFound);
    QVERIFY(done->images().isEmpty());

    auto none = runJob(job({}, u"layers"_s));
    QVERIFY(none->succeeded()); // nothing asked, nothing mapped
    QVERIFY(none->images().isEmpty());
}

void TestLayerMapJob::concurrencyCap()
{
    // 3 tags of multi (one index, fetched once per tag name) … use layers and manytags instead:
    // 6 tags, each a manifest and a config.
    LayerMapJob *j = job({select(u"v1.0.0"_s), select(u"v1.0.1"_s), select(u"v1.0.2"_s), select(u"v1.0.3"_s),
                          select(u"latest"_s), select(u"stable"_s)},
                         u"manytags"_s);
    j->setMaxConcurrent(2);
    QSignalSpy progress(j, &LayerMapJob::progress);
    auto done = runJob(j);
    QVERIFY(done->succeeded());
    QCOMPARE(done->peakConcurrent(), 2);
    // Six tag manifests, and one config: all aliases of one image.
    QCOMPARE(progress.size(), 7);
    QCOMPARE(progress.constLast().at(0).toInt(), 7);
    QCOMPARE(progress.constLast().at(1).toInt(), 7);
    QCOMPARE(done->images().size(), 1);
}

void TestLayerMapJob::cancelBeforeStart()
{
    std::unique_ptr<LayerMapJob> j(job({select(u"latest"_s)}, u"multi"_s));
    j->setAutoDelete(false);
    QSignalSpy finished(j.get(), &Job::finished);
    j->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(codeOf(*j), Error::Code::Cancelled);
    j->start();
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);
}

void TestLayerMapJob::cancelInFlight()
{
    std::unique_ptr<LayerMapJob> j(job({select(u"latest"_s)}, u"multi"_s));
    j->setAutoDelete(false);
    QSignalSpy finished(j.get(), &Job::finished);
    QSignalSpy progress(j.get(), &LayerMapJob::progress);
    j->start();
    QVERIFY(progress.wait(kTimeout)); // the index is in; platform manifests are in flight
    j->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(codeOf(*j), Error::Code::Cancelled);
    QVERIFY(j->images().isEmpty());
    QTest::qWait(200); // whatever was in flight must not finish it again
    QCOMPARE(finished.size(), 1);
}

void TestLayerMapJob::deleteInFlight()
{
    auto *j = job({select(u"latest"_s)}, u"multi"_s);
    QSignalSpy progress(j, &LayerMapJob::progress);
    j->start();
    QVERIFY(progress.wait(kTimeout));
    delete j; // its requests are cancelled with it; nothing calls back into it
    QTest::qWait(200);
}

void TestLayerMapJob::loaderStatesAndReplacement()
{
    LayerMapLoader loader(&m_client);
    QSignalSpy states(&loader, &LayerMapLoader::stateChanged);
    QSignalSpy graphs(&loader, &LayerMapLoader::graphChanged);
    QSignalSpy repositories(&loader, &LayerMapLoader::repositoryChanged);
    QCOMPARE(loader.state(), LayerMapLoader::State::NoRepository);
    loader.load({select(u"latest"_s)}); // no repository: nothing happens
    QCOMPARE(loader.state(), LayerMapLoader::State::NoRepository);

    loader.setRepository(m_registry.hostPort(), u"multi"_s);
    QCOMPARE(repositories.size(), 1);
    QCOMPARE(loader.state(), LayerMapLoader::State::Idle);
    loader.load({select(u"latest"_s)});
    QCOMPARE(loader.state(), LayerMapLoader::State::Loading);
    // A second choice replaces the first before it lands: only the second is mapped.
    loader.load({select(u"latest"_s, u"linux/arm/v7"_s)});
    QTRY_COMPARE_WITH_TIMEOUT(loader.state(), LayerMapLoader::State::Ready, kTimeout);
    QCOMPARE(loader.graph().images().size(), 1);
    QCOMPARE(loader.graph().images()[0].platform, u"linux/arm/v7"_s);
    QCOMPARE(loader.platforms().size(), 3);
    QTest::qWait(100);
    QCOMPARE(loader.state(), LayerMapLoader::State::Ready);
    QCOMPARE(loader.graph().images().size(), 1);

    loader.setRepository(m_registry.hostPort(), u"layers"_s);
    QCOMPARE(loader.state(), LayerMapLoader::State::Idle);
    QVERIFY(loader.graph().isEmpty());
    QVERIFY(loader.platforms().isEmpty());
    loader.load({select(u"nope"_s)});
    QTRY_COMPARE_WITH_TIMEOUT(loader.state(), LayerMapLoader::State::Failed, kTimeout);
    QCOMPARE(loader.error()->code(), Error::Code::NotFound);
    QVERIFY(!loader.errorMessage().isEmpty());
    loader.clear();
    QCOMPARE(loader.state(), LayerMapLoader::State::Idle);
    QVERIFY(graphs.size() >= 4);
    QVERIFY(states.size() >= 6);
}

void TestLayerMapJob::loaderMapsLocalImages()
{
    // What the store keeps of a repository (a stored image opened offline): mapped with no request.
    const auto image = [](const QString &tag, const QString &platform, char fill) {
        LayerGraph::Image i;
        i.tags = {tag};
        i.platform = platform;
        i.label = tag + u' ' + platform;
        i.manifestDigest = Digest::sha256Of(QByteArray(8, fill));
        i.layers = {LayerGraph::Layer{Digest::sha256Of("base"), 100, {}, {}}, LayerGraph::Layer{Digest::sha256Of(QByteArray(4, fill)), 50, {}, {}}};
        return i;
    };
    LayerMapLoader loader(&m_client);
    loader.setRepository(m_registry.hostPort(), u"multi"_s);
    QSignalSpy states(&loader, &LayerMapLoader::stateChanged);
    loader.setLocalImages({image(u"latest"_s, u"linux/arm64/v8"_s, 'a'), image(u"latest"_s, u"linux/amd64"_s, 'b')});
    // Nothing chosen yet: every local image, at once.
    QCOMPARE(loader.state(), LayerMapLoader::State::Ready);
    QCOMPARE(loader.graph().images().size(), 2);
    QVERIFY(loader.platforms().contains(u"linux/amd64"_s));
    // A choice they cover: from them, never Loading.
    states.clear();
    loader.load({select(u"latest"_s, u"linux/arm64"_s)});
    QCOMPARE(loader.state(), LayerMapLoader::State::Ready);
    QCOMPARE(loader.graph().images().size(), 1);
    QCOMPARE(loader.graph().images().first().manifestDigest, Digest::sha256Of(QByteArray(8, 'a')));
    QVERIFY(!states.contains(QVariantList{QVariant::fromValue(LayerMapLoader::State::Loading)}));
    // One they do not cover (arm/v7 is not stored): the registry's, for the whole choice.
    loader.load({select(u"latest"_s, u"linux/arm/v7"_s)});
    QCOMPARE(loader.state(), LayerMapLoader::State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(loader.state(), LayerMapLoader::State::Ready, kTimeout);
    QCOMPARE(loader.graph().images().first().platform, u"linux/arm/v7"_s);
    // The registry's image on show again: a map drawn from the local images is drawn again.
    loader.load({select(u"latest"_s, u"linux/arm64"_s)});
    QCOMPARE(loader.graph().images().first().manifestDigest, Digest::sha256Of(QByteArray(8, 'a')));
    loader.setLocalImages({});
    QCOMPARE(loader.state(), LayerMapLoader::State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(loader.state(), LayerMapLoader::State::Ready, kTimeout);
    QCOMPARE(loader.graph().images().first().manifestDigest.toString(),
             m_images.imageDigest(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s));
    // Another repository forgets them.
    loader.setLocalImages({image(u"latest"_s, u"linux/amd64"_s, 'b')});
    loader.setRepository(m_registry.hostPort(), u"layers"_s);
    loader.load({});
    QCOMPARE(loader.state(), LayerMapLoader::State::Idle);
}

QTEST_GUILESS_MAIN(TestLayerMapJob)
#include "tst_layermapjob.moc"
