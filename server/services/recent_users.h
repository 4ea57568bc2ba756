#pragma once

#include "change_feed.h"
#include "core/result.h"
#include "core/user.h"

#include <QHash>
#include <QMutex>

#include <memory>
#include <optional>

namespace keyward {

class Database;
class UserRepository;

// Users as the database holds them (deleted ones too), from memory while the change feed vouches
// for them: every write to a user row or its roles is in the feed (migrations 0011 and 0012), so
// GET /me, GET /users/{id} and a token refresh read no user row. No permission is checked here:
// the services that hand a user out do that.
class RecentUsers {
public:
    RecentUsers(Database &db, ChangeFeed &feed);
    ~RecentUsers();
    RecentUsers(const RecentUsers &) = delete;
    RecentUsers &operator=(const RecentUsers &) = delete;

    // 404 for an id no user has (or that is no id at all).
    Result<User> find(const QString &id);
    // The same user as the REST API shows it at `nowMs` (user_json.h), rendered once for as long
    // as the record stays in memory and no lock it shows runs out.
    struct Rendered {
        QByteArray json;
        QByteArray etag;
        bool deleted = false;
    };
    Result<Rendered> rendered(const QString &id, qint64 nowMs);
    // The users of `ids` in that order, those not in memory read in one go; ids of no user are
    // left out. Only a few misses are remembered: a bulk read (an export, a console scrolling
    // through a million users) must not push out the users asked for one at a time.
    Result<QList<User>> findAll(const QStringList &ids);

private:
    struct Entry {
        User user;
        ChangeFeed::Stamp read;
        std::optional<Rendered> rendered;
        qint64 renderedAtMs = 0;
        qint64 renderedUntilMs = 0; // when a lock the rendering shows runs out
    };
    // What is in memory and still vouched for.
    std::optional<Entry> known(const QString &id);
    void remember(Entry entry);

    // About one user row each; a full map is dropped whole rather than kept in order of use.
    static constexpr qsizetype Capacity = 10'000;
    static constexpr qsizetype RememberedMisses = 50;
    // A rendering larger than this (a user with many long attributes) is made anew each time.
    static constexpr qsizetype LargestKeptRendering = 16 * 1024;
    ChangeFeed &m_feed;
    std::unique_ptr<UserRepository> m_users;
    QMutex m_lock;
    QHash<QString, Entry> m_entries;
};

} // namespace keyward
