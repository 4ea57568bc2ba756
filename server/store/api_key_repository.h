#pragma once

#include "core/api_key.h"
#include "core/result.h"
#include "database.h"

namespace keyward {

class ApiKeyRepository {
public:
    explicit ApiKeyRepository(Database &db);

    Status insert(const ApiKey &key, const QByteArray &keyHash);
    Result<ApiKey> findByHash(const QByteArray &keyHash);
    Result<ApiKey> find(const QString &id);
    // Keys of a kind; personal keys of one owner when `ownerId` is given. Revoked ones are left out.
    Result<QList<ApiKey>> list(const QString &kind, const QString &ownerId = {});
    // Revokes a live key of this kind (and owner, for personal keys); notFound otherwise.
    Status revoke(const QString &id, const QString &kind, const QString &ownerId, qint64 nowMs);
    // Revokes every live key of the user: personal keys it owns and keys it made (account
    // recovery); returns how many.
    Result<int> revokeAllOf(const QString &userId, qint64 nowMs);
    Status touch(const QString &id, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace keyward
