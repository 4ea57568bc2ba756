#include "user_json.h"

#include "core/clock.h"
#include "validation.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace keyward {

void writeUserJson(JsonWriter &out, const User &user, qint64 nowMs)
{
    const auto time = [&out](const char *key, qint64 ms) {
        out.key(key);
        if (ms)
            out.time(ms);
        else
            out.null();
    };
    out.beginObject();
    out.key("id").value(user.id);
    out.key("username").value(user.username);
    out.key("email").value(user.email);
    out.key("email_verified").value(user.emailVerified);
    out.key("display_name").valueOrNull(user.displayName);
    out.key("status").value(User::statusName(user.status));
    time("locked_until", user.lockedUntil > nowMs ? user.lockedUntil : 0);
    out.key("roles").beginArray();
    for (const QString &role : user.roles)
        out.value(role);
    out.endArray();
    out.key("mfa_enabled").value(user.mfaEnabled);
    out.key("passkey_sign_in")
        .value(user.passkeysAlone ? QStringLiteral("passwordless") : QStringLiteral("second_factor"));
    out.key("require_password_change").value(user.requirePasswordChange);
    out.key("created_at").time(user.createdAt);
    out.key("updated_at").time(user.updatedAt);
    time("last_login_at", user.lastLoginAt);
    time("password_changed_at", user.passwordChangedAt);
    time("deleted_at", user.deletedAt);
    out.key("attributes").beginObject();
    for (auto it = user.attributes.cbegin(); it != user.attributes.cend(); ++it)
        out.key(it.key()).value(it.value());
    out.endObject();
    out.endObject();
}

QByteArray userJsonBytes(const User &user, qint64 nowMs)
{
    JsonWriter out;
    writeUserJson(out, user, nowMs);
    return out.take();
}

qint64 userJsonValidUntil(const User &user, qint64 nowMs)
{
    return user.lockedUntil > nowMs ? user.lockedUntil : std::numeric_limits<qint64>::max();
}

QByteArray userPageJson(const UserPage &page, qint64 nowMs)
{
    // A page of users is the response served most after /me: written straight into bytes.
    JsonWriter out(1024 + 512 * page.items.size());
    out.beginObject().key("items").beginArray();
    for (const User &u : page.items)
        writeUserJson(out, u, nowMs);
    out.endArray();
    const auto cursor = [&out](const char *key, const QString &value) {
        out.key(key);
        if (value.isEmpty())
            out.null();
        else
            out.value(value);
    };
    cursor("next_cursor", page.nextCursor);
    cursor("prev_cursor", page.prevCursor);
    out.key("total").value(page.total);
    out.key("total_exact").value(page.totalExact);
    out.endObject();
    return out.take();
}

QJsonObject userJson(const User &user, qint64 nowMs)
{
    return QJsonDocument::fromJson(userJsonBytes(user, nowMs)).object();
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
