#pragma once

#include "metrics.h"

namespace keyward {

// The metrics Keyward records, registered once; the hot paths hold references to them.
struct KeywardMetrics {
    explicit KeywardMetrics(MetricsRegistry &registry);

    MetricsRegistry &registry;
    Family<Counter> &httpRequests;   // method, route, status
    Family<Histogram> &httpDuration; // route
    Gauge &httpInFlight;
    Family<Counter> &logins;  // result: success, bad_credentials, locked, mfa_required, mfa_failed
    Counter &lockouts;        // accounts (and unknown login names) locked after repeated failures
    Counter &resetMailUnsent; // password resets asked for while SMTP is not configured
    Counter &tokenRefreshes;
    Counter &refreshReuse;
    Gauge &hashQueueDepth;
    Histogram &hashWait;
    Family<Gauge> &usersByStatus; // status
    Gauge &activeSessions;
    Family<Gauge> &buildInfo;           // version, qt_version, database
    Family<Histogram> &dbQueryDuration; // statement: select, insert, update, delete, other
};

// Resident memory, CPU seconds, open descriptors and start time of this process (from /proc).
void collectProcessMetrics(MetricsRegistry &registry);

} // namespace keyward
