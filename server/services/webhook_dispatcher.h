#pragma once

#include "core/result.h"
#include "core/webhook.h"

#include <QMutex>
#include <QThreadPool>

#include <atomic>
#include <memory>

class QThread;

namespace keyward {

class AuditService;
class Clock;
class Database;
class WebhookService;
struct AuditEvent;

// Sends the webhook outbox, on threads of its own: no request ever waits for an endpoint. Every
// PollMs, and as soon as a sender is free, it claims what is due (each delivery for one attempt, so
// of several nodes on one database only one sends it), at most one per free sender, so that an
// attempt always ends (AttemptTimeoutMs) well within its claim (LeaseMs). A sender posts the event
// to its endpoint, signed, and touches no database; its outcome is recorded by the claiming thread.
// A 2xx answer delivers it; anything else is tried again after a growing pause (5 s, 20 s, 80 s, ...
// at most 6 h, with jitter) until RetryWindowMs after it was queued, when it is given up. An
// endpoint that does not answer (or answers 5xx or 429) has its other deliveries wait as long, so it
// cannot take every sender; one that has failed for the whole window is disabled, and that is
// audited. A delivery that cannot be sent whatever the endpoint does (its event pruned from the
// audit log, a secret this master key does not open) is given up at once, the endpoint unblamed.
class WebhookDispatcher {
public:
    static constexpr int PollMs = 500;
    static constexpr int Parallel = 4;
    static constexpr int AttemptTimeoutMs = 10'000;
    static constexpr qint64 LeaseMs = 30'000; // an attempt's claim: well past its timeout
    static constexpr qint64 RetryWindowMs = 24 * 3600'000LL;

    // `releaseThread` ends every job of the sending threads and the polling thread
    // (Services::releaseThread).
    WebhookDispatcher(Database &db, const Clock &clock, WebhookService &webhooks, AuditService &audit,
                      std::function<void()> releaseThread);
    ~WebhookDispatcher();
    WebhookDispatcher(const WebhookDispatcher &) = delete;
    WebhookDispatcher &operator=(const WebhookDispatcher &) = delete;

    // Sends on a thread of its own until stop() or destruction.
    void start();
    // Ends the polling thread; attempts under way are cut short and left to their lease, what was
    // answered is recorded.
    void stop();
    // One round on the calling thread: claims what is due now, sends it, waits, records. How many
    // attempts were made.
    Result<int> deliverDue();

    // The pause before attempt `attempt + 1`, without jitter.
    static qint64 backoffMs(int attempt);

private:
    struct Outcome {
        enum class Kind { Delivered, Failed, Undeliverable, Interrupted };
        Kind kind = Kind::Failed;
        int status = 0; // HTTP status; 0 when none came
        QString error;
    };
    // On the polling thread: records what finished, then starts what is due.
    void tick();
    // Claims what is due, one per free sender, and starts sending it; how many were claimed.
    Result<int> startDue();
    // Records the outcomes the senders have finished.
    void recordFinished();
    Outcome send(const DueDelivery &due, const AuditEvent &event, QByteArray key);
    Status record(const DueDelivery &due, const Outcome &outcome);
    void finished(const DueDelivery &due, const Outcome &outcome);

    Database &m_db;
    const Clock &m_clock;
    WebhookService &m_webhooks;
    AuditService &m_audit;
    std::function<void()> m_releaseThread;
    QThreadPool m_senders;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_inFlight{0};
    QMutex m_finishedLock;
    QList<QPair<DueDelivery, Outcome>> m_finished;
    QObject *m_wake = nullptr; // the polling thread's timer, which a finished sender wakes; m_finishedLock
    std::unique_ptr<QThread> m_poller;
};

} // namespace keyward
