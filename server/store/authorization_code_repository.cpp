#include "authorization_code_repository.h"

#include "sql_error.h"

namespace keyward {

AuthorizationCodeRepository::AuthorizationCodeRepository(Database &db)
    : m_db(db)
{
}

Status AuthorizationCodeRepository::insert(const QByteArray &codeHash, const AuthorizationCode &c)
{
    return execute(
        m_db,
        QStringLiteral("INSERT INTO oauth_codes (code_hash, client_id, user_id, browser_session_id, redirect_uri, "
                       "scope, nonce, code_challenge, auth_time, amr, created_at, expires_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {codeHash, c.clientId, c.userId, c.browserSessionId, c.redirectUri, c.scope, notNull(c.nonce), c.codeChallenge,
         c.authTime, notNull(c.amr), c.createdAt, c.expiresAt});
}

Result<AuthorizationCode> AuthorizationCodeRepository::find(const QByteArray &codeHash)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT client_id, user_id, redirect_uri, scope, nonce, code_challenge, auth_time, amr, "
        "created_at, expires_at, used_at, session_id, browser_session_id FROM oauth_codes WHERE code_hash = ?"));
    q.addBindValue(codeHash);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No such code."));
    AuthorizationCode c;
    c.clientId = q.value(0).toString();
    c.userId = q.value(1).toString();
    c.redirectUri = q.value(2).toString();
    c.scope = q.value(3).toString();
    c.nonce = q.value(4).toString();
    c.codeChallenge = q.value(5).toString();
    c.authTime = q.value(6).toLongLong();
    c.amr = q.value(7).toString();
    c.createdAt = q.value(8).toLongLong();
    c.expiresAt = q.value(9).toLongLong();
    c.usedAt = q.value(10).toLongLong();
    c.sessionId = q.value(11).toString();
    c.browserSessionId = q.value(12).toString();
    q.finish();
    return c;
}

Status AuthorizationCodeRepository::spend(const QByteArray &codeHash, const QString &sessionId, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("UPDATE oauth_codes SET used_at = ?, session_id = ? WHERE code_hash = ? AND used_at = 0"));
    q.addBindValue(nowMs);
    q.addBindValue(sessionId);
    q.addBindValue(codeHash);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (q.numRowsAffected() != 1)
        return ApiError::preconditionFailed(QStringLiteral("The code was already used."));
    return success();
}

} // namespace keyward
