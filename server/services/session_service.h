#pragma once

#include "audit_service.h"
#include "core/principal.h"
#include "core/session.h"

#include <optional>

#include <memory>

namespace keyward {

class Clock;
class Database;
class LockoutService;
class RoleService;
class SessionRepository;

// Listing and revoking sessions (one per login), for admins (only on accounts they may act on) and
// for users themselves (in a signed-in session; ending another of one's sessions needs the current
// password unless this one is fresh, so a stolen session cannot shut its owner out).
class SessionService {
public:
    SessionService(Database &db, const Clock &clock, AuditService &audit, RoleService &roles, LockoutService &lockout);
    ~SessionService();

    Result<QList<Session>> listOfUser(const Principal &actor, const QString &userId);
    Status revoke(const Principal &actor, const QString &userId, const QString &sessionId);
    Result<int> revokeAll(const Principal &actor, const QString &userId);

    Result<QList<Session>> listMine(const Principal &me);
    Status revokeMine(const Principal &me, const QString &sessionId, const std::optional<QString> &currentPassword);

private:
    Status revokeOne(const Principal &actor, const QString &userId, const QString &sessionId);
    // Inside the write transaction: 404 for an unknown user, 403 for oneself (self-service is for
    // that) or for one the actor may not act on.
    Status mayActOnUser(const Principal &actor, const QString &userId);

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    RoleService &m_roles;
    LockoutService &m_lockout;
    std::unique_ptr<SessionRepository> m_repo;
};

} // namespace keyward
