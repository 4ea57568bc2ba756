#include "login_failure_repository.h"

#include "sql_error.h"

namespace keyward {

LoginFailureRepository::LoginFailureRepository(Database &db)
    : m_db(db)
{
}

Result<LoginFailureRepository::Attempt> LoginFailureRepository::charge(const QString &subject, qint64 nowMs,
                                                                       const LockoutPolicy &policy)
{
    // The caller's write transaction holds the lock (SQLite) / the row lock (PostgreSQL) from here on.
    QSqlQuery &count = m_db.prepared(QStringLiteral(
        "INSERT INTO login_failures (subject, failures, last_failure_at, locked_until) VALUES (?, 1, ?, 0) "
        "ON CONFLICT (subject) DO UPDATE SET failures = CASE WHEN login_failures.locked_until > ? "
        "THEN login_failures.failures ELSE login_failures.failures + 1 END, "
        "last_failure_at = excluded.last_failure_at RETURNING failures, locked_until"));
    count.addBindValue(subject);
    count.addBindValue(nowMs);
    count.addBindValue(nowMs);
    if (!m_db.exec(count) || !count.next())
        return sqlFailure(count);
    const int failures = count.value(0).toInt();
    const qint64 lockedUntil = count.value(1).toLongLong();
    count.finish();
    if (lockedUntil > nowMs)
        return Attempt{false, lockedUntil};
    if (failures < policy.threshold)
        return Attempt{true, 0};
    const int doublings = qMin(failures - policy.threshold, 30);
    const qint64 lock = qMin(policy.baseMs << doublings, policy.maxMs);
    QSqlQuery &set = m_db.prepared(QStringLiteral("UPDATE login_failures SET locked_until = ? WHERE subject = ?"));
    set.addBindValue(nowMs + lock);
    set.addBindValue(subject);
    if (!m_db.exec(set))
        return sqlFailure(set);
    return Attempt{true, nowMs + lock};
}

Status LoginFailureRepository::clear(const QString &subject)
{
    return execute(m_db, QStringLiteral("DELETE FROM login_failures WHERE subject = ?"), {subject});
}

Status LoginFailureRepository::lock(const QString &subject, qint64 untilMs, qint64 nowMs)
{
    return execute(
        m_db,
        QStringLiteral("INSERT INTO login_failures (subject, failures, last_failure_at, locked_until) "
                       "VALUES (?, 0, ?, ?) ON CONFLICT (subject) DO UPDATE SET locked_until = CASE WHEN "
                       "login_failures.locked_until > excluded.locked_until THEN login_failures.locked_until "
                       "ELSE excluded.locked_until END"),
        {subject, nowMs, untilMs});
}

Status LoginFailureRepository::unlock(const QString &subject)
{
    return execute(m_db, QStringLiteral("UPDATE login_failures SET locked_until = 0 WHERE subject = ?"), {subject});
}

Status LoginFailureRepository::prune(qint64 beforeMs, const QString &keepPrefix)
{
    // substr, not LIKE: a prefix is compared as it is, whatever characters it holds.
    return execute(m_db,
                   QStringLiteral("DELETE FROM login_failures WHERE last_failure_at < ? AND locked_until < ? AND "
                                  "substr(subject, 1, ?) <> ?"),
                   {beforeMs, beforeMs, keepPrefix.size(), keepPrefix});
}

} // namespace keyward
