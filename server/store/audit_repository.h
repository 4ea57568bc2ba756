#pragma once

#include "core/audit.h"
#include "core/result.h"
#include "database.h"

#include <optional>

namespace keyward {

// Appends to the tamper-evident audit chain: hash = HMAC-SHA256(chainKey, prev_hash || canonical).
// append() must run inside the caller's write transaction, so the event lands with the change it records.
// The chain head is signed with the chain key: moving it back over deleted events cannot be hidden
// without the key. A copy of an older head is genuine, though, so callers also keep a high-water
// mark outside the database (AuditService) that verify() holds the chain to.
class AuditRepository {
public:
    AuditRepository(Database &db, QByteArray chainKey);

    Result<qint64> append(AuditEvent event);
    Result<QList<AuditEvent>> recent(int limit);
    // The event numbered `seq`; nullopt when it was pruned (or never was).
    Result<std::optional<AuditEvent>> find(qint64 seq);
    Result<AuditPage> list(const AuditFilter &filter);
    // Walks the chain from the first event: every sequence number present, each event linked to the
    // previous hash and hashing to its stored value, the signed chain head matching the last event,
    // and nothing missing up to `highWater`. Any edit, deletion, insertion or reordering shows as the
    // first bad sequence number; events cut from the end as truncation.
    Result<ChainReport> verify(const std::optional<ChainMark> &highWater = std::nullopt);
    // The chain head, when its signature holds (nullopt when it is unsigned or forged).
    Result<std::optional<ChainMark>> signedHead();
    // Whether the chain still holds `mark`: its event has that hash, or was pruned behind the checkpoint.
    Result<bool> holds(const ChainMark &mark);
    // Signs a head left unsigned by the schema (a new database, or one from before heads were
    // signed). Only ever inside the migration that makes it so: at any other time an unsigned head
    // is tampering, for verify() to report.
    Status signUnsignedHead();
    QByteArray markSignature(const ChainMark &mark) const;
    // Removes events older than `beforeMs`, leaving a signed checkpoint at the cut so the rest still
    // verifies. Runs inside the caller's write transaction; returns how many were removed.
    Result<qint64> prune(qint64 beforeMs, qint64 nowMs);

private:
    QByteArray checkpointSignature(qint64 seq, const QByteArray &hash) const;
    struct Head {
        ChainMark mark;
        QByteArray mac;
        bool genuine = false;
    };
    Result<Head> head();

    Database &m_db;
    QByteArray m_chainKey;
};

} // namespace keyward
