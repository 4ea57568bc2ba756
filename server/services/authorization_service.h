#pragma once

#include "audit_service.h"
#include "core/oauth_client.h"
#include "core/principal.h"
#include "core/result.h"
#include "core/session.h"
#include "core/user.h"

#include <QHash>

#include <memory>
#include <optional>

namespace keyward {

class AuthorizationCodeRepository;
class Clock;
class Database;
class KeyService;
class OAuthClientRepository;
class RecentUsers;
class SessionRepository;
class SettingsService;

// A request to the authorization endpoint, checked (OpenID Connect Core §3.1.2.1, RFC 7636, RFC
// 9700): a known client, one of its redirect URIs exactly, the code response type, scopes it may
// ask for, and a PKCE S256 challenge.
struct AuthorizationRequest {
    OAuthClient client;
    QString redirectUri;
    QString state;
    QString nonce;
    QStringList scopes;
    QString codeChallenge;
    QStringList prompt; // none | login | consent
    std::optional<qint64> maxAgeSeconds;
    QString loginHint;
    // Whom the application's id_token_hint names (set by the caller, who knows the issuer): a
    // browser signed in as anyone else must sign in again.
    std::optional<QString> hintedSubject;
};

// An authorization request refused. Until the client and its redirect URI are known good the user
// is shown why (RFC 6749 §4.1.2.1: never redirect to an unchecked URI); after that the client is
// told at its redirect URI.
struct AuthorizationRefusal {
    bool toClient = false;
    QString error; // the OAuth error code
    QString description;
    QString redirectUri;
    QString state;
};

struct AuthorizationCheck {
    std::optional<AuthorizationRequest> request; // set when it may go on
    AuthorizationRefusal refusal;                // otherwise
};

// A browser signed in at the provider's hosted pages: its session (held by Session::HostedSignIn,
// the cookie being its token) and the user.
struct BrowserSignIn {
    Session session;
    User user;
    // The user acting through this browser on the hosted pages (a change of their own, such as
    // adding a passkey), with `client`'s address and request id.
    Principal actor(const Principal &client) const;
};

// What the browser sees next for a checked request.
enum class AuthorizationStep {
    SignIn,                 // the sign-in page
    Consent,                // the consent page
    Issue,                  // a code, at the client's redirect URI
    LoginRequired,          // prompt=none, but nobody (or somebody else) is signed in
    ConsentRequired,        // prompt=none, but the user must be asked
    InteractionRequired,    // prompt=none, but the user must change the password first
    PasswordChangeRequired, // the user must change the password before signing in anywhere
};

// The browser side of the OpenID Connect provider: authorization requests, the provider's own
// sign-in session, codes, and RP-initiated logout. Sign-in itself is AuthService's, with the same
// lockout, MFA and audit as the REST API's.
class AuthorizationService {
public:
    using Parameters = QHash<QString, QString>;

    AuthorizationService(Database &db, const Clock &clock, AuditService &audit, KeyService &keys,
                         SettingsService &settings, RecentUsers &users);
    ~AuthorizationService();

    AuthorizationCheck check(const Parameters &parameters);
    // The live sign-in whose cookie this is, of an active user; nullopt otherwise. Its use moves
    // its idle expiry on.
    std::optional<BrowserSignIn> signedIn(const QString &cookie);
    // `signedInNow`: the user proved who they are in this very request (prompt=login and max_age
    // are then met); `consented`: the user has just agreed on the consent page.
    AuthorizationStep next(const AuthorizationRequest &request, const std::optional<BrowserSignIn> &browser,
                           bool signedInNow, bool consented) const;
    // A code for `request`, good once for a minute; audited.
    Result<QString> issueCode(const Principal &caller, const AuthorizationRequest &request,
                              const BrowserSignIn &browser);
    // The client's redirect URI with `parameters` added to its query (an empty state left out).
    static QString redirect(const QString &redirectUri, const QList<QPair<QString, QString>> &parameters);
    // Ends the browser's sign-in and the applications' sessions that came from it (all but those
    // granted offline_access); audited.
    Status signOut(const Principal &caller, const BrowserSignIn &browser);
    // The browser signed in again, as `next`: the last sign-in ends. The same user's applications
    // stay signed in, now under the new sign-in; another user's end with it.
    Status replace(const Principal &caller, const BrowserSignIn &last, const BrowserSignIn &next);
    // Who an ID token of this provider (expired or not) was issued to, and about whom: the
    // id_token_hint of a logout.
    struct IdTokenHint {
        OAuthClient client;
        QString subject;
    };
    std::optional<IdTokenHint> idTokenHint(const QString &idToken, const QString &issuer);
    Result<OAuthClient> client(const QString &id);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    KeyService &m_keys;
    SettingsService &m_settings;
    RecentUsers &m_users;
    std::unique_ptr<OAuthClientRepository> m_clients;
    std::unique_ptr<SessionRepository> m_sessions;
    std::unique_ptr<AuthorizationCodeRepository> m_codes;
};

} // namespace keyward
