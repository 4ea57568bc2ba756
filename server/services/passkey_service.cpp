#include "passkey_service.h"

#include "access_checks.h"
#include "auth_service.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/permissions.h"
#include "crypto/digest.h"
#include "crypto/webauthn.h"
#include "lockout_service.h"
#include "role_service.h"
#include "settings_service.h"
#include "store/passkey_repository.h"
#include "store/user_repository.h"
#include "store/write_transaction.h"
#include "validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace keyward {

namespace {

const QString Register = QStringLiteral("register");
const QString Authenticate = QStringLiteral("authenticate");
constexpr int MaxPasskeys = 20;

// What a browser sent that does not hold up: one answer for every such case, the reason said (it
// helps whoever integrates; it helps no attacker, who made the bytes).
// A session that may only change its password (a temporary one was given) adds no credential: one
// made with it would outlive the password change.
std::optional<ApiError> passwordChangeFirst(const Principal &me)
{
    return me.passwordChangeOnly ? std::optional<ApiError>(ApiError::passwordChangeRequired()) : std::nullopt;
}

ApiError refused(const QString &why)
{
    return ApiError::validation(QStringLiteral("credential"), QStringLiteral("invalid"), why);
}

QByteArray b64(const QJsonObject &o, const char *member)
{
    return crypto::fromBase64Url(o.value(QLatin1String(member)).toString().toLatin1());
}

QJsonObject descriptor(const Passkey &p)
{
    QJsonObject d{{QStringLiteral("type"), QStringLiteral("public-key")},
                  {QStringLiteral("id"), QString::fromLatin1(crypto::base64Url(p.credentialId))}};
    if (!p.transports.isEmpty())
        d.insert(QStringLiteral("transports"), QJsonArray::fromStringList(p.transports));
    return d;
}

// What a second step's challenge is bound to: its mfa_token, as stored nowhere in the clear.
QString secondStep(const QString &mfaToken)
{
    return QString::fromLatin1(crypto::sha256(mfaToken.toUtf8()).toHex());
}

AuditEntry passkeyEvent(const char *action, const QString &userId, QJsonObject details,
                        const QString &outcome = QStringLiteral("success"))
{
    return {QString::fromLatin1(action), QStringLiteral("user"), userId, outcome, std::move(details)};
}

} // namespace

PasskeyService::PasskeyService(Database &db, const Clock &clock, AuditService &audit, SettingsService &settings,
                               AuthService &auth, LockoutService &lockout, RoleService &roles, QByteArray handleKey)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_settings(settings)
    , m_auth(auth)
    , m_lockout(lockout)
    , m_roles(roles)
    , m_handleKey(std::move(handleKey))
    , m_repo(std::make_unique<PasskeyRepository>(db))
    , m_users(std::make_unique<UserRepository>(db))
{
}

PasskeyService::~PasskeyService() = default;

QByteArray PasskeyService::userHandle(const QString &userId) const
{
    return crypto::hmacSha256(m_handleKey, userId.toUtf8()).left(16);
}

PasskeyService::RelyingParty PasskeyService::relyingParty() const
{
    const RuntimeSettings s = m_settings.current();
    const QUrl issuer(m_auth.issuer());
    RelyingParty rp{s.passkeyRpId.isEmpty() ? issuer.host() : s.passkeyRpId, s.passkeyOrigins};
    if (rp.origins.isEmpty())
        rp.origins << issuer.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
    return rp;
}

Result<QByteArray> PasskeyService::newChallenge(const QString &purpose, const QString &userId, const QString &boundTo)
{
    const QByteArray challenge = crypto::randomBytes(32);
    const qint64 now = m_clock.nowMs();
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_repo->pruneChallenges(now); !r)
            return r;
        return m_repo->insertChallenge(crypto::sha256(challenge), purpose, userId, boundTo, now + ChallengeMs);
    });
    if (!s)
        return s.error();
    return challenge;
}

Result<PasskeyService::ClientData> PasskeyService::checkClientData(const QByteArray &json, const QString &type,
                                                                   const QString &purpose, const QString &boundTo)
{
    QJsonParseError error{};
    const QJsonObject c = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError || c.isEmpty())
        return refused(QStringLiteral("clientDataJSON is not JSON."));
    if (c.value(QStringLiteral("type")).toString() != type)
        return refused(QStringLiteral("clientDataJSON is not of a %1 ceremony.").arg(type));
    // Spent whatever follows: a challenge is good for one try.
    const QByteArray challenge = crypto::fromBase64Url(c.value(QStringLiteral("challenge")).toString().toLatin1());
    auto user =
        challenge.isEmpty() ? Result<std::optional<QString>>(std::optional<QString>()) : writeTransaction(m_db, [&] {
            return m_repo->takeChallenge(crypto::sha256(challenge), purpose, boundTo, m_clock.nowMs());
        });
    if (!user)
        return user.error();
    if (!*user)
        return refused(QStringLiteral("The challenge is unknown, used or expired; ask for new options."));
    if (!relyingParty().origins.contains(c.value(QStringLiteral("origin")).toString()))
        return refused(QStringLiteral("The ceremony ran on an origin this server does not serve (passkeys.origins)."));
    if (c.value(QStringLiteral("crossOrigin")).toBool())
        return refused(QStringLiteral("The ceremony ran in a cross-origin frame."));
    return ClientData{crypto::sha256(json), **user};
}

Result<QJsonObject> PasskeyService::registrationOptions(const Principal &me,
                                                        const std::optional<QString> &currentPassword)
{
    const QString action = QStringLiteral("passkey.register");
    if (!me.isUser())
        return ApiError::forbidden(QStringLiteral("Passkeys belong to users."));
    if (auto first = passwordChangeFirst(me))
        return *first;
    if (auto confirmed = m_lockout.reauthenticate(me, currentPassword, action); !confirmed)
        return m_audit.noteRefusal(me, passkeyEvent("passkey.register", me.id, {}),
                                   Result<QJsonObject>(confirmed.error()));
    auto record = m_users->find(me.id);
    if (!record)
        return record.error();
    auto existing = m_repo->listOfUser(me.id);
    if (!existing)
        return existing.error();
    if (existing->size() >= MaxPasskeys)
        return ApiError::conflict(QStringLiteral("At most %1 passkeys; remove one first.").arg(MaxPasskeys));
    auto challenge = newChallenge(Register, me.id, me.sessionId);
    if (!challenge)
        return challenge.error();
    QJsonArray exclude;
    for (const Passkey &p : *existing)
        exclude.append(descriptor(p));
    const User &user = record->user;
    QJsonArray params;
    for (int alg : {crypto::webauthn::EdDSA, crypto::webauthn::ES256, crypto::webauthn::RS256})
        params.append(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("public-key")}, {QStringLiteral("alg"), alg}});
    return QJsonObject{
        {QStringLiteral("rp"),
         QJsonObject{{QStringLiteral("id"), relyingParty().id}, {QStringLiteral("name"), QStringLiteral("Keyward")}}},
        {QStringLiteral("user"),
         QJsonObject{{QStringLiteral("id"), QString::fromLatin1(crypto::base64Url(userHandle(user.id)))},
                     {QStringLiteral("name"), user.username},
                     {QStringLiteral("displayName"), user.displayName.isEmpty() ? user.username : user.displayName}}},
        {QStringLiteral("challenge"), QString::fromLatin1(crypto::base64Url(*challenge))},
        {QStringLiteral("pubKeyCredParams"), params},
        {QStringLiteral("timeout"), ChallengeMs},
        {QStringLiteral("excludeCredentials"), exclude},
        {QStringLiteral("authenticatorSelection"),
         QJsonObject{{QStringLiteral("residentKey"), QStringLiteral("required")},
                     {QStringLiteral("requireResidentKey"), true},
                     {QStringLiteral("userVerification"), QStringLiteral("required")}}},
        {QStringLiteral("attestation"), m_settings.current().passkeyAttestation},
    };
}

Result<Passkey> PasskeyService::registerPasskey(const Principal &me, const QJsonObject &credential, const QString &name,
                                                const QList<FieldError> &parseErrors)
{
    if (auto session = requireSession(me); !session || !me.isUser())
        return session ? ApiError::forbidden(QStringLiteral("Passkeys belong to users.")) : session.error();
    if (auto first = passwordChangeFirst(me))
        return *first;
    if (!parseErrors.isEmpty())
        return ApiError::validation(parseErrors);
    QList<FieldError> nameErrors;
    const QString label = name.trimmed().isEmpty() ? QStringLiteral("Passkey") : name.trimmed();
    validation::label(label, nameErrors);
    if (!nameErrors.isEmpty())
        return ApiError::validation(nameErrors);
    // Every refusal is audited: a registration that does not hold up may be an attack on the account.
    const auto reject = [&](const QString &why) -> Result<Passkey> {
        (void)m_audit.record(
            me, passkeyEvent("passkey.register", me.id, {{QStringLiteral("reason"), why}}, QStringLiteral("failure")));
        return refused(why);
    };
    const QJsonObject response = credential.value(QStringLiteral("response")).toObject();
    if (credential.value(QStringLiteral("type")).toString() != QLatin1String("public-key"))
        return reject(QStringLiteral("Not a public-key credential."));
    auto client =
        checkClientData(b64(response, "clientDataJSON"), QStringLiteral("webauthn.create"), Register, me.sessionId);
    if (!client)
        return client.error().status() == 422 ? reject(client.error().fieldErrors().value(0).message)
                                              : Result<Passkey>(client.error());
    if (client->challengeUser != me.id)
        return reject(QStringLiteral("The challenge was given to someone else."));
    QString why;
    auto attestation = crypto::webauthn::verifyAttestation(b64(response, "attestationObject"), client->hash, &why);
    if (!attestation)
        return reject(why);
    const crypto::webauthn::AuthenticatorData &data = attestation->authData;
    const RelyingParty rp = relyingParty();
    if (data.rpIdHash != crypto::sha256(rp.id.toUtf8()))
        return reject(QStringLiteral("The passkey was made for another relying party than %1.").arg(rp.id));
    if (!data.userPresent() || !data.userVerified())
        return reject(QStringLiteral("The authenticator did not verify its user (a PIN or biometric is required)."));
    if (b64(credential, "rawId") != data.credentialId)
        return reject(QStringLiteral("rawId is not the credential the authenticator made."));

    Passkey p;
    p.createdAt = m_clock.nowMs();
    p.id = newId(p.createdAt);
    p.userId = me.id;
    p.credentialId = data.credentialId;
    p.publicKey = QString::fromUtf8(QJsonDocument(attestation->key.jwk).toJson(QJsonDocument::Compact));
    p.algorithm = attestation->key.algorithm;
    p.signCount = data.signCount;
    p.aaguid = data.aaguid;
    p.attestation = attestation->type;
    p.backupEligible = data.backupEligible();
    p.backedUp = data.backedUp();
    for (const QJsonValue &t : response.value(QStringLiteral("transports")).toArray())
        if (const QString transport = t.toString();
            !transport.isEmpty() && transport.size() <= 16 && !p.transports.contains(transport) &&
            p.transports.size() < 6 &&
            std::all_of(transport.begin(), transport.end(), [](QChar c) { return c.isLower() || c == u'-'; }))
            p.transports << transport;
    p.name = label;
    auto s = writeTransaction(m_db, [&]() -> Status {
        // Counted again here: several sets of options may be answered one after the other.
        auto existing = m_repo->listOfUser(me.id);
        if (!existing)
            return existing.error();
        if (existing->size() >= MaxPasskeys)
            return ApiError::conflict(QStringLiteral("At most %1 passkeys; remove one first.").arg(MaxPasskeys));
        if (auto r = m_repo->insert(p); !r)
            return r;
        return m_audit.append(me, passkeyEvent("passkey.register", me.id,
                                               {{QStringLiteral("passkey"), p.id},
                                                {QStringLiteral("attestation"), p.attestation},
                                                {QStringLiteral("aaguid"), QString::fromLatin1(p.aaguid.toHex())}}));
    });
    if (!s)
        return s.error();
    return p;
}

Result<QList<Passkey>> PasskeyService::listOwn(const Principal &me)
{
    if (auto session = requireSession(me); !session || !me.isUser())
        return session ? ApiError::forbidden(QStringLiteral("Passkeys belong to users.")) : session.error();
    return m_repo->listOfUser(me.id);
}

Result<Passkey> PasskeyService::rename(const Principal &me, const QString &id, const QString &name,
                                       const QList<FieldError> &parseErrors)
{
    if (auto session = requireSession(me); !session)
        return session.error();
    QList<FieldError> errors = parseErrors;
    if (errors.isEmpty())
        validation::label(name.trimmed(), errors);
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_repo->rename(me.id, id, name.trimmed()); !r)
            return r;
        return m_audit.append(me, passkeyEvent("passkey.rename", me.id, {{QStringLiteral("passkey"), id}}));
    });
    if (!s)
        return s.error();
    auto all = m_repo->listOfUser(me.id);
    if (!all)
        return all.error();
    for (const Passkey &p : *all)
        if (p.id == id)
            return p;
    return ApiError::notFound(QStringLiteral("No such passkey."));
}

Status PasskeyService::remove(const Principal &me, const QString &id, const std::optional<QString> &currentPassword)
{
    const AuditEntry attempt = passkeyEvent("passkey.remove", me.id, {{QStringLiteral("passkey"), id}});
    if (auto confirmed = m_lockout.reauthenticate(me, currentPassword, attempt.action); !confirmed)
        return m_audit.noteRefusal(me, attempt, confirmed);
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_repo->remove(me.id, id); !r)
            return r;
        return m_audit.append(me, attempt);
    });
}

Result<QString> PasskeyService::setSignInMode(const Principal &me, const QString &mode,
                                              const std::optional<QString> &currentPassword,
                                              const QList<FieldError> &parseErrors)
{
    if (auto session = requireSession(me); !session || !me.isUser())
        return session ? ApiError::forbidden(QStringLiteral("Passkeys belong to users.")) : session.error();
    QList<FieldError> errors = parseErrors;
    if (errors.isEmpty() && mode != QLatin1String("passwordless") && mode != QLatin1String("second_factor"))
        errors.append(
            {QStringLiteral("mode"), QStringLiteral("invalid"), QStringLiteral("passwordless or second_factor.")});
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    const AuditEntry attempt = passkeyEvent("passkey.sign_in_mode", me.id, {{QStringLiteral("mode"), mode}});
    if (auto confirmed = m_lockout.reauthenticate(me, currentPassword, attempt.action); !confirmed)
        return m_audit.noteRefusal(me, attempt, Result<QString>(confirmed.error()));
    auto record = m_users->find(me.id);
    if (!record)
        return record.error();
    // A passkey that only follows a password would never sign in an account without one.
    if (mode == QLatin1String("second_factor") && record->passwordHash.isEmpty())
        return ApiError::conflict(QStringLiteral("This account has no password: set one first, or its passkeys "
                                                 "could no longer sign in."));
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_users->setPasskeysAlone(me.id, mode == QLatin1String("passwordless"), m_clock.nowMs()); !r)
            return r;
        return m_audit.append(me, attempt);
    });
    if (!s)
        return s.error();
    return mode;
}

Result<QList<Passkey>> PasskeyService::listOfUser(const Principal &actor, const QString &userId)
{
    if (auto e = missing(actor, permission::UsersRead))
        return *e;
    if (auto user = m_users->find(userId, true); !user)
        return user.error();
    return m_repo->listOfUser(userId);
}

Status PasskeyService::removeOfUser(const Principal &actor, const QString &userId, const QString &id)
{
    if (auto e = missing(actor, permission::UsersWrite))
        return *e;
    const AuditEntry attempt = passkeyEvent("passkey.remove", userId, {{QStringLiteral("passkey"), id}});
    if (auto self = notOnOneself(actor, userId); !self)
        return m_audit.noteRefusal(actor, attempt, self);
    return m_audit.noteRefusal(actor, attempt, writeTransaction(m_db, [&]() -> Status {
                                   if (auto target = m_roles.actOn(actor, userId); !target)
                                       return target.error();
                                   if (auto r = m_repo->remove(userId, id); !r)
                                       return r;
                                   return m_audit.append(actor, attempt);
                               }));
}

Result<QJsonObject> PasskeyService::requestOptions(const QString &userId, const QString &boundTo)
{
    auto challenge = newChallenge(Authenticate, userId, boundTo);
    if (!challenge)
        return challenge.error();
    // A sign-in names nobody: the authenticator offers what it holds. A second factor is one of
    // the user's passkeys, whose presence is enough after the password.
    QJsonArray allowed;
    if (!userId.isEmpty()) {
        auto passkeys = m_repo->listOfUser(userId);
        if (!passkeys)
            return passkeys.error();
        for (const Passkey &p : *passkeys)
            allowed.append(descriptor(p));
    }
    return QJsonObject{{QStringLiteral("challenge"), QString::fromLatin1(crypto::base64Url(*challenge))},
                       {QStringLiteral("rpId"), relyingParty().id},
                       {QStringLiteral("timeout"), ChallengeMs},
                       {QStringLiteral("userVerification"),
                        userId.isEmpty() ? QStringLiteral("required") : QStringLiteral("preferred")},
                       {QStringLiteral("allowCredentials"), allowed}};
}

Result<QJsonObject> PasskeyService::signInOptions(const Principal &)
{
    if (!m_settings.current().passkeysPasswordless)
        return ApiError::forbidden(QStringLiteral("Signing in with a passkey alone is off (passkeys.passwordless)."));
    return requestOptions(QString(), QString());
}

Result<Passkey> PasskeyService::checkAssertion(const Principal &client, const QJsonObject &credential,
                                               const QString &userId, const QString &boundTo, Refusal &refusal)
{
    const auto refuse = [&](const QString &owner, const QString &reason, const QString &why) -> Result<Passkey> {
        refusal = {owner, reason};
        return refused(why);
    };
    const QJsonObject response = credential.value(QStringLiteral("response")).toObject();
    if (credential.value(QStringLiteral("type")).toString() != QLatin1String("public-key"))
        return refused(QStringLiteral("Not a public-key credential."));
    auto clientData =
        checkClientData(b64(response, "clientDataJSON"), QStringLiteral("webauthn.get"), Authenticate, boundTo);
    if (!clientData) {
        // A replayed or expired challenge, or another origin (phishing): worth knowing of, whoever it names.
        if (clientData.error().status() == 422)
            refusal = {userId, QStringLiteral("client_data")};
        return clientData.error();
    }
    if (clientData->challengeUser != userId)
        return refuse(userId, QStringLiteral("client_data"),
                      QStringLiteral("The challenge was given for another sign-in."));
    auto passkey = m_repo->findByCredentialId(b64(credential, "rawId"));
    if (!passkey) {
        if (passkey.error().status() != 404)
            return passkey.error();
        return refuse(userId, QStringLiteral("unknown"), QStringLiteral("This passkey is not registered here."));
    }
    if (!userId.isEmpty() && passkey->userId != userId)
        return refuse(userId, QStringLiteral("unknown"), QStringLiteral("This passkey is not registered here."));
    const auto fail = [&](const QString &reason, const QString &why) { return refuse(passkey->userId, reason, why); };
    // The signature first: what the other checks find is then the authenticator's own word, not
    // something anyone who knows a credential id could make up.
    const QByteArray authData = b64(response, "authenticatorData");
    const crypto::webauthn::CredentialKey key{passkey->algorithm,
                                              QJsonDocument::fromJson(passkey->publicKey.toUtf8()).object()};
    if (!crypto::webauthn::verifyAssertion(key, authData, clientData->hash, b64(response, "signature")))
        return fail(QStringLiteral("signature"), QStringLiteral("The signature does not verify."));
    QString why;
    const auto data = crypto::webauthn::parseAuthenticatorData(authData, &why);
    if (!data || data->rpIdHash != crypto::sha256(relyingParty().id.toUtf8()))
        return fail(QStringLiteral("relying_party"), QStringLiteral("The passkey answered for another relying party."));
    // Alone, a passkey is two factors only when the authenticator verified its user; after the
    // password, its presence is the second.
    if (!data->userPresent() || (userId.isEmpty() && !data->userVerified()))
        return fail(QStringLiteral("user_not_verified"),
                    QStringLiteral("The authenticator did not verify its user (a PIN or biometric is required)."));
    // Sign-in names nobody: the authenticator says whose passkey it used (WebAuthn §7.2 step 6).
    const QByteArray handle = b64(response, "userHandle");
    if ((userId.isEmpty() || !handle.isEmpty()) && !crypto::constantTimeEquals(handle, userHandle(passkey->userId)))
        return fail(QStringLiteral("user_handle"), QStringLiteral("The user handle is not this passkey's."));
    // A counter that counts must grow: one that does not is a second authenticator with this key.
    if ((data->signCount != 0 || passkey->signCount != 0) && data->signCount <= passkey->signCount) {
        (void)m_audit.record(client, passkeyEvent("passkey.clone_suspected", passkey->userId,
                                                  {{QStringLiteral("passkey"), passkey->id},
                                                   {QStringLiteral("stored_count"), passkey->signCount},
                                                   {QStringLiteral("presented_count"), qint64(data->signCount)}},
                                                  QStringLiteral("failure")));
        return fail(QStringLiteral("counter"),
                    QStringLiteral("The signature counter went backwards: a cloned authenticator?"));
    }
    auto used = writeTransaction(m_db, [&] {
        return m_repo->recordUse(*passkey, passkey->signCount, data->signCount, data->backedUp(), m_clock.nowMs());
    });
    if (!used)
        return used.error();
    if (!*used) // another sign-in with it moved the counter first
        return fail(QStringLiteral("counter"),
                    QStringLiteral("The signature counter went backwards: a cloned authenticator?"));
    return passkey;
}

Result<IssuedTokens> PasskeyService::signIn(const Principal &client, const QJsonObject &credential,
                                            const QString &holder)
{
    if (!m_settings.current().passkeysPasswordless)
        return ApiError::forbidden(QStringLiteral("Signing in with a passkey alone is off (passkeys.passwordless)."));
    Refusal refusal;
    auto passkey = checkAssertion(client, credential, QString(), QString(), refusal);
    if (!passkey) {
        if (refusal.reason.isEmpty())
            return passkey.error();
        (void)m_auth.failPasskeySignIn(client, refusal.userId, refusal.reason);
        // What the client's own data got wrong is said; what the passkey got wrong is not.
        return refusal.reason == QLatin1String("client_data") ? passkey.error() : ApiError::invalidCredentials();
    }
    return m_auth.signInWithPasskey(client, passkey->userId, holder);
}

Result<QJsonObject> PasskeyService::secondFactorOptions(const QString &mfaToken, const QString &holder)
{
    auto userId = m_auth.mfaTokenUser(mfaToken, holder);
    if (!userId)
        return userId.error();
    return requestOptions(*userId, secondStep(mfaToken));
}

Result<IssuedTokens> PasskeyService::completeSecondFactor(const Principal &client, const QString &mfaToken,
                                                          const QJsonObject &credential, const QString &holder)
{
    return m_auth.completeMfa(
        client, mfaToken,
        [&](const QString &userId, QString &reason) -> Result<QString> {
            Refusal refusal;
            auto passkey = checkAssertion(client, credential, userId, secondStep(mfaToken), refusal);
            if (!passkey && !refusal.reason.isEmpty()) {
                // As a wrong code is: the audit says why, the answer does not.
                reason = QStringLiteral("passkey_") + refusal.reason;
                return refused(QStringLiteral("The passkey was not accepted; ask for new options and try again."));
            }
            if (!passkey)
                return passkey.error();
            return QStringLiteral("password+passkey");
        },
        holder);
}

} // namespace keyward
