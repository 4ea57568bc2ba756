#pragma once

#include "core/audit.h"
#include "core/principal.h"
#include "core/result.h"

#include <QJsonObject>
#include <QMutex>
#include <memory>

namespace keyward {

class AuditRepository;
class WebhookRepository;
class Clock;
class Database;

// What happened, to what, and how it ended; who and from where comes from the Principal.
struct AuditEntry {
    AuditEntry(QString action_, QString targetType_, QString targetId_, QString outcome_ = QStringLiteral("success"),
               QJsonObject details_ = {})
        : action(std::move(action_))
        , targetType(std::move(targetType_))
        , targetId(std::move(targetId_))
        , outcome(std::move(outcome_))
        , details(std::move(details_))
    {
    }

    QString action; // e.g. "user.create", "auth.login"
    QString targetType;
    QString targetId;
    QString outcome = QStringLiteral("success"); // success | failure | denied
    QJsonObject details;                         // never a secret
};

// Records every state change and authentication event in the hash-chained audit log, and keeps a
// signed high-water mark of the chain outside the database (in memory, and in a file when given),
// so that deleting the newest events and putting back an older chain head is still seen.
class AuditService {
public:
    AuditService(Database &db, const Clock &clock, QByteArray chainKey);
    ~AuditService();

    // Where the high-water mark is kept between runs (the data directory); loaded now.
    void setHighWaterFile(const QString &path);
    // Raises the high-water mark to the chain head, when the head is genuine and the chain still
    // holds the current mark. Cheap (one small read); run every few seconds and before verifying.
    Status advanceHighWater();

    // Inside the caller's write transaction, so the event commits (or not) with the change, and so
    // does its place in the outbox of every webhook that wants it.
    Status append(const Principal &actor, const AuditEntry &entry);
    // In a transaction of its own, for events with no other write (failed logins, denials).
    Status record(const Principal &actor, const AuditEntry &entry);

    // Passes `result` on. A refusal (a 403, or a grant of what the actor does not hold) is first
    // recorded as a `denied` event of `attempt` with the refusal's reason, in a transaction of its
    // own: the refused work itself was rolled back.
    template <typename T>
    Result<T> noteRefusal(const Principal &actor, const AuditEntry &attempt, Result<T> result)
    {
        if (!result && isRefusal(result.error()))
            recordRefusal(actor, attempt, result.error());
        return result;
    }
    static bool isRefusal(const ApiError &error);

    Result<QList<AuditEvent>> recent(int limit);
    // The event numbered `seq`, for its webhook deliveries; nullopt once pruned.
    Result<std::optional<AuditEvent>> event(qint64 seq);
    Result<AuditPage> list(const Principal &actor, const AuditFilter &filter);
    Result<ChainReport> verify(const Principal &actor);
    // Removes events older than `days` (leaving a signed checkpoint); audited as actor system.
    Result<qint64> prune(int days);

private:
    void recordRefusal(const Principal &actor, const AuditEntry &attempt, const ApiError &refusal);
    std::optional<ChainMark> highWater();

    Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<AuditRepository> m_repo;
    std::unique_ptr<WebhookRepository> m_outbox;

    QMutex m_markMutex;
    std::optional<ChainMark> m_highWater;
    QString m_highWaterFile;
};

// An event as the API lists it and the JSON Lines export writes it.
QJsonObject auditEventJson(const AuditEvent &event);

} // namespace keyward
