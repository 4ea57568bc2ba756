#include "api_key_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/permissions.h"
#include "crypto/digest.h"
#include "lockout_service.h"
#include "role_service.h"
#include "store/api_key_repository.h"
#include "store/user_repository.h"
#include "store/write_transaction.h"
#include "validation.h"

#include <QJsonArray>
#include <QMutexLocker>

namespace keyward {

namespace {

const QString Prefix = QStringLiteral("kw_");
constexpr qint64 TouchIntervalMs = 60'000;

ApiError invalidKey()
{
    return ApiError::unauthorized(QStringLiteral("The API key is invalid, expired or revoked."));
}

} // namespace

ApiKeyService::ApiKeyService(Database &db, const Clock &clock, AuditService &audit, RoleService &roles,
                             LockoutService &lockout)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_roles(roles)
    , m_lockout(lockout)
    , m_repo(std::make_unique<ApiKeyRepository>(db))
{
}

ApiKeyService::~ApiKeyService() = default;

Result<CreatedApiKey> ApiKeyService::create(const Principal &actor, const QString &kind, const QString &ownerId,
                                            const ApiKeyRequest &r)
{
    const QString action = QStringLiteral("apikey.create");
    if (auto confirmed = m_lockout.reauthenticate(actor, r.currentPassword, action); !confirmed)
        return m_audit.noteRefusal(actor, {action, QStringLiteral("apikey"), QString()},
                                   Result<CreatedApiKey>(confirmed.error()));
    QList<FieldError> errors = r.parseErrors;
    // The name shows in tables, logs and the console: no line break or other control character.
    validation::label(r.name.trimmed(), errors);
    if (r.scopes.isEmpty())
        errors.append({QStringLiteral("scopes"), QStringLiteral("required"),
                       QStringLiteral("Give the key at least one permission; it can do nothing else.")});
    for (const QString &scope : r.scopes) {
        if (!permission::isKnown(scope)) {
            errors.append({QStringLiteral("scopes"), QStringLiteral("unknown_permission"),
                           QStringLiteral("Unknown permission '%1'.").arg(scope)});
            break;
        }
        if (!actor.permissions.contains(scope)) {
            errors.append({QStringLiteral("scopes"), QStringLiteral("not_grantable"),
                           QStringLiteral("You cannot give a key '%1', which you do not hold.").arg(scope)});
            break;
        }
    }
    if (r.expiresAt != 0 && r.expiresAt <= m_clock.nowMs())
        errors.append(
            {QStringLiteral("expires_at"), QStringLiteral("in_the_past"), QStringLiteral("Must be in the future.")});
    if (!errors.isEmpty())
        return m_audit.noteRefusal(actor, {action, QStringLiteral("apikey"), QString()},
                                   Result<CreatedApiKey>(ApiError::validation(errors)));

    CreatedApiKey created;
    created.secret = Prefix + crypto::randomToken(32);
    ApiKey &k = created.key;
    k.createdAt = m_clock.nowMs();
    k.id = newId(k.createdAt);
    k.kind = kind;
    k.ownerId = ownerId;
    k.name = r.name.trimmed();
    k.prefix = created.secret.left(Prefix.size() + 8);
    k.scopes = r.scopes;
    k.scopes.removeDuplicates();
    k.scopes.sort();
    k.createdBy = actor.id;
    k.createdByType = actor.isUser() ? QStringLiteral("user") : QStringLiteral("system");
    k.expiresAt = r.expiresAt;
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto i = m_repo->insert(k, crypto::sha256(created.secret.toLatin1())); !i)
            return i;
        return m_audit.append(actor, {QStringLiteral("apikey.create"),
                                      QStringLiteral("apikey"),
                                      k.id,
                                      QStringLiteral("success"),
                                      {{QStringLiteral("kind"), kind},
                                       {QStringLiteral("prefix"), k.prefix},
                                       {QStringLiteral("scopes"), QJsonArray::fromStringList(k.scopes)}}});
    });
    if (!s)
        return s.error();
    return created;
}

Result<CreatedApiKey> ApiKeyService::createPersonal(const Principal &me, const ApiKeyRequest &request)
{
    // A key is refused by create() as not being a session; the console and command line own no account.
    if (!me.isUser() && !me.viaApiKey())
        return ApiError::forbidden(QStringLiteral("Only users have personal API keys."));
    return create(me, QStringLiteral("personal"), me.id, request);
}

Result<QList<ApiKey>> ApiKeyService::listPersonal(const Principal &me)
{
    if (auto session = requireSession(me); !session)
        return m_audit.noteRefusal(me, {QStringLiteral("apikey.list"), QStringLiteral("user"), me.id},
                                   Result<QList<ApiKey>>(session.error()));
    return m_repo->list(QStringLiteral("personal"), me.id);
}

Status ApiKeyService::revokePersonal(const Principal &me, const QString &id)
{
    if (auto session = requireSession(me); !session)
        return m_audit.noteRefusal(me, {QStringLiteral("apikey.revoke"), QStringLiteral("apikey"), id}, session);
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_repo->revoke(id, QStringLiteral("personal"), me.id, m_clock.nowMs()); !r)
            return r;
        return m_audit.append(me, {QStringLiteral("apikey.revoke"), QStringLiteral("apikey"), id});
    });
}

Result<CreatedApiKey> ApiKeyService::createService(const Principal &actor, const ApiKeyRequest &request)
{
    if (auto e = missing(actor, permission::ApiKeysManage))
        return *e;
    return create(actor, QStringLiteral("service"), {}, request);
}

Result<QList<ApiKey>> ApiKeyService::listService(const Principal &actor)
{
    if (auto e = missing(actor, permission::ApiKeysManage))
        return *e;
    return m_repo->list(QStringLiteral("service"));
}

Status ApiKeyService::revokeService(const Principal &actor, const QString &id)
{
    if (auto e = missing(actor, permission::ApiKeysManage))
        return *e;
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_repo->revoke(id, QStringLiteral("service"), {}, m_clock.nowMs()); !r)
            return r;
        return m_audit.append(actor, {QStringLiteral("apikey.revoke"), QStringLiteral("apikey"), id});
    });
}

QSet<QString> ApiKeyService::makerPermissions(const ApiKey &key, int depth)
{
    if (key.createdByType == QLatin1String("user")) {
        auto maker = UserRepository(m_db).find(key.createdBy);
        if (!maker || !maker->user.isActive())
            return {}; // its maker left: the key is worth nothing until someone who stays replaces it
        return m_roles.permissionsFor(maker->user.roles);
    }
    if (key.createdByType == QLatin1String("apikey")) {
        auto maker = m_repo->find(key.createdBy);
        if (depth >= 4 || !maker || !maker->isLive(m_clock.nowMs()))
            return {};
        const QSet<QString> makerScopes(maker->scopes.begin(), maker->scopes.end());
        return makerScopes & makerPermissions(*maker, depth + 1);
    }
    const QStringList &all = permission::all();
    return QSet<QString>(all.begin(), all.end());
}

Result<Principal> ApiKeyService::authenticate(QByteArrayView key, Principal context)
{
    if (!key.startsWith(Prefix.toLatin1()) || key.size() != Prefix.size() + 43)
        return invalidKey();
    auto found = m_repo->findByHash(crypto::sha256(key));
    if (!found)
        return found.error().status() == 404 ? invalidKey() : found.error();
    const ApiKey &k = *found;
    const qint64 now = m_clock.nowMs();
    if (!k.isLive(now))
        return invalidKey();
    const QSet<QString> scopes(k.scopes.begin(), k.scopes.end());
    context.apiKeyId = k.id;
    if (k.kind == QLatin1String("personal")) {
        auto owner = UserRepository(m_db).find(k.ownerId);
        if (!owner || !owner->user.isActive())
            return invalidKey();
        context.type = Principal::Type::User;
        context.id = k.ownerId;
    } else {
        context.type = Principal::Type::ApiKey;
        context.id = k.id;
    }
    context.permissions = scopes & makerPermissions(k);
    bool touch = false;
    {
        QMutexLocker lock(&m_touchMutex);
        qint64 &last = m_touched[k.id];
        last = qMax(last, k.lastUsedAt);
        if (now - last >= TouchIntervalMs) {
            last = now;
            touch = true;
        }
    }
    if (touch)
        (void)m_repo->touch(k.id, now);
    return context;
}

} // namespace keyward
