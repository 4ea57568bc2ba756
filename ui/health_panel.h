#pragma once

#include "services/health_service.h"

#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;

namespace keyward {

class AlertMonitor;

// Health: every component's state, reason and details, checked every two seconds while shown.
// The checks are the alert monitor's (on a thread of their own: a slow database must not freeze
// the window); the table shows the last completed report, whoever asked for it.
class HealthPanel : public QWidget {
    Q_OBJECT
public:
    explicit HealthPanel(AlertMonitor &monitor, QWidget *parent = nullptr);

    QTreeWidget &components() { return *m_tree; }
    QString overall() const;

    // Whether a check is under way.
    bool checking() const;

public Q_SLOTS:
    // Starts a check; the table follows when it completes.
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showReport(const HealthService::Report &report);

    AlertMonitor &m_monitor;
    QLabel *m_overall;
    QTreeWidget *m_tree;
    QTimer *m_timer;
};

} // namespace keyward
