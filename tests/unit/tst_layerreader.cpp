// LayerArchiveReader, LayerFileExtractor and LayerBlobPipe on tarballs this test writes itself:
// tar headers byte by byte (so that hostile ones can be written at all: ".." names, absurd sizes,
// NUL bytes, huge pax records, chains of GNU long-name headers), compressed with libarchive's gzip
// and zstd write filters; and, for the ordinary formats, trees archived by GNU tar and compared
// with what GNU tar lists. Every hostile case must end in its typed error with the entries read
// before it kept and the listing incomplete; every extraction case must leave nothing outside the
// chosen folder and nothing half-written inside it.

#include "archive/LayerArchiveReader.h"
#include "archive/LayerFileExtractor.h"
#include "core/Digest.h"
#include "layers/LayerBlobPipe.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>
#include <unistd.h>

#include <thread>

using namespace wharf;
using namespace Qt::StringLiterals;

namespace {

using Type = LayerEntry::Type;
using Code = Error::Code;
using Limits = LayerArchiveReader::Limits;

QByteArray pseudoRandom(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

// ------------------------------------------------------------------------------------------------
// Tar by hand (POSIX ustar, plus pax 'x' and GNU 'L'/'K' records)

void putOctal(char *field, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

struct Header
{
    QByteArray name;   // raw bytes, copied into the 100-byte field as they are (NULs included)
    char type = '0';
    qint64 size = 0;
    QByteArray link;
    int mode = 0644;
    qint64 uid = 0;
    qint64 gid = 0;
    qint64 mtime = 1704067200;
    bool base256Size = false; // size in GNU's base-256 form (for values octal cannot hold)
    int devMajor = 0;
    int devMinor = 0;
};

QByteArray headerBlock(const Header &h)
{
    QByteArray block(512, '\0');
    char *b = block.data();
    memcpy(b, h.name.constData(), size_t(std::min<qsizetype>(h.name.size(), 100)));
    putOctal(b + 100, 8, h.mode);
    putOctal(b + 108, 8, h.uid);
    putOctal(b + 116, 8, h.gid);
    if (h.base256Size) {
        auto *field = reinterpret_cast<unsigned char *>(b + 124);
        quint64 value = quint64(h.size);
        for (int i = 11; i >= 1; --i) {
            field[i] = value & 0xff;
            value >>= 8;
        }
        field[0] = h.size < 0 ? 0xff : 0x80;
    } else {
        putOctal(b + 124, 12, h.size);
    }
    putOctal(b + 136, 12, h.mtime);
    memset(b + 148, ' ', 8);
    b[156] = h.type;
    memcpy(b + 157, h.link.constData(), size_t(std::min<qsizetype>(h.link.size(), 100)));
    memcpy(b + 257, "ustar\0" "00", 8);
    memcpy(b + 265, "root", 4);
    memcpy(b + 297, "root", 4);
    putOctal(b + 329, 8, h.devMajor);
    putOctal(b + 337, 8, h.devMinor);
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += static_cast<unsigned char>(block[i]);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    memcpy(b + 148, checksum.constData(), 6);
    b[154] = '\0';
    b[155] = ' ';
    return block;
}

QByteArray padded(QByteArray data)
{
    data.append(QByteArray((512 - data.size() % 512) % 512, '\0'));
    return data;
}

class Tar
{
public:
    Tar &file(const QByteArray &name, const QByteArray &content = {}, int mode = 0644)
    {
        Header h;
        h.name = name;
        h.size = content.size();
        h.mode = mode;
        m_bytes += headerBlock(h) + padded(content);
        return *this;
    }
    Tar &dir(const QByteArray &name, int mode = 0755) { return header({.name = name, .type = '5', .mode = mode}); }
    Tar &symlink(const QByteArray &name, const QByteArray &target) { return header({.name = name, .type = '2', .link = target, .mode = 0777}); }
    Tar &hardlink(const QByteArray &name, const QByteArray &target) { return header({.name = name, .type = '1', .link = target}); }
    // A header whose data (h.size bytes of `fill`) follows.
    Tar &header(const Header &h, char fill = '\0')
    {
        m_bytes += headerBlock(h);
        if (h.size > 0 && !h.base256Size)
            m_bytes += padded(QByteArray(h.size, fill));
        return *this;
    }
    // A pax extended header ('x') with these records, for the entry that follows.
    Tar &pax(const QList<std::pair<QByteArray, QByteArray>> &records)
    {
        QByteArray data;
        for (const auto &[key, value] : records) {
            const QByteArray body = ' ' + key + '=' + value + '\n';
            qsizetype length = body.size() + 1;
            while (QByteArray::number(length).size() + body.size() != length)
                ++length;
            data += QByteArray::number(length) + body;
        }
        Header h;
        h.name = "PaxHeaders/entry";
        h.type = 'x';
        h.size = data.size();
        m_bytes += headerBlock(h) + padded(data);
        return *this;
    }
    // A GNU long name ('L') or long link ('K') record for the entry that follows.
    Tar &gnuLong(char type, const QByteArray &value)
    {
        Header h;
        h.name = "././@LongLink";
        h.type = type;
        h.size = value.size() + 1;
        m_bytes += headerBlock(h) + padded(value + '\0');
        return *this;
    }
    Tar &raw(const QByteArray &bytes)
    {
        m_bytes += bytes;
        return *this;
    }
    [[nodiscard]] QByteArray end() const { return m_bytes + QByteArray(1024, '\0'); }
    [[nodiscard]] QByteArray unterminated() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

// ------------------------------------------------------------------------------------------------
// Compression through libarchive's write filters, fed piece by piece (bombs never sit in memory)

enum class Packing { Plain, Gzip, Zstd };

class Compressor
{
public:
    explicit Compressor(Packing packing) : m_archive(archive_write_new())
    {
        if (packing == Packing::Gzip)
            archive_write_add_filter_gzip(m_archive);
        else if (packing == Packing::Zstd)
            archive_write_add_filter_zstd(m_archive);
        archive_write_set_format_raw(m_archive);
        archive_write_set_bytes_in_last_block(m_archive, 1);
        archive_write_open(m_archive, this, nullptr, &Compressor::write, nullptr);
        struct archive_entry *entry = archive_entry_new();
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_write_header(m_archive, entry);
        archive_entry_free(entry);
    }
    ~Compressor() { archive_write_free(m_archive); }
    Q_DISABLE_COPY_MOVE(Compressor)

    void add(QByteArrayView bytes) { archive_write_data(m_archive, bytes.data(), size_t(bytes.size())); }
    void addZeros(qint64 count)
    {
        const QByteArray zeros(1 << 20, '\0');
        for (; count > 0; count -= zeros.size())
            add(QByteArrayView(zeros).first(qsizetype(std::min<qint64>(count, zeros.size()))));
    }
    QByteArray finish()
    {
        archive_write_close(m_archive);
        return m_out;
    }

private:
    static la_ssize_t write(struct archive *, void *client, const void *buffer, size_t length)
    {
        static_cast<Compressor *>(client)->m_out.append(static_cast<const char *>(buffer), qsizetype(length));
        return la_ssize_t(length);
    }

    struct archive *m_archive;
    QByteArray m_out;
};

QByteArray pack(const QByteArray &tar, Packing packing)
{
    if (packing == Packing::Plain)
        return tar;
    Compressor compressor(packing);
    compressor.add(tar);
    return compressor.finish();
}

// A tar of one `size`-byte file of zeros per name, compressed: a decompression bomb.
QByteArray bomb(Packing packing, int files, qint64 size)
{
    Compressor compressor(packing);
    for (int i = 0; i < files; ++i) {
        Header h;
        h.name = "zeros/" + QByteArray::number(i);
        h.size = size;
        compressor.add(headerBlock(h));
        compressor.addZeros(size);
    }
    compressor.addZeros(1024);
    return compressor.finish();
}

// ------------------------------------------------------------------------------------------------

LayerArchiveReader::Expected expectedFor(const QByteArray &blob)
{
    return {Digest::sha256Of(blob), blob.size()};
}

LayerListing listBlob(const QByteArray &blob, const LayerArchiveReader::Expected &expected, const Limits &limits = {},
                      const std::atomic<bool> *cancelled = nullptr)
{
    QBuffer buffer;
    buffer.setData(blob);
    buffer.open(QIODevice::ReadOnly);
    LayerArchiveReader::DeviceSource source(buffer);
    return LayerArchiveReader::list(source, expected, limits, cancelled);
}

LayerListing listBlob(const QByteArray &blob, const Limits &limits = {})
{
    return listBlob(blob, expectedFor(blob), limits);
}

// "type path[ -> target]" lines, for comparing listings at a glance.
QString describe(const LayerEntry &e)
{
    static const char *const names[] = {"file", "dir", "symlink", "hardlink", "chardev", "blockdev", "fifo", "whiteout", "opaque"};
    QString line = QString::fromLatin1(names[int(e.type)]) + u' ' + e.path;
    if (!e.linkTarget.isEmpty())
        line += u" -> " + e.linkTarget;
    return line;
}

QStringList describe(const LayerListing &listing)
{
    QStringList lines;
    for (const LayerEntry &e : listing.entries)
        lines << describe(e);
    return lines;
}

QString errorText(const LayerListing &listing)
{
    return listing.error ? listing.error->codeName() + u": " + listing.error->message() : u"no error"_s;
}

// A source that hands out the blob in pieces and then fails.
class FailingSource final : public LayerArchiveReader::Source
{
public:
    FailingSource(QByteArray blob, qsizetype failAfter) : m_blob(std::move(blob)), m_failAfter(failAfter) {}
    Result<QByteArrayView> read() override
    {
        if (m_offset >= m_failAfter)
            return fail(Code::Io, u"the disk went away"_s);
        const qsizetype n = std::min<qsizetype>(4096, m_failAfter - m_offset);
        const QByteArrayView piece = QByteArrayView(m_blob).sliced(m_offset, n);
        m_offset += n;
        return piece;
    }

private:
    QByteArray m_blob;
    qsizetype m_failAfter;
    qsizetype m_offset = 0;
};

std::optional<QByteArray> run(const QString &program, const QStringList &arguments, const QString &directory = {})
{
    QProcess process;
    if (!directory.isEmpty())
        process.setWorkingDirectory(directory);
    process.start(program, arguments);
    if (!process.waitForStarted(10'000) || !process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

QStringList folderContents(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

Q_DECLARE_METATYPE(Packing)
Q_DECLARE_METATYPE(wharf::LayerDecompressor::Compression)
Q_DECLARE_METATYPE(wharf::LayerReadLimits)

class TestLayerReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entries_data();
    void entries();
    void entryFields();
    void compressions_data();
    void compressions();
    void gnuTarFormats_data();
    void gnuTarFormats();
    void bigLayerHashedOnItsOwnThread();
    void hostile_data();
    void hostile();
    void nulInNamesCutsThemShort();
    void deepFolderChainsEndQuickly();
    void brokenBlobs_data();
    void brokenBlobs();
    void bombs_data();
    void bombs();
    void unknownSize();
    void verifiedAtRestChecksOnlyTheSize();
    void cancel();
    void sourceFailure();

    void extract();
    void extractRefusals_data();
    void extractRefusals();
    void extractNeverFollowsPlantedSymlink();
    void extractLeavesNothingOnFailure_data();
    void extractLeavesNothingOnFailure();
    void extractThroughSymlinkedFolderInTheLayer();

    void pipeBoundsMemory();
    void pipeCancelAndErrors();
};

// ------------------------------------------------------------------------------------------------
// What entries become

void TestLayerReader::entries_data()
{
    QTest::addColumn<QByteArray>("tar");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("folders lose their slash") << Tar().dir("etc/").file("etc/hostname", "x\n").end()
                                              << QStringList{u"dir etc"_s, u"file etc/hostname"_s};
    QTest::addRow("./ prefix stripped") << Tar().dir("./").dir("./etc/").file("./etc/passwd").end()
                                        << QStringList{u"dir etc"_s, u"file etc/passwd"_s};
    QTest::addRow("absolute names made relative") << Tar().file("/abs/file").file("//twice").end()
                                                  << QStringList{u"file abs/file"_s, u"file twice"_s};
    QTest::addRow(". and empty components dropped") << Tar().file("a//b/./c").file("d/.").end()
                                                    << QStringList{u"file a/b/c"_s, u"file d"_s};
    QTest::addRow("root entries skipped") << Tar().dir(".").dir("/").dir("./").file("f").end() << QStringList{u"file f"_s};
    QTest::addRow("whiteout") << Tar().file("etc/.wh.obsolete.conf").file(".wh.top").end()
                              << QStringList{u"whiteout etc/obsolete.conf"_s, u"whiteout top"_s};
    QTest::addRow("opaque directory") << Tar().dir("usr/share/doc/").file("usr/share/doc/.wh..wh..opq").end()
                                      << QStringList{u"dir usr/share/doc"_s, u"opaque usr/share/doc"_s};
    QTest::addRow("opaque root") << Tar().file("./.wh..wh..opq").end() << QStringList{u"opaque "_s};
    QTest::addRow("whiteout that is a folder entry") << Tar().dir("etc/.wh.cache/").end() << QStringList{u"whiteout etc/cache"_s};
    QTest::addRow("whiteout-like parent is a plain name") << Tar().file(".wh.etc/file").end() << QStringList{u"file .wh.etc/file"_s};
    QTest::addRow("AUFS bookkeeping skipped") << Tar().file(".wh..wh.aufs").dir(".wh..wh.plnk/").file(".wh..wh.plnk/12.34").file("kept").end()
                                              << QStringList{u"file kept"_s};
    QTest::addRow("absolute symlink kept as text") << Tar().symlink("etc/localtime", "/usr/share/zoneinfo/UTC").end()
                                                   << QStringList{u"symlink etc/localtime -> /usr/share/zoneinfo/UTC"_s};
    QTest::addRow("escaping symlink kept as text") << Tar().symlink("up", "../../../../etc/shadow").end()
                                                   << QStringList{u"symlink up -> ../../../../etc/shadow"_s};
    QTest::addRow("looping symlinks") << Tar().symlink("a", "b").symlink("b", "a").symlink("self", "self").end()
                                      << QStringList{u"symlink a -> b"_s, u"symlink b -> a"_s, u"symlink self -> self"_s};
    QTest::addRow("hard link target normalised") << Tar().file("./bin/busybox", "BB").hardlink("bin/sh", "./bin/busybox").end()
                                                 << QStringList{u"file bin/busybox"_s, u"hardlink bin/sh -> bin/busybox"_s};
    QTest::addRow("hard link to a symlink") << Tar().symlink("l", "/x").hardlink("l2", "/l").end()
                                            << QStringList{u"symlink l -> /x"_s, u"hardlink l2 -> l"_s};
    QTest::addRow("devices and fifo") << Tar()
                                             .header({.name = "dev/null", .type = '3', .mode = 0666, .devMajor = 1, .devMinor = 3})
                                             .header({.name = "dev/sda", .type = '4', .devMajor = 8})
                                             .header({.name = "run/fifo", .type = '6'})
                                             .end()
                                      << QStringList{u"chardev dev/null"_s, u"blockdev dev/sda"_s, u"fifo run/fifo"_s};
    QTest::addRow("UTF-8 names") << Tar().file("données/日本.txt").end() << QStringList{u"file données/日本.txt"_s};
    QTest::addRow("long name via pax") << Tar().pax({{"path", QByteArray(300, 'p') + "/file"}}).file("short").end()
                                       << QStringList{u"file "_s + QString(300, u'p') + u"/file"_s};
    QTest::addRow("long name via GNU") << Tar().gnuLong('L', QByteArray(200, 'g')).file("short").end()
                                       << QStringList{u"file "_s + QString(200, u'g')};
    QTest::addRow("trailing bytes after the tar") << Tar().file("f").end() + QByteArray(3000, '\x7f') << QStringList{u"file f"_s};
    QTest::addRow("empty tar") << Tar().end() << QStringList{};
}

void TestLayerReader::entries()
{
    QFETCH(QByteArray, tar);
    QFETCH(QStringList, expected);
    for (Packing packing : {Packing::Plain, Packing::Gzip, Packing::Zstd}) {
        const QByteArray blob = pack(tar, packing);
        const LayerListing listing = listBlob(blob);
        QVERIFY2(listing.complete, qPrintable(errorText(listing)));
        QVERIFY(!listing.error);
        QCOMPARE(describe(listing), expected);
        QCOMPARE(listing.compressedSize, blob.size());
        QCOMPARE(listing.uncompressedSize, tar.size() - (tar.endsWith('\x7f') ? 3000 : 0));
        QCOMPARE(listing.layer, Digest::sha256Of(blob));
    }
}

void TestLayerReader::entryFields()
{
    const QByteArray tar = Tar()
                               .header({.name = "bin/tool", .size = 5, .mode = 04755, .uid = 1000, .gid = 50, .mtime = 1700000000}, 'x')
                               .header({.name = "bin/", .type = '5', .mode = 0700, .uid = 7, .gid = 8, .mtime = 42})
                               .symlink("bin/link", "tool")
                               .end();
    const LayerListing listing = listBlob(pack(tar, Packing::Gzip));
    QVERIFY2(listing.complete, qPrintable(errorText(listing)));
    QCOMPARE(listing.entries.size(), 3);
    const LayerEntry &file = listing.entries.at(0);
    QCOMPARE(file.type, Type::File);
    QCOMPARE(file.size, 5);
    QCOMPARE(file.mode, 04755u);
    QCOMPARE(file.uid, 1000);
    QCOMPARE(file.gid, 50);
    QCOMPARE(file.mtime, 1700000000);
    const LayerEntry &dir = listing.entries.at(1);
    QCOMPARE(dir.type, Type::Directory);
    QCOMPARE(dir.size, 0);
    QCOMPARE(dir.mode, 0700u);
    QCOMPARE(dir.mtime, 42);
    QCOMPARE(listing.entries.at(2).size, 0);
    QCOMPARE(listing.entries.at(2).linkTarget, u"tool"_s);
}

void TestLayerReader::compressions_data()
{
    QTest::addColumn<Packing>("packing");
    QTest::addColumn<LayerDecompressor::Compression>("compression");
    QTest::addRow("plain") << Packing::Plain << LayerDecompressor::Compression::None;
    QTest::addRow("gzip") << Packing::Gzip << LayerDecompressor::Compression::Gzip;
    QTest::addRow("zstd") << Packing::Zstd << LayerDecompressor::Compression::Zstd;
}

void TestLayerReader::compressions()
{
    QFETCH(Packing, packing);
    QFETCH(LayerDecompressor::Compression, compression);
    const QByteArray content = pseudoRandom(100'000, 7);
    const QByteArray blob = pack(Tar().file("data.bin", content).end(), packing);
    QBuffer buffer;
    buffer.setData(blob);
    buffer.open(QIODevice::ReadOnly);
    LayerArchiveReader::DeviceSource source(buffer);
    LayerArchiveReader reader(source, expectedFor(blob));
    auto entry = reader.next();
    QVERIFY(entry && *entry);
    QCOMPARE(reader.compression(), compression);
    QByteArray read;
    for (;;) {
        auto bytes = reader.readData();
        QVERIFY(bytes);
        if (bytes->isEmpty())
            break;
        read += bytes->toByteArray();
    }
    QCOMPARE(read, content);
    auto end = reader.next();
    QVERIFY(end && !*end);
    QCOMPARE(reader.compressedBytes(), blob.size());
    // Only a file's content can be read.
    QCOMPARE(reader.readData().error().code(), Code::Unsupported);
}

// Trees archived by GNU tar in each of its formats list the same names GNU tar lists.
void TestLayerReader::gnuTarFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("compressOption");
    for (const char *format : {"gnu", "pax", "ustar", "posix"})
        for (const char *option : {"", "--gzip", "--zstd"})
            QTest::addRow("%s %s", format, *option ? option + 2 : "plain") << QString::fromLatin1(format) << QString::fromLatin1(option);
}

void TestLayerReader::gnuTarFormats()
{
    QFETCH(QString, format);
    QFETCH(QString, compressOption);
    QTemporaryDir dir;
    const QString root = dir.filePath(u"root"_s);
    QVERIFY(QDir().mkpath(root + u"/etc/deep/"_s + QString(90, u'd')));
    QFile file(root + u"/etc/motd"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("hello\n");
    file.close();
    QVERIFY(QFile::link(u"motd"_s, root + u"/etc/motd.link"_s));
    QVERIFY(::link(QFile::encodeName(root + u"/etc/motd"_s).constData(), QFile::encodeName(root + u"/etc/motd.hard"_s).constData()) == 0);
    // Longer than ustar's 100-byte name (ustar itself splits it into prefix and name).
    QFile deep(root + u"/etc/deep/"_s + QString(90, u'd') + u"/a-file-with-a-rather-long-name"_s);
    QVERIFY(deep.open(QIODevice::WriteOnly));
    deep.close();

    const QString tarPath = dir.filePath(u"layer.tar"_s);
    QStringList arguments{u"--create"_s, u"--file"_s, tarPath, u"--format"_s + u'=' + format, u"--sort=name"_s, u"-C"_s, root, u"."_s};
    if (!compressOption.isEmpty())
        arguments.prepend(compressOption);
    QVERIFY(run(u"tar"_s, arguments));
    auto listed = run(u"tar"_s, {u"--list"_s, u"--file"_s, tarPath});
    QVERIFY(listed);
    QStringList expected;
    for (const QByteArray &line : listed->split('\n')) {
        QString name = QString::fromUtf8(line);
        while (name.startsWith(u"./"))
            name = name.mid(2);
        if (name.endsWith(u'/'))
            name.chop(1);
        if (!name.isEmpty() && name != u".")
            expected << name;
    }
    QVERIFY(expected.size() >= 7);

    const LayerListing listing = listBlob(readFile(tarPath));
    QVERIFY2(listing.complete, qPrintable(errorText(listing)));
    QStringList names;
    for (const LayerEntry &e : listing.entries)
        names << e.path;
    QCOMPARE(names, expected);
    for (const LayerEntry &e : listing.entries) {
        if (e.path == u"etc/motd.link")
            QCOMPARE(describe(e), u"symlink etc/motd.link -> motd"_s);
        if (e.path == u"etc/motd.hard")
            QCOMPARE(describe(e), u"hardlink etc/motd.hard -> etc/motd"_s);
        if (e.path == u"etc/motd")
            QCOMPARE(e.size, 6);
    }
}

// Past the inline threshold the blob is hashed on a second thread; the digest still decides.
void TestLayerReader::bigLayerHashedOnItsOwnThread()
{
    Tar tar;
    for (int i = 0; i < 6; ++i)
        tar.file("blob/" + QByteArray::number(i), pseudoRandom(3 << 20, quint32(i)));
    for (Packing packing : {Packing::Gzip, Packing::Zstd}) {
        const QByteArray blob = pack(tar.end(), packing);
        QVERIFY(blob.size() > 16 << 20);
        LayerListing listing = listBlob(blob);
        QVERIFY2(listing.complete, qPrintable(errorText(listing)));
        QCOMPARE(listing.entries.size(), 6);

        QByteArray damaged = blob;
        damaged[damaged.size() / 2] = char(damaged[damaged.size() / 2] ^ 0x01); // inside stored random data
        listing = listBlob(damaged, expectedFor(blob));
        QVERIFY(!listing.complete);
        QVERIFY(listing.error);
        // Stored blocks inflate whatever they hold: only the digest can tell.
        QVERIFY2(listing.error->code() == Code::DigestMismatch || listing.error->code() == Code::MalformedDocument,
                 qPrintable(errorText(listing)));
    }
}

// ------------------------------------------------------------------------------------------------
// Hostile headers: one typed error, the entries before it kept

void TestLayerReader::hostile_data()
{
    QTest::addColumn<QByteArray>("tar");
    QTest::addColumn<Limits>("limits");
    QTest::addColumn<Code>("code");
    QTest::addColumn<QStringList>("kept");

    const Tar good = Tar().dir("etc/").file("etc/motd", "hi");
    const QStringList keptGood{u"dir etc"_s, u"file etc/motd"_s};
    const Limits defaults;

    QTest::addRow("../ name") << Tar(good).file("../../etc/passwd").end() << defaults << Code::MalformedDocument << keptGood;
    QTest::addRow(".. in the middle") << Tar(good).file("a/../../x").end() << defaults << Code::MalformedDocument << keptGood;
    QTest::addRow("absolute .. name") << Tar().file("/../x").end() << defaults << Code::MalformedDocument << QStringList{};
    QTest::addRow(".. via pax path") << Tar(good).pax({{"path", "x/../../../y"}}).file("harmless").end() << defaults
                                     << Code::MalformedDocument << keptGood;
    QTest::addRow(".. via GNU long name") << Tar(good).gnuLong('L', "../" + QByteArray(120, 'n')).file("harmless").end() << defaults
                                          << Code::MalformedDocument << keptGood;
    QTest::addRow("empty name") << Tar(good).file("").end() << defaults << Code::MalformedDocument << keptGood;
    QTest::addRow("symlink named /.") << Tar(good).symlink("/.", "/").end() << defaults << Code::MalformedDocument << keptGood;
    QTest::addRow("file named .") << Tar().file(".").end() << defaults << Code::MalformedDocument << QStringList{};
    QTest::addRow("whiteout of nothing") << Tar(good).file("etc/.wh.").end() << defaults << Code::MalformedDocument << keptGood;
    QTest::addRow("whiteout of .") << Tar(good).file("etc/.wh..").end() << defaults << Code::MalformedDocument << keptGood;
    QTest::addRow("whiteout of ..") << Tar(good).file("etc/.wh...").end() << defaults << Code::MalformedDocument << keptGood;
    QTest::addRow("hard link to a missing file") << Tar(good).hardlink("etc/link", "etc/missing").end() << defaults
                                                 << Code::MalformedDocument << keptGood;
    QTest::addRow("hard link to a later file") << Tar(good).hardlink("etc/early", "etc/late").file("etc/late").end() << defaults
                                               << Code::MalformedDocument << keptGood;
    QTest::addRow("hard link to itself") << Tar(good).hardlink("etc/self", "etc/self").end() << defaults << Code::MalformedDocument
                                         << keptGood;
    QTest::addRow("hard link outside") << Tar(good).hardlink("etc/pw", "../../../../etc/passwd").end() << defaults
                                       << Code::MalformedDocument << keptGood;
    QTest::addRow("absolute hard link to nothing") << Tar(good).hardlink("etc/pw", "/etc/passwd").end() << defaults
                                                   << Code::MalformedDocument << keptGood;
    QTest::addRow("hard link to a folder") << Tar(good).hardlink("etc2", "etc").end() << defaults << Code::MalformedDocument << keptGood;
    QTest::addRow("8 EiB file") << Tar(good).header({.name = "huge", .size = qint64(1) << 62, .base256Size = true}).end() << defaults
                                << Code::TooLarge << keptGood;
    QTest::addRow("file larger than the layer may expand to")
        << Tar(good).raw(headerBlock({.name = "big", .size = qint64(2) << 30})).unterminated() << defaults << Code::TooLarge << keptGood;
    QTest::addRow("negative size") << Tar(good).header({.name = "neg", .size = -5, .base256Size = true}).end() << defaults
                                   << Code::MalformedDocument << keptGood;
    Limits fewEntries;
    fewEntries.maxEntries = 5;
    Tar six;
    for (int i = 0; i < 6; ++i)
        six.file("f" + QByteArray::number(i));
    QTest::addRow("too many entries") << six.end() << fewEntries << Code::TooLarge
                                      << QStringList{u"file f0"_s, u"file f1"_s, u"file f2"_s, u"file f3"_s, u"file f4"_s};
    QTest::addRow("name over PATH_MAX") << Tar(good).gnuLong('L', QByteArray(5000, 'n')).file("x").end() << defaults << Code::TooLarge
                                        << keptGood;
    QTest::addRow("symlink target over PATH_MAX") << Tar(good).pax({{"linkpath", QByteArray(5000, 't')}}).symlink("l", "t").end()
                                                  << defaults << Code::TooLarge << keptGood;
    QTest::addRow("hard link target over PATH_MAX") << Tar(good).gnuLong('K', QByteArray(5000, 't')).hardlink("l", "t").end()
                                                    << defaults << Code::TooLarge << keptGood;
    // Found by AFL++: each implied parent folder of a deep path kept its whole path, so 1 KB of
    // gzip (40 files, each under its own 2,000-folder chain) cost 10 s and 1.3 GiB to merge.
    QTest::addRow("300 folders deep") << Tar(good).gnuLong('L', QByteArray("a/").repeated(300) + "f").file("x").end() << defaults
                                      << Code::TooLarge << keptGood;
    // Each chain "cN/a/…/a/f" implies 201 folders whose paths add up to 40,602 characters: the
    // first chain fits in 50,000, the second does not.
    Limits littleFolderText;
    littleFolderText.maxFolderPathChars = 50'000;
    Tar chains(good);
    for (int i = 0; i < 10; ++i)
        chains.gnuLong('L', "c" + QByteArray::number(i) + "/" + QByteArray("a/").repeated(200) + "f").file("x");
    const QStringList keptChains = keptGood + QStringList{u"file c0/"_s + u"a/"_s.repeated(200) + u"f"_s};
    QTest::addRow("folder chains adding up") << chains.end() << littleFolderText << Code::TooLarge << keptChains;
    QTest::addRow("2 MiB pax header") << Tar(good).pax({{"comment", QByteArray(2 << 20, 'c')}}).file("x").end() << defaults
                                      << Code::TooLarge << keptGood;
    Limits smallHeaders;
    smallHeaders.maxHeaderBytes = 64 * 1024;
    QTest::addRow("pax header over the cap") << Tar(good).pax({{"comment", QByteArray(100 * 1024, 'c')}}).file("x").end()
                                             << smallHeaders << Code::TooLarge << keptGood;
    QTest::addRow("pax headers adding up over the cap")
        << Tar(good).pax({{"comment", QByteArray(40 * 1024, 'c')}}).pax({{"comment", QByteArray(40 * 1024, 'c')}}).file("x").end()
        << smallHeaders << Code::TooLarge << keptGood;
    Tar chain(good);
    for (int i = 0; i < 40; ++i)
        chain.gnuLong('L', "name" + QByteArray::number(i));
    QTest::addRow("40 GNU long-name headers in a row") << chain.file("x").end() << defaults << Code::TooLarge << keptGood;
    QTest::addRow("damaged header checksum") << Tar(good).raw(QByteArray(100, 'z') + QByteArray(412, '\0')).end() << defaults
                                             << Code::MalformedDocument << keptGood;
    QTest::addRow("truncated in a file") << Tar(good).file("big", QByteArray(4096, 'b')).unterminated().first(2048 + 512 + 1000)
                                         << defaults << Code::MalformedDocument << keptGood + QStringList{u"file big"_s};
    QTest::addRow("not a tar") << pseudoRandom(4096, 3) << defaults << Code::MalformedDocument << QStringList{};
    QTest::addRow("empty blob") << QByteArray() << defaults << Code::MalformedDocument << QStringList{};
}

void TestLayerReader::hostile()
{
    QFETCH(QByteArray, tar);
    QFETCH(Limits, limits);
    QFETCH(Code, code);
    QFETCH(QStringList, kept);
    for (Packing packing : {Packing::Plain, Packing::Gzip, Packing::Zstd}) {
        const LayerListing listing = listBlob(pack(tar, packing), limits);
        QVERIFY(!listing.complete);
        QVERIFY2(listing.error && listing.error->code() == code, qPrintable(errorText(listing)));
        QVERIFY(!listing.error->message().isEmpty());
        QCOMPARE(describe(listing), kept);
    }
}

// The fuzzer's input, at full size: 40 files, each at the bottom of its own chain of ~2,000
// folders (4 KB of gzip). Before the limits it took 10 s and 1.3 GiB to list and merge.
void TestLayerReader::deepFolderChainsEndQuickly()
{
    Tar tar;
    for (int i = 0; i < 40; ++i)
        tar.gnuLong('L', "d" + QByteArray::number(i).rightJustified(2, '0') + "/" + QByteArray("a/").repeated(2040) + "f").file("x");
    const QByteArray blob = pack(tar.end(), Packing::Gzip);
    QVERIFY(blob.size() < 16 * 1024);
    QElapsedTimer clock;
    clock.start();
    const LayerListing listing = listBlob(blob);
    QVERIFY(!listing.complete);
    QVERIFY2(listing.error && listing.error->code() == Code::TooLarge, qPrintable(errorText(listing)));
    QVERIFY(listing.entries.isEmpty());
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
}

// libarchive hands names over as C strings: what follows a NUL never reaches Wharf, so a NUL can
// hide nothing — neither a ".." nor anything else shows up in a path.
void TestLayerReader::nulInNamesCutsThemShort()
{
    const QByteArray tar = Tar()
                               .file(QByteArray("safe\0/../../evil", 16))
                               .pax({{"path", QByteArray("pax\0/../../../etc/passwd", 24)}})
                               .file("ignored")
                               .symlink("link", QByteArray("target\0/../..", 13))
                               .end();
    const LayerListing listing = listBlob(tar);
    QVERIFY2(listing.complete, qPrintable(errorText(listing)));
    QCOMPARE(describe(listing), (QStringList{u"file safe"_s, u"file pax"_s, u"symlink link -> target"_s}));
    for (const LayerEntry &e : listing.entries)
        QVERIFY(!e.path.contains(QChar(0)) && !e.linkTarget.contains(QChar(0)));
}

// ------------------------------------------------------------------------------------------------
// Broken blobs: truncated, corrupt, not what the descriptor says

void TestLayerReader::brokenBlobs_data()
{
    QTest::addColumn<QByteArray>("blob");
    QTest::addColumn<QByteArray>("described"); // the blob the digest and size are for
    QTest::addColumn<Code>("code");
    QTest::addColumn<bool>("someEntries");

    Tar tar;
    for (int i = 0; i < 200; ++i)
        tar.file("text/" + QByteArray::number(i), QByteArray("The quick brown fox jumps over the lazy dog. ").repeated(40 + i));
    const QByteArray gzip = pack(tar.end(), Packing::Gzip);
    const QByteArray zstd = pack(tar.end(), Packing::Zstd);
    const QByteArray plain = tar.end();

    for (const auto &[name, blob] : {std::pair{"gzip", gzip}, std::pair{"zstd", zstd}, std::pair{"plain", plain}}) {
        const QByteArray half = blob.first(blob.size() / 2);
        QTest::addRow("%s truncated download", name) << half << blob << Code::SizeMismatch << true;
        QTest::addRow("%s truncated blob", name) << half << half << Code::MalformedDocument << true;
        QTest::addRow("%s longer than described", name) << blob + "extra" << blob << Code::SizeMismatch << false;
        QTest::addRow("%s digest mismatch", name) << blob << QByteArray(blob.size(), 'x') << Code::DigestMismatch << true;
    }
    QByteArray corruptGzip = gzip;
    for (qsizetype i = 40; i < 400; i += 7)
        corruptGzip[i] = char(corruptGzip[i] ^ 0xa5);
    QTest::addRow("corrupt gzip") << corruptGzip << corruptGzip << Code::MalformedDocument << false;
    QByteArray corruptZstd = zstd;
    for (qsizetype i = 20; i < 400; i += 7)
        corruptZstd[i] = char(corruptZstd[i] ^ 0xa5);
    QTest::addRow("corrupt zstd") << corruptZstd << corruptZstd << Code::MalformedDocument << false;
    QByteArray badMagic = gzip;
    badMagic[3] = char(0xff); // gzip flags with reserved bits
    QTest::addRow("gzip with a bad header") << badMagic << badMagic << Code::MalformedDocument << false;
    // Multi-member gzip (pigz, mgzip) is one stream.
    const QByteArray twoMembers = pack(plain.first(plain.size() / 2), Packing::Gzip) + pack(plain.sliced(plain.size() / 2), Packing::Gzip);
    QTest::addRow("multi-member gzip is fine") << twoMembers << twoMembers << Code::Cancelled << true;
}

void TestLayerReader::brokenBlobs()
{
    QFETCH(QByteArray, blob);
    QFETCH(QByteArray, described);
    QFETCH(Code, code);
    QFETCH(bool, someEntries);
    const LayerListing listing = listBlob(blob, {Digest::sha256Of(described), described.size()});
    if (code == Code::Cancelled) { // stands for "no error"
        QVERIFY2(listing.complete, qPrintable(errorText(listing)));
        QCOMPARE(listing.entries.size(), 200);
        return;
    }
    QVERIFY(!listing.complete);
    QVERIFY2(listing.error && listing.error->code() == code, qPrintable(errorText(listing)));
    if (someEntries)
        QVERIFY(!listing.entries.isEmpty());
}

void TestLayerReader::bombs_data()
{
    QTest::addColumn<QByteArray>("blob");
    QTest::addColumn<Limits>("limits");

    Limits total; // a total cap, no ratio
    total.expansion.maxBytes = 32 << 20;
    total.expansion.ratioFloor = qint64(1) << 40;
    Limits ratio; // a generous total, a ratio cap above a small floor
    ratio.expansion.maxBytes = qint64(1) << 40;
    ratio.expansion.ratioFloor = 1 << 20;
    ratio.expansion.maxRatio = 50;

    for (Packing packing : {Packing::Gzip, Packing::Zstd}) {
        const char *name = packing == Packing::Gzip ? "gzip" : "zstd";
        // Files each under the cap, together over it: caught while their data is skipped. (A
        // single file over the cap is refused at its header: hostile(), "file larger than …".)
        QTest::addRow("%s bomb, total cap", name) << bomb(packing, 4, 20 << 20) << total;
        QTest::addRow("%s bomb, ratio cap", name) << bomb(packing, 400, 512 << 10) << ratio;
    }
}

void TestLayerReader::bombs()
{
    QFETCH(QByteArray, blob);
    QFETCH(Limits, limits);
    QVERIFY(blob.size() < 1 << 20);
    const LayerListing listing = listBlob(blob, limits);
    QVERIFY(!listing.complete);
    QVERIFY2(listing.error && listing.error->code() == Code::TooLarge, qPrintable(errorText(listing)));
    // Stopped near the cap, not after expanding everything.
    const qint64 cap = limits.expansion.capFor(blob.size());
    QVERIFY2(listing.uncompressedSize <= cap + (64 << 20), qPrintable(QString::number(listing.uncompressedSize)));
}

// A blob whose size is not known: the digest still decides, and the ratio cap applies to the
// bytes read so far.
void TestLayerReader::unknownSize()
{
    const QByteArray blob = pack(Tar().file("a", "x").end(), Packing::Gzip);
    LayerListing listing = listBlob(blob, {Digest::sha256Of(blob), -1});
    QVERIFY2(listing.complete, qPrintable(errorText(listing)));
    QCOMPARE(listing.compressedSize, blob.size());
    listing = listBlob(blob, {Digest::sha256Of("other"), -1});
    QVERIFY(listing.error && listing.error->code() == Code::DigestMismatch);
    listing = listBlob(blob, {Digest(), -1});
    QVERIFY(listing.error && listing.error->code() == Code::InvalidDigest); // nothing to verify against

    Limits ratio;
    ratio.expansion.ratioFloor = 1 << 20;
    ratio.expansion.maxRatio = 50;
    const QByteArray bombBlob = bomb(Packing::Zstd, 400, 512 << 10);
    listing = listBlob(bombBlob, {Digest::sha256Of(bombBlob), -1}, ratio);
    QVERIFY2(listing.error && listing.error->code() == Code::TooLarge, qPrintable(errorText(listing)));
}

// A store blob (verified when committed, read-only since) is not hashed again: its digest is taken
// as recorded, but its size and everything in the tar are still checked.
void TestLayerReader::verifiedAtRestChecksOnlyTheSize()
{
    const QByteArray blob = pack(Tar().file("a", "x").file("b", QByteArray(5 << 20, 'b')).end(), Packing::Zstd);
    LayerReadExpected atRest{Digest::sha256Of("not this blob"), blob.size(), true};
    LayerListing listing = listBlob(blob, atRest);
    QVERIFY2(listing.complete, qPrintable(errorText(listing)));
    QCOMPARE(listing.entries.size(), 2);
    // The same expectation without the flag: the digest decides.
    atRest.verifiedAtRest = false;
    listing = listBlob(blob, atRest);
    QVERIFY(listing.error && listing.error->code() == Code::DigestMismatch);
    // Shorter or longer than recorded: still caught.
    listing = listBlob(blob, {Digest::sha256Of(blob), blob.size() + 1, true});
    QVERIFY2(listing.error && listing.error->code() == Code::SizeMismatch, qPrintable(errorText(listing)));
    QVERIFY(!listing.complete);
    listing = listBlob(blob, {Digest::sha256Of(blob), blob.size() - 1, true});
    QVERIFY2(listing.error && listing.error->code() == Code::SizeMismatch, qPrintable(errorText(listing)));
}

void TestLayerReader::cancel()
{
    const QByteArray blob = bomb(Packing::Gzip, 8, 8 << 20);
    std::atomic<bool> cancelled{true};
    LayerListing listing = listBlob(blob, expectedFor(blob), {}, &cancelled);
    QVERIFY(!listing.complete);
    QVERIFY2(listing.error && listing.error->code() == Code::Cancelled, qPrintable(errorText(listing)));

    // Mid-way: after the first entry.
    QBuffer buffer;
    buffer.setData(blob);
    buffer.open(QIODevice::ReadOnly);
    LayerArchiveReader::DeviceSource source(buffer);
    cancelled = false;
    int seen = 0;
    listing = LayerArchiveReader::list(source, expectedFor(blob), {}, &cancelled, [&](qint64, qsizetype entries) {
        seen = int(entries);
        if (entries == 1)
            cancelled = true;
    });
    QCOMPARE(seen, 1);
    QCOMPARE(listing.entries.size(), 1);
    QVERIFY2(listing.error && listing.error->code() == Code::Cancelled, qPrintable(errorText(listing)));
}

void TestLayerReader::sourceFailure()
{
    // zstd decodes whole blocks (up to 128 KiB): enough of them that the first entries come out.
    Tar tar;
    for (int i = 0; i < 4; ++i)
        tar.file("f" + QByteArray::number(i), pseudoRandom(300'000, quint32(i)));
    const QByteArray blob = pack(tar.end(), Packing::Zstd);
    FailingSource source(blob, blob.size() - 100);
    const LayerListing listing = LayerArchiveReader::list(source, expectedFor(blob));
    QVERIFY(!listing.complete);
    QVERIFY2(listing.error && listing.error->code() == Code::Io, qPrintable(errorText(listing)));
    QVERIFY(!listing.entries.isEmpty());
}

// ------------------------------------------------------------------------------------------------
// Extraction of one file

namespace {

Result<QString> extractFrom(const QByteArray &blob, const LayerFileExtractor::Request &request,
                            const LayerArchiveReader::Expected &expected, const std::atomic<bool> *cancelled = nullptr)
{
    QBuffer buffer;
    buffer.setData(blob);
    buffer.open(QIODevice::ReadOnly);
    LayerArchiveReader::DeviceSource source(buffer);
    return LayerFileExtractor::extract(source, expected, request, {}, cancelled);
}

Result<QString> extractFrom(const QByteArray &blob, const LayerFileExtractor::Request &request)
{
    return extractFrom(blob, request, expectedFor(blob));
}

QByteArray sampleLayer()
{
    return pack(Tar()
                    .dir("etc/")
                    .file("etc/passwd", "root:x:0:0::/root:/bin/sh\n")
                    .file("bin/tool", "#!/bin/sh\necho tool\n", 04755)
                    .symlink("etc/localtime", "/etc/shadow")
                    .symlink("loop", "loop")
                    .hardlink("bin/tool2", "bin/tool")
                    .file("etc/.wh.gone")
                    .header({.name = "dev/null", .type = '3'})
                    .file("dup", "first")
                    .file("dup", "second, longer")
                    .file("big.bin", pseudoRandom(3 << 20, 9))
                    .end(),
                Packing::Gzip);
}

} // namespace

void TestLayerReader::extract()
{
    QTemporaryDir dir;
    const QByteArray blob = sampleLayer();

    auto written = extractFrom(blob, {.path = u"etc/passwd"_s, .folder = dir.path()});
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message()));
    QCOMPARE(*written, dir.filePath(u"passwd"_s));
    QCOMPARE(readFile(*written), QByteArray("root:x:0:0::/root:/bin/sh\n"));
    QVERIFY(!(QFileInfo(*written).permissions() & QFileDevice::ExeOwner));

    written = extractFrom(blob, {.path = u"bin/tool"_s, .folder = dir.path(), .fileName = u"renamed tool"_s});
    QVERIFY(written);
    QCOMPARE(*written, dir.filePath(u"renamed tool"_s));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(*written).constData(), &st), 0);
    QVERIFY(st.st_mode & S_IXUSR);
    QVERIFY(!(st.st_mode & (S_ISUID | S_ISGID))); // never set-id bits

    // A later entry of the same path wins, as it would on extraction.
    written = extractFrom(blob, {.path = u"dup"_s, .folder = dir.path()});
    QVERIFY(written);
    QCOMPARE(readFile(*written), QByteArray("second, longer"));

    written = extractFrom(blob, {.path = u"big.bin"_s, .folder = dir.path()});
    QVERIFY(written);
    QCOMPARE(readFile(*written), pseudoRandom(3 << 20, 9));

    // An existing name is kept unless asked.
    written = extractFrom(blob, {.path = u"etc/passwd"_s, .folder = dir.path(), .fileName = u"dup"_s});
    QCOMPARE(written.error().code(), Code::Io);
    QCOMPARE(readFile(dir.filePath(u"dup"_s)), QByteArray("second, longer"));
    written = extractFrom(blob, {.path = u"etc/passwd"_s, .folder = dir.path(), .fileName = u"dup"_s, .overwrite = true});
    QVERIFY(written);
    QCOMPARE(readFile(dir.filePath(u"dup"_s)), QByteArray("root:x:0:0::/root:/bin/sh\n"));

    QCOMPARE(folderContents(dir.path()), (QStringList{u"big.bin"_s, u"dup"_s, u"passwd"_s, u"renamed tool"_s}));
}

void TestLayerReader::extractRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<Code>("code");

    QTest::addRow("absolute symlink") << u"etc/localtime"_s << QString() << Code::Unsupported;
    QTest::addRow("looping symlink") << u"loop"_s << QString() << Code::Unsupported;
    QTest::addRow("hard link") << u"bin/tool2"_s << QString() << Code::Unsupported;
    QTest::addRow("folder") << u"etc"_s << QString() << Code::Unsupported;
    QTest::addRow("whiteout") << u"etc/gone"_s << QString() << Code::Unsupported;
    QTest::addRow("device") << u"dev/null"_s << QString() << Code::Unsupported;
    QTest::addRow("missing") << u"etc/shadow"_s << QString() << Code::NotFound;
    QTest::addRow("../ name") << u"etc/passwd"_s << u"../escaped"_s << Code::Unsupported;
    QTest::addRow("..") << u"etc/passwd"_s << u".."_s << Code::Unsupported;
    QTest::addRow(".") << u"etc/passwd"_s << u"."_s << Code::Unsupported;
    QTest::addRow("name with a slash") << u"etc/passwd"_s << u"sub/passwd"_s << Code::Unsupported;
    QTest::addRow("absolute name") << u"etc/passwd"_s << u"/tmp/passwd"_s << Code::Unsupported;
    QTest::addRow("backslash") << u"etc/passwd"_s << u"..\\passwd"_s << Code::Unsupported;
    QTest::addRow("NUL") << u"etc/passwd"_s << u"pass\0wd"_s << Code::Unsupported;
    QTest::addRow("256 bytes") << u"etc/passwd"_s << QString(256, u'n') << Code::Unsupported;
}

void TestLayerReader::extractRefusals()
{
    QFETCH(QString, path);
    QFETCH(QString, fileName);
    QFETCH(Code, code);
    QTemporaryDir root;
    const QString folder = root.filePath(u"chosen/inner"_s);
    QVERIFY(QDir().mkpath(folder));
    const auto written = extractFrom(sampleLayer(), {.path = path, .folder = folder, .fileName = fileName});
    QVERIFY(!written);
    QCOMPARE(written.error().code(), code);
    QVERIFY(!written.error().message().isEmpty());
    // Nothing anywhere: not in the folder, not beside or above it.
    QCOMPARE(folderContents(folder), QStringList());
    QCOMPARE(folderContents(root.filePath(u"chosen"_s)), QStringList{u"inner"_s});
    QCOMPARE(folderContents(root.path()), QStringList{u"chosen"_s});
}

// A symlink planted in the chosen folder under the file's name is never written through.
void TestLayerReader::extractNeverFollowsPlantedSymlink()
{
    QTemporaryDir root;
    const QString folder = root.filePath(u"folder"_s);
    const QString outside = root.filePath(u"outside"_s);
    QVERIFY(QDir().mkpath(folder) && QDir().mkpath(outside));
    const QString victim = outside + u"/victim"_s;
    QFile file(victim);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("untouched");
    file.close();
    QVERIFY(QFile::link(victim, folder + u"/passwd"_s));
    QVERIFY(QFile::link(outside + u"/created-through-link"_s, folder + u"/dangling"_s));

    auto written = extractFrom(sampleLayer(), {.path = u"etc/passwd"_s, .folder = folder});
    QCOMPARE(written.error().code(), Code::Io); // a file of that name is there
    written = extractFrom(sampleLayer(), {.path = u"etc/passwd"_s, .folder = folder, .fileName = u"dangling"_s});
    QCOMPARE(written.error().code(), Code::Io);
    QCOMPARE(readFile(victim), QByteArray("untouched"));
    QVERIFY(!QFileInfo::exists(outside + u"/created-through-link"_s));

    // Replacing replaces the link itself.
    written = extractFrom(sampleLayer(), {.path = u"etc/passwd"_s, .folder = folder, .overwrite = true});
    QVERIFY(written);
    QVERIFY(!QFileInfo(folder + u"/passwd"_s).isSymLink());
    QCOMPARE(readFile(folder + u"/passwd"_s), QByteArray("root:x:0:0::/root:/bin/sh\n"));
    QCOMPARE(readFile(victim), QByteArray("untouched"));
    written = extractFrom(sampleLayer(), {.path = u"etc/passwd"_s, .folder = folder, .fileName = u"dangling"_s, .overwrite = true});
    QVERIFY(written);
    QVERIFY(!QFileInfo::exists(outside + u"/created-through-link"_s));
    QCOMPARE(folderContents(outside), QStringList{u"victim"_s});
}

void TestLayerReader::extractLeavesNothingOnFailure_data()
{
    QTest::addColumn<QByteArray>("blob");
    QTest::addColumn<QByteArray>("described");
    QTest::addColumn<bool>("cancel");
    QTest::addColumn<Code>("code");

    const QByteArray good = sampleLayer();
    QTest::addRow("digest mismatch") << good << QByteArray(good.size(), 'x') << false << Code::DigestMismatch;
    QTest::addRow("truncated after the file") << good.first(good.size() - 100) << good << false << Code::SizeMismatch;
    QTest::addRow("hostile entry after the file")
        << pack(Tar().file("etc/passwd", "data").file("../../x").end(), Packing::Gzip) << QByteArray() << false << Code::MalformedDocument;
    QTest::addRow("cancelled") << good << good << true << Code::Cancelled;
    QTest::addRow("same path turns into a symlink")
        << pack(Tar().file("etc/passwd", "data").symlink("etc/passwd", "/etc/shadow").end(), Packing::Zstd) << QByteArray() << false
        << Code::Unsupported;
}

void TestLayerReader::extractLeavesNothingOnFailure()
{
    QFETCH(QByteArray, blob);
    QFETCH(QByteArray, described);
    QFETCH(bool, cancel);
    QFETCH(Code, code);
    if (described.isEmpty())
        described = blob;
    QTemporaryDir dir;
    const std::atomic<bool> cancelled{cancel};
    const auto written = extractFrom(blob, {.path = u"etc/passwd"_s, .folder = dir.path()},
                                     {Digest::sha256Of(described), described.size()}, &cancelled);
    QVERIFY(!written);
    QCOMPARE(written.error().code(), code);
    QCOMPARE(folderContents(dir.path()), QStringList()); // no file, no temporary file
}

// "etc" is a symlink to /etc in the layer, then a file "etc/passwd": the bytes go into the chosen
// folder, nowhere near the link's target (nothing is resolved on disk).
void TestLayerReader::extractThroughSymlinkedFolderInTheLayer()
{
    QTemporaryDir root;
    const QString folder = root.filePath(u"folder"_s);
    const QString outside = root.filePath(u"outside"_s);
    QVERIFY(QDir().mkpath(folder) && QDir().mkpath(outside));
    const QByteArray blob = pack(Tar().symlink("etc", outside.toUtf8()).file("etc/passwd", "payload").end(), Packing::Gzip);
    const auto written = extractFrom(blob, {.path = u"etc/passwd"_s, .folder = folder});
    QVERIFY(written);
    QCOMPARE(readFile(folder + u"/passwd"_s), QByteArray("payload"));
    QCOMPARE(folderContents(outside), QStringList());
}

// ------------------------------------------------------------------------------------------------
// The pipe between a download and its reader

void TestLayerReader::pipeBoundsMemory()
{
    LayerBlobPipe pipe(1 << 20);
    const QByteArray data = pseudoRandom(48 << 20, 11);
    std::thread writer([&] {
        for (qsizetype offset = 0; offset < data.size(); offset += 256 * 1024)
            if (!pipe.write(QByteArrayView(data).sliced(offset, std::min<qsizetype>(256 * 1024, data.size() - offset))))
                return;
        pipe.closeWrite();
    });
    QByteArray read;
    read.reserve(data.size());
    for (;;) {
        auto bytes = pipe.read();
        QVERIFY(bytes);
        if (bytes->isEmpty())
            break;
        read += bytes->toByteArray();
        if (read.size() % (8 << 20) == 0)
            QThread::msleep(20); // a slow reader: the writer must wait, not queue
    }
    writer.join();
    QCOMPARE(read.size(), data.size());
    QVERIFY(read == data);
    QVERIFY2(pipe.peakQueued() <= pipe.capacity(), qPrintable(QString::number(pipe.peakQueued())));
}

void TestLayerReader::pipeCancelAndErrors()
{
    {
        // The error comes after the bytes written before it.
        LayerBlobPipe pipe(1 << 20);
        QVERIFY(pipe.write("abc"));
        pipe.closeWrite(Error(Code::Network, u"reset"_s));
        QVERIFY(!pipe.write("late"));
        QCOMPARE(pipe.read().value(), QByteArrayView("abc"));
        QCOMPARE(pipe.read().error().code(), Code::Network);
    }
    {
        // cancel() releases a writer blocked on a full pipe and a writer waiting for its reader.
        LayerBlobPipe pipe(4);
        QVERIFY(pipe.write("full"));
        std::atomic<bool> writerReturned{false};
        bool wrote = true;
        std::thread writer([&] {
            wrote = pipe.write("more");
            writerReturned = true;
        });
        QThread::msleep(50);
        QVERIFY(!writerReturned);
        pipe.cancel(Error(Code::Cancelled, u"stop"_s));
        writer.join();
        QVERIFY(!wrote);
        QCOMPARE(pipe.read().error().code(), Code::Cancelled);
        QVERIFY(!pipe.waitForReader());
    }
    {
        // A reader waiting for bytes is released by the end.
        LayerBlobPipe pipe;
        std::thread reader([&] { QVERIFY(pipe.read().value().isEmpty()); });
        QVERIFY(pipe.waitForReader());
        pipe.closeWrite();
        reader.join();
    }
}

QTEST_GUILESS_MAIN(TestLayerReader)
#include "tst_layerreader.moc"
