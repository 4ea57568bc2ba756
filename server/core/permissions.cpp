#include "permissions.h"

namespace keyward::permission {

const QStringList &all()
{
    static const QStringList list{UsersRead, UsersWrite,  UsersDelete,    RolesManage,   SessionsManage, ApiKeysManage,
                                  AuditRead, MetricsRead, SettingsManage, ClientsManage, WebhooksManage};
    return list;
}

bool isKnown(const QString &name)
{
    return all().contains(name);
}

QString firstMissing(const QSet<QString> &held, QStringList wanted)
{
    wanted.sort(); // the same answer every time
    for (const QString &p : std::as_const(wanted))
        if (!held.contains(p))
            return p;
    return {};
}

} // namespace keyward::permission
