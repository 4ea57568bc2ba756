#pragma once

#include "core/audit.h"
#include "core/result.h"
#include "core/webhook.h"
#include "database.h"

namespace keyward {

// Webhook endpoints and their outbox. Writes run inside the caller's write transaction.
class WebhookRepository {
public:
    explicit WebhookRepository(Database &db);

    Status insert(const Webhook &webhook, const QByteArray &sealedSecret);
    Result<Webhook> find(const QString &id);
    Result<QList<Webhook>> list();
    // Writes what an administrator sets of `webhook` (its events too) if its row is still at
    // `webhook.version`; preconditionFailed when someone else changed it first. `restart`: enabled
    // again, its failures are forgotten.
    Status update(const Webhook &webhook, bool restart, qint64 nowMs);
    Status setSecret(const QString &id, const QByteArray &sealedSecret, qint64 nowMs);
    Status remove(const QString &id);

    // Puts `event` in the outbox of every enabled endpoint that wants it.
    Status enqueue(const AuditEvent &event);
    // Up to `limit` deliveries due at `nowMs`, each claimed for one attempt until `leaseUntilMs`:
    // due again then, unless its outcome was recorded. Another node's claim is skipped, not awaited.
    Result<QList<DueDelivery>> claim(qint64 nowMs, qint64 leaseUntilMs, int limit);
    // The outcome of the attempt a claim counted; false when that attempt is no longer the
    // delivery's (its lease ran out and another attempt began), and nothing was written.
    // `retryAtMs` 0: the delivery is given up. `endpointsFault`: the endpoint is failing since now,
    // unless it already was.
    Result<bool> recordSuccess(const WebhookDelivery &attempt, int status, qint64 nowMs);
    Result<bool> recordFailure(const WebhookDelivery &attempt, int status, const QString &error, qint64 retryAtMs,
                               qint64 nowMs, bool endpointsFault);
    // The endpoint's other pending deliveries wait until `untilMs` at least.
    Status postponeOthers(const WebhookDelivery &attempt, qint64 untilMs);
    // Disables the endpoint if it is enabled and has failed without a success since `failingSinceMs`
    // or earlier, and gives up what it had pending; whether it did.
    Result<bool> disableFailing(const QString &id, qint64 failingSinceMs, qint64 nowMs);
    // Gives up the endpoint's pending deliveries, with `why` as their error.
    Status dropPending(const QString &id, const QString &why, qint64 nowMs);
    Result<qint64> count();

    Result<DeliveryPage> deliveries(const QString &webhookId, qint64 beforeId, int limit);
    Result<WebhookDelivery> delivery(const QString &webhookId, qint64 id);
    // A new pending delivery of the same event to the same endpoint; its id.
    Result<qint64> resend(const WebhookDelivery &of, qint64 nowMs);
    // Deletes finished deliveries older than `beforeMs`; how many.
    Result<qint64> pruneFinished(qint64 beforeMs);

private:
    Status writeEvents(const Webhook &webhook);
    Result<QStringList> eventsOf(const QString &id);

    Database &m_db;
};

} // namespace keyward
