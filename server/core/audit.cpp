#include "audit.h"

#include <QJsonDocument>
#include <QJsonObject>

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

} // namespace keyward
