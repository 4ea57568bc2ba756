#pragma once

#include "change_feed.h"
#include "core/user.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <optional>

namespace keyward {

// Pages of the users list as the REST API sends them, from memory while the change feed says no
// user changed since they were read: a console's or a dashboard's page asked for again and again
// costs no index walk, count or rendering. Every write to a user row or its roles is in the feed
// (migrations 0011 and 0012), so any such write, on any node, makes every page be read anew; so
// does a lock shown on a page running out. Only filters the service has accepted are kept; the
// permission to list users is checked before a page is looked up.
class RecentUserPages {
public:
    explicit RecentUserPages(ChangeFeed &feed);
    RecentUserPages(const RecentUserPages &) = delete;
    RecentUserPages &operator=(const RecentUserPages &) = delete;

    std::optional<QByteArray> find(const UserFilter &filter, qint64 nowMs);
    // `json` is `page` rendered at `nowMs`; `read` was stamped before the page was read.
    void remember(const UserFilter &filter, const ChangeFeed::Stamp &read, const UserPage &page, const QByteArray &json,
                  qint64 nowMs);

private:
    static QByteArray keyOf(const UserFilter &filter);

    // A full cache is dropped whole, like RecentUsers: the pages asked for often come back at once.
    static constexpr qsizetype Capacity = 64;
    static constexpr qsizetype CapacityBytes = 8 * 1024 * 1024;
    // A larger page (200 users with long attributes) is read anew each time rather than crowd out the rest.
    static constexpr qsizetype LargestKeptPage = CapacityBytes / 8;
    struct Entry {
        QByteArray json;
        ChangeFeed::Stamp read;
        qint64 renderedUntilMs; // when a lock the page shows runs out
    };

    ChangeFeed &m_feed;
    QMutex m_lock;
    QHash<QByteArray, Entry> m_entries;
    qsizetype m_bytes = 0;
};

} // namespace keyward
