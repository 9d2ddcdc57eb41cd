#include "registry/DocumentCache.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

namespace wharf {

Q_LOGGING_CATEGORY(lcCache, "wharf.cache", QtInfoMsg)

namespace {

// On disk: the media type, a newline, then the document's bytes exactly as served.
constexpr qint64 kMaxMediaTypeChars = 255;

bool isWellFormedMediaType(const QString &mediaType)
{
    return mediaType.size() <= kMaxMediaTypeChars && !mediaType.contains(u'\n') && !mediaType.contains(u'\r');
}

} // namespace

DocumentCache::DocumentCache(QString folder, qint64 memoryBytes)
    : m_folder(std::move(folder))
{
    m_memory.setMaxCost(qsizetype(std::max<qint64>(0, memoryBytes)));
}

QString DocumentCache::cacheRoot()
{
    if (qEnvironmentVariableIsSet("WHARF_CACHE")) {
        const QString chosen = qEnvironmentVariable("WHARF_CACHE");
        return chosen == QLatin1StringView("off") ? QString() : chosen;
    }
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/wharf");
}

QString DocumentCache::defaultFolder()
{
    const QString root = cacheRoot();
    return root.isEmpty() ? QString() : root + QStringLiteral("/documents");
}

QString DocumentCache::pathOf(const Digest &digest) const
{
    // Digest::parse has checked the algorithm and the hex: safe as path components.
    return m_folder + u'/' + digest.algorithm() + u'/' + digest.encoded();
}

namespace {

// repositories/<sha256 of "registry/repository">: a marker that documents of it were kept.
QString repositoryMarker(const QString &folder, const QString &registry, const QString &repository)
{
    return folder + QStringLiteral("/repositories/") + Digest::sha256Of(QString(registry + u'/' + repository).toUtf8()).encoded();
}

} // namespace

bool DocumentCache::knowsRepository(const QString &registry, const QString &repository)
{
    const QString key = registry + u'/' + repository;
    {
        QMutexLocker lock(&m_mutex);
        if (m_repositories.contains(key))
            return true;
    }
    if (m_folder.isEmpty() || !QFile::exists(repositoryMarker(m_folder, registry, repository)))
        return false;
    QMutexLocker lock(&m_mutex);
    m_repositories.insert(key);
    return true;
}

void DocumentCache::noteRepository(const QString &registry, const QString &repository)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_repositories.contains(registry + u'/' + repository))
            return;
        m_repositories.insert(registry + u'/' + repository);
    }
    if (m_folder.isEmpty())
        return;
    const QString marker = repositoryMarker(m_folder, registry, repository);
    if (QDir().mkpath(marker.section(u'/', 0, -2))) {
        QFile file(marker);
        if (file.open(QIODevice::WriteOnly))
            file.close();
    }
}

std::optional<DocumentCache::Document> DocumentCache::find(const Digest &digest)
{
    if (!digest.isValid())
        return std::nullopt;
    const QString key = digest.toString();
    {
        QMutexLocker lock(&m_mutex);
        if (const Document *known = m_memory.object(key)) {
            ++m_hits;
            qCDebug(lcCache, "hit (memory) %s", qUtf8Printable(key));
            return *known;
        }
    }
    if (!m_folder.isEmpty()) {
        if (auto document = readFile(digest)) {
            QMutexLocker lock(&m_mutex);
            m_memory.insert(key, new Document(*document), qsizetype(document->bytes.size()));
            ++m_hits;
            qCDebug(lcCache, "hit (disk) %s", qUtf8Printable(key));
            return document;
        }
    }
    ++m_misses;
    qCDebug(lcCache, "miss %s", qUtf8Printable(key));
    return std::nullopt;
}

void DocumentCache::insert(const Digest &digest, const QByteArray &bytes, const QString &mediaType)
{
    if (!digest.isValid() || bytes.size() > kMaxDocumentBytes || !isWellFormedMediaType(mediaType))
        return;
    if (!verifyBytes(bytes, digest))
        return;
    const Document document{bytes, mediaType};
    {
        QMutexLocker lock(&m_mutex);
        if (m_memory.contains(digest.toString()))
            return;
        m_memory.insert(digest.toString(), new Document(document), qsizetype(bytes.size()));
    }
    if (!m_folder.isEmpty())
        writeFile(digest, document);
}

std::optional<DocumentCache::Document> DocumentCache::readFile(const Digest &digest) const
{
    QFile file(pathOf(digest));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    if (file.size() > kMaxDocumentBytes + kMaxMediaTypeChars + 1)
        return std::nullopt;
    const QByteArray all = file.readAll();
    file.close();
    const qsizetype newline = all.indexOf('\n');
    Document document;
    if (newline >= 0 && newline <= kMaxMediaTypeChars) {
        document.mediaType = QString::fromUtf8(all.left(newline));
        document.bytes = all.mid(newline + 1);
        if (verifyBytes(document.bytes, digest))
            return document;
    }
    // Damaged or tampered with: it cannot be trusted, and it is only a cache.
    qCDebug(lcCache, "dropping %s: its bytes do not match its name", qUtf8Printable(digest.toString()));
    QFile::remove(file.fileName());
    return std::nullopt;
}

void DocumentCache::writeFile(const Digest &digest, const Document &document) const
{
    const QString path = pathOf(digest);
    if (QFile::exists(path))
        return;
    if (!QDir().mkpath(path.section(u'/', 0, -2)))
        return; // a cache that cannot be written is no cache: carry on without it
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(document.mediaType.toUtf8() + '\n');
    file.write(document.bytes);
    file.commit();
}

} // namespace wharf
