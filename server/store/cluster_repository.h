#pragma once

#include "core/result.h"
#include "database.h"

namespace keyward {

// What all nodes of one user base share beyond settings: the token issuer (migration 0010) and
// the feed of changes every node must hear of (migration 0011).
class ClusterRepository {
public:
    explicit ClusterRepository(Database &db);

    struct Change {
        qint64 seq = 0;
        QString topic;
        QString subject;
    };
    // Up to `limit` changes with a sequence number above `afterSeq` or among `alsoSeqs`, oldest first.
    Result<QList<Change>> changesAfter(qint64 afterSeq, const QList<qint64> &alsoSeqs, int limit);
    // The newest change's sequence number (0: none yet).
    Result<qint64> lastChange();
    // Removes changes recorded before `beforeS` (Unix seconds); returns how many.
    Result<int> pruneChanges(qint64 beforeS);

    // Claims `candidate` as the issuer unless a node claimed one before; returns the issuer in force.
    // Safe when several nodes start at once: one claim wins, all read the same.
    Result<QString> claimIssuer(const QString &candidate, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace keyward
