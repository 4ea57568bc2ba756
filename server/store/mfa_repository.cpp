#include "mfa_repository.h"

#include "sql_error.h"

namespace keyward {

MfaRepository::MfaRepository(Database &db)
    : m_db(db)
{
}

Result<std::optional<TotpRecord>> MfaRepository::totp(const QString &userId)
{
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("SELECT secret_sealed, confirmed, last_step FROM mfa_totp WHERE user_id = ?"));
    q.addBindValue(userId);
    if (!m_db.exec(q))
        return sqlFailure(q);
    std::optional<TotpRecord> r;
    if (q.next())
        r = TotpRecord{q.value(0).toByteArray(), q.value(1).toBool(), q.value(2).toLongLong()};
    q.finish();
    return r;
}

Status MfaRepository::savePending(const QString &userId, const QByteArray &secretSealed, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "INSERT INTO mfa_totp (user_id, secret_sealed, confirmed, last_step, created_at) VALUES (?, ?, ?, 0, ?) "
        "ON CONFLICT (user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, created_at = excluded.created_at "
        "WHERE mfa_totp.confirmed = ?"));
    q.addBindValue(userId);
    q.addBindValue(secretSealed);
    q.addBindValue(false);
    q.addBindValue(nowMs);
    q.addBindValue(false);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (q.numRowsAffected() != 1)
        return ApiError::conflict(QStringLiteral("Two-factor authentication is already on; turn it off first."));
    return success();
}

Status MfaRepository::confirm(const QString &userId, qint64 step)
{
    return execute(m_db, QStringLiteral("UPDATE mfa_totp SET confirmed = ?, last_step = ? WHERE user_id = ?"),
                   {true, step, userId});
}

Result<bool> MfaRepository::useStep(const QString &userId, qint64 step)
{
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("UPDATE mfa_totp SET last_step = ? WHERE user_id = ? AND last_step < ?"));
    q.addBindValue(step);
    q.addBindValue(userId);
    q.addBindValue(step);
    if (!m_db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected() == 1;
}

Status MfaRepository::replaceRecoveryCodes(const QString &userId, const QList<QByteArray> &codeHashes)
{
    QSqlQuery &del = m_db.prepared(QStringLiteral("DELETE FROM recovery_codes WHERE user_id = ?"));
    del.addBindValue(userId);
    if (!m_db.exec(del))
        return sqlFailure(del);
    for (const QByteArray &hash : codeHashes) {
        QSqlQuery &ins = m_db.prepared(QStringLiteral("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)"));
        ins.addBindValue(userId);
        ins.addBindValue(hash);
        if (!m_db.exec(ins))
            return sqlFailure(ins);
    }
    return success();
}

Result<bool> MfaRepository::useRecoveryCode(const QString &userId, const QByteArray &codeHash, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at = 0"));
    q.addBindValue(nowMs);
    q.addBindValue(userId);
    q.addBindValue(codeHash);
    if (!m_db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected() == 1;
}

Status MfaRepository::removeAll(const QString &userId)
{
    for (const char *sql : {"DELETE FROM mfa_totp WHERE user_id = ?", "DELETE FROM recovery_codes WHERE user_id = ?"}) {
        QSqlQuery &q = m_db.prepared(QLatin1String(sql));
        q.addBindValue(userId);
        if (!m_db.exec(q))
            return sqlFailure(q);
    }
    return success();
}

} // namespace keyward
