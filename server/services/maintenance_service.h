#pragma once

#include "audit_service.h"
#include "core/result.h"

namespace keyward {

class Clock;
class Database;
class KeyService;
class LockoutService;
class SettingsService;
class UserService;

// Housekeeping every node may run (each step is idempotent and safe to race): disabling dormant
// accounts when the policy is on (audited as actor system; never the last administrator), a new
// signing key when the active one is as old as the setting says, and forgetting expired lockout
// counters, one-time tokens, token revocations, sessions, failed logins per address older than two
// days, the change feed's rows older than an hour and webhook deliveries finished a month ago.
class MaintenanceService {
public:
    MaintenanceService(Database &db, const Clock &clock, AuditService &audit, SettingsService &settings,
                       UserService &users, LockoutService &lockout, KeyService &keys);

    struct Report {
        int disabledDormant = 0;
        QString newSigningKey; // its kid, when the active one was due
    };
    Result<Report> runOnce();

private:
    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
    SettingsService &m_settings;
    UserService &m_users;
    LockoutService &m_lockout;
    KeyService &m_keys;
};

} // namespace keyward
