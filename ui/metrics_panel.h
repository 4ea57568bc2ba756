#pragma once

#include "observe/metrics_sampler.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLineSeries;

namespace keyward {

// Live graphs of the sampler's points: requests per second and latency quantiles, last 5 minutes.
class MetricsPanel : public QWidget {
    Q_OBJECT
public:
    explicit MetricsPanel(MetricsSampler &sampler, QWidget *parent = nullptr);
    ~MetricsPanel() override;

    // Points plotted so far in the requests graph (for tests).
    qsizetype plottedPoints() const;

private:
    void add(const MetricsPoint &point);

    struct Chart;
    std::unique_ptr<Chart> m_requests;
    std::unique_ptr<Chart> m_latency;
    QCheckBox *m_pause;
};

} // namespace keyward
