#include "api_key_repository.h"

#include "core/clock.h"
#include "sql_error.h"

#include <QJsonArray>

namespace keyward {

namespace {

const QString SelectKeys = QStringLiteral("SELECT id, kind, owner_id, name, prefix, scopes, created_by, created_at, "
                                          "expires_at, last_used_at, revoked_at, created_by_type FROM api_keys");

ApiKey readKey(const QSqlQuery &q)
{
    ApiKey k;
    k.id = q.value(0).toString();
    k.kind = q.value(1).toString();
    k.ownerId = q.value(2).toString();
    k.name = q.value(3).toString();
    k.prefix = q.value(4).toString();
    k.scopes = q.value(5).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    k.createdBy = q.value(6).toString();
    k.createdAt = q.value(7).toLongLong();
    k.expiresAt = q.value(8).toLongLong();
    k.lastUsedAt = q.value(9).toLongLong();
    k.revokedAt = q.value(10).toLongLong();
    k.createdByType = q.value(11).toString();
    return k;
}

} // namespace

ApiKeyRepository::ApiKeyRepository(Database &db)
    : m_db(db)
{
}

Status ApiKeyRepository::insert(const ApiKey &k, const QByteArray &keyHash)
{
    return execute(m_db,
                   QStringLiteral("INSERT INTO api_keys (id, kind, owner_id, name, prefix, key_hash, scopes, "
                                  "created_by, created_by_type, created_at, expires_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {k.id, k.kind, k.ownerId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(k.ownerId),
                    k.name, k.prefix, keyHash, joinedNames(k.scopes), k.createdBy, k.createdByType, k.createdAt,
                    k.expiresAt});
}

static Result<ApiKey> findOne(Database &db, const QString &where, const QVariant &value)
{
    QSqlQuery &q = db.prepared(SelectKeys + where);
    q.addBindValue(value);
    if (!db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound();
    ApiKey k = readKey(q);
    q.finish();
    return k;
}

Result<ApiKey> ApiKeyRepository::findByHash(const QByteArray &keyHash)
{
    return findOne(m_db, QStringLiteral(" WHERE key_hash = ?"), keyHash);
}

Result<ApiKey> ApiKeyRepository::find(const QString &id)
{
    return findOne(m_db, QStringLiteral(" WHERE id = ?"), id);
}

Result<QList<ApiKey>> ApiKeyRepository::list(const QString &kind, const QString &ownerId)
{
    QSqlQuery &q = m_db.prepared(
        SelectKeys + (ownerId.isEmpty() ? QStringLiteral(" WHERE kind = ? AND revoked_at = 0 ORDER BY created_at DESC")
                                        : QStringLiteral(" WHERE kind = ? AND owner_id = ? AND revoked_at = 0 "
                                                         "ORDER BY created_at DESC")));
    q.addBindValue(kind);
    if (!ownerId.isEmpty())
        q.addBindValue(ownerId);
    if (!m_db.exec(q))
        return sqlFailure(q);
    QList<ApiKey> out;
    while (q.next())
        out.append(readKey(q));
    return out;
}

Status ApiKeyRepository::revoke(const QString &id, const QString &kind, const QString &ownerId, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND kind = ? AND "
                                                "coalesce(owner_id, '') = ? AND revoked_at = 0"));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    q.addBindValue(kind);
    q.addBindValue(ownerId.isEmpty() ? QStringLiteral("") : ownerId);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (q.numRowsAffected() != 1)
        return ApiError::notFound(QStringLiteral("No such API key."));
    return success();
}

Result<int> ApiKeyRepository::revokeAllOf(const QString &userId, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE api_keys SET revoked_at = ? WHERE revoked_at = 0 AND ((kind = 'personal' AND owner_id = ?) OR "
        "(created_by_type = 'user' AND created_by = ?))"));
    q.addBindValue(nowMs);
    q.addBindValue(userId);
    q.addBindValue(userId);
    if (!m_db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected();
}

Status ApiKeyRepository::touch(const QString &id, qint64 nowMs)
{
    return execute(m_db, QStringLiteral("UPDATE api_keys SET last_used_at = ? WHERE id = ?"), {nowMs, id});
}

} // namespace keyward
