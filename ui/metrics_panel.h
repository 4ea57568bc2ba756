#pragma once

#include "observe/metrics_sampler.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineSeries;
class QValueAxis;

namespace keyward {

// Live graphs of the sampler's points: requests/s and 4xx/429/5xx shares, latency quantiles,
// logins per minute by outcome, and load (sessions, hash queue, requests in flight); the last one
// or five minutes from one-second points, the last hour or day from one-minute points; with pause.
class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPanel(MetricsSampler &sampler, QWidget *parent = nullptr);
    ~MetricsPanel() override;

    // Points plotted so far in the requests graph (for tests).
    qsizetype plottedPoints() const;
    // The last plotted value of series `series` (0-based) of chart `chart` (0 requests, 1 latency,
    // 2 logins, 3 load), in the unit its axis shows; NaN when empty.
    double lastValue(int chart, int series) const;
    // The value axis of a chart (its range, ticks, title) and the labels of its time axis.
    const QValueAxis &valueAxis(int chart) const;
    QStringList timeLabels(int chart) const;
    QComboBox &window() { return *m_window; }

private:
    // Whether the window is drawn from the sampler's one-minute points rather than its one-second ones.
    bool coarse() const;
    void add(const MetricsPoint &point);
    void plot(const MetricsPoint &point);
    void settle(qint64 timeMs);
    void replot();

    struct Chart;
    MetricsSampler &m_sampler;
    QList<Chart *> m_charts;
    QCheckBox *m_pause;
    QComboBox *m_window;
};

} // namespace keyward
