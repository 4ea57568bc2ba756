#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "store/audit_repository.h"

#include <QJsonObject>

namespace keyward {

class Clock;

// What happened, to what, and how it ended; who and from where comes from the Principal.
struct AuditEntry {
    AuditEntry(QString action_, QString targetType_, QString targetId_, QString outcome_ = QStringLiteral("success"),
               QJsonObject details_ = {})
        : action(std::move(action_))
        , targetType(std::move(targetType_))
        , targetId(std::move(targetId_))
        , outcome(std::move(outcome_))
        , details(std::move(details_))
    {
    }

    QString action; // e.g. "user.create", "auth.login"
    QString targetType;
    QString targetId;
    QString outcome = QStringLiteral("success"); // success | failure | denied
    QJsonObject details;                         // never a secret
};

// Records every state change and authentication event in the hash-chained audit log.
class AuditService {
public:
    AuditService(Database &db, const Clock &clock, QByteArray chainKey);

    // Inside the caller's write transaction, so the event commits (or not) with the change.
    Status append(const Principal &actor, const AuditEntry &entry);
    // In a transaction of its own, for events with no other write (failed logins, denials).
    Status record(const Principal &actor, const AuditEntry &entry);

    Result<QList<AuditEvent>> recent(int limit);
    Result<AuditPage> list(const Principal &actor, const AuditFilter &filter);
    Result<ChainReport> verify(const Principal &actor);
    // Removes events older than `days` (leaving a signed checkpoint); audited as actor system.
    Result<qint64> prune(int days);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditRepository m_repo;
};

} // namespace keyward
