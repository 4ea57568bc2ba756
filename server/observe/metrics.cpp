#include "metrics.h"

#include <QWriteLocker>

#include <cmath>

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

QByteArray MetricsRegistry::exposition()
{
    QReadLocker lock(&m_lock);
    for (const auto &collect : m_collectors)
        collect();
    QByteArray out;
    for (const auto &f : m_counters) {
        out += header(f->name(), f->help(), "counter");
        f->forEach([&](const QStringList &values, const Counter &c) {
            out += f->name() + labelSet(f->labels(), values) + ' ' + number(c.value()) + '\n';
        });
    }
    for (const auto &f : m_gauges) {
        out += header(f->name(), f->help(), "gauge");
        f->forEach([&](const QStringList &values, const Gauge &g) {
            out += f->name() + labelSet(f->labels(), values) + ' ' + number(g.value()) + '\n';
        });
    }
    for (const auto &f : m_histograms) {
        out += header(f->name(), f->help(), "histogram");
        f->forEach([&](const QStringList &values, const Histogram &h) {
            quint64 cumulative = 0;
            for (size_t i = 0; i <= h.bounds().size(); ++i) {
                cumulative += h.bucket(i);
                const double le = i < h.bounds().size() ? h.bounds()[i] : INFINITY;
                out += f->name() + "_bucket" + labelSet(f->labels(), values, "le=\"" + number(le) + '"') + ' ' +
                       QByteArray::number(cumulative) + '\n';
            }
            out += f->name() + "_sum" + labelSet(f->labels(), values) + ' ' + number(h.sum()) + '\n';
            // _count from the buckets just read, so a scrape racing an observation still adds up.
            out += f->name() + "_count" + labelSet(f->labels(), values) + ' ' + QByteArray::number(cumulative) + '\n';
        });
    }
    return out;
}

} // namespace keyward
