#include "webhook_repository.h"

#include "sql_error.h"

namespace keyward {

namespace {

const QString SelectWebhooks = QStringLiteral("SELECT id, url, description, enabled, disabled_reason, failing_since, "
                                              "created_by, created_at, updated_at, version FROM webhooks");

const QString SelectDeliveries =
    QStringLiteral("SELECT id, webhook_id, event_seq, event_id, event_type, state, attempts, next_attempt_at, "
                   "last_attempt_at, last_status, last_error, created_at, finished_at FROM webhook_deliveries");

// An action matches its own name, "*", and "prefix.*" for each of its dotted prefixes; deeper
// actions than this many prefixes are matched by the deepest ones.
constexpr int MatchSlots = 6;

Webhook readWebhook(const QSqlQuery &q)
{
    Webhook w;
    w.id = q.value(0).toString();
    w.url = q.value(1).toString();
    w.description = q.value(2).toString();
    w.enabled = q.value(3).toBool();
    w.disabledReason = q.value(4).toString();
    w.failingSince = q.value(5).toLongLong();
    w.createdBy = q.value(6).toString();
    w.createdAt = q.value(7).toLongLong();
    w.updatedAt = q.value(8).toLongLong();
    w.version = q.value(9).toLongLong();
    return w;
}

WebhookDelivery readDelivery(const QSqlQuery &q)
{
    WebhookDelivery d;
    d.id = q.value(0).toLongLong();
    d.webhookId = q.value(1).toString();
    d.eventSeq = q.value(2).toLongLong();
    d.eventId = q.value(3).toString();
    d.eventType = q.value(4).toString();
    d.state = q.value(5).toString();
    d.attempts = q.value(6).toInt();
    d.nextAttemptAt = q.value(7).toLongLong();
    d.lastAttemptAt = q.value(8).toLongLong();
    d.lastStatus = q.value(9).toInt();
    d.lastError = q.value(10).toString();
    d.createdAt = q.value(11).toLongLong();
    d.finishedAt = q.value(12).toLongLong();
    return d;
}

// The subscriptions that want `action`.
QStringList matchingSubscriptions(const QString &action)
{
    QStringList names{QStringLiteral("*"), action};
    for (qsizetype dot = action.indexOf(QLatin1Char('.')); dot > 0 && names.size() < MatchSlots;
         dot = action.indexOf(QLatin1Char('.'), dot + 1))
        names << action.left(dot) + QStringLiteral(".*");
    while (names.size() < MatchSlots)
        names << action;
    return names;
}

Result<bool> changedOne(Database &db, QSqlQuery &q)
{
    if (!db.exec(q))
        return sqlFailure(q);
    return q.numRowsAffected() == 1;
}

} // namespace

WebhookRepository::WebhookRepository(Database &db)
    : m_db(db)
{
}

Status WebhookRepository::writeEvents(const Webhook &w)
{
    if (auto r = execute(m_db, QStringLiteral("DELETE FROM webhook_events WHERE webhook_id = ?"), {w.id}); !r)
        return r;
    for (const QString &event : w.events)
        if (auto r = execute(m_db, QStringLiteral("INSERT INTO webhook_events (webhook_id, event) VALUES (?, ?)"),
                             {w.id, event});
            !r)
            return r;
    return success();
}

Result<QStringList> WebhookRepository::eventsOf(const QString &id)
{
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("SELECT event FROM webhook_events WHERE webhook_id = ? ORDER BY event"));
    q.addBindValue(id);
    if (!m_db.exec(q))
        return sqlFailure(q);
    QStringList events;
    while (q.next())
        events << q.value(0).toString();
    return events;
}

Status WebhookRepository::insert(const Webhook &w, const QByteArray &sealedSecret)
{
    if (auto r = execute(m_db,
                         QStringLiteral("INSERT INTO webhooks (id, url, description, secret, enabled, created_by, "
                                        "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"),
                         {w.id, w.url, notNull(w.description), sealedSecret, w.enabled, notNull(w.createdBy),
                          w.createdAt, w.createdAt});
        !r)
        return r;
    return writeEvents(w);
}

Result<Webhook> WebhookRepository::find(const QString &id)
{
    QSqlQuery &q = m_db.prepared(SelectWebhooks + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No such webhook."));
    Webhook w = readWebhook(q);
    q.finish();
    auto events = eventsOf(id);
    if (!events)
        return events.error();
    w.events = *events;
    return w;
}

Result<QList<Webhook>> WebhookRepository::list()
{
    QSqlQuery &q = m_db.prepared(SelectWebhooks + QStringLiteral(" ORDER BY url, id"));
    if (!m_db.exec(q))
        return sqlFailure(q);
    QList<Webhook> out;
    while (q.next())
        out.append(readWebhook(q));
    QSqlQuery &events = m_db.prepared(QStringLiteral("SELECT webhook_id, event FROM webhook_events ORDER BY event"));
    if (!m_db.exec(events))
        return sqlFailure(events);
    QHash<QString, QStringList> byWebhook;
    while (events.next())
        byWebhook[events.value(0).toString()] << events.value(1).toString();
    for (Webhook &w : out)
        w.events = byWebhook.value(w.id);
    return out;
}

Status WebhookRepository::update(const Webhook &w, bool restart, qint64 nowMs)
{
    // What Keyward itself keeps (failing_since, disabled_reason) is only ever cleared here, never
    // written back as read: the dispatcher may have changed it meanwhile.
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("UPDATE webhooks SET url = ?, description = ?, enabled = ?, "
                                     "disabled_reason = CASE WHEN CAST(? AS BOOLEAN) THEN '' ELSE disabled_reason END, "
                                     "failing_since = CASE WHEN CAST(? AS BOOLEAN) THEN 0 ELSE failing_since END, "
                                     "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?"));
    for (const QVariant &v : {QVariant(w.url), QVariant(notNull(w.description)), QVariant(w.enabled), QVariant(restart),
                              QVariant(restart), QVariant(nowMs), QVariant(w.id), QVariant(w.version)})
        q.addBindValue(v);
    auto changed = changedOne(m_db, q);
    if (!changed)
        return changed.error();
    if (!*changed)
        return ApiError::preconditionFailed(QStringLiteral("The webhook was changed meanwhile; read it again."));
    return writeEvents(w);
}

Status WebhookRepository::setSecret(const QString &id, const QByteArray &sealedSecret, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("UPDATE webhooks SET secret = ?, updated_at = ?, version = version + 1 WHERE id = ?"));
    q.addBindValue(sealedSecret);
    q.addBindValue(nowMs);
    q.addBindValue(id);
    auto changed = changedOne(m_db, q);
    if (!changed)
        return changed.error();
    return *changed ? success() : Status(ApiError::notFound(QStringLiteral("No such webhook.")));
}

Status WebhookRepository::remove(const QString &id)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("DELETE FROM webhooks WHERE id = ?"));
    q.addBindValue(id);
    auto changed = changedOne(m_db, q);
    if (!changed)
        return changed.error();
    return *changed ? success() : Status(ApiError::notFound(QStringLiteral("No such webhook.")));
}

Status WebhookRepository::enqueue(const AuditEvent &event)
{
    // Parameters in a SELECT list carry no type of their own on PostgreSQL: each is cast to its column's.
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "INSERT INTO webhook_deliveries (webhook_id, event_seq, event_id, event_type, next_attempt_at, created_at) "
        "SELECT w.id, CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS BIGINT) "
        "FROM webhooks w WHERE w.enabled = TRUE AND EXISTS (SELECT 1 FROM webhook_events s "
        "WHERE s.webhook_id = w.id AND s.event IN (?, ?, ?, ?, ?, ?))"));
    for (const QVariant &v :
         {QVariant(event.seq), QVariant(event.id), QVariant(event.action), QVariant(event.time), QVariant(event.time)})
        q.addBindValue(v);
    for (const QString &name : matchingSubscriptions(event.action))
        q.addBindValue(name);
    if (!m_db.exec(q))
        return sqlFailure(q);
    return success();
}

Result<QList<DueDelivery>> WebhookRepository::claim(qint64 nowMs, qint64 leaseUntilMs, int limit)
{
    // SKIP LOCKED: rows another node is claiming this moment are left to it, not waited for. SQLite
    // has one writer at a time, so there is nobody to skip.
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("SELECT d.id, d.webhook_id, d.event_seq, d.event_id, d.event_type, d.state, d.attempts, "
                       "d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error, d.created_at, "
                       "d.finished_at, w.url, w.secret FROM webhook_deliveries d JOIN webhooks w ON w.id = "
                       "d.webhook_id WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND w.enabled = TRUE "
                       "ORDER BY d.next_attempt_at LIMIT ?") +
        (m_db.kind() == Database::Kind::Postgres ? QStringLiteral(" FOR UPDATE OF d SKIP LOCKED") : QString()));
    q.addBindValue(nowMs);
    q.addBindValue(limit);
    if (!m_db.exec(q))
        return sqlFailure(q);
    QList<DueDelivery> due;
    while (q.next())
        due.append({readDelivery(q), q.value(13).toString(), q.value(14).toByteArray()});
    q.finish();
    for (DueDelivery &d : due) {
        QSqlQuery &take = m_db.prepared(QStringLiteral("UPDATE webhook_deliveries SET attempts = attempts + 1, "
                                                       "next_attempt_at = ?, last_attempt_at = ? WHERE id = ?"));
        take.addBindValue(leaseUntilMs);
        take.addBindValue(nowMs);
        take.addBindValue(d.delivery.id);
        if (!m_db.exec(take))
            return sqlFailure(take);
        d.delivery.attempts += 1;
        d.delivery.nextAttemptAt = leaseUntilMs;
        d.delivery.lastAttemptAt = nowMs;
    }
    return due;
}

Result<bool> WebhookRepository::recordSuccess(const WebhookDelivery &attempt, int status, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE webhook_deliveries SET state = 'delivered', last_status = ?, last_error = '', finished_at = ? "
        "WHERE id = ? AND attempts = ? AND state = 'pending'"));
    for (const QVariant &v : {QVariant(status), QVariant(nowMs), QVariant(attempt.id), QVariant(attempt.attempts)})
        q.addBindValue(v);
    auto changed = changedOne(m_db, q);
    if (!changed || !*changed)
        return changed;
    if (auto r =
            execute(m_db, QStringLiteral("UPDATE webhooks SET failing_since = 0 WHERE id = ? AND failing_since <> 0"),
                    {attempt.webhookId});
        !r)
        return r.error();
    return true;
}

Result<bool> WebhookRepository::recordFailure(const WebhookDelivery &attempt, int status, const QString &error,
                                              qint64 retryAtMs, qint64 nowMs, bool endpointsFault)
{
    QSqlQuery &q = m_db.prepared(
        QStringLiteral("UPDATE webhook_deliveries SET state = ?, next_attempt_at = ?, last_status = ?, last_error = ?, "
                       "finished_at = ? WHERE id = ? AND attempts = ? AND state = 'pending'"));
    const bool givenUp = retryAtMs == 0;
    for (const QVariant &v : {QVariant(givenUp ? QStringLiteral("failed") : QStringLiteral("pending")),
                              QVariant(givenUp ? nowMs : retryAtMs), QVariant(status), QVariant(notNull(error)),
                              QVariant(givenUp ? nowMs : 0), QVariant(attempt.id), QVariant(attempt.attempts)})
        q.addBindValue(v);
    auto changed = changedOne(m_db, q);
    if (!changed || !*changed || !endpointsFault)
        return changed;
    if (auto r =
            execute(m_db, QStringLiteral("UPDATE webhooks SET failing_since = ? WHERE id = ? AND failing_since = 0"),
                    {nowMs, attempt.webhookId});
        !r)
        return r.error();
    return true;
}

Status WebhookRepository::postponeOthers(const WebhookDelivery &attempt, qint64 untilMs)
{
    return execute(m_db,
                   QStringLiteral("UPDATE webhook_deliveries SET next_attempt_at = ? WHERE webhook_id = ? AND "
                                  "state = 'pending' AND next_attempt_at < ? AND id <> ?"),
                   {untilMs, attempt.webhookId, untilMs, attempt.id});
}

Result<bool> WebhookRepository::disableFailing(const QString &id, qint64 failingSinceMs, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "UPDATE webhooks SET enabled = FALSE, disabled_reason = 'failing', updated_at = ?, version = version + 1 "
        "WHERE id = ? AND enabled = TRUE AND failing_since <> 0 AND failing_since <= ?"));
    q.addBindValue(nowMs);
    q.addBindValue(id);
    q.addBindValue(failingSinceMs);
    auto disabled = changedOne(m_db, q);
    if (!disabled || !*disabled)
        return disabled;
    if (auto r = dropPending(id, QStringLiteral("The endpoint was disabled: it had failed for a day."), nowMs); !r)
        return r.error();
    return true;
}

Status WebhookRepository::dropPending(const QString &id, const QString &why, qint64 nowMs)
{
    return execute(m_db,
                   QStringLiteral("UPDATE webhook_deliveries SET state = 'failed', last_error = ?, finished_at = ? "
                                  "WHERE webhook_id = ? AND state = 'pending'"),
                   {why, nowMs, id});
}

Result<qint64> WebhookRepository::count()
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("SELECT COUNT(*) FROM webhooks"));
    return scalar(m_db, q);
}

Result<DeliveryPage> WebhookRepository::deliveries(const QString &webhookId, qint64 beforeId, int limit)
{
    QSqlQuery &q =
        m_db.prepared(SelectDeliveries + QStringLiteral(" WHERE webhook_id = ? AND id < ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(webhookId);
    q.addBindValue(beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    q.addBindValue(limit + 1);
    if (!m_db.exec(q))
        return sqlFailure(q);
    DeliveryPage page;
    while (q.next())
        page.items.append(readDelivery(q));
    if (page.items.size() > limit) {
        page.items.removeLast();
        page.nextBeforeId = page.items.last().id;
    }
    return page;
}

Result<WebhookDelivery> WebhookRepository::delivery(const QString &webhookId, qint64 id)
{
    QSqlQuery &q = m_db.prepared(SelectDeliveries + QStringLiteral(" WHERE webhook_id = ? AND id = ?"));
    q.addBindValue(webhookId);
    q.addBindValue(id);
    if (!m_db.exec(q))
        return sqlFailure(q);
    if (!q.next())
        return ApiError::notFound(QStringLiteral("No such delivery of this webhook."));
    WebhookDelivery d = readDelivery(q);
    q.finish();
    return d;
}

Result<qint64> WebhookRepository::resend(const WebhookDelivery &of, qint64 nowMs)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral("INSERT INTO webhook_deliveries (webhook_id, event_seq, event_id, "
                                                "event_type, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                                                "RETURNING id"));
    for (const QVariant &v : {QVariant(of.webhookId), QVariant(of.eventSeq), QVariant(of.eventId),
                              QVariant(of.eventType), QVariant(nowMs), QVariant(nowMs)})
        q.addBindValue(v);
    return scalar(m_db, q);
}

Result<qint64> WebhookRepository::pruneFinished(qint64 beforeMs)
{
    QSqlQuery &q =
        m_db.prepared(QStringLiteral("DELETE FROM webhook_deliveries WHERE state <> 'pending' AND finished_at < ?"));
    q.addBindValue(beforeMs);
    if (!m_db.exec(q))
        return sqlFailure(q);
    return static_cast<qint64>(q.numRowsAffected());
}

} // namespace keyward
