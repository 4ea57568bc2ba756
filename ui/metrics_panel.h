#pragma once

#include "observe/metrics_sampler.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineSeries;
class QValueAxis;

namespace keyward {

// Live graphs of the sampler's one-second points: requests/s and 5xx share, latency quantiles,
// logins per minute by outcome, and load (sessions, hash queue, requests in flight); the last one
// or five minutes, with pause.
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
    void add(const MetricsPoint &point);
    void replot();

    struct Chart;
    MetricsSampler &m_sampler;
    QList<Chart *> m_charts;
    QCheckBox *m_pause;
    QComboBox *m_window;
};

} // namespace keyward
