#pragma once

#include "audit_service.h"
#include "core/principal.h"
#include "store/session_repository.h"

#include <QJsonObject>

namespace keyward {

class Clock;

// Listing and revoking sessions (one per login), for admins and for users themselves.
class SessionService {
public:
    SessionService(Database &db, const Clock &clock, AuditService &audit);

    Result<QList<Session>> listOfUser(const Principal &actor, const QString &userId);
    Status revoke(const Principal &actor, const QString &userId, const QString &sessionId);
    Result<int> revokeAll(const Principal &actor, const QString &userId);

    Result<QList<Session>> listMine(const Principal &me);
    Status revokeMine(const Principal &me, const QString &sessionId);

    QJsonObject toJson(const Session &s, const Principal &viewer) const;

private:
    Status revokeOne(const Principal &actor, const QString &userId, const QString &sessionId);

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    SessionRepository m_repo;
};

} // namespace keyward
