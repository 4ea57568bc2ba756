#include "oauth_service.h"

#include "auth_service.h"
#include "core/clock.h"
#include "core/field_reader.h"
#include "crypto/digest.h"
#include "crypto/jwt.h"
#include "crypto/signing_key.h"
#include "key_service.h"
#include "settings_service.h"
#include "store/oauth_client_repository.h"
#include "store/session_repository.h"
#include "store/write_transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace keyward {

namespace {

const QString AccessTokenType = QStringLiteral("at+jwt");

// What a failed authentication says of the client it named: the id when it has the form of one
// (anything else could be a secret sent in the wrong field, or text forging a log line).
QString namedClient(const QString &clientId)
{
    static const QRegularExpression uuid(QRegularExpression::anchoredPattern(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));
    return uuid.match(clientId).hasMatch() ? clientId : QStringLiteral("(not a client id)");
}

} // namespace

OAuthService::OAuthService(Database &db, const Clock &clock, AuditService &audit, KeyService &keys,
                           SettingsService &settings, AuthService &auth)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_keys(keys)
    , m_settings(settings)
    , m_auth(auth)
    , m_clients(std::make_unique<OAuthClientRepository>(db))
    , m_sessions(std::make_unique<SessionRepository>(db))
{
}

OAuthService::~OAuthService() = default;

ApiError OAuthService::error(int status, const char *code, const QString &description)
{
    const QString slug = QString::fromLatin1(code);
    return ApiError(status, slug, slug, description);
}

Result<OAuthClient> OAuthService::authenticateClient(const Principal &caller, const ClientAuthentication &auth,
                                                     const std::function<std::optional<ApiError>()> &chargeFailure)
{
    const auto invalidClient = [&]() -> ApiError {
        if (chargeFailure)
            if (auto refused = chargeFailure())
                return *refused;
        return error(401, "invalid_client", QStringLiteral("Client authentication failed."));
    };
    // A request naming no client at all is not worth an audit event (nor the writes an anonymous
    // flood of them would cost).
    if (auth.clientId.isEmpty())
        return invalidClient();
    const auto refuse = [&](const QString &reason, const QString &clientId) -> Result<OAuthClient> {
        const ApiError refusal = invalidClient();
        if (refusal.status() != 401)
            return refusal; // past the caller's budget: answered, not recorded
        (void)m_audit.record(
            caller, {QStringLiteral("oauth2.client.authenticate"),
                     QStringLiteral("oauth_client"),
                     clientId,
                     QStringLiteral("failure"),
                     {{QStringLiteral("reason"), reason}, {QStringLiteral("client_id"), namedClient(auth.clientId)}}});
        return refusal;
    };
    // An unknown client and a wrong secret cost the same (one lookup, one digest) and answer the same.
    QByteArray stored;
    auto client = m_clients->find(auth.clientId, &stored);
    if (!client && client.error().status() != 404)
        return client.error();
    const QByteArray presented = crypto::sha256(auth.secret.toUtf8());
    if (stored.isEmpty())
        stored = QByteArray(presented.size(), '\0');
    const bool secretMatches = crypto::constantTimeEquals(presented, stored) && !auth.secret.isEmpty();
    if (!client)
        return refuse(QStringLiteral("unknown_client"), QString());
    if (client->authMethod != auth.method)
        return refuse(QStringLiteral("wrong_method"), client->id);
    if (auth.method == QLatin1String("private_key_jwt")) {
        if (const QString problem = assertionProblem(*client, auth); !problem.isEmpty())
            return refuse(problem, client->id);
    } else if (auth.method != QLatin1String("none") && !secretMatches) {
        return refuse(QStringLiteral("wrong_secret"), client->id);
    }
    return *client;
}

QString OAuthService::assertionProblem(const OAuthClient &client, const ClientAuthentication &auth)
{
    const auto jwt = crypto::decodeJwt(auth.assertion.toLatin1());
    if (!jwt)
        return QStringLiteral("assertion_malformed");
    const QString kid = jwt->header.value(QStringLiteral("kid")).toString();
    bool signedByClient = false;
    const QJsonArray keys =
        QJsonDocument::fromJson(client.jwks.toUtf8()).object().value(QStringLiteral("keys")).toArray();
    for (const QJsonValue &k : keys) {
        if (!kid.isEmpty() && k.toObject().value(QStringLiteral("kid")).toString() != kid)
            continue;
        // Registration refused weak keys (SigningKey::weakPublicJwk); that check is not run again
        // on every assertion (OpenSSL's RSA check tests the modulus for primality).
        const auto key = crypto::SigningKey::fromJwk(k.toObject());
        if (key && crypto::verifyJwtSignature(*jwt, *key)) {
            signedByClient = true;
            break;
        }
    }
    if (!signedByClient)
        return QStringLiteral("assertion_signature");
    const QJsonObject &c = jwt->claims;
    const QString issuer = m_auth.issuer();
    const QStringList audiences = c.value(QStringLiteral("aud")).isArray()
                                      ? c.value(QStringLiteral("aud")).toVariant().toStringList()
                                      : QStringList{c.value(QStringLiteral("aud")).toString()};
    const bool forUs = audiences.contains(issuer) || audiences.contains(issuer + QStringLiteral("/oauth2/token")) ||
                       audiences.contains(auth.endpoint);
    const qint64 now = m_clock.nowSeconds();
    const auto exp = FieldReader::wholeNumber(c.value(QStringLiteral("exp")));
    const QString jti = c.value(QStringLiteral("jti")).toString();
    // RFC 7523 §3: the client is issuer and subject, the audience is this server, and it expires;
    // an assertion good for more than an hour would be a long-lived password.
    if (c.value(QStringLiteral("iss")).toString() != client.id ||
        c.value(QStringLiteral("sub")).toString() != client.id || !forUs || !exp || *exp <= now || *exp > now + 3600 ||
        jti.isEmpty() || jti.size() > 200)
        return QStringLiteral("assertion_claims");
    // Spent assertions are kept, like revoked tokens, until they would have expired anyway.
    auto fresh = m_sessions->spendOnce(QStringLiteral("assertion:") + client.id + QLatin1Char(':') + jti, *exp * 1000);
    if (!fresh || !*fresh)
        return QStringLiteral("assertion_replayed");
    return {};
}

Result<ClientAccessToken> OAuthService::clientCredentials(const Principal &caller, const OAuthClient &client,
                                                          const std::optional<QString> &scope)
{
    if (!client.grantTypes.contains(QLatin1String("client_credentials")))
        return error(400, "unauthorized_client",
                     QStringLiteral("This client may not use the client_credentials grant."));
    // The scopes Keyward offers are about a signed-in user; a client acting for itself has none of them.
    if (scope && !scope->trimmed().isEmpty())
        return error(400, "invalid_scope",
                     QStringLiteral("A client acting for itself is given no user scopes; ask for none."));
    auto signer = m_keys.signer();
    if (!signer)
        return signer.error();
    const qint64 iat = m_clock.nowSeconds();
    const qint64 ttl = client.accessTokenTtl ? client.accessTokenTtl : m_settings.current().accessTtlSeconds;
    const QString jti = crypto::randomToken(16);
    const QJsonObject claims{
        {QStringLiteral("iss"), m_auth.issuer()},
        {QStringLiteral("sub"), client.id},
        {QStringLiteral("aud"), client.id},
        {QStringLiteral("client_id"), client.id},
        {QStringLiteral("iat"), iat},
        {QStringLiteral("nbf"), iat},
        {QStringLiteral("exp"), iat + ttl},
        {QStringLiteral("jti"), jti},
        {QStringLiteral("scope"), QString()},
    };
    ClientAccessToken t;
    t.accessToken = QString::fromLatin1(crypto::signJwt(claims, signer->key, signer->kid, AccessTokenType));
    if (t.accessToken.isEmpty())
        return ApiError::internal();
    t.expiresIn = ttl;
    auto recorded = m_audit.record(
        caller, {QStringLiteral("oauth2.token"),
                 QStringLiteral("oauth_client"),
                 client.id,
                 QStringLiteral("success"),
                 {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}, {QStringLiteral("jti"), jti}}});
    if (!recorded)
        return recorded.error(); // no token without its audit event
    return t;
}

std::optional<TokenIntrospection> OAuthService::ownToken(const OAuthClient &client, const QString &token)
{
    const auto jwt = crypto::decodeJwt(token.toLatin1());
    if (!jwt || jwt->header.value(QStringLiteral("typ")).toString() != AccessTokenType)
        return std::nullopt;
    const auto key = m_keys.verificationKey(jwt->header.value(QStringLiteral("kid")).toString());
    if (!key || !crypto::verifyJwtSignature(*jwt, *key))
        return std::nullopt;
    const QJsonObject &c = jwt->claims;
    TokenIntrospection t;
    t.clientId = c.value(QStringLiteral("client_id")).toString();
    t.subject = c.value(QStringLiteral("sub")).toString();
    t.scope = c.value(QStringLiteral("scope")).toString();
    t.tokenId = c.value(QStringLiteral("jti")).toString();
    t.issuer = c.value(QStringLiteral("iss")).toString();
    t.issuedAt = c.value(QStringLiteral("iat")).toInteger();
    t.expiresAt = c.value(QStringLiteral("exp")).toInteger();
    if (t.issuer != m_auth.issuer() || t.clientId != client.id || t.tokenId.isEmpty())
        return std::nullopt;
    return t;
}

TokenIntrospection OAuthService::introspect(const OAuthClient &client, const QString &token)
{
    // RFC 7662 §2.1: the caller must be authorised; a public client proves nothing but its id.
    if (client.authMethod == QLatin1String("none"))
        return {};
    auto t = ownToken(client, token);
    if (!t || t->expiresAt <= m_clock.nowSeconds())
        return {};
    auto revoked = m_sessions->isTokenRevoked(t->tokenId);
    if (!revoked || *revoked)
        return {}; // a token whose state cannot be read is not vouched for
    t->active = true;
    return *t;
}

Status OAuthService::revoke(const Principal &caller, const OAuthClient &client, const QString &token)
{
    const auto t = ownToken(client, token);
    if (!t || t->expiresAt <= m_clock.nowSeconds())
        return success();
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_sessions->revokeToken(t->tokenId, t->expiresAt * 1000); !r)
            return r;
        return m_audit.append(caller, {QStringLiteral("oauth2.revoke"),
                                       QStringLiteral("oauth_client"),
                                       client.id,
                                       QStringLiteral("success"),
                                       {{QStringLiteral("jti"), t->tokenId}}});
    });
}

} // namespace keyward
