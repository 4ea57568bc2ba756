#pragma once

#include <QList>
#include <QString>

namespace keyward {

// One UTC day of activity.
struct DailyActivity {
    qint64 day = 0; // days since 1970-01-01
    qint64 usersCreated = 0;
    qint64 loginsSucceeded = 0;
    qint64 loginsFailed = 0; // refused: a wrong password or code, an unknown login, a locked account
};

struct AddressFailures {
    QString address;
    qint64 failures = 0;
};

// The user base at a glance, read from counters the database keeps (never a scan).
struct UserOverview {
    // Users not deleted, by status; `locked` and `withMfa` are among them.
    qint64 active = 0;
    qint64 disabled = 0;
    qint64 locked = 0;
    qint64 neverLoggedIn = 0;
    qint64 withMfa = 0;
    qint64 deleted = 0;                      // kept for restoring until purged
    qint64 lastBackupAt = 0;                 // 0 = no backup recorded
    QList<DailyActivity> days;               // every day of the span, oldest first, today last
    QList<AddressFailures> failingAddresses; // failed logins per address over the last 24 hours, most first

    qint64 users() const { return active + disabled; }
};

} // namespace keyward
