#pragma once

#include "audit_service.h"
#include "core/api_key.h"
#include "core/principal.h"
#include "core/result.h"

#include <QHash>
#include <QMutex>

#include <memory>
#include <optional>

namespace keyward {

class ApiKeyRepository;
class Clock;
class Database;
class LockoutService;
class RoleService;

struct ApiKeyRequest {
    QString name;
    QStringList scopes;
    qint64 expiresAt = 0;                   // 0 = never
    std::optional<QString> currentPassword; // re-authentication, when the session is not fresh
    QList<FieldError> parseErrors;
};

// A key as created: the only time its secret is seen.
struct CreatedApiKey {
    ApiKey key;
    QString secret;
};

// Personal keys act as their owner, service keys are an identity of their own; either acts with at
// most the scopes it was given, and never with more than the user who made it holds now (a key made
// from the console or the command line answers to no user). Keys are "kw_" + 256 random bits,
// stored as SHA-256 hashes. Making a key is a credential change: a signed-in session, never a key,
// and the current password unless the session is fresh (LockoutService::reauthenticate).
class ApiKeyService {
public:
    ApiKeyService(Database &db, const Clock &clock, AuditService &audit, RoleService &roles, LockoutService &lockout);
    ~ApiKeyService();

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
    // What the maker of `key` may do now; `depth` bounds a chain of keys made by keys.
    QSet<QString> makerPermissions(const ApiKey &key, int depth = 0);

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    RoleService &m_roles;
    LockoutService &m_lockout;
    std::unique_ptr<ApiKeyRepository> m_repo;

    // last_used_at is written at most once a minute per key: using a key must not mean a write.
    QMutex m_touchMutex;
    QHash<QString, qint64> m_touched;
};

} // namespace keyward
