#pragma once

#include "audit_service.h"
#include "core/principal.h"
#include "core/result.h"
#include "crypto/password_hasher.h"
#include "crypto/sealer.h"
#include "store/mfa_repository.h"
#include "store/user_repository.h"

namespace keyward {

class Clock;

// TOTP enrolment (pending until a first code confirms it), ten single-use recovery codes shown
// once, disabling (with the password) and the administrator's reset.
class MfaService {
public:
    MfaService(Database &db, const Clock &clock, AuditService &audit, const crypto::Sealer &sealer,
               const crypto::PasswordHasher &hasher, QByteArray recoveryCodeKey);

    struct Enrollment {
        QString secret; // base32
        QString otpauthUri;
        QString qrSvg;
    };
    Result<Enrollment> enroll(const Principal &me);
    // Confirms the pending enrolment with a current code; returns the recovery codes (shown once).
    Result<QStringList> confirm(const Principal &me, const QString &code);
    Status disable(const Principal &me, const QString &password);
    Status reset(const Principal &actor, const QString &userId);

    // The second factor of a login: a TOTP code (each time step accepted once) or an unused
    // recovery code. Returns which one was used.
    Result<QString> verify(const QString &userId, const QString &code);

private:
    std::optional<QByteArray> secretOf(const QString &userId, const TotpRecord &record) const;
    QByteArray recoveryHash(const QString &code) const;
    Status removeAll(const Principal &actor, const QString &userId, const QString &action);

    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    const crypto::Sealer &m_sealer;
    const crypto::PasswordHasher &m_hasher;
    QByteArray m_recoveryKey;
    MfaRepository m_repo;
    UserRepository m_users;
};

} // namespace keyward
