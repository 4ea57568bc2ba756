#pragma once

#include "services/health_service.h"

#include <QObject>

#include <optional>

class QTimer;

namespace keyward {

class ServiceThread;

// The console's alerts: every health component that is not OK (a degraded database or disk, a 5xx
// burst, p99 over its threshold, a wave of lockouts, reset mail nobody can receive...), checked in
// the background every ten seconds whether a panel is shown or not, on a thread of its own.
class AlertMonitor : public QObject {
    Q_OBJECT
public:
    explicit AlertMonitor(HealthService &health, QObject *parent = nullptr);

    // The components not OK in the last report, worst first.
    const QList<HealthComponent> &alerts() const { return m_alerts; }
    const std::optional<HealthService::Report> &lastReport() const { return m_report; }
    bool checking() const { return m_checking; }
    QTimer &timer() { return *m_timer; }

public Q_SLOTS:
    // Starts a check (after the one under way, if there is one).
    void check();

Q_SIGNALS:
    // A report arrived (alerts may or may not have changed).
    void checked();
    // A component went from OK to not OK: what a notification tells.
    void raised(const keyward::HealthComponent &alert);

private:
    void take(const HealthService::Report &report);

    HealthService &m_health;
    QTimer *m_timer;
    ServiceThread *m_thread;
    bool m_checking = false;
    bool m_checkAgain = false;
    std::optional<HealthService::Report> m_report;
    QList<HealthComponent> m_alerts;
};

} // namespace keyward
