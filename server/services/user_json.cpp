#include "user_json.h"

#include "core/clock.h"
#include "validation.h"

#include <QJsonArray>

namespace keyward {

namespace {

QJsonValue optionalTime(qint64 ms)
{
    return ms ? QJsonValue(formatTime(ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject userJson(const User &user, qint64 nowMs)
{
    QJsonObject attrs;
    for (auto it = user.attributes.cbegin(); it != user.attributes.cend(); ++it)
        attrs.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("id"), user.id},
        {QStringLiteral("username"), user.username},
        {QStringLiteral("email"), user.email},
        {QStringLiteral("email_verified"), user.emailVerified},
        {QStringLiteral("display_name"),
         user.displayName.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(user.displayName)},
        {QStringLiteral("status"), User::statusName(user.status)},
        {QStringLiteral("locked_until"),
         user.lockedUntil > nowMs ? optionalTime(user.lockedUntil) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("roles"), QJsonArray::fromStringList(user.roles)},
        {QStringLiteral("mfa_enabled"), user.mfaEnabled},
        {QStringLiteral("require_password_change"), user.requirePasswordChange},
        {QStringLiteral("created_at"), formatTime(user.createdAt)},
        {QStringLiteral("updated_at"), formatTime(user.updatedAt)},
        {QStringLiteral("last_login_at"), optionalTime(user.lastLoginAt)},
        {QStringLiteral("password_changed_at"), optionalTime(user.passwordChangedAt)},
        {QStringLiteral("deleted_at"), optionalTime(user.deletedAt)},
        {QStringLiteral("attributes"), attrs},
    };
}

CreateUserRequest readCreateUserRequest(FieldReader &r, bool adminFields)
{
    CreateUserRequest req;
    QList<FieldError> invalid;
    req.username = r.string(QStringLiteral("username"), FieldReader::Required).value_or(QString());
    req.email = r.string(QStringLiteral("email"), FieldReader::Required).value_or(QString());
    req.password = r.string(QStringLiteral("password")); // registration requires it: a rule, so the service's
    req.displayName = r.string(QStringLiteral("display_name")).value_or(QString());
    if (adminFields) {
        req.roles = r.stringList(QStringLiteral("roles"));
        if (const auto status = r.string(QStringLiteral("status")))
            req.status = validation::status(*status, invalid).value_or(User::Status::Active);
        req.requirePasswordChange = r.boolean(QStringLiteral("require_password_change")).value_or(false);
        req.emailVerified = r.boolean(QStringLiteral("email_verified")).value_or(false);
        req.attributes = r.stringMap(QStringLiteral("attributes")).value_or(QMap<QString, QString>());
    }
    req.parseErrors = r.finish() + invalid;
    return req;
}

UserPatch readUserPatch(FieldReader &reader, bool adminFields)
{
    UserPatch p;
    QList<FieldError> invalid;
    p.email = reader.string(QStringLiteral("email"));
    if (reader.isNull(QStringLiteral("display_name")))
        p.displayName = QString();
    else
        p.displayName = reader.string(QStringLiteral("display_name"));
    if (adminFields) {
        p.username = reader.string(QStringLiteral("username"));
        if (const auto status = reader.string(QStringLiteral("status")))
            p.status = validation::status(*status, invalid);
        p.roles = reader.stringList(QStringLiteral("roles"));
        p.requirePasswordChange = reader.boolean(QStringLiteral("require_password_change"));
        p.emailVerified = reader.boolean(QStringLiteral("email_verified"));
        p.attributes = reader.stringMap(QStringLiteral("attributes"));
    }
    p.parseErrors = reader.finish() + invalid;
    return p;
}

} // namespace keyward
