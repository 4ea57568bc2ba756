#include "mfa_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "crypto/digest.h"
#include "crypto/qr_code.h"
#include "crypto/totp.h"
#include "lockout_service.h"
#include "role_service.h"
#include "store/mfa_repository.h"
#include "store/passkey_repository.h"
#include "store/user_repository.h"
#include "store/write_transaction.h"

namespace keyward {

namespace {

QByteArray sealContext(const QString &userId)
{
    return QByteArray("totp:") + userId.toUtf8();
}

// "ab3de-fgh2k" -> "AB3DEFGH2K": what people type back is compared in one form.
QString normalizedRecoveryCode(const QString &code)
{
    QString out;
    for (const QChar c : code)
        if (c.isLetterOrNumber())
            out.append(c.toUpper());
    return out;
}

ApiError invalidCode()
{
    return ApiError::validation(QStringLiteral("code"), QStringLiteral("invalid"),
                                QStringLiteral("The code is not valid; check the time on your device."));
}

} // namespace

MfaService::MfaService(Database &db, const Clock &clock, AuditService &audit, RoleService &roles,
                       LockoutService &lockout, const crypto::Sealer &sealer, QByteArray recoveryCodeKey)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_roles(roles)
    , m_lockout(lockout)
    , m_sealer(sealer)
    , m_recoveryKey(std::move(recoveryCodeKey))
    , m_repo(std::make_unique<MfaRepository>(db))
    , m_users(std::make_unique<UserRepository>(db))
{
}

MfaService::~MfaService() = default;

std::optional<QByteArray> MfaService::secretOf(const QString &userId, const TotpRecord &record) const
{
    return m_sealer.open(record.secretSealed, sealContext(userId));
}

QByteArray MfaService::recoveryHash(const QString &code) const
{
    // Keyed: ten-character codes are short enough that a plain hash could be brute-forced offline.
    return crypto::hmacSha256(m_recoveryKey, normalizedRecoveryCode(code).toLatin1());
}

Result<MfaService::Enrollment> MfaService::enroll(const Principal &me, const std::optional<QString> &currentPassword)
{
    const QString action = QStringLiteral("mfa.totp.enroll");
    if (auto confirmed = m_lockout.reauthenticate(me, currentPassword, action); !confirmed)
        return m_audit.noteRefusal(me, {action, QStringLiteral("user"), me.id}, Result<Enrollment>(confirmed.error()));
    auto user = m_users->find(me.id);
    if (!user)
        return user.error();
    QByteArray secret = crypto::randomBytes(20); // 160 bits, as RFC 4226 recommends for HMAC-SHA1
    auto saved = writeTransaction(m_db, [&]() -> Status {
        if (auto s = m_repo->savePending(me.id, m_sealer.seal(secret, sealContext(me.id)), m_clock.nowMs()); !s)
            return s;
        return m_audit.append(me, {QStringLiteral("mfa.totp.enroll"), QStringLiteral("user"), me.id});
    });
    if (!saved) {
        crypto::wipe(secret);
        return saved.error();
    }
    Enrollment e;
    e.secret = crypto::base32Encode(secret);
    e.otpauthUri = crypto::Totp::otpauthUri(QStringLiteral("Keyward"), user->user.username, secret);
    e.qrSvg = crypto::qrCodeSvg(e.otpauthUri);
    crypto::wipe(secret);
    return e;
}

Result<QStringList> MfaService::confirm(const Principal &me, const QString &code)
{
    if (auto session = requireSession(me); !session)
        return m_audit.noteRefusal(me, {QStringLiteral("mfa.totp.confirm"), QStringLiteral("user"), me.id},
                                   Result<QStringList>(session.error()));
    auto record = m_repo->totp(me.id);
    if (!record)
        return record.error();
    if (!*record)
        return ApiError::conflict(QStringLiteral("Start the enrolment first (POST /api/v1/me/mfa/totp)."));
    if ((*record)->confirmed)
        return ApiError::conflict(QStringLiteral("Two-factor authentication is already on."));
    const auto secret = secretOf(me.id, **record);
    const auto step = secret ? crypto::Totp::match(*secret, code.trimmed(), m_clock.nowSeconds()) : std::nullopt;
    if (!step)
        return invalidCode();
    QStringList codes;
    QList<QByteArray> hashes;
    for (int i = 0; i < 10; ++i) {
        const QString raw = crypto::base32Encode(crypto::randomBytes(7)).left(10).toLower();
        codes << raw.left(5) + QLatin1Char('-') + raw.mid(5);
        hashes << recoveryHash(raw);
    }
    auto done = writeTransaction(m_db, [&]() -> Status {
        if (auto s = m_repo->confirm(me.id, *step); !s)
            return s;
        if (auto s = m_repo->replaceRecoveryCodes(me.id, hashes); !s)
            return s;
        if (auto s = m_users->setMfaEnabled(me.id, true); !s)
            return s;
        return m_audit.append(me, {QStringLiteral("mfa.totp.confirm"), QStringLiteral("user"), me.id});
    });
    if (!done)
        return done.error();
    return codes;
}

Status MfaService::removeAll(const Principal &actor, const QString &userId, const QString &action)
{
    return writeTransaction(m_db, [&]() -> Status {
        if (actor.id != userId)
            if (auto target = m_roles.actOn(actor, userId); !target)
                return target.error();
        if (auto s = m_repo->removeAll(userId); !s)
            return s;
        if (auto s = m_users->setMfaEnabled(userId, false); !s)
            return s;
        // An administrator's reset is for a lost device: the passkeys on it go too.
        if (action == QLatin1String("mfa.reset"))
            if (auto s = PasskeyRepository(m_db).removeAllOf(userId); !s)
                return s;
        return m_audit.append(actor, {action, QStringLiteral("user"), userId});
    });
}

Status MfaService::disable(const Principal &me, const std::optional<QString> &currentPassword)
{
    const QString action = QStringLiteral("mfa.totp.disable");
    if (auto confirmed = m_lockout.reauthenticate(me, currentPassword, action); !confirmed)
        return m_audit.noteRefusal(me, {action, QStringLiteral("user"), me.id}, confirmed);
    return removeAll(me, me.id, action);
}

Status MfaService::reset(const Principal &actor, const QString &userId)
{
    if (auto e = missing(actor, permission::UsersWrite))
        return *e;
    const QString action = QStringLiteral("mfa.reset");
    if (auto self = notOnOneself(actor, userId); !self)
        return m_audit.noteRefusal(actor, {action, QStringLiteral("user"), userId}, self);
    return m_audit.noteRefusal(actor, {action, QStringLiteral("user"), userId}, removeAll(actor, userId, action));
}

Result<QString> MfaService::verify(const QString &userId, const QString &code)
{
    const QString trimmed = code.trimmed();
    if (trimmed.size() == 6) {
        auto record = m_repo->totp(userId);
        if (!record)
            return record.error();
        if (!*record || !(*record)->confirmed)
            return invalidCode();
        const auto secret = secretOf(userId, **record);
        const auto step = secret ? crypto::Totp::match(*secret, trimmed, m_clock.nowSeconds()) : std::nullopt;
        if (!step)
            return invalidCode();
        auto fresh = m_repo->useStep(userId, *step); // a code already used in its window is a replay
        if (!fresh)
            return fresh.error();
        if (!*fresh)
            return invalidCode();
        return QStringLiteral("totp");
    }
    auto used = m_repo->useRecoveryCode(userId, recoveryHash(trimmed), m_clock.nowMs());
    if (!used)
        return used.error();
    if (!*used)
        return invalidCode();
    return QStringLiteral("recovery_code");
}

} // namespace keyward
