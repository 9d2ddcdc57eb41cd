// "Show in Folder" the way the desktop is asked (FileManager::reveal), on a private D-Bus session
// (tests/run-with-keyring.sh) so nothing real is launched: with an org.freedesktop.FileManager1
// service on the bus, ShowItems gets the file's URI; without one, the folder is opened through
// QDesktopServices, whose handler for file: URLs this test takes over.
#include "FileManager.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

// Stands in for Nautilus, Dolphin & co.
class FakeFileManager final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.FileManager1")
public:
    QStringList shown;

public Q_SLOTS:
    void ShowItems(const QStringList &uris, const QString &startupId)
    {
        Q_UNUSED(startupId);
        shown << uris;
    }
};

// Receives what QDesktopServices::openUrl would hand to xdg-open.
class UrlCatcher final : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

class TestFileManager final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void withoutAFileManagerTheFolderOpens();
    void withAFileManagerTheFileIsShown();

private:
    QTemporaryDir m_dir;
    QString m_file;
    UrlCatcher m_urls;
};

void TestFileManager::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("WHARF_TEST_KEYRING"))
        QSKIP("needs a private D-Bus session: run through tests/run-with-keyring.sh (ctest does)");
    QVERIFY(QDBusConnection::sessionBus().isConnected());
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(m_dir.filePath(u"blobs/sha256"_s)));
    m_file = m_dir.filePath(u"blobs/sha256/0123abcd"_s);
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QDesktopServices::setUrlHandler(u"file"_s, &m_urls, "open");
}

void TestFileManager::withoutAFileManagerTheFolderOpens()
{
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(u"org.freedesktop.FileManager1"_s).value());
    QVERIFY(wharf::FileManager::reveal(m_file));
    QCOMPARE(m_urls.opened, (QList<QUrl>{QUrl::fromLocalFile(m_dir.filePath(u"blobs/sha256"_s))}));
}

void TestFileManager::withAFileManagerTheFileIsShown()
{
    FakeFileManager fake;
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY(bus.registerObject(u"/org/freedesktop/FileManager1"_s, &fake, QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(u"org.freedesktop.FileManager1"_s));
    m_urls.opened.clear();

    QVERIFY(wharf::FileManager::reveal(m_file));
    QTRY_COMPARE(fake.shown, (QStringList{QUrl::fromLocalFile(m_file).toString()}));
    QVERIFY(m_urls.opened.isEmpty());

    bus.unregisterService(u"org.freedesktop.FileManager1"_s);
    bus.unregisterObject(u"/org/freedesktop/FileManager1"_s);
}

QTEST_MAIN(TestFileManager)
#include "tst_filemanager.moc"
