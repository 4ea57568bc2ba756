#include "alert_monitor.h"

#include "service_thread.h"

#include <QTimer>

#include <algorithm>

namespace keyward {

AlertMonitor::AlertMonitor(HealthService &health, QObject *parent)
    : QObject(parent)
    , m_health(health)
    , m_timer(new QTimer(this))
    , m_thread(new ServiceThread(this))
{
    m_timer->setInterval(10'000);
    connect(m_timer, &QTimer::timeout, this, &AlertMonitor::check);
    m_timer->start();
}

void AlertMonitor::check()
{
    // A check under way may predate what this one is asked for: check again after it.
    if (m_checking) {
        m_checkAgain = true;
        return;
    }
    m_checking = true;
    m_thread->run(
        this, [&health = m_health] { return health.check(); },
        [this](const HealthService::Report &report) {
            m_checking = false;
            take(report);
            if (std::exchange(m_checkAgain, false))
                check();
        });
}

void AlertMonitor::take(const HealthService::Report &report)
{
    QList<HealthComponent> alerts;
    for (const HealthComponent &c : report.components)
        if (c.status != HealthComponent::Status::Ok)
            alerts.append(c);
    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const HealthComponent &a, const HealthComponent &b) { return a.status > b.status; });
    const QList<HealthComponent> before = std::exchange(m_alerts, alerts);
    m_report = report;
    for (const HealthComponent &c : std::as_const(m_alerts))
        if (std::none_of(before.begin(), before.end(), [&](const HealthComponent &b) { return b.name == c.name; }))
            Q_EMIT raised(c);
    Q_EMIT checked();
}

} // namespace keyward
