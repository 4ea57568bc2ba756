#include "sql_error.h"

#include "core/logging.h"
#include "database.h"

#include <QSqlError>

namespace keyward {

ApiError sqlFailure(const QSqlQuery &query)
{
    qCWarning(lcStore).noquote() << "query failed:" << query.lastError().text();
    if (Database::isTransient(query.lastError()))
        return ApiError::serviceUnavailable(QStringLiteral("The database is busy; try again."), 1);
    return ApiError::internal();
}

ApiError databaseUnavailable()
{
    return ApiError::serviceUnavailable(QStringLiteral("The database is unavailable; try again."), 1);
}

Status takeTurn(Database &db, TurnLock lock)
{
    if (db.kind() != Database::Kind::Postgres)
        return success();
    return execute(db, QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {static_cast<qint64>(lock)});
}

Status execute(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery &query = db.prepared(sql);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!db.exec(query))
        return sqlFailure(query);
    return success();
}

Result<qint64> scalar(Database &db, QSqlQuery &query)
{
    if (!db.exec(query) || !query.next())
        return sqlFailure(query);
    const qint64 value = query.value(0).toLongLong();
    query.finish();
    return value;
}

} // namespace keyward
