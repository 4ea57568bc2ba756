#include "metrics.h"

#include <QDateTime>
#include <QWriteLocker>

#include <cmath>
#include <numeric>

namespace keyward {

namespace {

QByteArray number(double v)
{
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QByteArray::number(static_cast<qint64>(v));
    return QByteArray::number(v, 'g', 15);
}

// Label values are escaped as the text format demands: backslash, quote and newline.
QByteArray labelSet(const QStringList &names, const QStringList &values, const QByteArray &extra = {})
{
    QByteArray out;
    for (qsizetype i = 0; i < names.size(); ++i) {
        QByteArray v = values.value(i).toUtf8();
        v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
        out += (out.isEmpty() ? "" : ",") + names[i].toLatin1() + "=\"" + v + '"';
    }
    if (!extra.isEmpty())
        out += (out.isEmpty() ? "" : ",") + extra;
    return out.isEmpty() ? QByteArray() : '{' + out + '}';
}

QByteArray header(const QByteArray &name, const QByteArray &help, const char *type)
{
    return "# HELP " + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

} // namespace

Histogram::Histogram(std::vector<double> bounds)
    : m_bounds(std::move(bounds))
    , m_counts(new std::atomic<quint64>[m_bounds.size() + 1])
{
    for (size_t i = 0; i <= m_bounds.size(); ++i)
        m_counts[i] = 0;
}

void Histogram::observe(double value)
{
    size_t i = 0;
    while (i < m_bounds.size() && value > m_bounds[i])
        ++i;
    m_counts[i].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(value, std::memory_order_relaxed);
}

std::vector<double> MetricsRegistry::latencyBuckets()
{
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

Family<Counter> &MetricsRegistry::counter(const QByteArray &name, const QByteArray &help, const QStringList &labels)
{
    QWriteLocker lock(&m_lock);
    m_counters.push_back(
        std::make_unique<Family<Counter>>(name, help, labels, [] { return std::make_unique<Counter>(); }));
    return *m_counters.back();
}

Family<Gauge> &MetricsRegistry::gauge(const QByteArray &name, const QByteArray &help, const QStringList &labels)
{
    QWriteLocker lock(&m_lock);
    m_gauges.push_back(std::make_unique<Family<Gauge>>(name, help, labels, [] { return std::make_unique<Gauge>(); }));
    return *m_gauges.back();
}

Family<Histogram> &MetricsRegistry::histogram(const QByteArray &name, const QByteArray &help, const QStringList &labels,
                                              std::vector<double> bounds)
{
    QWriteLocker lock(&m_lock);
    m_histograms.push_back(std::make_unique<Family<Histogram>>(
        name, help, labels, [bounds] { return std::make_unique<Histogram>(bounds); }));
    return *m_histograms.back();
}

void MetricsRegistry::addCollector(std::function<void()> collect)
{
    QWriteLocker lock(&m_lock);
    m_collectors.push_back(std::move(collect));
}

MetricsSnapshot MetricsRegistry::snapshot()
{
    QReadLocker lock(&m_lock);
    for (const auto &collect : m_collectors)
        collect();
    MetricsSnapshot out;
    out.takenAtMs = QDateTime::currentMSecsSinceEpoch();
    const auto scalars = [&out](const auto &families, MetricsSnapshot::Type type) {
        for (const auto &f : families) {
            MetricsSnapshot::Metric m{f->name(), f->help(), type, f->labels(), {}, {}};
            f->forEach([&m](const QStringList &values, const auto &metric) {
                MetricsSnapshot::Series s;
                s.labelValues = values;
                s.value = metric.value();
                m.series.append(std::move(s));
            });
            out.metrics.append(std::move(m));
        }
    };
    scalars(m_counters, MetricsSnapshot::Type::Counter);
    scalars(m_gauges, MetricsSnapshot::Type::Gauge);
    for (const auto &f : m_histograms) {
        MetricsSnapshot::Metric m{f->name(), f->help(), MetricsSnapshot::Type::Histogram, f->labels(), {}, {}};
        f->forEach([&m](const QStringList &values, const Histogram &h) {
            m.bounds = h.bounds();
            MetricsSnapshot::Series s;
            s.labelValues = values;
            for (size_t i = 0; i <= h.bounds().size(); ++i)
                s.buckets.push_back(h.bucket(i));
            s.sum = h.sum();
            m.series.append(std::move(s));
        });
        out.metrics.append(std::move(m));
    }
    return out;
}

quint64 MetricsSnapshot::Series::count() const
{
    return std::accumulate(buckets.begin(), buckets.end(), quint64(0));
}

const MetricsSnapshot::Metric *MetricsSnapshot::find(QByteArrayView name) const
{
    for (const Metric &m : metrics)
        if (m.name == name)
            return &m;
    return nullptr;
}

double MetricsSnapshot::total(QByteArrayView name, const QString &label,
                              const std::function<bool(const QString &)> &accept) const
{
    const Metric *m = find(name);
    if (!m)
        return 0;
    const qsizetype column = m->labelNames.indexOf(label);
    double sum = 0;
    for (const Series &s : m->series)
        if (!accept || (column >= 0 && accept(s.labelValues.value(column))))
            sum += s.value;
    return sum;
}

MetricsSnapshot::Series MetricsSnapshot::merged(QByteArrayView name) const
{
    Series out;
    const Metric *m = find(name);
    if (!m)
        return out;
    out.buckets.assign(m->bounds.size() + 1, 0);
    for (const Series &s : m->series) {
        for (size_t i = 0; i < s.buckets.size() && i < out.buckets.size(); ++i)
            out.buckets[i] += s.buckets[i];
        out.sum += s.sum;
    }
    return out;
}

QByteArray MetricsSnapshot::exposition() const
{
    static const char *const typeNames[] = {"counter", "gauge", "histogram"};
    QByteArray out;
    for (const Metric &m : metrics) {
        out += header(m.name, m.help, typeNames[static_cast<int>(m.type)]);
        for (const Series &s : m.series) {
            if (m.type != Type::Histogram) {
                out += m.name + labelSet(m.labelNames, s.labelValues) + ' ' + number(s.value) + '\n';
                continue;
            }
            quint64 cumulative = 0;
            for (size_t i = 0; i < s.buckets.size(); ++i) {
                cumulative += s.buckets[i];
                const double le = i < m.bounds.size() ? m.bounds[i] : INFINITY;
                out += m.name + "_bucket" + labelSet(m.labelNames, s.labelValues, "le=\"" + number(le) + '"') + ' ' +
                       QByteArray::number(cumulative) + '\n';
            }
            out += m.name + "_sum" + labelSet(m.labelNames, s.labelValues) + ' ' + number(s.sum) + '\n';
            // _count from the buckets just read, so a scrape racing an observation still adds up.
            out +=
                m.name + "_count" + labelSet(m.labelNames, s.labelValues) + ' ' + QByteArray::number(cumulative) + '\n';
        }
    }
    return out;
}

double histogramQuantile(double q, const std::vector<double> &bounds, const std::vector<quint64> &buckets)
{
    const quint64 total = std::accumulate(buckets.begin(), buckets.end(), quint64(0));
    if (total == 0)
        return std::nan("");
    const double rank = q * static_cast<double>(total);
    quint64 below = 0;
    for (size_t i = 0; i < buckets.size(); ++i) {
        if (static_cast<double>(below + buckets[i]) >= rank && buckets[i] > 0) {
            // The +Inf bucket has no upper edge: report its lower one, as Prometheus does.
            if (i >= bounds.size())
                return bounds.empty() ? std::nan("") : bounds.back();
            const double lower = i == 0 ? 0 : bounds[i - 1];
            const double within = (rank - static_cast<double>(below)) / static_cast<double>(buckets[i]);
            return lower + (bounds[i] - lower) * within;
        }
        below += buckets[i];
    }
    return bounds.empty() ? std::nan("") : bounds.back();
}

} // namespace keyward
