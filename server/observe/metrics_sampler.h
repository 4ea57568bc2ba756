#pragma once

#include "metrics.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <cmath>
#include <optional>

namespace keyward {

// What happened in one sampling interval, as rates and levels a live graph can plot directly.
struct MetricsPoint {
    qint64 timeMs = 0;  // the interval's end
    double seconds = 0; // the interval's length
    double requestsPerSecond = 0;
    double errorRate = 0;       // share of the interval's responses that were 5xx, 0..1
    double clientErrorRate = 0; // 4xx other than 429, 0..1
    double throttledRate = 0;   // 429: refused by a rate limit, 0..1
    // Response time quantiles over the interval's requests, in seconds; NaN without requests.
    double latencyP50 = std::nan("");
    double latencyP95 = std::nan("");
    double latencyP99 = std::nan("");
    // Login attempts in the interval by outcome.
    double loginsSucceeded = 0;
    double loginsFailed = 0; // wrong credentials or a wrong MFA code
    double loginsLocked = 0;
    double lockouts = 0;        // accounts newly locked
    double resetMailUnsent = 0; // password reset mails owed but not sent: SMTP is not configured
    double activeSessions = 0;
    double hashQueueDepth = 0;
    double requestsInFlight = 0;
};

// Samples the metrics registry at a fixed interval (1 s by default), keeps the last `capacity`
// points and announces each one: the feed of the GUI's live graphs. Every `coarseEvery` samples
// it also makes one coarse point of the whole span (a minute by default, quantiles included) and
// keeps the last `coarseCapacity` of those (24 hours). Lives on the thread that creates it; the
// collectors it runs query the database on that thread's connection.
class MetricsSampler : public QObject {
    Q_OBJECT
public:
    explicit MetricsSampler(MetricsRegistry &registry, int intervalMs = 1000, qsizetype capacity = 300,
                            QObject *parent = nullptr, int coarseEvery = 60, qsizetype coarseCapacity = 1440);

    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    bool isRunning() const { return m_timer.isActive(); }
    int intervalMs() const { return m_timer.interval(); }

    // Oldest first, at most `capacity` points.
    const QList<MetricsPoint> &history() const { return m_history; }
    const QList<MetricsPoint> &coarseHistory() const { return m_coarseHistory; }
    // How long one coarse point spans.
    qint64 coarseIntervalMs() const { return qint64(m_timer.interval()) * m_coarseEvery; }
    const MetricsSnapshot &lastSnapshot() const { return m_previous; }

    // Takes a sample now (the timer calls this); the first one only sets the baseline.
    void sample();

    // The interval between `before` and `after` as one point.
    static MetricsPoint difference(const MetricsSnapshot &before, const MetricsSnapshot &after);

Q_SIGNALS:
    void sampled(const keyward::MetricsPoint &point);
    void coarseSampled(const keyward::MetricsPoint &point);

private:
    MetricsRegistry &m_registry;
    QTimer m_timer;
    qsizetype m_capacity;
    int m_coarseEvery;
    qsizetype m_coarseCapacity;
    bool m_hasBaseline = false;
    MetricsSnapshot m_previous;
    MetricsSnapshot m_coarseBaseline;
    int m_sinceCoarse = 0;
    QList<MetricsPoint> m_history;
    QList<MetricsPoint> m_coarseHistory;
};

} // namespace keyward

Q_DECLARE_METATYPE(keyward::MetricsPoint)
