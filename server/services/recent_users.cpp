#include "recent_users.h"

#include "core/ids.h"
#include "store/user_repository.h"
#include "user_json.h"

namespace keyward {

RecentUsers::RecentUsers(Database &db, ChangeFeed &feed)
    : m_feed(feed)
    , m_users(std::make_unique<UserRepository>(db))
{
}

RecentUsers::~RecentUsers() = default;

std::optional<RecentUsers::Entry> RecentUsers::known(const QString &id)
{
    std::optional<Entry> entry;
    {
        QMutexLocker lock(&m_lock);
        if (const auto it = m_entries.constFind(id); it != m_entries.constEnd())
            entry = *it;
    }
    if (entry && m_feed.isCurrent(entry->read, ChangeFeed::Topic::User, id))
        return entry;
    return std::nullopt;
}

void RecentUsers::remember(Entry entry)
{
    QMutexLocker lock(&m_lock);
    if (m_entries.size() >= Capacity)
        m_entries.clear();
    const QString id = entry.user.id;
    m_entries.insert(id, std::move(entry));
}

Result<User> RecentUsers::find(const QString &id)
{
    if (!isValidId(id))
        return ApiError::notFound(QStringLiteral("No user with this id."));
    if (auto entry = known(id))
        return std::move(entry->user);
    // Stamped before the read: a change committed meanwhile makes what is read stale at once.
    const ChangeFeed::Stamp read = m_feed.stamp();
    auto found = m_users->find(id, true);
    if (!found)
        return found.error();
    remember({found->user, read, std::nullopt, 0, 0});
    return found->user;
}

Result<RecentUsers::Rendered> RecentUsers::rendered(const QString &id, qint64 nowMs)
{
    std::optional<Entry> entry = known(id);
    // Rendered for this moment: not before it (a clock set back may bring a lock back), and no lock
    // it shows has run out since.
    if (entry && entry->rendered && entry->renderedAtMs <= nowMs && nowMs < entry->renderedUntilMs)
        return *entry->rendered;
    if (!entry) {
        if (!isValidId(id))
            return ApiError::notFound(QStringLiteral("No user with this id."));
        const ChangeFeed::Stamp read = m_feed.stamp();
        auto found = m_users->find(id, true);
        if (!found)
            return found.error();
        entry = Entry{found->user, read, std::nullopt, 0, 0};
    }
    const User &user = entry->user;
    Rendered out{userJsonBytes(user, nowMs), user.etag().toLatin1(), user.isDeleted()};
    // Kept with the record it was rendered from, under that record's stamp.
    if (out.json.size() <= LargestKeptRendering) {
        entry->rendered = out;
        entry->renderedAtMs = nowMs;
        entry->renderedUntilMs = userJsonValidUntil(user, nowMs);
    } else {
        entry->rendered.reset();
    }
    remember(std::move(*entry));
    return out;
}

Result<QList<User>> RecentUsers::findAll(const QStringList &ids)
{
    QHash<QString, User> users;
    QStringList missing;
    for (const QString &id : ids) {
        if (auto entry = known(id))
            users.insert(id, std::move(entry->user));
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
                remember({user, read, std::nullopt, 0, 0});
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
