#pragma once

#include "core/result.h"
#include "database.h"

namespace keyward {

struct StoredSigningKey {
    QString kid;
    QString algorithm;
    QByteArray publicPem;
    QByteArray privateSealed;
    qint64 createdAt = 0;
    qint64 retiredAt = 0;
};

class SigningKeyRepository {
public:
    explicit SigningKeyRepository(Database &db);

    // Keys still published: active ones and those retired after `retiredAfterMs`.
    Result<QList<StoredSigningKey>> published(qint64 retiredAfterMs);
    Status insert(const StoredSigningKey &key);
    // When the newest active key of `algorithm` was made (0: there is none). On PostgreSQL, holds off
    // other rotations until the transaction ends.
    Result<qint64> newestActiveCreatedAt(const QString &algorithm);
    // Retires every active key but `keepKid`.
    Status retireOthers(const QString &keepKid, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace keyward
