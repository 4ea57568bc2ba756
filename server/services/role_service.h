#pragma once

#include "audit_service.h"
#include "change_feed.h"
#include "core/principal.h"
#include "core/result.h"
#include "core/user.h"

#include <QHash>
#include <QMutex>

#include <memory>
#include <optional>

namespace keyward {

class Clock;
class Database;
class RoleRepository;

struct RoleInput {
    QString name;
    QString description;
    QStringList permissions;
    QList<FieldError> parseErrors;
};

struct RolePatch {
    std::optional<QString> description;
    std::optional<QStringList> permissions;
    QList<FieldError> parseErrors;
};

// Roles and their permissions. Built-in roles are fixed; custom roles are created, changed and
// deleted by holders of roles:manage, who can only grant permissions they hold themselves.
class RoleService {
public:
    RoleService(Database &db, const Clock &clock, ChangeFeed &feed, AuditService &audit);
    ~RoleService();

    Result<QList<Role>> list(const Principal &actor);
    Result<Role> get(const Principal &actor, const QString &name);
    Result<Role> create(const Principal &actor, const RoleInput &input);
    Result<Role> update(const Principal &actor, const QString &name, const RolePatch &patch);
    Status remove(const Principal &actor, const QString &name);

    // Permissions granted by these roles, from memory while the change feed vouches for it (role
    // changes apply on this node at once, on the others within a second). `read`, when given, is
    // when the roles were read: a stamp never current when they could not be read anew.
    QSet<QString> permissionsFor(const QStringList &roles, ChangeFeed::Stamp *read = nullptr);
    // Who may act on whom: `actor` may change, disable, delete, unlock, reset the credentials of or
    // end the sessions of `target` only when it holds every permission `target` holds, so nobody
    // reaches an account that can do more than they can. 403 insufficient-privilege otherwise.
    Status mayActOn(const Principal &actor, const User &target);
    // The user `id`, when `actor` may act on it (404 when there is none). Inside the caller's write
    // transaction: it holds the user's row until the change lands, so the answer stands till then.
    Result<User> actOn(const Principal &actor, const QString &id, bool includeDeleted = false);
    // Names in `roles` that do not exist, or that grant what `actor` does not hold, as field errors.
    void checkAssignable(const Principal &actor, const QStringList &roles, QList<FieldError> &errors,
                         const QString &field = QStringLiteral("roles"));

private:
    void invalidate();
    QHash<QString, QStringList> snapshot(ChangeFeed::Stamp *read = nullptr);
    void checkPermissions(const Principal &actor, const QStringList &permissions, QList<FieldError> &errors);

    Database &m_db;
    const Clock &m_clock;
    ChangeFeed &m_feed;
    AuditService &m_audit;
    std::unique_ptr<RoleRepository> m_repo;

    QMutex m_mutex;
    QHash<QString, QStringList> m_cache;
    ChangeFeed::Stamp m_cached;
};

} // namespace keyward
