#pragma once

#include "audit_service.h"
#include "core/principal.h"
#include "core/result.h"
#include "crypto/sealer.h"

#include <memory>

namespace keyward {

class Clock;
class Database;
class LockoutService;
class MfaRepository;
class RoleService;
struct TotpRecord;
class UserRepository;

// TOTP enrolment (pending until a first code confirms it), ten single-use recovery codes shown
// once, disabling, and the administrator's reset. Enrolling and disabling change a credential:
// a signed-in session and, unless it is fresh, the current password (LockoutService::reauthenticate).
class MfaService {
public:
    MfaService(Database &db, const Clock &clock, AuditService &audit, RoleService &roles, LockoutService &lockout,
               const crypto::Sealer &sealer, QByteArray recoveryCodeKey);
    ~MfaService();

    struct Enrollment {
        QString secret; // base32
        QString otpauthUri;
        QString qrSvg;
    };
    Result<Enrollment> enroll(const Principal &me, const std::optional<QString> &currentPassword);
    // Confirms the pending enrolment with a current code; returns the recovery codes (shown once).
    Result<QStringList> confirm(const Principal &me, const QString &code);
    Status disable(const Principal &me, const std::optional<QString> &currentPassword);
    // An administrator's reset, for someone who lost the device: only on accounts the actor may act on.
    Status reset(const Principal &actor, const QString &userId);

    // The second factor of a login: a TOTP code (each time step accepted once) or an unused
    // recovery code. Returns which one was used.
    Result<QString> verify(const QString &userId, const QString &code);

private:
    std::optional<QByteArray> secretOf(const QString &userId, const TotpRecord &record) const;
    QByteArray recoveryHash(const QString &code) const;
    // Another user's factors only when the actor may act on that user.
    Status removeAll(const Principal &actor, const QString &userId, const QString &action);

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    RoleService &m_roles;
    LockoutService &m_lockout;
    const crypto::Sealer &m_sealer;
    QByteArray m_recoveryKey;
    std::unique_ptr<MfaRepository> m_repo;
    std::unique_ptr<UserRepository> m_users;
};

} // namespace keyward
