#include "recent_users.h"

#include "core/ids.h"
#include "store/user_repository.h"

namespace keyward {

RecentUsers::RecentUsers(Database &db, ChangeFeed &feed)
    : m_feed(feed)
    , m_users(std::make_unique<UserRepository>(db))
{
}

RecentUsers::~RecentUsers() = default;

std::optional<User> RecentUsers::known(const QString &id)
{
    std::optional<Entry> entry;
    {
        QMutexLocker lock(&m_lock);
        if (const auto it = m_entries.constFind(id); it != m_entries.constEnd())
            entry = *it;
    }
    if (entry && m_feed.isCurrent(entry->read, ChangeFeed::Topic::User, id))
        return entry->user;
    return std::nullopt;
}

void RecentUsers::remember(const User &user, const ChangeFeed::Stamp &read)
{
    QMutexLocker lock(&m_lock);
    if (m_entries.size() >= Capacity)
        m_entries.clear();
    m_entries.insert(user.id, {user, read});
}

Result<User> RecentUsers::find(const QString &id)
{
    if (!isValidId(id))
        return ApiError::notFound(QStringLiteral("No user with this id."));
    if (auto user = known(id))
        return *user;
    // Stamped before the read: a change committed meanwhile makes what is read stale at once.
    const ChangeFeed::Stamp read = m_feed.stamp();
    auto found = m_users->find(id, true);
    if (!found)
        return found.error();
    remember(found->user, read);
    return found->user;
}

Result<QList<User>> RecentUsers::findAll(const QStringList &ids)
{
    QHash<QString, User> users;
    QStringList missing;
    for (const QString &id : ids) {
        if (auto user = known(id))
            users.insert(id, std::move(*user));
        else
            missing.append(id);
    }
    if (!missing.isEmpty()) {
        const ChangeFeed::Stamp read = m_feed.stamp();
        auto found = m_users->findMany(missing);
        if (!found)
            return found.error();
        const bool keep = missing.size() <= RememberedMisses;
        for (const User &user : std::as_const(*found)) {
            if (keep)
                remember(user, read);
            users.insert(user.id, user);
        }
    }
    QList<User> inOrder;
    inOrder.reserve(ids.size());
    for (const QString &id : ids)
        if (const auto it = users.constFind(id); it != users.constEnd())
            inOrder.append(*it);
    return inOrder;
}

} // namespace keyward
