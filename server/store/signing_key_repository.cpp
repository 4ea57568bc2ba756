#include "signing_key_repository.h"

#include "sql_error.h"

namespace keyward {

SigningKeyRepository::SigningKeyRepository(Database &db)
    : m_db(db)
{
}

Result<QList<StoredSigningKey>> SigningKeyRepository::published(qint64 retiredAfterMs)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT kid, algorithm, public_pem, private_sealed, created_at, retired_at FROM signing_keys "
                       "WHERE retired_at = 0 OR retired_at > ? ORDER BY created_at DESC"));
    q.addBindValue(retiredAfterMs);
    if (!m_db.exec(q))
        return sqlFailure(q);
    QList<StoredSigningKey> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toByteArray(), q.value(3).toByteArray(),
                    q.value(4).toLongLong(), q.value(5).toLongLong()});
    return out;
}

Status SigningKeyRepository::insert(const StoredSigningKey &k)
{
    return execute(m_db,
                   QStringLiteral("INSERT INTO signing_keys (kid, algorithm, public_pem, private_sealed, "
                                  "created_at, retired_at) VALUES (?, ?, ?, ?, ?, 0)"),
                   {k.kid, k.algorithm, QString::fromLatin1(k.publicPem), k.privateSealed, k.createdAt});
}

Result<qint64> SigningKeyRepository::newestActiveCreatedAt(const QString &algorithm)
{
    // SQLite's write transaction already holds the only write lock; on PostgreSQL, rotations take
    // turns (the lock ends with the transaction).
    if (auto turn = takeTurn(m_db, TurnLock::SigningKeys); !turn)
        return turn.error();
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT coalesce(max(created_at), 0) FROM signing_keys WHERE retired_at = 0 AND algorithm = ?"));
    q.addBindValue(algorithm);
    if (!m_db.exec(q) || !q.next())
        return sqlFailure(q);
    const qint64 newest = q.value(0).toLongLong();
    q.finish();
    return newest;
}

Status SigningKeyRepository::retireOthers(const QString &keepKid, qint64 nowMs)
{
    return execute(m_db, QStringLiteral("UPDATE signing_keys SET retired_at = ? WHERE retired_at = 0 AND kid <> ?"),
                   {nowMs, keepKid});
}

} // namespace keyward
