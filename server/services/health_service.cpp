#include "health_service.h"

#include "services.h"
#include "store/migrations.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStorageInfo>

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

HealthService::Report HealthService::check()
{
    QList<HealthComponent> c;
    const qint64 now = m_services.clock().nowMs();

    addCore(c);

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
        c << (days > 180 ? component(QStringLiteral("signing_key"), Health::Degraded,
                                     QStringLiteral("rotate the signing key (keyward-server keys rotate)"), key)
                         : component(QStringLiteral("signing_key"), Health::Ok, {}, key));
    }
    return judged(std::move(c));
}

} // namespace keyward
