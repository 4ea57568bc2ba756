#pragma once

#include "core/result.h"
#include "core/user.h"
#include "database.h"

namespace keyward {

class RoleRepository {
public:
    explicit RoleRepository(Database &db);

    Result<QList<Role>> list();
    Result<Role> find(const QString &name);
    Status insert(const Role &role, qint64 nowMs);
    Status update(const Role &role, qint64 nowMs);
    Status remove(const QString &name);
    // Union of the permissions of these roles (unknown roles contribute nothing).
    Result<QSet<QString>> permissionsOf(const QStringList &roles);

private:
    Database &m_db;
};

} // namespace keyward
