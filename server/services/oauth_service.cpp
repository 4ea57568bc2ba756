#include "oauth_service.h"

#include "auth_service.h"
#include "core/clock.h"
#include "core/field_reader.h"
#include "core/ids.h"
#include "core/user.h"
#include "crypto/digest.h"
#include "crypto/jwt.h"
#include "crypto/signing_key.h"
#include "key_service.h"
#include "recent_users.h"
#include "settings_service.h"
#include "store/authorization_code_repository.h"
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

// `scope` without what `client` may no longer ask for.
QString grantable(const QString &scope, const OAuthClient &client)
{
    QStringList kept;
    for (const QString &s : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (client.scopes.contains(s))
            kept.append(s);
    return kept.join(QLatin1Char(' '));
}

} // namespace

OAuthService::OAuthService(Database &db, const Clock &clock, AuditService &audit, KeyService &keys,
                           SettingsService &settings, AuthService &auth, RecentUsers &users)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_keys(keys)
    , m_settings(settings)
    , m_auth(auth)
    , m_users(users)
    , m_clients(std::make_unique<OAuthClientRepository>(db))
    , m_sessions(std::make_unique<SessionRepository>(db))
    , m_codes(std::make_unique<AuthorizationCodeRepository>(db))
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

Result<ClientTokens> OAuthService::clientCredentials(const Principal &caller, const OAuthClient &client,
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
    QJsonObject claims = accessClaims(client, client.id);
    claims.insert(QStringLiteral("scope"), QString());
    const QString jti = claims.value(QStringLiteral("jti")).toString();
    ClientTokens t;
    t.accessToken = QString::fromLatin1(crypto::signJwt(claims, signer->key, signer->kid, AccessTokenType));
    if (t.accessToken.isEmpty())
        return ApiError::internal();
    t.expiresIn = claims.value(QStringLiteral("exp")).toInteger() - claims.value(QStringLiteral("iat")).toInteger();
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

Result<ClientTokens> OAuthService::exchangeCode(const Principal &caller, const OAuthClient &client, const QString &code,
                                                const QString &redirectUri, const QString &verifier)
{
    if (!client.grantTypes.contains(QLatin1String("authorization_code")))
        return error(400, "unauthorized_client",
                     QStringLiteral("This client may not use the authorization_code grant."));
    const ApiError invalidGrant = error(400, "invalid_grant", QStringLiteral("The code is invalid or expired."));
    const QByteArray hash = crypto::sha256(code.toLatin1());
    auto found = m_codes->find(hash);
    if (!found)
        return found.error().status() == 404 ? invalidGrant : found.error();
    const qint64 now = m_clock.nowMs();
    const auto refuse = [&](const char *reason) -> ApiError {
        (void)m_audit.record(caller, {QStringLiteral("oauth2.token"),
                                      QStringLiteral("oauth_client"),
                                      client.id,
                                      QStringLiteral("failure"),
                                      {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                       {QStringLiteral("reason"), QString::fromLatin1(reason)}}});
        return invalidGrant;
    };
    // A code used before was intercepted, or is replayed: what its first exchange started ends
    // (RFC 9700 §4.5.3), so that a thief who got there first keeps nothing.
    const auto reused = [&](const QString &sessionId) -> ApiError {
        (void)writeTransaction(m_db, [&]() -> Status {
            if (auto r = m_sessions->revoke(sessionId, QStringLiteral("code_reuse"), now); !r)
                return r;
            return m_audit.append(caller, {QStringLiteral("oauth2.code.reuse"),
                                           QStringLiteral("session"),
                                           sessionId,
                                           QStringLiteral("failure"),
                                           {{QStringLiteral("client_id"), client.id}}});
        });
        return invalidGrant;
    };
    const AuthorizationCode c = *found;
    if (c.clientId != client.id)
        return refuse("other_client");
    if (c.usedAt != 0)
        return reused(c.sessionId);
    if (c.expiresAt <= now)
        return refuse("expired");
    if (c.redirectUri != redirectUri)
        return refuse("redirect_uri");
    // RFC 7636 §4.1: 43 to 128 unreserved characters, whose SHA-256 is the challenge.
    static const QRegularExpression verifierForm(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9._~-]{43,128}")));
    const QByteArray challenge =
        crypto::sha256(verifier.toLatin1()).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!verifierForm.match(verifier).hasMatch() || !crypto::constantTimeEquals(challenge, c.codeChallenge.toLatin1()))
        return refuse("code_verifier");
    auto user = m_users.find(c.userId);
    if (!user || !user->isActive() || user->isDeleted())
        return refuse("user_inactive");
    // The browser's sign-in still stands: a logout, a password change or a revoked session in the
    // code's minute takes the code with it.
    auto browser = m_sessions->find(c.browserSessionId);
    if (!browser || browser->clientId != Session::HostedSignIn || !browser->isLive(now))
        return refuse("signed_out");
    // What the client may still ask for: scopes removed from it since are not granted.
    const QString scope = grantable(c.scope, client);

    const RuntimeSettings settings = m_settings.current();
    Session session;
    session.id = newId(now);
    session.userId = c.userId;
    // Without offline_access it belongs to the browser's sign-in and ends with it.
    const bool offline = scope.split(QLatin1Char(' ')).contains(QLatin1String("offline_access"));
    session.family = offline ? session.id : c.browserSessionId;
    session.createdAt = session.lastUsedAt = now;
    session.absoluteExpiresAt =
        now + (client.refreshTokenTtl ? client.refreshTokenTtl : settings.refreshAbsoluteTtlSeconds) * 1000;
    session.idleExpiresAt = qMin(now + settings.refreshIdleTtlSeconds * 1000, session.absoluteExpiresAt);
    session.ip = caller.ip;
    session.userAgent = caller.userAgent.left(512);
    session.clientId = client.id;
    session.scope = scope;
    session.authTime = c.authTime;
    session.amr = c.amr;
    const QString refreshToken = crypto::randomToken(32);
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_codes->spend(hash, session.id, now); !r)
            return r;
        if (auto r = m_sessions->insert(session, crypto::sha256(refreshToken.toLatin1())); !r)
            return r;
        return m_audit.append(caller, {QStringLiteral("oauth2.token"),
                                       QStringLiteral("oauth_client"),
                                       client.id,
                                       QStringLiteral("success"),
                                       {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                        {QStringLiteral("session_id"), session.id},
                                        {QStringLiteral("user_id"), c.userId}}});
    });
    if (!s) {
        // A concurrent exchange of the same code won: this is the second use.
        if (s.error().status() == 412)
            if (auto winner = m_codes->find(hash))
                return reused(winner->sessionId);
        return s.error();
    }
    const bool refreshable = client.grantTypes.contains(QLatin1String("refresh_token"));
    return issue(client, *user, session, refreshable ? refreshToken : QString(), c.nonce);
}

Result<ClientTokens> OAuthService::refresh(const Principal &caller, const OAuthClient &client,
                                           const QString &refreshToken, const std::optional<QString> &scope)
{
    if (!client.grantTypes.contains(QLatin1String("refresh_token")))
        return error(400, "unauthorized_client", QStringLiteral("This client may not use the refresh_token grant."));
    auto rotated = m_auth.rotate(caller, refreshToken, client.id);
    if (!rotated)
        return rotated.error().status() >= 500
                   ? rotated.error()
                   : error(400, "invalid_grant", QStringLiteral("The refresh token is invalid or expired."));
    Session session = rotated->session;
    session.scope = grantable(session.scope, client);
    if (scope) {
        const QStringList granted = session.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QStringList narrowed = scope->split(QLatin1Char(' '), Qt::SkipEmptyParts);
        narrowed.removeDuplicates();
        for (const QString &s : narrowed)
            if (!granted.contains(s))
                return error(400, "invalid_scope", QStringLiteral("'%1' was not granted.").arg(s.left(40)));
        session.scope = narrowed.join(QLatin1Char(' '));
    }
    return issue(client, rotated->user, session, rotated->refreshToken, {});
}

QJsonObject OAuthService::userClaims(const User &user, const QStringList &scopes)
{
    QJsonObject claims{{QStringLiteral("sub"), user.id}};
    if (scopes.contains(QLatin1String("profile"))) {
        claims.insert(QStringLiteral("preferred_username"), user.username);
        if (!user.displayName.isEmpty())
            claims.insert(QStringLiteral("name"), user.displayName);
        claims.insert(QStringLiteral("updated_at"), user.updatedAt / 1000);
    }
    if (scopes.contains(QLatin1String("email")) && !user.email.isEmpty()) {
        claims.insert(QStringLiteral("email"), user.email);
        claims.insert(QStringLiteral("email_verified"), user.emailVerified);
    }
    if (scopes.contains(QLatin1String("roles")))
        claims.insert(QStringLiteral("roles"), QJsonArray::fromStringList(user.roles));
    return claims;
}

QJsonObject OAuthService::accessClaims(const OAuthClient &client, const QString &subject) const
{
    const qint64 iat = m_clock.nowSeconds();
    const qint64 ttl = client.accessTokenTtl ? client.accessTokenTtl : m_settings.current().accessTtlSeconds;
    return QJsonObject{
        {QStringLiteral("iss"), m_auth.issuer()},
        {QStringLiteral("sub"), subject},
        {QStringLiteral("aud"), client.id},
        {QStringLiteral("client_id"), client.id},
        {QStringLiteral("iat"), iat},
        {QStringLiteral("nbf"), iat},
        {QStringLiteral("exp"), iat + ttl},
        {QStringLiteral("jti"), crypto::randomToken(16)},
    };
}

Result<ClientTokens> OAuthService::issue(const OAuthClient &client, const User &user, const Session &session,
                                         const QString &refreshToken, const QString &nonce)
{
    auto signer = m_keys.signer();
    if (!signer)
        return signer.error();
    const QStringList scopes = session.scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QJsonObject access = accessClaims(client, user.id);
    access.insert(QStringLiteral("sid"), session.id);
    access.insert(QStringLiteral("auth_time"), session.authTime / 1000);
    access.insert(QStringLiteral("scope"), session.scope);
    const qint64 iat = access.value(QStringLiteral("iat")).toInteger();
    const qint64 ttl = access.value(QStringLiteral("exp")).toInteger() - iat;
    ClientTokens t;
    t.accessToken = QString::fromLatin1(crypto::signJwt(access, signer->key, signer->kid, AccessTokenType));
    t.expiresIn = ttl;
    t.scope = session.scope;
    t.refreshToken = refreshToken;
    if (scopes.contains(QLatin1String("openid"))) {
        QJsonObject id = userClaims(user, scopes);
        id.insert(QStringLiteral("iss"), m_auth.issuer());
        id.insert(QStringLiteral("aud"), client.id);
        id.insert(QStringLiteral("azp"), client.id);
        id.insert(QStringLiteral("iat"), iat);
        id.insert(QStringLiteral("exp"), iat + ttl);
        id.insert(QStringLiteral("auth_time"), session.authTime / 1000);
        // The sign-in the user would log out of: the browser's (the session's family), or for an
        // offline grant the grant itself.
        id.insert(QStringLiteral("sid"), session.family);
        id.insert(QStringLiteral("amr"),
                  QJsonArray::fromStringList(session.amr.split(QLatin1Char(' '), Qt::SkipEmptyParts)));
        if (!nonce.isEmpty())
            id.insert(QStringLiteral("nonce"), nonce);
        t.idToken = QString::fromLatin1(crypto::signJwt(id, signer->key, signer->kid));
        if (t.idToken.isEmpty())
            return ApiError::internal();
    }
    if (t.accessToken.isEmpty())
        return ApiError::internal();
    return t;
}

std::optional<TokenIntrospection> OAuthService::accessToken(const QString &token)
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
    t.sessionId = c.value(QStringLiteral("sid")).toString();
    t.issuer = c.value(QStringLiteral("iss")).toString();
    t.issuedAt = c.value(QStringLiteral("iat")).toInteger();
    t.expiresAt = c.value(QStringLiteral("exp")).toInteger();
    if (t.issuer != m_auth.issuer() || t.clientId.isEmpty() || t.tokenId.isEmpty())
        return std::nullopt;
    return t;
}

bool OAuthService::isLive(const TokenIntrospection &t)
{
    if (t.expiresAt <= m_clock.nowSeconds())
        return false;
    if (t.sessionId.isEmpty()) {
        auto revoked = m_sessions->isTokenRevoked(t.tokenId);
        return revoked && !*revoked; // a token whose state cannot be read is not vouched for
    }
    auto access = m_sessions->access(t.sessionId, t.tokenId);
    return access && access->session.isLive(m_clock.nowMs()) && access->userActive && !access->tokenRevoked &&
           access->session.clientId == t.clientId && access->session.userId == t.subject;
}

TokenIntrospection OAuthService::introspect(const OAuthClient &client, const QString &token)
{
    // RFC 7662 §2.1: the caller must be authorised; a public client proves nothing but its id.
    if (client.authMethod == QLatin1String("none"))
        return {};
    auto t = accessToken(token);
    if (!t || t->clientId != client.id || !isLive(*t))
        return {};
    t->active = true;
    return *t;
}

Status OAuthService::revoke(const Principal &caller, const OAuthClient &client, const QString &token)
{
    const auto event = [&](const QString &type, const QString &id) -> AuditEntry {
        return {QStringLiteral("oauth2.revoke"),
                QStringLiteral("oauth_client"),
                client.id,
                QStringLiteral("success"),
                {{type, id}}};
    };
    const qint64 now = m_clock.nowMs();
    if (const auto t = accessToken(token)) {
        if (t->clientId != client.id || t->expiresAt * 1000 <= now)
            return success();
        return writeTransaction(m_db, [&]() -> Status {
            if (auto r = m_sessions->revokeToken(t->tokenId, t->expiresAt * 1000); !r)
                return r;
            return m_audit.append(caller, event(QStringLiteral("jti"), t->tokenId));
        });
    }
    // A refresh token ends its session, when it is this client's.
    auto session = m_sessions->findByRefreshHash(crypto::sha256(token.toLatin1()));
    if (!session || session->clientId != client.id || !session->isLive(now))
        return success();
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_sessions->revoke(session->id, QStringLiteral("revoked_by_client"), now); !r)
            return r;
        return m_audit.append(caller, event(QStringLiteral("session_id"), session->id));
    });
}

Result<QJsonObject> OAuthService::userInfo(const QString &token)
{
    const ApiError invalid = error(401, "invalid_token", QStringLiteral("The access token is invalid or expired."));
    const auto t = accessToken(token);
    if (!t || t->sessionId.isEmpty() || !isLive(*t))
        return invalid;
    const QStringList scopes = t->scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!scopes.contains(QLatin1String("openid")))
        return error(403, "insufficient_scope", QStringLiteral("The token was not granted the openid scope."));
    auto user = m_users.find(t->subject);
    if (!user)
        return user.error().status() == 404 ? invalid : user.error();
    return userClaims(*user, scopes);
}

} // namespace keyward
