#include "metrics_panel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <iterator>

namespace keyward {

// One chart with a time axis over the chosen window and a few named series. The value axis takes
// round ticks and plain numbers (never 1.2e+04); a chart in milliseconds switches to seconds once
// its values reach two seconds. Time ticks fall on round times (every 10 s, minute, 5 minutes...).
struct MetricsPanel::Chart {
    QChart *chart = new QChart;
    QCategoryAxis *time = new QCategoryAxis;
    QValueAxis *value = new QValueAxis;
    QList<QLineSeries *> series;
    double maximum = 1; // in the series' base unit
    QString unit;
    bool milliseconds = false; // the base unit is ms, shown as s when large
    double divisor = 1;        // what the plotted values are divided by (1000: ms shown as s)

    Chart(const QString &title, const QStringList &names, const QString &unitName, bool inMilliseconds = false)
        : unit(unitName)
        , milliseconds(inMilliseconds)
    {
        chart->setTitle(title);
        time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
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
        rescale(1);
    }

    // Plots values in `newDivisor`ths of the base unit, rewriting what is plotted.
    void rescale(double newDivisor)
    {
        if (newDivisor != divisor)
            for (QLineSeries *s : std::as_const(series)) {
                QList<QPointF> points = s->points();
                for (QPointF &point : points)
                    point.setY(point.y() * divisor / newDivisor);
                s->replace(points);
            }
        divisor = newDivisor;
        value->setTitleText(divisor == 1000 ? MetricsPanel::tr("seconds") : unit);
    }

    // Plots the points of one time; settle() then fits the axes.
    void append(qint64 timeMs, const QList<double> &values)
    {
        for (qsizetype i = 0; i < values.size(); ++i)
            if (!std::isnan(values[i]))
                maximum = qMax(maximum, values[i]);
        if (milliseconds)
            rescale(maximum >= 2000 ? 1000 : 1);
        for (qsizetype i = 0; i < series.size() && i < values.size(); ++i)
            if (!std::isnan(values[i]))
                series[i]->append(static_cast<double>(timeMs), values[i] / divisor);
    }

    // Drops what scrolled out of the window ending at `timeMs` and fits the axes to it.
    void settle(qint64 timeMs, qint64 windowMs)
    {
        for (QLineSeries *s : std::as_const(series)) {
            qsizetype old = 0;
            while (old < s->count() && s->at(static_cast<int>(old)).x() < static_cast<double>(timeMs - windowMs))
                ++old;
            if (old > 0)
                s->removePoints(0, static_cast<int>(old));
        }
        timeTicks(timeMs - windowMs, timeMs, windowMs);
        value->setRange(0, maximum * 1.1 / divisor);
        value->applyNiceNumbers();
        value->setLabelFormat(value->max() >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    }

    // Labels at round times within [from, to]: about five of them.
    void timeTicks(qint64 from, qint64 to, qint64 windowMs)
    {
        static constexpr qint64 steps[] = {10'000,  15'000,    30'000,    60'000,     120'000,   300'000,
                                           600'000, 1'800'000, 3'600'000, 10'800'000, 21'600'000};
        qint64 step = steps[std::size(steps) - 1];
        for (qint64 candidate : steps)
            if (windowMs / candidate <= 6) {
                step = candidate;
                break;
            }
        for (const QString &label : time->categoriesLabels())
            time->remove(label);
        time->setMin(static_cast<double>(from));
        time->setMax(static_cast<double>(to));
        time->setStartValue(static_cast<double>(from));
        const QString format = step < 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
        for (qint64 t = (from / step + 1) * step; t <= to; t += step)
            time->append(QDateTime::fromMSecsSinceEpoch(t).toString(format), static_cast<double>(t));
    }
};

MetricsPanel::MetricsPanel(MetricsSampler &sampler, QWidget *parent)
    : QWidget(parent)
    , m_sampler(sampler)
    , m_charts{new Chart(tr("Requests"), {tr("requests/s"), tr("5xx %"), tr("4xx %"), tr("429 %")}, tr("per second")),
               new Chart(tr("Latency"), {tr("p50"), tr("p95"), tr("p99")}, tr("milliseconds"), true),
               new Chart(tr("Logins"), {tr("succeeded"), tr("failed"), tr("locked out")}, tr("per minute")),
               new Chart(tr("Load"), {tr("active sessions"), tr("hash queue"), tr("in flight")}, tr("count"))}
    , m_pause(new QCheckBox(tr("&Pause"), this))
    , m_window(new QComboBox(this))
{
    // The last minutes from the one-second points, the last hours from the one-minute points.
    m_window->addItem(tr("Last minute"), 60'000);
    m_window->addItem(tr("Last 5 minutes"), 5 * 60'000);
    m_window->addItem(tr("Last hour"), 3'600'000);
    m_window->addItem(tr("Last 24 hours"), 86'400'000);
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
        if (!m_pause->isChecked() && !coarse())
            add(p);
    });
    connect(&sampler, &MetricsSampler::coarseSampled, this, [this](const MetricsPoint &p) {
        if (!m_pause->isChecked() && coarse())
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

const QValueAxis &MetricsPanel::valueAxis(int chart) const
{
    return *m_charts.at(chart)->value;
}

QStringList MetricsPanel::timeLabels(int chart) const
{
    return m_charts.at(chart)->time->categoriesLabels();
}

bool MetricsPanel::coarse() const
{
    return m_window->currentData().toLongLong() > 5 * 60'000;
}

void MetricsPanel::replot()
{
    for (Chart *c : std::as_const(m_charts))
        c->clear();
    const QList<MetricsPoint> &points = coarse() ? m_sampler.coarseHistory() : m_sampler.history();
    for (const MetricsPoint &p : points)
        plot(p);
    settle(points.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : points.last().timeMs);
}

void MetricsPanel::add(const MetricsPoint &p)
{
    plot(p);
    settle(p.timeMs);
}

void MetricsPanel::plot(const MetricsPoint &p)
{
    const double perMinute = 60.0 / qMax(0.001, p.seconds);
    m_charts[0]->append(p.timeMs,
                        {p.requestsPerSecond, p.errorRate * 100, p.clientErrorRate * 100, p.throttledRate * 100});
    m_charts[1]->append(p.timeMs, {p.latencyP50 * 1000, p.latencyP95 * 1000, p.latencyP99 * 1000});
    m_charts[2]->append(p.timeMs,
                        {p.loginsSucceeded * perMinute, p.loginsFailed * perMinute, p.loginsLocked * perMinute});
    m_charts[3]->append(p.timeMs, {p.activeSessions, p.hashQueueDepth, p.requestsInFlight});
}

void MetricsPanel::settle(qint64 timeMs)
{
    const qint64 window = m_window->currentData().toLongLong();
    for (Chart *c : std::as_const(m_charts))
        c->settle(timeMs, window);
}

} // namespace keyward
