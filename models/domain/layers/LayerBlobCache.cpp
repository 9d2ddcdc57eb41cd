#include "layers/LayerBlobCache.h"

#include "registry/DocumentCache.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <algorithm>

namespace wharf {

LayerBlobCache::LayerBlobCache(QString folder, qint64 maxBytes)
    : m_folder(std::move(folder)), m_maxBytes(maxBytes)
{
}

QString LayerBlobCache::defaultFolder()
{
    const QString root = DocumentCache::cacheRoot();
    return root.isEmpty() ? QString() : root + QStringLiteral("/layers");
}

QString LayerBlobCache::pathOf(const Digest &digest) const
{
    // Digest::parse has checked the algorithm and the hex: safe as path components.
    return m_folder + u'/' + digest.algorithm() + u'/' + digest.encoded();
}

QString LayerBlobCache::newIncomingPath() const
{
    if (m_folder.isEmpty())
        return {};
    const QString incoming = m_folder + QStringLiteral("/incoming");
    if (!QDir().mkpath(incoming))
        return {};
    return incoming + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool LayerBlobCache::adopt(const QString &incoming, const Descriptor &layer) const
{
    if (incoming.isEmpty())
        return false;
    const QString target = pathOf(layer.digest);
    if (!layer.digest.isValid() || layer.size <= 0 || layer.size > m_maxBytes || QFileInfo(incoming).size() != layer.size
        || !QDir().mkpath(QFileInfo(target).path())) {
        discard(incoming);
        return false;
    }
    QFile::remove(target); // a copy already there is the same bytes
    if (!QFile::rename(incoming, target)) {
        discard(incoming);
        return false;
    }
    return true;
}

void LayerBlobCache::discard(const QString &incoming) const
{
    if (!incoming.isEmpty())
        QFile::remove(incoming);
}

std::optional<QString> LayerBlobCache::find(const Descriptor &layer) const
{
    if (m_folder.isEmpty() || !layer.digest.isValid())
        return std::nullopt;
    const QString path = pathOf(layer.digest);
    const QFileInfo info(path);
    if (!info.isFile() || info.size() != layer.size)
        return std::nullopt;
    return path;
}

void LayerBlobCache::trim() const
{
    struct Entry
    {
        QString path;
        qint64 size;
        QDateTime modified;
    };
    QList<Entry> entries;
    qint64 total = 0;
    QDirIterator it(m_folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (info.path().endsWith(QLatin1StringView("/incoming")))
            continue;
        entries.append({info.filePath(), info.size(), info.lastModified()});
        total += info.size();
    }
    if (total <= m_maxBytes)
        return;
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.modified < b.modified; });
    for (const Entry &entry : std::as_const(entries)) {
        if (total <= m_maxBytes)
            break;
        if (QFile::remove(entry.path))
            total -= entry.size;
    }
}

} // namespace wharf
