#pragma once

#include "audit_service.h"
#include "core/passkey.h"
#include "core/principal.h"
#include "core/result.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace keyward {

class AuthService;
class Clock;
class Database;
class LockoutService;
class PasskeyRepository;
class RoleService;
class SettingsService;
class UserRepository;
struct IssuedTokens;

// Passkeys (WebAuthn Level 2): registration by a signed-in user, and sign-in without a password.
// The relying party is `passkeys.rp_id` (default: the issuer's host) and the ceremonies may run
// on `passkeys.origins` (default: the issuer's origin). Credentials must be discoverable and
// verify their user (a PIN or biometric): a passkey alone is then two factors. Attestation `none`
// and `packed` are accepted, without a trust chain. A signature counter that does not grow is a
// cloned authenticator: refused and audited. Challenges are single-use and last five minutes.
class PasskeyService {
public:
    static constexpr qint64 ChallengeMs = 300'000;

    // `handleKey` derives each user's WebAuthn user handle: stable, and saying nothing of the user.
    PasskeyService(Database &db, const Clock &clock, AuditService &audit, SettingsService &settings, AuthService &auth,
                   LockoutService &lockout, RoleService &roles, QByteArray handleKey);
    ~PasskeyService();

    // PublicKeyCredentialCreationOptions (as JSON for the browser) for the signed-in user.
    // A credential change: a session, and the current password unless the session is fresh.
    Result<QJsonObject> registrationOptions(const Principal &me, const std::optional<QString> &currentPassword);
    // The browser's RegistrationResponseJSON for those options; the new passkey. `parseErrors`: what
    // the request's body got wrong, reported once the caller may register at all.
    Result<Passkey> registerPasskey(const Principal &me, const QJsonObject &credential, const QString &name,
                                    const QList<FieldError> &parseErrors = {});
    Result<QList<Passkey>> listOwn(const Principal &me);
    Result<Passkey> rename(const Principal &me, const QString &id, const QString &name,
                           const QList<FieldError> &parseErrors = {});
    Status remove(const Principal &me, const QString &id, const std::optional<QString> &currentPassword);
    // The user's choice: passkeys sign in alone ("passwordless") or only after the password
    // ("second_factor"). As a credential change, like enrolling or disabling TOTP.
    Result<QString> setSignInMode(const Principal &me, const QString &mode,
                                  const std::optional<QString> &currentPassword, const QList<FieldError> &parseErrors);

    // Another user's passkeys, as an administrator sees them (users:read).
    Result<QList<Passkey>> listOfUser(const Principal &actor, const QString &userId);
    // An administrator removes one (users:write; on an account the actor may act on, never its own,
    // which self-service changes).
    Status removeOfUser(const Principal &actor, const QString &userId, const QString &id);

    // PublicKeyCredentialRequestOptions for a sign-in that names nobody: the authenticator offers
    // the passkeys it holds for this relying party.
    Result<QJsonObject> signInOptions(const Principal &client);
    // The browser's AuthenticationResponseJSON: the tokens of a login; a session of `holder` (see
    // AuthService::login). Only for accounts whose passkeys sign in alone.
    Result<IssuedTokens> signIn(const Principal &client, const QJsonObject &credential, const QString &holder = {});

    // A passkey as the second factor after the password: options naming the passkeys of the user an
    // mfa_token (of `holder`'s sign-in) is for, and the assertion that completes that sign-in.
    Result<QJsonObject> secondFactorOptions(const QString &mfaToken, const QString &holder = {});
    Result<IssuedTokens> completeSecondFactor(const Principal &client, const QString &mfaToken,
                                              const QJsonObject &credential, const QString &holder = {});

    // The user handle of `userId` (WebAuthn's user.id): 16 bytes of HMAC.
    QByteArray userHandle(const QString &userId) const;

private:
    struct RelyingParty {
        QString id;
        QStringList origins;
    };
    RelyingParty relyingParty() const;
    // A challenge for `userId`'s ceremony, answered only where it was handed out (`boundTo`).
    Result<QByteArray> newChallenge(const QString &purpose, const QString &userId, const QString &boundTo);
    // The client data of a ceremony, checked: its type, origin and challenge (spent here); the user
    // the challenge was for.
    struct ClientData {
        QByteArray hash;
        QString challengeUser;
    };
    Result<ClientData> checkClientData(const QByteArray &json, const QString &type, const QString &purpose,
                                       const QString &boundTo);
    // Request options with a fresh challenge: for a sign-in that names nobody (`userId` empty), or
    // for `userId`'s second factor.
    Result<QJsonObject> requestOptions(const QString &userId, const QString &boundTo);
    // An assertion for those options, checked and its counter moved on: the passkey used. A refusal
    // names whose passkey it was and why (for the audit), a 422 saying why to the client.
    struct Refusal {
        QString userId;
        QString reason;
    };
    Result<Passkey> checkAssertion(const Principal &client, const QJsonObject &credential, const QString &userId,
                                   const QString &boundTo, Refusal &refusal);

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    SettingsService &m_settings;
    AuthService &m_auth;
    LockoutService &m_lockout;
    RoleService &m_roles;
    QByteArray m_handleKey;
    std::unique_ptr<PasskeyRepository> m_repo;
    std::unique_ptr<UserRepository> m_users;
};

} // namespace keyward
