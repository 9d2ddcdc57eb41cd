#pragma once
// Bearer tokens per registry and scope set, until shortly before they expire (containerd keys
// them the same way). A token is never written anywhere but this in-memory cache.

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace wharf {

class TokenCache
{
public:
    struct Entry {
        QString token;
        QDateTime expires;
    };

    [[nodiscard]] static QString key(const QString &registry, QStringList scopes);
    // An unexpired token (with a safety margin), or an empty string.
    [[nodiscard]] QString find(const QString &key, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    void insert(const QString &key, const QString &token, const QDateTime &expires);
    void remove(const QString &key);
    // Every token of one registry, whatever its scopes (after a login or a logout there).
    void removeRegistry(const QString &registry);
    void clear() { m_entries.clear(); }

private:
    QHash<QString, Entry> m_entries;
};

} // namespace wharf
