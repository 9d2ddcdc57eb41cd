// The Local images pane driven as a person would, offscreen, against the Docker Hub test bed
// (WindowBed): Delete asks first — by the button, the Delete key or the row's menu — naming the
// image and what deleting it frees, frees exactly that (the blobs no other stored image keeps,
// under the store's lock), leaves nothing selected, and says so in the status bar; Clean Up shows
// and frees what garbage collection would; the columns sort by a header click; the row's context
// menu opens, exports, shows in the folder (index.json selected) and copies paths and references;
// the export and extract dialogs start in a folder that exists and remember the last one; and a
// stored image opens offline — history, config, a layer's files, efficiency, the layer map and a
// comparison with another stored platform, all from the store with the registry unreachable.
// Screenshots: local-delete-confirm, local-deleted, local-clean-up, local-context-menu,
// local-offline-open, local-offline-map, local-offline-compare.
#include "ComparePane.h"
#include "Desktop.h"
#include "EfficiencyPanel.h"
#include "ImagePane.h"
#include "LayerFilesPane.h"
#include "LayerMapPane.h"
#include "LocalImagesPane.h"
#include "MainWindow.h"
#include "PlatformsPane.h"
#include "Preferences.h"
#include "StatePanel.h"
#include "hub/HubClient.h"
#include "itemmodels/ConfigModel.h"
#include "itemmodels/HistoryModel.h"
#include "itemmodels/ImageDiffModel.h"
#include "itemmodels/ImageEfficiencyModel.h"
#include "itemmodels/LayerFilesModel.h"
#include "itemmodels/LocalImagesModel.h"
#include "itemmodels/PlatformModel.h"
#include "itemmodels/PullListModel.h"
#include "layers/LayerMapLoader.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include "FaultProxy.h"
#include "WindowBed.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

// The row of the Local images table showing `platform` (a prefix: "linux/arm64" matches
// "linux/arm64/v8"); -1 when there is none.
int rowOfPlatform(const LocalImagesModel *model, const QString &platform)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(LocalImagesModel::PlatformRole).toString().startsWith(platform))
            return row;
    return -1;
}

void clickRow(QTableView *view, int row, Qt::MouseButton button = Qt::LeftButton)
{
    const QModelIndex index = view->model()->index(row, 0);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), button, {}, view->visualRect(index).center());
}

// Right-click on a row: the context-menu event the platform sends, then the menu that opens.
QMenu *openContextMenu(LocalImagesPane *pane, int row)
{
    QTableView *view = pane->view();
    const QModelIndex index = view->model()->index(row, 0);
    view->scrollTo(index);
    const QPoint at = view->visualRect(index).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &event);
    QMenu *menu = pane->contextMenu();
    return menu && menu->isVisible() ? menu : nullptr;
}

// Clicks the menu's item named `name`, as the mouse would.
bool clickMenuItem(QMenu *menu, const QString &name)
{
    QAction *action = nullptr;
    for (QAction *a : menu->actions())
        if (a->objectName() == name)
            action = a;
    if (!action || !action->isEnabled())
        return false;
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
    return true;
}

// Bytes on disk of the blobs `image` keeps that no image of `others` keeps (manifest, config, layers).
qint64 exclusiveBytes(const ImageStore &store, const StoredImage &image, const QList<StoredImage> &others)
{
    const auto blobsOf = [&store](const StoredImage &i) {
        QSet<QString> blobs{i.manifest.digest.toString()};
        if (auto manifest = store.readImageManifest(i.manifest)) {
            blobs.insert(manifest->config.digest.toString());
            for (const Descriptor &layer : manifest->layers)
                blobs.insert(layer.digest.toString());
        }
        return blobs;
    };
    QSet<QString> mine = blobsOf(image);
    for (const StoredImage &other : others)
        mine.subtract(blobsOf(other));
    qint64 bytes = 0;
    for (const QString &digest : std::as_const(mine))
        bytes += QFileInfo(store.blobPath(*Digest::parse(digest))).size();
    return bytes;
}

// The store as a person would leave it after deleting through the window: no partial download,
// no lease, no lock, and every reference resolves.
void checkNoLitter(const ImageStore &store)
{
    QVERIFY(QDir(store.root() + u"/ingest"_s).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    QVERIFY(!QDir(store.root() + u"/leases"_s).exists()
            || QDir(store.root() + u"/leases"_s).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    // The index lock is held only while a read of the window's (what Clean Up would free) runs.
    QTRY_VERIFY(!QFileInfo::exists(store.root() + u"/index.lock"_s));
    auto verified = store.verify();
    QVERIFY(verified);
    QVERIFY2(verified->isClean(), qPrintable(verified->problems.isEmpty() ? QString() : verified->problems.first().detail));
}

// The status bar's messages since `spy` began, newest last (another may follow a moment later).
QStringList messages(const QSignalSpy &spy)
{
    QStringList list;
    for (const QList<QVariant> &signal : spy)
        list << signal.at(0).toString();
    return list;
}

QString messageContaining(const QSignalSpy &spy, const QString &text)
{
    for (const QString &message : messages(spy))
        if (message.contains(text))
            return message;
    return {};
}

// Runs `check` on the file dialog once it is the active modal widget (the real dialogs block).
void whenFileDialogOpens(const std::function<void(QFileDialog *)> &check)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, check] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        check(dialog);
    });
    timer->start();
}

// A grab of `window` with `dialog` (a window of its own) drawn over its centre, as a person sees them.
void screenshotWithDialog(QWidget *window, QWidget *dialog, const QString &name)
{
    QPixmap shot = window->grab();
    const QPixmap box = dialog->grab();
    QPainter painter(&shot);
    painter.drawPixmap((shot.width() - box.width()) / 2, (shot.height() - box.height()) / 2, box);
    painter.end();
    const QString dir = QStringLiteral(WHARF_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(shot.save(dir + u'/' + name + u".png"));
}

QPushButton *acceptButton(QFileDialog *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    if (!box)
        return nullptr;
    for (QAbstractButton *button : box->buttons())
        if (box->buttonRole(button) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton *>(button);
    return nullptr;
}

} // namespace

class TestLocalImages final : public QObject, protected WindowBed
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void deleteAsksAndFreesWhatItSaid();
    void cleanUpFreesWhatGcWould();
    void columnsSortByHeader();
    void contextMenu();
    void exportAndExtractDialogsStartSomewhereReal();
    void openOffline();

private:
    // Pulls linux/arm64 and linux/amd64 of multi:latest through the window's Pull button.
    void pullTwoPlatforms(MainWindow &window);
};

void TestLocalImages::initTestCase()
{
    startBed();
}

void TestLocalImages::init()
{
    resetForTest();
}

void TestLocalImages::cleanup()
{
    tearDownTest();
}

void TestLocalImages::pullTwoPlatforms(MainWindow &window)
{
    pullArm64(window);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.platformsPane()->selectPlatform(u"linux/amd64"_s));
    QTRY_VERIFY_WITH_TIMEOUT(window.platformsPane()->pullButton()->isEnabled(), kTimeout);
    QTest::mouseClick(window.platformsPane()->pullButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->rowCount(), 2, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.pullModel()->pullIndex(1).data(PullListModel::StateRole).value<PullListModel::State>(),
                              PullListModel::State::Done, 60'000);
    QTRY_COMPARE_WITH_TIMEOUT(window.localImagesModel()->rowCount(), 2, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!window.localImagesModel()->isLoading(), kTimeout);
}

void TestLocalImages::deleteAsksAndFreesWhatItSaid()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAbstractItemModelTester tester(window.localImagesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pullTwoPlatforms(window);
    if (QTest::currentTestFailed())
        return;
    LocalImagesPane *pane = window.localImagesPane();
    LocalImagesModel *model = window.localImagesModel();
    QTableView *view = pane->view();

    // What deleting arm64 frees: its manifest, its config and the layers amd64 does not share.
    const int arm = rowOfPlatform(model, u"linux/arm64"_s);
    const int amd = rowOfPlatform(model, u"linux/amd64"_s);
    QVERIFY(arm >= 0 && amd >= 0);
    const StoredImage armImage = *model->image(arm);
    const StoredImage amdImage = *model->image(amd);
    const qint64 freeable = exclusiveBytes(*m_store, armImage, {amdImage});
    QVERIFY(freeable > 0);
    QCOMPARE(model->index(arm, 0).data(LocalImagesModel::FreeableBytesRole).toLongLong(), freeable);
    // The layer both platforms share is not counted.
    QVERIFY(freeable < model->index(arm, 0).data(LocalImagesModel::SizeRole).toLongLong());
    const auto armManifest = m_store->readImageManifest(armImage.manifest);
    QVERIFY(armManifest);

    // The Delete key on the table asks first, naming the image and what it frees.
    QVERIFY(!pane->deleteButton()->isEnabled()); // nothing selected yet
    clickRow(view, arm);
    QCOMPARE(pane->currentImage(), arm);
    QVERIFY(pane->deleteButton()->isEnabled());
    QTest::keyClick(view, Qt::Key_Delete);
    QTRY_VERIFY_WITH_TIMEOUT(pane->deleteConfirmation() && pane->deleteConfirmation()->isVisible(), kTimeout);
    QMessageBox *box = pane->deleteConfirmation();
    QVERIFY2(box->text().contains(u"multi:latest (linux/arm64"_s), qPrintable(box->text()));
    const QString freedText = QLocale().formattedDataSize(freeable);
    QVERIFY2(box->informativeText().contains(freedText), qPrintable(box->informativeText() + u" / "_s + freedText));
    screenshotWithDialog(&window, box, u"local-delete-confirm"_s);

    // Cancel (Escape): nothing happens.
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!pane->deleteConfirmation());
    QTest::qWait(100);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(m_store->images()->size(), 2);

    // The button asks too; Delete in the box deletes it, and its blobs.
    QTest::mouseClick(pane->deleteButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pane->deleteConfirmation() && pane->deleteConfirmation()->isVisible(), kTimeout);
    auto *confirm = pane->deleteConfirmation()->findChild<QPushButton *>(u"confirmDelete"_s);
    QVERIFY(confirm);
    QSignalSpy status(window.statusBar(), &QStatusBar::messageChanged);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!messageContaining(status, u"freed"_s).isEmpty(), kTimeout);
    const QString deleted = messageContaining(status, u"freed"_s);
    QVERIFY2(deleted.contains(u"Deleted multi:latest (linux/arm64"_s) && deleted.contains(freedText + u" freed"_s), qPrintable(deleted));
    QCOMPARE(m_store->images()->size(), 1);
    QVERIFY(model->image(0)->platform.toString().startsWith(u"linux/amd64"_s));
    QVERIFY(!m_store->hasBlob(armImage.manifest.digest));
    QVERIFY(!m_store->hasBlob(armManifest->config.digest));
    const auto amdManifest = m_store->readImageManifest(amdImage.manifest);
    QVERIFY(amdManifest);
    for (const Descriptor &layer : armManifest->layers)
        QCOMPARE(m_store->hasBlob(layer.digest), amdManifest->layers.contains(layer)); // the shared one stays
    // Nothing left to collect: the deletion freed it all, and the store is whole.
    QCOMPARE(m_store->collectGarbage(ImageStore::GcMode::DryRun)->bytesRemoved, 0);
    QTRY_VERIFY(!pane->cleanUpButton()->isVisible());
    checkNoLitter(*m_store);
    // The remaining image's figures changed in place: it now frees its shared layer too.
    QTRY_COMPARE(model->index(0, 0).data(LocalImagesModel::SharedBytesRole).toLongLong(), 0);
    QCOMPARE(model->index(0, 0).data(LocalImagesModel::FreeableBytesRole).toLongLong(), exclusiveBytes(*m_store, amdImage, {}));

    // Nothing is selected afterwards: a second click or key asks nothing and deletes nothing.
    QCOMPARE(pane->currentImage(), -1);
    QVERIFY(!pane->deleteButton()->isEnabled());
    QTest::mouseClick(pane->deleteButton(), Qt::LeftButton);
    QTest::keyClick(view, Qt::Key_Delete);
    QTest::qWait(100);
    QVERIFY(!pane->deleteConfirmation());
    QCOMPARE(model->rowCount(), 1);
    screenshot(&window, u"local-deleted"_s);
    checkFitsSmallScreen(window, "after a deletion");

    // The other one, chosen again, asks for itself.
    clickRow(view, 0);
    QTest::keyClick(view, Qt::Key_Delete);
    QTRY_VERIFY_WITH_TIMEOUT(pane->deleteConfirmation() && pane->deleteConfirmation()->isVisible(), kTimeout);
    QVERIFY(pane->deleteConfirmation()->text().contains(u"linux/amd64"_s));
    QTest::mouseClick(pane->deleteConfirmation()->findChild<QPushButton *>(u"confirmDelete"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(pane->statePanel()->kind(), StatePanel::Kind::Message, kTimeout);
    // An empty store: no blob is left behind.
    QVERIFY(QDir(m_store->root() + u"/blobs/sha256"_s).isEmpty());
    checkNoLitter(*m_store);
}

void TestLocalImages::cleanUpFreesWhatGcWould()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pullTwoPlatforms(window);
    if (QTest::currentTestFailed())
        return;
    LocalImagesPane *pane = window.localImagesPane();
    LocalImagesModel *model = window.localImagesModel();
    QVERIFY(!pane->cleanUpButton()->isVisible()); // nothing to collect after a pull

    // `wharf rm` in another process removes amd64 and leaves its blobs for gc.
    const int amd = rowOfPlatform(model, u"linux/amd64"_s);
    const StoredImage amdImage = *model->image(amd);
    QVERIFY(m_store->removeImage(amdImage.reference, amdImage.platform));
    const qint64 garbage = m_store->collectGarbage(ImageStore::GcMode::DryRun)->bytesRemoved;
    QVERIFY(garbage > 0);
    model->refresh(); // as the window does after a pull or on Refresh
    QTRY_VERIFY_WITH_TIMEOUT(pane->cleanUpButton()->isVisible(), kTimeout);
    QCOMPARE(model->reclaimableBytes(), garbage);
    const QString size = QLocale().formattedDataSize(garbage);
    QVERIFY2(pane->cleanUpButton()->text().contains(size), qPrintable(pane->cleanUpButton()->text()));
    screenshot(&window, u"local-clean-up"_s);
    checkFitsSmallScreen(window, "Clean Up shown");

    QSignalSpy status(window.statusBar(), &QStatusBar::messageChanged);
    QTest::mouseClick(pane->cleanUpButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!messageContaining(status, size + u" freed"_s).isEmpty(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->cleanUpButton()->isVisible(), kTimeout);
    QCOMPARE(model->reclaimableBytes(), 0);
    QVERIFY(!m_store->hasBlob(amdImage.manifest.digest));
    QCOMPARE(model->rowCount(), 1);
    checkNoLitter(*m_store);
}

void TestLocalImages::columnsSortByHeader()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAbstractItemModelTester tester(window.localImagesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    pullTwoPlatforms(window);
    if (QTest::currentTestFailed())
        return;
    LocalImagesModel *model = window.localImagesModel();
    QTableView *view = window.localImagesPane()->view();
    QHeaderView *header = view->horizontalHeader();
    const auto platforms = [model] {
        QStringList list;
        for (int row = 0; row < model->rowCount(); ++row)
            list << model->index(row, 0).data(LocalImagesModel::PlatformRole).toString();
        return list;
    };
    const auto clickHeader = [header](int section) {
        const int x = header->sectionViewportPosition(section) + header->sectionSize(section) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    // index.json's order (pull order) until a header is clicked.
    QVERIFY(platforms().at(0).startsWith(u"linux/arm64"_s));
    clickRow(view, rowOfPlatform(model, u"linux/arm64"_s));
    clickHeader(LocalImagesModel::PlatformColumn);
    const bool ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
    QCOMPARE(header->sortIndicatorSection(), int(LocalImagesModel::PlatformColumn));
    QCOMPARE(platforms().at(0).startsWith(u"linux/amd64"_s), ascending);
    // The selection follows its image, not its row.
    QVERIFY(model->index(window.localImagesPane()->currentImage(), 0).data(LocalImagesModel::PlatformRole).toString().startsWith(u"linux/arm64"_s));
    clickHeader(LocalImagesModel::PlatformColumn);
    QCOMPARE(platforms().at(0).startsWith(u"linux/amd64"_s), !ascending);
    // Sizes sort as numbers.
    clickHeader(LocalImagesModel::SizeColumn);
    const qint64 first = model->index(0, LocalImagesModel::SizeColumn).data(LocalImagesModel::RawValueRole).toLongLong();
    const qint64 second = model->index(1, LocalImagesModel::SizeColumn).data(LocalImagesModel::RawValueRole).toLongLong();
    QVERIFY(header->sortIndicatorOrder() == Qt::AscendingOrder ? first <= second : first >= second);
    // A refresh keeps the order.
    const QStringList before = platforms();
    QSignalSpy refreshed(model, &LocalImagesModel::refreshed);
    model->refresh();
    QVERIFY(refreshed.wait(kTimeout));
    QCOMPARE(platforms(), before);

    // Enter on a row opens it, like a double-click (the window showed amd64, the last pulled).
    QCOMPARE(window.configModel()->index(0, ConfigModel::ValueColumn).data().toString(), u"linux/amd64"_s);
    clickRow(view, rowOfPlatform(model, u"linux/arm64"_s));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY2(window.statusBar()->currentMessage().contains(u"from the local store"_s), qPrintable(window.statusBar()->currentMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(window.configModel()->index(0, ConfigModel::ValueColumn).data().toString(), u"linux/arm64/v8"_s, kTimeout);
}

void TestLocalImages::contextMenu()
{
    MainWindow window(services());
    useFakeDesktop(window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    pullArm64(window);
    if (QTest::currentTestFailed())
        return;
    LocalImagesPane *pane = window.localImagesPane();
    LocalImagesModel *model = window.localImagesModel();
    const StoredImage image = *model->image(0);

    // Every item is there, named.
    QMenu *menu = openContextMenu(pane, 0);
    QVERIFY(menu);
    QCOMPARE(pane->currentImage(), 0); // the row under the pointer
    QStringList names;
    for (QAction *action : menu->actions())
        if (!action->isSeparator())
            names << action->objectName();
    QCOMPARE(names, (QStringList{u"openImageAction"_s, u"exportImageAction"_s, u"revealImageAction"_s, u"copyImagePathAction"_s,
                                 u"copyImageReferenceAction"_s, u"deleteImageAction"_s}));
    screenshot(menu, u"local-context-menu"_s);

    // Copy Reference.
    QVERIFY(clickMenuItem(menu, u"copyImageReferenceAction"_s));
    QCOMPARE(QApplication::clipboard()->text(), u"docker.io/library/multi:latest"_s);

    // Copy Path: the store and the manifest's file in it.
    menu = openContextMenu(pane, 0);
    QVERIFY(menu);
    QVERIFY(clickMenuItem(menu, u"copyImagePathAction"_s));
    const QStringList paths = QApplication::clipboard()->text().split(u'\n');
    QCOMPARE(paths.size(), 2);
    QCOMPARE(paths.at(0), QDir::toNativeSeparators(m_store->root()));
    QCOMPARE(paths.at(1), QDir::toNativeSeparators(m_store->blobPath(image.manifest.digest)));
    QVERIFY(QFile::exists(paths.at(1)));

    // Show in Folder: the store's folder, index.json (which names the image) selected — not a
    // hash-named blob.
    menu = openContextMenu(pane, 0);
    QVERIFY(clickMenuItem(menu, u"revealImageAction"_s));
    QCOMPARE(m_revealed, QStringList{m_store->root() + u"/index.json"_s});
    QVERIFY(window.statusBar()->currentMessage().contains(u"multi:latest"_s));

    // Export…: the fake dialog is asked with the image's name; cancelled, nothing happens.
    menu = openContextMenu(pane, 0);
    QVERIFY(clickMenuItem(menu, u"exportImageAction"_s));
    QCOMPARE(m_suggestedExportName, u"multi_latest_linux-arm64-v8"_s);

    // Delete…: the same confirmation as the button.
    menu = openContextMenu(pane, 0);
    QVERIFY(clickMenuItem(menu, u"deleteImageAction"_s));
    QTRY_VERIFY_WITH_TIMEOUT(pane->deleteConfirmation() && pane->deleteConfirmation()->isVisible(), kTimeout);
    QTest::mouseClick(pane->deleteConfirmation()->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!pane->deleteConfirmation());
    QCOMPARE(model->rowCount(), 1);

    // Open: the image from the store, in the Image pane.
    menu = openContextMenu(pane, 0);
    QVERIFY(clickMenuItem(menu, u"openImageAction"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QCOMPARE(window.configModel()->index(0, ConfigModel::ValueColumn).data().toString(), u"linux/arm64/v8"_s);

    // Below the rows there is no menu.
    QTableView *view = pane->view();
    const QPoint below(10, view->viewport()->height() - 3);
    QVERIFY(!view->indexAt(below).isValid());
    pane->contextMenu()->hide();
    QContextMenuEvent event(QContextMenuEvent::Mouse, below, view->viewport()->mapToGlobal(below));
    QApplication::sendEvent(view->viewport(), &event);
    QVERIFY(!pane->contextMenu()->isVisible());
}

void TestLocalImages::exportAndExtractDialogsStartSomewhereReal()
{
    // A home without Downloads (a fresh account, a server): the dialogs start at home.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const ScopedEnv homeEnv("HOME", QFile::encodeName(home.path()));
    const ScopedEnv config("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(u".config"_s)));
    QVERIFY(!QFileInfo::exists(home.filePath(u"Downloads"_s)));
    const Desktop desktop = Desktop::standard();
    const QString base = u"multi_latest_linux-arm64-v8"_s;

    // Export: at home, with the docker-archive name; picking OCI gives the OCI name.
    QString seenFolder, seenName, seenOciName;
    bool acceptEnabled = false;
    const QString exportFolder = home.filePath(u"exports"_s);
    QVERIFY(QDir().mkpath(exportFolder));
    whenFileDialogOpens([&](QFileDialog *dialog) {
        seenFolder = dialog->directory().absolutePath();
        auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s);
        auto *types = dialog->findChild<QComboBox *>(u"fileTypeCombo"_s);
        if (!name || !types) {
            dialog->reject();
            return;
        }
        dialog->setDirectory(exportFolder); // as a double-click on the folder would
        seenName = name->text();
        types->setFocus(); // as clicking it does
        QTest::keyClick(types, Qt::Key_Down); // the other format
        seenOciName = name->text();
        QPushButton *save = acceptButton(dialog);
        acceptEnabled = save && save->isEnabled();
        if (save)
            QTest::mouseClick(save, Qt::LeftButton);
        else
            dialog->reject();
    });
    const auto target = desktop.chooseExportTarget(nullptr, base);
    QCOMPARE(QDir(seenFolder).canonicalPath(), QDir(home.path()).canonicalPath());
    QCOMPARE(seenName, base + u".docker.tar"_s);
    QCOMPARE(seenOciName, base + u".oci.tar"_s);
    QVERIFY(acceptEnabled);
    QVERIFY(target);
    QCOMPARE(target->format, ImageExporter::Format::OciArchive);
    QCOMPARE(QFileInfo(target->path).fileName(), base + u".oci.tar"_s);
    QCOMPARE(QDir(QFileInfo(target->path).absolutePath()).canonicalPath(), QDir(exportFolder).canonicalPath());

    // The next export starts where the last one went.
    whenFileDialogOpens([&](QFileDialog *dialog) {
        seenFolder = dialog->directory().absolutePath();
        dialog->reject();
    });
    QVERIFY(!desktop.chooseExportTarget(nullptr, base));
    QCOMPARE(QDir(seenFolder).canonicalPath(), QDir(exportFolder).canonicalPath());

    // Extract: at home too, with its Choose button usable; then where the last one went.
    whenFileDialogOpens([&](QFileDialog *dialog) {
        seenFolder = dialog->directory().absolutePath();
        QPushButton *choose = acceptButton(dialog);
        acceptEnabled = choose && choose->isEnabled();
        dialog->setDirectory(exportFolder);
        if (choose)
            QTest::mouseClick(choose, Qt::LeftButton);
        else
            dialog->reject();
    });
    const QString extractInto = desktop.chooseExtractFolder(nullptr, u"busybox"_s);
    QCOMPARE(QDir(seenFolder).canonicalPath(), QDir(home.path()).canonicalPath());
    QVERIFY(acceptEnabled);
    QCOMPARE(QDir(extractInto).canonicalPath(), QDir(exportFolder).canonicalPath());

    // Once Downloads exists, a first dialog starts there (nothing remembered yet).
    Preferences::settings().clear();
    QVERIFY(QDir().mkpath(home.filePath(u"Downloads"_s)));
    whenFileDialogOpens([&](QFileDialog *dialog) {
        seenFolder = dialog->directory().absolutePath();
        dialog->reject();
    });
    QVERIFY(desktop.chooseExtractFolder(nullptr, u"busybox"_s).isEmpty());
    QCOMPARE(QDir(seenFolder).canonicalPath(), QDir(home.filePath(u"Downloads"_s)).canonicalPath());

    // A remembered folder that has gone away is not used.
    Desktop::rememberFolder(Desktop::ExportFolderKey, home.filePath(u"gone"_s));
    QCOMPARE(QDir(Desktop::startFolder(Desktop::ExportFolderKey)).canonicalPath(),
             QDir(home.filePath(u"Downloads"_s)).canonicalPath());
}

void TestLocalImages::openOffline()
{
    // First, online: pull two platforms of multi:latest.
    {
        MainWindow window(services());
        useFakeDesktop(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        pullTwoPlatforms(window);
        if (QTest::currentTestFailed())
            return;
    }

    // Then a new window with the registry and Docker Hub on closed ports.
    const ScopedEnv offline("WHARF_DOCKERHUB_REGISTRY_URL", "http://127.0.0.1:" + QByteArray::number(closedPort()));
    HubClient offlineHub(m_client->network());
    offlineHub.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())));
    RegistryClient offlineRegistry;
    net::RetryPolicy fast;
    fast.maxAttempts = 2;
    fast.baseDelayMs = 50;
    offlineRegistry.setRetryPolicy(fast);
    offlineHub.setRetryPolicy(fast);
    MainWindow::Services s = services();
    s.hub = &offlineHub;
    s.registry = &offlineRegistry;
    // What the first window still had on the wire reaches the (in-process) proxy on the next turns of
    // the event loop: let it land before counting.
    QTest::qWait(300);
    m_proxy->clearRecords();
    MainWindow window(s);
    useFakeDesktop(window);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    LocalImagesModel *model = window.localImagesModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kTimeout);
    const int arm = rowOfPlatform(model, u"linux/arm64"_s);
    QVERIFY(arm >= 0);
    const StoredImage armImage = *model->image(arm);

    // Double-click the arm64 row.
    QTableView *view = window.localImagesPane()->view();
    const QModelIndex row = model->index(arm, LocalImagesModel::PlatformColumn);
    view->scrollTo(row);
    const QPoint at = view->visualRect(row).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);

    // History and config, from the store.
    QTRY_COMPARE_WITH_TIMEOUT(window.imagePane()->statePanel()->kind(), StatePanel::Kind::Content, kTimeout);
    QVERIFY(window.historyModel()->rowCount() > 0);
    QCOMPARE(window.configModel()->index(0, ConfigModel::ValueColumn).data().toString(), u"linux/arm64/v8"_s);
    QCOMPARE(window.platformModel()->platformCount(), 1);
    QCOMPARE(window.platformsPane()->statePanel()->kind(), StatePanel::Kind::Content);
    const auto manifest = m_store->readImageManifest(armImage.manifest);
    QVERIFY(manifest);
    QCOMPARE(window.imageLayers(), manifest->layers);
    screenshot(&window, u"local-offline-open"_s);

    // A layer's files.
    clickHistoryLayer(window, 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.layerFilesModel()->state(), LayerFilesModel::State::Ready, kTimeout);
    QVERIFY(window.layerFilesModel()->rowCount() > 0);
    QCOMPARE(window.layerFilesPane()->statePanel()->kind(), StatePanel::Kind::Content);

    // Efficiency (measured at once: a small image whose layers are all in the store).
    QTRY_COMPARE_WITH_TIMEOUT(window.efficiencyModel()->state(), ImageEfficiencyModel::State::Ready, kTimeout);
    QCOMPARE(window.efficiencyPanel()->statePanel()->kind(), StatePanel::Kind::Content);

    // The layer map: the repository's stored images, both platforms.
    QTRY_COMPARE_WITH_TIMEOUT(window.layerMapLoader()->state(), LayerMapLoader::State::Ready, kTimeout);
    QTest::qWait(600); // past the map pane's reload pause: it must not fall back to the registry
    QCOMPARE(window.layerMapLoader()->state(), LayerMapLoader::State::Ready);
    // The tag on show, for the platform on show (as online: each platform is asked for)…
    QCOMPARE(window.layerMapLoader()->graph().images().size(), 1);
    QCOMPARE(window.layerMapLoader()->graph().images().first().manifestDigest, armImage.manifest.digest);
    // …and every stored platform of it when the person picks All platforms.
    auto *platforms = window.layerMapPane()->findChild<QComboBox *>(u"layerMapPlatform"_s);
    QVERIFY(platforms);
    QVERIFY(platforms->findText(u"linux/amd64"_s) >= 0); // the store's platforms are offered
    platforms->setFocus();
    QTest::keyClick(platforms, Qt::Key_Home); // "All platforms" comes first
    QTRY_COMPARE_WITH_TIMEOUT(window.layerMapLoader()->graph().images().size(), 2, kTimeout);
    QCOMPARE(window.layerMapLoader()->state(), LayerMapLoader::State::Ready);
    QTest::keyClick(&window, Qt::Key_2, Qt::AltModifier); // View → Layer map
    QTRY_VERIFY(window.layerMapPane()->isVisible());
    screenshot(&window, u"local-offline-map"_s);
    QCOMPARE(window.layerMapPane()->statePanel()->kind(), StatePanel::Kind::Content);

    // Compare: the other stored platform is offered, and compared from the store.
    ComparePane *compare = window.comparePane();
    QCOMPARE(compare->otherPlatform(), u"linux/amd64"_s);
    QTRY_VERIFY_WITH_TIMEOUT(compare->compareButton()->isEnabled(), kTimeout);
    QTest::mouseClick(compare->compareButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.diffModel()->state(), ImageDiffModel::State::Ready, kTimeout);
    QCOMPARE(compare->statePanel()->kind(), StatePanel::Kind::Content);
    screenshot(&window, u"local-offline-compare"_s);

    // A tag the store does not have: Compare says why it cannot (the registry is unreachable).
    QLineEdit *tagEdit = compare->tagBox()->lineEdit();
    tagEdit->setFocus();
    tagEdit->selectAll();
    QTest::keyClicks(tagEdit, u"1.0"_s);
    QLineEdit *platformEdit = compare->platformBox()->lineEdit();
    platformEdit->setFocus();
    platformEdit->selectAll();
    QTest::keyClick(platformEdit, Qt::Key_Delete);
    QCOMPARE(compare->otherTag(), u"1.0"_s);
    QVERIFY(compare->otherPlatform().isEmpty());
    QTest::mouseClick(compare->compareButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(compare->statePanel()->kind(), StatePanel::Kind::Offline, kTimeout);
    QVERIFY2(compare->statePanel()->message().contains(u"local store"_s), qPrintable(compare->statePanel()->message()));

    // Nothing of this asked the registry.
    for (const HttpRequest &request : m_proxy->requests())
        QVERIFY2(!request.path().startsWith(u"/v2/library/multi/"_s), qPrintable(request.path()));
}

QTEST_MAIN(TestLocalImages)
#include "tst_localimages.moc"
