#include "authorization_service.h"

#include "core/clock.h"
#include "crypto/digest.h"
#include "crypto/jwt.h"
#include "key_service.h"
#include "oauth_client_service.h"
#include "recent_users.h"
#include "settings_service.h"
#include "store/authorization_code_repository.h"
#include "store/oauth_client_repository.h"
#include "store/session_repository.h"
#include "store/write_transaction.h"

#include <QRegularExpression>
#include <QUrl>

namespace keyward {

namespace {

constexpr qint64 CodeLifetimeMs = 60'000;
// A state or nonce travels in URLs and forms: generous for any client's encoding, bounded.
constexpr qsizetype MaxEchoedLength = 1024;

AuthorizationCheck refused(bool toClient, const char *error, const QString &description,
                           const QString &redirectUri = {}, const QString &state = {})
{
    return {std::nullopt, {toClient, QString::fromLatin1(error), description, redirectUri, state}};
}

} // namespace

AuthorizationService::AuthorizationService(Database &db, const Clock &clock, AuditService &audit, KeyService &keys,
                                           SettingsService &settings, RecentUsers &users)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_keys(keys)
    , m_settings(settings)
    , m_users(users)
    , m_clients(std::make_unique<OAuthClientRepository>(db))
    , m_sessions(std::make_unique<SessionRepository>(db))
    , m_codes(std::make_unique<AuthorizationCodeRepository>(db))
{
}

AuthorizationService::~AuthorizationService() = default;

AuthorizationCheck AuthorizationService::check(const Parameters &p)
{
    const QString clientId = p.value(QStringLiteral("client_id"));
    auto client = clientId.isEmpty() ? Result<OAuthClient>(ApiError::notFound()) : m_clients->find(clientId);
    if (!client)
        return refused(false, client.error().status() == 404 ? "invalid_client" : "server_error",
                       client.error().status() == 404 ? QStringLiteral("The application is not registered here.")
                                                      : client.error().detail());
    const QString redirectUri = p.value(QStringLiteral("redirect_uri"));
    if (!OAuthClientService::isRegisteredRedirect(client->redirectUris, redirectUri))
        return refused(false, "invalid_request",
                       QStringLiteral("The application gave a redirect URI it has not registered."));
    // From here on the client hears of every problem, with its state.
    const QString state = p.value(QStringLiteral("state")).left(MaxEchoedLength);
    const auto toClient = [&](const char *error, const QString &description) {
        return refused(true, error, description, redirectUri, state);
    };
    if (p.contains(QStringLiteral("request")))
        return toClient("request_not_supported", QStringLiteral("Request objects are not supported."));
    if (p.contains(QStringLiteral("request_uri")))
        return toClient("request_uri_not_supported", QStringLiteral("request_uri is not supported."));
    if (p.value(QStringLiteral("response_type")) != QLatin1String("code"))
        return toClient("unsupported_response_type", QStringLiteral("Only the code response type is offered."));
    if (p.contains(QStringLiteral("response_mode")) &&
        p.value(QStringLiteral("response_mode")) != QLatin1String("query"))
        return toClient("invalid_request", QStringLiteral("Only the query response mode is offered."));
    if (!client->grantTypes.contains(QLatin1String("authorization_code")))
        return toClient("unauthorized_client", QStringLiteral("This client may not use the authorization code flow."));
    if (p.value(QStringLiteral("state")).size() > MaxEchoedLength ||
        p.value(QStringLiteral("nonce")).size() > MaxEchoedLength)
        return toClient("invalid_request", QStringLiteral("state and nonce are at most 1024 characters."));

    AuthorizationRequest r;
    r.redirectUri = redirectUri;
    r.state = state;
    r.nonce = p.value(QStringLiteral("nonce"));
    r.scopes = p.value(QStringLiteral("scope")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    r.scopes.removeDuplicates();
    if (r.scopes.isEmpty())
        return toClient("invalid_scope", QStringLiteral("Ask for at least one scope, such as openid."));
    for (const QString &s : r.scopes)
        if (!client->scopes.contains(s))
            return toClient("invalid_scope", QStringLiteral("This client may not ask for '%1'.").arg(s.left(40)));
    // PKCE for every client, S256 only (RFC 9700 §2.1.1): a missing method means plain.
    static const QRegularExpression challenge(QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_-]{43}")));
    if (!p.contains(QStringLiteral("code_challenge")))
        return toClient("invalid_request", QStringLiteral("PKCE is required: send code_challenge (S256)."));
    if (p.value(QStringLiteral("code_challenge_method")) != QLatin1String("S256"))
        return toClient("invalid_request", QStringLiteral("code_challenge_method must be S256."));
    r.codeChallenge = p.value(QStringLiteral("code_challenge"));
    if (!challenge.match(r.codeChallenge).hasMatch())
        return toClient("invalid_request", QStringLiteral("code_challenge is not a base64url SHA-256 digest."));
    r.prompt = p.value(QStringLiteral("prompt")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString &v : r.prompt) {
        if (v == QLatin1String("select_account"))
            v = QStringLiteral("login"); // one account per browser: choosing it again is signing in again
        else if (v != QLatin1String("none") && v != QLatin1String("login") && v != QLatin1String("consent"))
            return toClient("invalid_request", QStringLiteral("prompt is none, login, consent or select_account."));
    }
    if (r.prompt.contains(QLatin1String("none")) && r.prompt.size() > 1)
        return toClient("invalid_request", QStringLiteral("prompt=none stands alone."));
    if (p.contains(QStringLiteral("max_age"))) {
        bool ok = false;
        const qint64 maxAge = p.value(QStringLiteral("max_age")).toLongLong(&ok);
        if (!ok || maxAge < 0)
            return toClient("invalid_request", QStringLiteral("max_age is a number of seconds."));
        // Beyond a century it means "any age" (and the milliseconds it is compared in stay in range).
        r.maxAgeSeconds = qMin(maxAge, qint64(100) * 365 * 24 * 3600);
    }
    r.loginHint = p.value(QStringLiteral("login_hint")).left(254);
    r.client = std::move(*client);
    return {std::move(r), {}};
}

std::optional<BrowserSignIn> AuthorizationService::signedIn(const QString &cookie)
{
    if (cookie.isEmpty())
        return std::nullopt;
    auto session = m_sessions->findByRefreshHash(crypto::sha256(cookie.toLatin1()));
    if (!session || session->clientId != Session::HostedSignIn || !session->isLive(m_clock.nowMs()))
        return std::nullopt;
    auto user = m_users.find(session->userId);
    if (!user || !user->isActive() || user->isDeleted())
        return std::nullopt;
    // Active use keeps the browser signed in; written at most once a minute.
    const qint64 now = m_clock.nowMs();
    if (now - session->lastUsedAt > 60'000) {
        const qint64 idle = qMin(now + m_settings.current().refreshIdleTtlSeconds * 1000, session->absoluteExpiresAt);
        if (m_sessions->touch(session->id, now, idle)) {
            session->lastUsedAt = now;
            session->idleExpiresAt = idle;
        }
    }
    return BrowserSignIn{*session, *user};
}

Principal BrowserSignIn::actor(const Principal &client) const
{
    Principal p = client.signedInAs(user.id, session.id);
    p.authTime = session.authTime;
    p.passwordChangeOnly = session.passwordChangeOnly;
    return p;
}

AuthorizationStep AuthorizationService::next(const AuthorizationRequest &request,
                                             const std::optional<BrowserSignIn> &browser, bool signedInNow,
                                             bool consented) const
{
    const bool silent = request.prompt.contains(QLatin1String("none"));
    bool mustSignIn = !browser;
    if (browser && !signedInNow) {
        const qint64 ageMs = m_clock.nowMs() - browser->session.authTime;
        mustSignIn = request.prompt.contains(QLatin1String("login")) ||
                     (request.maxAgeSeconds && ageMs > *request.maxAgeSeconds * 1000);
    }
    if (browser && request.hintedSubject && *request.hintedSubject != browser->user.id)
        mustSignIn = true;
    if (mustSignIn)
        return silent ? AuthorizationStep::LoginRequired : AuthorizationStep::SignIn;
    if (browser->session.passwordChangeOnly)
        return silent ? AuthorizationStep::InteractionRequired : AuthorizationStep::PasswordChangeRequired;
    // A first-party client is vouched for, but a public one at a loopback or app-scheme address
    // could be any program on the device claiming it (RFC 8252 §8.6): its users are asked.
    const bool vouchedFor = request.client.firstParty && (request.client.type == QLatin1String("confidential") ||
                                                          request.redirectUri.startsWith(QLatin1String("https://")));
    const bool ask = !vouchedFor || request.prompt.contains(QLatin1String("consent"));
    if (ask && !consented)
        return silent ? AuthorizationStep::ConsentRequired : AuthorizationStep::Consent;
    return AuthorizationStep::Issue;
}

Result<QString> AuthorizationService::issueCode(const Principal &caller, const AuthorizationRequest &request,
                                                const BrowserSignIn &browser)
{
    const qint64 now = m_clock.nowMs();
    AuthorizationCode c;
    c.clientId = request.client.id;
    c.userId = browser.user.id;
    c.browserSessionId = browser.session.id;
    c.redirectUri = request.redirectUri;
    c.scope = request.scopes.join(QLatin1Char(' '));
    c.nonce = request.nonce;
    c.codeChallenge = request.codeChallenge;
    c.authTime = browser.session.authTime;
    c.amr = browser.session.amr;
    c.createdAt = now;
    c.expiresAt = now + CodeLifetimeMs;
    const QString code = crypto::randomToken(32);
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_codes->insert(crypto::sha256(code.toLatin1()), c); !r)
            return r;
        return m_audit.append(caller.signedInAs(browser.user.id, browser.session.id),
                              {QStringLiteral("oauth2.authorize"),
                               QStringLiteral("oauth_client"),
                               request.client.id,
                               QStringLiteral("success"),
                               {{QStringLiteral("scope"), c.scope}}});
    });
    if (!s)
        return s.error();
    return code;
}

QString AuthorizationService::redirect(const QString &redirectUri, const QList<QPair<QString, QString>> &parameters)
{
    // Registered redirect URIs carry no fragment; their own query is kept as it is.
    QString url = redirectUri + QLatin1Char(redirectUri.contains(QLatin1Char('?')) ? '&' : '?');
    const auto add = [&url](const QString &name, const QString &value) {
        url += name + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value)) + QLatin1Char('&');
    };
    for (const auto &[name, value] : parameters)
        if (!value.isEmpty() || name != QLatin1String("state"))
            add(name, value);
    url.chop(1);
    return url;
}

Status AuthorizationService::signOut(const Principal &caller, const BrowserSignIn &browser)
{
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_sessions->revoke(browser.session.id, QStringLiteral("logout"), m_clock.nowMs()); !r)
            return r;
        return m_audit.append(caller.signedInAs(browser.user.id, browser.session.id),
                              {QStringLiteral("oauth2.logout"), QStringLiteral("session"), browser.session.id});
    });
}

Status AuthorizationService::replace(const Principal &caller, const BrowserSignIn &last, const BrowserSignIn &next)
{
    if (last.user.id != next.user.id)
        return signOut(caller, last);
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_sessions->moveFamily(last.session.id, next.session.id); !r)
            return r;
        return m_sessions->revoke(last.session.id, QStringLiteral("signed_in_again"), m_clock.nowMs());
    });
}

std::optional<AuthorizationService::IdTokenHint> AuthorizationService::idTokenHint(const QString &idToken,
                                                                                   const QString &issuer)
{
    const auto jwt = crypto::decodeJwt(idToken.toLatin1());
    // An ID token, not an access token: whoever holds a user's access token must not sign them out.
    if (!jwt || jwt->header.value(QStringLiteral("typ")).toString() == QLatin1String("at+jwt"))
        return std::nullopt;
    const auto key = m_keys.verificationKey(jwt->header.value(QStringLiteral("kid")).toString());
    if (!key || !crypto::verifyJwtSignature(*jwt, *key) ||
        jwt->claims.value(QStringLiteral("iss")).toString() != issuer)
        return std::nullopt;
    auto found = m_clients->find(jwt->claims.value(QStringLiteral("aud")).toString());
    if (!found)
        return std::nullopt;
    return IdTokenHint{*found, jwt->claims.value(QStringLiteral("sub")).toString()};
}

Result<OAuthClient> AuthorizationService::client(const QString &id)
{
    return m_clients->find(id);
}

} // namespace keyward
