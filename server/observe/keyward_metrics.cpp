#include "keyward_metrics.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <cmath>
#include <unistd.h>

namespace keyward {

KeywardMetrics::KeywardMetrics(MetricsRegistry &r)
    : registry(r)
    , httpRequests(r.counter("keyward_http_requests_total", "HTTP requests answered.",
                             {QStringLiteral("method"), QStringLiteral("route"), QStringLiteral("status")}))
    , httpDuration(r.histogram("keyward_http_request_duration_seconds", "Time from a complete request to its response.",
                               {QStringLiteral("route")}, MetricsRegistry::latencyBuckets()))
    , httpInFlight(r.gauge("keyward_http_requests_in_flight", "Requests being processed.").with())
    , logins(r.counter("keyward_logins_total", "Login attempts by result.", {QStringLiteral("result")}))
    , lockouts(r.counter("keyward_lockouts_total", "Accounts locked after repeated failed logins.").with())
    , resetMailUnsent(
          r.counter(
               "keyward_password_reset_mail_unsent_total",
               "Password resets asked for while SMTP is not configured (whether or not the address has an account).")
              .with())
    , tokenRefreshes(r.counter("keyward_token_refreshes_total", "Refresh tokens exchanged.").with())
    , refreshReuse(
          r.counter("keyward_refresh_token_reuse_total", "Rotated refresh tokens presented again (session revoked).")
              .with())
    , hashQueueDepth(r.gauge("keyward_hash_queue_depth", "Password hashing jobs waiting or running.").with())
    , hashWait(r.histogram("keyward_hash_queue_wait_seconds", "Time a hashing job waited for a thread.", {},
                           MetricsRegistry::latencyBuckets())
                   .with())
    , usersByStatus(r.gauge("keyward_users", "Users by status (deleted users under status=\"deleted\").",
                            {QStringLiteral("status")}))
    , activeSessions(r.gauge("keyward_sessions_active", "Sessions that are neither revoked nor expired.").with())
    , buildInfo(r.gauge("keyward_build_info", "Version information; the value is always 1.",
                        {QStringLiteral("version"), QStringLiteral("qt_version"), QStringLiteral("database")}))
    , dbQueryDuration(r.histogram(
          "keyward_db_query_duration_seconds", "Time to run one SQL statement, by kind.", {QStringLiteral("statement")},
          {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}))
{
}

void collectProcessMetrics(MetricsRegistry &registry)
{
    Gauge &memory = registry.gauge("process_resident_memory_bytes", "Resident memory size in bytes.").with();
    Counter &cpu = registry.counter("process_cpu_seconds_total", "User and system CPU time in seconds.").with();
    Gauge &fds = registry.gauge("process_open_fds", "Open file descriptors.").with();
    Gauge &start = registry.gauge("process_start_time_seconds", "Start time since the Unix epoch in seconds.").with();
    registry.addCollector([&memory, &cpu, &fds, &start] {
        QFile stat(QStringLiteral("/proc/self/stat"));
        if (stat.open(QIODevice::ReadOnly)) {
            // Fields after the parenthesised command name: see proc(5).
            const QByteArray line = stat.readAll();
            const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
            const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
            cpu.set((f.value(11).toDouble() + f.value(12).toDouble()) / ticks);
            memory.set(f.value(21).toDouble() * static_cast<double>(sysconf(_SC_PAGESIZE)));
            QFile uptime(QStringLiteral("/proc/uptime"));
            if (uptime.open(QIODevice::ReadOnly)) {
                const double up = uptime.readAll().split(' ').value(0).toDouble();
                const double now = static_cast<double>(QDateTime::currentSecsSinceEpoch());
                start.set(std::floor(now - up + f.value(19).toDouble() / ticks));
            }
        }
        fds.set(
            QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size());
    });
}

} // namespace keyward
