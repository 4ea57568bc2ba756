#pragma once

#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <QVariant>

#include <atomic>
#include <deque>
#include <vector>

namespace keyward {

class Services;

// One part of the node, and how it is doing.
struct HealthComponent {
    enum class Status { Ok, Degraded, Failing }; // in order of gravity
    // "ok", "degraded", "failing": the words of GET /health.
    static QString statusName(Status status);

    // database, migrations, serving, disk, memory, process, hash_queue, signing_key; and, judged over
    // the last minute, errors (5xx share), latency (p99), lockouts and mail (reset mail not sent)
    QString name;
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

    // Judged over about this span: the newest mark at least this old is the baseline.
    static constexpr qint64 TrafficWindowMs = 60'000;
    static constexpr double MinRequests = 20;         // fewer say nothing about error share or latency
    static constexpr double ErrorShare = 0.05;        // 5xx share that degrades
    static constexpr double SlowP99Seconds = 1.0;     // p99 response time that degrades
    static constexpr double LockoutStorm = 10;        // accounts locked within the window
    static constexpr qint64 UnsentMailMs = 3'600'000; // an unsent reset mail is reported this long

private:
    // The counters traffic is judged by, at one moment.
    struct TrafficMark {
        qint64 atMs = 0;
        double requests = 0;
        double serverErrors = 0;
        double lockouts = 0;
        double resetMailUnsent = 0;
        std::vector<double> latencyBounds;
        std::vector<quint64> latencyBuckets;
    };
    void addCore(QList<HealthComponent> &components);
    void addTraffic(QList<HealthComponent> &components);
    TrafficMark markNow() const;
    static Report judged(QList<HealthComponent> components);

    Services &m_services;
    QString m_dataDir;
    std::atomic<int> m_workers{0};
    std::atomic<int> m_hashCapacity{0};
    qint64 m_startedAtMs;
    QMutex m_marksLock;
    std::deque<TrafficMark> m_marks; // at most one a second, reaching one window back
    double m_unsentSeen = 0;
    qint64 m_lastUnsentAtMs = 0;
};

} // namespace keyward
