#include "archive/LayerArchiveReader.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::LayerArchiveReader)
};

// libarchive gets the source's chunks in slices of this size, so the expansion cap is checked at
// least this often on the compressed side: gzip expands a slice to at most ~64 MiB; zstd's RLE
// blocks could reach ~2 GiB, which is still only a fraction of a second of memset before the cap.
constexpr qsizetype kSliceSize = 64 * 1024;
// Blobs up to this size are hashed inline: a thread is not worth it.
constexpr qint64 kInlineHashBytes = 2 * 1024 * 1024;

// A tar header block, which archive_read_header_position() counts from.
constexpr qint64 kTarBlock = 512;

constexpr QByteArrayView kWhiteoutPrefix = ".wh.";
constexpr QStringView kWhiteoutPrefixText = u".wh.";
constexpr QStringView kMetaPrefix = u".wh..wh.";
constexpr QStringView kOpaqueMarker = u".wh..wh..opq";

// An untrusted name for a message: no control characters, not too long.
QString shown(QByteArrayView raw)
{
    QString text = QString::fromUtf8(raw.first(std::min<qsizetype>(raw.size(), 200)));
    for (QChar &c : text)
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u'?';
    if (raw.size() > 200)
        text += u'…';
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString shown(const QString &text)
{
    return shown(QByteArrayView(text.toUtf8()));
}

// The name as a relative path: "./", "/", "." and empty components dropped, the trailing '/' of
// folders too. nullopt when a component is "..". Most names are already clean and are converted
// without building a copy.
std::optional<QString> normalisedPath(QByteArrayView raw)
{
    QByteArray built;
    bool copying = false;   // a component was dropped before a kept one: `built` holds the result
    qsizetype keptEnd = 0;  // while not copying, raw[0, keptEnd) is the result so far
    qsizetype start = 0;
    while (start <= raw.size()) {
        qsizetype end = raw.indexOf('/', start);
        if (end < 0)
            end = raw.size();
        const QByteArrayView component = raw.sliced(start, end - start);
        if (component == "..")
            return std::nullopt;
        if (!component.isEmpty() && component != ".") {
            if (!copying && start == (keptEnd == 0 ? 0 : keptEnd + 1)) {
                keptEnd = end;
            } else {
                if (!copying) {
                    copying = true;
                    built = raw.first(keptEnd).toByteArray();
                }
                if (!built.isEmpty())
                    built += '/';
                built += component;
            }
        }
        start = end + 1;
    }
    return copying ? QString::fromUtf8(built) : QString::fromUtf8(raw.first(keptEnd));
}

// A 64-bit key for a path in the set of hard-link targets: a set of strings cost a tenth of the
// time listing 100,000 entries. A collision would only let a link to a missing file through,
// which nothing follows (LayerFileExtractor refuses hard links).
size_t pathKey(QStringView path)
{
    return qHash(path, size_t(0x5eed5eed));
}

bool hasMetaComponent(QStringView path)
{
    return path.startsWith(kMetaPrefix) || path.contains(u"/.wh..wh.");
}

// Hashes the blob beside the decompression: on a second thread once the blob is larger than
// kInlineHashBytes. SHA-256 (even OpenSSL's SHA-NI code) costs as much as zstd's decoding and the
// tar parsing together, so the two must run side by side: chunks queue here (at most two: the one
// being hashed while the source fills the next), and the reading thread waits only when it would
// overwrite a chunk that is not hashed yet.
class BlobHasher
{
public:
    BlobHasher(const Digest &expected, qint64 size, bool hash) : m_verifier(expected, size), m_size(size), m_hash(hash) {}
    ~BlobHasher()
    {
        if (m_thread.joinable()) {
            {
                const std::lock_guard lock(m_mutex);
                m_stop = true;
            }
            m_work.notify_one();
            m_thread.join();
        }
    }
    Q_DISABLE_COPY_MOVE(BlobHasher)

    // `bytes` must stay valid until waitUntilPending(0), or waitUntilPending(1) after the next add().
    void add(QByteArrayView bytes)
    {
        m_added += bytes.size();
        if (!m_hash)
            return;
        if (!m_thread.joinable() && m_added <= kInlineHashBytes) {
            m_verifier.addData(bytes);
            return;
        }
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
        {
            std::unique_lock lock(m_mutex);
            m_idle.wait(lock, [this] { return m_queue.size() < 2; });
            m_queue.push_back(bytes);
        }
        m_work.notify_one();
    }

    // Until at most `pending` chunks (the newest ones) wait or are being hashed.
    void waitUntilPending(size_t pending)
    {
        if (!m_thread.joinable())
            return;
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [&] { return m_queue.size() <= pending; });
    }

    [[nodiscard]] qint64 bytesAdded() const { return m_added; }

    [[nodiscard]] Result<void> verify()
    {
        waitUntilPending(0);
        if (!m_hash) {
            if (m_size >= 0 && m_added != m_size)
                return fail(Error::Code::SizeMismatch,
                            Tr::tr("the layer has %1 bytes, not the %2 its descriptor says").arg(m_added).arg(m_size));
            return {};
        }
        return m_verifier.verify();
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_work.wait(lock, [this] { return !m_queue.empty() || m_stop; });
            if (m_queue.empty())
                return;
            const QByteArrayView bytes = m_queue.front(); // stays queued while it is hashed
            lock.unlock();
            m_verifier.addData(bytes);
            lock.lock();
            m_queue.pop_front();
            m_idle.notify_all();
        }
    }

    DigestVerifier m_verifier; // the hashing thread's while it runs; the caller's after waitUntilPending(0)
    qint64 m_size;
    bool m_hash;
    qint64 m_added = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_idle;
    std::deque<QByteArrayView> m_queue;
    bool m_stop = false;
};

} // namespace

Result<QByteArrayView> LayerArchiveReader::DeviceSource::read()
{
    // Two buffers in turn: the chunk returned last stays intact while this one is filled.
    QByteArray &buffer = m_buffers[m_next];
    m_next ^= 1;
    if (buffer.size() < kChunkSize)
        buffer.resize(kChunkSize);
    const qint64 n = m_device.read(buffer.data(), kChunkSize);
    if (n < 0)
        return fail(Error::Code::Io, Tr::tr("cannot read the layer: %1").arg(m_device.errorString()));
    return QByteArrayView(buffer.constData(), qsizetype(n));
}

struct LayerArchiveReader::Private
{
    Source &source;
    Expected expected;
    Limits limits;
    const std::atomic<bool> *cancelled = nullptr;
    Progress progress;
    qsizetype returned = 0; // entries next() returned
    BlobHasher hasher;
    struct archive *archive = nullptr;
    LayerDecompressor::Compression compression = LayerDecompressor::Compression::None;

    QByteArrayView chunk;   // the source's current bytes; libarchive gets slices of them
    qsizetype chunkOffset = 0;
    bool sourceEnded = false;
    // Why the read callback stopped libarchive (libarchive itself only says "fatal").
    std::optional<Error> callbackError;
    std::optional<Error> error; // sticky
    bool atEnd = false;
    bool inFileData = false;    // readData() may read the current entry
    qsizetype headers = 0;
    // Earlier non-folder entries (their paths' keys): a hard link may only point at one of them.
    QSet<size_t> linkable;
    QByteArray data;
    QString lastFolder;        // the folder of the previous entry
    qint64 folderPathChars = 0; // see Limits::maxFolderPathChars

    Private(Source &s, const Expected &e, const Limits &l) : source(s), expected(e), limits(l), hasher(e.digest, e.size, !e.verifiedAtRest) {}

    ~Private()
    {
        if (archive)
            archive_read_free(archive);
    }

    Q_DISABLE_COPY_MOVE(Private)

    wharf::unexpected<Error> stop(const Error &e)
    {
        if (!error)
            error = e;
        return wharf::unexpected<Error>(*error);
    }

    [[nodiscard]] qint64 uncompressed() const { return archive ? std::max<qint64>(0, archive_filter_bytes(archive, 0)) : 0; }

    // The uncompressed bytes allowed so far: for a blob of unknown size the ratio applies to what
    // has been read.
    [[nodiscard]] qint64 cap() const
    {
        return limits.expansion.capFor(expected.size >= 0 ? expected.size : hasher.bytesAdded());
    }

    // What one entry may claim: at most what the whole blob may expand to.
    [[nodiscard]] qint64 entryCap() const
    {
        return expected.size >= 0 ? limits.expansion.capFor(expected.size) : limits.expansion.maxBytes;
    }

    [[nodiscard]] std::optional<Error> checkLimits() const
    {
        if (cancelled && cancelled->load(std::memory_order_relaxed))
            return Error(Error::Code::Cancelled, Tr::tr("cancelled"));
        if (uncompressed() > cap())
            return Error(Error::Code::TooLarge, Tr::tr("the layer expands to more than %1 bytes; Wharf stops there (a decompression bomb?)")
                                                    .arg(cap()));
        return std::nullopt;
    }

    // The next chunk from the source, hashed on the way.
    Result<void> pullChunk()
    {
        // libarchive is done with the current chunk (it asked for more); the source may now reuse
        // the one before it, so that one must be hashed.
        hasher.waitUntilPending(1);
        chunk = {};
        chunkOffset = 0;
        auto next = source.read();
        if (!next)
            return wharf::unexpected(next.error());
        if (next->isEmpty()) {
            sourceEnded = true;
            return {};
        }
        if (expected.size >= 0 && hasher.bytesAdded() + next->size() > expected.size)
            return fail(Error::Code::SizeMismatch, Tr::tr("the layer is longer than the %1 bytes its descriptor gives").arg(expected.size));
        // Without a size, a source that never ends must not keep the reader hashing forever.
        if (expected.size < 0 && hasher.bytesAdded() + next->size() > limits.expansion.maxBytes)
            return fail(Error::Code::TooLarge, Tr::tr("the layer is larger than %1 bytes; Wharf stops there").arg(limits.expansion.maxBytes));
        chunk = *next;
        hasher.add(chunk);
        if (progress)
            progress(hasher.bytesAdded(), returned);
        return {};
    }

    static la_ssize_t readCallback(struct archive *archive, void *client, const void **buffer)
    {
        auto *self = static_cast<Private *>(client);
        std::optional<Error> stopped = self->checkLimits();
        if (!stopped && self->chunkOffset >= self->chunk.size() && !self->sourceEnded)
            if (auto pulled = self->pullChunk(); !pulled)
                stopped = pulled.error();
        if (stopped) {
            self->callbackError = stopped;
            archive_set_error(archive, ECANCELED, "stopped by the reader");
            return -1;
        }
        if (self->sourceEnded)
            return 0;
        const qsizetype n = std::min(kSliceSize, self->chunk.size() - self->chunkOffset);
        *buffer = self->chunk.data() + self->chunkOffset;
        self->chunkOffset += n;
        return la_ssize_t(n);
    }

    // What libarchive's failure means, as one typed error.
    [[nodiscard]] Error archiveError() const
    {
        if (callbackError)
            return *callbackError;
        if (sourceEnded && expected.size >= 0 && hasher.bytesAdded() < expected.size)
            return Error(Error::Code::SizeMismatch,
                         Tr::tr("the layer ends after %1 of its %2 bytes").arg(hasher.bytesAdded()).arg(expected.size));
        const char *raw = archive ? archive_error_string(archive) : nullptr;
        const QString message = raw ? QString::fromLocal8Bit(raw) : Tr::tr("unknown error");
        // libarchive's own caps on pax and GNU long-name records (1 MiB each, 32 in a row).
        if (message.startsWith(u"Special header too large") || message.startsWith(u"Too many special headers"))
            return Error(Error::Code::TooLarge, Tr::tr("a tar header of the layer is too large: %1").arg(message));
        return Error(Error::Code::MalformedDocument,
                     Tr::tr("the layer is not a valid tar, or its gzip or zstd compression is damaged: %1").arg(message));
    }

    Result<void> open()
    {
        archive = archive_read_new();
        if (!archive)
            return fail(Error::Code::Io, Tr::tr("cannot start reading the layer"));
        // ARCHIVE_WARN means libarchive would run an external gzip/zstd program: never with untrusted data.
        if (archive_read_support_filter_gzip(archive) != ARCHIVE_OK || archive_read_support_filter_zstd(archive) != ARCHIVE_OK)
            return fail(Error::Code::Unsupported, Tr::tr("this libarchive cannot decompress gzip and zstd by itself"));
        if (archive_read_support_format_tar(archive) != ARCHIVE_OK)
            return fail(Error::Code::Unsupported, Tr::tr("this libarchive cannot read tar"));
        if (archive_read_open(archive, this, nullptr, &Private::readCallback, nullptr) != ARCHIVE_OK)
            return wharf::unexpected(archiveError());
        switch (archive_filter_code(archive, 0)) {
        case ARCHIVE_FILTER_GZIP:
            compression = LayerDecompressor::Compression::Gzip;
            break;
        case ARCHIVE_FILTER_ZSTD:
            compression = LayerDecompressor::Compression::Zstd;
            break;
        default:
            compression = LayerDecompressor::Compression::None;
            break;
        }
        return {};
    }

    // After the end of the tar: the rest of the blob (padding, a gzip trailer, trailing bytes)
    // still counts, then size and digest.
    Result<void> finish()
    {
        while (!sourceEnded) {
            if (auto over = checkLimits(); over && over->code() == Error::Code::Cancelled)
                return wharf::unexpected(*over);
            if (auto pulled = pullChunk(); !pulled)
                return pulled;
        }
        return hasher.verify();
    }

    // Counts the folders `path` sits in against the depth and folder-text limits: every folder
    // prefix the previous entry's folder did not share costs its length.
    Result<void> chargeFolders(const QString &path)
    {
        const qsizetype folderEnd = path.lastIndexOf(u'/');
        if (folderEnd < 0) {
            lastFolder.clear();
            return {};
        }
        const QStringView folder = QStringView(path).left(folderEnd);
        if (folder.count(u'/') + 2 > limits.maxPathDepth)
            return fail(Error::Code::TooLarge, Tr::tr("the layer's entry %1 is more than %2 folders deep; Wharf stops there")
                                                   .arg(shown(path)).arg(limits.maxPathDepth));
        // What the previous entry's folder shares with this one, ending at a folder boundary in
        // both ("a/bc" does not share "a/b").
        qsizetype common = 0;
        const qsizetype most = std::min(folder.size(), lastFolder.size());
        while (common < most && folder[common] == lastFolder[common])
            ++common;
        const auto boundary = [](QStringView text, qsizetype at) { return at == text.size() || text[at] == u'/'; };
        qsizetype shared = common;
        if (!boundary(folder, common) || !boundary(lastFolder, common))
            shared = std::max<qsizetype>(0, folder.left(common).lastIndexOf(u'/'));
        for (qsizetype i = shared + 1; i <= folder.size(); ++i) {
            if (boundary(folder, i))
                folderPathChars += i;
        }
        lastFolder = folder.toString();
        if (folderPathChars > limits.maxFolderPathChars)
            return fail(Error::Code::TooLarge, Tr::tr("the layer's folders are nested beyond what Wharf lists (their paths add up to "
                                                      "more than %1 characters at entry %2)")
                                                   .arg(limits.maxFolderPathChars).arg(headers));
        return {};
    }

    Result<std::optional<LayerEntry>> convert(struct archive_entry *header)
    {
        const char *rawName = archive_entry_pathname(header);
        const QByteArrayView name = rawName ? QByteArrayView(rawName, qstrlen(rawName)) : QByteArrayView();
        if (name.isEmpty())
            return fail(Error::Code::MalformedDocument, Tr::tr("entry %1 of the layer has no name").arg(headers));
        if (name.size() > limits.maxPathBytes)
            return fail(Error::Code::TooLarge, Tr::tr("entry %1 of the layer has a name of %2 bytes, more than the %3 Wharf accepts")
                                                   .arg(headers).arg(name.size()).arg(limits.maxPathBytes));
        std::optional<QString> path = normalisedPath(name);
        if (!path)
            return fail(Error::Code::MalformedDocument, Tr::tr("the layer's entry %1 points outside the image (\"..\")").arg(shown(name)));

        const qint64 extensions = archive_filter_bytes(archive, 0) - archive_read_header_position(archive) - kTarBlock;
        if (extensions > limits.maxHeaderBytes)
            return fail(Error::Code::TooLarge, Tr::tr("the layer's entry %1 comes with %2 bytes of extended headers, more than the %3 Wharf accepts")
                                                   .arg(shown(name)).arg(extensions).arg(limits.maxHeaderBytes));

        const qint64 size = archive_entry_size_is_set(header) ? archive_entry_size(header) : 0;
        if (size < 0)
            return fail(Error::Code::MalformedDocument, Tr::tr("the layer's entry %1 has a negative size").arg(shown(name)));
        if (size > entryCap())
            return fail(Error::Code::TooLarge, Tr::tr("the layer's entry %1 claims %2 bytes, more than the whole layer may hold")
                                                   .arg(shown(name)).arg(size));

        LayerEntry entry;
        const char *hardlink = archive_entry_hardlink(header);
        if (hardlink) {
            entry.type = LayerEntry::Type::Hardlink;
        } else {
            switch (archive_entry_filetype(header)) {
            case AE_IFREG:
                entry.type = LayerEntry::Type::File;
                break;
            case AE_IFDIR:
                entry.type = LayerEntry::Type::Directory;
                break;
            case AE_IFLNK:
                entry.type = LayerEntry::Type::Symlink;
                break;
            case AE_IFCHR:
                entry.type = LayerEntry::Type::CharDevice;
                break;
            case AE_IFBLK:
                entry.type = LayerEntry::Type::BlockDevice;
                break;
            case AE_IFIFO:
                entry.type = LayerEntry::Type::Fifo;
                break;
            default:
                return fail(Error::Code::MalformedDocument, Tr::tr("the layer's entry %1 has a type tar layers cannot hold").arg(shown(name)));
            }
        }

        if (path->isEmpty()) {
            // "./" or "/": the root's own folder entry names no file (umoci writes one). Anything
            // else there would replace the root (CVE-2021-29136: a symlink named "/.").
            if (entry.type == LayerEntry::Type::Directory)
                return std::optional<LayerEntry>();
            return fail(Error::Code::MalformedDocument, Tr::tr("the layer's entry %1 replaces the root folder").arg(shown(name)));
        }

        // Whiteouts and AUFS bookkeeping: most names hold no ".wh." at all.
        if (name.contains(kWhiteoutPrefix)) {
            const qsizetype slash = path->lastIndexOf(u'/');
            const QStringView parent = slash < 0 ? QStringView() : QStringView(*path).left(slash);
            const QStringView base = QStringView(*path).sliced(slash + 1);
            if (hasMetaComponent(parent))
                return std::optional<LayerEntry>(); // inside AUFS bookkeeping (.wh..wh.plnk/…)
            if (base.startsWith(kWhiteoutPrefixText)) {
                if (base == kOpaqueMarker) {
                    entry.type = LayerEntry::Type::OpaqueDirectory;
                    *path = parent.toString();
                } else if (base.startsWith(kMetaPrefix)) {
                    return std::optional<LayerEntry>(); // AUFS bookkeeping (.wh..wh.aufs, .wh..wh.plnk)
                } else {
                    const QStringView deleted = base.sliced(kWhiteoutPrefixText.size());
                    if (deleted.isEmpty() || deleted == u"." || deleted == u"..")
                        return fail(Error::Code::MalformedDocument, Tr::tr("the layer's entry %1 is not a valid whiteout").arg(shown(name)));
                    entry.type = LayerEntry::Type::Whiteout;
                    *path = parent.isEmpty() ? deleted.toString() : parent.toString() + u'/' + deleted;
                }
            }
        }
        if (auto deep = chargeFolders(*path); !deep)
            return wharf::unexpected(deep.error());
        entry.path = std::move(*path);
        entry.mode = quint32(archive_entry_perm(header)) & 07777;
        entry.uid = archive_entry_uid(header);
        entry.gid = archive_entry_gid(header);
        entry.mtime = archive_entry_mtime(header);
        if (entry.type == LayerEntry::Type::File)
            entry.size = size;

        if (entry.type == LayerEntry::Type::Hardlink) {
            const QByteArrayView target(hardlink, qstrlen(hardlink));
            if (target.size() > limits.maxPathBytes)
                return fail(Error::Code::TooLarge, Tr::tr("the layer's hard link %1 has a target of %2 bytes, more than the %3 Wharf accepts")
                                                       .arg(shown(entry.path)).arg(target.size()).arg(limits.maxPathBytes));
            std::optional<QString> normalised = normalisedPath(target);
            if (!normalised || normalised->isEmpty() || !linkable.contains(pathKey(*normalised)))
                return fail(Error::Code::MalformedDocument,
                            Tr::tr("the layer's hard link %1 points at %2, which is not a file earlier in the layer")
                                .arg(shown(entry.path), shown(target)));
            entry.linkTarget = std::move(*normalised);
        } else if (entry.type == LayerEntry::Type::Symlink) {
            const char *symlink = archive_entry_symlink(header);
            const QByteArrayView target = symlink ? QByteArrayView(symlink, qstrlen(symlink)) : QByteArrayView();
            if (target.size() > limits.maxPathBytes)
                return fail(Error::Code::TooLarge, Tr::tr("the layer's symbolic link %1 has a target of %2 bytes, more than the %3 Wharf accepts")
                                                       .arg(shown(entry.path)).arg(target.size()).arg(limits.maxPathBytes));
            entry.linkTarget = QString::fromUtf8(target);
        }
        if (entry.type != LayerEntry::Type::Directory && !entry.isDeletion())
            linkable.insert(pathKey(entry.path));
        return std::optional<LayerEntry>(std::move(entry));
    }
};

LayerArchiveReader::LayerArchiveReader(Source &source, const Expected &expected, const Limits &limits)
    : d(std::make_unique<Private>(source, expected, limits))
{
}

LayerArchiveReader::LayerArchiveReader(LayerArchiveReader &&other) noexcept = default;
LayerArchiveReader &LayerArchiveReader::operator=(LayerArchiveReader &&other) noexcept = default;
LayerArchiveReader::~LayerArchiveReader() = default;

void LayerArchiveReader::setCancelFlag(const std::atomic<bool> *cancelled)
{
    d->cancelled = cancelled;
}

void LayerArchiveReader::setProgress(Progress progress)
{
    d->progress = std::move(progress);
}

Result<std::optional<LayerEntry>> LayerArchiveReader::next()
{
    if (d->error)
        return wharf::unexpected(*d->error);
    if (d->atEnd)
        return std::nullopt;
    d->inFileData = false;
    if (!d->archive)
        if (auto opened = d->open(); !opened)
            return d->stop(opened.error());
    for (;;) {
        if (auto over = d->checkLimits())
            return d->stop(*over);
        struct archive_entry *header = nullptr;
        const int rc = archive_read_next_header(d->archive, &header);
        if (rc == ARCHIVE_EOF) {
            if (auto finished = d->finish(); !finished)
                return d->stop(finished.error());
            d->atEnd = true;
            return std::nullopt;
        }
        if (rc < ARCHIVE_WARN)
            return d->stop(d->archiveError());
        if (rc == ARCHIVE_WARN) {
            // Warnings are mostly about converting names to the locale (kept as stored); the one
            // about a chain of extension headers means the entry is not what it claims.
            const char *message = archive_error_string(d->archive);
            if (message && QByteArrayView(message).startsWith("Too many special headers"))
                return d->stop(d->archiveError());
        }
        if (++d->headers > d->limits.maxEntries)
            return d->stop(Error(Error::Code::TooLarge, Tr::tr("the layer has more than %1 entries; Wharf stops there")
                                                            .arg(d->limits.maxEntries)));
        if (auto over = d->checkLimits())
            return d->stop(*over);
        auto entry = d->convert(header);
        if (!entry)
            return d->stop(entry.error());
        if (!*entry)
            continue;
        d->inFileData = (*entry)->type == LayerEntry::Type::File;
        ++d->returned;
        if (d->progress)
            d->progress(d->hasher.bytesAdded(), d->returned);
        return entry;
    }
}

Result<QByteArrayView> LayerArchiveReader::readData()
{
    if (d->error)
        return wharf::unexpected(*d->error);
    if (!d->inFileData)
        return fail(Error::Code::Unsupported, Tr::tr("only a file's content can be read"));
    if (d->data.size() < kChunkSize)
        d->data.resize(kChunkSize);
    const la_ssize_t n = archive_read_data(d->archive, d->data.data(), size_t(d->data.size()));
    if (n < 0)
        return d->stop(d->archiveError());
    if (n == 0) {
        d->inFileData = false;
        return QByteArrayView();
    }
    return QByteArrayView(d->data.constData(), qsizetype(n));
}

qint64 LayerArchiveReader::compressedBytes() const
{
    return d->hasher.bytesAdded();
}

qint64 LayerArchiveReader::uncompressedBytes() const
{
    return d->uncompressed();
}

qsizetype LayerArchiveReader::headersRead() const
{
    return d->headers;
}

LayerDecompressor::Compression LayerArchiveReader::compression() const
{
    return d->compression;
}

LayerListing LayerArchiveReader::list(Source &source, const Expected &expected, const Limits &limits,
                                      const std::atomic<bool> *cancelled, const Progress &progress)
{
    LayerListing listing;
    listing.layer = expected.digest;
    LayerArchiveReader reader(source, expected, limits);
    reader.setCancelFlag(cancelled);
    reader.setProgress(progress);
    for (;;) {
        auto next = reader.next();
        if (!next) {
            listing.error = next.error();
            break;
        }
        if (!*next) {
            listing.complete = true;
            break;
        }
        listing.entries.append(std::move(**next));
    }
    listing.compressedSize = reader.compressedBytes();
    listing.uncompressedSize = reader.uncompressedBytes();
    if (progress)
        progress(listing.compressedSize, listing.entries.size());
    return listing;
}

} // namespace wharf
