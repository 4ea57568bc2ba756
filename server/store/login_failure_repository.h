#pragma once

#include "core/result.h"
#include "database.h"

namespace keyward {

struct LockoutPolicy {
    int threshold = 5;
    qint64 baseMs = 60'000;
    qint64 maxMs = 900'000;
};

// Consecutive login failures per subject and the lock they lead to. Every method runs inside the
// caller's write transaction.
class LoginFailureRepository {
public:
    explicit LoginFailureRepository(Database &db);

    struct Attempt {
        bool allowed = true;    // false: the subject was already locked; nothing was counted
        qint64 lockedUntil = 0; // the lock now in force (0 = none), for Retry-After and users.locked_until
    };
    // Counts this attempt as a failure before the password is checked (refunded by clear() on
    // success), so parallel guesses cannot slip past the threshold. A subject reaching the threshold
    // is locked for base * 2^(failures - threshold), at most max.
    Result<Attempt> charge(const QString &subject, qint64 nowMs, const LockoutPolicy &policy);
    Status clear(const QString &subject);
    // Locks `subject` until `untilMs` (or longer, if it already is), without counting a failure.
    Status lock(const QString &subject, qint64 untilMs, qint64 nowMs);
    // Lifts the lock of `subject` and keeps its count: the next failure locks it again, for longer.
    Status unlock(const QString &subject);
    // Forgets failures older than `beforeMs` (unknown logins would otherwise accumulate), except
    // those of subjects starting with `keepPrefix`.
    Status prune(qint64 beforeMs, const QString &keepPrefix);

private:
    Database &m_db;
};

} // namespace keyward
