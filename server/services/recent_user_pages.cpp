#include "recent_user_pages.h"

#include "user_json.h"

#include <QDataStream>
#include <QIODevice>

#include <limits>

namespace keyward {

RecentUserPages::RecentUserPages(ChangeFeed &feed)
    : m_feed(feed)
{
}

QByteArray RecentUserPages::keyOf(const UserFilter &f)
{
    // Every field that can change the page, each string with its length: no two filters share a key.
    QByteArray key;
    QDataStream out(&key, QIODevice::WriteOnly);
    out << f.q << (f.status ? int(*f.status) : -1) << f.role << f.includeDeleted << f.inactiveSince << f.sort << f.limit
        << f.cursor << f.offset << f.countTotal << f.countUpTo;
    return key;
}

std::optional<QByteArray> RecentUserPages::find(const UserFilter &filter, qint64 nowMs)
{
    const QByteArray key = keyOf(filter);
    QMutexLocker lock(&m_lock);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd() || nowMs >= it->renderedUntilMs ||
        !m_feed.isTopicCurrent(it->read, ChangeFeed::Topic::User))
        return std::nullopt;
    return it->json;
}

void RecentUserPages::remember(const UserFilter &filter, const ChangeFeed::Stamp &read, const UserPage &page,
                               const QByteArray &json, qint64 nowMs)
{
    const QByteArray key = keyOf(filter);
    const qsizetype size = key.size() + json.size();
    if (size > LargestKeptPage)
        return;
    qint64 renderedUntil = std::numeric_limits<qint64>::max();
    for (const User &u : page.items)
        renderedUntil = qMin(renderedUntil, userJsonValidUntil(u, nowMs));
    QMutexLocker lock(&m_lock);
    if (const auto old = m_entries.constFind(key); old != m_entries.constEnd()) {
        m_bytes -= key.size() + old->json.size();
        m_entries.erase(old);
    }
    if (m_entries.size() >= Capacity || m_bytes + size > CapacityBytes) {
        m_entries.clear();
        m_bytes = 0;
    }
    m_entries.insert(key, {json, read, renderedUntil});
    m_bytes += size;
}

} // namespace keyward
