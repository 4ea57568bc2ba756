#pragma once

#include "core/result.h"
#include "database.h"

namespace keyward {

// What all nodes of one user base share beyond settings: the token issuer (migration 0010).
class ClusterRepository {
public:
    explicit ClusterRepository(Database &db);

    // Claims `candidate` as the issuer unless a node claimed one before; returns the issuer in force.
    // Safe when several nodes start at once: one claim wins, all read the same.
    Result<QString> claimIssuer(const QString &candidate, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace keyward
