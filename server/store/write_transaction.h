#pragma once

#include "core/result.h"
#include "database.h"
#include "sql_error.h"

namespace keyward {

// Runs `work` in a write transaction and commits only if it succeeded, so a failing step leaves
// nothing half-written. `work` returns a Result; so does this.
template <typename Work>
auto writeTransaction(Database &db, Work &&work) -> decltype(work())
{
    Transaction tx(db);
    if (!tx.active())
        return databaseUnavailable();
    auto result = work();
    if (!result)
        return result;
    if (!tx.commit())
        return databaseUnavailable();
    return result;
}

} // namespace keyward
