#include "user.h"

#include "clock.h"

#include <QJsonArray>

namespace keyward {

static QJsonValue optionalTime(qint64 ms)
{
    return ms ? QJsonValue(formatTime(ms)) : QJsonValue(QJsonValue::Null);
}

QString User::statusName(Status status)
{
    return status == Status::Active ? QStringLiteral("active") : QStringLiteral("disabled");
}

std::optional<User::Status> User::statusNamed(const QString &name)
{
    for (const Status status : {Status::Active, Status::Disabled})
        if (name == statusName(status))
            return status;
    return std::nullopt;
}

QJsonObject User::toJson(qint64 nowMs) const
{
    QJsonObject attrs;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        attrs.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("username"), username},
        {QStringLiteral("email"), email},
        {QStringLiteral("email_verified"), emailVerified},
        {QStringLiteral("display_name"), displayName.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(displayName)},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("locked_until"),
         lockedUntil > nowMs ? optionalTime(lockedUntil) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
        {QStringLiteral("mfa_enabled"), mfaEnabled},
        {QStringLiteral("require_password_change"), requirePasswordChange},
        {QStringLiteral("created_at"), formatTime(createdAt)},
        {QStringLiteral("updated_at"), formatTime(updatedAt)},
        {QStringLiteral("last_login_at"), optionalTime(lastLoginAt)},
        {QStringLiteral("password_changed_at"), optionalTime(passwordChangedAt)},
        {QStringLiteral("deleted_at"), optionalTime(deletedAt)},
        {QStringLiteral("attributes"), attrs},
    };
}

QJsonObject Role::toJson() const
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)},
        {QStringLiteral("builtin"), builtin},
    };
}

} // namespace keyward
