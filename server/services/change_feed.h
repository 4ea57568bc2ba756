#pragma once

#include "core/result.h"

#include <QHash>
#include <QMap>
#include <QMutex>
#include <QReadWriteLock>
#include <QString>

#include <array>
#include <atomic>
#include <memory>

class QThread;

namespace keyward {

class Clock;
class Database;

// What this node must forget because the shared database changed: a session ended or cut short, a
// user disabled, deleted or given other roles, an access token revoked, the roles, the settings or
// the signing keys changed. Database triggers record each such change in the same transaction
// (migration 0011), whoever made it: this node, another node, the CLI. The feed reads them after
// every write this node commits (so a node always sees its own writes), every PollMs, and at once
// when PostgreSQL notifies.
//
// A cache takes a stamp() before it reads from the database and keeps what it read while
// isCurrent() says so: nothing about it changed since, and for KeepMs at most. A node that has not
// read the feed for StaleAfterMs (cut off from the database, or not polling) trusts nothing it
// cached: a revocation anywhere is refused everywhere within a second.
class ChangeFeed {
public:
    enum class Topic { Session, User, Token, Roles, Settings, Keys };

    static constexpr int PollMs = 250;
    static constexpr qint64 StaleAfterMs = 1'000;
    static constexpr qint64 KeepMs = 30'000;

    ChangeFeed(Database &db, const Clock &clock);
    ~ChangeFeed();
    ChangeFeed(const ChangeFeed &) = delete;
    ChangeFeed &operator=(const ChangeFeed &) = delete;

    // Starts after the newest change recorded.
    Status start();
    // Reads every PollMs, and when PostgreSQL notifies, on a thread of its own until destroyed.
    void startPolling();
    // Reads and applies the changes committed since the last read.
    Status catchUp();

    // When a cache read the database; the default stamp is never current.
    struct Stamp {
        quint64 position = 0;
        qint64 atMs = 0;
    };
    Stamp stamp() const;
    // Whether what was read at `read` about `subject` (empty: a whole topic) is still what the
    // database holds.
    bool isCurrent(const Stamp &read, Topic topic, const QString &subject = {}) const;
    // Whether nothing about `topic`, whatever its subject, changed since `read`: for what was read
    // across subjects, such as a page of users.
    bool isTopicCurrent(const Stamp &read, Topic topic) const;

private:
    // What every cached read must pass: read lately, after the last distrust, by a node that has
    // read the feed lately, with no clock set back.
    bool trusts(const Stamp &read) const;
    void apply(Topic topic, const QString &subject);
    // What was cached before now is stale, whatever it is about.
    void distrustAll();

    struct Mark {
        quint64 position = 0;
        qint64 atMs = 0;
    };

    Database &m_db;
    const Clock &m_clock;

    QMutex m_readLock; // one reader of the table at a time
    bool m_started = false;
    qint64 m_lastSeq = 0;
    // Sequence numbers passed over, by when they were first missed.
    QMap<qint64, qint64> m_gaps;
    qint64 m_prunedMarksAt = 0;

    mutable QReadWriteLock m_marksLock;
    std::array<QHash<QString, Mark>, 6> m_marks;            // by topic, then subject
    std::array<std::atomic<quint64>, 6> m_topicPositions{}; // the position of each topic's last change
    std::atomic<quint64> m_position{0};
    std::atomic<quint64> m_trustedFrom{0}; // what was read before this position is stale
    std::atomic<qint64> m_readAtMs{0};

    std::unique_ptr<QThread> m_poller;
};

} // namespace keyward
