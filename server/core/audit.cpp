#include "audit.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace keyward {

QByteArray AuditEvent::canonical() const
{
    QJsonObject o{{QStringLiteral("seq"), QString::number(seq)},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("time"), QString::number(time)},
                  {QStringLiteral("actor_type"), actorType},
                  {QStringLiteral("actor_id"), actorId},
                  {QStringLiteral("action"), action},
                  {QStringLiteral("target_type"), targetType},
                  {QStringLiteral("target_id"), targetId},
                  {QStringLiteral("outcome"), outcome},
                  {QStringLiteral("ip"), ip},
                  {QStringLiteral("user_agent"), userAgent},
                  {QStringLiteral("request_id"), requestId},
                  {QStringLiteral("details"), details}};
    // QJsonObject keeps keys sorted, so the serialisation is deterministic.
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

const QStringList &auditActions()
{
    static const QStringList actions{
        QStringLiteral("access.denied"),
        QStringLiteral("apikey.create"),
        QStringLiteral("apikey.list"),
        QStringLiteral("apikey.revoke"),
        QStringLiteral("audit.prune"),
        QStringLiteral("auth.login"),
        QStringLiteral("auth.login.mfa_required"),
        QStringLiteral("auth.logout"),
        QStringLiteral("auth.logout_all"),
        QStringLiteral("auth.mfa"),
        QStringLiteral("auth.password_reset"),
        QStringLiteral("auth.password_reset.request"),
        QStringLiteral("auth.refresh"),
        QStringLiteral("auth.refresh.reuse"),
        QStringLiteral("backup.created"),
        QStringLiteral("backup.restored"),
        QStringLiteral("me.password.change"),
        QStringLiteral("me.update"),
        QStringLiteral("mfa.reset"),
        QStringLiteral("mfa.totp.confirm"),
        QStringLiteral("mfa.totp.disable"),
        QStringLiteral("mfa.totp.enroll"),
        QStringLiteral("oauth2.authorize"),
        QStringLiteral("oauth2.client.authenticate"),
        QStringLiteral("oauth2.client.create"),
        QStringLiteral("oauth2.client.delete"),
        QStringLiteral("oauth2.client.secret"),
        QStringLiteral("oauth2.client.update"),
        QStringLiteral("oauth2.code.reuse"),
        QStringLiteral("oauth2.logout"),
        QStringLiteral("oauth2.revoke"),
        QStringLiteral("oauth2.token"),
        QStringLiteral("passkey.clone_suspected"),
        QStringLiteral("passkey.register"),
        QStringLiteral("passkey.remove"),
        QStringLiteral("passkey.rename"),
        QStringLiteral("passkey.sign_in_mode"),
        QStringLiteral("role.create"),
        QStringLiteral("role.delete"),
        QStringLiteral("role.update"),
        QStringLiteral("session.list"),
        QStringLiteral("session.revoke"),
        QStringLiteral("session.revoke_all"),
        QStringLiteral("settings.update"),
        QStringLiteral("signing_key.rotate"),
        QStringLiteral("user.create"),
        QStringLiteral("user.delete"),
        QStringLiteral("user.disable_dormant"),
        QStringLiteral("user.email_verified"),
        QStringLiteral("user.import"),
        QStringLiteral("user.password.set"),
        QStringLiteral("user.purge"),
        QStringLiteral("user.register"),
        QStringLiteral("user.restore"),
        QStringLiteral("user.unlock"),
        QStringLiteral("user.update"),
        QStringLiteral("webhook.create"),
        QStringLiteral("webhook.delete"),
        QStringLiteral("webhook.disable"),
        QStringLiteral("webhook.resend"),
        QStringLiteral("webhook.secret"),
        QStringLiteral("webhook.update"),
    };
    return actions;
}

} // namespace keyward
