#pragma once

#include "audit_service.h"
#include "core/principal.h"
#include "core/result.h"
#include "core/session.h"
#include "core/user.h"
#include "crypto/password_hasher.h"
#include "lockout_service.h"
#include "verified_tokens.h"

#include <functional>
#include <memory>

namespace keyward {

class Clock;
class Database;
class KeyService;
struct KeywardMetrics;
class MfaService;
class OneTimeTokenRepository;
class PasskeyRepository;
class RecentUsers;
class RoleService;
class SessionRepository;
class SettingsService;
class UserRepository;

// Who issues tokens for whom: fixed at start. Lifetimes are runtime settings.
struct TokenSettings {
    QString issuer;
    QString audience = QStringLiteral("keyward");
};

struct IssuedTokens {
    QString accessToken;
    qint64 expiresIn = 0; // seconds
    QString refreshToken;
    qint64 refreshExpiresIn = 0;
    User user;
};

// Logins, token refresh with rotation and reuse detection, logout, and the check of every access
// token presented to the API.
class AuthService {
public:
    AuthService(Database &db, const Clock &clock, ChangeFeed &feed, RecentUsers &recent, AuditService &audit,
                RoleService &roles, KeyService &keys, SettingsService &settings, MfaService &mfa,
                LockoutService &lockout, const crypto::PasswordHasher &hasher, TokenSettings tokens,
                KeywardMetrics &metrics);
    ~AuthService();

    // `client` carries the caller's address, user agent and request id. `holder` is whose session it
    // starts (Session::clientId): the REST API's (empty) or the provider's hosted sign-in, whose
    // tokens carry no access token (the browser gets a cookie, not API access).
    Result<IssuedTokens> login(const Principal &client, const QString &login, const QString &password,
                               const QString &holder = {});
    // The second step of an MFA login: the mfa_token from the first answer and a code. Wrong codes
    // count toward the account's lockout on their own (a right password does not forgive them), and
    // one mfa_token dies after three of them.
    Result<IssuedTokens> completeMfa(const Principal &client, const QString &mfaToken, const QString &code,
                                     const QString &holder = {});
    // The same with another second factor: `check` verifies it for the user the token is for and
    // names the method (as authenticationMethods() knows it), or says why not, setting `reason` for
    // the audit (else "invalid_code"). Every refusal counts as a wrong code.
    using SecondFactorCheck = std::function<Result<QString>(const QString &userId, QString &reason)>;
    Result<IssuedTokens> completeMfa(const Principal &client, const QString &mfaToken, const SecondFactorCheck &check,
                                     const QString &holder = {});
    // Whom an mfa_token of `holder`'s sign-in is for, while it is good; nothing is spent.
    Result<QString> mfaTokenUser(const QString &mfaToken, const QString &holder = {});
    // The second factors that may complete the sign-in an mfa_token is for (as mfa_methods says).
    Result<QStringList> mfaMethods(const QString &mfaToken, const QString &holder = {});
    // Whether `user`'s passkeys sign in alone: the policy (passkeys.passwordless) and the user's
    // choice both allow it. Otherwise they serve only as the second factor after the password.
    bool passkeysSignInAlone(const User &user) const;
    // A sign-in a passkey completed (its signature verified, the user verified by the authenticator):
    // a session like a password login's, for an active account. failPasskeySignIn() audits a refused one.
    Result<IssuedTokens> signInWithPasskey(const Principal &client, const QString &userId, const QString &holder = {});
    Status failPasskeySignIn(const Principal &client, const QString &userId, const QString &reason);
    Result<IssuedTokens> refresh(const Principal &client, const QString &refreshToken);

    // A refresh token of a session held by `holder` exchanged for the next one: the session, moved on.
    // A token rotated out before ends its whole session (reuse detection); a token of another
    // holder's session is refused as unknown, and left alone.
    struct Rotation {
        Session session;
        User user;
        QString refreshToken;
    };
    Result<Rotation> rotate(const Principal &client, const QString &refreshToken, const QString &holder);
    Status logout(const Principal &me);
    // Every session of the caller; needs the current password unless this session is fresh.
    Status logoutAll(const Principal &me, const std::optional<QString> &currentPassword);

    // Verifies a bearer token (signature, kid, alg, iss, aud, exp, nbf) and its session, and returns
    // the principal with its current permissions. `context` supplies ip, user agent and request id.
    Result<Principal> authenticate(QByteArrayView accessToken, Principal context);

    // The issuer follows the port actually bound when no public URL is configured; set before serving.
    void setIssuer(const QString &issuer) { m_tokens.issuer = issuer; }
    const QString &issuer() const { return m_tokens.issuer; }

private:
    // The second factors `user` may complete a password login with; none when it needs none.
    Result<QStringList> secondFactors(const User &user);
    Result<IssuedTokens> requireSecondFactor(const Principal &client, const User &user, const QString &upgradedHash,
                                             const QString &holder, const QStringList &methods);
    // A completed login: forgets every failure of the account and ends its lock.
    Result<IssuedTokens> startSession(const Principal &client, User user, const QString &upgradedHash,
                                      const QString &method, const QString &holder);
    Result<IssuedTokens> issue(const User &user, const Session &session, const QString &refreshToken);
    Status failLogin(const Principal &client, const QString &userId, const QString &login, const QString &reason);

    Database &m_db;
    const Clock &m_clock;
    ChangeFeed &m_feed;
    RecentUsers &m_recent;
    AuditService &m_audit;
    RoleService &m_roles;
    KeyService &m_keys;
    SettingsService &m_settings;
    MfaService &m_mfa;
    LockoutService &m_lockout;
    const crypto::PasswordHasher &m_hasher;
    TokenSettings m_tokens;
    KeywardMetrics &m_metrics;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<SessionRepository> m_sessions;
    std::unique_ptr<OneTimeTokenRepository> m_oneTimeTokens;
    std::unique_ptr<PasskeyRepository> m_passkeys;
    VerifiedTokens m_verified;
};

} // namespace keyward
