#include "session_repository.h"

#include "sql_error.h"
#include "user_repository.h"

namespace keyward {

namespace {

const QString SelectSessions = QStringLiteral(
    "SELECT id, user_id, family, created_at, last_used_at, idle_expires_at, absolute_expires_at, revoked_at, ip, "
    "user_agent, password_change_only, client_id, scope, auth_time, amr FROM sessions");

Session readSession(const QSqlQuery &q)
{
    Session s;
    s.id = q.value(0).toString();
    s.userId = q.value(1).toString();
    s.family = q.value(2).toString();
    s.createdAt = q.value(3).toLongLong();
    s.lastUsedAt = q.value(4).toLongLong();
    s.idleExpiresAt = q.value(5).toLongLong();
    s.absoluteExpiresAt = q.value(6).toLongLong();
    s.revokedAt = q.value(7).toLongLong();
    s.ip = q.value(8).toString();
    s.userAgent = q.value(9).toString();
    s.passwordChangeOnly = q.value(10).toBool();
    s.clientId = q.value(11).toString();
    s.scope = q.value(12).toString();
    s.authTime = q.value(13).toLongLong();
    s.amr = q.value(14).toString();
    return s;
}

} // namespace

SessionRepository::SessionRepository(Database &db)
    : m_db(db)
{
}

Status SessionRepository::insert(const Session &s, const QByteArray &refreshHash)
{
    return execute(
        m_db,
        QStringLiteral(
            "INSERT INTO sessions (id, user_id, family, refresh_hash, created_at, last_used_at, idle_expires_at, "
            "absolute_expires_at, ip, user_agent, password_change_only, client_id, scope, auth_time, amr) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {s.id, s.userId, s.family, refreshHash, s.createdAt, s.lastUsedAt, s.idleExpiresAt, s.absoluteExpiresAt, s.ip,
         s.userAgent, s.passwordChangeOnly, notNull(s.clientId), notNull(s.scope), s.authTime, notNull(s.amr)});
}

static Result<Session> findOne(Database &db, const QString &where, const QVariant &value)
{
    QSqlQuery &q = db.prepared(SelectSessions + where);
    q.addBindValue(value);
    if (!db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No such session."));
    Session s = readSession(q);
    q.finish();
    return s;
}

Result<Session> SessionRepository::find(const QString &id)
{
    return findOne(m_db, QStringLiteral(" WHERE id = ?"), id);
}

Result<Session> SessionRepository::findByRefreshHash(const QByteArray &hash)
{
    return findOne(m_db, QStringLiteral(" WHERE refresh_hash = ?"), hash);
}

Result<Session> SessionRepository::findBySpentHash(const QByteArray &hash)
{
    return findOne(
        m_db, QStringLiteral(" WHERE id = (SELECT session_id FROM spent_refresh_tokens WHERE token_hash = ?)"), hash);
}

Status SessionRepository::rotate(const QString &id, const QByteArray &oldHash, const QByteArray &newHash, qint64 nowMs,
                                 qint64 idleExpiresAt)
{
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("UPDATE sessions SET refresh_hash = ?, last_used_at = ?, idle_expires_at = ? "
                                     "WHERE id = ? AND refresh_hash = ? AND revoked_at = 0"));
    q.addBindValue(newHash);
    q.addBindValue(nowMs);
    q.addBindValue(idleExpiresAt);
    q.addBindValue(id);
    q.addBindValue(oldHash);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (q.numRowsAffected() != 1)
        return ApiError::preconditionFailed(QStringLiteral("The refresh token was already used."));
    return execute(
        m_db, QStringLiteral("INSERT INTO spent_refresh_tokens (token_hash, session_id, spent_at) VALUES (?, ?, ?)"),
        {oldHash, id, nowMs});
}

Status SessionRepository::revoke(const QString &id, const QString &reason, qint64 nowMs)
{
    return execute(
        m_db,
        QStringLiteral(
            "UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE (id = ? OR family = ?) AND revoked_at = 0"),
        {nowMs, reason, id, id});
}

Result<int> SessionRepository::revokeAllOfUser(const QString &userId, const QString &reason, qint64 nowMs,
                                               const QString &keepId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE sessions SET revoked_at = ?, revoked_reason = ? "
                                                "WHERE user_id = ? AND revoked_at = 0 AND id <> ?"));
    q.addBindValue(nowMs);
    q.addBindValue(reason);
    q.addBindValue(userId);
    // A null QString binds as SQL NULL, and "id <> NULL" matches nothing.
    q.addBindValue(notNull(keepId));
    if (!m_db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected();
}

Status SessionRepository::moveFamily(const QString &from, const QString &to)
{
    return execute(m_db, QStringLiteral("UPDATE sessions SET family = ? WHERE family = ? AND id <> ?"),
                   {to, from, from});
}

Status SessionRepository::touch(const QString &id, qint64 nowMs, qint64 idleExpiresAt)
{
    return execute(m_db,
                   QStringLiteral("UPDATE sessions SET last_used_at = ?, idle_expires_at = ? "
                                  "WHERE id = ? AND revoked_at = 0"),
                   {nowMs, idleExpiresAt, id});
}

Status SessionRepository::revokeAllOfClient(const QString &clientId, const QString &reason, qint64 nowMs)
{
    return execute(m_db,
                   QStringLiteral("UPDATE sessions SET revoked_at = ?, revoked_reason = ? "
                                  "WHERE client_id = ? AND client_id <> '' AND revoked_at = 0"),
                   {nowMs, reason, clientId});
}

Result<QList<Session>> SessionRepository::liveOfUser(const QString &userId, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(SelectSessions + QStringLiteral(" WHERE user_id = ? AND revoked_at = 0 AND "
                                                                 "idle_expires_at > ? AND absolute_expires_at > ? "
                                                                 "ORDER BY created_at DESC"));
    q.addBindValue(userId);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    if (!m_db.exec(q))
        return sqlFailure(q);
    QList<Session> out;
    while (q.next())
        out.append(readSession(q));
    return out;
}

Status SessionRepository::pruneExpired(qint64 beforeMs)
{
    return execute(m_db, QStringLiteral("DELETE FROM sessions WHERE absolute_expires_at < ?"), {beforeMs});
}

Status SessionRepository::revokeToken(const QString &jti, qint64 expiresAtMs)
{
    const auto spent = spendOnce(jti, expiresAtMs);
    return spent ? success() : Status(spent.error());
}

Result<bool> SessionRepository::spendOnce(const QString &jti, qint64 expiresAtMs)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("INSERT INTO revoked_tokens (jti, expires_at) VALUES (?, ?) ON CONFLICT (jti) DO NOTHING"));
    q.addBindValue(jti);
    q.addBindValue(expiresAtMs);
    if (!m_db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected() == 1;
}

Result<bool> SessionRepository::isTokenRevoked(const QString &jti)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT count(*) FROM revoked_tokens WHERE jti = ?"));
    q.addBindValue(jti);
    auto n = scalar(m_db, q);
    if (!n)
        return n.error();
    return *n > 0;
}

Status SessionRepository::clearPasswordChangeOnly(const QString &id)
{
    return execute(m_db, QStringLiteral("UPDATE sessions SET password_change_only = ? WHERE id = ?"), {false, id});
}

Result<SessionRepository::Access> SessionRepository::access(const QString &sessionId, const QString &jti)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT s.id, s.user_id, s.family, s.created_at, s.last_used_at, s.idle_expires_at, "
                       "s.absolute_expires_at, s.revoked_at, s.ip, s.user_agent, s.password_change_only, s.client_id, "
                       "s.scope, s.auth_time, s.amr, u.status, u.deleted_at, (SELECT count(*) FROM revoked_tokens t "
                       "WHERE t.jti = ?), ") +
        UserRepository::rolesSubquery(m_db.kind()) +
        QStringLiteral(" FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?"));
    q.addBindValue(jti);
    q.addBindValue(sessionId);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::unauthorized(QStringLiteral("The session has ended."));
    Access a;
    a.session = readSession(q);
    a.userActive = User::statusNamed(q.value(15).toString()) == User::Status::Active && q.value(16).toLongLong() == 0;
    a.tokenRevoked = q.value(17).toLongLong() > 0;
    a.roles = q.value(18).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    q.finish();
    return a;
}
} // namespace keyward
