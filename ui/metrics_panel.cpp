#include "metrics_panel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace keyward {

namespace {

constexpr qint64 WindowMs = 5 * 60 * 1000;

} // namespace

// One chart with a time axis over the last five minutes and a few named series.
struct MetricsPanel::Chart {
    QChart *chart = new QChart;
    QDateTimeAxis *time = new QDateTimeAxis;
    QValueAxis *value = new QValueAxis;
    QList<QLineSeries *> series;
    double maximum = 1;

    Chart(const QString &title, const QStringList &names, const QString &unit)
    {
        chart->setTitle(title);
        time->setFormat(QStringLiteral("HH:mm:ss"));
        time->setTickCount(6);
        value->setLabelFormat(QStringLiteral("%.3g"));
        value->setTitleText(unit);
        value->setRange(0, 1);
        chart->addAxis(time, Qt::AlignBottom);
        chart->addAxis(value, Qt::AlignLeft);
        for (const QString &name : names) {
            auto *s = new QLineSeries;
            s->setName(name);
            chart->addSeries(s);
            s->attachAxis(time);
            s->attachAxis(value);
            series << s;
        }
    }

    void append(qint64 timeMs, const QList<double> &values)
    {
        for (qsizetype i = 0; i < series.size() && i < values.size(); ++i) {
            QLineSeries *s = series[i];
            if (!std::isnan(values[i])) {
                s->append(static_cast<double>(timeMs), values[i]);
                maximum = qMax(maximum, values[i]);
            }
            // Keep the window: drop what scrolled out.
            qsizetype old = 0;
            while (old < s->count() && s->at(static_cast<int>(old)).x() < static_cast<double>(timeMs - WindowMs))
                ++old;
            if (old > 0)
                s->removePoints(0, static_cast<int>(old));
        }
        time->setRange(QDateTime::fromMSecsSinceEpoch(timeMs - WindowMs), QDateTime::fromMSecsSinceEpoch(timeMs));
        value->setRange(0, maximum * 1.1);
    }
};

MetricsPanel::MetricsPanel(MetricsSampler &sampler, QWidget *parent)
    : QWidget(parent)
    , m_requests(std::make_unique<Chart>(tr("Requests"), QStringList{tr("requests/s"), tr("5xx %")}, tr("per second")))
    , m_latency(
          std::make_unique<Chart>(tr("Latency"), QStringList{tr("p50"), tr("p95"), tr("p99")}, tr("milliseconds")))
    , m_pause(new QCheckBox(tr("&Pause"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pause);
    for (Chart *c : {m_requests.get(), m_latency.get()}) {
        auto *view = new QChartView(c->chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        layout->addWidget(view, 1);
    }
    for (const MetricsPoint &p : sampler.history())
        add(p);
    connect(&sampler, &MetricsSampler::sampled, this, [this](const MetricsPoint &p) {
        if (!m_pause->isChecked())
            add(p);
    });
}

MetricsPanel::~MetricsPanel() = default;

qsizetype MetricsPanel::plottedPoints() const
{
    return m_requests->series.first()->count();
}

void MetricsPanel::add(const MetricsPoint &p)
{
    m_requests->append(p.timeMs, {p.requestsPerSecond, p.errorRate * 100});
    m_latency->append(p.timeMs, {p.latencyP50 * 1000, p.latencyP95 * 1000, p.latencyP99 * 1000});
}

} // namespace keyward
