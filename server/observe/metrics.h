#pragma once

#include <QByteArray>
#include <QHash>
#include <QReadWriteLock>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace keyward {

// A monotonically increasing count. Lock-free: safe and cheap on every request path.
class Counter {
public:
    void inc(double by = 1) { m_value.fetch_add(by, std::memory_order_relaxed); }
    // Only for collectors that copy a counter kept elsewhere (e.g. CPU time from /proc).
    void set(double v) { m_value.store(v, std::memory_order_relaxed); }
    double value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<double> m_value{0};
};

class Gauge {
public:
    void set(double v) { m_value.store(v, std::memory_order_relaxed); }
    void add(double by) { m_value.fetch_add(by, std::memory_order_relaxed); }
    double value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<double> m_value{0};
};

// Fixed buckets chosen at registration; observe() is a few atomic increments.
class Histogram {
public:
    explicit Histogram(std::vector<double> bounds);
    void observe(double value);

    const std::vector<double> &bounds() const { return m_bounds; }
    quint64 bucket(size_t i) const { return m_counts[i].load(std::memory_order_relaxed); } // not cumulative
    quint64 count() const { return m_count.load(std::memory_order_relaxed); }
    double sum() const { return m_sum.load(std::memory_order_relaxed); }

private:
    std::vector<double> m_bounds;
    std::unique_ptr<std::atomic<quint64>[]> m_counts; // one per bound, plus +Inf
    std::atomic<quint64> m_count{0};
    std::atomic<double> m_sum{0};
};

// A metric name with fixed label names and one child per combination of label values.
template <typename T>
class Family {
public:
    Family(QByteArray name, QByteArray help, QStringList labels, std::function<std::unique_ptr<T>()> make)
        : m_name(std::move(name))
        , m_help(std::move(help))
        , m_labels(std::move(labels))
        , m_make(std::move(make))
    {
    }

    T &with(const QStringList &values = {})
    {
        {
            QReadLocker lock(&m_lock);
            if (auto it = m_children.constFind(values); it != m_children.constEnd())
                return **it;
        }
        QWriteLocker lock(&m_lock);
        auto &slot = m_children[values];
        if (!slot)
            slot = m_make();
        return *slot;
    }

    template <typename F>
    void forEach(F &&f) const
    {
        QReadLocker lock(&m_lock);
        for (auto it = m_children.cbegin(); it != m_children.cend(); ++it)
            f(it.key(), **it);
    }

    const QByteArray &name() const { return m_name; }
    const QByteArray &help() const { return m_help; }
    const QStringList &labels() const { return m_labels; }

private:
    QByteArray m_name;
    QByteArray m_help;
    QStringList m_labels;
    std::function<std::unique_ptr<T>()> m_make;
    mutable QReadWriteLock m_lock;
    QHash<QStringList, std::shared_ptr<T>> m_children;
};

// A copy of every metric at one moment: what /metrics renders and what the GUI's live graphs read.
struct MetricsSnapshot {
    enum class Type { Counter, Gauge, Histogram };
    struct Series {
        QStringList labelValues;
        double value = 0;             // counters and gauges
        std::vector<quint64> buckets; // histograms: per bound plus +Inf, not cumulative
        double sum = 0;               // histograms
        quint64 count() const;
    };
    struct Metric {
        QByteArray name;
        QByteArray help;
        Type type = Type::Counter;
        QStringList labelNames;
        std::vector<double> bounds; // histograms
        QList<Series> series;
    };

    qint64 takenAtMs = 0;
    QList<Metric> metrics;

    const Metric *find(QByteArrayView name) const;
    // The sum of a counter's or gauge's series, only those whose label `label` passes `accept` when given.
    double total(QByteArrayView name, const QString &label = {},
                 const std::function<bool(const QString &)> &accept = {}) const;
    // A histogram's series merged into one: buckets added up, for quantiles over every route.
    Series merged(QByteArrayView name) const;
    // Prometheus text exposition format 0.0.4.
    QByteArray exposition() const;
};

// The value below which `q` (0..1) of the observations fall, interpolated linearly inside the
// bucket as Prometheus' histogram_quantile() does; NaN without observations.
double histogramQuantile(double q, const std::vector<double> &bounds, const std::vector<quint64> &buckets);

// Every metric of the process, rendered in Prometheus text format 0.0.4. Families are registered
// once at start; gauges that are cheaper to read than to keep current are filled by collectors
// right before each exposition.
class MetricsRegistry {
public:
    Family<Counter> &counter(const QByteArray &name, const QByteArray &help, const QStringList &labels = {});
    Family<Gauge> &gauge(const QByteArray &name, const QByteArray &help, const QStringList &labels = {});
    Family<Histogram> &histogram(const QByteArray &name, const QByteArray &help, const QStringList &labels,
                                 std::vector<double> bounds);
    void addCollector(std::function<void()> collect);

    // Runs the collectors, then copies every metric.
    MetricsSnapshot snapshot();
    QByteArray exposition() { return snapshot().exposition(); }

    // Bucket bounds in seconds for request-sized durations (1 ms .. 10 s).
    static std::vector<double> latencyBuckets();

private:
    QReadWriteLock m_lock;
    std::vector<std::unique_ptr<Family<Counter>>> m_counters;
    std::vector<std::unique_ptr<Family<Gauge>>> m_gauges;
    std::vector<std::unique_ptr<Family<Histogram>>> m_histograms;
    std::vector<std::function<void()>> m_collectors;
};

} // namespace keyward
