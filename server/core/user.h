#pragma once

#include "api_error.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace keyward {

// A user as the services hand it out. Deliberately holds no hash, secret or token, so that
// serialising a User can never leak one.
struct User {
    // Only an active account signs in; disabling one ends its sessions and stops its keys.
    enum class Status { Active, Disabled };
    // The one spelling of a status: the API's, the database's and the files'.
    static QString statusName(Status status);
    // nullopt for anything but "active" or "disabled".
    static std::optional<Status> statusNamed(const QString &name);

    QString id;
    QString username;
    QString email;
    bool emailVerified = false;
    QString displayName;
    Status status = Status::Active;
    qint64 lockedUntil = 0; // epoch ms; 0 = not locked
    QStringList roles;
    bool mfaEnabled = false;
    // Whether the user's passkeys sign in alone, or only after the password as its second factor.
    bool passkeysAlone = true;
    bool requirePasswordChange = false;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 lastLoginAt = 0;       // 0 = never
    qint64 passwordChangedAt = 0; // 0 = no password set
    qint64 deletedAt = 0;         // 0 = not deleted
    QMap<QString, QString> attributes;
    qint64 version = 1; // optimistic-concurrency counter, the ETag

    bool isDeleted() const { return deletedAt != 0; }
    bool isActive() const { return status == Status::Active; }
    QString etag() const { return QStringLiteral("\"%1\"").arg(version); }
};

struct Role {
    QString name;
    QString description;
    QStringList permissions;
    bool builtin = false;
};

// A search of the users list, and one page of its answer (keyset-paged).
struct UserFilter {
    QString q;                          // substring of username, email or display name
    std::optional<User::Status> status; // nullopt: either
    QList<FieldError> parseErrors;      // from reading the filter; reported after the permission check
    QString role;
    bool includeDeleted = false;
    qint64 inactiveSince = 0; // only users with no login (or, never logged in, no creation) since then
    QString sort = QStringLiteral("created_at"); // created_at, username, last_login_at; '-' prefix = descending
    int limit = 50;
    QString cursor; // opaque, from a previous page's nextCursor or prevCursor
    // Without a cursor: the page starts after this many matching rows (where the console's
    // scrollbar jumps to). Costs a walk over the rows skipped; paging on goes by cursor.
    qint64 offset = 0;
    bool countTotal = true; // false: total is -1, for the pages after the first
    // A count of a search or role filter stops here (0: it never does): beyond, UserPage.total is
    // this bound and totalExact false, so a query that matches a million users costs no count of them.
    qint64 countUpTo = 0;
};

struct UserPage {
    QList<User> items;
    QString nextCursor; // the rows after these; empty: last page
    QString prevCursor; // the rows before these; empty: first page
    qint64 total = 0;
    bool totalExact = true; // false: total is a lower bound (UserFilter.countUpTo)
};

} // namespace keyward
