#include "store/BlobIngest.h"

#include "store/FileSync.h"
#include "store/StoreLock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::ImageStore)
};

constexpr qint64 kRehashChunk = 1 << 20;
constexpr qint64 kMaxMetaSize = 64 * 1024;

// The bytes of a partial download in `folder` that says it is `descriptor`'s blob and is not
// longer than it; -1 when there is none to resume.
qint64 resumableBytes(const QString &folder, const Descriptor &descriptor)
{
    QFile meta(QDir(folder).filePath(QStringLiteral("meta")));
    if (!meta.open(QIODevice::ReadOnly) || meta.size() > kMaxMetaSize)
        return -1;
    const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
    const QFileInfo dataInfo(QDir(folder).filePath(QStringLiteral("data")));
    const bool matches = o.value(QStringLiteral("digest")).toString() == descriptor.digest.toString()
        && o.value(QStringLiteral("size")).toInteger(-1) == descriptor.size && dataInfo.isFile() && !dataInfo.isSymLink()
        && dataInfo.size() <= descriptor.size;
    return matches ? dataInfo.size() : -1;
}

} // namespace

struct BlobIngest::Private
{
    Descriptor descriptor;
    QString root;
    QString folder;
    std::unique_ptr<QLockFile> lock;
    QFile data;
    std::unique_ptr<DigestVerifier> verifier;

    [[nodiscard]] QString dataPath() const { return QDir(folder).filePath(QStringLiteral("data")); }
    [[nodiscard]] QString metaPath() const { return QDir(folder).filePath(QStringLiteral("meta")); }
    [[nodiscard]] bool active() const { return lock != nullptr; }

    void resetHash() { verifier = std::make_unique<DigestVerifier>(descriptor.digest, descriptor.size); }

    // Everything under folder goes, then the lock: once unlocked, another writer may start afresh.
    void removeFolderAndUnlock()
    {
        data.close();
        QDir(folder).removeRecursively();
        unlock();
    }

    void unlock()
    {
        data.close();
        if (lock)
            lock->unlock();
        lock.reset();
    }
};

BlobIngest::BlobIngest(std::unique_ptr<Private> p) : d(std::move(p)) {}
BlobIngest::BlobIngest(BlobIngest &&other) noexcept = default;

BlobIngest &BlobIngest::operator=(BlobIngest &&other) noexcept
{
    if (this != &other) {
        release();
        d = std::move(other.d);
    }
    return *this;
}

BlobIngest::~BlobIngest()
{
    release();
}

QString BlobIngest::ingestName(const Digest &digest)
{
    return QString::fromLatin1(QCryptographicHash::hash(digest.toString().toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<BlobIngest> BlobIngest::begin(const QString &root, const Descriptor &descriptor)
{
    if (!descriptor.digest.isValid())
        return fail(Error::Code::InvalidDigest, Tr::tr("cannot store a blob without a valid digest"));
    if (descriptor.size < 0)
        return fail(Error::Code::SizeMismatch, Tr::tr("cannot store %1: its size is negative").arg(descriptor.digest.toString()));

    auto p = std::make_unique<Private>();
    p->descriptor = descriptor;
    p->root = root;
    const QString name = ingestName(descriptor.digest);
    const QDir ingestDir(QDir(root).filePath(QStringLiteral("ingest")));
    if (!ingestDir.mkpath(QStringLiteral(".")))
        return fail(Error::Code::Io, Tr::tr("cannot create the folder %1").arg(ingestDir.path()));
    p->folder = ingestDir.filePath(name);

    // The lock lives beside the folder, not in it, so that gc can delete the folder while holding it.
    p->lock = std::make_unique<QLockFile>(ingestDir.filePath(name + u".lock"));
    // 0: stale only when the owner is dead (pid check) — a live download may hold it for hours.
    p->lock->setStaleLockTime(0);
    if (!StoreLock::tryLock(*p->lock, std::chrono::milliseconds(0))) {
        const bool busy = p->lock->error() == QLockFile::LockFailedError;
        qint64 pid = 0;
        QString host, app;
        p->lock->getLockInfo(&pid, &host, &app);
        p->lock.reset();
        if (busy)
            return fail(Error::Code::Io, Tr::tr("%1 is being downloaded by another process (pid %2)")
                                             .arg(descriptor.digest.toString()).arg(pid), /*retryable=*/true);
        return fail(Error::Code::Io, Tr::tr("cannot lock the download of %1 in %2").arg(descriptor.digest.toString(), ingestDir.path()));
    }
    if (!QDir(p->folder).mkpath(QStringLiteral("."))) {
        p->unlock();
        return fail(Error::Code::Io, Tr::tr("cannot create the folder %1").arg(p->folder));
    }

    // Resume only a partial that says it is this blob, of this size, and is not longer than it.
    bool resume = resumableBytes(p->folder, descriptor) >= 0;
    p->resetHash();
    if (resume) {
        // Rebuild the hash state from the bytes already on disk (containerd resumeStatus).
        QFile existing(p->dataPath());
        if (!existing.open(QIODevice::ReadOnly)) {
            resume = false;
        } else {
            QByteArray chunk;
            while (!existing.atEnd()) {
                chunk = existing.read(kRehashChunk);
                if (chunk.isEmpty())
                    break;
                p->verifier->addData(chunk);
            }
            if (p->verifier->bytesSeen() != existing.size()) {
                resume = false;
                p->resetHash();
            }
        }
    }
    if (!resume) {
        QFile::remove(p->dataPath());
        QJsonObject meta{{QStringLiteral("digest"), descriptor.digest.toString()},
                         {QStringLiteral("size"), descriptor.size},
                         {QStringLiteral("mediaType"), descriptor.mediaType},
                         {QStringLiteral("started"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
        if (auto written = FileSync::replaceFile(p->metaPath(), QJsonDocument(meta).toJson(QJsonDocument::Compact)); !written) {
            p->unlock();
            return wharf::unexpected(written.error());
        }
    }
    p->data.setFileName(p->dataPath());
    if (!p->data.open(QIODevice::WriteOnly | QIODevice::Append)) {
        const QString message = Tr::tr("cannot open %1: %2").arg(p->dataPath(), p->data.errorString());
        p->unlock();
        return fail(Error::Code::Io, message);
    }
    return BlobIngest(std::move(p));
}

const Descriptor &BlobIngest::descriptor() const
{
    static const Descriptor none;
    return d ? d->descriptor : none;
}

qint64 BlobIngest::offset() const
{
    return d && d->verifier ? d->verifier->bytesSeen() : 0;
}

qint64 BlobIngest::expectedSize() const
{
    return d ? d->descriptor.size : 0;
}

bool BlobIngest::isActive() const
{
    return d && d->active();
}

Result<void> BlobIngest::write(QByteArrayView bytes)
{
    if (!isActive())
        return fail(Error::Code::Io, Tr::tr("the download is no longer open for writing"));
    if (bytes.isEmpty())
        return {};
    const qint64 at = offset();
    if (bytes.size() > d->descriptor.size - at)
        return fail(Error::Code::SizeMismatch, Tr::tr("received more than the %1 bytes expected for %2")
                                                   .arg(d->descriptor.size).arg(d->descriptor.digest.toString()));
    if (d->data.write(bytes.data(), bytes.size()) != bytes.size() || !d->data.flush()) {
        const QString message = Tr::tr("cannot write %1: %2").arg(d->dataPath(), d->data.errorString());
        // Keep the file and the hash state in step: what is on disk must be what was hashed.
        if (!d->data.resize(at)) {
            (void)restart();
        }
        return fail(Error::Code::Io, message);
    }
    d->verifier->addData(bytes);
    return {};
}

Result<void> BlobIngest::restart()
{
    if (!isActive())
        return fail(Error::Code::Io, Tr::tr("the download is no longer open for writing"));
    d->resetHash();
    if (!d->data.resize(0))
        return fail(Error::Code::Io, Tr::tr("cannot truncate %1: %2").arg(d->dataPath(), d->data.errorString()));
    return {};
}

Result<void> BlobIngest::commit()
{
    if (!isActive())
        return fail(Error::Code::Io, Tr::tr("the download is no longer open for writing"));
    if (auto synced = FileSync::syncFile(d->data); !synced)
        return synced;
    // Size first, then digest (descriptor.md "Verification").
    if (auto verified = d->verifier->verify(); !verified) {
        if (verified.error().code() != Error::Code::SizeMismatch) {
            // The bytes are wrong somewhere: resuming from them could only fail again.
            (void)restart();
        }
        return verified;
    }

    const Digest &digest = d->descriptor.digest;
    const QDir blobDir(QDir(d->root).filePath(u"blobs/" + digest.algorithm()));
    if (!blobDir.mkpath(QStringLiteral(".")))
        return fail(Error::Code::Io, Tr::tr("cannot create the folder %1").arg(blobDir.path()));
    const QString target = blobDir.filePath(digest.encoded());
    const QFileInfo existing(target);
    if (existing.isFile() && !existing.isSymLink() && existing.size() == d->descriptor.size) {
        // Already there (another pull got it first): the ingest is simply dropped (containerd
        // ErrAlreadyExists, treated as success).
        d->removeFolderAndUnlock();
        return {};
    }
    d->data.close();
    // Read-only before it appears under blobs/, so the published file is never writable (C8).
    QFile::setPermissions(d->dataPath(), QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (auto renamed = FileSync::renameDurably(d->dataPath(), target); !renamed) {
        QFile::setPermissions(d->dataPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                                 | QFileDevice::ReadOther);
        d->data.open(QIODevice::WriteOnly | QIODevice::Append);
        return renamed;
    }
    d->removeFolderAndUnlock();
    return {};
}

void BlobIngest::release()
{
    if (!isActive())
        return;
    if (offset() == 0)
        d->removeFolderAndUnlock();
    else
        d->unlock();
}

qint64 BlobIngest::partialSize(const QString &root, const Descriptor &descriptor)
{
    if (!descriptor.digest.isValid())
        return 0;
    const QString folder = QDir(QDir(root).filePath(QStringLiteral("ingest"))).filePath(ingestName(descriptor.digest));
    return std::max<qint64>(0, resumableBytes(folder, descriptor));
}

void BlobIngest::discard()
{
    if (isActive())
        d->removeFolderAndUnlock();
}

} // namespace wharf
