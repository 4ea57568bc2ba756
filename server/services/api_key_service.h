#pragma once

#include "audit_service.h"
#include "core/principal.h"
#include "core/result.h"
#include "store/api_key_repository.h"

#include <QHash>
#include <QMutex>

namespace keyward {

class Clock;
class RoleService;

struct ApiKeyRequest {
    QString name;
    QStringList scopes;
    qint64 expiresAt = 0; // 0 = never
    QList<FieldError> parseErrors;
};

// A key as created: the only time its secret is seen.
struct CreatedApiKey {
    ApiKey key;
    QString secret;
    QJsonObject toJson() const;
};

// Personal keys act as their owner with at most the scopes given (and never more than the owner
// holds now); service keys are an identity of their own with the scopes they were given. Keys are
// "kw_" + 256 random bits, stored as SHA-256 hashes; scopes are a subset of the creator's permissions.
class ApiKeyService {
public:
    ApiKeyService(Database &db, const Clock &clock, AuditService &audit, RoleService &roles);

    Result<CreatedApiKey> createPersonal(const Principal &me, const ApiKeyRequest &request);
    Result<QList<ApiKey>> listPersonal(const Principal &me);
    Status revokePersonal(const Principal &me, const QString &id);

    Result<CreatedApiKey> createService(const Principal &actor, const ApiKeyRequest &request);
    Result<QList<ApiKey>> listService(const Principal &actor);
    Status revokeService(const Principal &actor, const QString &id);

    // The principal of a presented key; `context` supplies ip, user agent and request id.
    Result<Principal> authenticate(QByteArrayView key, Principal context);

private:
    Result<CreatedApiKey> create(const Principal &actor, const QString &kind, const QString &ownerId,
                                 const ApiKeyRequest &request);

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    RoleService &m_roles;
    ApiKeyRepository m_repo;

    // last_used_at is written at most once a minute per key: using a key must not mean a write.
    QMutex m_touchMutex;
    QHash<QString, qint64> m_touched;
};

} // namespace keyward
