#include "role_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/permissions.h"
#include "store/role_repository.h"
#include "store/user_repository.h"
#include "store/write_transaction.h"
#include "validation.h"

#include <QJsonArray>
#include <QMutexLocker>

namespace keyward {

namespace {
QStringList normalized(QStringList permissions)
{
    permissions.removeDuplicates();
    permissions.sort();
    return permissions;
}

void checkDescription(const QString &description, QList<FieldError> &errors)
{
    if (description.size() > 500)
        errors.append(
            {QStringLiteral("description"), QStringLiteral("too_long"), QStringLiteral("At most 500 characters.")});
}

AuditEntry roleEvent(const QString &action, const Role &role)
{
    return {action,
            QStringLiteral("role"),
            role.name,
            QStringLiteral("success"),
            {{QStringLiteral("permissions"), QJsonArray::fromStringList(role.permissions)}}};
}
} // namespace

RoleService::RoleService(Database &db, const Clock &clock, ChangeFeed &feed, AuditService &audit)
    : m_db(db)
    , m_clock(clock)
    , m_feed(feed)
    , m_audit(audit)
    , m_repo(std::make_unique<RoleRepository>(db))
{
}

RoleService::~RoleService() = default;

Result<QList<Role>> RoleService::list(const Principal &actor)
{
    if (auto e = missing(actor, permission::RolesManage))
        return *e;
    return m_repo->list();
}

Result<Role> RoleService::get(const Principal &actor, const QString &name)
{
    if (auto e = missing(actor, permission::RolesManage))
        return *e;
    return m_repo->find(name);
}

void RoleService::checkPermissions(const Principal &actor, const QStringList &permissions, QList<FieldError> &errors)
{
    for (const QString &p : permissions) {
        if (!permission::isKnown(p)) {
            errors.append({QStringLiteral("permissions"), QStringLiteral("unknown_permission"),
                           QStringLiteral("Unknown permission '%1'.").arg(p)});
            return;
        }
        if (!actor.permissions.contains(p)) {
            errors.append({QStringLiteral("permissions"), QStringLiteral("not_grantable"),
                           QStringLiteral("You cannot grant '%1', which you do not hold.").arg(p)});
            return;
        }
    }
}

Result<Role> RoleService::create(const Principal &actor, const RoleInput &input)
{
    if (auto e = missing(actor, permission::RolesManage))
        return *e;
    QList<FieldError> errors = input.parseErrors;
    validation::roleName(input.name, errors);
    checkDescription(input.description, errors);
    checkPermissions(actor, input.permissions, errors);
    if (!errors.isEmpty())
        return m_audit.noteRefusal(actor, {QStringLiteral("role.create"), QStringLiteral("role"), input.name},
                                   Result<Role>(ApiError::validation(errors)));
    const Role role{input.name, input.description, normalized(input.permissions), false};
    auto r = writeTransaction(m_db, [&]() -> Status {
        if (auto s = m_repo->insert(role, m_clock.nowMs()); !s)
            return s;
        return m_audit.append(actor, roleEvent(QStringLiteral("role.create"), role));
    });
    if (!r)
        return r.error();
    invalidate();
    return role;
}

Result<Role> RoleService::update(const Principal &actor, const QString &name, const RolePatch &patch)
{
    if (auto e = missing(actor, permission::RolesManage))
        return *e;
    QList<FieldError> errors = patch.parseErrors;
    if (patch.description)
        checkDescription(*patch.description, errors);
    if (patch.permissions)
        checkPermissions(actor, *patch.permissions, errors);
    if (!errors.isEmpty())
        return m_audit.noteRefusal(actor, {QStringLiteral("role.update"), QStringLiteral("role"), name},
                                   Result<Role>(ApiError::validation(errors)));
    Role role;
    auto r = writeTransaction(m_db, [&]() -> Status {
        auto found = m_repo->find(name);
        if (!found)
            return found.error();
        if (found->builtin)
            return ApiError::conflict(QStringLiteral("Built-in roles cannot be changed."));
        // Taking a permission away is subject to the grant rule too: no one removes what they could not give.
        if (patch.permissions) {
            QStringList removed;
            for (const QString &p : found->permissions)
                if (!patch.permissions->contains(p))
                    removed << p;
            checkPermissions(actor, removed, errors);
            if (!errors.isEmpty())
                return ApiError::validation(errors);
        }
        role = *found;
        if (patch.description)
            role.description = *patch.description;
        if (patch.permissions)
            role.permissions = normalized(*patch.permissions);
        if (auto s = m_repo->update(role, m_clock.nowMs()); !s)
            return s;
        return m_audit.append(actor, roleEvent(QStringLiteral("role.update"), role));
    });
    if (!r) // stripping a permission the actor does not hold is refused in there
        return m_audit.noteRefusal(actor, {QStringLiteral("role.update"), QStringLiteral("role"), name},
                                   Result<Role>(r.error()));
    invalidate();
    return role;
}

Status RoleService::remove(const Principal &actor, const QString &name)
{
    if (auto e = missing(actor, permission::RolesManage))
        return *e;
    auto r = writeTransaction(m_db, [&]() -> Status {
        auto found = m_repo->find(name);
        if (!found)
            return found.error();
        if (found->builtin)
            return ApiError::conflict(QStringLiteral("Built-in roles cannot be deleted."));
        if (const QString beyond = permission::firstMissing(actor.permissions, found->permissions); !beyond.isEmpty())
            return ApiError::insufficientPrivilege(
                QStringLiteral("You cannot delete this role: it grants '%1', which you do not hold.").arg(beyond));
        if (auto s = m_repo->remove(name); !s)
            return s;
        return m_audit.append(actor, {QStringLiteral("role.delete"), QStringLiteral("role"), name});
    });
    invalidate();
    return m_audit.noteRefusal(actor, {QStringLiteral("role.delete"), QStringLiteral("role"), name}, r);
}

void RoleService::invalidate()
{
    QMutexLocker lock(&m_mutex);
    m_cached = {};
}

QHash<QString, QStringList> RoleService::snapshot(ChangeFeed::Stamp *read)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_feed.isCurrent(m_cached, ChangeFeed::Topic::Roles)) {
            if (read)
                *read = m_cached;
            return m_cache;
        }
    }
    const ChangeFeed::Stamp stamp = m_feed.stamp();
    auto roles = m_repo->list();
    QMutexLocker lock(&m_mutex);
    if (roles) {
        m_cache.clear();
        for (const Role &r : *roles)
            m_cache.insert(r.name, r.permissions);
        m_cached = stamp;
    }
    if (read) // the roles last read, when they cannot be read now: good for this answer only
        *read = roles ? stamp : ChangeFeed::Stamp{};
    return m_cache;
}

QSet<QString> RoleService::permissionsFor(const QStringList &roles, ChangeFeed::Stamp *read)
{
    const auto all = snapshot(read);
    QSet<QString> out;
    for (const QString &role : roles)
        for (const QString &p : all.value(role))
            out.insert(p);
    return out;
}

Status RoleService::mayActOn(const Principal &actor, const User &target)
{
    invalidate(); // a decision about privilege reads the current roles, not a cached view
    const QSet<QString> held = permissionsFor(target.roles);
    const QString beyond = actor.passwordChangeOnly
                               ? QStringLiteral("*")
                               : permission::firstMissing(actor.permissions, QStringList(held.begin(), held.end()));
    if (beyond.isEmpty())
        return success();
    return ApiError::insufficientPrivilege(
        QStringLiteral("You cannot act on this account: it holds '%1', which you do not hold.").arg(beyond));
}

Result<User> RoleService::actOn(const Principal &actor, const QString &id, bool includeDeleted)
{
    if (!isValidId(id))
        return ApiError::notFound(QStringLiteral("No user with this id."));
    UserRepository users(m_db);
    if (auto locked = users.lockRow(id); !locked)
        return locked.error();
    auto found = users.find(id, includeDeleted); // read after the lock: the roles as they are now
    if (!found)
        return found.error();
    if (auto allowed = mayActOn(actor, found->user); !allowed)
        return allowed.error();
    return found->user;
}

void RoleService::checkAssignable(const Principal &actor, const QStringList &roles, QList<FieldError> &errors,
                                  const QString &field)
{
    invalidate(); // assignment decisions read the current roles, not a cached view
    const auto all = snapshot();
    for (const QString &role : roles) {
        if (!all.contains(role)) {
            errors.append({field, QStringLiteral("unknown_role"), QStringLiteral("Unknown role '%1'.").arg(role)});
            return;
        }
        for (const QString &p : all.value(role)) {
            if (!actor.permissions.contains(p)) {
                errors.append(
                    {field, QStringLiteral("not_grantable"),
                     QStringLiteral("You cannot assign '%1': it grants '%2', which you do not hold.").arg(role, p)});
                return;
            }
        }
    }
}

} // namespace keyward
