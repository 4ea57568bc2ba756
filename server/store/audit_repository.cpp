#include "audit_repository.h"

#include "core/clock.h"
#include "crypto/digest.h"
#include "sql_error.h"

#include <QJsonDocument>

namespace keyward {

QByteArray AuditEvent::canonical() const
{
    QJsonObject o{{QStringLiteral("seq"), QString::number(seq)},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("time"), QString::number(time)},
                  {QStringLiteral("actor_type"), actorType},
                  {QStringLiteral("actor_id"), actorId},
                  {QStringLiteral("action"), action},
                  {QStringLiteral("target_type"), targetType},
                  {QStringLiteral("target_id"), targetId},
                  {QStringLiteral("outcome"), outcome},
                  {QStringLiteral("ip"), ip},
                  {QStringLiteral("user_agent"), userAgent},
                  {QStringLiteral("request_id"), requestId},
                  {QStringLiteral("details"), details}};
    // QJsonObject keeps keys sorted, so the serialisation is deterministic.
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject AuditEvent::toJson() const
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject{
        {QStringLiteral("seq"), seq},
        {QStringLiteral("id"), id},
        {QStringLiteral("time"), formatTime(time)},
        {QStringLiteral("actor"),
         QJsonObject{{QStringLiteral("type"), actorType}, {QStringLiteral("id"), orNull(actorId)}}},
        {QStringLiteral("action"), action},
        {QStringLiteral("target"),
         QJsonObject{{QStringLiteral("type"), orNull(targetType)}, {QStringLiteral("id"), orNull(targetId)}}},
        {QStringLiteral("outcome"), outcome},
        {QStringLiteral("ip"), orNull(ip)},
        {QStringLiteral("user_agent"), orNull(userAgent)},
        {QStringLiteral("request_id"), orNull(requestId)},
        {QStringLiteral("details"), QJsonDocument::fromJson(details.toUtf8()).object()},
    };
}

AuditRepository::AuditRepository(Database &db, QByteArray chainKey)
    : m_db(db)
    , m_chainKey(std::move(chainKey))
{
}

Result<qint64> AuditRepository::append(AuditEvent e)
{
    // Taking the next number locks the chain head until the transaction ends: appends are serial.
    QSqlQuery &head =
        m_db.prepared(QStringLiteral("UPDATE audit_chain_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash"));
    if (!head.exec() || !head.next())
        return sqlFailure(head);
    e.seq = head.value(0).toLongLong();
    QByteArray prevHash = head.value(1).toByteArray();
    if (prevHash.isEmpty())
        prevHash = QByteArray(32, '\0'); // the genesis link
    head.finish();
    const QByteArray hash = crypto::hmacSha256(m_chainKey, QByteArray(prevHash + e.canonical()));

    QSqlQuery &ins = m_db.prepared(QStringLiteral(
        "INSERT INTO audit_events (seq, id, time, actor_type, actor_id, action, target_type, target_id, outcome, ip, "
        "user_agent, request_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {QVariant(e.seq), QVariant(e.id), QVariant(e.time), QVariant(e.actorType), QVariant(e.actorId),
          QVariant(e.action), QVariant(e.targetType), QVariant(e.targetId), QVariant(e.outcome), QVariant(e.ip),
          QVariant(e.userAgent), QVariant(e.requestId), QVariant(e.details), QVariant(prevHash), QVariant(hash)})
        ins.addBindValue(v);
    if (!ins.exec())
        return sqlFailure(ins);

    QSqlQuery &tip = m_db.prepared(QStringLiteral("UPDATE audit_chain_head SET hash = ? WHERE id = 1"));
    tip.addBindValue(hash);
    if (!tip.exec())
        return sqlFailure(tip);
    return e.seq;
}

Result<QList<AuditEvent>> AuditRepository::recent(int limit)
{
    QSqlQuery &q = m_db.prepared(QStringLiteral(
        "SELECT seq, id, time, actor_type, actor_id, action, target_type, target_id, outcome, ip, user_agent, "
        "request_id, details FROM audit_events ORDER BY seq DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return sqlFailure(q);
    QList<AuditEvent> out;
    while (q.next()) {
        AuditEvent e;
        e.seq = q.value(0).toLongLong();
        e.id = q.value(1).toString();
        e.time = q.value(2).toLongLong();
        e.actorType = q.value(3).toString();
        e.actorId = q.value(4).toString();
        e.action = q.value(5).toString();
        e.targetType = q.value(6).toString();
        e.targetId = q.value(7).toString();
        e.outcome = q.value(8).toString();
        e.ip = q.value(9).toString();
        e.userAgent = q.value(10).toString();
        e.requestId = q.value(11).toString();
        e.details = q.value(12).toString();
        out.append(e);
    }
    return out;
}

} // namespace keyward
