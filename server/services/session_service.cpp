#include "session_service.h"

#include "core/clock.h"
#include "core/permissions.h"
#include "store/user_repository.h"
#include "write_transaction.h"

namespace keyward {

SessionService::SessionService(Database &db, const Clock &clock, AuditService &audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_repo(db)
{
}

Result<QList<Session>> SessionService::listOfUser(const Principal &actor, const QString &userId)
{
    if (auto e = missing(actor, permission::SessionsManage))
        return *e;
    if (auto u = UserRepository(m_db).find(userId, true); !u)
        return u.error();
    return m_repo.liveOfUser(userId, m_clock.nowMs());
}

Status SessionService::revokeOne(const Principal &actor, const QString &userId, const QString &sessionId)
{
    return writeTransaction(m_db, [&]() -> Status {
        auto s = m_repo.find(sessionId);
        // Another user's session id answers exactly like an unknown one.
        if (!s || s->userId != userId || !s->isLive(m_clock.nowMs()))
            return ApiError::notFound(QStringLiteral("No such session."));
        if (auto r = m_repo.revoke(sessionId, QStringLiteral("revoked"), m_clock.nowMs()); !r)
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
    return revokeOne(actor, userId, sessionId);
}

Result<int> SessionService::revokeAll(const Principal &actor, const QString &userId)
{
    if (auto e = missing(actor, permission::SessionsManage))
        return *e;
    return writeTransaction(m_db, [&]() -> Result<int> {
        if (auto u = UserRepository(m_db).find(userId, true); !u)
            return u.error();
        auto n = m_repo.revokeAllOfUser(userId, QStringLiteral("revoked"), m_clock.nowMs());
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
    });
}

Result<QList<Session>> SessionService::listMine(const Principal &me)
{
    return m_repo.liveOfUser(me.id, m_clock.nowMs());
}

Status SessionService::revokeMine(const Principal &me, const QString &sessionId)
{
    return revokeOne(me, me.id, sessionId);
}

QJsonObject SessionService::toJson(const Session &s, const Principal &viewer) const
{
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("created_at"), formatTime(s.createdAt)},
        {QStringLiteral("last_used_at"), formatTime(s.lastUsedAt)},
        {QStringLiteral("expires_at"), formatTime(qMin(s.idleExpiresAt, s.absoluteExpiresAt))},
        {QStringLiteral("ip"), s.ip},
        {QStringLiteral("user_agent"), s.userAgent},
        {QStringLiteral("current"), s.id == viewer.sessionId},
    };
}

} // namespace keyward
