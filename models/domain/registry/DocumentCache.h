#pragma once
// Manifests, indexes and image configs Wharf has already verified, kept by digest: in memory for
// this run and, when given a folder, on disk (the XDG cache directory) for the next one. Content
// addressed, so an entry never goes stale; only a tag can move, and a tag is always asked again
// (a HEAD, which Docker Hub does not count against the pull limit) before a cached document is used.
//
// Every read from disk is hashed again before it is believed, and an entry that does not match its
// name is deleted; a document larger than kMaxDocumentBytes is never kept. Safe to share between
// threads (the pull thread reads what the window resolved).

#include "core/Digest.h"

#include <QByteArray>
#include <QCache>
#include <QMutex>
#include <QSet>
#include <QString>

#include <atomic>
#include <optional>

namespace wharf {

class DocumentCache final
{
    Q_DISABLE_COPY_MOVE(DocumentCache)
public:
    struct Document
    {
        QByteArray bytes;
        QString mediaType; // as the registry served it (empty when unknown, e.g. a config)
    };
    struct Counts
    {
        int hits = 0;   // served from memory or disk
        int misses = 0; // not there: the caller went to the registry
    };

    static constexpr qint64 kMaxDocumentBytes = 4 * 1024 * 1024;
    static constexpr qint64 kDefaultMemoryBytes = 32 * 1024 * 1024;

    // `folder` empty: memory only. The folder is created on first write.
    explicit DocumentCache(QString folder = {}, qint64 memoryBytes = kDefaultMemoryBytes);

    // Where Wharf's caches live: $WHARF_CACHE if set ("off" or "" there: none on disk), else
    // $XDG_CACHE_HOME/wharf (~/.cache/wharf).
    [[nodiscard]] static QString cacheRoot();
    // <cache root>/documents; empty when there is no cache on disk.
    [[nodiscard]] static QString defaultFolder();

    [[nodiscard]] std::optional<Document> find(const Digest &digest);
    // Keeps `bytes` under `digest` if they hash to it (a caller's mistake is not remembered).
    void insert(const Digest &digest, const QByteArray &bytes, const QString &mediaType);

    // Whether a document of this repository was ever kept (in this run, or on disk before): only
    // then can a tag's HEAD find its digest here, so only then is a tag asked with a HEAD first —
    // the first look at a repository costs the one round trip it always did.
    [[nodiscard]] bool knowsRepository(const QString &registry, const QString &repository);
    void noteRepository(const QString &registry, const QString &repository);

    [[nodiscard]] const QString &folder() const { return m_folder; }
    [[nodiscard]] Counts counts() const { return {m_hits.load(), m_misses.load()}; }

private:
    [[nodiscard]] QString pathOf(const Digest &digest) const;
    [[nodiscard]] std::optional<Document> readFile(const Digest &digest) const;
    void writeFile(const Digest &digest, const Document &document) const;

    const QString m_folder;
    QMutex m_mutex;
    QCache<QString, Document> m_memory; // cost: bytes
    QSet<QString> m_repositories; // known to have documents here
    std::atomic<int> m_hits = 0;
    std::atomic<int> m_misses = 0;
};

} // namespace wharf
