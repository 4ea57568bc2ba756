#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

#include <atomic>

namespace keyward {

class Services;

// One part of the node, and how it is doing.
struct HealthComponent {
    enum class Status { Ok, Degraded, Failing }; // in order of gravity
    // "ok", "degraded", "failing": the words of GET /health.
    static QString statusName(Status status);

    QString name; // database, migrations, serving, disk, memory, process, hash_queue, signing_key
    Status status = Status::Ok;
    QString reason;                          // why it is not ok; empty when it is
    QList<QPair<QString, QVariant>> details; // the facts it was judged by, e.g. {"free_bytes", 5e9}
};

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
        HealthComponent::Status status = HealthComponent::Status::Ok; // the worst component's
        QList<HealthComponent> components;
    };
    Report check();
    // Readiness: the database answers, migrations are current, shutdown has not begun. Nothing else
    // (disk, queue pressure) should take a node out of a load balancer.
    Report ready();

private:
    void addCore(QList<HealthComponent> &components);
    static Report judged(QList<HealthComponent> components);

    Services &m_services;
    QString m_dataDir;
    std::atomic<int> m_workers{0};
    std::atomic<int> m_hashCapacity{0};
    qint64 m_startedAtMs;
};

} // namespace keyward
