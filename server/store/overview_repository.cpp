#include "overview_repository.h"

#include "sql_error.h"

namespace keyward {

namespace {

constexpr qint64 DayMs = 86'400'000;
constexpr qint64 HourMs = 3'600'000;

} // namespace

OverviewRepository::OverviewRepository(Database &db)
    : m_db(db)
{
}

Result<UserOverview> OverviewRepository::read(qint64 nowMs, int days, int addresses)
{
    UserOverview o;
    QSqlQuery &counts = m_db.prepared(QStringLiteral("SELECT bucket, n FROM user_counts"));
    if (!m_db.exec(counts))
        return sqlFailure(counts);
    while (counts.next()) {
        const QString bucket = counts.value(0).toString();
        const qint64 n = counts.value(1).toLongLong();
        if (bucket.endsWith(QLatin1String(":1")))
            o.deleted += n;
        else if (bucket.startsWith(QLatin1String("active:")))
            o.active += n;
        else
            o.disabled += n;
    }
    counts.finish();

    QSqlQuery &facts = m_db.prepared(QStringLiteral("SELECT name, value FROM overview_facts"));
    if (!m_db.exec(facts))
        return sqlFailure(facts);
    while (facts.next()) {
        const QString name = facts.value(0).toString();
        const qint64 value = facts.value(1).toLongLong();
        if (name == QLatin1String("users_mfa"))
            o.withMfa = value;
        else if (name == QLatin1String("users_never_logged_in"))
            o.neverLoggedIn = value;
        else if (name == QLatin1String("last_backup_at"))
            o.lastBackupAt = value;
    }
    facts.finish();

    // "locked_until <> 0" lets the partial index users_locked answer.
    QSqlQuery &locked = m_db.prepared(
        QStringLiteral("SELECT count(*) FROM users WHERE locked_until <> 0 AND locked_until > ? AND deleted_at = 0"));
    locked.addBindValue(nowMs);
    auto lockedCount = scalar(m_db, locked);
    if (!lockedCount)
        return lockedCount.error();
    o.locked = *lockedCount;

    const qint64 today = nowMs / DayMs;
    const qint64 first = today - qMax(1, days) + 1;
    for (qint64 day = first; day <= today; ++day)
        o.days.append({day, 0, 0, 0});
    QSqlQuery &daily =
        m_db.prepared(QStringLiteral("SELECT day, kind, n FROM daily_counts WHERE day >= ? AND day <= ?"));
    daily.addBindValue(first);
    daily.addBindValue(today);
    if (!m_db.exec(daily))
        return sqlFailure(daily);
    while (daily.next()) {
        DailyActivity &d = o.days[daily.value(0).toLongLong() - first];
        const QString kind = daily.value(1).toString();
        const qint64 n = daily.value(2).toLongLong();
        if (kind == QLatin1String("users_created"))
            d.usersCreated = n;
        else if (kind == QLatin1String("logins_succeeded"))
            d.loginsSucceeded = n;
        else if (kind == QLatin1String("logins_failed"))
            d.loginsFailed = n;
    }
    daily.finish();

    QSqlQuery &failing = m_db.prepared(
        QStringLiteral("SELECT address, sum(n) AS failures FROM failing_addresses WHERE hour > ? GROUP BY address "
                       "ORDER BY failures DESC, address LIMIT ?"));
    failing.addBindValue(nowMs / HourMs - 24);
    failing.addBindValue(addresses);
    if (!m_db.exec(failing))
        return sqlFailure(failing);
    while (failing.next())
        o.failingAddresses.append({failing.value(0).toString(), failing.value(1).toLongLong()});
    failing.finish();
    return o;
}

Status OverviewRepository::pruneFailingAddresses(qint64 beforeMs)
{
    return execute(m_db, QStringLiteral("DELETE FROM failing_addresses WHERE hour < ?"), {beforeMs / HourMs});
}

} // namespace keyward
