#pragma once

#include <QString>

class QObject;

// The service manager's notification protocol (systemd's sd_notify, unit Type=notify). Each call
// does nothing when the process was not started by one (no NOTIFY_SOCKET).
namespace keyward::service_manager {

// Serving: migrations are applied and the listener is open. `status` is what `systemctl status` shows.
void notifyReady(const QString &status);
// Draining requests before exit, so the manager does not take the slow stop for a hang.
void notifyStopping();
// With WatchdogSec= in the unit: a ping from the event loop every half of that time, owned by
// `owner`; a loop that stops turning stops the pings, and the manager restarts the service.
void startWatchdog(QObject *owner);

} // namespace keyward::service_manager
