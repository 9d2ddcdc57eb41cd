#include "store/ImageStore.h"

#include "documents/DocumentParser.h"
#include "documents/MediaTypes.h"
#include "reference/ImageReference.h"
#include "store/FileSync.h"
#include "store/StoreLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::ImageStore)
};

const QString kRefName = QStringLiteral("org.opencontainers.image.ref.name");
const QString kWharfReference = QStringLiteral("io.github.wharf.reference");
const QString kWharfPlatform = QStringLiteral("io.github.wharf.platform");
const QString kWharfPulled = QStringLiteral("io.github.wharf.pulled");
const QString kWharfIndex = QStringLiteral("io.github.wharf.index");
const QString kManifests = QStringLiteral("manifests");
const QString kAnnotations = QStringLiteral("annotations");

constexpr qint64 kMaxLayoutHeaderSize = 64 * 1024;
constexpr qint64 kHashChunk = 1 << 20;

QByteArray layoutHeader() { return QByteArrayLiteral("{\"imageLayoutVersion\":\"1.0.0\"}"); }

QByteArray emptyIndex()
{
    return QByteArrayLiteral(
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}");
}

// Names the digests Wharf can verify map to: blobs/<algorithm>/<encoded>. Anything else under
// blobs/ is somebody else's and is never deleted.
std::optional<Digest> digestFromBlobName(const QString &algorithm, const QString &name)
{
    auto parsed = Digest::parse(QString(algorithm + u':' + name));
    if (!parsed || parsed->algorithm() != algorithm)
        return std::nullopt;
    return *parsed;
}

bool isKnownAlgorithm(const QString &name)
{
    return name == u"sha256" || name == u"sha384" || name == u"sha512";
}

Result<QJsonObject> readIndexFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, Tr::tr("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > ImageStore::kMaxIndexSize)
        return fail(Error::Code::TooLarge, Tr::tr("%1 is larger than %2 bytes").arg(path).arg(ImageStore::kMaxIndexSize));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(ImageStore::kMaxIndexSize), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(Error::Code::MalformedDocument, Tr::tr("%1 is not a valid image index; Wharf will not change it").arg(path));
    const QJsonObject root = document.object();
    if (!root.value(kManifests).isArray())
        return fail(Error::Code::MalformedDocument, Tr::tr("%1 has no “manifests” list; Wharf will not change it").arg(path));
    return root;
}

Result<void> writeIndexFile(const QString &path, QJsonObject root, const QJsonArray &manifests)
{
    root.insert(kManifests, manifests);
    return FileSync::replaceFile(path, QJsonDocument(root).toJson(QJsonDocument::Indented));
}

bool isWharfEntry(const QJsonObject &entry)
{
    return entry.value(kAnnotations).toObject().value(kWharfReference).isString();
}

// Go's ParseDockerRef: nginx → docker.io/library/nginx:latest; a tag beside a digest is dropped.
Result<QString> canonicalReference(const QString &text)
{
    auto parsed = ImageReference::parseDockerRef(text);
    if (!parsed)
        return wharf::unexpected(parsed.error());
    if (parsed->isDigestOnly())
        return fail(Error::Code::InvalidReference, Tr::tr("“%1” names no repository").arg(text.left(200)));
    return parsed->toString();
}

Platform entryPlatform(const QJsonObject &entry)
{
    if (entry.value(QStringLiteral("platform")).isObject())
        return Platform::fromJson(entry.value(QStringLiteral("platform")).toObject());
    auto parsed = Platform::parse(entry.value(kAnnotations).toObject().value(kWharfPlatform).toString());
    return parsed ? *parsed : Platform();
}

bool samePlatform(const Platform &a, const Platform &b)
{
    const Platform x = a.normalized();
    const Platform y = b.normalized();
    if (x.os != y.os || x.architecture != y.architecture || x.variant != y.variant)
        return false;
    return x.osVersion.isEmpty() || y.osVersion.isEmpty() || x.osVersion == y.osVersion;
}

// The one matching rule of findImages() and removeImage(): `canonical` from canonicalReference().
bool isSelected(const StoredImage &image, const QString &canonical, const std::optional<Platform> &platform)
{
    return image.reference == canonical && (!platform || samePlatform(image.platform, *platform));
}

wharf::unexpected<Error> notInStore(const QString &canonical, const std::optional<Platform> &platform)
{
    return fail(Error::Code::NotFound, platform ? Tr::tr("%1 for %2 is not in the store").arg(canonical, platform->toString())
                                                : Tr::tr("%1 is not in the store").arg(canonical));
}

std::optional<StoredImage> storedImageFromEntry(const QJsonObject &entry)
{
    if (!isWharfEntry(entry))
        return std::nullopt;
    auto descriptor = Descriptor::fromJson(entry, kManifests);
    if (!descriptor)
        return std::nullopt;
    StoredImage image;
    image.reference = descriptor->annotations.value(kWharfReference);
    image.platform = entryPlatform(entry);
    image.indexDigest = descriptor->annotations.value(kWharfIndex);
    image.pulledAt = QDateTime::fromString(descriptor->annotations.value(kWharfPulled), Qt::ISODate);
    image.refName = descriptor->annotations.value(kRefName);
    image.manifest = *descriptor;
    return image;
}

QJsonObject entryFromStoredImage(const StoredImage &image, const QString &reference)
{
    Descriptor descriptor = image.manifest;
    descriptor.data.reset();
    descriptor.platform = image.platform.isEmpty() ? std::nullopt : std::optional<Platform>(image.platform);
    descriptor.annotations.insert(kWharfReference, reference);
    descriptor.annotations.insert(kWharfPlatform, image.platform.toString());
    const QDateTime pulled = image.pulledAt.isValid() ? image.pulledAt : QDateTime::currentDateTimeUtc();
    descriptor.annotations.insert(kWharfPulled, pulled.toUTC().toString(Qt::ISODate));
    if (auto index = Digest::parse(image.indexDigest))
        descriptor.annotations.insert(kWharfIndex, index->toString());
    else
        descriptor.annotations.remove(kWharfIndex);
    return descriptor.toJson();
}

// The ref.name rule documented in ImageStore.h, applied to every Wharf entry at once so that the
// names always reflect what the store holds now.
void assignRefNames(QJsonArray &manifests)
{
    QHash<QString, int> platformsPerReference;
    for (const QJsonValue &value : std::as_const(manifests)) {
        const QJsonObject entry = value.toObject();
        if (isWharfEntry(entry))
            ++platformsPerReference[entry.value(kAnnotations).toObject().value(kWharfReference).toString()];
    }
    QList<QString> candidates(manifests.size());
    QHash<QString, int> uses;
    for (qsizetype i = 0; i < manifests.size(); ++i) {
        const QJsonObject entry = manifests.at(i).toObject();
        if (!isWharfEntry(entry))
            continue;
        const QString reference = entry.value(kAnnotations).toObject().value(kWharfReference).toString();
        QString name = reference;
        if (platformsPerReference.value(reference) > 1)
            name += u'+' + ImageStore::platformToken(entryPlatform(entry));
        candidates[i] = name;
        ++uses[name];
    }
    for (qsizetype i = 0; i < manifests.size(); ++i) {
        if (candidates[i].isEmpty())
            continue;
        QJsonObject entry = manifests.at(i).toObject();
        QString name = candidates[i];
        if (!ImageStore::isValidRefName(name) || uses.value(name) > 1)
            name = entry.value(QStringLiteral("digest")).toString();
        QJsonObject annotations = entry.value(kAnnotations).toObject();
        annotations.insert(kRefName, name);
        entry.insert(kAnnotations, annotations);
        manifests.replace(i, entry);
    }
}

// What index.json refers to, directly or through manifests and indexes: the mark phase of gc and
// the reference check of verify. Children are read leniently (any "config", "layers", "manifests",
// "subject" descriptors) so that a media-type conflict between a descriptor and its document
// (gcr's test layouts) never hides a blob that is in use.
struct ReferenceWalk
{
    struct Referenced {
        qint64 size = -1;
        QString from;
        bool mayBeAbsent = false; // non-distributable layers with urls
    };
    QHash<QString, Referenced> referenced; // by digest string
    QList<VerifyProblem> problems;
    std::optional<Error> failure;          // the first problem, for fail-closed callers
    int missing = 0;

    void problem(VerifyProblem::Kind kind, const QString &subject, const QString &detail, Error::Code code)
    {
        problems.append({kind, subject, detail});
        if (!failure)
            failure = Error(code, detail);
    }
};

void walkDescriptor(const ImageStore &store, const Descriptor &descriptor, const QString &from, ReferenceWalk &walk);

void walkDocument(const ImageStore &store, const Descriptor &descriptor, ReferenceWalk &walk)
{
    const QString subject = descriptor.digest.toString();
    auto bytes = store.readBlob(descriptor.digest, kMaxManifestSize);
    if (!bytes) {
        // Corrupt blobs are reported by verify's re-hash; gc must not guess at their children.
        if (!walk.failure)
            walk.failure = bytes.error().withContext(Tr::tr("cannot follow %1").arg(subject));
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        walk.problem(VerifyProblem::Kind::UnreadableManifest, subject, Tr::tr("%1 is not a JSON document").arg(subject),
                     Error::Code::MalformedDocument);
        return;
    }
    const QJsonObject object = document.object();
    const auto child = [&](const QJsonValue &value, const QString &path) {
        auto parsed = Descriptor::fromJson(value.toObject(), path);
        if (!value.isObject() || !parsed) {
            walk.problem(VerifyProblem::Kind::UnreadableManifest, subject,
                         Tr::tr("%1 has an unusable descriptor at %2").arg(subject, path), Error::Code::MalformedDocument);
            return;
        }
        walkDescriptor(store, *parsed, subject, walk);
    };
    if (object.contains(QStringLiteral("config")))
        child(object.value(QStringLiteral("config")), QStringLiteral("config"));
    if (object.contains(QStringLiteral("subject")))
        child(object.value(QStringLiteral("subject")), QStringLiteral("subject"));
    for (const QString &key : {QStringLiteral("layers"), kManifests}) {
        const QJsonArray list = object.value(key).toArray();
        for (qsizetype i = 0; i < list.size(); ++i)
            child(list.at(i), key + u'[' + QString::number(i) + u']');
    }
}

void walkDescriptor(const ImageStore &store, const Descriptor &descriptor, const QString &from, ReferenceWalk &walk)
{
    const QString key = descriptor.digest.toString();
    if (walk.referenced.contains(key))
        return;
    walk.referenced.insert(key, {descriptor.size, from,
                                 MediaTypes::isNonDistributableLayer(descriptor.mediaType) && !descriptor.urls.isEmpty()});
    if (!store.hasBlob(descriptor.digest)) {
        if (walk.referenced.value(key).mayBeAbsent)
            return;
        ++walk.missing;
        // Missing blobs are allowed by image-layout.md; gc has nothing to do about them.
        walk.problems.append({VerifyProblem::Kind::Missing, key, Tr::tr("%1 is missing (referenced by %2)").arg(key, from)});
        return;
    }
    if (MediaTypes::isManifest(descriptor.mediaType) || MediaTypes::isIndex(descriptor.mediaType))
        walkDocument(store, descriptor, walk);
}

// Entry `i` of index.json and everything it refers to, added to `walk`.
void walkEntry(const ImageStore &store, const QJsonValue &value, qsizetype i, ReferenceWalk &walk)
{
    const QString path = u"index.json manifests[" + QString::number(i) + u']';
    auto descriptor = Descriptor::fromJson(value.toObject(), path);
    if (!value.isObject() || !descriptor) {
        walk.problem(VerifyProblem::Kind::BadIndexEntry, path,
                     descriptor ? Tr::tr("%1 is not an object").arg(path) : descriptor.error().message(),
                     Error::Code::MalformedDocument);
        return;
    }
    if (!MediaTypes::isManifest(descriptor->mediaType) && !MediaTypes::isIndex(descriptor->mediaType)) {
        // gcr's TestGcUnknownMediaType: a root gc cannot follow stops gc.
        walk.problem(VerifyProblem::Kind::BadIndexEntry, path,
                     Tr::tr("%1 has the unknown media type “%2”").arg(path, descriptor->mediaType.left(200)),
                     Error::Code::UnsupportedMediaType);
        return;
    }
    walkDescriptor(store, *descriptor, path, walk);
    // The index a platform was picked from, when the pull kept it.
    if (auto index = Digest::parse(descriptor->annotations.value(kWharfIndex)); index && store.hasBlob(*index)
        && !walk.referenced.contains(index->toString()))
        walk.referenced.insert(index->toString(), {-1, path, false});
}

ReferenceWalk walkIndex(const ImageStore &store, const QJsonArray &manifests)
{
    ReferenceWalk walk;
    for (qsizetype i = 0; i < manifests.size(); ++i)
        walkEntry(store, manifests.at(i), i, walk);
    return walk;
}

// Live leases (pulls in progress) are roots too: their digests go into `walk`. Leases whose owner
// died are deleted when `removeDead` (gc), and only skipped otherwise.
Result<void> markLeases(const QString &leaseFolder, ReferenceWalk &walk, bool removeDead)
{
    for (const QFileInfo &entry : QDir(leaseFolder).entryInfoList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name)) {
        if (entry.fileName().endsWith(u".lock") || entry.fileName().endsWith(u".rmlock"))
            continue;
        QLockFile owner(entry.absoluteFilePath() + u".lock");
        owner.setStaleLockTime(0);
        if (StoreLock::tryLock(owner, std::chrono::milliseconds(0))) {
            if (removeDead)
                QFile::remove(entry.absoluteFilePath());
            continue; // unlocking removes the lock file
        }
        QFile file(entry.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::Code::Io, Tr::tr("cannot read the lease %1; nothing was deleted").arg(file.fileName()));
        while (!file.atEnd()) {
            const QString line = QString::fromLatin1(file.readLine(256)).trimmed();
            if (auto digest = Digest::parse(line))
                walk.referenced.insert(digest->toString(), {});
        }
    }
    return {};
}

// Files directly in `folder`, hidden ones included, symlinks not followed.
QFileInfoList entriesOf(const QString &folder)
{
    return QDir(folder).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                                      QDir::Name);
}

qint64 folderBytes(const QString &folder)
{
    qint64 total = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace

QString ImageStore::defaultRoot()
{
    const QString fromEnvironment = qEnvironmentVariable("WHARF_STORE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("store"));
}

Result<ImageStore> ImageStore::open(const QString &root)
{
    if (root.isEmpty())
        return fail(Error::Code::Io, Tr::tr("no store folder given"));
    const QString absolute = QDir::cleanPath(QDir(root).absolutePath());
    QDir dir(absolute);
    if (!dir.mkpath(QStringLiteral(".")))
        return fail(Error::Code::Io, Tr::tr("cannot create the store folder %1").arg(absolute));
    ImageStore store(absolute);

    const QString layoutPath = store.path(u"oci-layout");
    if (QFileInfo::exists(layoutPath)) {
        QFile file(layoutPath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::Code::Io, Tr::tr("cannot read %1: %2").arg(layoutPath, file.errorString()));
        auto version = parseLayoutHeader(file.read(kMaxLayoutHeaderSize));
        if (!version)
            return wharf::unexpected(version.error().withContext(layoutPath));
    } else {
        // Never turn a folder of other things (a mistyped --store) into a store.
        for (const QFileInfo &entry : entriesOf(absolute)) {
            if (entry.fileName() != u"index.lock" && !entry.fileName().endsWith(u".rmlock"))
                return fail(Error::Code::Io, Tr::tr("%1 is not empty and is not an OCI image layout").arg(absolute));
        }
    }

    const QString indexPath = store.path(u"index.json");
    const bool complete = QFileInfo::exists(layoutPath) && QFileInfo::exists(indexPath)
        && QFileInfo(store.path(u"blobs/sha256")).isDir() && QFileInfo(store.path(u"ingest")).isDir();
    if (!complete) {
        // Under the lock: two processes creating one store must not replace each other's index.json.
        auto lock = StoreLock::acquire(store.path(u"index.lock"));
        if (!lock)
            return wharf::unexpected(lock.error());
        // oci-layout first: a folder that has it is ours, whatever else a crash left unfinished.
        if (!QFileInfo::exists(layoutPath))
            if (auto written = FileSync::replaceFile(layoutPath, layoutHeader()); !written)
                return wharf::unexpected(written.error());
        if (!QFileInfo::exists(indexPath))
            if (auto written = FileSync::replaceFile(indexPath, emptyIndex()); !written)
                return wharf::unexpected(written.error());
        for (const auto folder : {u"blobs/sha256", u"ingest"})
            if (!dir.mkpath(QString::fromUtf16(folder)))
                return fail(Error::Code::Io, Tr::tr("cannot create %1").arg(store.path(folder)));
    }
    if (auto index = readIndexFile(indexPath); !index)
        return wharf::unexpected(index.error());
    return store;
}

QString ImageStore::path(QStringView relative) const
{
    return m_root + u'/' + relative;
}

bool ImageStore::hasBlob(const Digest &digest, qint64 size) const
{
    if (!digest.isValid())
        return false;
    const QFileInfo info(blobPath(digest));
    return info.isFile() && !info.isSymLink() && (size < 0 || info.size() == size);
}

QString ImageStore::blobPath(const Digest &digest) const
{
    if (!digest.isValid())
        return QString();
    return m_root + u"/blobs/" + digest.algorithm() + u'/' + digest.encoded();
}

Result<QByteArray> ImageStore::readBlob(const Digest &digest, qint64 maxBytes) const
{
    auto file = openBlob(digest);
    if (!file)
        return wharf::unexpected(file.error());
    if ((*file)->size() > maxBytes)
        return fail(Error::Code::TooLarge, Tr::tr("%1 is larger than %2 bytes").arg(digest.toString()).arg(maxBytes));
    const QByteArray bytes = (*file)->read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return fail(Error::Code::TooLarge, Tr::tr("%1 is larger than %2 bytes").arg(digest.toString()).arg(maxBytes));
    if (auto verified = verifyBytes(bytes, digest); !verified)
        return wharf::unexpected(verified.error().withContext(Tr::tr("the stored blob is corrupt (run “wharf verify”)")));
    return bytes;
}

Result<std::unique_ptr<QFile>> ImageStore::openBlob(const Digest &digest) const
{
    if (!digest.isValid())
        return fail(Error::Code::InvalidDigest, Tr::tr("no valid digest given"));
    if (!hasBlob(digest))
        return fail(Error::Code::NotFound, Tr::tr("%1 is not in the store").arg(digest.toString()));
    auto file = std::make_unique<QFile>(blobPath(digest));
    if (!file->open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, Tr::tr("cannot read %1: %2").arg(file->fileName(), file->errorString()));
    return file;
}

Result<ImageManifest> ImageStore::readImageManifest(const Descriptor &manifest) const
{
    auto bytes = readBlob(manifest.digest, kMaxManifestSize);
    if (!bytes)
        return wharf::unexpected(bytes.error());
    auto document = parseManifest(*bytes, manifest);
    if (!document)
        return wharf::unexpected(document.error());
    if (!std::holds_alternative<ImageManifest>(*document))
        return fail(Error::Code::MediaTypeMismatch, Tr::tr("%1 is an index, not an image manifest").arg(manifest.digest.toString()));
    return std::get<ImageManifest>(std::move(*document));
}

Result<BlobIngest> ImageStore::beginIngest(const Descriptor &descriptor) const
{
    return BlobIngest::begin(m_root, descriptor);
}

qint64 ImageStore::partialBytes(const Descriptor &descriptor) const
{
    return BlobIngest::partialSize(m_root, descriptor);
}

Result<StoreLease> ImageStore::beginLease() const
{
    return StoreLease::begin(m_root);
}

Result<QList<StoredImage>> ImageStore::images() const
{
    // No lock: index.json is only ever replaced by rename, so a read sees one whole version.
    auto index = readIndexFile(path(u"index.json"));
    if (!index)
        return wharf::unexpected(index.error());
    QList<StoredImage> result;
    for (const QJsonValue &value : index->value(kManifests).toArray())
        if (auto image = storedImageFromEntry(value.toObject()))
            result.append(*image);
    return result;
}

Result<void> ImageStore::addImage(const StoredImage &image) const
{
    auto reference = canonicalReference(image.reference);
    if (!reference)
        return wharf::unexpected(reference.error());
    if (!MediaTypes::isManifest(image.manifest.mediaType))
        return fail(Error::Code::UnsupportedMediaType,
                    Tr::tr("an image entry must name an image manifest, not “%1”").arg(image.manifest.mediaType.left(200)));
    if (!hasBlob(image.manifest.digest, image.manifest.size))
        return fail(Error::Code::NotFound, Tr::tr("the manifest %1 is not in the store").arg(image.manifest.digest.toString()));
    auto manifest = readImageManifest(image.manifest);
    if (!manifest)
        return wharf::unexpected(manifest.error());
    if (!hasBlob(manifest->config.digest, manifest->config.size))
        return fail(Error::Code::NotFound, Tr::tr("the config %1 is not in the store").arg(manifest->config.digest.toString()));
    for (const Descriptor &layer : std::as_const(manifest->layers)) {
        const bool foreign = MediaTypes::isNonDistributableLayer(layer.mediaType) && !layer.urls.isEmpty();
        if (!foreign && !hasBlob(layer.digest, layer.size))
            return fail(Error::Code::NotFound, Tr::tr("the layer %1 is not in the store").arg(layer.digest.toString()));
    }

    auto lock = StoreLock::acquire(path(u"index.lock"));
    if (!lock)
        return wharf::unexpected(lock.error());
    auto index = readIndexFile(path(u"index.json"));
    if (!index)
        return wharf::unexpected(index.error());
    QJsonArray manifests = index->value(kManifests).toArray();
    const QJsonObject entry = entryFromStoredImage(image, *reference);
    bool replaced = false;
    for (qsizetype i = 0; i < manifests.size(); ++i) {
        const auto existing = storedImageFromEntry(manifests.at(i).toObject());
        if (!existing || existing->reference != *reference || !samePlatform(existing->platform, image.platform))
            continue;
        if (!replaced) {
            manifests.replace(i, entry);
            replaced = true;
        } else {
            manifests.removeAt(i--);
        }
    }
    if (!replaced)
        manifests.append(entry);
    assignRefNames(manifests);
    return writeIndexFile(path(u"index.json"), *index, manifests);
}

Result<QList<StoredImage>> ImageStore::findImages(const QString &reference, std::optional<Platform> platform) const
{
    auto canonical = canonicalReference(reference);
    if (!canonical)
        return wharf::unexpected(canonical.error());
    auto all = images();
    if (!all)
        return wharf::unexpected(all.error());
    QList<StoredImage> found;
    for (const StoredImage &image : std::as_const(*all))
        if (isSelected(image, *canonical, platform))
            found.append(image);
    if (found.isEmpty())
        return notInStore(*canonical, platform);
    return found;
}

Result<QList<StoredImage>> ImageStore::removeImage(const QString &reference, std::optional<Platform> platform) const
{
    auto canonical = canonicalReference(reference);
    if (!canonical)
        return wharf::unexpected(canonical.error());
    auto lock = StoreLock::acquire(path(u"index.lock"));
    if (!lock)
        return wharf::unexpected(lock.error());
    auto index = readIndexFile(path(u"index.json"));
    if (!index)
        return wharf::unexpected(index.error());
    QJsonArray manifests = index->value(kManifests).toArray();
    QList<StoredImage> removed;
    for (qsizetype i = 0; i < manifests.size(); ++i) {
        const auto existing = storedImageFromEntry(manifests.at(i).toObject());
        if (!existing || !isSelected(*existing, *canonical, platform))
            continue;
        removed.append(*existing);
        manifests.removeAt(i--);
    }
    if (removed.isEmpty())
        return notInStore(*canonical, platform);
    assignRefNames(manifests);
    if (auto written = writeIndexFile(path(u"index.json"), *index, manifests); !written)
        return wharf::unexpected(written.error());
    return removed;
}

Result<RemovalReport> ImageStore::removeImageWithBlobs(const QString &reference, std::optional<Platform> platform) const
{
    auto canonical = canonicalReference(reference);
    if (!canonical)
        return wharf::unexpected(canonical.error());
    // One lock for the removal and the sweep: no pull adds an image or grows a lease in between.
    auto lock = StoreLock::acquire(path(u"index.lock"));
    if (!lock)
        return wharf::unexpected(lock.error());
    auto index = readIndexFile(path(u"index.json"));
    if (!index)
        return wharf::unexpected(index.error());
    QJsonArray manifests = index->value(kManifests).toArray();
    RemovalReport report;
    // What the removed entries keep, walked while they are still entries (ignoring what cannot be
    // followed: fewer candidates, never more).
    ReferenceWalk candidates;
    for (qsizetype i = 0; i < manifests.size(); ++i) {
        const auto existing = storedImageFromEntry(manifests.at(i).toObject());
        if (!existing || !isSelected(*existing, *canonical, platform))
            continue;
        walkEntry(*this, manifests.at(i), i, candidates);
        report.removed.append(*existing);
        manifests.removeAt(i--);
    }
    if (report.removed.isEmpty())
        return notInStore(*canonical, platform);
    ReferenceWalk kept = walkIndex(*this, manifests);
    assignRefNames(manifests);
    if (auto written = writeIndexFile(path(u"index.json"), *index, manifests); !written)
        return wharf::unexpected(written.error());

    if (kept.failure) {
        report.blobsKept = *kept.failure;
        return report;
    }
    if (auto leases = markLeases(path(u"leases"), kept, false); !leases) {
        report.blobsKept = leases.error();
        return report;
    }
    QSet<QString> folders;
    for (auto it = candidates.referenced.cbegin(); it != candidates.referenced.cend(); ++it) {
        const auto digest = Digest::parse(it.key());
        if (!digest || kept.referenced.contains(it.key()) || !hasBlob(*digest))
            continue;
        const QString file = blobPath(*digest);
        const qint64 size = QFileInfo(file).size();
        if (!QFile::remove(file)) {
            report.blobsKept = Error(Error::Code::Io, Tr::tr("cannot delete %1").arg(file));
            continue;
        }
        ++report.blobsRemoved;
        report.bytesRemoved += size;
        report.removedDigests.append(digest->toString());
        folders.insert(QFileInfo(file).absolutePath());
    }
    for (const QString &folder : std::as_const(folders))
        if (auto synced = FileSync::syncDirectory(folder); !synced)
            return wharf::unexpected(synced.error());
    return report;
}

Result<StoreUsage> ImageStore::usage() const
{
    auto index = readIndexFile(path(u"index.json"));
    if (!index)
        return wharf::unexpected(index.error());
    const QJsonArray manifests = index->value(kManifests).toArray();
    StoreUsage usage;
    for (qsizetype i = 0; i < manifests.size(); ++i) {
        ReferenceWalk walk;
        walkEntry(*this, manifests.at(i), i, walk);
        QHash<QString, qint64> blobs;
        for (auto it = walk.referenced.cbegin(); it != walk.referenced.cend(); ++it) {
            const auto digest = Digest::parse(it.key());
            if (digest && hasBlob(*digest))
                blobs.insert(it.key(), QFileInfo(blobPath(*digest)).size());
        }
        const auto image = storedImageFromEntry(manifests.at(i).toObject());
        if (!image) {
            for (auto it = blobs.cbegin(); it != blobs.cend(); ++it)
                usage.otherBlobs.insert(it.key());
            continue;
        }
        ImageUsage entry{*image, std::nullopt, std::move(blobs)};
        // An unreadable manifest is `wharf verify`'s to explain; the entry stays, without sizes.
        if (auto manifest = readImageManifest(image->manifest))
            entry.layers = manifest->layers;
        usage.images.append(std::move(entry));
    }
    usage.measure();
    return usage;
}

Result<GcReport> ImageStore::collectGarbage(GcMode mode) const
{
    const bool dryRun = mode == GcMode::DryRun;
    GcReport report;
    // Held throughout: no image is added and no lease grows while the mark is turned into a sweep.
    auto lock = StoreLock::acquire(path(u"index.lock"));
    if (!lock)
        return wharf::unexpected(lock.error());
    auto index = readIndexFile(path(u"index.json"));
    if (!index)
        return wharf::unexpected(index.error());
    ReferenceWalk walk = walkIndex(*this, index->value(kManifests).toArray());
    if (walk.failure)
        return wharf::unexpected(walk.failure->withContext(Tr::tr("garbage collection stopped, nothing was deleted")));
    report.missingBlobs = walk.missing;

    // Leases of live pulls are roots too; those of dead processes go.
    if (auto leases = markLeases(path(u"leases"), walk, !dryRun); !leases)
        return wharf::unexpected(leases.error());

    // Sweep: only regular files whose names are valid digests; everything else is not ours to judge.
    for (const QFileInfo &algorithmDir : entriesOf(path(u"blobs"))) {
        if (!algorithmDir.isDir() || algorithmDir.isSymLink() || !isKnownAlgorithm(algorithmDir.fileName()))
            continue;
        bool removedAny = false;
        for (const QFileInfo &blob : entriesOf(algorithmDir.absoluteFilePath())) {
            if (!blob.isFile() || blob.isSymLink())
                continue;
            const auto digest = digestFromBlobName(algorithmDir.fileName(), blob.fileName());
            if (!digest)
                continue;
            if (walk.referenced.contains(digest->toString())) {
                ++report.blobsKept;
                report.bytesKept += blob.size();
                continue;
            }
            const qint64 size = blob.size();
            if (!dryRun && !QFile::remove(blob.absoluteFilePath()))
                return fail(Error::Code::Io, Tr::tr("cannot delete %1").arg(blob.absoluteFilePath()));
            removedAny = !dryRun;
            ++report.blobsRemoved;
            report.bytesRemoved += size;
            report.removedDigests.append(digest->toString());
        }
        if (removedAny)
            if (auto synced = FileSync::syncDirectory(algorithmDir.absoluteFilePath()); !synced)
                return wharf::unexpected(synced.error());
    }

    // Ingests: never one somebody holds; otherwise expired, orphaned, or already committed.
    const QString ingestFolder = path(u"ingest");
    const QDateTime expiry = QDateTime::currentDateTimeUtc().addSecs(-kIngestExpirySeconds);
    for (const QFileInfo &entry : entriesOf(ingestFolder)) {
        const QString name = entry.fileName();
        if (name.endsWith(u".lock") || name.endsWith(u".rmlock")) {
            // A lock whose ingest folder is gone: take it (a dead owner's) and let unlock() remove it.
            if (!dryRun && !QFileInfo::exists(entry.absoluteFilePath().chopped(5)) && name.endsWith(u".lock")) {
                QLockFile orphan(entry.absoluteFilePath());
                orphan.setStaleLockTime(0);
                if (StoreLock::tryLock(orphan, std::chrono::milliseconds(0)))
                    orphan.unlock();
            }
            continue;
        }
        if (!entry.isDir() || entry.isSymLink())
            continue;
        QLockFile owner(entry.absoluteFilePath() + u".lock");
        owner.setStaleLockTime(0);
        if (!StoreLock::tryLock(owner, std::chrono::milliseconds(0))) {
            ++report.ingestsInUse;
            continue;
        }
        const QDir folder(entry.absoluteFilePath());
        QFile meta(folder.filePath(QStringLiteral("meta")));
        bool stale = true;
        if (meta.open(QIODevice::ReadOnly) && meta.size() <= 64 * 1024) {
            const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
            auto digest = Digest::parse(o.value(QStringLiteral("digest")).toString());
            const QFileInfo data(folder.filePath(QStringLiteral("data")));
            const QDateTime touched = data.exists() ? data.lastModified().toUTC() : QFileInfo(meta).lastModified().toUTC();
            stale = !digest || BlobIngest::ingestName(*digest) != name || hasBlob(*digest) || touched < expiry;
        }
        meta.close();
        if (stale) {
            const qint64 bytes = folderBytes(folder.absolutePath());
            if (dryRun || QDir(folder).removeRecursively()) {
                ++report.ingestsRemoved;
                report.ingestBytesRemoved += bytes;
            }
        }
        owner.unlock();
    }
    return report;
}

Result<VerifyReport> ImageStore::verify() const
{
    VerifyReport report;
    ReferenceWalk walk;
    auto index = readIndexFile(path(u"index.json"));
    if (index) {
        const QJsonArray manifests = index->value(kManifests).toArray();
        report.indexEntries = int(manifests.size());
        walk = walkIndex(*this, manifests);
    } else {
        walk.problems.append({VerifyProblem::Kind::BadIndexEntry, QStringLiteral("index.json"), index.error().message()});
    }

    QList<VerifyProblem> blobProblems;
    QSet<QString> corrupt;
    const QString blobsFolder = path(u"blobs");
    for (const QFileInfo &algorithmDir : entriesOf(blobsFolder)) {
        const QString relative = u"blobs/" + algorithmDir.fileName();
        if (!algorithmDir.isDir() || algorithmDir.isSymLink() || !isKnownAlgorithm(algorithmDir.fileName())) {
            blobProblems.append({VerifyProblem::Kind::Foreign, relative, Tr::tr("%1 does not belong in an image layout Wharf can verify").arg(relative)});
            continue;
        }
        for (const QFileInfo &blob : entriesOf(algorithmDir.absoluteFilePath())) {
            const QString blobRelative = relative + u'/' + blob.fileName();
            if (!blob.isFile() || blob.isSymLink()) {
                blobProblems.append({VerifyProblem::Kind::Foreign, blobRelative, Tr::tr("%1 is not a regular file").arg(blobRelative)});
                continue;
            }
            const auto digest = digestFromBlobName(algorithmDir.fileName(), blob.fileName());
            if (!digest) {
                blobProblems.append({VerifyProblem::Kind::Misnamed, blobRelative, Tr::tr("%1 is not named by a valid digest").arg(blobRelative)});
                continue;
            }
            QFile file(blob.absoluteFilePath());
            if (!file.open(QIODevice::ReadOnly)) {
                blobProblems.append({VerifyProblem::Kind::Corrupt, digest->toString(),
                                     Tr::tr("%1 cannot be read: %2").arg(digest->toString(), file.errorString())});
                corrupt.insert(digest->toString());
                continue;
            }
            DigestVerifier verifier(*digest);
            while (!file.atEnd()) {
                const QByteArray chunk = file.read(kHashChunk);
                if (chunk.isEmpty())
                    break;
                verifier.addData(chunk);
            }
            ++report.blobsChecked;
            report.bytesChecked += verifier.bytesSeen();
            if (verifier.computed() != *digest) {
                const auto referenced = walk.referenced.constFind(digest->toString());
                const qint64 expected = referenced != walk.referenced.cend() ? referenced->size : -1;
                const QString detail = expected >= 0 && expected != verifier.bytesSeen()
                    ? Tr::tr("%1 is corrupt: %2 bytes where %3 are expected, and the content does not match its digest")
                          .arg(digest->toString()).arg(verifier.bytesSeen()).arg(expected)
                    : Tr::tr("%1 is corrupt: the content does not match its digest").arg(digest->toString());
                blobProblems.append({VerifyProblem::Kind::Corrupt, digest->toString(), detail});
                corrupt.insert(digest->toString());
            }
        }
    }

    // Sizes are only worth a line when the content itself is right (else "corrupt" says it all).
    for (auto it = walk.referenced.cbegin(); it != walk.referenced.cend(); ++it) {
        auto digest = Digest::parse(it.key());
        if (!digest || it->size < 0 || corrupt.contains(it.key()) || !hasBlob(*digest) || hasBlob(*digest, it->size))
            continue;
        walk.problems.append({VerifyProblem::Kind::SizeMismatch, it.key(),
                              Tr::tr("%1 is %2 bytes but %3 says %4").arg(it.key()).arg(QFileInfo(blobPath(*digest)).size())
                                  .arg(it->from).arg(it->size)});
    }
    report.problems = walk.problems + blobProblems;
    return report;
}

bool ImageStore::isValidRefName(QStringView name)
{
    // image-spec annotations.md (org.opencontainers.image.ref.name), as c/image and umoci check it.
    static const QRegularExpression grammar(QRegularExpression::anchoredPattern(QStringLiteral(
        "[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*")));
    return grammar.match(name.toString()).hasMatch();
}

QString ImageStore::platformToken(const Platform &platform)
{
    const Platform p = platform.normalized();
    QStringList parts;
    for (const QString &part : {p.os, p.architecture, p.variant})
        if (!part.isEmpty())
            parts.append(part);
    return parts.isEmpty() ? QStringLiteral("unknown") : parts.join(u'-');
}

} // namespace wharf
