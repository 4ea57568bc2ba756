#include "service_manager.h"

#include <QTimer>

#include <chrono>

#include <systemd/sd-daemon.h>

namespace keyward::service_manager {

void notifyReady(const QString &status)
{
    sd_notifyf(0, "READY=1\nSTATUS=%s", status.toUtf8().constData());
}

void notifyStopping()
{
    sd_notify(0, "STOPPING=1\nSTATUS=draining requests in flight");
}

void startWatchdog(QObject *owner)
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0)
        return;
    auto *timer = new QTimer(owner);
    timer->setInterval(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::microseconds(usec / 2)));
    QObject::connect(timer, &QTimer::timeout, [] { sd_notify(0, "WATCHDOG=1"); });
    timer->start();
    sd_notify(0, "WATCHDOG=1");
}

} // namespace keyward::service_manager
