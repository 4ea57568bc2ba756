#include "audit.h"

#include "clock.h"

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

} // namespace keyward
