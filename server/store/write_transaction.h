#pragma once

#include "core/result.h"
#include "database.h"

namespace keyward {

// Runs `work` in a write transaction and commits only if it succeeded, so a failing step leaves
// nothing half-written. `work` returns a Result; so does this.
template <typename Work>
auto writeTransaction(Database &db, Work &&work) -> decltype(work())
{
    Transaction tx(db);
    if (!tx.active())
        return ApiError::serviceUnavailable(QStringLiteral("The database is unavailable; try again."), 1);
    auto result = work();
    if (!result)
        return result;
    if (!tx.commit())
        return ApiError::serviceUnavailable(QStringLiteral("The database is unavailable; try again."), 1);
    return result;
}

} // namespace keyward
