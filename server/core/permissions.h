#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace keyward::permission {

inline const QString UsersRead = QStringLiteral("users:read");
inline const QString UsersWrite = QStringLiteral("users:write");
inline const QString UsersDelete = QStringLiteral("users:delete");
inline const QString RolesManage = QStringLiteral("roles:manage");
inline const QString SessionsManage = QStringLiteral("sessions:manage");
inline const QString ApiKeysManage = QStringLiteral("apikeys:manage");
inline const QString AuditRead = QStringLiteral("audit:read");
inline const QString MetricsRead = QStringLiteral("metrics:read");
inline const QString SettingsManage = QStringLiteral("settings:manage");
inline const QString ClientsManage = QStringLiteral("clients:manage");
inline const QString WebhooksManage = QStringLiteral("webhooks:manage");

const QStringList &all();
bool isKnown(const QString &name);
// The first (by name) of `wanted` that `held` lacks; empty when it holds them all.
QString firstMissing(const QSet<QString> &held, QStringList wanted);

} // namespace keyward::permission
