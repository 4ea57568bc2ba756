#pragma once

#include "core/result.h"
#include "core/user.h"
#include "database.h"

#include <QHash>

#include <functional>

#include <optional>

namespace keyward {

// A user with the credential fields that never leave the services.
struct UserRecord {
    User user;
    QString passwordHash;
    QString verifiedEmail; // the address last proven by the user (empty: none), where reset mail may go
};

// SQL for users and their role assignments. Uniqueness is enforced by the database on
// case-folded keys, so concurrent creates end in one success and conflicts, never duplicates.
class UserRepository {
public:
    explicit UserRepository(Database &db);

    static QString foldKey(const QString &text) { return text.toCaseFolded(); }
    static bool isValidSort(const QString &sort);
    // A SELECT expression giving the space-separated role names of the user aliased `u`.
    static QString rolesSubquery(Database::Kind kind);

    Status insert(const User &user, const QString &passwordHash);
    // notFound when absent (or deleted and !includeDeleted).
    Result<UserRecord> find(const QString &id, bool includeDeleted = false);
    // Inside the caller's write transaction: holds the user's row until it ends, so that a decision
    // about the user (may this actor act on it?) stands until the change lands. Read the user
    // after this: on PostgreSQL a later statement sees what was committed before the lock was had.
    Status lockRow(const QString &id);
    // By username or email, case-insensitively; deleted users are not found.
    Result<UserRecord> findByLogin(const QString &login);
    // Writes every mutable field when the stored version is `user.version`, and bumps it.
    // preconditionFailed when someone else changed the user first.
    Status update(const User &user);
    // Sets a new hash and moves the previous one into the history, keeping the newest `keepHistory`.
    Status setPassword(const QString &id, const QString &hash, bool requireChange, qint64 nowMs, int keepHistory = 0);
    // The current hash and up to `limit - 1` previous ones, newest first.
    Result<QStringList> recentHashes(const QString &id, int limit);
    // Swaps the stored hash for an equivalent stronger one (login-time upgrade): not a user edit.
    Status replaceHash(const QString &id, const QString &hash);
    Status setRoles(const QString &id, const QStringList &roles);
    Status recordLogin(const QString &id, qint64 nowMs);
    // Lockout state (not a user edit: no version bump).
    Status setLockedUntil(const QString &id, qint64 untilMs);
    // How the user's passkeys sign in (User::passkeysAlone); a change of the user, versioned.
    Status setPasskeysAlone(const QString &id, bool alone, qint64 nowMs);
    Status setMfaEnabled(const QString &id, bool enabled);
    // The current address is proven: it is also the one reset mail goes to from now on.
    Status markEmailVerified(const QString &id);
    Status purge(const QString &id);
    // The usernames of the users with these ids (deleted ones too); ids of no user are left out.
    Result<QHash<QString, QString>> usernames(const QStringList &ids);
    // The users with these ids (deleted ones too), by id; ids of no user are left out.
    Result<QHash<QString, User>> findMany(const QStringList &ids);
    // Active, not deleted users holding the admin role: the last one must not be removed.
    Result<qint64> countActiveAdmins();
    // Inside the caller's write transaction, before countActiveAdmins(): serialises every change that
    // could take away an administrator, so two at once cannot both see another one left. Under
    // PostgreSQL's READ COMMITTED the count after the lock sees what the previous holder committed.
    Status lockAdministrators();
    // What a page's items hold: whole users, or only their ids (for a caller that has the users
    // in memory; see RecentUsers).
    enum class Rows { Users, Ids };
    Result<UserPage> list(const UserFilter &filter, Rows rows = Rows::Users);

private:
    // Every taken field of `user` (usernames and emails of other users), so a client hears of all at once.
    Status checkUnique(const User &user);
    Status conflictFrom(const QSqlError &error) const;
    // Runs "SELECT `columns` FROM users u WHERE u.id IN (...)" over `ids`, a fixed number of
    // placeholders at a time (padded with an id no user has: one prepared statement), calling
    // `row` on each row found.
    Status selectByIds(const QString &columns, const QStringList &ids, const std::function<void(QSqlQuery &)> &row);

    Database &m_db;
};

} // namespace keyward
