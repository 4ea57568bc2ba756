#pragma once

#include "audit_service.h"
#include "core/oauth_client.h"
#include "core/principal.h"
#include "core/result.h"

#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

namespace keyward {

class AuthService;
class AuthorizationCodeRepository;
class Clock;
class Database;
class KeyService;
class OAuthClientRepository;
class SessionRepository;
class RecentUsers;
class SettingsService;
struct Session;
struct User;

// How a client said who it is at the token, introspection or revocation endpoint.
struct ClientAuthentication {
    // client_secret_basic (the Authorization header), client_secret_post, private_key_jwt (a signed
    // assertion, RFC 7523), or none
    QString method;
    QString clientId;
    QString secret;
    QString assertion;
    QString endpoint; // the URL called: an assertion may name it as its audience
};

// What the token endpoint answers (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3): an access token,
// and for a user's grant maybe a refresh token and an ID token.
struct ClientTokens {
    QString accessToken;
    qint64 expiresIn = 0;
    QString scope;
    QString refreshToken;
    QString idToken;
};

// What RFC 7662 lets a client learn of a token: inactive unless it is a live token issued to that
// very client, which authenticated with a secret or key, so introspection cannot be used to test
// stolen tokens of other applications.
struct TokenIntrospection {
    bool active = false;
    QString clientId;
    QString subject;
    QString scope;
    QString tokenId;
    QString sessionId; // the user's session with the client; empty for a client's own token
    QString issuer;
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

// The OAuth 2.0 side of the OpenID Connect provider: client authentication (RFC 6749 §2.3) and the
// tokens issued to clients. Its errors are ApiErrors whose slug is the OAuth error code
// (invalid_client, invalid_grant, ...), which the protocol routes send as RFC 6749 §5.2 bodies.
// Access tokens it signs are RFC 9068 JWTs (typ at+jwt) whose audience is the client: the REST API,
// which wants its own audience, refuses them, so no client token reaches the admin API.
class OAuthService {
public:
    OAuthService(Database &db, const Clock &clock, AuditService &audit, KeyService &keys, SettingsService &settings,
                 AuthService &auth, RecentUsers &users);
    ~OAuthService();

    // The client, if it proved it is the client it names, with the method it was registered with.
    // Failures are audited and answer invalid_client, the same for an unknown client and a wrong
    // secret (no client enumeration).
    // `chargeFailure`, when given, is charged each failure first; the error it returns (a 429 once
    // the caller's failures are spent) is answered instead, and not audited.
    Result<OAuthClient> authenticateClient(const Principal &caller, const ClientAuthentication &auth,
                                           const std::function<std::optional<ApiError>()> &chargeFailure = {});
    // `scope`: what the client asks for (absent: everything it may have).
    Result<ClientTokens> clientCredentials(const Principal &caller, const OAuthClient &client,
                                           const std::optional<QString> &scope);
    // The authorization_code grant: the code, once, by the client it was issued to, with the same
    // redirect URI and the PKCE verifier. A code that comes back ends what its first exchange began.
    Result<ClientTokens> exchangeCode(const Principal &caller, const OAuthClient &client, const QString &code,
                                      const QString &redirectUri, const QString &verifier);
    // The refresh_token grant: rotated, with the REST API's reuse detection, only by its client.
    // `scope` may narrow what the new access token carries.
    Result<ClientTokens> refresh(const Principal &caller, const OAuthClient &client, const QString &refreshToken,
                                 const std::optional<QString> &scope);
    TokenIntrospection introspect(const OAuthClient &client, const QString &token);
    // RFC 7009: a token of this client stops working (a refresh token ends its session); anything
    // else is left alone, and either way the answer is the same.
    Status revoke(const Principal &caller, const OAuthClient &client, const QString &token);
    // OpenID Connect Core §5.3: the claims of the user an access token with scope openid stands for,
    // while its session lasts. 401 invalid_token, 403 insufficient_scope.
    Result<QJsonObject> userInfo(const QString &accessToken);
    // The claims `scopes` release of `user` (profile, email, roles), as ID tokens and userinfo give them.
    static QJsonObject userClaims(const User &user, const QStringList &scopes);

    static ApiError error(int status, const char *code, const QString &description);

private:
    // Why `auth.assertion` does not prove it comes from `client`; empty when it does. Each
    // assertion is accepted once.
    QString assertionProblem(const OAuthClient &client, const ClientAuthentication &auth);
    // The claims of an access token this provider signed (at+jwt, its issuer), expired or not;
    // nullopt otherwise.
    std::optional<TokenIntrospection> accessToken(const QString &token);
    // Whether it may still be used: unexpired, not revoked, and a user's token only while the
    // session with its client lasts, for an active user.
    bool isLive(const TokenIntrospection &token);
    // The claims every access token to `client` carries (RFC 9068 §2.2), about `subject` (a user, or
    // the client itself), with the client's lifetime.
    QJsonObject accessClaims(const OAuthClient &client, const QString &subject) const;
    // An access token (and an ID token when `openid` was granted) for a user's session with a client.
    Result<ClientTokens> issue(const OAuthClient &client, const User &user, const Session &session,
                               const QString &refreshToken, const QString &nonce);

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    KeyService &m_keys;
    SettingsService &m_settings;
    AuthService &m_auth;
    RecentUsers &m_users;
    std::unique_ptr<OAuthClientRepository> m_clients;
    std::unique_ptr<SessionRepository> m_sessions;
    std::unique_ptr<AuthorizationCodeRepository> m_codes;
};

} // namespace keyward
