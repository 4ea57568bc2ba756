#include "passkey_repository.h"

#include "sql_error.h"

namespace keyward {

namespace {

const QString SelectPasskeys =
    QStringLiteral("SELECT id, user_id, credential_id, public_key, algorithm, sign_count, aaguid, attestation, "
                   "backup_eligible, backed_up, transports, name, created_at, last_used_at FROM passkeys");

Passkey readPasskey(const QSqlQuery &q)
{
    Passkey p;
    p.id = q.value(0).toString();
    p.userId = q.value(1).toString();
    p.credentialId = q.value(2).toByteArray();
    p.publicKey = q.value(3).toString();
    p.algorithm = q.value(4).toInt();
    p.signCount = q.value(5).toLongLong();
    p.aaguid = q.value(6).toByteArray();
    p.attestation = q.value(7).toString();
    p.backupEligible = q.value(8).toBool();
    p.backedUp = q.value(9).toBool();
    p.transports = q.value(10).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    p.name = q.value(11).toString();
    p.createdAt = q.value(12).toLongLong();
    p.lastUsedAt = q.value(13).toLongLong();
    return p;
}

Status changedOne(Database &db, QSqlQuery &q)
{
    if (!db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected() == 1 ? success() : Status(ApiError::notFound(QStringLiteral("No such passkey.")));
}

} // namespace

PasskeyRepository::PasskeyRepository(Database &db)
    : m_db(db)
{
}

Status PasskeyRepository::insert(const Passkey &p)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "INSERT INTO passkeys (id, user_id, credential_id, public_key, algorithm, sign_count, aaguid, attestation, "
        "backup_eligible, backed_up, transports, name, created_at, last_used_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"));
    for (const QVariant &v :
         {QVariant(p.id), QVariant(p.userId), QVariant(p.credentialId), QVariant(p.publicKey), QVariant(p.algorithm),
          QVariant(p.signCount), QVariant(p.aaguid), QVariant(p.attestation), QVariant(p.backupEligible),
          QVariant(p.backedUp), QVariant(joinedNames(p.transports)), QVariant(p.name), QVariant(p.createdAt)})
        q.addBindValue(v);
    if (!m_db.exec(q))
        return Database::isUniqueViolation(q.lastError())
                   ? Status(ApiError::conflict(QStringLiteral("This passkey is registered already.")))
                   : Status(sqlFailure(q));
    return success();
}

Result<QList<Passkey>> PasskeyRepository::listOfUser(const QString &userId)
{
    QSqlQuery &q = m_db.prepared(SelectPasskeys + QStringLiteral(" WHERE user_id = ? ORDER BY created_at, id"));
    q.addBindValue(userId);
    if (!m_db.exec(q))
        return sqlFailure(q);
    QList<Passkey> out;
    while (q.next())
        out.append(readPasskey(q));
    return out;
}

Result<int> PasskeyRepository::countOf(const QString &userId)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT COUNT(*) FROM passkeys WHERE user_id = ?"));
    q.addBindValue(userId);
    auto n = scalar(m_db, q);
    if (!n)
        return n.error();
    return int(*n);
}

Result<Passkey> PasskeyRepository::findByCredentialId(const QByteArray &credentialId)
{
    QSqlQuery &q = m_db.prepared(SelectPasskeys + QStringLiteral(" WHERE credential_id = ?"));
    q.addBindValue(credentialId);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No such passkey."));
    Passkey p = readPasskey(q);
    q.finish();
    return p;
}

Status PasskeyRepository::rename(const QString &userId, const QString &id, const QString &name)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE passkeys SET name = ? WHERE id = ? AND user_id = ?"));
    q.addBindValue(name);
    q.addBindValue(id);
    q.addBindValue(userId);
    return changedOne(m_db, q);
}

Status PasskeyRepository::remove(const QString &userId, const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("DELETE FROM passkeys WHERE id = ? AND user_id = ?"));
    q.addBindValue(id);
    q.addBindValue(userId);
    return changedOne(m_db, q);
}

Status PasskeyRepository::removeAllOf(const QString &userId)
{
    return execute(m_db, QStringLiteral("DELETE FROM passkeys WHERE user_id = ?"), {userId});
}

Result<bool> PasskeyRepository::recordUse(const Passkey &p, qint64 from, qint64 to, bool backedUp, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE passkeys SET sign_count = ?, backed_up = ?, last_used_at = ? WHERE id = ? AND sign_count = ?"));
    for (const QVariant &v : {QVariant(to), QVariant(backedUp), QVariant(nowMs), QVariant(p.id), QVariant(from)})
        q.addBindValue(v);
    if (!m_db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected() == 1;
}

Status PasskeyRepository::insertChallenge(const QByteArray &challengeHash, const QString &purpose,
                                          const QString &userId, const QString &boundTo, qint64 expiresAtMs)
{
    return execute(m_db,
                   QStringLiteral("INSERT INTO passkey_challenges (challenge_hash, purpose, user_id, bound_to, "
                                  "expires_at) VALUES (?, ?, ?, ?, ?)"),
                   {challengeHash, purpose, notNull(userId), notNull(boundTo), expiresAtMs});
}

Result<std::optional<QString>> PasskeyRepository::takeChallenge(const QByteArray &challengeHash, const QString &purpose,
                                                                const QString &boundTo, qint64 nowMs)
{
    // One statement: of two requests presenting the same challenge, one gets it.
    QSqlQuery &q = m_db.prepared(QStringLiteral("DELETE FROM passkey_challenges WHERE challenge_hash = ? AND "
                                                "purpose = ? AND bound_to = ? AND expires_at > ? RETURNING user_id"));
    q.addBindValue(challengeHash);
    q.addBindValue(purpose);
    q.addBindValue(notNull(boundTo));
    q.addBindValue(nowMs);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return std::optional<QString>();
    const QString userId = q.value(0).toString();
    q.finish();
    return std::optional<QString>(userId);
}

Status PasskeyRepository::pruneChallenges(qint64 nowMs)
{
    return execute(m_db, QStringLiteral("DELETE FROM passkey_challenges WHERE expires_at <= ?"), {nowMs});
}

} // namespace keyward
