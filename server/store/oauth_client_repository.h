#pragma once

#include "core/oauth_client.h"
#include "core/result.h"
#include "database.h"

namespace keyward {

class OAuthClientRepository {
public:
    explicit OAuthClientRepository(Database &db);

    // `secretHash` empty: a client without a secret.
    Status insert(const OAuthClient &client, const QByteArray &secretHash);
    // `secretHash`, when given, receives the SHA-256 of the client's secret (empty: it has none).
    Result<OAuthClient> find(const QString &id, QByteArray *secretHash = nullptr);
    Result<QList<OAuthClient>> list();
    // Writes every field of `client` if its row is still at `client.version` (then one past it);
    // preconditionFailed when someone else changed it first.
    Status update(const OAuthClient &client, qint64 nowMs);
    // An empty hash clears the secret; a new one is only written while the client uses a secret.
    Status setSecret(const QString &id, const QByteArray &secretHash, qint64 nowMs);
    Status remove(const QString &id);

private:
    Database &m_db;
};

} // namespace keyward
