#include "registry/TokenCache.h"

namespace wharf {

namespace {
constexpr int kSafetyMarginSeconds = 10;
}

QString TokenCache::key(const QString &registry, QStringList scopes)
{
    scopes.sort();
    scopes.removeDuplicates();
    return registry + u' ' + scopes.join(u' ');
}

QString TokenCache::find(const QString &key, const QDateTime &now) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return {};
    if (it->expires.isValid() && now.addSecs(kSafetyMarginSeconds) >= it->expires)
        return {};
    return it->token;
}

void TokenCache::insert(const QString &key, const QString &token, const QDateTime &expires)
{
    m_entries.insert(key, Entry{token, expires});
}

void TokenCache::remove(const QString &key)
{
    m_entries.remove(key);
}

void TokenCache::removeRegistry(const QString &registry)
{
    const QString prefix = registry + u' ';
    m_entries.removeIf([&prefix](const auto &entry) { return entry.key().startsWith(prefix); });
}

} // namespace wharf
