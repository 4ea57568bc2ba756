#pragma once

#include "core/result.h"
#include "database.h"

#include <QJsonObject>

namespace keyward {

struct AuditEvent {
    qint64 seq = 0;
    QString id;
    qint64 time = 0;
    QString actorType;
    QString actorId;
    QString action;
    QString targetType;
    QString targetId;
    QString outcome;
    QString ip;
    QString userAgent;
    QString requestId;
    QString details; // compact JSON text, hashed exactly as stored

    // The bytes the chain hash covers: every field but the hashes, in a fixed order.
    QByteArray canonical() const;
    QJsonObject toJson() const;
};

struct AuditFilter {
    QString actor; // actor id, or type:id
    QString action;
    QString target; // target id, or type:id
    QString outcome;
    qint64 since = 0; // epoch ms, inclusive
    qint64 until = 0; // epoch ms, exclusive; 0 = open
    int limit = 50;
    qint64 beforeSeq = 0;   // keyset cursor: events older than this; 0 = newest first
    qint64 afterSeq = 0;    // or: the page of events just newer than this (paging back up)
    bool countTotal = true; // false: total is -1, for the pages after the first
};

struct AuditPage {
    QList<AuditEvent> items;
    qint64 nextBeforeSeq = 0; // older events follow: pass as beforeSeq; 0: last page
    qint64 prevAfterSeq = 0;  // newer events precede: pass as afterSeq; 0: first page
    qint64 total = 0;
};

struct ChainReport {
    bool ok = true;
    qint64 checked = 0;
    qint64 firstBadSeq = 0; // 0 when ok
};

// Appends to the tamper-evident audit chain: hash = HMAC-SHA256(chainKey, prev_hash || canonical).
// append() must run inside the caller's write transaction, so the event lands with the change it records.
class AuditRepository {
public:
    AuditRepository(Database &db, QByteArray chainKey);

    Result<qint64> append(AuditEvent event);
    Result<QList<AuditEvent>> recent(int limit);
    Result<AuditPage> list(const AuditFilter &filter);
    // Walks the chain from the first event: every sequence number present, each event linked to the
    // previous hash and hashing to its stored value, and the chain head matching the last event.
    // Any edit, deletion, insertion or reordering shows as the first bad sequence number.
    Result<ChainReport> verify();
    // Removes events older than `beforeMs`, leaving a signed checkpoint at the cut so the rest still
    // verifies. Runs inside the caller's write transaction; returns how many were removed.
    Result<qint64> prune(qint64 beforeMs, qint64 nowMs);

private:
    QByteArray checkpointSignature(qint64 seq, const QByteArray &hash) const;

    Database &m_db;
    QByteArray m_chainKey;
};

} // namespace keyward
