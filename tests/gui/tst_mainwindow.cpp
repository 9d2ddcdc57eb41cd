// The main window driven as a person would, offscreen, against the real docker-registry test bed
// (as docker.io, through WHARF_DOCKERHUB_REGISTRY_URL and a FaultProxy in front of it) and the Hub
// emulator: search "multi", pick the repository, its `latest` tag and linux/arm64, pull it, find it
// under Local images, export it, show it in the file manager, delete it. Also the honest states
// (nothing matches, a failed search, offline on a closed port, a missing repository, a server
// error), Docker Hub's rate-limit meter, the settings dialog and the keyboard shortcuts. Each main
// state is saved as a screenshot under <build>/screenshots/ for review (not compared); the README's
// come from there.
#include "ComparePane.h"
#include "DockTitleBar.h"
#include "EfficiencyPanel.h"
#include "ElidedLabel.h"
#include "Icons.h"
#include "ImagePane.h"
#include "LayerFilesPane.h"
#include "LayerMapPane.h"
#include "LayerMapView.h"
#include "LocalImagesPane.h"
#include "Localization.h"
#include "MainWindow.h"
#include "PlatformsPane.h"
#include "Preferences.h"
#include "PullsPane.h"
#include "RateLimitIndicator.h"
#include "RepositoryPane.h"
#include "SearchPane.h"
#include "SettingsDialog.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "hub/HubClient.h"
#include "itemmodels/ConfigModel.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ImageDiffLayersModel.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/ImageEfficiencyModel.h"
#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/LayerFilesProxyModel.h"
#include "layers/ImageEfficiency.h"
#include "layers/LayerMapLoader.h"
#include "layers/LayerStackJob.h"
#include "itemmodels/LocalImagesModel.h"
#include "credentials/StaticCredentialSource.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "itemmodels/SearchModel.h"
#include "itemmodels/TagFilterProxyModel.h"
#include "itemmodels/TagListModel.h"
#include "pull/PullEngine.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include "DockerHubBed.h"
#include "FaultProxy.h"
#include "HubEmulator.h"
#include "RegistryProcess.h"
#include "TestbedImages.h"
#include "WindowBed.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

// Every regular file in a tar archive (ustar, as ImageExporter writes it), by name.
QHash<QString, QByteArray> readTar(const QString &path)
{
    QHash<QString, QByteArray> files;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return files;
    const QByteArray tar = file.readAll(); // a test image: about a megabyte
    qsizetype at = 0;
    while (at + 512 <= tar.size()) {
        const char *header = tar.constData() + at;
        if (QByteArrayView(header, 512).count('\0') == 512)
            break;
        QByteArray name(header, qstrnlen(header, 100));
        const QByteArray prefix(header + 345, qstrnlen(header + 345, 155));
        if (!prefix.isEmpty())
            name = prefix + '/' + name;
        bool ok = false;
        const qint64 size = QByteArray(header + 124, 12).replace('\0', ' ').trimmed().toLongLong(&ok, 8);
        if (!ok)
            break;
        const char type = header[156];
        at += 512;
        if (type == '0' || type == '\0')
            files.insert(QString::fromUtf8(name), tar.mid(at, size));
        at += (size + 511) / 512 * 512;
    }
    return files;
}

// Docker Hub's answer to the documented HEAD on ratelimitpreview/test (hub-and-registry-api.md
// §2.9), for the meter.
const QString kRateLimitProbe = u"^/v2/ratelimitpreview/test/manifests/latest$"_s;

// The manifest of the image the tests pick; the meter HEADs it once it is on show.
const QString kShownMulti = u"^/v2/library/multi/manifests/latest$"_s;

HttpHeaders rateLimitHeaders(int remaining)
{
    return {{"ratelimit-limit", "100;w=21600"},
            {"ratelimit-remaining", QByteArray::number(remaining) + ";w=21600"},
            {"docker-ratelimit-source", "192.0.2.1"}};
}

fault::Status rateLimitAnswer(int remaining)
{
    return fault::Status{200,
                         {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"},
                          {"Docker-Content-Digest", "sha256:0000000000000000000000000000000000000000000000000000000000000000"},
                          {"ratelimit-limit", "100;w=21600"},
                          {"ratelimit-remaining", QByteArray::number(remaining) + ";w=21600"},
                          {"docker-ratelimit-source", "192.0.2.1"}},
                         QByteArray(512, ' ')};
}

} // namespace

class TestMainWindow final : public QObject, protected WindowBed
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void iconsLoad();
    void searchPickPullDelete();
    void exportAndReveal_data();
    void exportAndReveal();
    void tagsSortKeepsWholeRowSelected();
    void platformsPaneFitsItsColumns();
    void fitsASmallScreen();
    void rateLimitMeter();
    void rateLimitMeterSaysWhenUnknown_data();
    void rateLimitMeterSaysWhenUnknown();
    void registryOfflineThenRetry();
    void hubOfflineInEveryPane();
    void pullOfflineSaysSo();
    void errorStatesAreNotOffline();
    void noMatchSaysSo();
    void searchErrorSaysSo();
    void keyboardShortcuts();
    void searchByPlatform();
    void myRepositories();
    void settingsRestoreLastSelections();
    void settingsDialogStoresLanguage();
    void docksHideFloatAndComeBack();
    void layersMapFilesEfficiency();
    void compareTwoTags();

private:
    [[nodiscard]] int rateLimitProbes() const;
};

void TestMainWindow::initTestCase()
{
    startBed();
}

void TestMainWindow::init()
{
    resetForTest();
}

void TestMainWindow::cleanup()
{
    tearDownTest();
}

int TestMainWindow::rateLimitProbes() const
{
    int probes = 0;
    for (const HttpRequest &request : m_proxy->requests()) {
        if (request.method == "HEAD" && request.path() == u"/v2/ratelimitpreview/test/manifests/latest")
            ++probes;
    }
    return probes;
}

void TestMainWindow::iconsLoad()
{
    const QMetaEnum names = QMetaEnum::fromType<Icons::Name>();
    for (int i = 0; i < names.keyCount(); ++i) {
        const auto name = Icons::Name(names.value(i));
        QVERIFY2(QFile::exists(Icons::resourcePath(name)), names.key(i));
        const QIcon icon = Icons::icon(name);
        QVERIFY2(!icon.isNull(), names.key(i));
        for (const int size : {16, 24}) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.size(), QSize(size, size));
            // Something is drawn: not a blank (fully transparent) square.
            bool drawn = false;
            for (int y = 0; y < size && !drawn; ++y)
                for (int x = 0; x < size && !drawn; ++x)
                    drawn = qAlpha(image.pixel(x, y)) > 0;
            QVERIFY2(drawn, names.key(i));
        }
    }
}

void TestMainWindow::searchPickPullDelete()
{
    m_proxy->addRule({"HEAD", kRateLimitProbe, rateLimitAnswer(76), 1});
    m_proxy->addRule({"HEAD", kRateLimitProbe, rateLimitAnswer(75), -1});
    // After a pull the meter asks about the image on show, multi:latest: 75 then.
    m_proxy->addRule({"HEAD", kShownMulti, fault::AddHeaders{rateLimitHeaders(75)}, -1});
    MainWindow window(services());
    useFakeDesktop(window);
    // The layer that stalls below is the pull's to read: the Efficiency panel must not get it first.
    window.setAutoAnalyseLimit(0);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.searchPane()->statePanel()->kind(), StatePanel::Kind::Message);
    QCOMPARE(window.localImagesPane()->statePanel()->kind(), StatePanel::Kind::Message);
    screenshot(&window, u"01-start"_s);
    // The Tags pane's column proxy keeps the model contract while rows arrive, sort and filter.
    QAbstractItemModelTester tagTable(window.tagsPane()->view()->model(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);

    QTest::keyClicks(window.searchPane()->queryEdit(), u"multi"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Ready, kTimeout);
    screenshot(&window, u"02-search"_s);
    window.searchPane()->queryEdit()->clear();
    pickMulti(window);
    if (QTest::currentTestFailed())
        return;

    // Repository details from the Hub, rendered from markdown, and the pull line.
    QTRY_COMPARE_WITH_TIMEOUT(window.repositoryPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.repositoryPane()->descriptionView()->toPlainText().contains(u"multi-platform"_s), kTimeout);
    QCOMPARE(window.repositoryPane()->pullCommand(), u"docker pull multi"_s);

    QVERIFY(window.tagsPane()->selectTag(u"latest"_s));
    QTRY_VERIFY2_WITH_TIMEOUT(window.platformModel()->platformCount() == 3,
                              qPrintable(window.platformsPane()->statePanel()->message()), kTimeout);
    QCOMPARE(window.repositoryPane()->pullCommand(), u"docker pull multi:latest"_s);

    // Tags table: the latest row names its platforms.
    QTableView *tags = window.tagsPane()->view();
    QVERIFY(tags->model()->columnCount() >= 5);
    const QModelIndex latestPlatforms = tags->currentIndex().siblingAtColumn(1);
    QVERIFY2(latestPlatforms.data().toString().contains(u"linux/arm64"_s), qPrintable(latestPlatforms.data().toString()));

    // Platforms: three, attestations apart and collapsed.
    PlatformModel *platforms = window.platformModel();
    QVERIFY(platforms->attestationCount() > 0);
    QTreeView *platformView = window.platformsPane()->view();
    QTRY_COMPARE_WITH_TIMEOUT(window.platformsPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QVERIFY(platformView->isExpanded(platforms->sectionIndex(PlatformModel::PlatformsSection)));
    QVERIFY(!platformView->isExpanded(platforms->sectionIndex(PlatformModel::AttestationsSection)));

    QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
    QVERIFY(window.platformsPane()->pullButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(window.platformsPane()->costLabel()->text().contains(u"0 of"_s), kTimeout);
    // The Image pane follows the selected platform.
    QTRY_COMPARE_WITH_TIMEOUT(window.configModel()->index(0, ConfigModel::ValueColumn).data().toString(),
                              u"linux/arm64/v8"_s, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QVERIFY(window.historyModel()->rowCount() > 0);
    screenshot(&window, u"04-platforms-and-image"_s);

    // Pull it. One layer stalls half-way, so the pull is caught in progress; Cancel stops it at
    // once and Retry resumes it.
    const QString layer = layerDigestOfCurrentImage(window);
    QVERIFY(!layer.isEmpty());
    const int stall = m_proxy->addRule({"GET", FaultRule::blobPath(layer), fault::StallAt{200'000}, 1});
    QTest::mouseClick(window.platformsPane()->pullButton(), Qt::LeftButton);
    QCOMPARE(window.pullModel()->rowCount(), 1);
    QCOMPARE(window.pullsPane()->statePanel()->kind(), StatePanel::Kind::Content);
    const QModelIndex pull = window.pullModel()->pullIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->applied(stall), 1, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(pull.data(PullListModel::StateRole).value<PullListModel::State>()
                                 == PullListModel::State::Downloading,
                             kTimeout);
    QTest::qWait(400); // let the stalled layer's bar show its bytes
    window.pullsPane()->view()->expandAll();
    screenshot(&window, u"05-pull-in-progress"_s);
    checkFitsSmallScreen(window, "a pull in progress");
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.pullsPane()->cancelButton()->isEnabled());
    QTest::mouseClick(window.pullsPane()->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pull.data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Cancelled, kTimeout);
    QVERIFY(window.pullsPane()->retryButton()->isEnabled());
    QTest::mouseClick(window.pullsPane()->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pull.data(PullListModel::StateRole).value<PullListModel::State>(), PullListModel::State::Done,
                              60'000);
    QVERIFY(pull.data(PullListModel::PlatformRole).toString().startsWith(u"linux/arm64"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesModel()->rowCount(), 1, kTimeout);
    const QModelIndex local = window.localImagesModel()->index(0, 0);
    QVERIFY(local.data(LocalImagesModel::ReferenceRole).toString().contains(u"multi:latest"_s));
    QVERIFY(local.data(LocalImagesModel::PlatformRole).toString().startsWith(u"linux/arm64"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    // Nothing left to fetch for that platform now.
    QTRY_VERIFY_WITH_TIMEOUT(window.platformsPane()->costLabel()->text().contains(u"Nothing to fetch"_s), kTimeout);
    window.localImagesPane()->view()->setCurrentIndex(local);

    // Delete it.
    QVERIFY(window.localImagesPane()->deleteButton()->isEnabled());
    QTest::mouseClick(window.localImagesPane()->deleteButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.localImagesPane()->deleteConfirmation(), kTimeout); // it asks first
    QTest::mouseClick(window.localImagesPane()->deleteConfirmation()->findChild<QPushButton *>(u"confirmDelete"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesModel()->rowCount(), 0, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesPane()->statePanel()->kind(), StatePanel::Kind::Message, kTimeout);
    QVERIFY(m_store->images().value().isEmpty());

    // The tag filter, as a substring and as a regular expression, says when nothing matches.
    QLineEdit *filter = window.tagsPane()->filterEdit();
    QTest::keyClicks(filter, u"^lat"_s);
    QTRY_COMPARE(window.tagsPane()->view()->model()->rowCount(), 0);
    QCOMPARE(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Message);
    window.tagsPane()->findChild<QCheckBox *>()->setChecked(true);
    QTRY_COMPARE(window.tagsPane()->view()->model()->rowCount(), 1);
    QCOMPARE(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Content);
    // Sorting by a header goes through the filter proxy's keys.
    window.tagsPane()->view()->sortByColumn(2, Qt::AscendingOrder);
    QCOMPARE(window.tagsPane()->filterProxy()->sortKey(), TagFilterProxyModel::SortKey::Size);
}

void TestMainWindow::exportAndReveal_data()
{
    QTest::addColumn<int>("format"); // ImageExporter::Format
    QTest::addRow("docker-archive") << int(ImageExporter::Format::DockerArchive);
    QTest::addRow("oci-archive") << int(ImageExporter::Format::OciArchive);
}

void TestMainWindow::exportAndReveal()
{
    QFETCH(int, format);
    m_proxy->addRule({"HEAD", kRateLimitProbe, rateLimitAnswer(76), 1});
    m_proxy->addRule({"HEAD", kRateLimitProbe, rateLimitAnswer(75), -1});
    // After a pull the meter asks about the image on show, multi:latest: 75 then.
    m_proxy->addRule({"HEAD", kShownMulti, fault::AddHeaders{rateLimitHeaders(75)}, -1});
    MainWindow window(services());
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pullArm64(window);
    if (QTest::currentTestFailed())
        return;

    LocalImagesPane *pane = window.localImagesPane();
    const QModelIndex image = window.localImagesModel()->index(0, 0);
    pane->view()->setCurrentIndex(image);
    const QString manifest = image.data(LocalImagesModel::ManifestDigestRole).toString();
    const auto manifestDigest = Digest::parse(manifest);
    QVERIFY(manifestDigest);
    QTRY_COMPARE_WITH_TIMEOUT(window.rateLimitIndicator()->limit().remaining, 75, kTimeout);
    if (ImageExporter::Format(format) == ImageExporter::Format::DockerArchive)
        screenshot(&window, u"06-pulled"_s);

    // Show in Folder: the store's index.json (which names the image's manifest), and nothing launched.
    QVERIFY(pane->revealButton()->isEnabled());
    QTest::mouseClick(pane->revealButton(), Qt::LeftButton);
    QCOMPARE(m_revealed.size(), 1);
    QCOMPARE(m_revealed.first(), m_store->root() + u"/index.json"_s);
    QVERIFY(m_store->hasBlob(*manifestDigest));
    QVERIFY(m_revealed.first().startsWith(m_store->root()));
    QVERIFY(QFile::exists(m_revealed.first()));

    // Export…, cancelled in the dialog: nothing happens.
    QList<LocalImageExport> exported;
    connect(window.localImagesModel(), &LocalImagesModel::exportFinished, this,
            [&exported](const LocalImageExport &result) { exported << result; });
    QTest::mouseClick(pane->exportButton(), Qt::LeftButton);
    QCOMPARE(m_suggestedExportName, u"multi_latest_linux-arm64-v8"_s);
    QTest::qWait(50);
    QCOMPARE(exported.size(), 0);

    // Export… to a file.
    m_exportTarget = {m_dir->filePath(u"multi.tar"_s), ImageExporter::Format(format)};
    QTest::mouseClick(pane->exportButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, kTimeout);
    const LocalImageExport &result = exported.first();
    QVERIFY2(!result.error, qPrintable(result.error ? result.error->message() : QString()));
    QCOMPARE(result.path, m_exportTarget.path);
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(u"multi.tar"_s));

    const QHash<QString, QByteArray> files = readTar(m_exportTarget.path);
    QVERIFY2(!files.isEmpty(), qPrintable(m_exportTarget.path));
    if (ImageExporter::Format(format) == ImageExporter::Format::DockerArchive) {
        // docker load's layout: manifest.json naming the config, the tags and one layer.tar per layer.
        QVERIFY2(files.contains(u"manifest.json"_s), qPrintable(files.keys().join(u' ')));
        const QJsonArray manifests = QJsonDocument::fromJson(files.value(u"manifest.json"_s)).array();
        QCOMPARE(manifests.size(), 1);
        const QJsonObject entry = manifests.first().toObject();
        const QString configFile = entry.value(u"Config"_s).toString();
        QVERIFY2(files.contains(configFile), qPrintable(configFile));
        const QJsonObject configJson = QJsonDocument::fromJson(files.value(configFile)).object();
        QCOMPARE(configJson.value(u"architecture"_s).toString(), u"arm64"_s);
        const QJsonArray repoTags = entry.value(u"RepoTags"_s).toArray();
        QCOMPARE(repoTags.size(), 1);
        QVERIFY2(repoTags.first().toString().endsWith(u"multi:latest"_s), qPrintable(repoTags.first().toString()));
        const QJsonArray layers = entry.value(u"Layers"_s).toArray();
        QCOMPARE(layers.size(), configJson.value(u"rootfs"_s).toObject().value(u"diff_ids"_s).toArray().size());
        for (const QJsonValue &layerPath : layers) {
            QVERIFY2(files.contains(layerPath.toString()), qPrintable(layerPath.toString()));
            QVERIFY(layerPath.toString().endsWith(u"/layer.tar"_s));
        }
    } else {
        // An OCI image layout: oci-layout, index.json naming the image, the manifest blob.
        QVERIFY2(files.contains(u"oci-layout"_s), qPrintable(files.keys().join(u' ')));
        const QJsonObject index = QJsonDocument::fromJson(files.value(u"index.json"_s)).object();
        const QJsonArray entries = index.value(u"manifests"_s).toArray();
        QCOMPARE(entries.size(), 1);
        const QJsonObject descriptor = entries.first().toObject();
        QCOMPARE(descriptor.value(u"digest"_s).toString(), manifest);
        QVERIFY(descriptor.value(u"annotations"_s)
                    .toObject()
                    .value(u"org.opencontainers.image.ref.name"_s)
                    .toString()
                    .endsWith(u"multi:latest"_s));
        QVERIFY(files.contains(u"blobs/sha256/"_s + manifest.mid(7)));
        const QJsonObject manifestJson = QJsonDocument::fromJson(files.value(u"blobs/sha256/"_s + manifest.mid(7))).object();
        for (const QJsonValue &layer : manifestJson.value(u"layers"_s).toArray())
            QVERIFY(files.contains(u"blobs/sha256/"_s + layer.toObject().value(u"digest"_s).toString().mid(7)));
    }
}

void TestMainWindow::tagsSortKeepsWholeRowSelected()
{
    m_proxy->addRule({"HEAD", kRateLimitProbe, rateLimitAnswer(76), -1});
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClicks(window.searchPane()->queryEdit(), u"manytags"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Ready, kTimeout);
    window.searchPane()->resultsView()->setCurrentIndex(window.searchModel()->index(0));
    QTRY_VERIFY_WITH_TIMEOUT(window.tagModel()->rowCount() >= 50, kTimeout);
    QCOMPARE(window.tagModel()->repository().path(), u"library/manytags"_s);
    QTableView *view = window.tagsPane()->view();
    QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int columns = view->model()->columnCount();
    const QModelIndex row = view->model()->index(5, 0);
    const QString tag = row.data(TagListModel::NameRole).toString();
    view->selectRow(5);
    QCOMPARE(view->selectionModel()->selectedIndexes().size(), columns);

    for (const int column : {2, 3, 0, 1}) {
        for (const auto order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            view->sortByColumn(column, order);
            const QModelIndexList selected = view->selectionModel()->selectedIndexes();
            QCOMPARE(selected.size(), columns);
            for (const QModelIndex &cell : selected)
                QCOMPARE(cell.data(TagListModel::NameRole).toString(), tag);
            QCOMPARE(window.tagsPane()->currentTag(), tag);
        }
    }
    view->sortByColumn(0, Qt::DescendingOrder);
    view->scrollTo(view->currentIndex());
    QTRY_COMPARE_WITH_TIMEOUT(window.repositoryPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    screenshot(&window, u"03-repository-and-tags"_s);
}

void TestMainWindow::fitsASmallScreen()
{
    // Every dock open (as on first start), an image picked and a pull running: the window must still
    // fit a 1280×800 screen, and never force itself wider while content changes.
    MainWindow window(services());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto fits = [&window](const char *when) { checkFitsSmallScreen(window, when); };
    fits("empty");
    if (QTest::currentTestFailed())
        return;
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(window.platformsPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QApplication::processEvents();
    fits("an image picked");
}

void TestMainWindow::platformsPaneFitsItsColumns()
{
    MainWindow window(services());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(window.platformsPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
    QTRY_VERIFY_WITH_TIMEOUT(window.platformsPane()->costLabel()->text().contains(u"0 of"_s), kTimeout);
    QApplication::processEvents();

    // The index digest never clips: elided in the middle when narrow, all of it in the tooltip.
    ElidedLabel *index = window.platformsPane()->indexDigestLabel();
    const QString digest = window.platformModel()->indexDigest();
    QVERIFY(digest.startsWith(u"sha256:"_s));
    QCOMPARE(index->toolTip(), index->text());
    QVERIFY(index->text().endsWith(digest));
    QVERIFY(index->fontMetrics().horizontalAdvance(index->displayedText()) <= index->contentsRect().width());
    index->resize(index->fontMetrics().averageCharWidth() * 30, index->height());
    QVERIFY(index->isElided());
    QVERIFY(index->displayedText().contains(QChar(0x2026)));

    // Every column fits without a horizontal scroll bar, the digest takes the slack and the Pull
    // cost column shows all of its text; an OS version column nobody fills is hidden.
    QTreeView *view = window.platformsPane()->view();
    QHeaderView *header = view->header();
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    QVERIFY(view->isColumnHidden(PlatformModel::OsVersionColumn));
    QCOMPARE(header->sectionResizeMode(PlatformModel::DigestColumn), QHeaderView::Stretch);
    const int costRight = header->sectionViewportPosition(PlatformModel::PullCostColumn) +
                          header->sectionSize(PlatformModel::PullCostColumn);
    QVERIFY(costRight <= view->viewport()->width());
    const QModelIndex cost = window.platformModel()->platformIndex(window.platformsPane()->currentPlatform(),
                                                                   PlatformModel::PullCostColumn);
    QVERIFY(header->sectionSize(PlatformModel::PullCostColumn)
            >= view->fontMetrics().horizontalAdvance(cost.data().toString()));
}

void TestMainWindow::rateLimitMeter()
{
    // 76 pulls left at first, one fewer once a pull has used one up.
    m_proxy->addRule({"HEAD", kRateLimitProbe, rateLimitAnswer(76), 1});
    m_proxy->addRule({"HEAD", kRateLimitProbe, rateLimitAnswer(75), -1});
    // After a pull the meter asks about the image on show, multi:latest: 75 then.
    m_proxy->addRule({"HEAD", kShownMulti, fault::AddHeaders{rateLimitHeaders(75)}, -1});

    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    RateLimitIndicator *meter = window.rateLimitIndicator();
    QVERIFY(window.statusBar()->isAncestorOf(meter));
    QTRY_COMPARE_WITH_TIMEOUT(meter->state(), RateLimitIndicator::State::Known, kTimeout);
    QCOMPARE(meter->limit().remaining, 76);
    QCOMPARE(meter->limit().limit, 100);
    QCOMPARE(meter->limit().windowSeconds, 21600);
    QCOMPARE(meter->text(), u"Docker Hub pulls: 76 of 100 left"_s);
    QVERIFY2(meter->toolTip().contains(u"192.0.2.1"_s), qPrintable(meter->toolTip()));
    QVERIFY2(meter->toolTip().contains(u"every 6 h"_s), qPrintable(meter->toolTip()));
    QCOMPARE(rateLimitProbes(), 1);

    // After a pull from docker.io the meter asks again — with a HEAD on the image on show, not the
    // probe image — and the status bar says what the pull cost.
    pullArm64(window);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(meter->limit().remaining, 75, kTimeout);
    QCOMPARE(meter->text(), u"Docker Hub pulls: 75 of 100 left"_s);
    QCOMPARE(rateLimitProbes(), 1);
    QVERIFY(std::ranges::any_of(m_proxy->requests(), [](const HttpRequest &r) {
        return r.method == "HEAD" && r.path() == u"/v2/library/multi/manifests/latest";
    }));
    QTRY_VERIFY2_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(u"used 1 of your Docker Hub pulls (75 left)"_s),
                              qPrintable(window.statusBar()->currentMessage()), kTimeout);

    // A click asks again too.
    const qsizetype before = m_proxy->requests().size();
    QTest::mouseClick(meter, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_proxy->requests().size() > before, kTimeout);
}

void TestMainWindow::rateLimitMeterSaysWhenUnknown_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("offline");
    QTest::addColumn<RateLimitIndicator::State>("state");
    QTest::addColumn<QString>("text");
    QTest::addRow("no headers") << 200 << false << RateLimitIndicator::State::NotLimited
                                << u"Docker Hub pulls: no limit reported"_s;
    QTest::addRow("not found") << 404 << false << RateLimitIndicator::State::Failed << u"Docker Hub pulls: unknown"_s;
    QTest::addRow("offline") << 0 << true << RateLimitIndicator::State::Offline
                             << u"Docker Hub pulls: unknown (offline)"_s;
}

void TestMainWindow::rateLimitMeterSaysWhenUnknown()
{
    QFETCH(int, status);
    QFETCH(bool, offline);
    QFETCH(RateLimitIndicator::State, state);
    QFETCH(QString, text);
    if (status == 200)
        m_proxy->addRule({"HEAD", kRateLimitProbe,
                          fault::Status{200,
                                        {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"},
                                         {"Docker-Content-Digest",
                                          "sha256:0000000000000000000000000000000000000000000000000000000000000000"}},
                                        QByteArray(512, ' ')},
                          -1});
    else if (status != 0)
        m_proxy->addRule({"HEAD", kRateLimitProbe, fault::Status{status, {}, R"({"errors":[{"code":"MANIFEST_UNKNOWN"}]})"}, -1});
    std::optional<ScopedEnv> env;
    if (offline)
        env.emplace("WHARF_DOCKERHUB_REGISTRY_URL", "http://127.0.0.1:" + QByteArray::number(closedPort()));

    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    RateLimitIndicator *meter = window.rateLimitIndicator();
    QTRY_COMPARE_WITH_TIMEOUT(meter->state(), state, kTimeout);
    QCOMPARE(meter->text(), text);
    QVERIFY(!meter->toolTip().isEmpty());
}

void TestMainWindow::registryOfflineThenRetry()
{
    // The Hub answers, the registry behind docker.io does not: browsing works down to the tags,
    // resolving a tag says "offline" (not an error, not empty) with a Retry that works once the
    // registry is back.
    std::optional<ScopedEnv> env;
    env.emplace("WHARF_DOCKERHUB_REGISTRY_URL", "http://127.0.0.1:" + QByteArray::number(closedPort()));
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(window.rateLimitIndicator()->state(), RateLimitIndicator::State::Offline, kTimeout);
    pickMulti(window);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.tagsPane()->selectTag(u"latest"_s));
    StatePanel *platforms = window.platformsPane()->statePanel();
    QTRY_COMPARE_WITH_TIMEOUT(platforms->kind(), StatePanel::Kind::Offline, kTimeout);
    QVERIFY2(platforms->message().contains(u"offline"_s), qPrintable(platforms->message()));
    QVERIFY(platforms->retryButton()->isVisible());
    QCOMPARE(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Offline);
    QVERIFY(window.imagePane()->statePanel()->retryButton()->isVisible());
    QCOMPARE(window.platformModel()->platformCount(), 0);
    screenshot(&window, u"07-offline"_s);

    // Still offline: Retry says so again.
    QTest::mouseClick(platforms->retryButton(), Qt::LeftButton);
    QCOMPARE(platforms->kind(), StatePanel::Kind::Message); // resolving
    QTRY_COMPARE_WITH_TIMEOUT(platforms->kind(), StatePanel::Kind::Offline, kTimeout);

    // Back online: Retry resolves the tag.
    env.reset();
    QTest::mouseClick(platforms->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.platformModel()->platformCount(), 3, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(platforms->kind(), StatePanel::Kind::Content, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
}

void TestMainWindow::hubOfflineInEveryPane()
{
    // Docker Hub's web API on a closed port: search, repository details and tags all say offline.
    HubClient offlineHub(m_client->network());
    offlineHub.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())));
    net::RetryPolicy fast;
    fast.maxAttempts = 2;
    fast.baseDelayMs = 50;
    offlineHub.setRetryPolicy(fast);
    MainWindow::Services s = services();
    s.hub = &offlineHub;
    MainWindow window(s);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTest::keyClicks(window.searchPane()->queryEdit(), u"multi"_s);
    QTest::keyClick(window.searchPane()->queryEdit(), Qt::Key_Return);
    StatePanel *search = window.searchPane()->statePanel();
    QTRY_COMPARE_WITH_TIMEOUT(search->kind(), StatePanel::Kind::Offline, kTimeout);
    QCOMPARE(window.searchModel()->errorCode(), Error::Code::Network);
    QVERIFY(search->retryButton()->isVisible());
    // Retry asks again (and is offline again).
    QTest::mouseClick(search->retryButton(), Qt::LeftButton);
    QCOMPARE(window.searchModel()->state(), SearchModel::State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(search->kind(), StatePanel::Kind::Offline, kTimeout);

    Q_EMIT window.searchPane()->repositorySelected(u"docker.io/library/multi"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.repositoryPane()->statePanel()->kind(), StatePanel::Kind::Offline, kTimeout);
    QVERIFY(window.repositoryPane()->statePanel()->retryButton()->isVisible());
    // The tags still come from the registry, which is up; only the Hub's details are missing, and
    // the model says so (the status bar shows it).
    QTRY_COMPARE_WITH_TIMEOUT(window.tagModel()->state(), TagListModel::State::Ready, kTimeout);
    QCOMPARE(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Content);
    QCOMPARE(window.tagModel()->rowCount(), m_images.tags(u"multi"_s).size());
    QVERIFY2(!window.tagModel()->endNote().isEmpty(), "the Hub's failure is not said");
    screenshot(&window, u"08-hub-offline"_s);
    QTest::mouseClick(window.repositoryPane()->statePanel()->retryButton(), Qt::LeftButton);
    QCOMPARE(window.repositoryPane()->statePanel()->kind(), StatePanel::Kind::Message); // loading
    QTRY_COMPARE_WITH_TIMEOUT(window.repositoryPane()->statePanel()->kind(), StatePanel::Kind::Offline, kTimeout);

    // A registry's catalog on a closed port: offline too, naming nothing but the failure.
    const QString closed = u"127.0.0.1:%1"_s.arg(closedPort());
    window.searchPane()->setRegistries({closed});
    window.searchPane()->setRegistry(closed);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->registry(), closed, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(search->kind(), StatePanel::Kind::Offline, kTimeout);
    QVERIFY2(search->message().contains(closed), qPrintable(search->message()));
}

void TestMainWindow::pullOfflineSaysSo()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);

    // The network goes away between browsing and pulling.
    ScopedEnv env("WHARF_DOCKERHUB_REGISTRY_URL", "http://127.0.0.1:" + QByteArray::number(closedPort()));
    QVERIFY(!window.pullsPane()->offlineNotice()->isVisible());
    QTest::mouseClick(window.platformsPane()->pullButton(), Qt::LeftButton);
    const QModelIndex pull = window.pullModel()->pullIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(pull.data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Failed, kTimeout);
    QCOMPARE(pull.data(PullListModel::ErrorCodeRole).value<Error::Code>(), Error::Code::Network);
    QTRY_VERIFY(window.pullsPane()->offlineNotice()->isVisible());
    QVERIFY(window.pullsPane()->retryButton()->isEnabled());
    QVERIFY2(window.statusBar()->currentMessage().contains(u"offline"_s), qPrintable(window.statusBar()->currentMessage()));
}

void TestMainWindow::errorStatesAreNotOffline()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // A repository that does not exist: the Hub says 404 for its details and its tags.
    Q_EMIT window.searchPane()->repositorySelected(u"docker.io/library/no-such-repository"_s);
    StatePanel *repository = window.repositoryPane()->statePanel();
    QTRY_COMPARE_WITH_TIMEOUT(repository->kind(), StatePanel::Kind::Error, kTimeout);
    QVERIFY2(repository->message().contains(u"no-such-repository"_s), qPrintable(repository->message()));
    QVERIFY(!repository->retryButton()->isVisible()); // asking again will not make it exist
    QTRY_VERIFY_WITH_TIMEOUT(window.tagModel()->state() == TagListModel::State::Error, kTimeout);
    QVERIFY2(window.tagModel()->errorCode() == Error::Code::NotFound, qPrintable(window.tagModel()->errorMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->statePanel()->kind(), StatePanel::Kind::Error, kTimeout);
    screenshot(&window, u"09-not-found"_s);

    // A registry that answers 500 for the tag's manifest: an error with Retry, not "offline".
    pickMulti(window);
    if (QTest::currentTestFailed())
        return;
    const int broken = m_proxy->addRule({"GET", FaultRule::manifestPath(u"latest"_s),
                                         fault::Status{500, {}, R"({"errors":[{"code":"UNKNOWN","message":"boom"}]})"}, -1});
    QVERIFY(window.tagsPane()->selectTag(u"latest"_s));
    StatePanel *platforms = window.platformsPane()->statePanel();
    QTRY_COMPARE_WITH_TIMEOUT(platforms->kind(), StatePanel::Kind::Error, kTimeout);
    QVERIFY(platforms->retryButton()->isVisible());
    QVERIFY(!platforms->message().contains(u"offline"_s));
    QCOMPARE(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Error);
    screenshot(&window, u"10-server-error"_s);
    m_proxy->removeRule(broken);
    QTest::mouseClick(platforms->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.platformModel()->platformCount(), 3, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(platforms->kind(), StatePanel::Kind::Content, kTimeout);
}

void TestMainWindow::noMatchSaysSo()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClicks(window.searchPane()->queryEdit(), u"zzz-nothing-like-this"_s);
    QTest::keyClick(window.searchPane()->queryEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Empty, kTimeout);
    QCOMPARE(window.searchPane()->statePanel()->kind(), StatePanel::Kind::Message);
    QVERIFY(window.searchPane()->statePanel()->message().contains(u"zzz-nothing-like-this"_s));
}

void TestMainWindow::searchErrorSaysSo()
{
    m_hub->setRateLimited(true);
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClicks(window.searchPane()->queryEdit(), u"multi"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Error, 30'000);
    StatePanel *state = window.searchPane()->statePanel();
    QCOMPARE(state->kind(), StatePanel::Kind::Error);
    QVERIFY(!state->message().isEmpty());
    QVERIFY(state->retryButton()->isVisible());
    // Retry once the Hub lets us in again.
    m_hub->setRateLimited(false);
    QTest::mouseClick(state->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Ready, kTimeout);
    QCOMPARE(state->kind(), StatePanel::Kind::Content);
}

void TestMainWindow::searchByPlatform()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SearchPane *pane = window.searchPane();
    QTest::keyClicks(pane->queryEdit(), u"i"_s);
    QTest::keyClick(pane->queryEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Ready, kTimeout);
    const int everything = window.searchModel()->rowCount();

    // Which of them run on linux/arm64? Picking it asks the Hub again, with the filter.
    m_hub->clearRequests();
    pane->platformFilter()->setCurrentIndex(pane->platformFilter()->findData(u"linux/arm64"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Ready, kTimeout);
    QVERIFY(window.searchModel()->rowCount() < everything);
    for (int row = 0; row < window.searchModel()->rowCount(); ++row) {
        const QModelIndex index = window.searchModel()->index(row);
        QVERIFY2(index.data(SearchModel::ArchitecturesRole).toStringList().contains(u"arm64"_s),
                 qPrintable(index.data(SearchModel::NameRole).toString()));
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(u"arm64"_s));
    }
    const HttpRequest sent = m_hub->requests().last();
    QCOMPARE(sent.query().queryItemValue(u"architectures"_s), u"arm64"_s);
    QCOMPARE(sent.query().queryItemValue(u"operating_systems"_s), u"linux"_s);
    screenshot(&window, u"12-search-arm64"_s);

    // A registry's catalog has no platforms: the filters are off there.
    window.searchPane()->setRegistries({m_proxy->hostPort()});
    window.searchPane()->setRegistry(m_proxy->hostPort());
    QTRY_VERIFY(!pane->platformFilter()->isEnabled());
}

void TestMainWindow::myRepositories()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Not signed in: the button says how to get there and asks the Hub nothing.
    m_hub->clearRequests();
    QTest::mouseClick(window.searchPane()->myRepositoriesButton(), Qt::LeftButton);
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(u"Log in to docker.io"_s));
    QVERIFY(m_hub->requests().isEmpty());

    // Signed in as the owner of the test bed's namespace: its repositories, the private one marked.
    m_hub->addAccount(u"library"_s, u"dckr_pat_library"_s);
    m_hub->setPrivate(u"library/single"_s, u"library"_s);
    StaticCredentialSource login(u"docker.io"_s, {u"library"_s, u"dckr_pat_library"_s, {}});
    m_hubClient->setCredentialSource(&login);
    QTest::mouseClick(window.searchPane()->myRepositoriesButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.searchModel()->state(), SearchModel::State::Ready, kTimeout);
    bool privateSingle = false;
    for (int row = 0; row < window.searchModel()->rowCount(); ++row) {
        const QModelIndex index = window.searchModel()->index(row);
        privateSingle = privateSingle
            || (index.data(SearchModel::NameRole) == u"single"_s && index.data(SearchModel::PrivateRole).toBool());
    }
    m_hubClient->setCredentialSource(nullptr);
    m_hub->setPrivate(u"library/single"_s, {});
    QVERIFY(privateSingle);
    QVERIFY2(window.statusBar()->currentMessage().contains(u"library"_s), qPrintable(window.statusBar()->currentMessage()));
}

void TestMainWindow::keyboardShortcuts()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    pickMultiLatest(window);
    if (QTest::currentTestFailed())
        return;

    // Ctrl+F focuses the search box.
    window.platformsPane()->view()->setFocus();
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_F));
    QTRY_VERIFY(window.searchPane()->queryEdit()->hasFocus());

    // Ctrl+C on a platform copies its digest.
    QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
    QTreeView *view = window.platformsPane()->view();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QApplication::clipboard()->clear();
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_C));
    const QString digest = view->currentIndex().data(PlatformModel::DigestRole).toString();
    QVERIFY(digest.startsWith(u"sha256:"_s));
    QCOMPARE(QApplication::clipboard()->text(), digest);

    // Ctrl+C on a tag copies the whole reference, through the filter proxies.
    QAbstractItemView *tags = window.tagsPane()->view();
    tags->setFocus();
    QTRY_VERIFY(tags->hasFocus());
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_C));
    const QString tag = window.tagsPane()->currentTag();
    QVERIFY(!tag.isEmpty());
    QVERIFY2(QApplication::clipboard()->text().endsWith(u':' + tag), qPrintable(QApplication::clipboard()->text()));
    QCOMPARE(QApplication::clipboard()->text(), window.tagsPane()->view()->currentIndex().data(ItemRole::CopyText).toString());

    // Enter on a platform pulls it.
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->pullIndex(0).data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Done, 60'000);
}

void TestMainWindow::settingsRestoreLastSelections()
{
    {
        MainWindow window(services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        pickMultiLatest(window);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(window.platformsPane()->selectPlatform(u"linux/arm64"_s));
        window.resize(1240, 760);
        window.close();
    }
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.searchPane()->queryEdit()->text(), u"multi"_s);
    QCOMPARE(window.size(), QSize(1240, 760));
    QTRY_COMPARE_WITH_TIMEOUT(window.tagsPane()->currentTag(), u"latest"_s, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.platformsPane()->currentPlatform() >= 0, kTimeout);
    QCOMPARE(window.platformModel()->platformIndex(window.platformsPane()->currentPlatform())
                 .data(PlatformModel::PlatformRole).toString(),
             u"linux/arm64/v8"_s);
}

void TestMainWindow::settingsDialogStoresLanguage()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(Localization::preferredLocale(), QLocale::system());

    auto *action = window.findChild<QAction *>(u"settingsAction"_s);
    QVERIFY(action);
    action->trigger();
    SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SettingsDialog *>()) && dialog->isVisible());
    QComboBox *language = dialog->languageBox();
    QCOMPARE(language->currentData().toString(), u"system"_s);
    // The system's language, and every language Wharf has a catalog for, by its own name.
    QVERIFY(language->findData(u"en"_s) > 0);
    QVERIFY(language->findData(u"ko"_s) > 0);
    QCOMPARE(language->itemText(language->findData(u"ko"_s)), u"한국어"_s);
    QCOMPARE(language->itemText(language->findData(u"en"_s)), u"English"_s);
    auto *note = dialog->findChild<QLabel *>(u"languageNote"_s);
    QVERIFY(!note->isVisible());

    language->setCurrentIndex(language->findData(u"ko"_s));
    QVERIFY(note->isVisible()); // "…the next time Wharf starts"
    dialog->registriesEdit()->setPlainText(u"127.0.0.1:5999\nregistry.example.com, 127.0.0.1:5999"_s);
    screenshot(dialog, u"12-settings"_s);
    dialog->accept();
    QTRY_VERIFY(!window.findChild<SettingsDialog *>()); // deleted on close

    // Stored where main() reads it at the next start, and the catalog it names loads.
    QCOMPARE(QSettings(u"Wharf"_s, u"wharf"_s).value(u"ui/language"_s).toString(), u"ko"_s);
    QCOMPARE(Localization::preferredLocale().language(), QLocale::Korean);
    {
        Localization localization;
        QVERIFY(localization.install(Localization::preferredLocale()));
        QCOMPARE(localization.language(), u"ko"_s);
    }
    QVERIFY2(window.statusBar()->currentMessage().contains(u"next time"_s), qPrintable(window.statusBar()->currentMessage()));
    // The registries apply at once, duplicates dropped.
    QCOMPARE(Preferences::load().registries, (QStringList{u"127.0.0.1:5999"_s, u"registry.example.com"_s}));
    auto *registries = window.searchPane()->findChild<QComboBox *>(u"searchRegistry"_s);
    QCOMPARE(registries->count(), 3);
    QCOMPARE(registries->itemData(1).toString(), u"127.0.0.1:5999"_s);

    // Back to the system's language.
    action->trigger();
    QTRY_VERIFY((dialog = window.findChild<SettingsDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->languageBox()->currentData().toString(), u"ko"_s);
    dialog->languageBox()->setCurrentIndex(0);
    dialog->accept();
    QCOMPARE(QSettings(u"Wharf"_s, u"wharf"_s).value(u"ui/language"_s).toString(), u"system"_s);
    QCOMPARE(Localization::preferredLocale(), QLocale::system());
}

void TestMainWindow::docksHideFloatAndComeBack()
{
    MainWindow window(services());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *dock = window.findChild<QDockWidget *>(u"pullsDock"_s);
    QVERIFY(dock && dock->isVisible());
    auto *title = qobject_cast<DockTitleBar *>(dock->titleBarWidget());
    QVERIFY(title);
    QVERIFY(title->findChild<QLabel *>() != nullptr);
    QVERIFY(!dock->windowIcon().isNull());

    // Its own float and close buttons do what QDockWidget's would.
    auto *floatButton = title->findChild<QToolButton *>(u"dockFloat"_s);
    QTest::mouseClick(floatButton, Qt::LeftButton);
    QTRY_VERIFY(dock->isFloating());
    QTest::mouseClick(floatButton, Qt::LeftButton);
    QTRY_VERIFY(!dock->isFloating());
    QTest::mouseClick(title->findChild<QToolButton *>(u"dockClose"_s), Qt::LeftButton);
    QTRY_VERIFY(!dock->isVisible());
    // View brings it back, and lists every dock with its icon.
    auto *toggle = window.findChild<QAction *>(dock->objectName() + u"Action"_s);
    QVERIFY(toggle);
    QVERIFY(!toggle->icon().isNull());
    QMenu *viewMenu = nullptr;
    for (QAction *top : window.menuBar()->actions())
        if (top->menu() && top->text() == MainWindow::tr("&View"))
            viewMenu = top->menu();
    QVERIFY(viewMenu && viewMenu->actions().contains(toggle)); // in View
    toggle->trigger();
    QTRY_VERIFY(dock->isVisible());
    QVERIFY(toggle->isChecked());

    // A dock behind a tab is brought to the front, not hidden: Local images stacked behind Pulls.
    auto *local = window.findChild<QDockWidget *>(u"localImagesDock"_s);
    auto *pulls = window.findChild<QDockWidget *>(u"pullsDock"_s);
    QVERIFY(local && pulls);
    window.tabifyDockWidget(pulls, local);
    pulls->raise();
    // Behind a tab a dock is "visible" to Qt with nothing of it on screen.
    QTRY_VERIFY(local->visibleRegion().isEmpty());
    auto *localAction = window.findChild<QAction *>(u"localImagesDockAction"_s);
    QVERIFY(localAction->isChecked());
    localAction->trigger();
    QTRY_VERIFY(!local->visibleRegion().isEmpty());
    QTRY_VERIFY(pulls->visibleRegion().isEmpty());
    QVERIFY(localAction->isChecked());
    // In front, the same item hides it.
    localAction->trigger();
    QTRY_VERIFY(!local->isVisible());
    QVERIFY(!localAction->isChecked());

    // The image's tabs: View (or Alt+2) brings the layer map forward.
    auto *tabs = window.findChild<QTabWidget *>(u"imageTabs"_s);
    QVERIFY(tabs);
    QCOMPARE(tabs->currentWidget(), window.imagePane());
    QTest::keyClick(&window, Qt::Key_2, Qt::AltModifier);
    QCOMPARE(tabs->currentWidget(), window.layerMapPane());
    window.findChild<QAction *>(u"compareTabAction"_s)->trigger();
    QCOMPARE(tabs->currentWidget(), window.comparePane());
}

// layers:app, as a person reads it: the map of its layers, the whiteout layer's files (the
// deleted file marked deleted, gone from the merged view above it), find, sort, extract one file,
// and the wasted space of the image.
void TestMainWindow::layersMapFilesEfficiency()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.resize(1600, 1050);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(u"imageTabs"_s);
    QVERIFY(tabs);

    LayerFilesModel *files = window.layerFilesModel();
    LayerFilesProxyModel *proxy = window.layerFilesPane()->proxy();
    QAbstractItemModelTester filesTester(files, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester efficiencyTester(window.efficiencyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(files->state(), LayerFilesModel::State::Idle);
    QCOMPARE(window.layerFilesPane()->statePanel()->kind(), StatePanel::Kind::Message);

    QSignalSpy efficiencyStates(window.efficiencyModel(), &ImageEfficiencyModel::stateChanged);
    pickImage(window, u"layers"_s, u"app"_s);
    if (QTest::currentTestFailed())
        return;
    const QStringList layers = m_images.layerDigests(u"layers"_s, u"app"_s);
    QCOMPARE(layers.size(), 4);

    // The map, in its tab: the picked tag is ticked and mapped.
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(tabs->indexOf(window.layerMapPane())).center());
    QVERIFY(window.layerMapPane()->isVisible());
    QCOMPARE(window.layerMapPane()->checkedTags(), QStringList{u"app"_s});
    QTRY_COMPARE_WITH_TIMEOUT(window.layerMapLoader()->state(), LayerMapLoader::State::Ready, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.layerMapPane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);

    // A small image is measured at once (under MainWindow::kAutoAnalyseBytes), on a worker.
    QTRY_COMPARE_WITH_TIMEOUT(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Ready, kTimeout);
    QVERIFY(efficiencyStates.size() >= 2); // Loading, then Ready: never synchronous
    {
        // The same figures as ImageEfficiency on a stack listed here, independently.
        const QList<Descriptor> descriptors = window.imageLayers();
        auto *job = new LayerStackJob(m_client.get(), u"docker.io"_s, u"library/layers"_s,
                                      descriptors, QString());
        job->setAutoDelete(false);
        QSignalSpy done(job, &Job::finished);
        job->start();
        QVERIFY(done.wait(kTimeout));
        QVERIFY2(!job->error(), qPrintable(job->error() ? job->error()->message() : QString()));
        const ImageEfficiency expected = ImageEfficiency::measure(job->stack());
        delete job;
        const ImageEfficiency &shown = window.efficiencyModel()->efficiency();
        QCOMPARE(shown.totalBytes, expected.totalBytes);
        QCOMPARE(shown.wastedBytes, expected.wastedBytes);
        QCOMPARE(shown.score, expected.score);
        QCOMPARE(shown.offenders.size(), expected.offenders.size());
        // build-images.sh: app deletes etc/obsolete.conf (14 bytes), rewrites etc/motd (38 bytes
        // before) and hides usr/share/doc/pkg (README 11, COPYING 17, changelog.bin 65536).
        QCOMPARE(shown.wastedBytes, qint64(14 + 38 + 11 + 17 + 65536));
        QVERIFY(shown.complete);
    }
    QAbstractItemModel *offenders = window.efficiencyPanel()->offendersView()->model();
    QCOMPARE(offenders->rowCount(), 5);
    QCOMPARE(offenders->index(0, ImageEfficiencyModel::PathColumn).data(ImageEfficiencyModel::PathRole).toString(),
             u"usr/share/doc/pkg/changelog.bin"_s);
    QCOMPARE(offenders->index(0, 0).data(ImageEfficiencyModel::WastedBytesRole).toLongLong(), 65536);
    QVERIFY(offenders->index(0, 0).data(ImageEfficiencyModel::RemovedRole).toBool());
    QVERIFY(window.efficiencyPanel()->scoreLabel()->text().contains(u'%'));
    QCOMPARE(window.efficiencyPanel()->statePanel()->kind(), StatePanel::Kind::Content);

    // The whiteout layer (layer 3, index 2) from the history table: the map and the Files pane
    // follow; Enter on the row opens the Files tab.
    QTest::keyClick(&window, Qt::Key_1, Qt::AltModifier);
    QCOMPARE(tabs->currentWidget(), window.imagePane());
    clickHistoryLayer(window, 2);
    QCOMPARE(window.layerMapPane()->view()->selectedLayer(), layers.at(2));
    QTRY_COMPARE_WITH_TIMEOUT(files->state(), LayerFilesModel::State::Ready, kTimeout);
    QCOMPARE(tabs->currentWidget(), window.imagePane()); // a click only follows
    QTest::keyClick(window.imagePane()->historyView(), Qt::Key_Return);
    QCOMPARE(tabs->currentWidget(), window.layerFilesPane());
    QCOMPARE(window.layerFilesPane()->layerBox()->currentIndex(), 2);
    QCOMPARE(files->layerIndex(), 2);
    QCOMPARE(files->view(), LayerFilesModel::View::LayerOnly);
    QVERIFY(!files->isIncomplete());
    QVERIFY(!window.layerFilesPane()->incompleteBanner()->isVisible());
    const QModelIndex obsolete = files->indexOfPath(u"etc/obsolete.conf"_s);
    QVERIFY(obsolete.isValid());
    QVERIFY(obsolete.data(LayerFilesModel::DeletedRole).toBool());
    QCOMPARE(FileMark(obsolete.data(LayerFilesModel::MarkRole).toInt()), FileMark::Deleted);
    QCOMPARE(FileMark(files->indexOfPath(u"etc/motd"_s).data(LayerFilesModel::MarkRole).toInt()), FileMark::Modified);
    QCOMPARE(FileMark(files->indexOfPath(u"etc/app.conf"_s).data(LayerFilesModel::MarkRole).toInt()), FileMark::Added);
    QVERIFY(files->count(FileMark::Deleted) >= 1);
    QVERIFY2(window.layerFilesPane()->countsLabel()->toolTip().contains(u"%1 modified"_s.arg(files->count(FileMark::Modified))),
             qPrintable(window.layerFilesPane()->countsLabel()->toolTip()));
    // A deletion cannot be extracted, and the action says why.
    QVERIFY(window.layerFilesPane()->selectPath(u"etc/obsolete.conf"_s));
    QVERIFY(!window.layerFilesPane()->extractAction()->isEnabled());
    QVERIFY(!window.layerFilesPane()->extractAction()->toolTip().isEmpty());
    QVERIFY(window.layerFilesPane()->selectPath(u"etc"_s));
    QVERIFY(!window.layerFilesPane()->extractAction()->isEnabled());
    // Merged up to this layer: the deletion is still shown (as what this layer removed).
    QTest::mouseClick(window.layerFilesPane()->mergedButton(), Qt::LeftButton);
    QCOMPARE(files->view(), LayerFilesModel::View::Merged);
    QVERIFY(files->indexOfPath(u"bin/tool"_s).isValid()); // from the base layer
    QVERIFY(files->indexOfPath(u"etc/obsolete.conf"_s).data(LayerFilesModel::DeletedRole).toBool());

    // The layer above, clicked on the map: its merged view no longer has the deleted file.
    LayerMapView *map = window.layerMapPane()->view();
    const QList<int> nodes = map->graph().nodesWithDigest(*Digest::parse(layers.at(3)));
    QCOMPARE(nodes.size(), 1);
    QTest::mouseClick(map->viewport(), Qt::LeftButton, {}, map->nodeViewportPosition(nodes.at(0)));
    QCOMPARE(map->selectedLayer(), layers.at(3));
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->historyView()->currentIndex().data(HistoryModel::LayerIndexRole).toInt(), 3,
                              kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(files->layerIndex(), 3, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(files->state(), LayerFilesModel::State::Ready, kTimeout);
    QCOMPARE(files->view(), LayerFilesModel::View::Merged);
    QVERIFY(!files->indexOfPath(u"etc/obsolete.conf"_s).isValid());
    QVERIFY(files->indexOfPath(u"usr/share/doc/pkg/changelog.bin"_s).data(LayerFilesModel::DeletedRole).toBool());
    QVERIFY(files->indexOfPath(u"usr/share/doc"_s).data(LayerFilesModel::OpaqueRole).toBool());

    // Find by name: only the matches and the folders on their way.
    QTest::keyClicks(window.layerFilesPane()->findEdit(), u"server"_s);
    QCOMPARE(proxy->findText(), u"server"_s);
    QCOMPARE(proxy->rowCount(), 1); // opt
    const QModelIndex opt = proxy->index(0, 0);
    QCOMPARE(opt.data(LayerFilesModel::NameRole).toString(), u"opt"_s);
    const QModelIndex server = proxy->index(0, 0, proxy->index(0, 0, opt));
    QCOMPARE(server.data(LayerFilesModel::PathRole).toString(), u"opt/app/server.bin"_s);
    QCOMPARE(server.data(ItemRole::CopyText).toString(), u"opt/app/server.bin"_s); // what Ctrl+C copies
    window.layerFilesPane()->findEdit()->clear();
    QVERIFY(proxy->rowCount() > 1);

    // Sort by size, largest first, by clicking the header: folders first, then by bytes.
    QHeaderView *header = window.layerFilesPane()->view()->header();
    const int sizeX = header->sectionViewportPosition(LayerFilesModel::SizeColumn) + header->sectionSize(LayerFilesModel::SizeColumn) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(sizeX, header->height() / 2));
    if (header->sortIndicatorOrder() != Qt::DescendingOrder)
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(sizeX, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), int(LayerFilesModel::SizeColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    {
        const QModelIndex usr = proxy->mapFromSource(files->indexOfPath(u"usr/share/doc/pkg"_s));
        QVERIFY(usr.isValid());
        QList<qint64> sizes;
        for (int row = 0; row < proxy->rowCount(usr); ++row)
            sizes << proxy->index(row, 0, usr).data(LayerFilesModel::SizeRole).toLongLong();
        QCOMPARE(sizes, (QList<qint64>{65536, 17, 11}));
    }

    map->setZoom(1.0);
    map->setSelectedLayer(layers.at(3));
    screenshot(&window, u"13-layers"_s);
    checkFitsSmallScreen(window, "13-layers", 1600);

    // Extract etc/motd of the whiteout layer (a regular file) into a folder the hook names; the
    // bytes are those of the tar in the test bed's layout.
    clickHistoryLayer(window, 2);
    QTRY_COMPARE_WITH_TIMEOUT(files->state(), LayerFilesModel::State::Ready, kTimeout);
    QTest::mouseClick(window.layerFilesPane()->layerOnlyButton(), Qt::LeftButton);
    QVERIFY(window.layerFilesPane()->selectPath(u"etc/motd"_s));
    QVERIFY(window.layerFilesPane()->extractAction()->isEnabled());
    m_extractFolder = m_dir->filePath(u"extracted"_s);
    QVERIFY(QDir().mkpath(m_extractFolder));
    window.layerFilesPane()->extractAction()->trigger();
    QCOMPARE(m_extractAsked, QStringList{u"motd"_s});
    const QString written = QDir(m_extractFolder).filePath(u"motd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().startsWith(u"Extracted"_s)
                                 || window.statusBar()->currentMessage().startsWith(u"Could not"_s),
                             kTimeout);
    QVERIFY2(QFile::exists(written), qPrintable(window.statusBar()->currentMessage()));
    QFile file(written);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QProcess tar;
    const QString blob = m_images.layoutPath() + u"/blobs/sha256/"_s + layers.at(2).section(u':', 1);
    tar.start(u"tar"_s, {u"-xzOf"_s, blob, u"etc/motd"_s});
    QVERIFY(tar.waitForFinished(kTimeout));
    const QByteArray expected = tar.readAllStandardOutput();
    QCOMPARE(expected, QByteArray("Welcome to the Wharf test bed (app).\n"));
    QCOMPARE(file.readAll(), expected);
    // Cancelled folder choice: nothing happens.
    m_extractFolder.clear();
    window.layerFilesPane()->extractAction()->trigger();
    QCOMPARE(m_extractAsked.size(), 2);
}

// layers:base against layers:app from the Compare pane: the two shared base layers, the two app
// adds, and every file the app changes, with size deltas.
void TestMainWindow::compareTwoTags()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.resize(1600, 1050);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = window.findChild<QTabWidget *>(u"imageTabs"_s);
    QVERIFY(tabs);
    ImageDiffModel *diff = window.diffModel();
    QAbstractItemModelTester diffTester(diff, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester layersTester(diff->layersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sortedTester(window.comparePane()->filesView()->model(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Over the limit, the Efficiency panel waits to be asked: "Analyse Layers" measures it.
    window.setAutoAnalyseLimit(1000);
    pickImage(window, u"layers"_s, u"base"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Idle);
    QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier); // the Efficiency tab
    QVERIFY(window.efficiencyPanel()->isPending());
    QVERIFY(window.efficiencyPanel()->pendingLabel()->text().contains(u"2 layer"_s));
    QTest::mouseClick(window.efficiencyPanel()->analyseButton(), Qt::LeftButton);
    QCOMPARE(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Ready, kTimeout);
    QCOMPARE(window.efficiencyModel()->efficiency().wastedBytes, 0); // base overwrites nothing
    QCOMPARE(window.efficiencyModel()->efficiency().score, 1.0);

    ComparePane *pane = window.comparePane();
    QVERIFY(!pane->compareButton()->isEnabled()); // base against itself
    pane->setOther(u"app"_s, u"linux/amd64"_s);
    QVERIFY(pane->compareButton()->isEnabled());
    QSignalSpy states(diff, &ImageDiffModel::stateChanged);
    QTest::mouseClick(pane->compareButton(), Qt::LeftButton);
    QCOMPARE(tabs->currentWidget(), window.comparePane());
    QTRY_COMPARE_WITH_TIMEOUT(diff->state(), ImageDiffModel::State::Ready, kTimeout);
    QCOMPARE(pane->statePanel()->kind(), StatePanel::Kind::Content);

    const ImageDiff &d = diff->diff();
    QCOMPARE(d.sharedPrefix, 2);
    QCOMPARE(d.commonLayers.size(), 2);
    QCOMPARE(d.onlyInFrom.size(), 0);
    QCOMPARE(d.onlyInTo.size(), 2);
    QVERIFY(d.complete);
    QCOMPARE(diff->layersModel()->rowCount(), 4);
    const QStringList appLayers = m_images.layerDigests(u"layers"_s, u"app"_s);
    QCOMPARE(diff->layersModel()->index(0, 0).data(ImageDiffLayersModel::DigestRole).toString(), appLayers.at(0));
    QVERIFY(diff->layersModel()->index(0, 0).data(ImageDiffLayersModel::SharedBaseRole).toBool());
    QCOMPARE(ImageDiffLayersModel::Kind(diff->layersModel()->index(3, 0).data(ImageDiffLayersModel::KindRole).toInt()),
             ImageDiffLayersModel::Kind::OnlyInTo);

    auto change = [diff](const QString &path) {
        const int row = diff->rowOfPath(path);
        return row < 0 ? -1 : diff->index(row, 0).data(ImageDiffModel::ChangeRole).toInt();
    };
    QCOMPARE(change(u"etc/app.conf"_s), int(ImageDiff::Change::Added));
    QCOMPARE(change(u"opt/app/server.bin"_s), int(ImageDiff::Change::Added));
    QCOMPARE(change(u"usr/share/doc/app/README"_s), int(ImageDiff::Change::Added));
    QCOMPARE(change(u"etc/obsolete.conf"_s), int(ImageDiff::Change::Removed));
    QCOMPARE(change(u"usr/share/doc/pkg/changelog.bin"_s), int(ImageDiff::Change::Removed));
    QCOMPARE(change(u"etc/motd"_s), int(ImageDiff::Change::Changed));
    QCOMPARE(change(u"etc/hostname"_s), -1); // the shared base's own
    QCOMPARE(change(u"bin/tool"_s), -1);
    const int motd = diff->rowOfPath(u"etc/motd"_s);
    QCOMPARE(diff->index(motd, 0).data(ImageDiffModel::SizeDeltaRole).toLongLong(), -1); // "(base)" → "(app)"
    QCOMPARE(diff->index(diff->rowOfPath(u"opt/app/server.bin"_s), 0).data(ImageDiffModel::SizeDeltaRole).toLongLong(),
             524288);
    QVERIFY(pane->summaryLabel()->text().contains(u"2 in common"_s));
    QVERIFY(states.size() >= 2);
    screenshot(&window, u"14-compare"_s);
    checkFitsSmallScreen(window, "14-compare", 1600);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
