#pragma once

#include "core/overview.h"
#include "core/principal.h"
#include "core/result.h"

namespace keyward {

class Clock;
class Database;
class KeyService;

// The installation at a glance: the user base, a month of activity, where failed logins come
// from, the signing key's age and the last backup.
struct Overview {
    UserOverview users;
    qint64 signingKeyCreatedAt = 0; // 0 = no signing key
};

class OverviewService {
public:
    static constexpr int Days = 30;
    static constexpr int FailingAddresses = 5;

    OverviewService(Database &db, const Clock &clock, KeyService &keys);

    // Needs users:read and audit:read (the failing addresses come from the audit trail).
    Result<Overview> overview(const Principal &actor);

private:
    Database &m_db;
    const Clock &m_clock;
    KeyService &m_keys;
};

} // namespace keyward
