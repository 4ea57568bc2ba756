#include "resource_json.h"

#include "core/clock.h"
#include "user_json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace keyward {

namespace {

QJsonValue optionalTime(qint64 ms)
{
    return ms ? QJsonValue(formatTime(ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject roleJson(const Role &role)
{
    return QJsonObject{
        {QStringLiteral("name"), role.name},
        {QStringLiteral("description"), role.description},
        {QStringLiteral("permissions"), QJsonArray::fromStringList(role.permissions)},
        {QStringLiteral("builtin"), role.builtin},
    };
}

QJsonObject apiKeyJson(const ApiKey &key)
{
    return QJsonObject{{QStringLiteral("id"), key.id},
                       {QStringLiteral("name"), key.name},
                       {QStringLiteral("prefix"), key.prefix},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(key.scopes)},
                       {QStringLiteral("created_at"), formatTime(key.createdAt)},
                       {QStringLiteral("expires_at"), optionalTime(key.expiresAt)},
                       {QStringLiteral("last_used_at"), optionalTime(key.lastUsedAt)}};
}

QJsonObject createdApiKeyJson(const CreatedApiKey &created)
{
    QJsonObject o = apiKeyJson(created.key);
    o.insert(QStringLiteral("key"), created.secret);
    return o;
}

QJsonObject oauthClientJson(const OAuthClient &c)
{
    return QJsonObject{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("type"), c.type},
        {QStringLiteral("token_endpoint_auth_method"), c.authMethod},
        {QStringLiteral("redirect_uris"), QJsonArray::fromStringList(c.redirectUris)},
        {QStringLiteral("post_logout_redirect_uris"), QJsonArray::fromStringList(c.postLogoutRedirectUris)},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(c.scopes)},
        {QStringLiteral("grant_types"), QJsonArray::fromStringList(c.grantTypes)},
        {QStringLiteral("first_party"), c.firstParty},
        {QStringLiteral("access_token_ttl"), c.accessTokenTtl},
        {QStringLiteral("refresh_token_ttl"), c.refreshTokenTtl},
        {QStringLiteral("jwks"),
         c.jwks.isEmpty() ? QJsonValue() : QJsonValue(QJsonDocument::fromJson(c.jwks.toUtf8()).object())},
        {QStringLiteral("has_secret"), c.hasSecret},
        {QStringLiteral("created_at"), formatTime(c.createdAt)},
        {QStringLiteral("updated_at"), formatTime(c.updatedAt)},
        {QStringLiteral("version"), c.version},
    };
}

QJsonObject issuedClientSecretJson(const IssuedClientSecret &issued)
{
    QJsonObject o = oauthClientJson(issued.client);
    if (!issued.secret.isEmpty())
        o.insert(QStringLiteral("client_secret"), issued.secret);
    return o;
}

QJsonObject passkeyJson(const Passkey &p)
{
    const QByteArray a = p.aaguid.toHex();
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("aaguid"), a.size() == 32
                                       ? QString::fromLatin1(a.left(8) + '-' + a.mid(8, 4) + '-' + a.mid(12, 4) + '-' +
                                                             a.mid(16, 4) + '-' + a.mid(20))
                                       : QString()},
        {QStringLiteral("attestation"), p.attestation},
        {QStringLiteral("synced"), p.backedUp},
        {QStringLiteral("transports"), QJsonArray::fromStringList(p.transports)},
        {QStringLiteral("created_at"), formatTime(p.createdAt)},
        {QStringLiteral("last_used_at"), p.lastUsedAt ? QJsonValue(formatTime(p.lastUsedAt)) : QJsonValue()},
    };
}

QJsonObject webhookJson(const Webhook &w)
{
    return QJsonObject{
        {QStringLiteral("id"), w.id},
        {QStringLiteral("url"), w.url},
        {QStringLiteral("description"), w.description},
        {QStringLiteral("events"), QJsonArray::fromStringList(w.events)},
        {QStringLiteral("enabled"), w.enabled},
        {QStringLiteral("disabled_reason"), w.disabledReason.isEmpty() ? QJsonValue() : QJsonValue(w.disabledReason)},
        {QStringLiteral("failing_since"), w.failingSince ? QJsonValue(formatTime(w.failingSince)) : QJsonValue()},
        {QStringLiteral("created_at"), formatTime(w.createdAt)},
        {QStringLiteral("updated_at"), formatTime(w.updatedAt)},
        {QStringLiteral("version"), w.version},
    };
}

QJsonObject issuedWebhookSecretJson(const IssuedWebhookSecret &issued)
{
    QJsonObject o = webhookJson(issued.webhook);
    o.insert(QStringLiteral("secret"), issued.secret);
    return o;
}

QJsonObject webhookDeliveryJson(const WebhookDelivery &d)
{
    const auto time = [](qint64 ms) { return ms ? QJsonValue(formatTime(ms)) : QJsonValue(); };
    return QJsonObject{
        {QStringLiteral("id"), QString::number(d.id)},
        {QStringLiteral("event_id"), d.eventId},
        {QStringLiteral("event_type"), d.eventType},
        {QStringLiteral("state"), d.state},
        {QStringLiteral("attempts"), d.attempts},
        {QStringLiteral("next_attempt_at"), d.state == QLatin1String("pending") ? time(d.nextAttemptAt) : QJsonValue()},
        {QStringLiteral("last_attempt_at"), time(d.lastAttemptAt)},
        {QStringLiteral("last_status"), d.lastStatus ? QJsonValue(d.lastStatus) : QJsonValue()},
        {QStringLiteral("last_error"), d.lastError.isEmpty() ? QJsonValue() : QJsonValue(d.lastError)},
        {QStringLiteral("created_at"), formatTime(d.createdAt)},
        {QStringLiteral("finished_at"), time(d.finishedAt)},
    };
}

QJsonObject tokensJson(const IssuedTokens &tokens, qint64 nowMs)
{
    return QJsonObject{{QStringLiteral("access_token"), tokens.accessToken},
                       {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("expires_in"), tokens.expiresIn},
                       {QStringLiteral("refresh_token"), tokens.refreshToken},
                       {QStringLiteral("refresh_expires_in"), tokens.refreshExpiresIn},
                       {QStringLiteral("user"), userJson(tokens.user, nowMs)}};
}

QJsonObject sessionJson(const Session &s, const Principal &viewer)
{
    QJsonObject session{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("created_at"), formatTime(s.createdAt)},
        {QStringLiteral("last_used_at"), formatTime(s.lastUsedAt)},
        {QStringLiteral("expires_at"), formatTime(qMin(s.idleExpiresAt, s.absoluteExpiresAt))},
        {QStringLiteral("ip"), s.ip},
        {QStringLiteral("user_agent"), s.userAgent},
        {QStringLiteral("current"), s.id == viewer.sessionId},
    };
    // Whose it is, when not the REST API's: an application's (its client_id) or the browser's
    // sign-in at the provider's pages.
    if (!s.clientId.isEmpty())
        session.insert(QStringLiteral("client_id"), s.clientId);
    return session;
}

QJsonObject importReportJson(const ImportReport &report)
{
    QJsonArray problems;
    for (const ImportReport::Problem &p : report.errors)
        problems.append(QJsonObject{{QStringLiteral("index"), p.index},
                                    {QStringLiteral("username"), p.username},
                                    {QStringLiteral("message"), p.message}});
    return QJsonObject{{QStringLiteral("created"), report.created},
                       {QStringLiteral("skipped"), report.skipped},
                       {QStringLiteral("errors"), problems},
                       {QStringLiteral("ignored_roles"), QJsonArray::fromStringList(report.ignoredRoles)},
                       {QStringLiteral("dry_run"), report.dryRun}};
}

} // namespace keyward
