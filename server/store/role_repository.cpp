#include "role_repository.h"

#include "sql_error.h"

namespace keyward {

namespace {

Role readRole(const QSqlQuery &q)
{
    Role r;
    r.name = q.value(0).toString();
    r.description = q.value(1).toString();
    r.permissions = q.value(2).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    r.builtin = q.value(3).toBool();
    return r;
}

const QString SelectRoles = QStringLiteral("SELECT name, description, permissions, builtin FROM roles");

} // namespace

RoleRepository::RoleRepository(Database &db)
    : m_db(db)
{
}

Result<QList<Role>> RoleRepository::list()
{
    QSqlQuery &q = m_db.prepared(SelectRoles + QStringLiteral(" ORDER BY name"));
    if (!m_db.exec(q))
        return sqlFailure(q);
    QList<Role> out;
    while (q.next())
        out.append(readRole(q));
    return out;
}

Result<Role> RoleRepository::find(const QString &name)
{
    QSqlQuery &q = m_db.prepared(SelectRoles + QStringLiteral(" WHERE name = ?"));
    q.addBindValue(name);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No role with this name."));
    Role r = readRole(q);
    q.finish();
    return r;
}

Status RoleRepository::insert(const Role &role, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO roles (name, description, permissions, builtin, "
                                                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(role.name);
    q.addBindValue(notNull(role.description));
    q.addBindValue(joinedNames(role.permissions));
    q.addBindValue(false);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    if (!m_db.exec(q)) {
        if (Database::isUniqueViolation(q.lastError()))
            return ApiError::conflict(
                QStringLiteral("A role with this name exists."),
                {{QStringLiteral("name"), QStringLiteral("taken"), QStringLiteral("This role name is taken.")}});
        return sqlFailure(q);
    }
    return success();
}

Status RoleRepository::update(const Role &role, qint64 nowMs)
{
    return execute(m_db,
                   QStringLiteral("UPDATE roles SET description = ?, permissions = ?, updated_at = ? WHERE name = ?"),
                   {notNull(role.description), joinedNames(role.permissions), nowMs, role.name});
}

Status RoleRepository::remove(const QString &name)
{
    return execute(m_db, QStringLiteral("DELETE FROM roles WHERE name = ? AND builtin = ?"), {name, false});
}

Result<QSet<QString>> RoleRepository::permissionsOf(const QStringList &roles)
{
    auto all = list();
    if (!all)
        return all.error();
    QSet<QString> out;
    for (const Role &r : *all) {
        if (roles.contains(r.name))
            for (const QString &p : r.permissions)
                out.insert(p);
    }
    return out;
}

} // namespace keyward
