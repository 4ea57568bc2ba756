#include "api_key.h"

#include "clock.h"

#include <QJsonArray>

namespace keyward {

namespace {

QJsonValue optionalTime(qint64 ms)
{
    return ms ? QJsonValue(formatTime(ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject ApiKey::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("prefix"), prefix},
                       {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                       {QStringLiteral("created_at"), formatTime(createdAt)},
                       {QStringLiteral("expires_at"), optionalTime(expiresAt)},
                       {QStringLiteral("last_used_at"), optionalTime(lastUsedAt)}};
}

} // namespace keyward
