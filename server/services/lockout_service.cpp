#include "lockout_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "observe/metrics.h"
#include "settings_service.h"
#include "store/login_failure_repository.h"
#include "store/user_repository.h"
#include "store/write_transaction.h"

namespace keyward {

namespace {

// How long after signing in a session may change credentials without the password again.
constexpr qint64 FreshSignInMs = 5 * 60'000;

} // namespace

LockoutService::LockoutService(Database &db, const Clock &clock, AuditService &audit, SettingsService &settings,
                               const crypto::PasswordHasher &hasher, Counter &lockouts)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_settings(settings)
    , m_hasher(hasher)
    , m_lockouts(lockouts)
    , m_failures(std::make_unique<LoginFailureRepository>(db))
    , m_users(std::make_unique<UserRepository>(db))
{
}

LockoutService::~LockoutService() = default;

QString LockoutService::subject(Secret secret, const QString &userId)
{
    return (secret == Secret::Password ? QStringLiteral("user:") : QStringLiteral("mfa:")) + userId;
}

QString LockoutService::unknownLoginSubject(const QString &login)
{
    return QStringLiteral("login:") + UserRepository::foldKey(login).left(254);
}

Status LockoutService::charge(const QString &subject, const QString &userId)
{
    const RuntimeSettings settings = m_settings.current();
    const LockoutPolicy policy{settings.lockoutThreshold, settings.lockoutBaseSeconds * 1000LL,
                               settings.lockoutMaxSeconds * 1000LL};
    const qint64 now = m_clock.nowMs();
    LoginFailureRepository::Attempt attempt;
    auto charged = writeTransaction(m_db, [&]() -> Status {
        auto a = m_failures->charge(subject, now, policy);
        if (!a)
            return a.error();
        attempt = *a;
        if (userId.isEmpty() || !a->lockedUntil)
            return success();
        // Wrong codes lock the password step too: the whole account waits.
        if (const QString password = LockoutService::subject(Secret::Password, userId); subject != password)
            if (auto r = m_failures->lock(password, a->lockedUntil, now); !r)
                return r;
        return m_users->setLockedUntil(userId, a->lockedUntil);
    });
    if (!charged)
        return charged.error();
    if (attempt.allowed && attempt.lockedUntil > 0)
        m_lockouts.inc(); // this failure imposed the lock
    if (attempt.allowed)
        return success();
    return ApiError::tooManyAttempts(static_cast<int>(qMax<qint64>(1, (attempt.lockedUntil - now + 999) / 1000)));
}

Status LockoutService::clear(const QString &subject)
{
    return m_failures->clear(subject);
}

Status LockoutService::forgive(const QString &userId)
{
    for (const Secret secret : {Secret::Password, Secret::SecondFactor})
        if (auto r = m_failures->clear(subject(secret, userId)); !r)
            return r;
    return m_users->setLockedUntil(userId, 0);
}

Status LockoutService::unlock(const QString &userId)
{
    if (auto r = m_failures->clear(subject(Secret::Password, userId)); !r)
        return r;
    if (auto r = m_failures->unlock(subject(Secret::SecondFactor, userId)); !r)
        return r;
    return m_users->setLockedUntil(userId, 0);
}

Status LockoutService::prune(qint64 beforeMs)
{
    return writeTransaction(m_db, [&] { return m_failures->prune(beforeMs, subject(Secret::SecondFactor, {})); });
}

Status LockoutService::reauthenticate(const Principal &actor, const std::optional<QString> &currentPassword,
                                      const QString &action)
{
    if (auto session = requireSession(actor); !session)
        return session;
    if (!actor.isUser())
        return success();
    if (!currentPassword) {
        if (actor.authTime > 0 && m_clock.nowMs() - actor.authTime < FreshSignInMs)
            return success();
        return ApiError::reauthenticationRequired();
    }
    const QString password = subject(Secret::Password, actor.id);
    const auto failed = [&](const QString &reason) {
        (void)m_audit.record(actor, {action,
                                     QStringLiteral("user"),
                                     actor.id,
                                     QStringLiteral("failure"),
                                     {{QStringLiteral("reason"), reason}}});
    };
    if (auto gate = charge(password, actor.id); !gate) {
        failed(QStringLiteral("locked"));
        return gate;
    }
    auto found = m_users->find(actor.id);
    if (!found)
        return found.error();
    if (found->passwordHash.isEmpty() || !m_hasher.verify(*currentPassword, found->passwordHash)) {
        failed(QStringLiteral("incorrect_password"));
        return ApiError::validation(QStringLiteral("current_password"), QStringLiteral("incorrect"),
                                    QStringLiteral("The current password is not correct."));
    }
    return writeTransaction(m_db, [&] { return clear(password); });
}

} // namespace keyward
