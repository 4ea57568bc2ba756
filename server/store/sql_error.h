#pragma once

#include "core/result.h"

#include <QSqlQuery>

namespace keyward {

class Database;

// Logs a failed query and turns it into what the caller may see: 503 for transient failures
// (busy, lost connection, serialisation), 500 with no internals otherwise.
ApiError sqlFailure(const QSqlQuery &query);
// A transaction that could not begin or commit: 503, try again.
ApiError databaseUnavailable();

// Runs one statement with `values` bound in order; success or the failure sqlFailure() makes of it.
Status execute(Database &db, const QString &sql, const QVariantList &values);

// Writes that must take turns across the nodes sharing one PostgreSQL, each with its own advisory lock.
enum class TurnLock : qint64 { Migrations = 7415263, Administrators = 7415264, SigningKeys = 7415265 };
// Waits for `lock`, held until the transaction ends. On SQLite a write transaction is already the
// only writer, so there is nothing to wait for.
Status takeTurn(Database &db, TurnLock lock);

// Runs a bound query that yields one number (a count, a sum) and returns it.
Result<qint64> scalar(Database &db, QSqlQuery &query);

// For NOT NULL text columns: a null QString binds as SQL NULL, so an absent value is stored as ''.
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// Names (permissions, scopes) as the space-separated text the schema keeps; '' when there are none.
inline QString joinedNames(const QStringList &names)
{
    return notNull(names.join(QLatin1Char(' ')));
}

} // namespace keyward
