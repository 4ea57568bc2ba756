#pragma once

#include "audit_service.h"
#include "core/principal.h"
#include "core/result.h"
#include "crypto/password_hasher.h"

#include <memory>
#include <optional>

namespace keyward {

class Clock;
class Counter;
class Database;
class LoginFailureRepository;
class SettingsService;
class UserRepository;

// Counts failed attempts at an account's secrets and locks the account after too many. Every check
// of a secret is charged here: the password and the second factor of a login, and the current
// password that credential changes ask for again. Passwords and second factors are counted apart,
// so a right password never forgives wrong codes; a lock reached by either locks the account.
class LockoutService {
public:
    enum class Secret { Password, SecondFactor };

    // `lockouts` counts each lock this service imposes.
    LockoutService(Database &db, const Clock &clock, AuditService &audit, SettingsService &settings,
                   const crypto::PasswordHasher &hasher, Counter &lockouts);

    ~LockoutService();

    static QString subject(Secret secret, const QString &userId);
    // Login names nobody has are counted like accounts, so a lockout tells nothing about who exists.
    static QString unknownLoginSubject(const QString &login);

    // Counts an attempt against `subject` before the secret is checked (clear() refunds it when it was
    // right), so parallel guesses cannot slip past the threshold. 429 too-many-attempts while the
    // subject is locked. A lock reached now locks the account `userId` (if any) as a whole.
    Status charge(const QString &subject, const QString &userId);
    // Inside the caller's write transaction: forgets the failures of `subject`.
    Status clear(const QString &subject);
    // Inside the caller's write transaction, for a completed login: forgets every failure of the
    // account and ends its lock.
    Status forgive(const QString &userId);
    // Inside the caller's write transaction, for an administrator: ends the account's lock and its
    // wrong passwords. Wrong second factors stay counted (only a completed login forgives them), so
    // the next one locks it again.
    Status unlock(const QString &userId);
    // Forgets old failures of unknown logins and passwords; wrong second factors stay until a login.
    Status prune(qint64 beforeMs);

    // Credential changes (email, password, second factors, API keys, other sessions) need a signed-in
    // session, never an API key (403 session-required), and the current password unless the session
    // signed in within the last five minutes (403 reauthentication-required). A wrong password counts
    // toward the lockout like a failed login (422 on `current_password`, audited as a failed
    // `action`). The console and the command line act for whoever runs them, and pass.
    Status reauthenticate(const Principal &actor, const std::optional<QString> &currentPassword, const QString &action);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    SettingsService &m_settings;
    const crypto::PasswordHasher &m_hasher;
    Counter &m_lockouts;
    std::unique_ptr<LoginFailureRepository> m_failures;
    std::unique_ptr<UserRepository> m_users;
};

} // namespace keyward
