#include "metrics_sampler.h"

namespace keyward {

namespace {

const QByteArray Requests = "keyward_http_requests_total";
const QByteArray Duration = "keyward_http_request_duration_seconds";
const QByteArray Logins = "keyward_logins_total";

double increase(const MetricsSnapshot &before, const MetricsSnapshot &after, QByteArrayView name,
                const QString &label = {}, const std::function<bool(const QString &)> &accept = {})
{
    // A counter never falls; a smaller value means a restart, and everything since counts.
    const double now = after.total(name, label, accept);
    const double then = before.total(name, label, accept);
    return now >= then ? now - then : now;
}

} // namespace

MetricsSampler::MetricsSampler(MetricsRegistry &registry, int intervalMs, qsizetype capacity, QObject *parent,
                               int coarseEvery, qsizetype coarseCapacity)
    : QObject(parent)
    , m_registry(registry)
    , m_capacity(capacity)
    , m_coarseEvery(qMax(1, coarseEvery))
    , m_coarseCapacity(coarseCapacity)
{
    qRegisterMetaType<MetricsPoint>();
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &MetricsSampler::sample);
}

namespace {

void keepLast(QList<MetricsPoint> &points, qsizetype capacity)
{
    if (points.size() > capacity)
        points.remove(0, points.size() - capacity);
}

} // namespace

void MetricsSampler::sample()
{
    MetricsSnapshot now = m_registry.snapshot();
    if (!m_hasBaseline) {
        m_previous = now;
        m_coarseBaseline = std::move(now);
        m_hasBaseline = true;
        return;
    }
    const MetricsPoint point = difference(m_previous, now);
    m_history.append(point);
    keepLast(m_history, m_capacity);
    std::optional<MetricsPoint> coarse;
    if (++m_sinceCoarse >= m_coarseEvery) {
        coarse = difference(m_coarseBaseline, now);
        m_coarseHistory.append(*coarse);
        keepLast(m_coarseHistory, m_coarseCapacity);
        m_coarseBaseline = now;
        m_sinceCoarse = 0;
    }
    m_previous = std::move(now);
    Q_EMIT sampled(point);
    if (coarse)
        Q_EMIT coarseSampled(*coarse);
}

MetricsPoint MetricsSampler::difference(const MetricsSnapshot &before, const MetricsSnapshot &after)
{
    MetricsPoint p;
    p.timeMs = after.takenAtMs;
    const double seconds = qMax(0.001, static_cast<double>(after.takenAtMs - before.takenAtMs) / 1000.0);
    p.seconds = seconds;
    const QString status = QStringLiteral("status");
    const double requests = increase(before, after, Requests);
    const double serverErrors =
        increase(before, after, Requests, status, [](const QString &s) { return s.startsWith(QLatin1Char('5')); });
    const double throttled =
        increase(before, after, Requests, status, [](const QString &s) { return s == QLatin1String("429"); });
    const double clientErrors = increase(before, after, Requests, status, [](const QString &s) {
        return s.startsWith(QLatin1Char('4')) && s != QLatin1String("429");
    });
    p.requestsPerSecond = requests / seconds;
    p.errorRate = requests > 0 ? serverErrors / requests : 0;
    p.clientErrorRate = requests > 0 ? clientErrors / requests : 0;
    p.throttledRate = requests > 0 ? throttled / requests : 0;

    // Quantiles over this interval only: the bucket counts that arrived since the last sample.
    const MetricsSnapshot::Series then = before.merged(Duration);
    const MetricsSnapshot::Series now = after.merged(Duration);
    std::vector<quint64> interval(now.buckets.size(), 0);
    for (size_t i = 0; i < interval.size(); ++i) {
        const quint64 earlier = i < then.buckets.size() ? then.buckets[i] : 0;
        interval[i] = now.buckets[i] >= earlier ? now.buckets[i] - earlier : now.buckets[i];
    }
    if (const MetricsSnapshot::Metric *duration = after.find(Duration)) {
        p.latencyP50 = histogramQuantile(0.50, duration->bounds, interval);
        p.latencyP95 = histogramQuantile(0.95, duration->bounds, interval);
        p.latencyP99 = histogramQuantile(0.99, duration->bounds, interval);
    }

    const QString result = QStringLiteral("result");
    const auto among = [](const QStringList &names) { return [names](const QString &v) { return names.contains(v); }; };
    p.loginsSucceeded = increase(before, after, Logins, result, among({QStringLiteral("success")}));
    p.loginsFailed = increase(before, after, Logins, result,
                              among({QStringLiteral("bad_credentials"), QStringLiteral("mfa_failed")}));
    p.loginsLocked = increase(before, after, Logins, result, among({QStringLiteral("locked")}));
    p.lockouts = increase(before, after, "keyward_lockouts_total");
    p.resetMailUnsent = increase(before, after, "keyward_password_reset_mail_unsent_total");

    p.activeSessions = after.total("keyward_sessions_active");
    p.hashQueueDepth = after.total("keyward_hash_queue_depth");
    p.requestsInFlight = after.total("keyward_http_requests_in_flight");
    return p;
}

} // namespace keyward
