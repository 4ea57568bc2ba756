#pragma once

#include "core/overview.h"
#include "core/result.h"
#include "database.h"

namespace keyward {

// Reads the counters that migration 0009's triggers keep for the Overview.
class OverviewRepository {
public:
    explicit OverviewRepository(Database &db);

    // The last `days` days (today included) and the `addresses` addresses with the most failed
    // logins in the 24 hours before `nowMs`.
    Result<UserOverview> read(qint64 nowMs, int days, int addresses);
    // Forgets the failed logins per address older than `beforeMs`.
    Status pruneFailingAddresses(qint64 beforeMs);

private:
    Database &m_db;
};

} // namespace keyward
