#include "metrics_panel.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace keyward {

// One chart with a time axis over the chosen window and a few named series.
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

    void clear()
    {
        for (QLineSeries *s : std::as_const(series))
            s->clear();
        maximum = 1;
    }

    void append(qint64 timeMs, const QList<double> &values, qint64 windowMs)
    {
        for (qsizetype i = 0; i < series.size() && i < values.size(); ++i) {
            QLineSeries *s = series[i];
            if (!std::isnan(values[i])) {
                s->append(static_cast<double>(timeMs), values[i]);
                maximum = qMax(maximum, values[i]);
            }
            // Keep the window: drop what scrolled out.
            qsizetype old = 0;
            while (old < s->count() && s->at(static_cast<int>(old)).x() < static_cast<double>(timeMs - windowMs))
                ++old;
            if (old > 0)
                s->removePoints(0, static_cast<int>(old));
        }
        time->setRange(QDateTime::fromMSecsSinceEpoch(timeMs - windowMs), QDateTime::fromMSecsSinceEpoch(timeMs));
        value->setRange(0, maximum * 1.1);
    }
};

MetricsPanel::MetricsPanel(MetricsSampler &sampler, QWidget *parent)
    : QWidget(parent)
    , m_sampler(sampler)
    , m_charts{new Chart(tr("Requests"), {tr("requests/s"), tr("5xx %")}, tr("per second")),
               new Chart(tr("Latency"), {tr("p50"), tr("p95"), tr("p99")}, tr("milliseconds")),
               new Chart(tr("Logins"), {tr("succeeded"), tr("failed"), tr("locked out")}, tr("per minute")),
               new Chart(tr("Load"), {tr("active sessions"), tr("hash queue"), tr("in flight")}, tr("count"))}
    , m_pause(new QCheckBox(tr("&Pause"), this))
    , m_window(new QComboBox(this))
{
    m_window->addItem(tr("Last minute"), 60'000);
    m_window->addItem(tr("Last 5 minutes"), 5 * 60'000);
    m_window->setCurrentIndex(1);
    m_window->setAccessibleName(tr("Time window"));
    connect(m_window, &QComboBox::currentIndexChanged, this, &MetricsPanel::replot);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_pause);
    controls->addWidget(m_window);
    controls->addStretch();
    auto *grid = new QGridLayout;
    for (int i = 0; i < m_charts.size(); ++i) {
        auto *view = new QChartView(m_charts[i]->chart, this); // the view owns the chart
        view->setRenderHint(QPainter::Antialiasing);
        grid->addWidget(view, i / 2, i % 2);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(grid, 1);
    replot();
    connect(&sampler, &MetricsSampler::sampled, this, [this](const MetricsPoint &p) {
        if (!m_pause->isChecked())
            add(p);
    });
}

MetricsPanel::~MetricsPanel()
{
    qDeleteAll(m_charts);
}

qsizetype MetricsPanel::plottedPoints() const
{
    return m_charts.first()->series.first()->count();
}

double MetricsPanel::lastValue(int chart, int series) const
{
    const QLineSeries *s = m_charts.value(chart)->series.value(series);
    return s && s->count() > 0 ? s->at(s->count() - 1).y() : std::nan("");
}

void MetricsPanel::replot()
{
    for (Chart *c : std::as_const(m_charts))
        c->clear();
    for (const MetricsPoint &p : m_sampler.history())
        add(p);
}

void MetricsPanel::add(const MetricsPoint &p)
{
    const qint64 window = m_window->currentData().toLongLong();
    const double perMinute = 60.0 / (m_sampler.intervalMs() / 1000.0);
    m_charts[0]->append(p.timeMs, {p.requestsPerSecond, p.errorRate * 100}, window);
    m_charts[1]->append(p.timeMs, {p.latencyP50 * 1000, p.latencyP95 * 1000, p.latencyP99 * 1000}, window);
    m_charts[2]->append(
        p.timeMs, {p.loginsSucceeded * perMinute, p.loginsFailed * perMinute, p.loginsLocked * perMinute}, window);
    m_charts[3]->append(p.timeMs, {p.activeSessions, p.hashQueueDepth, p.requestsInFlight}, window);
}

} // namespace keyward
