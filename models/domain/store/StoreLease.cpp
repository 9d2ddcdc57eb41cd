#include "store/StoreLease.h"

#include "store/StoreLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QUuid>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::ImageStore)
};

} // namespace

struct StoreLease::Private
{
    QString root;
    QString path;
    std::unique_ptr<QLockFile> lock;
};

StoreLease::StoreLease(std::unique_ptr<Private> p) : d(std::move(p)) {}
StoreLease::StoreLease(StoreLease &&) noexcept = default;

StoreLease &StoreLease::operator=(StoreLease &&other) noexcept
{
    if (this != &other) {
        release();
        d = std::move(other.d);
    }
    return *this;
}

StoreLease::~StoreLease()
{
    release();
}

Result<StoreLease> StoreLease::begin(const QString &root)
{
    const QDir leases(QDir(root).filePath(QStringLiteral("leases")));
    if (!leases.mkpath(QStringLiteral(".")))
        return fail(Error::Code::Io, Tr::tr("cannot create the folder %1").arg(leases.path()));
    auto p = std::make_unique<Private>();
    p->root = root;
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    p->path = leases.filePath(id);
    p->lock = std::make_unique<QLockFile>(leases.filePath(id + u".lock"));
    p->lock->setStaleLockTime(0);
    if (!p->lock->tryLock(0))
        return fail(Error::Code::Io, Tr::tr("cannot create the lease %1").arg(p->path));
    QFile file(p->path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(Error::Code::Io, Tr::tr("cannot create the lease %1: %2").arg(p->path, file.errorString()));
    return StoreLease(std::move(p));
}

Result<void> StoreLease::protect(const Digest &digest)
{
    return protect(QList<Digest>{digest});
}

Result<void> StoreLease::protect(const QList<Digest> &digests)
{
    if (!isActive())
        return fail(Error::Code::Io, Tr::tr("the lease has already been released"));
    QByteArray lines;
    for (const Digest &digest : digests) {
        if (!digest.isValid())
            return fail(Error::Code::InvalidDigest, Tr::tr("cannot protect an invalid digest"));
        lines += digest.toString().toLatin1() + '\n';
    }
    // One lock for the whole image: each acquisition costs a sync, and a busy disk makes that slow.
    auto locked = StoreLock::acquire(QDir(d->root).filePath(QStringLiteral("index.lock")));
    if (!locked)
        return wharf::unexpected(locked.error());
    QFile file(d->path);
    // No fsync: if the machine goes down, so does the owner, and the lease is void anyway.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(lines) < 0 || !file.flush())
        return fail(Error::Code::Io, Tr::tr("cannot write the lease %1: %2").arg(d->path, file.errorString()));
    return {};
}

bool StoreLease::isActive() const
{
    return d && d->lock;
}

void StoreLease::release()
{
    if (!isActive())
        return;
    QFile::remove(d->path);
    d->lock->unlock();
    d->lock.reset();
}

} // namespace wharf
