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

QJsonObject component(const QString &status, const QString &reason = {}, QJsonObject details = {})
{
    details.insert(QStringLiteral("status"), status);
    if (!reason.isEmpty())
        details.insert(QStringLiteral("reason"), reason);
    return details;
}

int severity(const QString &status)
{
    return status == QLatin1String("failing") ? 2 : status == QLatin1String("degraded") ? 1 : 0;
}

} // namespace

HealthService::HealthService(Services &services)
    : m_services(services)
    , m_startedAtMs(services.clock().nowMs())
{
}

void HealthService::addCore(QJsonObject &c)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery ping(m_services.database().connection());
    const bool dbOk = ping.exec(QStringLiteral("SELECT 1"));
    const double ms = timer.nsecsElapsed() / 1e6;
    const QJsonObject latency{{QStringLiteral("kind"), m_services.database().kindName()},
                              {QStringLiteral("latency_ms"), ms}};
    c.insert(QStringLiteral("database"),
             !dbOk       ? component(QStringLiteral("failing"), QStringLiteral("the database does not answer"), latency)
             : ms > 1000 ? component(QStringLiteral("degraded"), QStringLiteral("the database answers slowly"), latency)
                         : component(QStringLiteral("ok"), {}, latency));
    if (dbOk) {
        const MigrationStatus m = Migrations(m_services.database()).status();
        const QJsonObject versions{{QStringLiteral("current"), m.current}, {QStringLiteral("latest"), m.latest}};
        c.insert(QStringLiteral("migrations"),
                 m.upToDate()
                     ? component(QStringLiteral("ok"), {}, versions)
                     : component(QStringLiteral("failing"),
                                 m.problem.isEmpty() ? QStringLiteral("migrations are pending") : m.problem, versions));
    }
    c.insert(QStringLiteral("serving"), m_services.isShuttingDown()
                                            ? component(QStringLiteral("failing"), QStringLiteral("shutting down"))
                                            : component(QStringLiteral("ok")));
}

QString HealthService::worst(const QJsonObject &c)
{
    int level = 0;
    for (auto it = c.begin(); it != c.end(); ++it)
        level = qMax(level, severity(it->toObject().value(QStringLiteral("status")).toString()));
    return level == 2 ? QStringLiteral("failing") : level == 1 ? QStringLiteral("degraded") : QStringLiteral("ok");
}

HealthService::Report HealthService::ready()
{
    QJsonObject c;
    addCore(c);
    return {worst(c), c};
}

HealthService::Report HealthService::check()
{
    QJsonObject c;
    const qint64 now = m_services.clock().nowMs();

    addCore(c);

    QString dir = m_dataDir;
    if (dir.isEmpty())
        dir = m_services.database().sqlitePath().isEmpty()
                  ? QDir::currentPath()
                  : QFileInfo(m_services.database().sqlitePath()).absolutePath();
    const QStorageInfo storage(dir);
    const qint64 free = storage.bytesAvailable();
    const QJsonObject disk{{QStringLiteral("path"), dir}, {QStringLiteral("free_bytes"), free}};
    c.insert(QStringLiteral("disk"),
             free < 100 * MiB    ? component(QStringLiteral("failing"), QStringLiteral("less than 100 MiB free"), disk)
             : free < 1024 * MiB ? component(QStringLiteral("degraded"), QStringLiteral("less than 1 GiB free"), disk)
                                 : component(QStringLiteral("ok"), {}, disk));

    QFile statm(QStringLiteral("/proc/self/statm"));
    qint64 rss = 0;
    if (statm.open(QIODevice::ReadOnly))
        rss = statm.readAll().split(' ').value(1).toLongLong() * sysconf(_SC_PAGESIZE);
    c.insert(QStringLiteral("memory"), component(QStringLiteral("ok"), {}, {{QStringLiteral("resident_bytes"), rss}}));
    c.insert(QStringLiteral("process"), component(QStringLiteral("ok"), {},
                                                  {{QStringLiteral("version"), QStringLiteral(KEYWARD_VERSION)},
                                                   {QStringLiteral("qt_version"), QString::fromLatin1(qVersion())},
                                                   {QStringLiteral("uptime_seconds"), (now - m_startedAtMs) / 1000},
                                                   {QStringLiteral("workers"), m_workers.load()}}));

    const double depth = m_services.metrics().hashQueueDepth.value();
    const int capacity = m_hashCapacity.load();
    const QJsonObject queue{{QStringLiteral("depth"), depth}, {QStringLiteral("capacity"), capacity}};
    c.insert(QStringLiteral("hash_queue"),
             capacity > 0 && depth >= capacity * 0.8
                 ? component(QStringLiteral("degraded"), QStringLiteral("password hashing is saturated"), queue)
                 : component(QStringLiteral("ok"), {}, queue));

    auto signer = m_services.keys().signer();
    if (!signer) {
        c.insert(QStringLiteral("signing_key"), component(QStringLiteral("failing"), QStringLiteral("no signing key")));
    } else {
        const qint64 days = (now - signer->createdAt) / 86'400'000;
        const QJsonObject key{{QStringLiteral("algorithm"), signer->key.algorithm()},
                              {QStringLiteral("age_days"), days}};
        c.insert(QStringLiteral("signing_key"),
                 days > 180 ? component(QStringLiteral("degraded"),
                                        QStringLiteral("rotate the signing key (keyward-server keys rotate)"), key)
                            : component(QStringLiteral("ok"), {}, key));
    }
    return {worst(c), c};
}

} // namespace keyward
