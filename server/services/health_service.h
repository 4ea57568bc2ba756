#pragma once

#include <QJsonObject>
#include <QString>

#include <atomic>

namespace keyward {

class Services;

// GET /health: each component ok, degraded or failing with a reason; the worst one decides.
class HealthService {
public:
    explicit HealthService(Services &services);

    // Facts only the hosting process knows, set once before serving.
    void setDataDir(const QString &dir) { m_dataDir = dir; }
    void setServer(int workers, int hashCapacity)
    {
        m_workers = workers;
        m_hashCapacity = hashCapacity;
    }

    struct Report {
        QString status; // ok | degraded | failing
        QJsonObject components;
    };
    Report check();
    // Readiness: the database answers, migrations are current, shutdown has not begun. Nothing else
    // (disk, queue pressure) should take a node out of a load balancer.
    Report ready();

private:
    void addCore(QJsonObject &components);
    static QString worst(const QJsonObject &components);

    Services &m_services;
    QString m_dataDir;
    std::atomic<int> m_workers{0};
    std::atomic<int> m_hashCapacity{0};
    qint64 m_startedAtMs;
};

} // namespace keyward
