#include "one_time_token_repository.h"

#include "sql_error.h"

namespace keyward {

// Runs a bound query answering with a token's user: the user's id, or notFound when no live token matched.
static Result<QString> tokenUser(Database &db, QSqlQuery &q)
{
    if (!db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound();
    const QString userId = q.value(0).toString();
    q.finish();
    return userId;
}

OneTimeTokenRepository::OneTimeTokenRepository(Database &db)
    : m_db(db)
{
}

Status OneTimeTokenRepository::insert(const QByteArray &tokenHash, const QString &purpose, const QString &userId,
                                      qint64 nowMs, qint64 expiresAtMs)
{
    return execute(m_db,
                   QStringLiteral("INSERT INTO one_time_tokens (token_hash, purpose, user_id, created_at, expires_at) "
                                  "VALUES (?, ?, ?, ?, ?)"),
                   {tokenHash, purpose, userId, nowMs, expiresAtMs});
}

Result<QString> OneTimeTokenRepository::find(const QByteArray &tokenHash, const QString &purpose, qint64 nowMs,
                                             int maxAttempts)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT user_id FROM one_time_tokens WHERE token_hash = ? AND purpose = ? AND used_at = 0 AND "
                       "expires_at > ? AND attempts < ?"));
    q.addBindValue(tokenHash);
    q.addBindValue(purpose);
    q.addBindValue(nowMs);
    q.addBindValue(maxAttempts);
    return tokenUser(m_db, q);
}

Status OneTimeTokenRepository::consume(const QByteArray &tokenHash, qint64 nowMs)
{
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("UPDATE one_time_tokens SET used_at = ? WHERE token_hash = ? AND used_at = 0"));
    q.addBindValue(nowMs);
    q.addBindValue(tokenHash);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (q.numRowsAffected() != 1)
        return ApiError::preconditionFailed(QStringLiteral("The token was already used."));
    return success();
}

Result<QString> OneTimeTokenRepository::spendAttempt(const QByteArray &tokenHash, const QString &purpose,
                                                     int maxAttempts, qint64 nowMs)
{
    // One statement counts and checks: parallel answers cannot get past the limit together.
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("UPDATE one_time_tokens SET attempts = attempts + 1 WHERE token_hash = ? AND purpose = ? AND "
                       "used_at = 0 AND expires_at > ? AND attempts < ? RETURNING user_id"));
    q.addBindValue(tokenHash);
    q.addBindValue(purpose);
    q.addBindValue(nowMs);
    q.addBindValue(maxAttempts);
    return tokenUser(m_db, q);
}

Status OneTimeTokenRepository::removeAllOfUser(const QString &userId)
{
    return execute(m_db, QStringLiteral("DELETE FROM one_time_tokens WHERE user_id = ?"), {userId});
}

Status OneTimeTokenRepository::removeForUser(const QString &userId, const QString &purpose)
{
    return execute(m_db, QStringLiteral("DELETE FROM one_time_tokens WHERE user_id = ? AND purpose = ?"),
                   {userId, purpose});
}

} // namespace keyward
