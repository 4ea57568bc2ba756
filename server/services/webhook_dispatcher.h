#pragma once

#include "core/result.h"

#include <QThreadPool>

#include <atomic>
#include <memory>

class QThread;

namespace keyward {

class AuditService;
class Clock;
class Database;
class WebhookService;
struct DueDelivery;

// Sends the webhook outbox, on threads of its own: no request ever waits for an endpoint. Every
// PollMs it claims what is due (each delivery for one attempt, so of several nodes on one database
// only one sends it) and posts each to its endpoint, signed, a few at a time. A 2xx answer delivers
// it; anything else is tried again after a growing pause (5 s, 20 s, 80 s, ... at most 6 h, with
// jitter) until RetryWindowMs after it was queued, when it is given up. An endpoint that has
// failed for that whole window when a delivery is given up is disabled, and that is audited.
class WebhookDispatcher {
public:
    static constexpr int PollMs = 500;
    static constexpr int Parallel = 4;
    static constexpr int AttemptTimeoutMs = 10'000;
    static constexpr qint64 LeaseMs = 30'000; // an attempt's claim: well past its timeout
    static constexpr qint64 RetryWindowMs = 24 * 3600'000LL;

    // `releaseThread` ends every job of the sending threads (Services::releaseThread).
    WebhookDispatcher(Database &db, const Clock &clock, WebhookService &webhooks, AuditService &audit,
                      std::function<void()> releaseThread);
    ~WebhookDispatcher();
    WebhookDispatcher(const WebhookDispatcher &) = delete;
    WebhookDispatcher &operator=(const WebhookDispatcher &) = delete;

    // Sends every PollMs on a thread of its own until stop() or destruction.
    void start();
    // Ends the polling thread; attempts under way are cut short and left to their lease.
    void stop();
    // One round: claims what is due now and sends it. How many attempts were made.
    Result<int> deliverDue();

    // The pause before attempt `attempt + 1`, without jitter.
    static qint64 backoffMs(int attempt);

private:
    struct Outcome {
        int status = 0; // HTTP status; 0 when none came
        QString error;  // empty when delivered
    };
    Outcome attempt(const DueDelivery &due);
    Status record(const DueDelivery &due, const Outcome &outcome);

    Database &m_db;
    const Clock &m_clock;
    WebhookService &m_webhooks;
    AuditService &m_audit;
    std::function<void()> m_releaseThread;
    QThreadPool m_senders;
    std::atomic<bool> m_stopping{false};
    std::unique_ptr<QThread> m_poller;
};

} // namespace keyward
