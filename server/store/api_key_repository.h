#pragma once

#include "core/result.h"
#include "database.h"

#include <QJsonObject>
#include <QStringList>

namespace keyward {

struct ApiKey {
    QString id;
    QString kind; // personal | service
    QString ownerId;
    QString name;
    QString prefix;
    QStringList scopes;
    QString createdBy;     // the id of who made it: a user, or (keys made before 0.2) another key
    QString createdByType; // user | apikey | system (the console, the command line)
    qint64 createdAt = 0;
    qint64 expiresAt = 0; // 0 = never
    qint64 lastUsedAt = 0;
    qint64 revokedAt = 0;

    bool isLive(qint64 nowMs) const { return revokedAt == 0 && (expiresAt == 0 || nowMs < expiresAt); }
    QJsonObject toJson() const;
};

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
