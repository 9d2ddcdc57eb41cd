// The item models behind the Platforms, Image, Pulls and Local images panes, fed by the real thing:
// ImageInspectJob against the docker-registry of the test bed, stores filled through BlobIngest
// (TestbedStore), and a PullEngine pulling over loopback (through the fault proxy where a pull must
// be slow enough to cancel). Every model runs under QAbstractItemModelTester in Fatal mode with its
// structural signals spied, and what it shows is compared with the test bed's images.json.
#include "ModelSignals.h"
#include "itemmodels/ConfigModel.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/LocalImagesModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "pull/PullEngine.h"
#include "pull/PullHandle.h"
#include "pull/PullPlanner.h"
#include "registry/ImageInspectJob.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include "FaultProxy.h"
#include "RegistryProcess.h"
#include "Schema1Image.h"
#include "TestbedImages.h"
#include "TestbedStore.h"
#include "registry/DocumentCache.h"

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QLocale>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

using Structure = testbed::ModelSignals;

struct Layer
{
    QString digest;
    qint64 size = 0;
};

PullEngine::Options engineOptions(int transferTimeoutMs = 10'000)
{
    PullEngine::Options o;
    o.workers = 4;
    o.client.retry.maxAttempts = 3;
    o.client.retry.baseDelayMs = 20;
    o.client.transferTimeoutMs = transferTimeoutMs;
    return o;
}

PullRequest request(const QString &reference, const QString &platform = {})
{
    PullRequest r;
    r.reference = *ImageReference::parseDockerRef(reference);
    if (!platform.isEmpty())
        r.platform = *Platform::parse(platform);
    return r;
}

} // namespace

class TestImageModels final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void platformsAndAttestationsApart();
    void singlePlatformImage();
    void pullCostAgainstTheStore();
    void platformsSizedWithoutRequests();
    void historyJoinsLayers();
    void configRows();
    void schema1Image();
    void localImagesSharedAndUnique();
    void pullListFollowsAPull();
    void pullListCancelThenRetry();
    void pullListFailure();
    void pullListLoadIntoAnEngineThatIsGone();

private:
    [[nodiscard]] std::optional<InspectedImage> inspect(const QString &reference, const QString &platform = {});
    [[nodiscard]] QList<Layer> layers(const QString &repository, const QString &tag, const QString &platform = {}) const;
    [[nodiscard]] QString ref(const QString &repositoryAndTag) const { return m_registry.hostPort() + u'/' + repositoryAndTag; }

    TestbedImages m_images;
    RegistryProcess m_registry;
    std::unique_ptr<FaultProxy> m_proxy;
    RegistryClient m_client;
};

void TestImageModels::initTestCase()
{
    QString error;
    QVERIFY2(m_images.load(TestbedImages::defaultDirectory(), &error), qPrintable(error));
    RegistryOptions options;
    options.storageRoot = m_images.storageRoot();
    QVERIFY2(m_registry.start(options, &error), qPrintable(error));
    m_proxy = std::make_unique<FaultProxy>(m_registry.hostPort());
    QVERIFY2(m_proxy->listen(&error), qPrintable(error));
}

std::optional<InspectedImage> TestImageModels::inspect(const QString &reference, const QString &platform)
{
    auto parsed = ImageReference::parseDockerRef(reference);
    if (!parsed)
        return std::nullopt;
    std::optional<Platform> wanted;
    if (!platform.isEmpty())
        wanted = *Platform::parse(platform);
    auto *job = new ImageInspectJob(&m_client, *parsed, wanted, this);
    job->setAutoDelete(false);
    const std::unique_ptr<ImageInspectJob> owned(job);
    QSignalSpy finished(job, &Job::finished);
    job->start();
    if (!finished.wait(20'000) || job->error()) {
        qWarning() << "inspect failed:" << (job->error() ? job->error()->message() : u"timeout"_s);
        return std::nullopt;
    }
    return job->result();
}

QList<Layer> TestImageModels::layers(const QString &repository, const QString &tag, const QString &platform) const
{
    QList<Layer> result;
    for (const QJsonValue &v : m_images.image(repository, tag, platform).value(u"layers"_s).toArray())
        result.append({v[u"digest"_s].toString(), v[u"size"_s].toInteger()});
    return result;
}

void TestImageModels::platformsAndAttestationsApart()
{
    const auto image = inspect(ref(u"multi:latest"_s), u"linux/amd64"_s);
    QVERIFY(image);
    PlatformModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    Structure structure(&model);
    model.setImage(*image);
    QCOMPARE(structure.reset.size(), 1);
    QCOMPARE(structure.inserted.size(), 0);

    // Two sections, in this order, whatever the image.
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.sectionIndex(PlatformModel::PlatformsSection).data(PlatformModel::KindRole).value<PlatformModel::RowKind>(),
             PlatformModel::RowKind::Section);
    QVERIFY(!model.sectionIndex(PlatformModel::AttestationsSection).data().toString().isEmpty());

    // The index digest is a property, never a row.
    QCOMPARE(model.indexDigest(), m_images.digest(u"multi"_s, u"latest"_s));

    const QStringList platforms = m_images.platforms(u"multi"_s, u"latest"_s);
    QCOMPARE(platforms.size(), 3);
    QCOMPARE(model.rowCount(model.sectionIndex(PlatformModel::PlatformsSection)), platforms.size());
    QSet<QString> platformDigests;
    for (int row = 0; row < platforms.size(); ++row) {
        const QModelIndex index = model.platformIndex(row);
        QCOMPARE(index.data(PlatformModel::KindRole).value<PlatformModel::RowKind>(), PlatformModel::RowKind::Platform);
        QCOMPARE(index.data(PlatformModel::PlatformRole).toString(), platforms[row]);
        QCOMPARE(index.data(PlatformModel::OsRole).toString(), u"linux"_s);
        const QString digest = m_images.imageDigest(u"multi"_s, u"latest"_s, platforms[row]);
        QCOMPARE(index.data(PlatformModel::DigestRole).toString(), digest);
        QCOMPARE(model.platformIndex(row, PlatformModel::DigestColumn).data().toString(), digest);
        QVERIFY(index.data(PlatformModel::DigestRole).toString() != model.indexDigest());
        QCOMPARE(index.data(PlatformModel::ManifestSizeRole).toLongLong(),
                 m_images.image(u"multi"_s, u"latest"_s, platforms[row]).value(u"size"_s).toInteger());
        platformDigests.insert(digest);
    }
    // The inspected platform's manifest is known, so its compressed size is too; the others wait.
    qint64 amd64Bytes = 0;
    for (const Layer &l : layers(u"multi"_s, u"latest"_s, u"linux/amd64"_s))
        amd64Bytes += l.size;
    QCOMPARE(model.platformIndex(0).data(PlatformModel::CompressedSizeRole).toLongLong(), amd64Bytes);
    QCOMPARE(model.platformIndex(0, PlatformModel::SizeColumn).data(PlatformModel::RawValueRole).toLongLong(), amd64Bytes);
    QVERIFY(!model.platformIndex(1).data(PlatformModel::CompressedSizeRole).isValid());

    const QJsonArray attestations = m_images.attestations(u"multi"_s, u"latest"_s);
    QCOMPARE(attestations.size(), 3);
    QCOMPARE(model.rowCount(model.sectionIndex(PlatformModel::AttestationsSection)), attestations.size());
    for (int row = 0; row < attestations.size(); ++row) {
        const QJsonObject expected = attestations[row].toObject();
        const QModelIndex index = model.attestationIndex(row);
        QCOMPARE(index.data(PlatformModel::KindRole).value<PlatformModel::RowKind>(), PlatformModel::RowKind::Attestation);
        QCOMPARE(index.data(PlatformModel::DigestRole).toString(), expected.value(u"digest"_s).toString());
        QCOMPARE(index.data(PlatformModel::ManifestSizeRole).toLongLong(), expected.value(u"size"_s).toInteger());
        const QString attested = expected.value(u"referenceDigest"_s).toString();
        QCOMPARE(index.data(PlatformModel::AttestedDigestRole).toString(), attested);
        QVERIFY(platformDigests.contains(attested));
        QVERIFY(!platformDigests.contains(index.data(PlatformModel::DigestRole).toString()));
        QVERIFY(platforms.contains(index.data(PlatformModel::AttestedPlatformRole).toString()));
        QCOMPARE(m_images.imageDigest(u"multi"_s, u"latest"_s, index.data(PlatformModel::AttestedPlatformRole).toString()), attested);
        QVERIFY(!index.data().toString().isEmpty());
    }

    model.clear();
    QCOMPARE(structure.reset.size(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.platformCount(), 0);
    QCOMPARE(model.indexDigest(), QString());
    QCOMPARE(structure.inserted.size(), 0);
    QCOMPARE(structure.removed.size(), 0);
}

void TestImageModels::singlePlatformImage()
{
    const auto image = inspect(ref(u"layers:app"_s));
    QVERIFY(image);
    PlatformModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    Structure structure(&model);
    model.setImage(*image);
    QCOMPARE(structure.reset.size(), 1);
    QCOMPARE(model.platformCount(), 1);
    QCOMPARE(model.attestationCount(), 0);
    QCOMPARE(model.indexDigest(), QString());
    QCOMPARE(model.platformIndex(0).data(PlatformModel::DigestRole).toString(), m_images.imageDigest(u"layers"_s, u"app"_s));
    QCOMPARE(model.platformIndex(0).data(PlatformModel::PlatformRole).toString(), m_images.platforms(u"layers"_s, u"app"_s).value(0));
}

void TestImageModels::pullCostAgainstTheStore()
{
    QTemporaryDir dir;
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    const auto image = inspect(ref(u"multi:latest"_s), u"linux/amd64"_s);
    QVERIFY(image);
    PlatformModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    model.setRegistryClient(&m_client);
    model.setStore(*store);
    model.setImage(*image);
    Structure structure(&model);
    QSignalSpy costs(&model, &PlatformModel::pullCostChanged);
    const QStringList platforms = m_images.platforms(u"multi"_s, u"latest"_s);

    // Checks every platform's cost against the layers `present` holds.
    const auto check = [&](const QSet<QString> &present) {
        for (int row = 0; row < platforms.size(); ++row) {
            const QModelIndex index = model.platformIndex(row);
            qint64 toFetch = 0;
            qint64 total = 0;
            int here = 0;
            const QList<Layer> expected = layers(u"multi"_s, u"latest"_s, platforms[row]);
            for (const Layer &l : expected) {
                total += l.size;
                if (present.contains(l.digest))
                    ++here;
                else
                    toFetch += l.size;
            }
            QCOMPARE(index.data(PlatformModel::PullCostStateRole).value<PlatformModel::PullCostState>(),
                     PlatformModel::PullCostState::Known);
            QCOMPARE(index.data(PlatformModel::BytesToFetchRole).toLongLong(), toFetch);
            QCOMPARE(index.data(PlatformModel::LayersPresentRole).toInt(), here);
            QCOMPARE(index.data(PlatformModel::LayersTotalRole).toInt(), expected.size());
            QCOMPARE(index.data(PlatformModel::CompressedSizeRole).toLongLong(), total);
            QVERIFY(!model.platformIndex(row, PlatformModel::PullCostColumn).data().toString().isEmpty());
        }
    };

    for (int row = 0; row < platforms.size(); ++row)
        model.requestPullCost(row);
    while (costs.size() < platforms.size())
        QVERIFY(costs.wait(20'000));
    check({});
    QVERIFY(structure.changed.size() > 0);

    // arm64/v8 into the store: its cost drops to nothing, and the layer it shares with the other
    // platforms counts as present for them too.
    QString error;
    QVERIFY2(TestbedStore(m_images, *store).addImage(ref(u"multi:latest"_s), u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s, &error),
             qPrintable(error));
    QSet<QString> present;
    for (const Layer &l : layers(u"multi"_s, u"latest"_s, u"linux/arm64/v8"_s))
        present.insert(l.digest);
    costs.clear();
    model.refreshPullCosts();
    while (costs.size() < platforms.size())
        QVERIFY(costs.wait(20'000));
    check(present);
    QCOMPARE(model.platformIndex(1).data(PlatformModel::BytesToFetchRole).toLongLong(), 0);
    QVERIFY(model.platformIndex(0).data(PlatformModel::LayersPresentRole).toInt() > 0); // some, not all
    QVERIFY(model.platformIndex(0).data(PlatformModel::BytesToFetchRole).toLongLong() > 0);

    // Structure never changed: costs are dataChanged on their own row.
    QCOMPARE(structure.reset.size(), 0);
    QCOMPARE(structure.inserted.size(), 0);
    for (const QList<QVariant> &args : std::as_const(structure.changed)) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        QCOMPARE(topLeft.parent(), model.sectionIndex(PlatformModel::PlatformsSection));
        QCOMPARE(args.at(1).value<QModelIndex>().row(), topLeft.row());
    }

    // A single-platform image whose base layers are already stored.
    const auto app = inspect(ref(u"layers:app"_s));
    QVERIFY(app);
    QVERIFY2(TestbedStore(m_images, *store).addImage(ref(u"layers:base"_s), u"layers"_s, u"base"_s, {}, &error), qPrintable(error));
    model.setImage(*app);
    costs.clear();
    model.requestPullCost(0);
    QVERIFY(costs.wait(20'000));
    QSet<QString> base;
    for (const Layer &l : layers(u"layers"_s, u"base"_s))
        base.insert(l.digest);
    int shared = 0;
    qint64 toFetch = 0;
    for (const Layer &l : layers(u"layers"_s, u"app"_s)) {
        if (base.contains(l.digest))
            ++shared;
        else
            toFetch += l.size;
    }
    QVERIFY(shared > 0);
    QCOMPARE(model.platformIndex(0).data(PlatformModel::LayersPresentRole).toInt(), shared);
    QCOMPARE(model.platformIndex(0).data(PlatformModel::BytesToFetchRole).toLongLong(), toFetch);

    // Half of a missing layer left by an interrupted pull: the pull resumes it, so the figure is
    // what the pull's own plan says it will fetch (once they disagreed by exactly these bytes).
    const auto missing = std::find_if(app->imageManifest.layers.cbegin(), app->imageManifest.layers.cend(),
                                      [&base](const Descriptor &d) { return !base.contains(d.digest.toString()); });
    QVERIFY(missing != app->imageManifest.layers.cend());
    const qint64 half = missing->size / 2;
    QVERIFY(half > 0);
    {
        auto ingest = store->beginIngest(*missing);
        QVERIFY(ingest);
        QVERIFY(ingest->write(QByteArray(half, '\0')));
        ingest->release();
    }
    costs.clear();
    model.refreshPullCosts();
    QVERIFY(costs.wait(20'000));
    QCOMPARE(model.platformIndex(0).data(PlatformModel::BytesToFetchRole).toLongLong(), toFetch - half);
    const PullPlan plan = planPull(*store, app->configDescriptor, app->imageManifest.layers);
    QCOMPARE(plan.bytesToFetch, toFetch - half);
    QCOMPARE(plan.layersPresent(), shared);
}

void TestImageModels::platformsSizedWithoutRequests()
{
    // Issue 12, defect 6: every platform sized as soon as the image is set, from what costs no
    // manifest GET (the platform resolved with the tag, the client's document cache, the store);
    // the rest wait for requestPullCost(). The model is never asked for a cost here.
    QTemporaryDir dir;
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    const QStringList platforms = m_images.platforms(u"multi"_s, u"latest"_s);
    QCOMPARE(platforms.size(), 3);
    QString error;
    QVERIFY2(TestbedStore(m_images, *store).addImage(ref(u"multi:latest"_s), u"multi"_s, u"latest"_s, platforms.at(1), &error),
             qPrintable(error));
    const auto shown = inspect(ref(u"multi:latest"_s), platforms.at(0));
    QVERIFY(shown);

    const auto sizeOf = [&](int row) {
        qint64 total = 0;
        for (const Layer &l : layers(u"multi"_s, u"latest"_s, platforms.at(row)))
            total += l.size;
        return total;
    };
    const auto known = [](const QModelIndex &index) {
        return index.data(PlatformModel::PullCostStateRole).value<PlatformModel::PullCostState>() == PlatformModel::PullCostState::Known;
    };

    // Without a document cache: the shown platform (its manifest came with the tag) and the one in
    // the store; the third says how to learn its size.
    {
        PlatformModel model;
        QAbstractItemModelTester tester(&model, kFatal);
        model.setRegistryClient(&m_client);
        model.setStore(*store);
        model.setImage(*shown);
        QTRY_VERIFY_WITH_TIMEOUT(known(model.platformIndex(0)) && known(model.platformIndex(1)), 20'000);
        QCOMPARE(model.platformIndex(0).data(PlatformModel::CompressedSizeRole).toLongLong(), sizeOf(0));
        QCOMPARE(model.platformIndex(1).data(PlatformModel::CompressedSizeRole).toLongLong(), sizeOf(1));
        QVERIFY(!model.platformIndex(0).data(PlatformModel::PulledRole).toBool());
        QVERIFY(model.platformIndex(1).data(PlatformModel::PulledRole).toBool());
        QCOMPARE(model.platformIndex(1).data(PlatformModel::BytesToFetchRole).toLongLong(), 0);
        QCOMPARE(model.platformIndex(1, PlatformModel::PullCostColumn).data().toString(), u"pulled ✓"_s);
        QTest::qWait(50);
        QCOMPARE(model.platformIndex(2).data(PlatformModel::PullCostStateRole).value<PlatformModel::PullCostState>(),
                 PlatformModel::PullCostState::Unknown);
        QCOMPARE(model.platformIndex(2, PlatformModel::SizeColumn).data().toString(), u"—"_s);
        QCOMPARE(model.platformIndex(2, PlatformModel::PullCostColumn).data().toString(), u"select to count"_s);
        // Docker Hub's figure, when the window has one, stands in for the size and bounds the cost.
        const QString digest = model.platformIndex(2).data(PlatformModel::DigestRole).toString();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSizeHints({{digest, sizeOf(2)}});
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.platformIndex(2, PlatformModel::SizeColumn).data(PlatformModel::RawValueRole).toLongLong(), sizeOf(2));
        QCOMPARE(model.platformIndex(2, PlatformModel::PullCostColumn).data().toString(),
                 u"≤ %1"_s.arg(QLocale().formattedDataSize(sizeOf(2))));
    }

    // With the documents a previous look fetched: every platform at once.
    m_client.setDocumentCache(std::make_shared<DocumentCache>());
    const auto restore = qScopeGuard([this] { m_client.setDocumentCache(nullptr); });
    for (const QString &platform : platforms)
        QVERIFY(inspect(ref(u"multi:latest"_s), platform));
    PlatformModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    model.setRegistryClient(&m_client);
    model.setStore(*store);
    QSignalSpy costs(&model, &PlatformModel::pullCostChanged);
    model.setImage(*shown);
    QTRY_VERIFY_WITH_TIMEOUT(known(model.platformIndex(0)) && known(model.platformIndex(1)) && known(model.platformIndex(2)), 20'000);
    for (int row = 0; row < platforms.size(); ++row) {
        QCOMPARE(model.platformIndex(row).data(PlatformModel::CompressedSizeRole).toLongLong(), sizeOf(row));
        QVERIFY(!model.platformIndex(row, PlatformModel::SizeColumn).data().toString().isEmpty());
    }
    QCOMPARE(costs.size(), platforms.size()); // one signal per cost
    // arm/v7 shares a layer with the stored arm64/v8 image: less to fetch than its size.
    QVERIFY(model.platformIndex(2).data(PlatformModel::BytesToFetchRole).toLongLong() <= sizeOf(2));
}

void TestImageModels::historyJoinsLayers()
{
    const auto image = inspect(ref(u"multi:latest"_s), u"linux/amd64"_s);
    QVERIFY(image && image->config);
    HistoryModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    Structure structure(&model);
    model.setImage(*image);
    QCOMPARE(structure.reset.size(), 1);
    QVERIFY(model.instructionsMatchLayers());
    QCOMPARE(model.rowCount(), image->config->history.size());

    const QList<Layer> expected = layers(u"multi"_s, u"latest"_s, u"linux/amd64"_s);
    int layer = 0;
    int empty = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(index.data(HistoryModel::CreatedByRole).toString(), image->config->history[row].createdBy);
        QCOMPARE(index.data(HistoryModel::CreatedRole).toDateTime(), image->config->history[row].created);
        if (index.data(HistoryModel::EmptyLayerRole).toBool()) {
            ++empty;
            QCOMPARE(index.data(HistoryModel::LayerIndexRole).toInt(), -1);
            QCOMPARE(index.data(HistoryModel::LayerDigestRole).toString(), QString());
            QVERIFY(!index.data(HistoryModel::LayerSizeRole).isValid());
            QCOMPARE(model.index(row, HistoryModel::SizeColumn).data(HistoryModel::RawValueRole).toLongLong(), -1);
            continue;
        }
        QCOMPARE(index.data(HistoryModel::LayerIndexRole).toInt(), layer);
        QCOMPARE(index.data(HistoryModel::LayerDigestRole).toString(), expected[layer].digest);
        QCOMPARE(index.data(ItemRole::CopyText).toString(), expected[layer].digest); // what Ctrl+C copies
        QCOMPARE(model.index(row, HistoryModel::LayerDigestColumn).data().toString(), expected[layer].digest);
        QCOMPARE(index.data(HistoryModel::LayerSizeRole).toLongLong(), expected[layer].size);
        QCOMPARE(model.index(row, HistoryModel::SizeColumn).data(HistoryModel::RawValueRole).toLongLong(), expected[layer].size);
        QCOMPARE(index.data(HistoryModel::DiffIdRole).toString(), image->config->diffIds[layer].toString());
        ++layer;
    }
    QCOMPARE(layer, expected.size());
    QVERIFY(empty >= 2); // the ENV step umoci starts with and the final CMD
    // The full created_by text, and the Hub's shorter instruction beside it.
    const QModelIndex first = model.index(0, HistoryModel::InstructionColumn);
    QVERIFY(first.data(HistoryModel::CreatedByRole).toString().contains(u"#(nop)"_s));
    QVERIFY(first.data(HistoryModel::InstructionRole).toString().startsWith(u"ENV PATH="_s));
    QCOMPARE(first.data(Qt::ToolTipRole).toString(), first.data(HistoryModel::CreatedByRole).toString());
}

void TestImageModels::configRows()
{
    const auto image = inspect(ref(u"multi:latest"_s), u"linux/arm64"_s);
    QVERIFY(image && image->config);
    const ImageConfig &config = *image->config;
    ConfigModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    Structure structure(&model);
    model.setImage(*image);
    QCOMPARE(structure.reset.size(), 1);

    const auto rowsOf = [&model](ConfigModel::Field field) {
        QList<QModelIndex> rows;
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(ConfigModel::FieldRole).value<ConfigModel::Field>() == field)
                rows.append(model.index(row, 0));
        return rows;
    };
    QCOMPARE(rowsOf(ConfigModel::Field::Platform).size(), 1);
    QCOMPARE(rowsOf(ConfigModel::Field::Platform).first().data(ConfigModel::ValueRole).toString(), u"linux/arm64/v8"_s);

    const QList<QModelIndex> env = rowsOf(ConfigModel::Field::Env);
    QCOMPARE(env.size(), config.config.env.size());
    for (int i = 0; i < env.size(); ++i)
        QCOMPARE(env[i].data(ConfigModel::CopyTextRole).toString(), config.config.env[i]);
    QCOMPARE(env.first().data(ConfigModel::KeyRole).toString(), u"PATH"_s);
    QCOMPARE(model.index(env.first().row(), ConfigModel::KeyColumn).data().toString(), u"PATH"_s);

    const QList<QModelIndex> cmd = rowsOf(ConfigModel::Field::Cmd);
    QCOMPARE(cmd.size(), 1);
    QCOMPARE(cmd.first().data(ConfigModel::ValueRole).toStringList(), config.config.cmd);
    // Exec form shown as the JSON array, so argument boundaries stay visible.
    QCOMPARE(QJsonDocument::fromJson(model.index(cmd.first().row(), ConfigModel::ValueColumn).data().toString().toUtf8())
                 .array()
                 .toVariantList()
                 .size(),
             config.config.cmd.size());

    const QList<QModelIndex> labels = rowsOf(ConfigModel::Field::Label);
    QCOMPARE(labels.size(), config.config.labels.size());
    QCOMPARE(labels.first().data(ConfigModel::KeyRole).toString(), u"org.opencontainers.image.source"_s);
    QCOMPARE(labels.first().data(ConfigModel::ValueRole).toString(), u"https://example.invalid/wharf-testbed"_s);

    // Nothing the config does not set.
    QCOMPARE(rowsOf(ConfigModel::Field::Entrypoint).size(), config.config.entrypoint.isEmpty() ? 0 : 1);
    QCOMPARE(rowsOf(ConfigModel::Field::ExposedPort).size(), config.config.exposedPorts.size());
    QCOMPARE(rowsOf(ConfigModel::Field::StopSignal).size(), config.config.stopSignal.isEmpty() ? 0 : 1);

    model.setConfig(std::nullopt); // an artifact
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(structure.reset.size(), 2);
}

// The Image pane and the Platforms pane over a Docker schema 1 image (single:1.0 pushed by skopeo
// --format v2s1): its steps joined with its layers, sizes shown as unknown, its run config, and a
// pull cost that says it will not be pulled.
void TestImageModels::schema1Image()
{
    RegistryProcess registry;
    RegistryOptions options;
    options.schema1Pushes = true;
    QString error;
    QVERIFY2(registry.start(options, &error), qPrintable(error));
    const auto schema1 = Schema1Image::push(m_images, registry, u"old:1.0"_s, &error);
    QVERIFY2(schema1, qPrintable(error));
    const auto image = inspect(schema1->reference);
    QVERIFY(image && image->config);
    const auto original = inspect(ref(u"single:1.0"_s));
    QVERIFY(original && original->config);

    HistoryModel history;
    QAbstractItemModelTester historyTester(&history, kFatal);
    Structure historySignals(&history);
    history.setImage(*image);
    QCOMPARE(historySignals.reset.size(), 1);
    QVERIFY(history.instructionsMatchLayers());
    QCOMPARE(history.rowCount(), original->config->history.size());
    int layer = 0;
    for (int row = 0; row < history.rowCount(); ++row) {
        const QModelIndex index = history.index(row, 0);
        QCOMPARE(index.data(HistoryModel::CreatedRole).toDateTime(), original->config->history[row].created);
        QCOMPARE(index.data(HistoryModel::EmptyLayerRole).toBool(), original->config->history[row].emptyLayer);
        if (index.data(HistoryModel::EmptyLayerRole).toBool())
            continue;
        QCOMPARE(index.data(HistoryModel::LayerIndexRole).toInt(), layer);
        QCOMPARE(index.data(HistoryModel::LayerDigestRole).toString(), schema1->layers.at(layer));
        QVERIFY(!index.data(HistoryModel::LayerSizeRole).isValid()); // not known, not 0
        QCOMPARE(history.index(row, HistoryModel::SizeColumn).data().toString(), u"unknown"_s);
        QCOMPARE(index.data(HistoryModel::DiffIdRole).toString(), QString()); // schema 1 has none
        ++layer;
    }
    QCOMPARE(layer, schema1->layers.size());

    ConfigModel config;
    QAbstractItemModelTester configTester(&config, kFatal);
    config.setImage(*image);
    ConfigModel expected;
    expected.setImage(*original);
    QCOMPARE(config.rowCount(), expected.rowCount());
    for (int row = 0; row < config.rowCount(); ++row)
        QCOMPARE(config.index(row, ConfigModel::ValueColumn).data().toString(),
                 expected.index(row, ConfigModel::ValueColumn).data().toString());

    QTemporaryDir dir;
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    PlatformModel platforms;
    QAbstractItemModelTester platformsTester(&platforms, kFatal);
    platforms.setRegistryClient(&m_client);
    platforms.setStore(*store);
    platforms.setImage(*image);
    Structure platformSignals(&platforms);
    QCOMPARE(platforms.platformCount(), 1);
    const QModelIndex row = platforms.platformIndex(0);
    QCOMPARE(row.data(PlatformModel::DigestRole).toString(), schema1->digest);
    QCOMPARE(row.data(PlatformModel::PlatformRole).toString(), u"linux/amd64"_s);
    QVERIFY(!row.data(PlatformModel::CompressedSizeRole).isValid());
    QCOMPARE(platforms.platformIndex(0, PlatformModel::SizeColumn).data().toString(), u"unknown"_s);
    QSignalSpy costs(&platforms, &PlatformModel::pullCostChanged);
    platforms.requestPullCost(0);
    QCOMPARE(costs.size(), 1); // decided at once: nothing to count
    QCOMPARE(row.data(PlatformModel::PullCostStateRole).value<PlatformModel::PullCostState>(), PlatformModel::PullCostState::Failed);
    QVERIFY2(row.data(PlatformModel::PullCostErrorRole).toString().contains(u"schema 1"_s),
             qPrintable(row.data(PlatformModel::PullCostErrorRole).toString()));
    QCOMPARE(platformSignals.reset.size(), 0);
    QCOMPARE(platformSignals.inserted.size(), 0);
    QVERIFY(platformSignals.changed.size() >= 1);
}

void TestImageModels::localImagesSharedAndUnique()
{
    QTemporaryDir dir;
    QVERIFY(!dir.path().contains(u':')); // skopeo's docker-archive:PATH
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    QString error;
    const TestbedStore testbed(m_images, *store);
    QVERIFY2(testbed.addImage(u"layers:base"_s, u"layers"_s, u"base"_s, {}, &error), qPrintable(error));
    QVERIFY2(testbed.addImage(u"layers:app"_s, u"layers"_s, u"app"_s, {}, &error), qPrintable(error));

    LocalImagesModel model(*store);
    QAbstractItemModelTester tester(&model, kFatal);
    Structure structure(&model);
    QSignalSpy refreshed(&model, &LocalImagesModel::refreshed);
    QCOMPARE(model.rowCount(), 0); // nothing read on the GUI thread
    model.refresh();
    QVERIFY(model.isLoading());
    QVERIFY(refreshed.wait(20'000));
    QVERIFY(!model.isLoading());
    QCOMPARE(structure.reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);

    const QList<Layer> base = layers(u"layers"_s, u"base"_s);
    const QList<Layer> app = layers(u"layers"_s, u"app"_s);
    QSet<QString> appDigests;
    for (const Layer &l : app)
        appDigests.insert(l.digest);
    qint64 sharedBytes = 0;
    for (const Layer &l : base)
        sharedBytes += appDigests.contains(l.digest) ? l.size : 0;
    QVERIFY(sharedBytes > 0);
    const auto total = [](const QList<Layer> &list) {
        qint64 n = 0;
        for (const Layer &l : list)
            n += l.size;
        return n;
    };
    const auto rowOf = [&model](const QString &reference) {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, 0).data(LocalImagesModel::ReferenceRole).toString() == reference)
                return row;
        return -1;
    };
    const int baseRow = rowOf(u"docker.io/library/layers:base"_s);
    const int appRow = rowOf(u"docker.io/library/layers:app"_s);
    QVERIFY(baseRow >= 0 && appRow >= 0);
    QCOMPARE(model.index(baseRow, 0).data().toString(), u"layers:base"_s);
    QCOMPARE(model.index(baseRow, 0).data(LocalImagesModel::ManifestDigestRole).toString(), m_images.imageDigest(u"layers"_s, u"base"_s));
    QCOMPARE(model.index(baseRow, 0).data(LocalImagesModel::SizeRole).toLongLong(), total(base));
    QCOMPARE(model.index(baseRow, 0).data(LocalImagesModel::SharedBytesRole).toLongLong(), sharedBytes);
    QCOMPARE(model.index(baseRow, 0).data(LocalImagesModel::UniqueBytesRole).toLongLong(), total(base) - sharedBytes);
    QCOMPARE(model.index(appRow, 0).data(LocalImagesModel::SizeRole).toLongLong(), total(app));
    QCOMPARE(model.index(appRow, 0).data(LocalImagesModel::SharedBytesRole).toLongLong(), sharedBytes);
    QCOMPARE(model.index(appRow, 0).data(LocalImagesModel::UniqueBytesRole).toLongLong(), total(app) - sharedBytes);
    QCOMPARE(model.index(appRow, LocalImagesModel::SharedColumn).data(LocalImagesModel::RawValueRole).toLongLong(), sharedBytes);
    QVERIFY(model.index(appRow, 0).data(LocalImagesModel::PulledAtRole).toDateTime().isValid());
    QVERIFY(!model.index(appRow, LocalImagesModel::SizeColumn).data().toString().isEmpty());

    // Remove base: its row goes, and app's shared layers are now its own.
    QSignalSpy removed(&model, &LocalImagesModel::removeFinished);
    std::optional<LocalImageRemoval> removal;
    connect(&model, &LocalImagesModel::removeFinished, this, [&removal](const LocalImageRemoval &r) { removal = r; });
    structure.changed.clear();
    QVERIFY(model.remove(baseRow));
    QVERIFY(removed.wait(20'000));
    QVERIFY(removal && !removal->error);
    QCOMPARE(removal->image.reference, u"docker.io/library/layers:base"_s);
    QCOMPARE(structure.removed.size(), 1);
    QCOMPARE(structure.reset.size(), 1); // no reset for a removal
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(LocalImagesModel::SharedBytesRole).toLongLong(), 0);
    QCOMPARE(model.index(0, 0).data(LocalImagesModel::UniqueBytesRole).toLongLong(), total(app));
    QCOMPARE(structure.changed.size(), 1);
    QCOMPARE(store->images()->size(), 1);
    QVERIFY(!model.remove(5));

    // Export app as a docker-archive that skopeo reads.
    const QString archive = dir.filePath(u"app.tar"_s);
    QSignalSpy exported(&model, &LocalImagesModel::exportFinished);
    std::optional<LocalImageExport> result;
    connect(&model, &LocalImagesModel::exportFinished, this, [&result](const LocalImageExport &r) { result = r; });
    QVERIFY(model.exportImage(0, archive, ImageExporter::Format::DockerArchive));
    QVERIFY(exported.wait(60'000));
    QVERIFY2(result && !result->error, qPrintable(result && result->error ? result->error->message() : QString()));
    QCOMPARE(result->path, archive);
    QVERIFY(QFileInfo(archive).size() > 0);
    QCOMPARE(result->report.layers, app.size());
    QProcess skopeo;
    skopeo.start(u"skopeo"_s, {u"inspect"_s, u"docker-archive:"_s + archive});
    QVERIFY(skopeo.waitForFinished(30'000));
    QCOMPARE(skopeo.exitCode(), 0);
    QCOMPARE(QJsonDocument::fromJson(skopeo.readAllStandardOutput()).object().value(u"Layers"_s).toArray().size(), app.size());

    // An export that fails says why, and leaves no file.
    const QString bad = dir.filePath(u"missing-dir/app.tar"_s);
    result.reset();
    QVERIFY(model.exportImage(0, bad, ImageExporter::Format::OciArchive));
    QVERIFY(exported.wait(60'000));
    QVERIFY(result && result->error);
    QVERIFY(!QFileInfo::exists(bad));

    // A refresh replaces the whole set: one more reset, same content.
    model.refresh();
    QVERIFY(refreshed.wait(20'000));
    QCOMPARE(structure.reset.size(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(structure.inserted.size(), 0);
}

void TestImageModels::pullListFollowsAPull()
{
    QTemporaryDir dir;
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    PullEngine engine(*store, engineOptions());
    PullListModel model(&engine);
    QAbstractItemModelTester tester(&model, kFatal);
    Structure structure(&model);
    QSignalSpy finished(&model, &PullListModel::pullFinished);

    const PullRequest r = request(ref(u"multi:latest"_s), u"linux/arm/v7"_s);
    QCOMPARE(model.pull(r), 0);
    QCOMPARE(structure.inserted.size(), 1);
    QCOMPARE(model.pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Planning);
    QCOMPARE(model.activeCount(), 1);
    QVERIFY(finished.wait(60'000));

    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toString(), r.reference.toString());
    QCOMPARE(finished.first().at(1).toString(), r.platform->toString()); // the status bar names it
    QVERIFY(!finished.first().at(2).value<std::optional<Error>>());
    const QModelIndex pull = model.pullIndex(0);
    QCOMPARE(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Done);
    QCOMPARE(pull.data(PullListModel::PlatformRole).toString(), u"linux/arm/v7"_s);
    const QList<Layer> expected = layers(u"multi"_s, u"latest"_s, u"linux/arm/v7"_s);
    qint64 bytes = 0;
    for (const Layer &l : expected)
        bytes += l.size;
    QCOMPARE(pull.data(PullListModel::BytesDoneRole).toLongLong(), bytes);
    QCOMPARE(pull.data(PullListModel::BytesTotalRole).toLongLong(), bytes);
    QCOMPARE(pull.data(PullListModel::ProgressRole).toDouble(), 1.0);
    QCOMPARE(model.activeCount(), 0);

    // One child per layer, base first, each complete.
    QCOMPARE(model.rowCount(pull), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        const QModelIndex layer = model.layerIndex(0, i);
        QCOMPARE(layer.data(PullListModel::KindRole).value<PullListModel::RowKind>(), PullListModel::RowKind::Layer);
        QCOMPARE(layer.data(PullListModel::DigestRole).toString(), expected[i].digest);
        QCOMPARE(layer.data(PullListModel::LayerStateRole).value<PullListModel::LayerState>(), PullListModel::LayerState::Done);
        QCOMPARE(layer.data(PullListModel::BytesDoneRole).toLongLong(), expected[i].size);
        QCOMPARE(layer.data(PullListModel::BytesTotalRole).toLongLong(), expected[i].size);
    }

    // Structure: the pull, then its layers as one batch; everything else was dataChanged.
    QCOMPARE(structure.reset.size(), 0);
    QCOMPARE(structure.removed.size(), 0);
    QCOMPARE(structure.inserted.size(), 2);
    QCOMPARE(structure.inserted.at(1).at(0).value<QModelIndex>(), pull);
    QCOMPARE(structure.inserted.at(1).at(1).toInt(), 0);
    QCOMPARE(structure.inserted.at(1).at(2).toInt(), expected.size() - 1);
    bool layerChanged = false;
    for (const QList<QVariant> &args : std::as_const(structure.changed)) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.parent(), bottomRight.parent());
        layerChanged = layerChanged || topLeft.parent().isValid();
    }
    QVERIFY(layerChanged);

    // A second pull of the same platform finds every layer here.
    QCOMPARE(model.pull(r), 1);
    QVERIFY(finished.wait(60'000));
    QCOMPARE(model.pullIndex(1).data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Done);
    QCOMPARE(model.layerIndex(1, 0).data(PullListModel::LayerStateRole).value<PullListModel::LayerState>(),
             PullListModel::LayerState::Present);
    // Not "0 B of 0 B": nothing was fetched, and the whole image is here.
    qint64 imageBytes = 0;
    for (const Layer &l : expected)
        imageBytes += l.size;
    QCOMPARE(model.pullIndex(1, PullListModel::ProgressColumn).data().toString(),
             u"Nothing to fetch: all %1 here"_s.arg(QLocale().formattedDataSize(imageBytes)));
    QCOMPARE(model.pullIndex(1).data(PullListModel::BytesDoneRole).toLongLong(), imageBytes);
    QCOMPARE(model.pullIndex(1).data(PullListModel::BytesTotalRole).toLongLong(), imageBytes);
    QCOMPARE(model.pullIndex(1).data(PullListModel::BytesFetchedRole).toLongLong(), 0);

    model.removeFinished();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(structure.removed.size(), 1); // both rows in one contiguous remove
    QCOMPARE(structure.reset.size(), 0);
}

void TestImageModels::pullListCancelThenRetry()
{
    QTemporaryDir dir;
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    // The largest layer of layers:base stalls after 300 kB: long enough to cancel mid-transfer.
    QList<Layer> baseLayers = layers(u"layers"_s, u"base"_s);
    std::sort(baseLayers.begin(), baseLayers.end(), [](const Layer &a, const Layer &b) { return a.size > b.size; });
    m_proxy->clearRules();
    m_proxy->addRule({"GET", FaultRule::blobPath(baseLayers.first().digest), fault::StallAt{300'000}, 1});

    // A stalled transfer notices a cancel at its next byte or at the transfer timeout: keep that short.
    PullEngine engine(*store, engineOptions(3000));
    PullListModel model(&engine);
    QAbstractItemModelTester tester(&model, kFatal);
    Structure structure(&model);
    QSignalSpy finished(&model, &PullListModel::pullFinished);
    QSignalSpy applied(m_proxy.get(), &FaultProxy::faultApplied);

    QCOMPARE(model.pull(request(m_proxy->hostPort() + u"/layers:base"_s)), 0);
    QVERIFY(applied.wait(20'000));
    // Progress is throttled, so it shows some of the bytes before the stall, not necessarily all.
    QTRY_VERIFY_WITH_TIMEOUT(model.pullIndex(0).data(PullListModel::BytesDoneRole).toLongLong() > 0, 10'000);
    QCOMPARE(model.pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Downloading);
    QTest::qWait(300); // bytes up to the stall are in the ingest
    QVERIFY(model.pullIndex(0).data(PullListModel::CanCancelRole).toBool());
    QVERIFY(model.cancel(0));
    QVERIFY(finished.wait(20'000));

    const QModelIndex pull = model.pullIndex(0);
    QCOMPARE(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Cancelled);
    QCOMPARE(pull.data(PullListModel::ErrorCodeRole).value<Error::Code>(), Error::Code::Cancelled);
    QCOMPARE(finished.first().at(2).value<std::optional<Error>>()->code(), Error::Code::Cancelled);
    QVERIFY(pull.data(PullListModel::CanRetryRole).toBool());
    QVERIFY(!model.cancel(0));
    qint64 whole = 0;
    for (const Layer &l : baseLayers)
        whole += l.size;
    QCOMPARE(pull.data(PullListModel::BytesTotalRole).toLongLong(), whole);
    const qint64 hereAfterCancel = pull.data(PullListModel::BytesDoneRole).toLongLong();
    QVERIFY(hereAfterCancel > 0 && hereAfterCancel < whole);
    bool stopped = false;
    for (int i = 0; i < model.rowCount(pull); ++i)
        stopped = stopped
            || model.layerIndex(0, i).data(PullListModel::LayerStateRole).value<PullListModel::LayerState>()
                == PullListModel::LayerState::Stopped;
    QVERIFY(stopped);

    // Retry in the same row: the layers are planned again, the stalled one resumes from its bytes.
    m_proxy->clearRules();
    const int removedBefore = int(structure.removed.size());
    QVERIFY(model.retry(0));
    QCOMPARE(structure.removed.size(), removedBefore + 1); // the old layer rows
    QCOMPARE(model.rowCount(pull), 0);
    QCOMPARE(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Planning);
    // Until the new plan comes, the row still says how much of the image is here, of the image.
    QCOMPARE(pull.data(PullListModel::BytesTotalRole).toLongLong(), whole);
    QCOMPARE(pull.data(PullListModel::BytesDoneRole).toLongLong(), hereAfterCancel);
    QVERIFY(finished.wait(60'000));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Done);
    QVERIFY(!finished.last().at(1).value<std::optional<Error>>());
    qint64 all = 0;
    for (const Layer &l : baseLayers)
        all += l.size;
    QVERIFY(pull.data(PullListModel::BytesToFetchRole).toLongLong() < all); // resumed, not refetched
    QVERIFY(pull.data(PullListModel::BytesFetchedRole).toLongLong() < all);
    // The totals are the whole image's, whatever this run fetched (issue 12).
    QCOMPARE(pull.data(PullListModel::BytesTotalRole).toLongLong(), all);
    QCOMPARE(pull.data(PullListModel::BytesDoneRole).toLongLong(), all);
    QCOMPARE(model.rowCount(pull), baseLayers.size());
    QCOMPARE(structure.reset.size(), 0);
    QCOMPARE(store->images()->size(), 1);
}

void TestImageModels::pullListFailure()
{
    QTemporaryDir dir;
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    PullEngine engine(*store, engineOptions());
    PullListModel model(&engine);
    QAbstractItemModelTester tester(&model, kFatal);
    Structure structure(&model);
    QSignalSpy finished(&model, &PullListModel::pullFinished);

    const PullRequest r = request(ref(u"multi:no-such-tag"_s));
    QCOMPARE(model.pull(r), 0);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(finished.first().at(0).toString(), r.reference.toString());
    const auto error = finished.first().at(2).value<std::optional<Error>>();
    QVERIFY(error);
    QCOMPARE(error->code(), Error::Code::NotFound);

    const QModelIndex pull = model.pullIndex(0);
    QCOMPARE(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Failed);
    QCOMPARE(pull.data(PullListModel::ErrorCodeRole).value<Error::Code>(), Error::Code::NotFound);
    QVERIFY(!pull.data(PullListModel::ErrorRole).toString().isEmpty());
    QCOMPARE(model.pullIndex(0, PullListModel::ErrorColumn).data().toString(), error->message());
    QCOMPARE(model.rowCount(pull), 0); // never planned
    QCOMPARE(model.activeCount(), 0);
    QCOMPARE(structure.reset.size(), 0);

    // A model without an engine can follow pulls but not retry them.
    PullListModel follower;
    QAbstractItemModelTester followerTester(&follower, kFatal);
    QSignalSpy followed(&follower, &PullListModel::pullFinished);
    follower.add(engine.pull(r), r);
    QVERIFY(followed.wait(30'000));
    QCOMPARE(follower.pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Failed);
    QVERIFY(!follower.retry(0));
    QCOMPARE(follower.pull(r), -1);
}

void TestImageModels::pullListLoadIntoAnEngineThatIsGone()
{
    // A pull into an engine is followed by its load from the start: against a socket nobody
    // listens on, the load fails at once, in one line naming the socket, and stops the pull (said
    // once, as stopped by it); the row ends Failed with the load's error; Retry runs both again.
    QTemporaryDir dir;
    auto store = ImageStore::open(dir.filePath(u"store"_s));
    QVERIFY(store);
    PullEngine engine(*store, engineOptions());
    PullListModel model(&engine);
    QAbstractItemModelTester tester(&model, kFatal);
    Structure structure(&model);
    QSignalSpy finished(&model, &PullListModel::pullFinished);
    QSignalSpy started(&model, &PullListModel::loadStarted);
    QSignalSpy loaded(&model, &PullListModel::loadFinished);

    EngineEndpoint gone;
    gone.kind = EngineKind::Docker;
    gone.socketPath = dir.filePath(u"docker.sock"_s);
    gone.origin = u"DOCKER_HOST"_s;
    const PullRequest r = request(ref(u"multi:latest"_s), u"linux/arm/v7"_s);
    QCOMPARE(model.pull(r, gone), 0);
    QCOMPARE(model.pullIndex(0).data(PullListModel::TargetRole).toString(), u"Docker"_s);
    QVERIFY(loaded.wait(60'000));
    const auto error = loaded.first().at(3).value<std::optional<Error>>();
    QVERIFY(error);
    QCOMPARE(error->code(), Error::Code::EngineUnavailable);
    QVERIFY2(error->message().contains(gone.socketPath), qPrintable(error->message()));
    QCOMPARE(loaded.first().at(1).value<EngineKind>(), EngineKind::Docker);
    QCOMPARE(finished.size(), 1); // the pull's part, once, with the error that stopped it
    QCOMPARE(finished.first().at(2).value<std::optional<Error>>()->code(), Error::Code::EngineUnavailable);
    QCOMPARE(started.size(), 0); // the store never got the image: no load phase to show

    const QModelIndex pull = model.pullIndex(0);
    QCOMPARE(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Failed);
    QCOMPARE(model.pullIndex(0, PullListModel::ErrorColumn).data().toString(), error->message());
    QCOMPARE(pull.data(PullListModel::LoadSummaryRole).toString(), QString());
    QCOMPARE(model.activeCount(), 0);
    QVERIFY(pull.data(PullListModel::CanRetryRole).toBool());
    QVERIFY(!pull.data(PullListModel::CanCancelRole).toBool());

    // Retry: both again, the same way; nothing left running, nothing reset.
    QVERIFY(model.retry(0));
    QVERIFY(loaded.wait(60'000));
    QCOMPARE(finished.size(), 2);
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(model.pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Failed);
    QCOMPARE(model.activeCount(), 0);
    QCOMPARE(structure.reset.size(), 0);
}

QTEST_GUILESS_MAIN(TestImageModels)
#include "tst_imagemodels.moc"
