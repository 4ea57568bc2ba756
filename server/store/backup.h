#pragma once

#include "core/result.h"
#include "database.h"

#include <QString>

// Copies of the whole store, and putting one back. The master key is never part of one: what it
// seals (signing keys, TOTP secrets, the audit chain's key) travels sealed.
namespace keyward::backup {

// Writes a consistent copy of the database to `file`, taken while writers go on: SQLite's
// `VACUUM INTO` (one read transaction), PostgreSQL's `pg_dump` (custom format, one snapshot). The
// copy is written beside `file` and moved into place, owner-only: `file` is whole or absent. A file
// already there is replaced only with `replaceExisting`, and never one of the database's own.
// Returns its size in bytes.
Result<qint64> write(Database &db, const QString &file, bool replaceExisting);

// What a backup holds, read without changing it.
struct Contents {
    int schemaVersion = 0; // SQLite: the newest migration in it; PostgreSQL: not read (0)
};
// Refuses a file that is not an intact Keyward backup for `kind`: SQLite's integrity check and the
// migration table; for PostgreSQL, pg_restore must list it.
Result<Contents> check(Database::Kind kind, const QString &file);

// SQLite: puts `file` in place of the database at `path`, which no process may have open. The
// database it replaces (with its write-ahead log, if a crash left one) is renamed, not deleted;
// its new name is returned.
Result<QString> replaceSqlite(const QString &path, const QString &file);
// Undoes replaceSqlite(): removes what is at `path` and puts `aside` (if any) back.
Status putBackSqlite(const QString &path, const QString &aside);
// PostgreSQL: recreates every table of `db` from `file` in one transaction.
Status restorePostgres(Database &db, const QString &file);
// PostgreSQL: how many other sessions are connected to `db`'s database (nodes still running).
Result<int> otherSessions(Database &db);

} // namespace keyward::backup
