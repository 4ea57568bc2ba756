#include "session_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "lockout_service.h"
#include "role_service.h"
#include "store/session_repository.h"
#include "store/user_repository.h"
#include "store/write_transaction.h"

namespace keyward {

SessionService::SessionService(Database &db, const Clock &clock, AuditService &audit, RoleService &roles,
                               LockoutService &lockout)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_roles(roles)
    , m_lockout(lockout)
    , m_repo(std::make_unique<SessionRepository>(db))
{
}

SessionService::~SessionService() = default;

Status SessionService::mayActOnUser(const Principal &actor, const QString &userId)
{
    if (auto self = notOnOneself(actor, userId); !self)
        return self;
    return statusOf(m_roles.actOn(actor, userId, true));
}

Result<QList<Session>> SessionService::listOfUser(const Principal &actor, const QString &userId)
{
    if (auto e = missing(actor, permission::SessionsManage))
        return *e;
    if (auto u = UserRepository(m_db).find(userId, true); !u)
        return u.error();
    return m_repo->liveOfUser(userId, m_clock.nowMs());
}

Status SessionService::revokeOne(const Principal &actor, const QString &userId, const QString &sessionId)
{
    return writeTransaction(m_db, [&]() -> Status {
        if (actor.id != userId)
            if (auto allowed = mayActOnUser(actor, userId); !allowed)
                return allowed;
        auto s = m_repo->find(sessionId);
        // Another user's session id answers exactly like an unknown one.
        if (!s || s->userId != userId || !s->isLive(m_clock.nowMs()))
            return ApiError::notFound(QStringLiteral("No such session."));
        if (auto r = m_repo->revoke(sessionId, QStringLiteral("revoked"), m_clock.nowMs()); !r)
            return r;
        return m_audit.append(actor, {QStringLiteral("session.revoke"),
                                      QStringLiteral("session"),
                                      sessionId,
                                      QStringLiteral("success"),
                                      {{QStringLiteral("user_id"), userId}}});
    });
}

Status SessionService::revoke(const Principal &actor, const QString &userId, const QString &sessionId)
{
    if (auto e = missing(actor, permission::SessionsManage))
        return *e;
    if (auto self = notOnOneself(actor, userId); !self)
        return m_audit.noteRefusal(actor, {QStringLiteral("session.revoke"), QStringLiteral("session"), sessionId},
                                   self);
    return m_audit.noteRefusal(actor, {QStringLiteral("session.revoke"), QStringLiteral("session"), sessionId},
                               revokeOne(actor, userId, sessionId));
}

Result<int> SessionService::revokeAll(const Principal &actor, const QString &userId)
{
    if (auto e = missing(actor, permission::SessionsManage))
        return *e;
    return m_audit.noteRefusal(actor, {QStringLiteral("session.revoke_all"), QStringLiteral("user"), userId},
                               writeTransaction(m_db, [&]() -> Result<int> {
                                   if (auto allowed = mayActOnUser(actor, userId); !allowed)
                                       return allowed.error();
                                   auto n = m_repo->revokeAllOfUser(userId, QStringLiteral("revoked"), m_clock.nowMs());
                                   if (!n)
                                       return n;
                                   if (auto a = m_audit.append(actor, {QStringLiteral("session.revoke_all"),
                                                                       QStringLiteral("user"),
                                                                       userId,
                                                                       QStringLiteral("success"),
                                                                       {{QStringLiteral("count"), *n}}});
                                       !a)
                                       return a.error();
                                   return n;
                               }));
}

Result<QList<Session>> SessionService::listMine(const Principal &me)
{
    if (auto session = requireSession(me); !session)
        return m_audit.noteRefusal(me, {QStringLiteral("session.list"), QStringLiteral("user"), me.id},
                                   Result<QList<Session>>(session.error()));
    return m_repo->liveOfUser(me.id, m_clock.nowMs());
}

Status SessionService::revokeMine(const Principal &me, const QString &sessionId,
                                  const std::optional<QString> &currentPassword)
{
    const QString action = QStringLiteral("session.revoke");
    // Ending this very session is a logout; ending another one is a change of the account's access.
    const Status allowed =
        sessionId == me.sessionId ? requireSession(me) : m_lockout.reauthenticate(me, currentPassword, action);
    if (!allowed)
        return m_audit.noteRefusal(me, {action, QStringLiteral("session"), sessionId}, allowed);
    return revokeOne(me, me.id, sessionId);
}

} // namespace keyward
