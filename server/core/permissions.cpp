#include "permissions.h"

namespace keyward::permission {

const QStringList &all()
{
    static const QStringList list{UsersRead,     UsersWrite, UsersDelete, RolesManage,   SessionsManage,
                                  ApiKeysManage, AuditRead,  MetricsRead, SettingsManage};
    return list;
}

bool isKnown(const QString &name)
{
    return all().contains(name);
}

} // namespace keyward::permission
