#include "recent_users.h"

#include "core/ids.h"
#include "store/user_repository.h"

#include <optional>

namespace keyward {

RecentUsers::RecentUsers(Database &db, ChangeFeed &feed)
    : m_feed(feed)
    , m_users(std::make_unique<UserRepository>(db))
{
}

RecentUsers::~RecentUsers() = default;

Result<User> RecentUsers::find(const QString &id)
{
    if (!isValidId(id))
        return ApiError::notFound(QStringLiteral("No user with this id."));
    std::optional<Entry> known;
    {
        QMutexLocker lock(&m_lock);
        if (const auto it = m_entries.constFind(id); it != m_entries.constEnd())
            known = *it;
    }
    if (known && m_feed.isCurrent(known->read, ChangeFeed::Topic::User, id))
        return known->user;
    // Stamped before the read: a change committed meanwhile makes what is read stale at once.
    const ChangeFeed::Stamp read = m_feed.stamp();
    auto found = m_users->find(id, true);
    if (!found)
        return found.error();
    QMutexLocker lock(&m_lock);
    if (m_entries.size() >= Capacity)
        m_entries.clear();
    m_entries.insert(id, {found->user, read});
    return found->user;
}

} // namespace keyward
