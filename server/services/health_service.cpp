#include "health_service.h"

#include "observe/keyward_metrics.h"
#include "services.h"
#include "settings_service.h"
#include "store/migrations.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStorageInfo>

#include <cmath>
#include <unistd.h>

namespace keyward {

namespace {

constexpr qint64 MiB = 1024 * 1024;

using Health = HealthComponent::Status;
using Details = QList<QPair<QString, QVariant>>;

HealthComponent component(const QString &name, Health status, const QString &reason = {}, Details details = {})
{
    return {name, status, reason, std::move(details)};
}

} // namespace

QString HealthComponent::statusName(Status status)
{
    switch (status) {
    case Health::Ok:
        return QStringLiteral("ok");
    case Health::Degraded:
        return QStringLiteral("degraded");
    case Health::Failing:
        break;
    }
    return QStringLiteral("failing");
}

HealthService::HealthService(Services &services)
    : m_services(services)
    , m_startedAtMs(services.clock().nowMs())
{
}

void HealthService::addCore(QList<HealthComponent> &c)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery ping(m_services.database().connection());
    const bool dbOk = ping.exec(QStringLiteral("SELECT 1"));
    const double ms = timer.nsecsElapsed() / 1e6;
    const QString database = QStringLiteral("database");
    const Details latency{{QStringLiteral("kind"), m_services.database().kindName()},
                          {QStringLiteral("latency_ms"), ms}};
    c << (!dbOk       ? component(database, Health::Failing, QStringLiteral("the database does not answer"), latency)
          : ms > 1000 ? component(database, Health::Degraded, QStringLiteral("the database answers slowly"), latency)
                      : component(database, Health::Ok, {}, latency));
    if (dbOk) {
        const MigrationStatus m = Migrations(m_services.database()).status();
        const Details versions{{QStringLiteral("current"), m.current}, {QStringLiteral("latest"), m.latest}};
        c << component(QStringLiteral("migrations"), m.upToDate() ? Health::Ok : Health::Failing,
                       m.upToDate()          ? QString()
                       : m.problem.isEmpty() ? QStringLiteral("migrations are pending")
                                             : m.problem,
                       versions);
    }
    c << (m_services.isShuttingDown()
              ? component(QStringLiteral("serving"), Health::Failing, QStringLiteral("shutting down"))
              : component(QStringLiteral("serving"), Health::Ok));
}

HealthService::Report HealthService::judged(QList<HealthComponent> components)
{
    Report report;
    for (const HealthComponent &c : components)
        report.status = qMax(report.status, c.status);
    report.components = std::move(components);
    return report;
}

HealthService::Report HealthService::ready()
{
    QList<HealthComponent> c;
    addCore(c);
    return judged(std::move(c));
}

HealthService::TrafficMark HealthService::markNow() const
{
    // Read straight from the few families judged: GET /health is public, and a copy of the whole
    // registry per call would be work for anyone to ask for.
    KeywardMetrics &metrics = m_services.metrics();
    TrafficMark m;
    m.atMs = QDateTime::currentMSecsSinceEpoch();
    metrics.httpRequests.forEach([&m](const QStringList &labels, const Counter &requests) {
        m.requests += requests.value();
        if (labels.value(2).startsWith(QLatin1Char('5'))) // method, route, status
            m.serverErrors += requests.value();
    });
    metrics.httpDuration.forEach([&m](const QStringList &, const Histogram &duration) {
        if (m.latencyBuckets.empty()) {
            m.latencyBounds = duration.bounds();
            m.latencyBuckets.assign(duration.bounds().size() + 1, 0);
        }
        for (size_t i = 0; i < m.latencyBuckets.size(); ++i)
            m.latencyBuckets[i] += duration.bucket(i);
    });
    m.lockouts = metrics.lockouts.value();
    m.resetMailUnsent = metrics.resetMailUnsent.value();
    return m;
}

void HealthService::addTraffic(QList<HealthComponent> &c)
{
    TrafficMark now = markNow();
    TrafficMark then;
    bool mailOwed = false;
    {
        QMutexLocker lock(&m_marksLock);
        if (m_marks.empty() || now.atMs - m_marks.back().atMs >= 1000)
            m_marks.push_back(now);
        while (m_marks.size() > 1 && now.atMs - m_marks[1].atMs >= TrafficWindowMs)
            m_marks.pop_front();
        then = m_marks.front();
        // Checked rarely, the newest mark a window old may be hours old: rates over hours would
        // turn a trickle into a storm. Judge nothing until marks come again.
        if (now.atMs - then.atMs > 2 * TrafficWindowMs)
            then = now;
        if (now.resetMailUnsent > m_unsentSeen) {
            m_unsentSeen = now.resetMailUnsent;
            m_lastUnsentAtMs = now.atMs;
        }
        mailOwed = m_lastUnsentAtMs > 0 && now.atMs - m_lastUnsentAtMs < UnsentMailMs;
    }
    const qint64 seconds = (now.atMs - then.atMs + 500) / 1000;
    const double requests = now.requests - then.requests;
    const double errors = now.serverErrors - then.serverErrors;
    const double share = requests > 0 ? errors / requests : 0;
    const Details errorFacts{{QStringLiteral("requests"), requests},
                             {QStringLiteral("server_errors"), errors},
                             {QStringLiteral("window_seconds"), seconds}};
    c << (requests >= MinRequests && share >= ErrorShare
              ? component(QStringLiteral("errors"), Health::Degraded,
                          QStringLiteral("%1% of %2 requests failed with 5xx in the last %3 s")
                              .arg(qRound(share * 100))
                              .arg(static_cast<qint64>(requests))
                              .arg(seconds),
                          errorFacts)
              : component(QStringLiteral("errors"), Health::Ok, {}, errorFacts));

    std::vector<quint64> interval(now.latencyBuckets.size(), 0);
    for (size_t i = 0; i < interval.size(); ++i) {
        const quint64 earlier = i < then.latencyBuckets.size() ? then.latencyBuckets[i] : 0;
        interval[i] = now.latencyBuckets[i] >= earlier ? now.latencyBuckets[i] - earlier : 0;
    }
    const double p99 = histogramQuantile(0.99, now.latencyBounds, interval);
    Details latencyFacts{{QStringLiteral("window_seconds"), seconds}};
    if (!std::isnan(p99))
        latencyFacts.append({QStringLiteral("p99_seconds"), p99});
    c << (requests >= MinRequests && p99 > SlowP99Seconds
              ? component(QStringLiteral("latency"), Health::Degraded,
                          QStringLiteral("p99 response time %1 s in the last %2 s").arg(p99, 0, 'f', 1).arg(seconds),
                          latencyFacts)
              : component(QStringLiteral("latency"), Health::Ok, {}, latencyFacts));

    const double lockouts = now.lockouts - then.lockouts;
    const Details lockoutFacts{{QStringLiteral("locked"), lockouts}, {QStringLiteral("window_seconds"), seconds}};
    c << (lockouts >= LockoutStorm
              ? component(QStringLiteral("lockouts"), Health::Degraded,
                          QStringLiteral("%1 accounts locked in the last %2 s: passwords are being guessed")
                              .arg(static_cast<qint64>(lockouts))
                              .arg(seconds),
                          lockoutFacts)
              : component(QStringLiteral("lockouts"), Health::Ok, {}, lockoutFacts));

    const bool smtp = !m_services.settings().current().smtpHost.isEmpty();
    c << (mailOwed && !smtp
              ? component(QStringLiteral("mail"), Health::Degraded,
                          QStringLiteral("password reset mail was requested but SMTP is not "
                                         "configured (smtp.host): nobody receives it"))
              : component(QStringLiteral("mail"), Health::Ok, {}, {{QStringLiteral("configured"), smtp}}));
}

HealthService::Report HealthService::check()
{
    QList<HealthComponent> c;
    const qint64 now = m_services.clock().nowMs();

    addCore(c);
    addTraffic(c);

    QString dir = m_dataDir;
    if (dir.isEmpty())
        dir = m_services.database().sqlitePath().isEmpty()
                  ? QDir::currentPath()
                  : QFileInfo(m_services.database().sqlitePath()).absolutePath();
    const QStorageInfo storage(dir);
    const qint64 free = storage.bytesAvailable();
    const QString diskName = QStringLiteral("disk");
    const Details disk{{QStringLiteral("path"), dir}, {QStringLiteral("free_bytes"), free}};
    c << (free < 100 * MiB    ? component(diskName, Health::Failing, QStringLiteral("less than 100 MiB free"), disk)
          : free < 1024 * MiB ? component(diskName, Health::Degraded, QStringLiteral("less than 1 GiB free"), disk)
                              : component(diskName, Health::Ok, {}, disk));

    QFile statm(QStringLiteral("/proc/self/statm"));
    qint64 rss = 0;
    if (statm.open(QIODevice::ReadOnly))
        rss = statm.readAll().split(' ').value(1).toLongLong() * sysconf(_SC_PAGESIZE);
    c << component(QStringLiteral("memory"), Health::Ok, {}, {{QStringLiteral("resident_bytes"), rss}});
    c << component(QStringLiteral("process"), Health::Ok, {},
                   {{QStringLiteral("version"), QStringLiteral(KEYWARD_VERSION)},
                    {QStringLiteral("qt_version"), QString::fromLatin1(qVersion())},
                    {QStringLiteral("uptime_seconds"), (now - m_startedAtMs) / 1000},
                    {QStringLiteral("workers"), m_workers.load()}});

    const double depth = m_services.metrics().hashQueueDepth.value();
    const int capacity = m_hashCapacity.load();
    const Details queue{{QStringLiteral("depth"), depth}, {QStringLiteral("capacity"), capacity}};
    c << (capacity > 0 && depth >= capacity * 0.8 ? component(QStringLiteral("hash_queue"), Health::Degraded,
                                                              QStringLiteral("password hashing is saturated"), queue)
                                                  : component(QStringLiteral("hash_queue"), Health::Ok, {}, queue));

    auto signer = m_services.keys().signer();
    if (!signer) {
        c << component(QStringLiteral("signing_key"), Health::Failing, QStringLiteral("no signing key"));
    } else {
        const qint64 days = (now - signer->createdAt) / 86'400'000;
        const Details key{{QStringLiteral("algorithm"), signer->key.algorithm()}, {QStringLiteral("age_days"), days}};
        // Rotation by age runs with the hourly maintenance: a day beyond it, it is not running.
        const int rotationDays = m_services.settings().current().signingKeyRotationDays;
        const qint64 overdue = rotationDays > 0 ? rotationDays + 1 : 180;
        c << (days > overdue ? component(QStringLiteral("signing_key"), Health::Degraded,
                                         QStringLiteral("rotate the signing key (keyward-server keys rotate)"), key)
                             : component(QStringLiteral("signing_key"), Health::Ok, {}, key));
    }
    return judged(std::move(c));
}

} // namespace keyward
