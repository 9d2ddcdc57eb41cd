// The document cache: what it keeps, what it refuses, and that nothing on disk is believed
// without being hashed again.

#include "registry/DocumentCache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wharf;

class TestDocumentCache final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsAndServesByDigest();
    void survivesTheProcessOnDisk();
    void refusesWhatDoesNotHashToItsName();
    void dropsADamagedFile();
    void refusesAbsurdSizesAndMediaTypes();
    void memoryOnlyWritesNothing();
    void defaultFolderFollowsTheEnvironment();
    void remembersRepositoriesItHasDocumentsOf();
};

namespace {

const QByteArray kIndex = R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]})";
const QString kIndexType = u"application/vnd.oci.image.index.v1+json"_s;

QString fileOf(const QString &folder, const Digest &digest)
{
    return folder + u'/' + digest.algorithm() + u'/' + digest.encoded();
}

} // namespace

void TestDocumentCache::keepsAndServesByDigest()
{
    DocumentCache cache;
    const Digest digest = Digest::sha256Of(kIndex);
    QVERIFY(!cache.find(digest));
    cache.insert(digest, kIndex, kIndexType);
    const auto found = cache.find(digest);
    QVERIFY(found);
    QCOMPARE(found->bytes, kIndex);
    QCOMPARE(found->mediaType, kIndexType);
    QCOMPARE(cache.counts().hits, 1);
    QCOMPARE(cache.counts().misses, 1);
}

void TestDocumentCache::survivesTheProcessOnDisk()
{
    QTemporaryDir dir;
    const Digest digest = Digest::sha256Of(kIndex);
    DocumentCache(dir.path()).insert(digest, kIndex, kIndexType);
    QVERIFY(QFile::exists(fileOf(dir.path(), digest)));
    DocumentCache later(dir.path()); // a new run: nothing in memory
    const auto found = later.find(digest);
    QVERIFY(found);
    QCOMPARE(found->bytes, kIndex);
    QCOMPARE(found->mediaType, kIndexType);
}

void TestDocumentCache::refusesWhatDoesNotHashToItsName()
{
    QTemporaryDir dir;
    DocumentCache cache(dir.path());
    const Digest other = Digest::sha256Of("something else");
    cache.insert(other, kIndex, kIndexType);
    QVERIFY(!cache.find(other));
    QVERIFY(!QFile::exists(fileOf(dir.path(), other)));
}

void TestDocumentCache::dropsADamagedFile()
{
    QTemporaryDir dir;
    const Digest digest = Digest::sha256Of(kIndex);
    DocumentCache(dir.path()).insert(digest, kIndex, kIndexType);
    const QString path = fileOf(dir.path(), digest);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(file.size() - 2);
    file.write("X"); // one byte changed, as a disk or a person might
    file.close();
    DocumentCache later(dir.path());
    QVERIFY(!later.find(digest));
    QVERIFY(!QFile::exists(path)); // gone, so the next run fetches and keeps a good copy
}

void TestDocumentCache::refusesAbsurdSizesAndMediaTypes()
{
    QTemporaryDir dir;
    DocumentCache cache(dir.path());
    const QByteArray huge(DocumentCache::kMaxDocumentBytes + 1, ' ');
    const Digest hugeDigest = Digest::sha256Of(huge);
    cache.insert(hugeDigest, huge, kIndexType);
    QVERIFY(!cache.find(hugeDigest));
    const Digest digest = Digest::sha256Of(kIndex);
    cache.insert(digest, kIndex, u"application/json\nX-Injected: yes"_s);
    QVERIFY(!cache.find(digest));
    cache.insert(Digest(), kIndex, kIndexType); // no digest: nothing to file it under
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
}

void TestDocumentCache::memoryOnlyWritesNothing()
{
    QTemporaryDir dir;
    QVERIFY(QDir::setCurrent(dir.path()));
    DocumentCache cache;
    cache.insert(Digest::sha256Of(kIndex), kIndex, kIndexType);
    QVERIFY(cache.find(Digest::sha256Of(kIndex)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
}

void TestDocumentCache::defaultFolderFollowsTheEnvironment()
{
    qputenv("WHARF_CACHE", "off");
    QVERIFY(DocumentCache::defaultFolder().isEmpty());
    qputenv("WHARF_CACHE", "/somewhere/else");
    QCOMPARE(DocumentCache::defaultFolder(), u"/somewhere/else/documents"_s);
    qunsetenv("WHARF_CACHE");
    qputenv("XDG_CACHE_HOME", "/tmp/wharf-xdg-cache");
    QCOMPARE(DocumentCache::defaultFolder(), u"/tmp/wharf-xdg-cache/wharf/documents"_s);
}

// Only a repository with documents here is worth a HEAD before a tag's GET.
void TestDocumentCache::remembersRepositoriesItHasDocumentsOf()
{
    QTemporaryDir dir;
    DocumentCache cache(dir.path());
    QVERIFY(!cache.knowsRepository(u"docker.io"_s, u"library/nginx"_s));
    cache.noteRepository(u"docker.io"_s, u"library/nginx"_s);
    QVERIFY(cache.knowsRepository(u"docker.io"_s, u"library/nginx"_s));
    QVERIFY(!cache.knowsRepository(u"docker.io"_s, u"library/alpine"_s));
    QVERIFY(!cache.knowsRepository(u"ghcr.io"_s, u"library/nginx"_s));
    DocumentCache later(dir.path()); // the next run knows it from the disk
    QVERIFY(later.knowsRepository(u"docker.io"_s, u"library/nginx"_s));
    DocumentCache memoryOnly;
    memoryOnly.noteRepository(u"docker.io"_s, u"library/nginx"_s);
    QVERIFY(memoryOnly.knowsRepository(u"docker.io"_s, u"library/nginx"_s));
}

QTEST_GUILESS_MAIN(TestDocumentCache)
#include "tst_documentcache.moc"
