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

// Appends to the tamper-evident audit chain: hash = HMAC-SHA256(chainKey, prev_hash || canonical).
// append() must run inside the caller's write transaction, so the event lands with the change it records.
class AuditRepository {
public:
    AuditRepository(Database &db, QByteArray chainKey);

    Result<qint64> append(AuditEvent event);
    Result<QList<AuditEvent>> recent(int limit);

private:
    Database &m_db;
    QByteArray m_chainKey;
};

} // namespace keyward
