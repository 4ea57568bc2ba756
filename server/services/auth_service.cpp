#include "auth_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/field_reader.h"
#include "core/ids.h"
#include "crypto/digest.h"
#include "crypto/jwt.h"
#include "key_service.h"
#include "mfa_service.h"
#include "observe/keyward_metrics.h"
#include "recent_users.h"
#include "role_service.h"
#include "settings_service.h"
#include "store/mfa_repository.h"
#include "store/one_time_token_repository.h"
#include "store/passkey_repository.h"
#include "store/session_repository.h"
#include "store/user_repository.h"
#include "store/write_transaction.h"

#include <QJsonArray>

namespace keyward {

namespace {

// Clocks of several nodes are never exactly in step.
constexpr qint64 LeewaySeconds = 30;
// How long the password step of an MFA login stays good for the second step, and how many codes
// may be tried with it.
constexpr qint64 MfaTokenMs = 5 * 60'000;
constexpr int MfaTokenAttempts = 3;

// Refresh and mfa tokens are 256 random bits: a plain SHA-256 is enough to store them safely.
QByteArray tokenHash(const QString &token)
{
    return crypto::sha256(token.toLatin1());
}

ApiError invalidToken()
{
    return ApiError::unauthorized(QStringLiteral("The access token is invalid or expired."));
}

ApiError invalidRefresh()
{
    return ApiError::unauthorized(QStringLiteral("The refresh token is invalid or expired."));
}

ApiError accountDisabled()
{
    return {403, QStringLiteral("account-disabled"), QStringLiteral("Account disabled"),
            QStringLiteral("This account is disabled; contact an administrator.")};
}

// An mfa_token completes only the kind of sign-in it began: the REST API's, or the hosted page's.
QString mfaPurpose(const QString &holder)
{
    return holder.isEmpty() ? QStringLiteral("mfa") : QStringLiteral("mfa:") + holder;
}

// RFC 8176 names for how a login was completed, as ID tokens report it.
QString authenticationMethods(const QString &method)
{
    if (method == QLatin1String("totp"))
        return QStringLiteral("pwd otp mfa");
    if (method == QLatin1String("recovery_code"))
        return QStringLiteral("pwd mfa");
    if (method == QLatin1String("passkey")) // a key held, and the user verified by the authenticator
        return QStringLiteral("hwk user mfa");
    if (method == QLatin1String("password+passkey"))
        return QStringLiteral("pwd hwk mfa");
    return QStringLiteral("pwd");
}

bool audienceMatches(const QJsonValue &aud, const QString &expected)
{
    if (aud.isString())
        return aud.toString() == expected;
    if (aud.isArray())
        return aud.toArray().contains(expected);
    return false;
}

} // namespace

AuthService::AuthService(Database &db, const Clock &clock, ChangeFeed &feed, RecentUsers &recent, AuditService &audit,
                         RoleService &roles, KeyService &keys, SettingsService &settings, MfaService &mfa,
                         LockoutService &lockout, const crypto::PasswordHasher &hasher, TokenSettings tokens,
                         KeywardMetrics &metrics)
    : m_db(db)
    , m_clock(clock)
    , m_feed(feed)
    , m_recent(recent)
    , m_audit(audit)
    , m_roles(roles)
    , m_keys(keys)
    , m_settings(settings)
    , m_mfa(mfa)
    , m_lockout(lockout)
    , m_hasher(hasher)
    , m_tokens(std::move(tokens))
    , m_metrics(metrics)
    , m_users(std::make_unique<UserRepository>(db))
    , m_sessions(std::make_unique<SessionRepository>(db))
    , m_oneTimeTokens(std::make_unique<OneTimeTokenRepository>(db))
    , m_passkeys(std::make_unique<PasskeyRepository>(db))
{
}

AuthService::~AuthService() = default;

Status AuthService::failLogin(const Principal &client, const QString &userId, const QString &login,
                              const QString &reason)
{
    m_metrics.logins
        .with({reason == QLatin1String("locked") ? QStringLiteral("locked") : QStringLiteral("bad_credentials")})
        .inc();
    // The login name is recorded to trace attacks; the password never is.
    return m_audit.record(client, {QStringLiteral("auth.login"),
                                   QStringLiteral("user"),
                                   userId,
                                   QStringLiteral("failure"),
                                   {{QStringLiteral("login"), login.left(254)}, {QStringLiteral("reason"), reason}}});
}

Result<IssuedTokens> AuthService::login(const Principal &client, const QString &login, const QString &password,
                                        const QString &holder)
{
    auto found = m_users->findByLogin(login);
    if (!found && found.error().status() != 404)
        return found.error();
    const QString userId = found ? found->user.id : QString();
    const QString subject = found ? LockoutService::subject(LockoutService::Secret::Password, userId)
                                  : LockoutService::unknownLoginSubject(login);
    if (auto gate = m_lockout.charge(subject, userId); !gate) {
        (void)failLogin(client, userId, login, QStringLiteral("locked"));
        return gate.error();
    }
    if (!found || found->passwordHash.isEmpty()) {
        // Same work as a real check, so response time does not tell who has an account.
        m_hasher.verifyNothing(password);
        (void)failLogin(client, userId, login, found ? QStringLiteral("no_password") : QStringLiteral("unknown_user"));
        return ApiError::invalidCredentials();
    }
    const UserRecord &record = *found;
    if (!m_hasher.verify(password, record.passwordHash)) {
        (void)failLogin(client, userId, login, QStringLiteral("bad_password"));
        return ApiError::invalidCredentials();
    }
    if (!record.user.isActive()) {
        (void)failLogin(client, userId, login, QStringLiteral("disabled"));
        return accountDisabled();
    }
    // Imported (bcrypt, PBKDF2, ...) or older-parameter hashes become today's argon2id now that we
    // briefly hold the plain password.
    const QString upgraded = m_hasher.needsRehash(record.passwordHash) ? m_hasher.hash(password) : QString();
    auto factors = secondFactors(record.user);
    if (!factors)
        return factors.error();
    if (!factors->isEmpty())
        return requireSecondFactor(client, record.user, upgraded, holder, *factors);
    return startSession(client, record.user, upgraded, QStringLiteral("password"), holder);
}

bool AuthService::passkeysSignInAlone(const User &user) const
{
    return user.passkeysAlone && m_settings.current().passkeysPasswordless;
}

Result<QStringList> AuthService::secondFactors(const User &user)
{
    QStringList methods;
    if (user.mfaEnabled)
        methods << QStringLiteral("totp") << QStringLiteral("recovery_code");
    // A passkey is a second factor whenever one is asked for, and the one asked for when passkeys
    // may not sign in alone.
    if (user.mfaEnabled || !passkeysSignInAlone(user)) {
        auto passkeys = m_passkeys->countOf(user.id);
        if (!passkeys)
            return passkeys.error();
        if (*passkeys > 0)
            methods << QStringLiteral("passkey");
    }
    return methods;
}

Result<IssuedTokens> AuthService::requireSecondFactor(const Principal &client, const User &user,
                                                      const QString &upgradedHash, const QString &holder,
                                                      const QStringList &methods)
{
    const QString token = crypto::randomToken(32);
    const qint64 now = m_clock.nowMs();
    auto s = writeTransaction(m_db, [&]() -> Status {
        // The password was right: refund its attempt. Codes are counted on their own, attempt by attempt.
        if (auto r = m_lockout.clear(LockoutService::subject(LockoutService::Secret::Password, user.id)); !r)
            return r;
        if (!upgradedHash.isEmpty())
            if (auto r = m_users->replaceHash(user.id, upgradedHash); !r)
                return r;
        if (auto r = m_oneTimeTokens->insert(tokenHash(token), mfaPurpose(holder), user.id, now, now + MfaTokenMs); !r)
            return r;
        return m_audit.append(client, {QStringLiteral("auth.login.mfa_required"), QStringLiteral("user"), user.id});
    });
    if (!s)
        return s.error();
    return ApiError(401, QStringLiteral("mfa-required"), QStringLiteral("Second factor required"),
                    QStringLiteral("Complete the sign-in with one of mfa_methods: a code from the authenticator app "
                                   "or a recovery code at POST /api/v1/auth/mfa, a passkey at POST "
                                   "/api/v1/auth/mfa/webauthn/options and /verify."))
        .withExtension(QStringLiteral("mfa_token"), token)
        .withExtension(QStringLiteral("mfa_methods"), QJsonArray::fromStringList(methods));
}

Result<QString> AuthService::mfaTokenUser(const QString &mfaToken, const QString &holder)
{
    const ApiError invalidMfaToken =
        ApiError::unauthorized(QStringLiteral("The mfa_token is invalid or expired; log in again."));
    auto userId = m_oneTimeTokens->find(tokenHash(mfaToken), mfaPurpose(holder), m_clock.nowMs(), MfaTokenAttempts);
    if (!userId)
        return userId.error().status() == 404 ? invalidMfaToken : userId.error();
    auto record = m_users->find(*userId);
    if (!record || !record->user.isActive())
        return invalidMfaToken;
    return userId;
}

Result<QStringList> AuthService::mfaMethods(const QString &mfaToken, const QString &holder)
{
    auto userId = mfaTokenUser(mfaToken, holder);
    if (!userId)
        return userId.error();
    auto record = m_users->find(*userId);
    if (!record)
        return record.error();
    return secondFactors(record->user);
}

Result<IssuedTokens> AuthService::completeMfa(const Principal &client, const QString &mfaToken, const QString &code,
                                              const QString &holder)
{
    return completeMfa(
        client, mfaToken, [&](const QString &userId, QString &) { return m_mfa.verify(userId, code); }, holder);
}

Result<IssuedTokens> AuthService::completeMfa(const Principal &client, const QString &mfaToken,
                                              const SecondFactorCheck &check, const QString &holder)
{
    const QByteArray mfaHash = tokenHash(mfaToken);
    const ApiError invalidMfaToken =
        ApiError::unauthorized(QStringLiteral("The mfa_token is invalid or expired; log in again."));
    // Each code tried spends one of the token's attempts before it is checked.
    auto userId = writeTransaction(m_db, [&] {
        return m_oneTimeTokens->spendAttempt(mfaHash, mfaPurpose(holder), MfaTokenAttempts, m_clock.nowMs());
    });
    if (!userId)
        return userId.error().status() == 404 ? invalidMfaToken : userId.error();
    auto record = m_users->find(*userId);
    if (!record || !record->user.isActive())
        return invalidMfaToken;
    const auto failed = [&](const QString &reason) {
        m_metrics.logins.with({reason == QLatin1String("locked") ? reason : QStringLiteral("mfa_failed")}).inc();
        return AuditEntry{QStringLiteral("auth.mfa"),
                          QStringLiteral("user"),
                          *userId,
                          QStringLiteral("failure"),
                          {{QStringLiteral("reason"), reason}}};
    };
    if (auto gate = m_lockout.charge(LockoutService::subject(LockoutService::Secret::SecondFactor, *userId), *userId);
        !gate) {
        (void)m_audit.record(client, failed(QStringLiteral("locked")));
        return gate.error();
    }
    QString reason = QStringLiteral("invalid_code");
    auto method = check(*userId, reason);
    if (!method) {
        (void)m_audit.record(client, failed(reason));
        return method.error();
    }
    // Single use: a token that lost a race to another request is spent.
    auto consumed =
        writeTransaction(m_db, [&]() -> Status { return m_oneTimeTokens->consume(mfaHash, m_clock.nowMs()); });
    if (!consumed)
        return invalidMfaToken;
    return startSession(client, record->user, {}, *method, holder);
}

Result<IssuedTokens> AuthService::signInWithPasskey(const Principal &client, const QString &userId,
                                                    const QString &holder)
{
    auto record = m_users->find(userId);
    if (!record)
        return record.error().status() == 404 ? ApiError::invalidCredentials() : record.error();
    if (!record->user.isActive()) {
        (void)failPasskeySignIn(client, userId, QStringLiteral("disabled"));
        return accountDisabled();
    }
    if (!passkeysSignInAlone(record->user)) {
        (void)failPasskeySignIn(client, userId, QStringLiteral("second_factor_only"));
        return ApiError(403, QStringLiteral("passkey-second-factor"), QStringLiteral("Passkey is a second factor"),
                        QStringLiteral("This account's passkeys complete a sign-in after the password; "
                                       "log in with the password first."));
    }
    return startSession(client, record->user, {}, QStringLiteral("passkey"), holder);
}

Status AuthService::failPasskeySignIn(const Principal &client, const QString &userId, const QString &reason)
{
    return failLogin(client, userId, QString(), QStringLiteral("passkey_") + reason);
}

Result<IssuedTokens> AuthService::startSession(const Principal &client, User user, const QString &upgradedHash,
                                               const QString &method, const QString &holder)
{
    const qint64 now = m_clock.nowMs();
    const RuntimeSettings settings = m_settings.current();
    Session session;
    session.id = newId(now);
    session.userId = user.id;
    session.family = session.id;
    session.createdAt = session.lastUsedAt = now;
    session.absoluteExpiresAt = now + settings.refreshAbsoluteTtlSeconds * 1000;
    session.idleExpiresAt = qMin(now + settings.refreshIdleTtlSeconds * 1000, session.absoluteExpiresAt);
    session.ip = client.ip;
    session.userAgent = client.userAgent.left(512);
    session.passwordChangeOnly = user.requirePasswordChange;
    session.clientId = holder;
    session.authTime = now;
    session.amr = authenticationMethods(method);
    const QString refreshToken = crypto::randomToken(32);
    auto s = writeTransaction(m_db, [&]() -> Status {
        // A completed login refunds the charged attempts and ends any lock.
        if (auto r = m_lockout.forgive(user.id); !r)
            return r;
        if (!upgradedHash.isEmpty())
            if (auto r = m_users->replaceHash(user.id, upgradedHash); !r)
                return r;
        if (auto r = m_users->recordLogin(user.id, now); !r)
            return r;
        if (auto r = m_sessions->insert(session, tokenHash(refreshToken)); !r)
            return r;
        QJsonObject details{{QStringLiteral("session_id"), session.id}, {QStringLiteral("method"), method}};
        if (!upgradedHash.isEmpty())
            details.insert(QStringLiteral("hash_upgraded"), true);
        // From here on the client is this user, in this session: the event names who signed in.
        return m_audit.append(
            client.signedInAs(user.id, session.id),
            {QStringLiteral("auth.login"), QStringLiteral("user"), user.id, QStringLiteral("success"), details});
    });
    if (!s)
        return s.error();
    user.lastLoginAt = now;
    user.lockedUntil = 0;
    m_metrics.logins.with({QStringLiteral("success")}).inc();
    if (!holder.isEmpty()) {
        IssuedTokens signedIn;
        signedIn.refreshToken = refreshToken;
        signedIn.refreshExpiresIn = (session.idleExpiresAt - now) / 1000;
        signedIn.user = user;
        return signedIn;
    }
    return issue(user, session, refreshToken);
}

Result<IssuedTokens> AuthService::issue(const User &user, const Session &session, const QString &refreshToken)
{
    auto signer = m_keys.signer();
    if (!signer)
        return signer.error();
    const qint64 now = m_clock.nowMs();
    const qint64 iat = now / 1000;
    const qint64 exp = iat + m_settings.current().accessTtlSeconds;
    QStringList scope;
    if (!session.passwordChangeOnly) {
        const QSet<QString> perms = m_roles.permissionsFor(user.roles);
        scope = QStringList(perms.begin(), perms.end());
        scope.sort();
    }
    const QJsonObject claims{
        {QStringLiteral("iss"), m_tokens.issuer},
        {QStringLiteral("sub"), user.id},
        {QStringLiteral("aud"), m_tokens.audience},
        {QStringLiteral("iat"), iat},
        {QStringLiteral("nbf"), iat},
        {QStringLiteral("exp"), exp},
        {QStringLiteral("jti"), crypto::randomToken(16)},
        {QStringLiteral("sid"), session.id},
        {QStringLiteral("roles"), QJsonArray::fromStringList(user.roles)},
        {QStringLiteral("scope"), scope.join(QLatin1Char(' '))},
    };
    IssuedTokens t;
    t.accessToken = QString::fromLatin1(crypto::signJwt(claims, signer->key, signer->kid));
    if (t.accessToken.isEmpty())
        return ApiError::internal();
    t.expiresIn = exp - iat;
    t.refreshToken = refreshToken;
    t.refreshExpiresIn = (qMin(session.idleExpiresAt, session.absoluteExpiresAt) - now) / 1000;
    t.user = user;
    return t;
}

Result<IssuedTokens> AuthService::refresh(const Principal &client, const QString &refreshToken)
{
    auto rotated = rotate(client, refreshToken, {});
    if (!rotated)
        return rotated.error();
    return issue(rotated->user, rotated->session, rotated->refreshToken);
}

Result<AuthService::Rotation> AuthService::rotate(const Principal &client, const QString &refreshToken,
                                                  const QString &holder)
{
    const QByteArray hash = tokenHash(refreshToken);
    const qint64 now = m_clock.nowMs();
    auto found = m_sessions->findByRefreshHash(hash);
    if (!found && found.error().status() != 404)
        return found.error();
    const auto reuse = [&](const Session &s) -> ApiError {
        // A rotated-out token came back: it was stolen or replayed. End the whole session.
        (void)writeTransaction(m_db, [&]() -> Status {
            if (auto r = m_sessions->revoke(s.id, QStringLiteral("refresh_reuse"), now); !r)
                return r;
            return m_audit.append(client, {QStringLiteral("auth.refresh.reuse"),
                                           QStringLiteral("session"),
                                           s.id,
                                           QStringLiteral("failure"),
                                           {{QStringLiteral("user_id"), s.userId}}});
        });
        m_metrics.refreshReuse.inc();
        return invalidRefresh();
    };
    if (!found) {
        // Any token the session rotated out, not just the last one; but only by its own holder:
        // another application's token (or the browser's cookie) is not this caller's to burn.
        if (auto spent = m_sessions->findBySpentHash(hash); spent && spent->clientId == holder)
            return reuse(*spent);
        return invalidRefresh();
    }
    Session session = *found;
    if (session.clientId != holder || !session.isLive(now))
        return invalidRefresh();
    const auto user = m_recent.find(session.userId);
    if (!user || !user->isActive() || user->isDeleted())
        return invalidRefresh();

    const QString newToken = crypto::randomToken(32);
    session.lastUsedAt = now;
    session.idleExpiresAt = qMin(now + m_settings.current().refreshIdleTtlSeconds * 1000, session.absoluteExpiresAt);
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_sessions->rotate(session.id, hash, tokenHash(newToken), now, session.idleExpiresAt); !r)
            return r;
        return m_audit.append(client, {QStringLiteral("auth.refresh"),
                                       QStringLiteral("session"),
                                       session.id,
                                       QStringLiteral("success"),
                                       {{QStringLiteral("user_id"), session.userId}}});
    });
    if (!s) {
        // Lost a race with a concurrent refresh of the same token: that is a reuse too.
        if (s.error().status() == 412)
            return reuse(session);
        return s.error();
    }
    m_metrics.tokenRefreshes.inc();
    return Rotation{session, *user, newToken};
}

Status AuthService::logout(const Principal &me)
{
    if (auto session = requireSession(me); !session)
        return m_audit.noteRefusal(me, {QStringLiteral("auth.logout"), QStringLiteral("user"), me.id}, session);
    return writeTransaction(m_db, [&]() -> Status {
        const qint64 now = m_clock.nowMs();
        if (auto r = m_sessions->revoke(me.sessionId, QStringLiteral("logout"), now); !r)
            return r;
        if (auto r = m_sessions->revokeToken(me.tokenId, me.tokenExpiresAt); !r)
            return r;
        return m_audit.append(me, {QStringLiteral("auth.logout"), QStringLiteral("session"), me.sessionId});
    });
}

Status AuthService::logoutAll(const Principal &me, const std::optional<QString> &currentPassword)
{
    const QString action = QStringLiteral("auth.logout_all");
    // Ending every session ends the owner's too: a stolen, older session must not shut them out.
    if (auto confirmed = m_lockout.reauthenticate(me, currentPassword, action); !confirmed)
        return m_audit.noteRefusal(me, {action, QStringLiteral("user"), me.id}, confirmed);
    return writeTransaction(m_db, [&]() -> Status {
        const qint64 now = m_clock.nowMs();
        auto n = m_sessions->revokeAllOfUser(me.id, QStringLiteral("logout_all"), now);
        if (!n)
            return n.error();
        if (auto r = m_sessions->revokeToken(me.tokenId, me.tokenExpiresAt); !r)
            return r;
        return m_audit.append(me, {QStringLiteral("auth.logout_all"),
                                   QStringLiteral("user"),
                                   me.id,
                                   QStringLiteral("success"),
                                   {{QStringLiteral("count"), *n}}});
    });
}

Result<Principal> AuthService::authenticate(QByteArrayView accessToken, Principal context)
{
    const qint64 nowS = m_clock.nowSeconds();
    // A token seen before skips the signature check, not the rest; its key must still be known.
    const QByteArray digest = crypto::sha256(accessToken);
    auto verified = m_verified.find(digest);
    if (!verified || !m_keys.verificationKey(verified->kid)) {
        const auto jwt = crypto::decodeJwt(accessToken);
        if (!jwt)
            return invalidToken();
        // Only this API's own tokens (typ JWT): an OAuth client's at+jwt or an ID token is refused
        // here whatever else it holds.
        const QJsonValue kid = jwt->header.value(QStringLiteral("kid"));
        if (!kid.isString() || jwt->header.value(QStringLiteral("typ")).toString() != QLatin1String("JWT"))
            return invalidToken();
        const auto key = m_keys.verificationKey(kid.toString());
        if (!key || !crypto::verifyJwtSignature(*jwt, *key))
            return invalidToken();
        const QJsonObject &c = jwt->claims;
        const auto exp = FieldReader::wholeNumber(c.value(QStringLiteral("exp")));
        const QJsonValue nbf = c.value(QStringLiteral("nbf"));
        verified = VerifiedTokens::Entry{kid.toString(),
                                         c.value(QStringLiteral("sub")).toString(),
                                         c.value(QStringLiteral("sid")).toString(),
                                         c.value(QStringLiteral("jti")).toString(),
                                         exp.value_or(0),
                                         nbf.isDouble() ? nbf.toDouble() : 0.0,
                                         std::nullopt};
        if (c.value(QStringLiteral("iss")).toString() != m_tokens.issuer ||
            !audienceMatches(c.value(QStringLiteral("aud")), m_tokens.audience) || !exp ||
            verified->subject.isEmpty() || verified->sessionId.isEmpty() || verified->tokenId.isEmpty())
            return invalidToken();
        if (verified->expiresAtS > nowS)
            m_verified.insert(digest, *verified, nowS);
    }
    const qint64 exp = verified->expiresAtS;
    const QString &sub = verified->subject, &sid = verified->sessionId, &jti = verified->tokenId;
    if (exp <= nowS || verified->notBeforeS > nowS + LeewaySeconds)
        return invalidToken();

    // The session, the user and what the roles permit as the database last said, unless the change
    // feed heard of a change to any of them (or to this token) since, or cannot tell.
    const qint64 nowMs = m_clock.nowMs();
    std::optional<VerifiedTokens::Grant> grant = std::move(verified->grant);
    using Topic = ChangeFeed::Topic;
    if (!grant || !grant->session.isLive(nowMs) || !m_feed.isCurrent(grant->read, Topic::Session, sid) ||
        !m_feed.isCurrent(grant->read, Topic::User, sub) || !m_feed.isCurrent(grant->read, Topic::Token, jti) ||
        !m_feed.isTopicCurrent(grant->permissionsRead, Topic::Roles)) {
        const ChangeFeed::Stamp stamp = m_feed.stamp();
        auto access = m_sessions->access(sid, jti);
        if (!access)
            return access.error().status() == 401 ? invalidToken() : access.error();
        // A session held by an application or a browser never backs a REST API token.
        if (access->session.userId != sub || !access->session.isLive(nowMs) || !access->userActive ||
            access->tokenRevoked || !access->session.clientId.isEmpty())
            return invalidToken();
        grant = VerifiedTokens::Grant{std::move(access->session), stamp, {}, {}};
        grant->permissions = m_roles.permissionsFor(access->roles, &grant->permissionsRead);
        m_verified.grant(digest, *grant);
    }

    context.type = Principal::Type::User;
    context.id = sub;
    context.sessionId = sid;
    context.tokenId = jti;
    context.tokenExpiresAt = exp * 1000;
    context.authTime = grant->session.createdAt;
    context.permissions = std::move(grant->permissions);
    context.passwordChangeOnly = grant->session.passwordChangeOnly;
    return context;
}

} // namespace keyward
