#pragma once

#include "core/result.h"

#include <QSqlQuery>

namespace keyward {

class Database;

// Logs a failed query and turns it into what the caller may see: 503 for transient failures
// (busy, lost connection, serialisation), 500 with no internals otherwise.
ApiError sqlFailure(const QSqlQuery &query);

// Runs one statement with `values` bound in order; success or the failure sqlFailure() makes of it.
Status execute(Database &db, const QString &sql, const QVariantList &values);

// Runs a bound query that yields one number (a count, a sum) and returns it.
Result<qint64> scalar(Database &db, QSqlQuery &query);

} // namespace keyward
