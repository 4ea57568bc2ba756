#include "maintenance_service.h"

#include "core/clock.h"
#include "core/logging.h"
#include "key_service.h"
#include "lockout_service.h"
#include "settings_service.h"
#include "store/cluster_repository.h"
#include "store/overview_repository.h"
#include "store/session_repository.h"
#include "store/sql_error.h"
#include "store/webhook_repository.h"
#include "store/write_transaction.h"
#include "user_service.h"

namespace keyward {

namespace {
constexpr qint64 Hour = 3'600'000;
constexpr qint64 Day = 24 * Hour;
} // namespace

MaintenanceService::MaintenanceService(Database &db, const Clock &clock, AuditService &audit, SettingsService &settings,
                                       UserService &users, LockoutService &lockout, KeyService &keys)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_settings(settings)
    , m_users(users)
    , m_lockout(lockout)
    , m_keys(keys)
{
}

Result<MaintenanceService::Report> MaintenanceService::runOnce()
{
    Report report;
    const qint64 now = m_clock.nowMs();
    const RuntimeSettings settings = m_settings.current();
    if (settings.dormantDisableAfterDays > 0) {
        const qint64 cutoff = now - settings.dormantDisableAfterDays * Day;
        QSqlQuery &q = m_db.prepared(
            QStringLiteral("SELECT id FROM users WHERE status = 'active' AND deleted_at = 0 AND "
                           "CASE WHEN last_login_at = 0 THEN created_at ELSE last_login_at END < ? LIMIT 1000"));
        q.addBindValue(cutoff);
        if (!m_db.exec(q))
            return sqlFailure(q);
        QStringList ids;
        while (q.next())
            ids << q.value(0).toString();
        q.finish();
        // One transaction per user; the status check lets only one node disable (and audit) each.
        for (const QString &id : std::as_const(ids)) {
            auto disabled = m_users.disableDormant(id, settings.dormantDisableAfterDays);
            if (!disabled)
                return disabled.error();
            report.disabledDormant += *disabled ? 1 : 0;
        }
    }
    auto rotated = m_keys.rotateIfDue();
    if (!rotated)
        return rotated.error();
    report.newSigningKey = *rotated;
    if (settings.auditRetentionDays > 0)
        if (auto r = m_audit.prune(settings.auditRetentionDays); !r)
            return r.error();
    if (auto r = m_lockout.prune(now - Day); !r)
        return r.error();
    auto pruned = writeTransaction(m_db, [&]() -> Status {
        if (auto r = SessionRepository(m_db).pruneExpired(now - Day); !r)
            return r;
        if (auto r = OverviewRepository(m_db).pruneFailingAddresses(now - 2 * Day); !r)
            return r;
        // A month of webhook delivery log is enough to tell what an endpoint missed.
        if (auto r = WebhookRepository(m_db).pruneFinished(now - 30 * Day); !r)
            return r.error();
        // Every node reads the feed within a second; an hour covers one that was away a while
        // (it then trusts nothing it cached anyway).
        if (auto r = ClusterRepository(m_db).pruneChanges((now - Hour) / 1000); !r)
            return r.error();
        // A spent authorization code is kept a day past its minute, to catch it coming back.
        for (const char *sql :
             {"DELETE FROM one_time_tokens WHERE expires_at < ?", "DELETE FROM revoked_tokens WHERE expires_at < ?",
              "DELETE FROM oauth_codes WHERE expires_at < ?"}) {
            QSqlQuery &d = m_db.prepared(QLatin1String(sql));
            d.addBindValue(now - Day);
            if (!m_db.exec(d))
                return sqlFailure(d);
        }
        return success();
    });
    if (!pruned)
        return pruned.error();
    if (report.disabledDormant)
        qCInfo(lcServices) << "disabled" << report.disabledDormant << "dormant accounts";
    return report;
}

} // namespace keyward
