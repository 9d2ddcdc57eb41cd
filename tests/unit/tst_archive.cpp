// models/archive/: TarWriter read back by libarchive and by GNU tar (names, sizes, modes, owners,
// byte-identical on a second run, nothing left behind on failure, unsafe names refused), and
// LayerDecompressor on plain, gzip and zstd layers made at test time by the real gzip and zstd
// (diff_id equal to sha256sum's, truncated and corrupt streams, multi-member gzip, a gzip bomb).

#include "archive/LayerDecompressor.h"
#include "archive/TarWriter.h"
#include "core/Digest.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

using namespace wharf;
using namespace Qt::StringLiterals;

namespace {

// Runs a program to completion; its stdout, or nullopt when it failed.
std::optional<QByteArray> run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10'000))
        return std::nullopt;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

QByteArray pseudoRandom(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct Entry
{
    QString name;
    int type = 0;
    int perm = 0;
    qint64 size = 0;
    qint64 mtime = 0;
    qint64 uid = -1;
    qint64 gid = -1;
    QByteArray data;
};

// What libarchive reads back from a tar file.
QList<Entry> readTar(const QString &path)
{
    QList<Entry> entries;
    struct archive *a = archive_read_new();
    archive_read_support_format_tar(a);
    if (archive_read_open_filename(a, QFile::encodeName(path).constData(), 10240) != ARCHIVE_OK) {
        archive_read_free(a);
        return entries;
    }
    struct archive_entry *e = nullptr;
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
        Entry entry;
        entry.name = QString::fromUtf8(archive_entry_pathname(e));
        entry.type = int(archive_entry_filetype(e));
        entry.perm = int(archive_entry_perm(e));
        entry.size = archive_entry_size(e);
        entry.mtime = archive_entry_mtime(e);
        entry.uid = archive_entry_uid(e);
        entry.gid = archive_entry_gid(e);
        char buffer[65536];
        la_ssize_t n;
        while ((n = archive_read_data(a, buffer, sizeof buffer)) > 0)
            entry.data.append(buffer, qsizetype(n));
        entries.append(entry);
    }
    archive_read_free(a);
    return entries;
}

// Decompresses all of `blob`; the error code, or the bytes.
struct Decoded
{
    std::optional<Error::Code> error;
    QByteArray bytes;
    Digest diffId;
    LayerDecompressor::Compression compression = LayerDecompressor::Compression::None;
    qint64 produced = 0;
};

Decoded decode(const QByteArray &blob, const LayerDecompressor::Limits &limits = {}, const LayerDecompressor::Expected &expected = {},
               bool keepBytes = true)
{
    Decoded result;
    QBuffer buffer;
    buffer.setData(blob);
    buffer.open(QIODevice::ReadOnly);
    auto d = LayerDecompressor::open(buffer, expected, limits);
    if (!d) {
        result.error = d.error().code();
        return result;
    }
    result.compression = d->compression();
    while (!d->atEnd()) {
        auto chunk = d->read();
        result.produced = d->uncompressedSize();
        if (!chunk) {
            result.error = chunk.error().code();
            return result;
        }
        if (keepBytes)
            result.bytes.append(chunk->toByteArray());
    }
    if (auto verified = d->verify(); !verified)
        result.error = verified.error().code();
    result.diffId = d->diffId();
    return result;
}

} // namespace

class TestArchive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tarReadBack();
    void tarIsDeterministic();
    void tarFailureLeavesNothing();
    void tarRefusesUnsafeNames_data();
    void tarRefusesUnsafeNames();
    void layer_data();
    void layer();
    void layerDigestChecks();
    void multiMemberGzip();
    void brokenStreams_data();
    void brokenStreams();
    void capFor_data();
    void capFor();
    void gzipBomb();

private:
    // A tar written by TarWriter into the temp folder.
    QString writeSample(const QString &name, qint64 mtime);

    QTemporaryDir m_tmp;
    QByteArray m_big;
    QByteArray m_tar; // a real layer-like tar (GNU tar), the input of the layer tests
};

void TestArchive::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_big = pseudoRandom(3 * TarWriter::kChunkSize + 17, 7);
    // A small file tree, tarred by GNU tar (not by the code under test).
    const QDir root(m_tmp.filePath(u"tree"_s));
    QVERIFY(QDir().mkpath(root.filePath(u"etc/app"_s)));
    QFile random(root.filePath(u"etc/app/random.bin"_s));
    QVERIFY(random.open(QIODevice::WriteOnly));
    random.write(pseudoRandom(2'500'000, 11));
    random.close();
    QFile text(root.filePath(u"etc/motd"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    for (int i = 0; i < 40'000; ++i)
        text.write("welcome to the layer, line " + QByteArray::number(i) + '\n');
    text.close();
    QFile whiteout(root.filePath(u"etc/.wh.obsolete.conf"_s));
    QVERIFY(whiteout.open(QIODevice::WriteOnly));
    whiteout.close();
    const auto tar = run(u"tar"_s, {u"--create"_s, u"--file=-"_s, u"--directory"_s, root.path(), u"--sort=name"_s,
                                    u"--owner=0"_s, u"--group=0"_s, u"--numeric-owner"_s, u"--mtime=2024-01-01"_s, u"etc"_s});
    QVERIFY(tar);
    m_tar = *tar;
    QVERIFY(m_tar.size() > 2'500'000);
}

QString TestArchive::writeSample(const QString &name, qint64 mtime)
{
    const QString path = m_tmp.filePath(name);
    auto writer = TarWriter::create(path, mtime);
    if (!writer)
        return {};
    QBuffer big(&m_big);
    big.open(QIODevice::ReadOnly);
    const bool ok = writer->addDirectory(u"sha256"_s) && writer->addFile(u"sha256/config.json"_s, "{\"a\":1}")
        && writer->addFile(u"empty"_s, QByteArrayView()) && writer->addFileFromDevice(u"sha256/big.bin"_s, big, m_big.size())
        && writer->beginFile(u"parts"_s, 6) && writer->writeData("abc") && writer->writeData("def") && writer->endFile()
        && writer->finish();
    return ok ? path : QString();
}

void TestArchive::tarReadBack()
{
    const qint64 created = 1704067200; // 2024-01-01T00:00:00Z
    const QString path = writeSample(u"sample.tar"_s, created);
    QVERIFY(!path.isEmpty());
    QVERIFY(!QFile::exists(path + u".partial"_s));

    const QList<Entry> entries = readTar(path);
    QCOMPARE(entries.size(), 5);
    const struct { QString name; int type; int perm; QByteArray data; } expected[] = {
        {u"sha256/"_s, AE_IFDIR, 0755, {}},
        {u"sha256/config.json"_s, AE_IFREG, 0644, "{\"a\":1}"},
        {u"empty"_s, AE_IFREG, 0644, {}},
        {u"sha256/big.bin"_s, AE_IFREG, 0644, m_big},
        {u"parts"_s, AE_IFREG, 0644, "abcdef"},
    };
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Entry &e = entries[i];
        QCOMPARE(e.name, expected[i].name);
        QCOMPARE(e.type, expected[i].type);
        QCOMPARE(e.perm, expected[i].perm);
        QCOMPARE(e.size, qint64(expected[i].data.size()));
        QCOMPARE(e.data, expected[i].data);
        QCOMPARE(e.mtime, created);
        QCOMPARE(e.uid, 0);
        QCOMPARE(e.gid, 0);
    }

    // GNU tar agrees: `tar -tvf` in UTC, numeric owners.
    QProcess tar;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TZ"_s, u"UTC"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    tar.setProcessEnvironment(env);
    tar.start(u"tar"_s, {u"--numeric-owner"_s, u"-tvf"_s, path});
    QVERIFY(tar.waitForFinished(30'000));
    QCOMPARE(tar.exitCode(), 0);
    const QList<QByteArray> lines = tar.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    const QByteArray expectedLines[] = {
        "drwxr-xr-x 0/0 0 2024-01-01 00:00 sha256/",
        "-rw-r--r-- 0/0 7 2024-01-01 00:00 sha256/config.json",
        "-rw-r--r-- 0/0 0 2024-01-01 00:00 empty",
        "-rw-r--r-- 0/0 " + QByteArray::number(m_big.size()) + " 2024-01-01 00:00 sha256/big.bin",
        "-rw-r--r-- 0/0 6 2024-01-01 00:00 parts",
    };
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(lines[i].simplified(), expectedLines[i]);
}

void TestArchive::tarIsDeterministic()
{
    const QString a = writeSample(u"one.tar"_s, 0);
    const QString b = writeSample(u"two.tar"_s, 0);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    const QByteArray first = readFile(a);
    QVERIFY(first.size() > m_big.size());
    QCOMPARE(first.size() % 512, 0);
    QVERIFY(first == readFile(b));
    QCOMPARE(readTar(a).first().mtime, 0);
}

void TestArchive::tarFailureLeavesNothing()
{
    const QString path = m_tmp.filePath(u"failed.tar"_s);
    {
        // An entry that ends short: endFile and everything after fail, finish removes the partial file.
        auto writer = TarWriter::create(path);
        QVERIFY(writer);
        QVERIFY(QFile::exists(path + u".partial"_s));
        QVERIFY(writer->beginFile(u"short"_s, 10));
        QVERIFY(writer->writeData("12345"));
        const auto ended = writer->endFile();
        QVERIFY(!ended);
        QCOMPARE(ended.error().code(), Error::Code::SizeMismatch);
        const auto finished = writer->finish();
        QVERIFY(!finished);
        QCOMPARE(finished.error().code(), Error::Code::SizeMismatch);
    }
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + u".partial"_s));
    {
        // Too many bytes, and a device that ends early.
        auto writer = TarWriter::create(path);
        QVERIFY(writer);
        QVERIFY(writer->beginFile(u"long"_s, 2));
        const auto over = writer->writeData("123");
        QVERIFY(!over);
        QCOMPARE(over.error().code(), Error::Code::SizeMismatch);
    }
    {
        auto writer = TarWriter::create(path);
        QVERIFY(writer);
        QByteArray few("abc");
        QBuffer device(&few);
        device.open(QIODevice::ReadOnly);
        const auto added = writer->addFileFromDevice(u"device"_s, device, 100);
        QVERIFY(!added);
        QCOMPARE(added.error().code(), Error::Code::SizeMismatch);
    }
    {
        // Abandoned before finish(): an earlier archive under the final name stays as it was.
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("old");
        existing.close();
        auto writer = TarWriter::create(path);
        QVERIFY(writer);
        QVERIFY(writer->addFile(u"x"_s, "y"));
    }
    QCOMPARE(readFile(path), QByteArray("old"));
    QVERIFY(!QFile::exists(path + u".partial"_s));
    // And replaced by a finished one.
    auto writer = TarWriter::create(path);
    QVERIFY(writer);
    QVERIFY(writer->addFile(u"x"_s, "y"));
    QVERIFY(writer->finish());
    QCOMPARE(readTar(path).size(), 1);
    // A folder that does not exist: Io, nothing created.
    const auto nowhere = TarWriter::create(m_tmp.filePath(u"missing/dir/x.tar"_s));
    QVERIFY(!nowhere);
    QCOMPARE(nowhere.error().code(), Error::Code::Io);
}

void TestArchive::tarRefusesUnsafeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addRow("absolute") << u"/etc/passwd"_s;
    QTest::addRow("dot-dot") << u"../x"_s;
    QTest::addRow("inner dot-dot") << u"a/../../x"_s;
    QTest::addRow("dot") << u"."_s;
    QTest::addRow("dot component") << u"a/./b"_s;
    QTest::addRow("empty") << QString();
    QTest::addRow("empty component") << u"a//b"_s;
    QTest::addRow("backslash") << u"a\\..\\x"_s;
    QTest::addRow("newline") << u"a\nb"_s;
    QTest::addRow("space") << u"a b"_s;
    QTest::addRow("non-ascii") << u"caf\u00e9"_s;
}

void TestArchive::tarRefusesUnsafeNames()
{
    QFETCH(QString, name);
    const QString path = m_tmp.filePath(u"unsafe.tar"_s);
    {
        auto writer = TarWriter::create(path);
        QVERIFY(writer);
        const auto added = writer->addFile(name, "x");
        QVERIFY(!added);
        QCOMPARE(added.error().code(), Error::Code::Unsupported);
        QVERIFY(!writer->finish());
    }
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + u".partial"_s));
}

void TestArchive::layer_data()
{
    QTest::addColumn<QString>("compressor");
    QTest::addColumn<LayerDecompressor::Compression>("compression");
    QTest::addRow("plain tar") << QString() << LayerDecompressor::Compression::None;
    QTest::addRow("gzip") << u"gzip"_s << LayerDecompressor::Compression::Gzip;
    QTest::addRow("zstd") << u"zstd"_s << LayerDecompressor::Compression::Zstd;
}

void TestArchive::layer()
{
    QFETCH(QString, compressor);
    QFETCH(LayerDecompressor::Compression, compression);
    QByteArray blob = m_tar;
    if (!compressor.isEmpty()) {
        const auto compressed = run(compressor, {u"-c"_s}, m_tar);
        QVERIFY(compressed);
        blob = *compressed;
    }
    const auto sum = run(u"sha256sum"_s, {}, m_tar);
    QVERIFY(sum);
    const Digest expectedDiffId = *Digest::parse(QString(u"sha256:"_s + QString::fromLatin1(sum->left(64))));

    const Decoded decoded = decode(blob, {}, {Digest::sha256Of(blob), blob.size(), expectedDiffId});
    QVERIFY(!decoded.error);
    QCOMPARE(decoded.compression, compression);
    QCOMPARE(decoded.bytes.size(), m_tar.size());
    QVERIFY(decoded.bytes == m_tar);
    QCOMPARE(decoded.diffId, expectedDiffId);
}

void TestArchive::layerDigestChecks()
{
    const auto gz = run(u"gzip"_s, {u"-c"_s}, m_tar);
    QVERIFY(gz);
    const Digest diffId = Digest::sha256Of(m_tar);
    const Digest blobDigest = Digest::sha256Of(*gz);
    // A config that names another diff_id: DigestMismatch.
    QCOMPARE(decode(*gz, {}, {blobDigest, gz->size(), Digest::sha256Of("other")}).error, Error::Code::DigestMismatch);
    // A blob that is not the one the manifest names (digest, then size).
    QCOMPARE(decode(*gz, {}, {Digest::sha256Of("other"), gz->size(), diffId}).error, Error::Code::DigestMismatch);
    QCOMPARE(decode(*gz, {}, {blobDigest, gz->size() - 1, diffId}).error, Error::Code::SizeMismatch);
    QCOMPARE(decode(*gz, {}, {blobDigest, gz->size() + 1, diffId}).error, Error::Code::SizeMismatch);
    // Trailing bytes after the gzip stream belong to the blob's digest, not to the layer.
    const QByteArray padded = *gz + QByteArray(1000, '\0');
    const Decoded trailing = decode(padded, {}, {Digest::sha256Of(padded), padded.size(), diffId});
    QVERIFY(!trailing.error);
    QVERIFY(trailing.bytes == m_tar);
}

void TestArchive::multiMemberGzip()
{
    const QByteArray half = m_tar.left(m_tar.size() / 2);
    const QByteArray rest = m_tar.mid(m_tar.size() / 2);
    const auto a = run(u"gzip"_s, {u"-c"_s}, half);
    const auto b = run(u"gzip"_s, {u"-c"_s}, rest);
    QVERIFY(a && b);
    const Decoded decoded = decode(*a + *b, {}, {{}, -1, Digest::sha256Of(m_tar)});
    QVERIFY(!decoded.error);
    QVERIFY(decoded.bytes == m_tar);
}

void TestArchive::brokenStreams_data()
{
    QTest::addColumn<QString>("compressor");
    QTest::addColumn<QString>("damage");
    QTest::addRow("truncated gzip") << u"gzip"_s << u"truncate"_s;
    QTest::addRow("corrupt gzip") << u"gzip"_s << u"flip"_s;
    QTest::addRow("truncated zstd") << u"zstd"_s << u"truncate"_s;
    QTest::addRow("corrupt zstd") << u"zstd"_s << u"flip"_s;
}

void TestArchive::brokenStreams()
{
    QFETCH(QString, compressor);
    QFETCH(QString, damage);
    const auto compressed = run(compressor, {u"-c"_s}, m_tar);
    QVERIFY(compressed);
    QByteArray blob = *compressed;
    if (damage == u"truncate") {
        blob.truncate(blob.size() / 2);
    } else {
        // Inside the compressed data, past the headers: the decoder (or its checksum) must notice.
        for (qsizetype i = blob.size() / 3; i < blob.size() / 3 + 64; ++i)
            blob[i] = char(blob[i] ^ 0x5a);
    }
    const Decoded decoded = decode(blob, {}, {{}, -1, Digest::sha256Of(m_tar)});
    QVERIFY(decoded.error);
    if (damage == u"truncate") {
        QCOMPARE(*decoded.error, Error::Code::MalformedDocument);
    } else {
        // libarchive does not check gzip's CRC-32: damage that still inflates is caught by the diff_id.
        QVERIFY2(*decoded.error == Error::Code::MalformedDocument || *decoded.error == Error::Code::DigestMismatch,
                 qPrintable(Error::codeName(*decoded.error)));
    }
}

void TestArchive::capFor_data()
{
    QTest::addColumn<qint64>("compressed");
    QTest::addColumn<qint64>("cap");
    const qint64 GiB = qint64(1) << 30;
    QTest::addRow("tiny blob: the floor") << qint64(1000) << GiB;
    QTest::addRow("ratio") << 100 * (qint64(1) << 20) << 200 * 100 * (qint64(1) << 20);
    QTest::addRow("absolute") << 10 * GiB << 256 * GiB;
    QTest::addRow("saturates") << std::numeric_limits<qint64>::max() << 256 * GiB;
}

void TestArchive::capFor()
{
    QFETCH(qint64, compressed);
    QFETCH(qint64, cap);
    QCOMPARE(LayerDecompressor::Limits().capFor(compressed), cap);
}

void TestArchive::gzipBomb()
{
    // 200 MB of zeros is about 200 KB of gzip: a 1000:1 ratio.
    const auto bomb = run(u"bash"_s, {u"-c"_s, u"head -c 200000000 /dev/zero | gzip -c"_s});
    QVERIFY(bomb);
    QVERIFY(bomb->size() < 1'000'000);
    LayerDecompressor::Limits limits;
    limits.ratioFloor = 16 << 20;
    limits.maxRatio = 100;
    const Decoded byRatio = decode(*bomb, limits, {Digest::sha256Of(*bomb), bomb->size(), {}});
    QCOMPARE(byRatio.error, Error::Code::TooLarge);
    // It stopped at the cap, not at the end.
    QVERIFY(byRatio.produced <= limits.capFor(bomb->size()) + LayerDecompressor::kChunkSize);
    QVERIFY(byRatio.produced < 200'000'000);

    LayerDecompressor::Limits absolute;
    absolute.maxBytes = 32 << 20;
    absolute.ratioFloor = 0;
    absolute.maxRatio = 1'000'000;
    QCOMPARE(decode(*bomb, absolute).error, Error::Code::TooLarge);

    // The same stream under the default limits is just 200 MB of zeros.
    const Decoded fine = decode(*bomb, {}, {Digest::sha256Of(*bomb), bomb->size(), {}}, false);
    QVERIFY(!fine.error);
    QCOMPARE(fine.produced, 200'000'000);
}

QTEST_GUILESS_MAIN(TestArchive)

#include "tst_archive.moc"
